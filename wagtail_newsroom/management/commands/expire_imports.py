import datetime

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ...conf import newsroom_settings
from ...tasks import expire_previews, resume_stalled


class Command(BaseCommand):
    help = _(
        "Delete the files of admin imports whose preview was never confirmed, once they have "
        "waited longer than IMPORT_PREVIEW_MAX_AGE, and queue again the articles whose task was "
        "lost in imports that have made no progress for longer than IMPORT_STALLED_AFTER (run it "
        "from cron or a scheduler)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=float,
            help=_(
                "Expire previews older than this (default: the IMPORT_PREVIEW_MAX_AGE setting)."
            ),
        )
        parser.add_argument(
            "--stalled-hours",
            type=float,
            help=_(
                "Resume imports without progress for longer than this (default: the "
                "IMPORT_STALLED_AFTER setting)."
            ),
        )

    def handle(self, *args, hours=None, stalled_hours=None, **options):
        hours = newsroom_settings.IMPORT_PREVIEW_MAX_AGE if hours is None else hours
        if stalled_hours is None:
            stalled_hours = newsroom_settings.IMPORT_STALLED_AFTER
        count = expire_previews(datetime.timedelta(hours=hours))
        self.stdout.write(_("%(count)d unconfirmed imports expired.") % {"count": count})
        count = resume_stalled(datetime.timedelta(hours=stalled_hours))
        self.stdout.write(_("%(count)d stalled imports resumed.") % {"count": count})
