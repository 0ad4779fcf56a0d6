"""Background tasks (Django's tasks framework). They take ids and look everything up again when they run."""

from django.tasks import task

from wendbaar.core.tasks import in_site_language
from wendbaar.notifications import services


@task()
@in_site_language
def send_digest(user_id: int) -> int | None:
    """One person's overview, if one is due (see services.send_digest)."""
    return services.send_digest(user_id)


@task()
@in_site_language
def send_digests() -> dict[str, int]:
    """Everyone's overviews; for a scheduler that queues tasks instead of running commands."""
    return services.send_digests()
