"""Advisers' slots, booking rules, moving and cancelling, profile sharing, private notes and follow-up."""

from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.events.factories import AMSTERDAM, UserFactory, days_ahead, local, make_adviser
from wendbaar.accounts.models import Role
from wendbaar.events import services, slots
from wendbaar.events.models import (
    AvailabilityException,
    Conversation,
    ConversationMode,
    ConversationStatus,
    FollowUpAction,
)
from wendbaar.notifications.models import Notification

pytestmark = pytest.mark.django_db
VIDEO, LOCATION = ConversationMode.VIDEO, ConversationMode.LOCATION


def book(person, adviser, start, **kwargs):
    kwargs.setdefault("mode", VIDEO)
    return services.book(person, adviser.user_id, start, **kwargs)


# --- Slots --------------------------------------------------------------------------------------------


def test_weekly_availability_is_cut_into_slots_of_the_advisers_length():
    adviser = make_adviser(weekdays=[1], start=time(9, 0), end=time(11, 45), minutes=45)
    tuesday = date(2026, 12, 1)
    starts = [s.starts_at.astimezone(AMSTERDAM).strftime("%H:%M") for s in slots.slots_on(adviser, tuesday)]
    assert starts == ["09:00", "09:45", "10:30"]  # 11:15 + 45 min would end after 11:45
    assert slots.slots_on(adviser, tuesday + timedelta(days=1)) == []


@pytest.mark.parametrize(
    ("day", "offset"),
    [
        (date(2026, 3, 27), 1),  # Friday before clocks go forward: CET
        (date(2026, 3, 30), 2),  # Monday after: CEST
        (date(2026, 10, 23), 2),  # Friday before clocks go back: CEST
        (date(2026, 10, 26), 1),  # Monday after: CET
    ],
)
def test_a_nine_oclock_slot_stays_at_nine_across_daylight_saving_changes(day, offset):
    adviser = make_adviser(start=time(9, 0), end=time(10, 0), minutes=60)
    (slot,) = slots.slots_on(adviser, day)
    assert slot.starts_at.astimezone(AMSTERDAM).hour == 9
    assert slot.starts_at.utcoffset() == timedelta(hours=offset)
    assert slot.ends_at - slot.starts_at == timedelta(hours=1)


def test_night_slots_skip_the_hour_that_does_not_exist_in_spring():
    adviser = make_adviser(start=time(1, 0), end=time(4, 0), minutes=60)
    starts = [
        s.starts_at.astimezone(AMSTERDAM).strftime("%H:%M")
        for s in slots.slots_on(adviser, date(2026, 3, 29))
    ]
    assert starts == ["01:00", "03:00"]  # 02:00 does not exist on the last Sunday of March


def test_free_slots_leave_out_days_off_booked_slots_and_the_past():
    adviser = make_adviser(start=time(9, 0), end=time(11, 0), minutes=60)
    today = timezone.localdate()
    AvailabilityException.objects.create(
        adviser=adviser,
        first_day=today + timedelta(days=2),
        last_day=today + timedelta(days=3),
        reason="Vakantie",
    )
    book(UserFactory(), adviser, days_ahead(4, time(9, 0)))
    free = slots.free_slots(adviser, days=6)
    by_day = {
        day: [s.starts_at.astimezone(AMSTERDAM).hour for s in day_slots]
        for day, day_slots in slots.group_by_day(free)
    }
    assert today + timedelta(days=2) not in by_day and today + timedelta(days=3) not in by_day
    assert by_day[today + timedelta(days=4)] == [10]
    assert by_day[today + timedelta(days=5)] == [9, 10]
    assert all(s.starts_at > timezone.now() for s in free)


def test_a_conversation_of_another_length_blocks_every_slot_it_overlaps():
    adviser = make_adviser(start=time(9, 0), end=time(12, 0), minutes=45)
    # Booked when the adviser still had one-hour slots.
    Conversation.objects.create(
        adviser=adviser.user,
        person=UserFactory(),
        starts_at=days_ahead(3, time(9, 30)),
        ends_at=days_ahead(3, time(10, 30)),
        mode=VIDEO,
    )
    day = timezone.localdate() + timedelta(days=3)
    free = [
        s.starts_at.astimezone(AMSTERDAM).strftime("%H:%M")
        for s in slots.free_slots(adviser, first_day=day, days=1)
    ]
    assert free == ["10:30", "11:15"]


def test_slot_keys_round_trip():
    start = local(2026, 10, 25, 9, 45)
    assert slots.parse_slot_key(slots.slot_key(start)) == start
    assert slots.parse_slot_key("nonsense") is None


# --- Booking ------------------------------------------------------------------------------------------


