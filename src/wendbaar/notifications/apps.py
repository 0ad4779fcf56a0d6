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

        from wendbaar.notifications.models import Notification
        from wendbaar.notifications.services import unread_kept

        unread_kept.forget_on_change(Notification)
