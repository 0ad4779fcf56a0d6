"""Who sees which dashboard, the pages themselves, and the CSV export."""

import csv
import io

import pytest
from django.urls import reverse

from tests.insight import factories as f
from wendbaar.accounts.models import Membership, MembershipRole, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def towns():
    """Zwolle (24 people), Kampen (12) and Dalfsen (4), all in Overijssel."""
    zwolle, kampen, dalfsen = f.municipality("Zwolle"), f.municipality("Kampen"), f.municipality("Dalfsen")
    balie, excel = f.skill("balie"), f.skill("excel", digital=True)
    job = f.occupation("kcc", "4222", [balie])
    for i in range(24):
        f.person(zwolle, skills=[balie, excel] if i % 2 else [balie], job=job)
    for _ in range(12):
        f.person(kampen, skills=[balie], job=job)
    for _ in range(4):
        f.person(dalfsen, skills=[balie], job=job)
    return zwolle, kampen, dalfsen


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


@pytest.mark.parametrize("role", [Role.PROGRAMMATEAM, Role.BEHEERDER])
def test_the_programme_team_sees_every_group(client, towns, role):
    client.force_login(f.user(role=role))
    page = client.get(reverse("insight:index"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Heel Nederland" in html and "Provincie Overijssel" in html and "Kampen" in html
    assert (
        client.get(reverse("insight:dashboard", args=["trends"]), {"groep": "p:overijssel"}).status_code
        == 200
    )


def test_a_municipalitys_hr_sees_only_its_own_people(client, towns):
    zwolle, kampen, _dalfsen = towns
    client.force_login(f.hr(zwolle))
    page = client.get(reverse("insight:index"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Zwolle" in html and "Heel Nederland" not in html and "Kampen" not in html
    assert "In deze groep: 25 mensen" in html  # 24, rounded to five
    for group in ["nl", "p:overijssel", f"g:{kampen.pk}", "b:4"]:
        refused = client.get(reverse("insight:index"), {"groep": group})
        assert refused.status_code == 400
        assert "Deze groep kun je niet kiezen." in refused.content.decode()
        assert "vaardigheden-0" not in refused.content.decode()  # no chart, no numbers
        assert client.get(reverse("insight:csv", args=["vaardigheden"]), {"groep": group}).status_code == 400


@pytest.mark.parametrize(
    "role, membership",
    [
        (Role.MEDEWERKER, None),
        (Role.MEDEWERKER, MembershipRole.MEDEWERKER),  # works at the municipality, is not its HR
        (Role.LOOPBAANADVISEUR, None),
        (Role.ORGANISATIE, MembershipRole.RECRUITER),
    ],
)
def test_everyone_else_is_refused(client, towns, role, membership):
    someone = f.user(role=role)
    if membership:
        Membership.objects.create(user=someone, organisation=towns[0], role=membership)
    client.force_login(someone)
    assert client.get(reverse("insight:index")).status_code == 403
    assert client.get(reverse("insight:csv", args=["vaardigheden"])).status_code == 403
    assert "/inzicht/" not in client.get(reverse("core:home")).content.decode()


def test_hr_of_an_organisation_outside_the_municipalities_is_refused(client, towns):
    from wendbaar.accounts.models import Organisation, OrganisationKind

    care = Organisation.objects.create(
        name="Zorggroep", slug="zorggroep", kind=OrganisationKind.ANDERE_SECTOR, sector="zorg"
    )
    someone = f.user(role=Role.ORGANISATIE)
    Membership.objects.create(user=someone, organisation=care, role=MembershipRole.BEHEERDER)
    client.force_login(someone)
    assert client.get(reverse("insight:index")).status_code == 403


def test_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("insight:index"))
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


def test_the_menu_shows_inzicht_only_to_those_who_may_see_it(client, towns):
    client.force_login(f.user(role=Role.PROGRAMMATEAM))
    assert 'href="/inzicht/"' in client.get(reverse("core:home")).content.decode()
    client.force_login(f.hr(towns[0]))
    assert 'href="/inzicht/"' in client.get(reverse("core:home")).content.decode()


def test_charts_come_with_their_numbers_in_a_table(client, towns):
    client.force_login(f.user(role=Role.PROGRAMMATEAM))
    html = client.get(reverse("insight:index")).content.decode()
    assert 'role="img"' in html and "<title" in html and "<desc" in html
    assert '<table class="utrecht-table chart__table">' in html
    assert "minder dan 10" in html  # the digital buckets of a small group
    assert "Hoe we kleine groepen beschermen" in html


def test_a_group_with_fewer_than_ten_people_shows_nothing_but_a_note(client, towns):
    client.force_login(f.user(role=Role.PROGRAMMATEAM))
    page = client.get(reverse("insight:index"), {"groep": f"g:{towns[2].pk}"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Te weinig mensen om te tonen" in html
    assert 'role="img"' not in html


def test_bad_filters_get_a_dutch_message_and_no_figures(client, towns):
    client.force_login(f.user(role=Role.PROGRAMMATEAM))
    page = client.get(reverse("insight:index"), {"groep": "nl", "jaar": "1999"})
    assert page.status_code == 400
    assert "Kies een jaar uit de lijst." in page.content.decode()
    assert client.get(reverse("insight:dashboard", args=["bestaat-niet"])).status_code == 404


def test_the_csv_holds_what_the_page_shows_and_nothing_smaller(client, towns):
    client.force_login(f.user(role=Role.PROGRAMMATEAM))
    response = client.get(reverse("insight:csv", args=["vaardigheden"]), {"groep": "p:overijssel"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "inzicht-vaardigheden-p-overijssel" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert {r["groep"] for r in rows} == {"Provincie Overijssel"}
    population = next(r for r in rows if r["onderdeel"] == "Mensen in deze groep")
    assert population["waarde"] == "40"
    for r in rows:
        if r["kolom"] != "aandeel (%)":
            assert r["waarde"] in ("minder dan 10", "afgeschermd", "niet getoond") or (
                int(r["waarde"]) >= 10 and int(r["waarde"]) % 5 == 0
            )
    dalfsen = [r for r in rows if r["onderdeel"] == "Dalfsen"]
    assert dalfsen and dalfsen[0]["waarde"] == "minder dan 10"
    # Overijssel minus Zwolle and Kampen would be Dalfsen: Kampen, the smaller of the two, is hidden.
    assert next(r for r in rows if r["onderdeel"] == "Kampen")["waarde"] == "afgeschermd"
    page = client.get(reverse("insight:index"), {"groep": "p:overijssel"}).content.decode()
    for r in rows:
        if r["kolom"] == "Mensen" and r["waarde"].isdigit():
            assert r["waarde"] in page


def test_figures_are_kept_for_an_hour_and_the_page_says_from_when(
    client, towns, settings, django_assert_max_num_queries
):
    from django.core.cache import cache

    settings.INSIGHT_CACHE_SECONDS = 3600
    cache.clear()
    client.force_login(f.user(role=Role.PROGRAMMATEAM))
    first = client.get(reverse("insight:index")).content.decode()
    assert "Cijfers van" in first

    zwolle = towns[0]
    for _ in range(30):  # a change within the hour does not move the kept figures
        f.person(zwolle)
    with django_assert_max_num_queries(12):  # session, user, groups, rules: no figure is computed again
        again = client.get(reverse("insight:index")).content.decode()
    assert again == first.replace(_csrf(first), _csrf(again))
    client.cookies["django_language"] = "en"
    english = client.get(reverse("insight:index")).content.decode()
    assert "Figures from" in english and "People in this group" in english  # kept per language
    del client.cookies["django_language"]

    settings.INSIGHT_CACHE_SECONDS = 0
    fresh = client.get(reverse("insight:index")).content.decode()
    assert fresh != first.replace(_csrf(first), _csrf(fresh))


def _csrf(html: str) -> str:
    import re

    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return found.group(1) if found else ""