def test_booking_copies_where_and_tells_both(django_capture_on_commit_callbacks, mailoutbox):
    adviser = make_adviser()
    person = UserFactory(name="Petra de Vries")
    with django_capture_on_commit_callbacks(execute=True):
        conversation = book(
            person, adviser, days_ahead(3, time(9, 45)), mode=LOCATION, question="Overstap naar zorg"
        )
    assert conversation.location == "Loopbaanpunt, Zwolle" and conversation.video_url == ""
    assert conversation.ends_at - conversation.starts_at == timedelta(minutes=45)
    assert (
        "Petra de Vries heeft een gesprek met je geboekt" in Notification.objects.get(user=adviser.user).text
    )
    assert sorted(m.to[0] for m in mailoutbox) == sorted([adviser.user.email, person.email])


def test_booking_a_past_slot_is_refused():
    adviser = make_adviser()
    yesterday = days_ahead(-1, time(10, 30))
    with pytest.raises(services.Refused, match="al voorbij"):
        book(UserFactory(), adviser, yesterday)
    assert not Conversation.objects.exists()


@pytest.mark.parametrize(
    "make_inactive",
    [
        lambda adviser: setattr(adviser, "is_active", False) or adviser.save(),
        lambda adviser: setattr(adviser.user, "is_active", False) or adviser.user.save(),
        lambda adviser: setattr(adviser.user, "role", Role.MEDEWERKER) or adviser.user.save(),
    ],
    ids=["paused", "account-blocked", "no-longer-adviser"],
)
def test_booking_a_slot_of_an_inactive_adviser_is_refused(make_inactive):
    adviser = make_adviser()
    make_inactive(adviser)
    with pytest.raises(services.Refused, match="neemt nu geen nieuwe gesprekken aan"):
        book(UserFactory(), adviser, days_ahead(3, time(10, 30)))
    assert not Conversation.objects.exists()


def test_booking_a_taken_slot_outside_availability_or_too_far_ahead_is_refused():
    adviser = make_adviser(start=time(9, 0), end=time(12, 0))
    book(UserFactory(), adviser, days_ahead(3, time(9, 0)))
    with pytest.raises(services.Refused, match="niet \\(meer\\) vrij"):
        book(UserFactory(), adviser, days_ahead(3, time(9, 0)))
    with pytest.raises(services.Refused, match="niet \\(meer\\) vrij"):
        book(UserFactory(), adviser, days_ahead(3, time(15, 0)))
    with pytest.raises(services.Refused, match="niet \\(meer\\) vrij"):
        book(UserFactory(), adviser, days_ahead(3, time(9, 10)))  # not a slot boundary
    with pytest.raises(services.Refused, match="28 dagen vooruit"):
        book(UserFactory(), adviser, days_ahead(40, time(9, 0)))
    assert Conversation.objects.count() == 1


def test_the_open_booking_limit_is_a_setting(settings):
    adviser = make_adviser()
    person = UserFactory()
    book(person, adviser, days_ahead(2, time(9, 0)))
    book(person, adviser, days_ahead(3, time(9, 0)))
    with pytest.raises(services.Refused, match="al 2 gesprekken gepland"):
        book(person, adviser, days_ahead(4, time(9, 0)))
    assert Conversation.objects.count() == 2
    settings.CONVERSATION_OPEN_LIMIT = 3
    book(person, adviser, days_ahead(4, time(9, 0)))
    assert Conversation.objects.count() == 3


def test_cancelled_and_past_conversations_do_not_count_towards_the_limit():
    adviser = make_adviser()
    person = UserFactory()
    first = book(person, adviser, days_ahead(2, time(9, 0)))
    book(person, adviser, days_ahead(3, time(9, 0)))
    services.cancel_conversation(first.pk, person)
    book(person, adviser, days_ahead(4, time(9, 0)))
    later = timezone.now() + timedelta(days=5)  # both earlier ones are over by then
    assert services.open_conversations(person, later).count() == 0


def test_only_medewerkers_book_and_only_in_modes_the_adviser_offers():
    adviser = make_adviser(location="")
    with pytest.raises(services.Refused, match="Alleen medewerkers"):
        book(UserFactory(role=Role.ORGANISATIE), adviser, days_ahead(3, time(9, 0)))
    with pytest.raises(services.Refused, match="manier van praten"):
        book(UserFactory(), adviser, days_ahead(3, time(9, 0)), mode=LOCATION)
    assert not Conversation.objects.exists()


