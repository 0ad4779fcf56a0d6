"""What you share with whom: the events flags keep a consent record, the overview lists them with their
history, and stopping from the overview works at once — also for the flag itself."""

import pytest
from django.urls import reverse

from tests.events.factories import EventFactory, make_adviser
from tests.privacy.factories import first_free_slot, user
from wendbaar.events import services as events
from wendbaar.events.models import Conversation, Registration
from wendbaar.privacy import consent, sharing
from wendbaar.privacy.models import ConsentRecord, Purpose

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna():
    return user("Anna de Boer", "anna@example.nl")


@pytest.fixture
def adviser():
    return make_adviser("Annelies Bakker")


def book(person, adviser, share=True):
    return events.book(
        person, adviser.user_id, first_free_slot(adviser).starts_at, mode="video", share_profile=share
    )


def open_records(person):
    return set(
        ConsentRecord.objects.filter(user=person, revoked_at__isnull=True).values_list("purpose", "audience")
    )


def test_booking_with_sharing_records_consent_for_that_gesprek_only(anna, adviser):
    shared = book(anna, adviser, share=True)
    assert open_records(anna) == {(Purpose.PROFILE_WITH_ADVISER, f"gesprek:{shared.pk}")}
    assert events.can_view_profile(adviser.user, anna)

    events.set_profile_sharing(shared, anna, False)
    assert open_records(anna) == set()
    assert not events.can_view_profile(adviser.user, anna)
    events.set_profile_sharing(shared, anna, True)
    # History: two periods, the first one closed.
    records = ConsentRecord.objects.filter(user=anna).order_by("granted_at", "id")
    assert [r.revoked_at is None for r in records] == [False, True]


def test_booking_without_sharing_records_nothing(anna, adviser):
    book(anna, adviser, share=False)
    assert not ConsentRecord.objects.filter(user=anna).exists()


def test_registration_records_the_attendee_list_choice(anna):
    event = EventFactory()
    events.register(event.pk, anna, share_on_attendee_list=True)
    assert open_records(anna) == {(Purpose.ATTENDEE_LIST, f"bijeenkomst:{event.pk}")}
    events.cancel_registration(event.pk, anna)
    # Registering again without the tick closes the earlier consent.
    events.register(event.pk, anna, share_on_attendee_list=False)
    assert open_records(anna) == set()
    assert ConsentRecord.objects.filter(user=anna, revoked_at__isnull=False).count() == 1


def test_the_overview_lists_what_is_shared_now_and_before(client, anna, adviser):
    conversation = book(anna, adviser)
    event = EventFactory(title="Wendbaar in Overijssel")
    events.register(event.pk, anna, share_on_attendee_list=True)
    consent.grant(anna, Purpose.VISIBLE_TO_ORGANISATIONS)
    consent.revoke(anna, Purpose.VISIBLE_TO_ORGANISATIONS)
    client.force_login(anna)
    page = client.get(reverse("privacy:overview")).content.decode()
    assert "Annelies Bakker, loopbaanadviseur, voor het gesprek van" in page
    assert "Wendbaar in Overijssel" in page
    assert conversation.get_absolute_url() in page
    current, earlier = sharing.overview(anna)
    assert len(current) == 2 and len(earlier) == 1
    assert "Organisaties met kansen" in earlier[0].with_whom


def test_stopping_from_the_overview_clears_the_flag_at_once(client, anna, adviser):
    conversation = book(anna, adviser)
    event = EventFactory()
    events.register(event.pk, anna, share_on_attendee_list=True)
    client.force_login(anna)
    for record in ConsentRecord.objects.filter(user=anna):
        response = client.post(reverse("privacy:withdraw", args=[record.pk]))
        assert response.status_code == 302
    conversation.refresh_from_db()
    assert conversation.share_profile is False
    assert Registration.objects.get(event=event, user=anna).share_on_attendee_list is False
    assert not events.can_view_profile(adviser.user, anna)
    assert open_records(anna) == set()
    page = client.get(reverse("privacy:overview")).content.decode()
    assert "Je deelt nu niets." in page


def test_stopping_visibility_for_organisations_goes_through_kansen(client, anna):
    consent.grant(anna, Purpose.VISIBLE_TO_ORGANISATIONS)
    record = ConsentRecord.objects.get(user=anna)
    client.force_login(anna)
    client.post(reverse("privacy:withdraw", args=[record.pk]))
    assert not consent.is_granted(anna, Purpose.VISIBLE_TO_ORGANISATIONS)


def test_nobody_can_stop_someone_elses_sharing(client, anna, adviser):
    conversation = book(anna, adviser)
    record = ConsentRecord.objects.get(user=anna)
    client.force_login(user("Bert Jansen", "bert@example.nl"))
    client.post(reverse("privacy:withdraw", args=[record.pk]))
    conversation.refresh_from_db()
    assert conversation.share_profile is True
    assert open_records(anna) == {(Purpose.PROFILE_WITH_ADVISER, f"gesprek:{conversation.pk}")}


def test_withdrawing_needs_a_post(client, anna):
    consent.grant(anna, Purpose.VISIBLE_TO_ORGANISATIONS)
    record = ConsentRecord.objects.get(user=anna)
    client.force_login(anna)
    assert client.get(reverse("privacy:withdraw", args=[record.pk])).status_code == 405
    assert consent.is_granted(anna, Purpose.VISIBLE_TO_ORGANISATIONS)


def test_flags_set_before_consent_records_existed_get_one(anna, adviser):
    conversation = book(anna, adviser, share=False)
    Conversation.objects.filter(pk=conversation.pk).update(share_profile=True)
    assert sharing.record_existing_flags() == 1
    assert sharing.record_existing_flags() == 0
    assert open_records(anna) == {(Purpose.PROFILE_WITH_ADVISER, f"gesprek:{conversation.pk}")}


def test_the_statement_is_public_and_names_the_officer_and_periods(client, settings):
    settings.RETENTION_INACTIVE_MONTHS = 18
    page = client.get(reverse("privacy:statement"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "mailto:fg@fonds.example" in text
    assert "18 maanden" in text
    assert "minder dan 10 mensen" in text
    # Linked from every page's footer, and from the account page and the dashboard.
    assert reverse("privacy:statement") in client.get(reverse("core:home")).content.decode()
    client.force_login(user("Anna de Boer", "anna@example.nl"))
    for name in ("accounts:account", "profiles:dashboard"):
        assert reverse("privacy:overview") in client.get(reverse(name)).content.decode()


def test_a_cancelled_gesprek_says_the_adviser_cannot_look_any_more(client, anna, adviser):
    conversation = book(anna, adviser)
    events.cancel_conversation(conversation.pk, adviser.user)
    (current,), _earlier = sharing.overview(anna)
    assert "je adviseur kan je profiel niet meer zien" in current.with_whom
    assert not events.can_view_profile(adviser.user, anna)
