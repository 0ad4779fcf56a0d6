"""Background work of the privacy app (Django's tasks framework; the backend is in settings)."""

from django.tasks import task

from wendbaar.core.tasks import in_site_language
from wendbaar.privacy import retention


@task()
@in_site_language
def apply_retention() -> dict:
    """Warn and erase inactive accounts (see ``retention``); returns what it did."""
    outcome = retention.apply_retention()
    return {"warned": outcome.warned, "erased": outcome.erased, "held_back": len(outcome.held_back)}