def test_a_person_cannot_be_in_two_conversations_at_once():
    first, second = make_adviser("Annelies Bakker"), make_adviser("Hendrik Smit")
    person = UserFactory()
    book(person, first, days_ahead(3, time(9, 0)))
    with pytest.raises(services.Refused, match="al een ander gesprek"):
        book(person, second, days_ahead(3, time(9, 0)))


# --- Moving and cancelling ----------------------------------------------------------------------------


def test_rescheduling_moves_the_conversation_and_frees_the_old_slot(django_capture_on_commit_callbacks):
    adviser = make_adviser()
    person = UserFactory()
    conversation = book(person, adviser, days_ahead(3, time(9, 0)))
    with django_capture_on_commit_callbacks(execute=True):
        moved = services.reschedule(conversation.pk, person, days_ahead(4, time(11, 15)))
    assert moved.pk == conversation.pk and moved.reschedule_count == 1
    assert moved.starts_at == days_ahead(4, time(11, 15))
    assert slots.free_slot_at(adviser, days_ahead(3, time(9, 0))) is not None
    assert "verzet naar" in Notification.objects.filter(user=adviser.user).first().text


def test_rescheduling_to_an_adjacent_overlapping_slot_ignores_itself():
    adviser = make_adviser(minutes=45)
    person = UserFactory()
    conversation = book(person, adviser, days_ahead(3, time(9, 0)))
    moved = services.reschedule(conversation.pk, person, days_ahead(3, time(9, 45)))
    assert moved.starts_at == days_ahead(3, time(9, 45))


def test_moving_or_cancelling_inside_the_notice_period_is_refused_and_changes_nothing(settings):
    adviser = make_adviser()
    person = UserFactory()
    conversation = book(person, adviser, days_ahead(3, time(9, 0)))
    just_too_late = conversation.starts_at - timedelta(hours=23)
    with pytest.raises(services.Refused, match="Annuleren kan tot 24 uur voor het gesprek"):
        services.cancel_conversation(conversation.pk, person, now=just_too_late)
    with pytest.raises(services.Refused, match="Verzetten kan tot 24 uur"):
        services.reschedule(conversation.pk, person, days_ahead(5, time(9, 0)), now=just_too_late)
    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.BOOKED
    assert conversation.starts_at == days_ahead(3, time(9, 0))
    settings.CONVERSATION_NOTICE_HOURS = 12
    services.cancel_conversation(conversation.pk, person, now=just_too_late)
    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.CANCELLED


def test_the_adviser_may_cancel_later_and_the_person_is_told():
    adviser = make_adviser()
    person = UserFactory()
    conversation = book(person, adviser, days_ahead(1, time(9, 0)))
    services.cancel_conversation(
        conversation.pk, adviser.user, now=conversation.starts_at - timedelta(hours=1)
    )
    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.CANCELLED and conversation.cancelled_by == adviser.user
    assert "geannuleerd" in Notification.objects.get(user=person).text
    # The slot is free again for someone else.
    assert book(UserFactory(), adviser, days_ahead(1, time(9, 0))).pk != conversation.pk


def test_strangers_cannot_cancel():
    conversation = book(UserFactory(), make_adviser(), days_ahead(3, time(9, 0)))
    with pytest.raises(Conversation.DoesNotExist):
        services.cancel_conversation(conversation.pk, UserFactory())


# --- Profile sharing ----------------------------------------------------------------------------------


def test_can_view_profile_only_with_a_current_shared_conversation():
    adviser, other_adviser = make_adviser("Annelies Bakker"), make_adviser("Hendrik Smit")
    person, stranger = UserFactory(), UserFactory()
    conversation = book(person, adviser, days_ahead(3, time(9, 0)), share_profile=True)

    assert services.can_view_profile(adviser.user, person)
    assert not services.can_view_profile(other_adviser.user, person)
    assert not services.can_view_profile(adviser.user, stranger)
    assert not services.can_view_profile(UserFactory(role=Role.PROGRAMMATEAM), person)
    assert not services.can_view_profile(None, person)

    # A week after the conversation the access ends.
    assert services.can_view_profile(adviser.user, person, now=conversation.ends_at + timedelta(days=6))
    assert not services.can_view_profile(adviser.user, person, now=conversation.ends_at + timedelta(days=8))

    services.set_profile_sharing(conversation, person, False)
    assert not services.can_view_profile(adviser.user, person)
    services.set_profile_sharing(conversation, person, True)
    services.cancel_conversation(conversation.pk, person)
    assert not services.can_view_profile(adviser.user, person)


