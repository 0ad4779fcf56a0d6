from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "wendbaar.knowledge"
    verbose_name = _("Kennisbank")

    def ready(self):
        from wendbaar.knowledge import signals  # noqa: F401 — keeps the search index in step
