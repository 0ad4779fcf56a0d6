from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "wendbaar.taxonomy"
    verbose_name = _("Beroepen en vaardigheden")

    def ready(self):
        # Processes notice their own taxonomy changes at once (see versioned.current_version).
        from wendbaar.taxonomy import versioned  # noqa: F401
