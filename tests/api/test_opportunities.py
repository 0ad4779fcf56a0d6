"""Kansen through the API: for signed-in people as on the site; drafts stay hidden from others; the
person's ranking is the one /kansen/ shows."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.api.conftest import assert_problem, key_for, person
from wendbaar.accounts.models import Membership, MembershipRole, Organisation, OrganisationKind
from wendbaar.opportunities import matching
from wendbaar.opportunities.models import Opportunity, OpportunityKind, OpportunityStatus
from wendbaar.taxonomy.models import Occupation, Skill


@pytest.fixture
def kansen(anna):
    linde = Organisation.objects.create(
        name="Zorggroep De Linde",
        slug="zorggroep-de-linde",
        kind=OrganisationKind.ANDERE_SECTOR,
        sector="zorg",
    )
    today = timezone.localdate()

    def kans(title, skills, status=OpportunityStatus.GEPUBLICEERD, closes=30, **fields):
        opportunity = Opportunity.objects.create(
            organisation=linde,
            kind=fields.pop("kind", OpportunityKind.VACATURE),
            title=title,
            description=f"{title}: werken in de zorg.",
            province="gelderland",
            closes_on=today + timedelta(days=closes),
            status=status,
            published_at=timezone.now() if status != OpportunityStatus.CONCEPT else None,
            **fields,
        )
        opportunity.required_skills.set(Skill.objects.filter(code__in=skills))
        return opportunity

    counter = list(
        Occupation.objects.get(code="baliemedewerker-burgerzaken").skills.values_list("code", flat=True)
    )
    return {
        "close": kans("Receptie zorgcentrum", counter[:4], closes=10),
        "far": kans("Data-analist zorg", ["data-analyse", "sql"], closes=20),
        "meeloop": kans("Meeloopdag planning", counter[4:6], kind=OpportunityKind.MEELOOPDAG, closes=40),
        "closed": kans("Was open", counter[:2], closes=-1),
        "draft": kans("Nog geheim", counter[:2], status=OpportunityStatus.CONCEPT),
        "organisation": linde,
    }


def test_kansen_need_a_key_like_on_the_site(api, kansen):
    assert_problem(api.get("/api/v1/opportunities/"), 401, "not_authenticated")


def test_open_kansen_with_filters_and_details(api, anna, kansen):
    key = key_for(anna)
    listed = api.get("/api/v1/opportunities/", key).json()["results"]
    assert [o["title"] for o in listed] == [
        "Receptie zorgcentrum",
        "Data-analist zorg",
        "Meeloopdag planning",
    ]
    assert listed[0]["organisation"]["slug"] == "zorggroep-de-linde" and listed[0]["is_open"] is True
    meeloop = api.get("/api/v1/opportunities/", key, params={"kind": "meeloopdag"}).json()["results"]
    assert [o["title"] for o in meeloop] == ["Meeloopdag planning"]
    sql = api.get("/api/v1/opportunities/", key, params={"skill": "sql"}).json()["results"]
    assert [o["title"] for o in sql] == ["Data-analist zorg"]

    closed = api.get(f"/api/v1/opportunities/{kansen['closed'].pk}/", key).json()
    assert closed["status"] == "gesloten" and closed["is_open"] is False
    assert_problem(api.get(f"/api/v1/opportunities/{kansen['draft'].pk}/", key), 404, "not_found")

    recruiter = person("werving@linde.nl", "Wendy Werving")
    Membership.objects.create(
        user=recruiter, organisation=kansen["organisation"], role=MembershipRole.RECRUITER
    )
    draft = api.get(f"/api/v1/opportunities/{kansen['draft'].pk}/", key_for(recruiter)).json()
    assert draft["status"] == "concept"  # the organisation's own staff see their drafts


def test_my_kansen_are_ranked_as_on_the_site(api, anna, kansen):
    ranked = api.get("/api/v1/me/opportunities/", key_for(anna)).json()["results"]
    view = matching.for_person(anna)
    expected = sorted(
        [kansen[name].pk for name in ("close", "far", "meeloop")], key=lambda pk: -(view.score(pk) or 0.0)
    )
    assert [r["opportunity"]["id"] for r in ranked] == expected
    best = ranked[0]
    assert best["opportunity"]["title"] == "Receptie zorgcentrum" and best["reason"]
    assert best["required_held"] == len(best["shared_skills"]) > 0
    assert {s["code"] for s in ranked[-1]["missing_skills"]} == {"data-analyse", "sql"}

    newcomer = person("nieuw@zwolle.nl", "Nieuw")
    assert_problem(api.get("/api/v1/me/opportunities/", key_for(newcomer)), 409, "profile_incomplete")
