"""API keys in real Chromium: make one with the keyboard only, see it once, use it, revoke it; the API
documentation page loads from this server. axe-core checks every page."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, visit
from wendbaar.accounts.models import User

PASSWORD = "lente-in-zwolle-2026"


def test_make_use_and_revoke_a_key_with_the_keyboard(site, signed_in_tab):
    petra = User.objects.create_user("petra@zwolle.nl", PASSWORD, name="Petra de Vries")
    tab = signed_in_tab(petra, "/account/api-sleutels/", PASSWORD)
    expect(tab.get_by_role("heading", name="API-sleutels", level=1)).to_be_visible()
    expect(tab.get_by_text("Je hebt nog geen API-sleutels.")).to_be_visible()
    assert_accessible(tab)

    # An empty name is refused, with the reason next to the field.
    tab.get_by_role("button", name="Sleutel maken").focus()
    tab.keyboard.press("Enter")
    expect(tab.get_by_role("alert")).to_contain_text("nog niet goed ingevuld")
    assert_accessible(tab)

    tab.get_by_label("Naam van de sleutel").focus()
    tab.keyboard.type("Rooster-app")
    tab.keyboard.press("Tab")  # to the radio buttons: the first is "Alleen lezen"
    tab.keyboard.press("ArrowDown")  # "Lezen en wijzigen"
    expect(tab.get_by_label("Lezen en wijzigen")).to_be_checked()
    tab.keyboard.press("Tab")
    tab.keyboard.press("Tab")  # past the select, which keeps 90 days
    expect(tab.get_by_role("button", name="Sleutel maken")).to_be_focused()
    tab.keyboard.press("Enter")

    expect(tab.get_by_role("status")).to_contain_text("maar één keer")
    key = tab.get_by_label("Je nieuwe sleutel").input_value()
    assert re.fullmatch(r"wb_[\w-]{43}", key)
    assert_accessible(tab)

    me = tab.request.get(f"{site}/api/v1/me/", headers={"Authorization": f"Bearer {key}"})
    assert me.status == 200 and me.json()["token"]["name"] == "Rooster-app"

    visit(tab, f"{site}/account/api-sleutels/")
    expect(tab.get_by_text(key)).to_have_count(0)  # shown once only
    row = tab.get_by_role("row", name=re.compile("Rooster-app"))
    expect(row).to_contain_text("Lezen en wijzigen")
    row.get_by_role("button", name=re.compile("Intrekken")).focus()
    tab.keyboard.press("Enter")
    expect(tab.get_by_role("status")).to_contain_text("werkt niet meer")
    expect(tab.get_by_role("row", name=re.compile("Rooster-app"))).to_contain_text("Ingetrokken")
    assert_accessible(tab)
    refused = tab.request.get(f"{site}/api/v1/me/", headers={"Authorization": f"Bearer {key}"})
    assert refused.status == 401 and refused.headers["content-type"] == "application/problem+json"


def test_the_api_documentation_loads_from_this_server(site, page):
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site) else None)
    page.goto(f"{site}/api/v1/docs/")
    expect(page.get_by_text("wendbaar API").first).to_be_visible()
    expect(page.get_by_text("/api/v1/me/profile/").first).to_be_visible()
    assert outside == []
