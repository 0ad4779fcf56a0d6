"""The kinds of notification from the beroepsgroepen (see wendbaar.notifications.registry).

Their text is made when it is shown, in the reader's language, from the post or group they point at; the
access rule hides those about what the reader may no longer see.
"""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wendbaar.communities import access
from wendbaar.communities.models import Group, NotificationKind, Post, Thread
from wendbaar.notifications.registry import Email, Rendered, register_group, register_kind

GROUP = "beroepsgroepen"

TEXTS = {
    NotificationKind.REPLY: lambda: gettext("%(actor)s reageerde op ‘%(thread)s’"),
    NotificationKind.ANSWER: lambda: gettext("%(actor)s gaf antwoord op je vraag ‘%(thread)s’"),
    NotificationKind.MENTION: lambda: gettext("%(actor)s noemde je in ‘%(thread)s’"),
    NotificationKind.ACCEPTED: lambda: gettext("Je antwoord op ‘%(thread)s’ is gekozen als beste antwoord"),
    NotificationKind.JOIN_REQUEST: lambda: gettext("%(actor)s wil lid worden van %(group)s"),
    NotificationKind.JOINED: lambda: gettext("Je bent nu lid van %(group)s"),
    NotificationKind.REPORT: lambda: gettext("Er is een bericht gemeld in %(group)s"),
}


def render(notification) -> Rendered | None:
    target = notification.target
    post = target if isinstance(target, Post) else None
    thread = post.thread if post else target if isinstance(target, Thread) else None
    group = thread.group if thread else target if isinstance(target, Group) else None
    if group is None:
        return None
    kind = notification.kind
    text = TEXTS[kind]() % {
        "actor": str(notification.actor) if notification.actor else gettext("Iemand"),
        "group": group.name,
        "thread": thread.title if thread else "",
    }
    if kind == NotificationKind.JOIN_REQUEST:
        url = reverse("communities:requests", args=[group.slug])
    elif kind == NotificationKind.REPORT:
        url = reverse("communities:moderation", args=[group.slug])
    elif post is not None:
        url = reverse("communities:post", args=[post.pk])
    elif thread is not None:
        url = reverse("communities:thread", args=[group.slug, thread.pk])
    else:
        url = group.get_absolute_url()
    return Rendered(text, url, group.name)


register_group(
    GROUP,
    label=_("Beroepsgroepen"),
    help_text=_("Over de onderwerpen die je volgt, je vragen en de groepen die je modereert."),
    default_email=Email.DAILY,
    order=30,
)
# What ``render`` reads, fetched in one go for a page or a mail full of notifications.
TARGETS = (
    lambda: Post.objects.select_related("thread__group"),
    lambda: Thread.objects.select_related("group"),
    lambda: Group.objects.all(),
)
for kind, label in NotificationKind.choices:
    register_kind(
        kind, group=GROUP, label=label, render=render, visible=access.notification_rule, targets=TARGETS
    )
