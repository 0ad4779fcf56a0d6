"""Background tasks (Django's tasks framework; the database backend by default, see settings).

The tasks take ids, not objects, and look the state up again when they run: a place may have been given
up, or a conversation moved, between queueing and running.
"""

from django.tasks import task

from wendbaar.core.tasks import in_site_language
from wendbaar.events import services


@task()
@in_site_language
def send_event_reminder(registration_id: int) -> bool:
    return services.send_event_reminder(registration_id)


@task()
@in_site_language
def send_conversation_reminder(conversation_id: int) -> bool:
    return services.send_conversation_reminder(conversation_id)
