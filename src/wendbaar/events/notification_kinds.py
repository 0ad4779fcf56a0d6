"""The kinds of notification about bijeenkomsten and gesprekken (see wendbaar.notifications.registry)."""

from django.utils.translation import gettext_lazy as _

from wendbaar.events.models import NotificationTopic
from wendbaar.notifications.registry import Email, register_group, register_kind

EVENTS = "bijeenkomsten"
CONVERSATIONS = "gesprekken"

register_group(
    EVENTS,
    label=_("Bijeenkomsten"),
    help_text=_("Herinneringen de dag ervoor komen altijd meteen, tenzij je geen e-mail kiest."),
    default_email=Email.DIRECT,
    order=10,
)
register_group(
    CONVERSATIONS,
    label=_("Gesprekken met een loopbaanadviseur"),
    help_text=_("Herinneringen de dag ervoor komen altijd meteen, tenzij je geen e-mail kiest."),
    default_email=Email.DIRECT,
    order=20,
)
register_kind(
    NotificationTopic.EVENT,
    group=EVENTS,
    label=_("Een vrijgekomen plek, herinneringen en bevestigingen van je aanmelding"),
)
register_kind(
    NotificationTopic.CONVERSATION,
    group=CONVERSATIONS,
    label=_("Geboekte, verzette en geannuleerde gesprekken, afspraken en herinneringen"),
)

# Which group each topic belongs to, for the boxes on "Mijn bijeenkomsten" and "Mijn gesprekken".
GROUP_OF_TOPIC = {NotificationTopic.EVENT: EVENTS, NotificationTopic.CONVERSATION: CONVERSATIONS}
