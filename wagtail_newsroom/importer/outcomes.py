"""What became of one source in an import: recorded in reports, counted, shown in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutcomeStatus(models.TextChoices):
    CREATED = "created", _("created")
    UPDATED = "updated", _("updated")
    UNCHANGED = "unchanged", _("unchanged")
    # Already imported where the user may not edit it, or waiting for review.
    SKIPPED = "skipped", _("skipped")
    # A dry run's: read and parsed, nothing written.
    PARSED = "parsed", _("parsed")
    FAILED = "failed", _("failed")

    @classmethod
    def label_of(cls, value):
        """The label of a stored status; the value itself when it is none of these."""
        return cls(value).label if value in cls.values else value
