"""Background work for inzicht."""

from django.tasks import task


@task()
def rebuild_people() -> int:
    """Rebuild who counts in which group (see ``people.py``); catches up on bulk changes that bypassed
    the signals. Meant for ``wendbaar nightly``. Returns how many people the dashboards describe."""
    from wendbaar.insight.people import rebuild

    return rebuild()
