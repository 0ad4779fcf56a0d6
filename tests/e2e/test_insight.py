"""Inzicht in real Chromium: the programme team finds the dashboards in the menu, picks a group with the
keyboard, reads a chart and its table, and downloads the CSV; a municipality's HR sees its own people
only. axe-core checks every dashboard. Screenshots go to test-results/screenshots/."""

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, visit
from tests.insight import factories as f
from wendbaar.accounts.models import Role

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"


def crowd():
    zwolle, kampen = f.municipality("Gemeente Zwolle"), f.municipality("Gemeente Kampen")
    balie, excel = f.skill("balie"), f.skill("excel", digital=True)
    job = f.occupation("klantcontactmedewerker", "4222", [balie])
    care = f.occupation("verzorgende", "5322", [balie])
    meeting = f.event("overijssel")
    for i in range(30):
        person = f.person(zwolle, skills=[balie, excel] if i % 3 else [balie], job=job, saved=[care])
        if i % 2:
            f.register(person, meeting)
    for _ in range(14):
        f.person(kampen, skills=[balie], job=care)
    return zwolle, kampen


def test_programme_team_reads_the_dashboards_and_downloads_a_csv(site, signed_in_tab):
    crowd()
    staff = f.user(role=Role.PROGRAMMATEAM, email="fatma@example.nl")
    tab = signed_in_tab(staff, "/", f.PASSWORD)
    tab.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Inzicht").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Inzicht: Vaardigheden")
    assert_accessible(tab)
    expect(tab.get_by_role("heading", name="Heel Nederland")).to_be_visible()
    expect(tab.get_by_text("In deze groep: 45 mensen met een vaardighedenprofiel.")).to_be_visible()

    # A chart with its numbers beside it.
    chart = tab.get_by_role("figure", name="Aantal mensen met deze vaardigheid in hun profiel.")
    expect(chart.get_by_role("img")).to_be_visible()
    expect(chart.get_by_role("row", name=re.compile("^balie"))).to_contain_text("45 (100%)")

    # Pick a province with the keyboard only: type to jump in the list, Tab past the year, Enter.
    tab.get_by_label("Groep", exact=True).focus()
    tab.keyboard.type("Provincie Overijssel")
    tab.keyboard.press("Tab")
    tab.keyboard.press("Tab")
    tab.keyboard.press("Enter")
    expect(tab).to_have_url(re.compile(r"groep=p%3Aoverijssel"))
    expect(tab.get_by_role("heading", name="Provincie Overijssel")).to_be_visible()
    assert_accessible(tab)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "inzicht-vaardigheden.png"), full_page=True)

    with tab.expect_download() as download:
        tab.get_by_role("link", name="Download als CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.startswith("figuur,groep,jaar,onderdeel,kolom,waarde")
    assert "Provincie Overijssel" in text

    for dashboard in ("Overstappen en leren", "Bijeenkomsten", "Kansen", "Per maand"):
        tab.get_by_role("navigation", name="Dashboards").get_by_role("link", name=dashboard).click()
        expect(tab.get_by_role("heading", level=1)).to_have_text(f"Inzicht: {dashboard}")
        assert_accessible(tab)
    tab.screenshot(path=str(SCREENSHOTS / "inzicht-per-maand.png"), full_page=True)


def test_hr_sees_its_own_municipality_and_nothing_else(site, signed_in_tab):
    zwolle, _kampen = crowd()
    hr = f.hr(zwolle)
    tab = signed_in_tab(hr, "/inzicht/", f.PASSWORD)
    expect(tab.get_by_role("heading", name="Gemeente Zwolle")).to_be_visible()
    options = tab.get_by_label("Groep", exact=True).locator("option").all_inner_texts()
    assert options == ["Gemeente Zwolle"]
    visit(tab, f"{site}/inzicht/bijeenkomsten/")
    expect(tab.get_by_role("heading", name=re.compile("Deelname aan bijeenkomsten"))).to_be_visible()
    # Someone without a right to inzicht gets no link and no page.
    other = f.user(email="jan@example.nl")
    outsider = signed_in_tab(other, "/", f.PASSWORD)
    expect(outsider.get_by_role("link", name="Inzicht")).to_have_count(0)
    response = outsider.goto(f"{site}/inzicht/")
    assert response.status == 403
