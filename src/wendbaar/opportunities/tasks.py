"""Background tasks (Django's tasks framework). They take ids and read the state again when they run.

``compute_matches`` is the nightly run: the best matches of every open kans among the people who are
zichtbaar voor organisaties. Queue it once a night with ``wendbaar opportunities compute-matches``.
"""

from django.tasks import task

from wendbaar.core.tasks import in_site_language
from wendbaar.opportunities import matching


@task()
@in_site_language
def compute_matches() -> dict:
    return matching.compute_matches()


@task()
@in_site_language
def refresh_opportunity_matches(opportunity_id: int) -> dict:
    """Right after a kans is published, so the organisation does not wait for the night."""
    return matching.compute_matches([opportunity_id], tell=False)


@task()
@in_site_language
def match_person(user_id: int) -> int:
    """Right after someone becomes zichtbaar voor organisaties."""
    return matching.match_person(user_id)
