from django.apps import AppConfig
from django.db.models.signals import post_save


class CoreConfig(AppConfig):
    name = "wendbaar.core"
    verbose_name = "Basis"

    def ready(self):
        from wendbaar.core.tasks import taxonomy_changed
        from wendbaar.taxonomy.models import TaxonomyChange

        # Every import, starter load, indicator import and admin edit logs a TaxonomyChange.
        post_save.connect(taxonomy_changed, sender=TaxonomyChange, dispatch_uid="core-rebuild-engine")
