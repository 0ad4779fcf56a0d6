"""The kinds of notification kansen send (see wendbaar.notifications.registry)."""

from django.utils.translation import gettext_lazy as _

from wendbaar.notifications.registry import Email, register_group, register_kind
from wendbaar.opportunities import notify

register_group(
    "kansen",
    label=_("Kansen en contactverzoeken"),
    help_text=_("Contactverzoeken, antwoorden, berichten en nieuwe matches voor je kansen."),
    default_email=Email.DIRECT,
    order=40,
)
register_kind(notify.REQUEST_RECEIVED, group="kansen", label=_("Een organisatie wil contact met je"))
register_kind(notify.INTEREST_RECEIVED, group="kansen", label=_("Iemand heeft interesse in een kans"))
register_kind(notify.REQUEST_ANSWERED, group="kansen", label=_("Antwoord op een contactverzoek"))
register_kind(notify.NEW_MESSAGE, group="kansen", label=_("Nieuw bericht over een kans"))
register_kind(notify.NEW_MATCHES, group="kansen", label=_("Nieuwe matches voor je kansen"))
