from io import StringIO

import pytest

from tests.opportunities.factories import make_user
from wendbaar.accounts.models import Membership, MembershipRole, Organisation, Role
from wendbaar.core.management.commands.demo import ORGANISATIONS as CORE_ORGANISATIONS
from wendbaar.opportunities import demo
from wendbaar.opportunities.models import Opportunity, OpportunityMatch, OpportunityStatus
from wendbaar.opportunities.services import is_visible

pytestmark = pytest.mark.django_db


def test_demo_content_loads_twice_without_duplicates(starter):
    for name, kind, sector, province, place, description in CORE_ORGANISATIONS:
        Organisation.objects.create(
            name=name,
            slug=name.lower().replace(" ", "-"),
            kind=kind,
            sector=sector,
            province=province,
            municipality=place,
            description=description,
        )
    joost = make_user("Joost Visser", email="organisatie@wendbaar.localhost", role=Role.ORGANISATIE)
    Membership.objects.create(
        user=joost,
        organisation=Organisation.objects.get(slug="zorggroep-de-linde"),
        role=MembershipRole.RECRUITER,
    )
    samir = make_user("Samir El Amrani", email="kcc@wendbaar.localhost")
    for _ in range(2):
        demo.load(StringIO())
    published = Opportunity.objects.filter(status=OpportunityStatus.GEPUBLICEERD)
    assert published.count() == len(demo.KANSEN)
    assert Opportunity.objects.filter(status=OpportunityStatus.CONCEPT).count() == 1
    assert all(o.is_open and o.required_skills.count() >= 3 for o in published)
    assert len({o.kind for o in published}) == 4
    assert len({o.organisation.sector for o in published}) >= 7
    assert "gemeente" not in {o.organisation.sector for o in published}
    assert is_visible(samir) and OpportunityMatch.objects.filter(profile__user=samir).exists()
    assert Membership.objects.get(user=joost, organisation__slug="zorggroep-de-linde").role == "beheerder"
