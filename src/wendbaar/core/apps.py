from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "wendbaar.core"
    verbose_name = "Basis"
