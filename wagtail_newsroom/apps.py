from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailNewsroomAppConfig(AppConfig):
    name = "wagtail_newsroom"
    label = "wagtail_newsroom"
    verbose_name = _("Newsroom")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, signals  # noqa: F401 - checks register themselves

        signals.connect()
