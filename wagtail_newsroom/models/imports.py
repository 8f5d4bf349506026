"""Admin imports: the uploaded files, the dry-run preview and the report of one import run."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..conf import newsroom_settings


class ImportRun(models.Model):
    """One upload in the admin's import view, from preview to report; or, recorded when it
    ends, one run of the ``import_articles`` command.

    The parsing and the import run as background tasks (``wagtail_newsroom.tasks``): one task
    per article (an ``ImportItem``), so that several workers share a large run. The status page
    reads their progress and results from here.
    """

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Waiting for the preview")
        PREVIEWING = "previewing", _("Preparing the preview")
        PREVIEWED = "previewed", _("Preview ready")
        QUEUED = "queued", _("Waiting to import")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    class Origin(models.TextChoices):
        UPLOAD = "upload", _("Upload in the admin")
        COMMAND = "command", _("import_articles command")

    BUSY = (Status.UPLOADED, Status.PREVIEWING, Status.QUEUED, Status.RUNNING)

    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UPLOADED
    )
    origin = models.CharField(
        _("origin"), max_length=20, choices=Origin.choices, default=Origin.UPLOAD
    )
    parent = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("parent page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publish = models.BooleanField(_("publish"), default=False)
    # [{"name": original name, "file": storage name}]; a command run's paths, without "file".
    uploads = models.JSONField(_("uploaded files"), default=list, blank=True)
    # Per source: the ParsedArticle's JSON form, or {"source", "error", "line"}.
    preview = models.JSONField(_("preview"), default=list, blank=True)
    # {"counts": {...}, "outcomes": [{"source", "status", "page", "title", "message",
    #  "warnings", "error"}]}
    report = models.JSONField(_("report"), default=dict, blank=True)
    # What a worker needs to import a command's articles as the command would (its options), or
    # an upload's once unpacked: {"files": {path inside the upload: storage name}}.
    options = models.JSONField(_("options"), default=dict, blank=True)
    progress = models.PositiveIntegerField(_("sources done"), default=0)
    total = models.PositiveIntegerField(_("sources"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")

    def __str__(self):
        names = ", ".join(upload["name"] for upload in self.uploads[:3])
        if len(self.uploads) > 3:
            names += ", …"
        return names or str(self.pk)

    def get_absolute_url(self):
        return reverse("wagtail_newsroom_import:status", args=[self.pk])

    @property
    def is_busy(self):
        return self.status in self.BUSY

    @property
    def is_stalled(self):
        """Running, and no article finished for longer than ``IMPORT_STALLED_AFTER``: its
        worker may have stopped (``expire_imports`` resumes it)."""
        hours = newsroom_settings.IMPORT_STALLED_AFTER
        return self.status == self.Status.RUNNING and self.updated_at < timezone.now() - (
            datetime.timedelta(hours=hours)
        )

    @property
    def counts(self):
        return self.report.get("counts", {})

    @property
    def outcomes_with_warnings(self):
        return [o for o in self.report.get("outcomes", []) if o.get("warnings") and o.get("page")]


class ImportItem(models.Model):
    """One article of an import run, imported by a task of its own."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to import")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")

    run = models.ForeignKey(
        ImportRun, verbose_name=_("import run"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveIntegerField(_("position"))
    # A command's file: its absolute path; an upload's: its path inside the upload, whose
    # stored copy the run's ``options["files"]`` names.
    path = models.TextField(_("path"))
    name = models.TextField(_("name"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    # The report line: {"source", "status", "page", "title", "message", "warnings", "error"}.
    outcome = models.JSONField(_("outcome"), default=dict, blank=True)
    # The task queued for it (its result's id), to tell a task still waiting in the queue
    # from one lost with its worker.
    task_id = models.CharField(_("task"), max_length=64, blank=True)
    # Claims so far: a late worker's outcome is kept only if no later claim has been made.
    attempts = models.PositiveIntegerField(_("attempts"), default=0)

    class Meta:
        ordering = ["run", "position"]
        constraints = [
            models.UniqueConstraint(fields=["run", "position"], name="unique_import_item_position")
        ]
        indexes = [models.Index(fields=["run", "status"], name="import_item_by_status")]
        verbose_name = _("import item")
        verbose_name_plural = _("import items")

    def __str__(self):
        return self.name
