from io import StringIO

import pytest
from django.core.management import call_command

from tests.opportunities.factories import make_opportunity, make_organisation, make_person
from wendbaar.opportunities import services
from wendbaar.opportunities.models import OpportunityMatch

pytestmark = pytest.mark.django_db


def test_nightly_command_stores_matches_of_visible_people_only(starter):
    linde = make_organisation()
    kans = make_opportunity(linde)
    visible = make_person("Petra de Vries")
    make_person("Samir El Amrani", visible=False)
    out = StringIO()
    call_command("opportunities", "compute-matches", "--now", stdout=out)
    assert "1 kansen, 1 zichtbare mensen, 1 matches opgeslagen" in out.getvalue()
    assert list(OpportunityMatch.objects.values_list("opportunity", "profile__user")) == [
        (kans.pk, visible.pk)
    ]
    OpportunityMatch.objects.all().delete()
    call_command("opportunities", "compute-matches", stdout=StringIO())  # queued; runs at once in tests
    assert OpportunityMatch.objects.count() == 1


def test_becoming_visible_places_the_person_among_the_matches(starter, django_capture_on_commit_callbacks):
    linde = make_organisation()
    kans = make_opportunity(linde)
    samir = make_person("Samir El Amrani", visible=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.set_visibility(samir, True, "utrecht")
    assert OpportunityMatch.objects.filter(opportunity=kans, profile__user=samir).exists()
    assert services.region_of(samir) == "utrecht"
    services.set_visibility(samir, False)
    assert not OpportunityMatch.objects.exists()
