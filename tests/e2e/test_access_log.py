"""An adviser reads the profile a person shares for their conversation; the person then finds that visit on
"Wie heeft mijn gegevens bekeken", reached with the keyboard only. axe-core checks both pages."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from tests.access.world import soon
from tests.e2e.conftest import assert_accessible
from wendbaar.access.log import record_access
from wendbaar.access.views import LOG_PAGE_SIZE
from wendbaar.accounts.models import Role, User
from wendbaar.events import services
from wendbaar.events.models import Adviser, Conversation
from wendbaar.profiles import services as profiles

PASSWORD = "lente-in-zwolle-2026"


def test_the_person_sees_who_looked_at_their_profile(site, page, signed_in_tab):
    petra = User.objects.create_user("petra@example.nl", PASSWORD, name="Petra de Vries")
    annelies = User.objects.create_user(
        "annelies@example.nl", PASSWORD, name="Annelies Bakker", role=Role.LOOPBAANADVISEUR
    )
    Adviser.objects.create(user=annelies, location="Loopbaanpunt, Zwolle")
    profile = profiles.profile_for(petra)
    profile.education = "mbo-4"
    profile.save()
    start, end = soon()
    conversation = Conversation.objects.create(
        adviser=annelies, person=petra, starts_at=start, ends_at=end, mode="locatie", location="Zwolle"
    )
    services.set_profile_sharing(conversation, petra, True)
    # An older history, so the log has a second page.
    for number in range(LOG_PAGE_SIZE):
        entry = record_access(annelies, petra, what=f"eerder bekeken {number}", why="voorbereiding")
        entry.at = timezone.now() - timedelta(days=30 - number % 20)
        entry.save(update_fields=["at"])

    adviser = signed_in_tab(annelies, f"/gesprekken/{conversation.pk}/", PASSWORD)
    assert_accessible(adviser)
    adviser.get_by_role("link", name="Bekijk het vaardighedenprofiel").focus()
    adviser.keyboard.press("Enter")
    expect(adviser.get_by_role("heading", level=1)).to_have_text("Vaardighedenprofiel van Petra de Vries")
    expect(adviser.get_by_text("Mbo niveau 4")).to_be_visible()
    assert_accessible(adviser)

    tab = signed_in_tab(petra, "/mijn/", PASSWORD)
    tab.get_by_role("link", name="Wie heeft mijn gegevens bekeken?").focus()
    tab.keyboard.press("Enter")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Wie heeft mijn gegevens bekeken")
    newest = tab.get_by_role("row").nth(1)
    expect(newest).to_contain_text("Annelies Bakker (Loopbaanadviseur)")
    expect(newest).to_contain_text("vaardighedenprofiel")
    expect(newest).to_contain_text("gesprek op")
    assert_accessible(tab)

    tab.get_by_role("link", name="Ouder").focus()
    tab.keyboard.press("Enter")
    expect(tab.get_by_text("Pagina 2 van 2")).to_be_visible()
    assert_accessible(tab)
