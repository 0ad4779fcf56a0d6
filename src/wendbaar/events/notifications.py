"""Telling people what happened: an in-app message on their own page and an e-mail.

Mail goes out only after the transaction that caused it commits, so nobody is told about a place that a
rollback took back. A failing mail server is logged; it never undoes the change itself.
"""

import logging
from collections.abc import Callable

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from wendbaar.events.models import Notification

logger = logging.getLogger(__name__)


def notify(
    user,
    *,
    topic: str,
    subject: str,
    text: str,
    url: str = "",
    in_app: bool = True,
    attachment: Callable[[], tuple[str, bytes, str]] | None = None,
) -> Notification | None:
    """Leave ``text`` on the person's page (unless ``in_app`` is off) and mail it after commit.

    ``attachment`` is a function that makes (filename, content, mimetype); it runs after the commit too,
    so building it never lengthens the transaction (and its row lock).
    """
    notification = None
    if in_app:
        notification = Notification.objects.create(user=user, topic=topic, text=text, url=url)
    transaction.on_commit(lambda: send_mail_now(user, subject, text, attachment))
    return notification


def send_mail_now(user, subject: str, text: str, attachment=None) -> bool:
    if not user.email:
        return False
    body = render_to_string("events/email/message.txt", {"user": user, "text": text})
    message = EmailMessage(subject=subject, body=body, to=[user.email])
    if attachment:
        message.attach(*attachment())
    try:
        message.send()
    except Exception:  # the change stands; the in-app message still tells the person
        logger.exception("Mail to user %s about %r could not be sent", user.pk, subject)
        return False
    return True


def show_notifications(user, topic: str, limit: int = 10) -> tuple[list[Notification], set[int]]:
    """The person's latest messages on a topic and which of them are new; showing them marks them read."""
    shown = list(Notification.objects.filter(user=user, topic=topic)[:limit])
    unread = {n.pk for n in shown if n.read_at is None}
    if unread:
        Notification.objects.filter(pk__in=unread).update(read_at=timezone.now())
    return shown, unread
