"""The figures themselves: what they count, how small groups disappear from them, and that erasing an
account leaves the programme's counts as they were."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.insight import factories as f
from wendbaar.insight.models import Exploration, Explorer
from wendbaar.insight.queries import ALL_QUERIES, Filters
from wendbaar.insight.recording import record_exploration
from wendbaar.insight.suppression import PROTECTED, SHOWN, SMALL, WITHHELD
from wendbaar.taxonomy.models import Indicator, IndicatorValue

pytestmark = pytest.mark.django_db


def row(figure, label):
    return next(r for r in figure.rows if r.label == label)


@pytest.fixture
def world():
    """Zwolle (30 people) and Kampen (12) in Overijssel, Tilburg (25) in Noord-Brabant."""
    zwolle, kampen = f.municipality("Zwolle"), f.municipality("Kampen")
    tilburg = f.municipality("Tilburg", "noord-brabant")
    balie, data, zorg = f.skill("balie"), f.skill("excel", digital=True), f.skill("zorg-verlenen")
    kcc = f.occupation("kcc", "4222", [balie, data])
    care = f.occupation("verzorgende", "5322", [balie, zorg])
    meeting = f.event("overijssel")
    people = []
    for i in range(30):
        people.append(f.person(zwolle, skills=[balie, data] if i % 2 else [balie], job=kcc, saved=[care]))
        f.register(people[-1], meeting)
    people += [f.person(kampen, skills=[balie, zorg], job=kcc) for _ in range(12)]
    people += [f.person(tilburg, skills=[balie, data, zorg], job=care) for _ in range(25)]
    return {
        "zwolle": zwolle,
        "kampen": kampen,
        "tilburg": tilburg,
        "people": people,
        "care": care,
        "kcc": kcc,
    }


def test_counts_are_rounded_to_five_and_shares_follow_the_rounded_counts(world):
    figure = ALL_QUERIES["vaardigheden"](Filters("nl"))
    assert figure.population.shown == 65  # 67 people
    excel = row(figure, "excel")
    assert excel.values[0].shown == 40  # 15 in Zwolle + 25 in Tilburg
    assert excel.share == round(100 * 40 / 65)


def test_a_municipality_shows_its_own_people_only(world):
    figure = ALL_QUERIES["vaardigheden"](Filters(f"g:{world['zwolle'].pk}"))
    assert figure.population.shown == 30
    assert [r.label for r in figure.rows] == ["balie", "excel"]
    assert row(figure, "excel").values[0].shown == 15


def test_what_fewer_than_ten_people_did_is_never_a_number(world):
    kampen = ALL_QUERIES["bijeenkomsten"](Filters(f"g:{world['kampen'].pk}"))
    overijssel = row(kampen, "Overijssel").values[0]
    assert overijssel.status == SMALL and overijssel.label == "minder dan 10" and overijssel.shown is None
    nobody = ALL_QUERIES["bewaard"](Filters(f"g:{world['kampen'].pk}"))
    assert nobody.rows == []


def test_a_small_group_cannot_be_had_by_subtracting_two_allowed_ones(world):
    # Three people in Tilburg looked at the same occupation; Noord-Brabant has no other municipality, so
    # the province would give Tilburg away, and Nederland minus Overijssel would give the province away.
    target = world["kcc"]
    for profile in [p for p in world["people"] if p.user.memberships.get().organisation == world["tilburg"]][
        :3
    ]:
        record_exploration(profile.user, target)
    for profile in world["people"][:20]:  # and twenty people in Zwolle
        record_exploration(profile.user, target)
    shown = {}
    for group in [
        "nl",
        "p:overijssel",
        "p:noord-brabant",
        f"g:{world['zwolle'].pk}",
        f"g:{world['tilburg'].pk}",
    ]:
        figure = ALL_QUERIES["verkend"](Filters(group))
        hits = [r.values[0] for r in figure.rows if r.label == "kcc"]
        shown[group] = hits[0].shown if hits else None
    zwolle, tilburg = f"g:{world['zwolle'].pk}", f"g:{world['tilburg'].pk}"
    assert shown[tilburg] is None and shown["p:noord-brabant"] is None
    # Of any two groups shown one inside the other, the people in between are none, or at least ten.
    truth = {"nl": 23, "p:overijssel": 20, zwolle: 20, "p:noord-brabant": 3, tilburg: 3}
    inside = {("nl", "p:overijssel"), ("nl", zwolle), ("p:overijssel", zwolle), ("nl", tilburg)}
    for outer, inner in inside:
        if shown[outer] is not None and shown[inner] is not None:
            assert not 1 <= truth[outer] - truth[inner] < 10, (outer, inner)
    assert shown["nl"] is not None or shown[zwolle] is not None  # not everything disappears


def test_people_without_a_skill_are_not_given_away_either(world):
    # Everyone in Zwolle has "balie"; in Tilburg too. Kampen: all 12. So "without balie" is 0: fine.
    # Give one person in Zwolle no "balie": then 29 of 30 have it, and 30 − 29 would be one person.
    one = world["people"][0]
    one.skills.filter(skill__code="balie").delete()
    zwolle = ALL_QUERIES["vaardigheden"](Filters(f"g:{world['zwolle'].pk}"))
    assert "balie" not in [r.label for r in zwolle.rows]


def test_digital_skills_per_person(world):
    figure = ALL_QUERIES["digitaal"](Filters("nl"))
    counts = {r.key: r.values[0] for r in figure.rows}
    # Excel is the only digital skill: 15 people in Zwolle and the 25 in Tilburg have it.
    assert counts["1-2"].shown == 40
    assert counts["3-5"].status == SMALL and counts["6+"].status == SMALL
    assert figure.note == ""  # no share "with at least one" while buckets are hidden


def test_exposure_needs_an_imported_indicator(world):
    assert ALL_QUERIES["blootstelling"](Filters("nl")).rows == []
    risk = Indicator.objects.create(name="automatisering", label="automatisering", source="test")
    IndicatorValue.objects.create(indicator=risk, occupation=world["kcc"], value=0.8)
    IndicatorValue.objects.create(indicator=risk, occupation=world["care"], value=0.1)
    for n in range(4):
        IndicatorValue.objects.create(
            indicator=risk, occupation=f.occupation(f"ander-{n}"), value=0.3 + n / 10
        )
    figure = ALL_QUERIES["blootstelling"](Filters("nl"))
    counts = {r.key: r.values[0] for r in figure.rows}
    assert counts["hoog"].shown == 40  # the 42 KCC-medewerkers
    assert counts["laag"].shown == 25


def test_learning_demand_is_what_saved_work_asks_and_people_lack(world):
    figure = ALL_QUERIES["ontbrekend"](Filters("nl"))
    # The 30 in Zwolle saved "verzorgende", which needs "zorg-verlenen" (they have "balie").
    assert [(r.label, r.values[0].shown) for r in figure.rows] == [("zorg verlenen", 30)]


def test_learning_demand_counts_each_person_once_and_never_those_who_have_the_skill():
    zwolle = f.municipality("Zwolle")
    balie, zorg, plannen = f.skill("balie"), f.skill("zorg-verlenen"), f.skill("plannen")
    care = f.occupation("verzorgende", "5322", [balie, zorg])
    home = f.occupation("thuiszorg", "5322", [zorg, plannen])
    # 15 saved both kinds of care work: each misses "zorg verlenen" once, not twice.
    for _ in range(15):
        f.person(zwolle, skills=[balie], saved=[care, home])
    # 12 saved both and have "zorg verlenen" already: they miss "plannen" and "balie", not that.
    for _ in range(12):
        f.person(zwolle, skills=[zorg], saved=[care, home])
    figure = ALL_QUERIES["ontbrekend"](Filters(f"g:{zwolle.pk}"))
    # Of 27 people: "plannen" 27 (rounded 25), "zorg verlenen" 15, "balie" 12 (the 12 saved "verzorgende").
    assert [(r.label, r.values[0].shown) for r in figure.rows] == [
        ("plannen", 25),
        ("zorg verlenen", 15),
        ("balie", 10),
    ]


def test_trends_count_each_month_on_its_own(world):
    figure = ALL_QUERIES["trends"](Filters("nl"))
    this_month = figure.rows[-1]
    assert this_month.label.endswith(str(timezone.localdate().year))
    new, _explored, saved, events = this_month.values
    assert new.shown == 65 and saved.shown == 30 and events.shown == 30


def test_every_query_answers_for_every_group_kind(world):
    for group in ["nl", "p:overijssel", f"g:{world['zwolle'].pk}", "b:4"]:
        for name, query in ALL_QUERIES.items():
            figure = query({"group": group})
            assert figure.name == name
            for r in figure.rows:
                for value in r.values:
                    if hasattr(value, "status"):
                        assert value.status in (SHOWN, SMALL, PROTECTED, WITHHELD)
                        assert value.shown is None or (value.shown >= 10 and value.shown % 5 == 0)


def test_unknown_group_is_refused():
    with pytest.raises(ValueError):
        ALL_QUERIES["bevolking"]({"group": "g:999"})


def test_erasing_an_account_leaves_the_national_figures_as_they_were(world):
    from wendbaar.privacy.erasure import erase

    person = world["people"][1]  # Zwolle, with skills, saved work and a place at the bijeenkomst
    record_exploration(person.user, world["care"])
    before = {name: query(Filters("nl")) for name, query in ALL_QUERIES.items()}
    erase(person.user)
    after = {name: query(Filters("nl")) for name, query in ALL_QUERIES.items()}
    assert after == before
    assert Exploration.objects.filter(explorer__user__isnull=True).count() == 1


def test_looking_at_an_occupation_in_verkennen_is_recorded_once_a_month(client):
    from wendbaar.profiles.models import Profile, ProfileSkill
    from wendbaar.taxonomy.models import Occupation, Skill
    from wendbaar.taxonomy.starter_import import load_starter_set

    load_starter_set()
    someone = f.user()
    profile = Profile.objects.create(user=someone)
    ProfileSkill.objects.bulk_create(ProfileSkill(profile=profile, skill=s) for s in Skill.objects.all()[:8])
    client.force_login(someone)
    clerk = Occupation.objects.get(code="baliemedewerker-burgerzaken")
    for _ in range(2):
        assert client.get(reverse("explore:overstap", args=[clerk.code])).status_code == 200
    assert list(Exploration.objects.values_list("explorer__user", "occupation", "month")) == [
        (someone.pk, clerk.pk, timezone.localdate().replace(day=1))
    ]
    # Advisers and staff trying the page out are not the population the dashboards describe.
    adviser = f.user(role="loopbaanadviseur")
    record_exploration(adviser, clerk)
    assert not Explorer.objects.filter(user=adviser).exists()


def _kans(sector: str, title: str, codes: list[str], status: str = "gepubliceerd"):
    """A kans of an organisation in ``sector`` that asks the skills with these codes."""
    from datetime import timedelta

    from wendbaar.accounts.models import Organisation, OrganisationKind
    from wendbaar.opportunities.models import Opportunity
    from wendbaar.taxonomy.models import Skill

    organisation, _new = Organisation.objects.get_or_create(
        slug=sector, defaults={"name": sector, "kind": OrganisationKind.ANDERE_SECTOR, "sector": sector}
    )
    kans = Opportunity.objects.create(
        organisation=organisation,
        kind="vacature",
        title=title,
        description="Werken in de wijk.",
        province="overijssel",
        closes_on=timezone.localdate() + timedelta(days=30),
        status=status,
    )
    kans.required_skills.set(Skill.objects.filter(code__in=codes))


def test_demand_and_supply_per_sector(world):
    from wendbaar.opportunities.models import OpportunityStatus

    _kans("zorg", "Helpende", ["balie", "zorg-verlenen"], OpportunityStatus.GEPUBLICEERD)
    _kans("zorg", "Concept", ["balie", "zorg-verlenen"], OpportunityStatus.CONCEPT)
    figure = ALL_QUERIES["kansen"](Filters("nl"))
    (zorg,) = figure.rows
    open_kansen, skills_asked, people = zorg.values
    assert (open_kansen, skills_asked) == (1, 2)  # the draft does not count
    # Half of the two asked skills is enough: everyone has "balie".
    assert people.shown == 65


def test_supply_per_sector_is_the_same_when_the_skills_are_counted_in_batches(world, monkeypatch):
    from wendbaar.insight import queries

    _kans("zorg", "zorg", ["balie", "zorg-verlenen"])
    _kans("ict", "ict", ["excel", "zorg-verlenen"])
    together = ALL_QUERIES["kansen"](Filters("nl")).rows
    monkeypatch.setattr(queries, "BITS", 2)  # three skills in all: one batch per sector
    assert ALL_QUERIES["kansen"](Filters("nl")).rows == together
    people = {r.key: r.values[2].shown for r in together}
    # One of the two asked skills is enough: everyone has "balie"; Kampen, Tilburg and half of Zwolle
    # have "excel" or "zorg-verlenen".
    assert people == {"zorg": 65, "ict": 50}


def test_a_person_finds_their_part_in_the_data_export(world):
    from wendbaar.privacy.exporters import export

    person = world["people"][0]
    record_exploration(person.user, world["care"])
    part = export(person.user)["onderdelen"]["inzicht"]
    assert part["bekeken_beroepen"] == [
        {
            "beroep": {"naam": "verzorgende", "code": "verzorgende"},
            "maand": timezone.localdate().replace(day=1),
        }
    ]
    assert part["telt_mee_in"] == {"gemeente": "Zwolle", "beroepsgroep": "Administratief en klantcontact"}
