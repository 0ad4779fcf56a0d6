"""Who sees what: organisations never see people who did not opt in, never a name before acceptance, never
another organisation's drafts or requests; withdrawing visibility hides a person at once; limits against
bulk requests."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.opportunities.factories import (
    make_opportunity,
    make_organisation,
    make_person,
    make_staff,
)
from wendbaar.accounts.models import Membership, MembershipRole
from wendbaar.opportunities import matching, services
from wendbaar.opportunities.models import ContactRequest, OpportunityMatch, OpportunityStatus, RequestStatus
from wendbaar.privacy import consent
from wendbaar.privacy.consent import Purpose
from wendbaar.profiles.models import Profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def linde(starter):
    return make_organisation()


@pytest.fixture
def recruiter(linde):
    return make_staff(linde)


@pytest.fixture
def kans(linde):
    return make_opportunity(linde)


def _match(kans, user):
    return OpportunityMatch.objects.get(opportunity=kans, profile__user=user)


def test_a_person_who_did_not_opt_in_is_never_matched_or_shown(client, recruiter, kans, linde):
    visible = make_person("Petra de Vries")
    hidden = make_person("Samir El Amrani", visible=False)
    matching.compute_matches()
    assert set(OpportunityMatch.objects.values_list("profile__user", flat=True)) == {visible.pk}
    # Even a stored row (made before some change) never reaches the organisation.
    stale = OpportunityMatch.objects.create(
        opportunity=kans, profile=Profile.objects.get(user=hidden), score=0.9, computed_at=timezone.now()
    )
    client.force_login(recruiter)
    page = client.get(reverse("opportunities:matches", args=[linde.slug, kans.pk]))
    assert [c["match"].profile.user for c in page.context["cards"]] == [visible]
    assert client.get(reverse("opportunities:match", args=[linde.slug, kans.pk, stale.pk])).status_code == 404
    with pytest.raises(services.Refused):
        services.send_invitation(stale.pk, recruiter)
    assert not ContactRequest.objects.exists()


def test_withdrawing_visibility_hides_the_person_at_once(client, recruiter, kans, linde):
    petra = make_person("Petra de Vries")
    matching.compute_matches()
    match = _match(kans, petra)
    invitation = services.send_invitation(match.pk, recruiter)
    consent.revoke(petra, Purpose.VISIBLE_TO_ORGANISATIONS)  # e.g. from the privacy page: no hook needed

    client.force_login(recruiter)
    assert client.get(reverse("opportunities:matches", args=[linde.slug, kans.pk])).context["cards"] == []
    assert client.get(reverse("opportunities:match", args=[linde.slug, kans.pk, match.pk])).status_code == 404
    assert client.get(reverse("opportunities:org_requests", args=[linde.slug])).context["sent"] == []
    assert not recruiter.has_perm("opportunities.view_contactrequest", invitation)
    with pytest.raises(services.Refused):
        services.send_invitation(match.pk, recruiter)
    # The pending invitation cannot be accepted either: it lapsed with the withdrawal.
    with pytest.raises(services.Refused, match="niet meer zichtbaar"):
        services.accept(invitation.pk, petra)

    # Through the person's own switch, stored matches go as well.
    consent.grant(petra, Purpose.VISIBLE_TO_ORGANISATIONS)
    client.force_login(petra)
    client.post(reverse("opportunities:visibility"), {"province": ""})
    assert not services.is_visible(petra)
    assert not OpportunityMatch.objects.filter(profile__user=petra).exists()


def test_no_name_before_acceptance(client, recruiter, kans, linde):
    petra = make_person("Petra de Vries")
    matching.compute_matches()
    invitation = services.send_invitation(_match(kans, petra).pk, recruiter)
    client.force_login(recruiter)
    for url in (
        reverse("opportunities:matches", args=[linde.slug, kans.pk]),
        reverse("opportunities:match", args=[linde.slug, kans.pk, _match(kans, petra).pk]),
        reverse("opportunities:org_requests", args=[linde.slug]),
        reverse("opportunities:manage", args=[linde.slug, kans.pk]),
    ):
        page = client.get(url).content.decode()
        assert "Petra" not in page and "petra@example.nl" not in page, url
    assert not hasattr(invitation, "thread")
    services.decline(invitation.pk, petra)
    assert (
        "Petra" not in client.get(reverse("opportunities:org_requests", args=[linde.slug])).content.decode()
    )


def test_another_organisation_sees_no_drafts_requests_or_conversations(client, linde, recruiter, kans):
    draft = make_opportunity(linde, title="Geheim concept", status=OpportunityStatus.CONCEPT)
    petra = make_person("Petra de Vries")
    matching.compute_matches()
    invitation = services.send_invitation(_match(kans, petra).pk, recruiter)
    thread = services.accept(invitation.pk, petra)
    other = make_organisation("DataDienst Noord", sector="ict", province="groningen")
    stranger = make_staff(other, name="Eva Bos")
    # Someone who merely works at De Linde (a "medewerker" membership) gets no access either.
    employee = make_person("Kees Smit", visible=False)
    Membership.objects.create(user=employee, organisation=linde, role=MembershipRole.MEDEWERKER)
    for user in (stranger, employee):
        client.force_login(user)
        assert client.get(reverse("opportunities:detail", args=[draft.pk])).status_code == 404  # hidden
        assert client.get(reverse("opportunities:thread", args=[thread.pk])).status_code == 404
        assert (
            client.post(reverse("opportunities:answer", args=[invitation.pk]), {"besluit": "nee"}).status_code
            == 404
        )
        for url in (
            reverse("opportunities:workspace", args=[linde.slug]),
            reverse("opportunities:manage", args=[linde.slug, kans.pk]),
            reverse("opportunities:matches", args=[linde.slug, kans.pk]),
            reverse("opportunities:org_requests", args=[linde.slug]),
            reverse("opportunities:sector", args=[linde.slug]),
            reverse("opportunities:members", args=[linde.slug]),
            reverse("opportunities:edit", args=[linde.slug, draft.pk]),
        ):
            assert client.get(url).status_code == 403, url
        assert (
            client.post(
                reverse("opportunities:status", args=[linde.slug, draft.pk]), {"status": "gepubliceerd"}
            ).status_code
            == 403
        )
    # Its own opportunity addressed through another organisation's address is not found.
    client.force_login(stranger)
    assert client.get(reverse("opportunities:manage", args=[other.slug, kans.pk])).status_code == 404
    assert client.get(reverse("opportunities:index")).context["page"].paginator.count == 1  # not the draft
    client.force_login(recruiter)
    assert client.get(reverse("opportunities:detail", args=[draft.pk])).status_code == 200


def test_declined_request_cannot_be_repeated_within_the_cooldown(settings, recruiter, linde, kans):
    petra = make_person("Petra de Vries")
    second = make_opportunity(linde, title="Vacature wijkverpleging")
    matching.compute_matches()
    first = services.send_invitation(_match(kans, petra).pk, recruiter)
    services.decline(first.pk, petra)
    with pytest.raises(services.Refused, match="pas vanaf"):
        services.send_invitation(_match(kans, petra).pk, recruiter)
    with pytest.raises(
        services.Refused, match="pas vanaf"
    ):  # not for another kans of the organisation either
        services.send_invitation(_match(second, petra).pk, recruiter)
    ContactRequest.objects.filter(pk=first.pk).update(decided_at=timezone.now() - timedelta(days=91))
    assert services.send_invitation(_match(kans, petra).pk, recruiter).status == RequestStatus.OPEN
    settings.OPPORTUNITIES_DECLINE_COOLDOWN_DAYS = 200  # configurable: a longer period applies again
    services.decline(ContactRequest.objects.get(status=RequestStatus.OPEN).pk, petra)
    with pytest.raises(services.Refused):
        services.send_invitation(_match(second, petra).pk, recruiter)


def test_limits_against_bulk_requests(settings, recruiter, kans):
    people = [make_person(f"Persoon {i}", email=f"p{i}@example.nl") for i in range(3)]
    matching.compute_matches()
    services.send_invitation(_match(kans, people[0]).pk, recruiter)
    with pytest.raises(services.Refused, match="al een verzoek open"):
        services.send_invitation(_match(kans, people[0]).pk, recruiter)
    settings.OPPORTUNITIES_DAILY_REQUEST_LIMIT = 2
    services.send_invitation(_match(kans, people[1]).pk, recruiter)
    with pytest.raises(services.Refused, match="maximum"):
        services.send_invitation(_match(kans, people[2]).pk, recruiter)
    assert ContactRequest.objects.count() == 2
    ContactRequest.objects.update(created_at=timezone.now() - timedelta(hours=25))
    services.send_invitation(_match(kans, people[2]).pk, recruiter)


def test_closed_and_expired_kansen_drop_out_of_matching(client, recruiter, kans, linde):
    petra = make_person("Petra de Vries")
    matching.compute_matches()
    assert OpportunityMatch.objects.filter(opportunity=kans).exists()
    kans.closes_on = timezone.localdate() - timedelta(days=1)
    kans.save()
    client.force_login(petra)
    assert client.get(reverse("opportunities:index")).context["page"].paginator.count == 0
    assert matching.for_person(petra).score(kans.pk) is None
    client.force_login(recruiter)
    assert client.get(reverse("opportunities:matches", args=[linde.slug, kans.pk])).context["cards"] == []
    matching.compute_matches()
    assert not OpportunityMatch.objects.exists()
    with pytest.raises(services.Refused):
        services.express_interest(kans, petra)
