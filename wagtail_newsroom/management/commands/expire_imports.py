import datetime

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ...conf import newsroom_settings
from ...tasks import expire_previews


class Command(BaseCommand):
    help = _(
        "Delete the files of admin imports whose preview was never confirmed, once they have "
        "waited longer than IMPORT_PREVIEW_MAX_AGE (run it from cron or a scheduler)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=float,
            help=_(
                "Expire previews older than this (default: the IMPORT_PREVIEW_MAX_AGE setting)."
            ),
        )

    def handle(self, *args, hours=None, **options):
        hours = newsroom_settings.IMPORT_PREVIEW_MAX_AGE if hours is None else hours
        count = expire_previews(datetime.timedelta(hours=hours))
        self.stdout.write(_("%(count)d unconfirmed imports expired.") % {"count": count})
