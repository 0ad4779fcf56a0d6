"""The organisation's workspace: writing a kans with suggested skills, bad input, status moves, members,
the sector view and the public page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.opportunities.factories import (
    make_opportunity,
    make_organisation,
    make_person,
    make_staff,
    make_user,
)
from wendbaar.accounts.models import Membership, MembershipRole
from wendbaar.opportunities import sector, services
from wendbaar.opportunities.models import DESCRIPTION_MAX, Opportunity, OpportunityStatus
from wendbaar.privacy import consent
from wendbaar.privacy.consent import Purpose

pytestmark = pytest.mark.django_db


@pytest.fixture
def linde(starter):
    return make_organisation()


@pytest.fixture
def admin(linde, client):
    user = make_staff(linde, name="Marieke Dijk", role=MembershipRole.BEHEERDER)
    client.force_login(user)
    return user


def _valid(**changes):
    data = {
        "actie": "opslaan",
        "kind": "meeloopdag",
        "title": "Meeloopdag in de thuiszorg",
        "description": "Je loopt een dag mee met een wijkverpleegkundige en helpt cliënten thuis.",
        "occupation": "",
        "skills": ["actief-luisteren", "empathie-tonen"],
        "province": "gelderland",
        "municipality": "Apeldoorn",
        "hours": "8",
        "starts_on": "",
        "ends_on": "",
        "closes_on": (timezone.localdate() + timedelta(days=14)).isoformat(),
    }
    data.update(changes)
    return data


def test_suggestions_from_text_and_occupation(client, linde, admin):
    url = reverse("opportunities:create", args=[linde.slug])
    page = client.post(
        url,
        _valid(
            actie="voorstellen",
            skills=[],
            description="Je helpt bij persoonlijke verzorging en je gaat om met lastige klanten.",
            occupation_query="verzorgende",
        ),
    )
    codes = {skill.code: note for skill, note in page.context["form"].skill_options}
    assert codes["klanten-helpen"].startswith("uit je tekst: ‘Je helpt bij persoonlijke verzorging")
    assert "verzorgende-ig" in [o.code for o in page.context["form"].occupation_options]
    assert not Opportunity.objects.exists()
    page = client.post(
        url, _valid(actie="voorstellen", skills=["actief-luisteren"], occupation="verzorgende-ig")
    )
    options = dict((skill.code, note) for skill, note in page.context["form"].skill_options)
    assert options["actief-luisteren"] == ""  # chosen stays first and ticked
    assert options["medicatie-toedienen"] == "hoort bij het beroep"
    assert 'value="actief-luisteren" id="vaardigheid-actief-luisteren" checked' in page.content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"skills": []}, "Kies minstens één gevraagde vaardigheid."),
        ({"skills": ["bestaat-niet"]}, "Die vaardigheid kennen we niet"),
        (
            {"closes_on": (timezone.localdate() - timedelta(days=1)).isoformat()},
            "De sluitingsdatum ligt in het verleden",
        ),
        ({"description": "x" * (DESCRIPTION_MAX + 1)}, f"Dit is te lang: {DESCRIPTION_MAX + 1} tekens"),
        ({"title": "t" * 151}, "Het mag hoogstens 150 tekens zijn"),
        ({"hours": "80"}, "Vul een aantal uren van 1 tot en met 60 in."),
        ({"starts_on": "2031-05-02", "ends_on": "2031-05-01"}, "De einddatum ligt vóór de begindatum."),
        ({"title": ""}, "Vul dit in."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(client, linde, admin, changes, message):
    page = client.post(reverse("opportunities:create", args=[linde.slug]), _valid(**changes))
    assert page.status_code == 200
    assert message in page.content.decode()
    assert not Opportunity.objects.exists()


def test_create_publish_close(client, linde, admin):
    response = client.post(reverse("opportunities:create", args=[linde.slug]), _valid())
    kans = Opportunity.objects.get()
    assert response.url == reverse("opportunities:manage", args=[linde.slug, kans.pk])
    assert kans.status == OpportunityStatus.CONCEPT and kans.created_by == admin
    assert set(kans.required_skills.values_list("code", flat=True)) == {"actief-luisteren", "empathie-tonen"}
    status_url = reverse("opportunities:status", args=[linde.slug, kans.pk])
    client.post(status_url, {"status": "gesloten"})  # a draft cannot be closed straight away
    kans.refresh_from_db()
    assert kans.status == OpportunityStatus.CONCEPT
    client.post(status_url, {"status": "gepubliceerd"})
    kans.refresh_from_db()
    assert kans.status == OpportunityStatus.GEPUBLICEERD and kans.published_at and kans.is_open
    page = client.post(status_url, {"status": "concept"}, follow=True)
    assert "kan niet naar" in page.content.decode()
    client.post(status_url, {"status": "gesloten"})
    kans.refresh_from_db()
    assert kans.status == OpportunityStatus.GESLOTEN and not kans.is_open
    assert client.get(reverse("opportunities:edit", args=[linde.slug, kans.pk])).status_code == 302


def test_publishing_checks_skills_and_closing_date_again(linde, admin):
    kans = make_opportunity(linde, (), status=OpportunityStatus.CONCEPT)
    with pytest.raises(services.Refused, match="minstens één"):
        services.move(kans, OpportunityStatus.GEPUBLICEERD, admin)
    kans = make_opportunity(linde, status=OpportunityStatus.CONCEPT, closes_in=-2)
    with pytest.raises(services.Refused, match="verleden"):
        services.move(kans, OpportunityStatus.GEPUBLICEERD, admin)


def test_members_are_managed_by_the_organisation_admin(client, linde, admin):
    recruiter = make_user("Joost Visser")
    url = reverse("opportunities:members", args=[linde.slug])
    client.post(url, {"email": "JOOST@example.nl", "role": "recruiter"})
    membership = Membership.objects.get(user=recruiter, organisation=linde)
    assert membership.role == MembershipRole.RECRUITER
    page = client.post(url, {"email": "onbekend@example.nl", "role": "recruiter"}, follow=True)
    assert "Er is geen account met dit e-mailadres" in page.content.decode()
    own = Membership.objects.get(user=admin)
    page = client.post(reverse("opportunities:remove_member", args=[linde.slug, own.pk]), follow=True)
    assert "minstens één beheerder" in page.content.decode()
    client.force_login(recruiter)
    assert client.get(url).status_code == 403
    assert client.get(reverse("opportunities:workspace", args=[linde.slug])).status_code == 200
    client.force_login(admin)
    client.post(reverse("opportunities:remove_member", args=[linde.slug, membership.pk]))
    client.force_login(recruiter)
    assert client.get(reverse("opportunities:workspace", args=[linde.slug])).status_code == 403


def test_sector_view_never_shows_groups_below_ten(client, linde, admin):
    make_opportunity(linde, ("klantgericht-werken", "actief-luisteren", "persoonlijke-verzorging"))
    people = [make_person(f"Persoon {i}", email=f"p{i}@example.nl") for i in range(9)]
    view = sector.build(linde)
    assert view.people is None and view.rows == []
    assert "minder dan 10" in client.get(reverse("opportunities:sector", args=[linde.slug])).content.decode()
    people.append(make_person("Persoon tien", email="p10@example.nl"))
    make_person("Niet zichtbaar", visible=False)
    view = sector.build(linde)
    assert view.people == 10
    counts = {row.skill.code: row.count for row in view.rows}
    assert counts["klantgericht-werken"] == 10  # every clerk has it
    assert counts["persoonlijke-verzorging"] is None  # nobody (0 < 10): never a number
    page = client.get(reverse("opportunities:sector", args=[linde.slug])).content.decode()
    assert "minder dan 10" in page and "Persoon" not in page
    consent.revoke(people[0], Purpose.VISIBLE_TO_ORGANISATIONS)
    assert sector.build(linde).people is None


def test_public_page_and_old_address(client, linde):
    make_opportunity(linde, title="Open meeloopdag")
    make_opportunity(linde, title="Nog een concept", status=OpportunityStatus.CONCEPT)
    old = client.get(reverse("accounts:organisation", args=[linde.slug]))
    assert old.status_code == 301 and old.url == reverse("opportunities:organisation", args=[linde.slug])
    page = client.get(old.url).content.decode()
    assert "Open meeloopdag" in page and "Nog een concept" not in page
    assert client.get(reverse("opportunities:index")).status_code == 302  # signing in first
