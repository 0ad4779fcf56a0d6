from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "wendbaar.api"
    label = "api"
    verbose_name = _("API")

    def ready(self):
        # Registers the OpenAPI description of the token authentication with drf-spectacular.
        from wendbaar.api import schema  # noqa: F401
