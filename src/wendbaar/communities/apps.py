from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    name = "wendbaar.communities"
    verbose_name = _("Beroepsgroepen")

    def ready(self):
        from wendbaar.communities import signals  # noqa: F401 — connects the handlers