def test_not_sharing_is_the_default_and_completed_conversations_end_access():
    adviser = make_adviser()
    person = UserFactory()
    unshared = book(person, adviser, days_ahead(3, time(9, 0)))
    assert not unshared.share_profile and not services.can_view_profile(adviser.user, person)
    shared = book(person, adviser, days_ahead(4, time(9, 0)), share_profile=True)
    assert services.can_view_profile(adviser.user, person)
    services.complete_conversation(shared, adviser.user, now=shared.starts_at + timedelta(minutes=50))
    assert not services.can_view_profile(adviser.user, person)


def test_an_adviser_whose_account_is_blocked_sees_nothing():
    adviser = make_adviser()
    person = UserFactory()
    book(person, adviser, days_ahead(3, time(9, 0)), share_profile=True)
    adviser.user.is_active = False
    adviser.user.save()
    assert not services.can_view_profile(adviser.user, person)


# --- Notes and follow-up on the pages -----------------------------------------------------------------


@pytest.fixture
def conversation():
    return book(
        UserFactory(name="Petra de Vries"), make_adviser("Annelies Bakker"), days_ahead(3, time(9, 0))
    )


def test_private_notes_are_for_the_adviser_and_the_person_only(client, conversation):
    services.add_note(conversation, conversation.person, "Ik twijfel tussen zorg en data.")
    services.add_note(conversation, conversation.adviser, "Volgende keer: beroepentest bespreken.")
    url = conversation.get_absolute_url()
    for party in (conversation.person, conversation.adviser):
        client.force_login(party)
        page = client.get(url).content.decode()
        assert "Ik twijfel tussen zorg en data." in page and "beroepentest" in page

    outsiders = [
        UserFactory(),
        make_adviser("Hendrik Smit").user,
        UserFactory(role=Role.PROGRAMMATEAM),
        UserFactory(role=Role.BEHEERDER, is_staff=True, is_superuser=True),
    ]
    for outsider in outsiders:
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert (
            client.post(reverse("events:add_note", args=[conversation.pk]), {"text": "hoi"}).status_code
            == 404
        )
        for name in ("reschedule", "cancel_conversation"):
            assert client.get(reverse(f"events:{name}", args=[conversation.pk])).status_code == 404
    assert conversation.notes.count() == 2
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_notes_are_not_in_the_admin(admin_client, conversation):
    services.add_note(conversation, conversation.person, "Geheim")
    assert admin_client.get("/beheer/events/conversationnote/").status_code == 404
    assert admin_client.get("/beheer/events/conversation/").status_code == 404


def test_note_form_posts_from_the_conversation_page(client, conversation):
    client.force_login(conversation.person)
    response = client.post(
        reverse("events:add_note", args=[conversation.pk]), {"text": "Vraag over scholing"}
    )
    assert response.status_code == 302
    assert conversation.notes.get().author == conversation.person
    client.post(reverse("events:add_note", args=[conversation.pk]), {"text": ""})
    assert conversation.notes.count() == 1


def test_follow_up_actions_appear_on_mijn_gesprekken(client, conversation):
    client.force_login(conversation.adviser)
    client.post(
        reverse("events:add_action", args=[conversation.pk]),
        {"description": "Meeloopdag bij de wijkteams regelen", "due_date": "2027-01-15"},
    )
    action = FollowUpAction.objects.get()
    assert action.due_date == date(2027, 1, 15)

    client.force_login(conversation.person)
    page = client.get(reverse("events:my_conversations")).content.decode()
    assert "Meeloopdag bij de wijkteams regelen" in page
    assert "15 januari 2027" in page
    assert "Meeloopdag" in Notification.objects.get(user=conversation.person, text__contains="afspraak").text

    client.post(reverse("events:action_done", args=[action.pk]), {"klaar": "ja", "terug": "mijn"})
    action.refresh_from_db()
    assert action.is_done

    # Only the adviser records agreements; a stranger cannot tick them off.
    assert (
        client.post(reverse("events:add_action", args=[conversation.pk]), {"description": "x"}).status_code
        == 404
    )
    client.force_login(UserFactory())
    assert client.post(reverse("events:action_done", args=[action.pk]), {"klaar": "nee"}).status_code == 404
    action.refresh_from_db()
    assert action.is_done


def test_the_person_turns_profile_sharing_on_and_off_on_the_page(client, conversation):
    client.force_login(conversation.person)
    client.post(reverse("events:share_profile", args=[conversation.pk]), {"delen": "ja"})
    assert services.can_view_profile(conversation.adviser, conversation.person)
    client.force_login(conversation.adviser)
    assert (
        "deelt het vaardighedenprofiel met jou"
        in client.get(conversation.get_absolute_url()).content.decode()
    )
    # The adviser cannot switch it on for the person.
    client.post(reverse("events:share_profile", args=[conversation.pk]), {"delen": "nee"})
    assert services.can_view_profile(conversation.adviser, conversation.person)
