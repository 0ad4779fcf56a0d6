"""The demo site shows something on the dashboards: enough made-up people for figures of 10 or more."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from wendbaar.accounts.models import User
from wendbaar.insight import demo
from wendbaar.insight.queries import ALL_QUERIES, Filters
from wendbaar.profiles.models import Profile
from wendbaar.taxonomy.starter_import import load_starter_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(settings):
    settings.DEBUG = True
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    load_starter_set()
    for _ in range(2):  # loading twice changes nothing
        call_command("demo", stdout=StringIO())


def test_the_demo_adds_people_once_who_cannot_sign_in(demo_site):
    people = User.objects.filter(email__startswith="demo-medewerker-")
    assert people.count() == sum(demo.PEOPLE.values())
    assert Profile.objects.filter(user__in=people).count() == people.count()
    assert not any(p.has_usable_password() for p in people)


def test_the_national_dashboards_show_figures(demo_site):
    population = ALL_QUERIES["bevolking"](Filters("nl"))
    assert population.population.shown >= 80
    skills = ALL_QUERIES["vaardigheden"](Filters("nl"))
    assert len(skills.rows) >= 5
    assert any(row.values[0].is_shown for row in ALL_QUERIES["digitaal"](Filters("nl")).rows)
    assert ALL_QUERIES["bewaard"](Filters("nl")).rows


def test_the_demo_hr_account_sees_zwolle(demo_site, client):
    client.force_login(User.objects.get(email=demo.HR_EMAIL))
    html = client.get(reverse("insight:index")).content.decode()
    assert "Gemeente Zwolle" in html and "In deze groep:" in html
