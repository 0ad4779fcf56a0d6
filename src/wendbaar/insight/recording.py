"""Recording what the dashboards count, called from other apps' views in one line."""

from django.utils import timezone

from wendbaar.accounts.models import Role
from wendbaar.insight.models import Exploration, Explorer


def record_exploration(user, occupation) -> None:
    """Note that ``user`` looked at ``occupation`` this month. Only medewerkers count: the dashboards
    describe the publieksdiensten population, not the advisers or staff who try the pages out."""
    if not getattr(user, "is_authenticated", False) or user.role != Role.MEDEWERKER:
        return
    explorer, _created = Explorer.objects.get_or_create(user=user)
    month = timezone.localdate().replace(day=1)
    Exploration.objects.bulk_create(
        [Exploration(explorer=explorer, occupation=occupation, month=month)], ignore_conflicts=True
    )
