from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightConfig(AppConfig):
    name = "wendbaar.insight"
    label = "insight"
    verbose_name = _("Inzicht")

    def ready(self):
        # The person's own explorations belong in "download al mijn gegevens".
        from wendbaar.insight import exports  # noqa: F401
        from wendbaar.insight.people import connect

        connect()

        from wendbaar.accounts.models import Membership
        from wendbaar.insight.rules import link_shown

        link_shown.forget_on_change(Membership)
