from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "wendbaar.notifications"
    label = "notifications"
    verbose_name = _("Meldingen")

    def ready(self):
        # Every app declares its kinds of notification in its own notification_kinds.py.
        autodiscover_modules("notification_kinds")
