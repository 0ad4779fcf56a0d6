"""Telling people what happened with their bijeenkomsten and gesprekken, through wendbaar.notifications:
a notification on their own pages, and e-mail as they chose for bijeenkomsten or gesprekken.

Mail goes out only after the transaction that caused it commits, so nobody is told about a place that a
rollback took back. A failing mail server is logged; it never undoes the change itself.
"""

from collections.abc import Callable

from wendbaar.events.notification_kinds import GROUP_OF_TOPIC
from wendbaar.notifications import services
from wendbaar.notifications.models import Notification


def notify(
    user,
    *,
    topic: str,
    subject: str,
    text: str,
    url: str = "",
    in_app: bool = True,
    urgent: bool = False,
    attachment: Callable[[], tuple[str, bytes, str]] | None = None,
) -> Notification | None:
    """Leave ``text`` on the person's pages (unless ``in_app`` is off: then it is a receipt by mail only)
    and mail it after commit. ``urgent`` (reminders) mails right away even to people who chose an overview.

    ``attachment`` is a function that makes (filename, content, mimetype); it runs after the commit too,
    so building it never lengthens the transaction (and its row lock).
    """
    return services.notify(
        user,
        topic,
        subject=subject,
        text=text,
        url=url,
        in_app=in_app,
        urgent=urgent,
        attachment=attachment,
    )


def show_notifications(user, topic: str, limit: int = 10) -> tuple[list[Notification], set[int]]:
    """The person's latest messages on a topic and which of them are new; showing them marks them read."""
    return services.latest(user, [GROUP_OF_TOPIC[topic]], limit)
