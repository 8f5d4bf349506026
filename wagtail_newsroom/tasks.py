"""Background tasks for the admin import view (Django's tasks framework, ``django_tasks``).

Both stages run through the importer's own pipeline: ``run_import`` without a builder for the
dry-run preview, with an ``ArticleBuilder`` for the import. With the default ImmediateBackend they
run at once, in the request that enqueues them; configure a worker backend (see README) so large
uploads never hold a request.
"""

import logging
import tempfile

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from .conf import importer_config
from .importer.build import ArticleBuilder
from .importer.result import printable
from .importer.run import FAILED, Report, run_import
from .importer.sources import source_key
from .models import ImportRun
from .uploads import delete_uploads, unpack, upload_root

logger = logging.getLogger(__name__)


class UploadBuilder(ArticleBuilder):
    """An ArticleBuilder for unpacked uploads: pages record the uploaded file's name as their
    source (not the temporary path), and images are only read from inside the upload."""

    def __init__(self, parent, *, sources, root, **kwargs):
        super().__init__(parent, image_root=root, **kwargs)
        self.sources = sources

    def build(self, parsed):
        return super().build(parsed, source=self.sources.get(parsed.source, parsed.source))

    def source_key(self, parsed):
        # Keys start at each upload's own folder: an uploaded zip of an archive is known by
        # the same keys as the archive imported by the command with its root declared.
        return source_key(parsed.source, upload_root(parsed.source, self.image_root))


def error_dict(error, sources):
    return {
        "source": printable(sources.get(error.source, error.source)),
        "error": error.message,
        "line": error.line,
    }


def claim(run_id, from_statuses, status):
    """Move the run to ``status`` if it is in one of ``from_statuses``; None if another worker
    has it already (a task delivered twice runs once)."""
    claimed = ImportRun.objects.filter(pk=run_id, status__in=from_statuses).update(status=status)
    return ImportRun.objects.get(pk=run_id) if claimed else None


def discard_uploads(run):
    """Delete the run's stored files: once its import has finished or its preview failed."""
    try:
        delete_uploads(run.uploads)
    except Exception:  # noqa: BLE001 - a file left behind must not hide the run's outcome
        logger.exception("Could not delete the uploads of import run %s", run.pk)


def fail(run, error):
    logger.exception("Import run %s failed", run.pk)
    run.status = ImportRun.Status.FAILED
    run.error = (
        "; ".join(error.messages) if isinstance(error, ValidationError) else f"{error}"
    ) or type(error).__name__
    run.save(update_fields=["status", "error", "updated_at"])


@task()
def preview_import(run_id):
    """Dry run: parse every uploaded article and keep what was found, for the preview."""
    run = claim(run_id, [ImportRun.Status.UPLOADED], ImportRun.Status.PREVIEWING)
    if run is None:
        return
    try:
        with tempfile.TemporaryDirectory(prefix="newsroom-import-") as directory:
            sources = unpack(run.uploads, directory)
            run.total = len(sources)
            run.save(update_fields=["total", "updated_at"])
            preview = []
            for outcome in run_import(list(sources), config=importer_config()):
                if outcome.status == FAILED:
                    preview.append(error_dict(outcome.error, sources))
                else:
                    article = outcome.parsed.to_dict()
                    article["source"] = sources.get(outcome.source, outcome.source)
                    # Quote blocks' and paragraphs' quotations alike, for the preview's list.
                    article["quotations"] = [q.to_dict() for q in outcome.parsed.quotations]
                    preview.append(article)
                run.progress = len(preview)
                run.save(update_fields=["progress", "updated_at"])
    except Exception as error:  # noqa: BLE001 - reported on the status page
        fail(run, error)
        discard_uploads(run)
        return
    run.preview = preview
    run.status = ImportRun.Status.PREVIEWED
    if not any(not item.get("error") for item in preview):
        # Nothing in it can be imported: nothing to keep the files for.
        discard_uploads(run)
        run.uploads = []
    run.save(update_fields=["preview", "status", "uploads", "updated_at"])


def expire_previews(max_age):
    """End the runs whose preview has waited longer than ``max_age`` (a timedelta) to be
    confirmed, and delete their files; returns how many. Run it now and then
    (``manage.py expire_imports``)."""
    expired = ImportRun.objects.filter(
        status__in=[ImportRun.Status.UPLOADED, ImportRun.Status.PREVIEWED],
        updated_at__lt=timezone.now() - max_age,
    )
    count = 0
    for run in expired:
        claimed = claim(
            run.pk, [ImportRun.Status.UPLOADED, ImportRun.Status.PREVIEWED], ImportRun.Status.FAILED
        )
        if claimed is None:
            continue
        discard_uploads(claimed)
        claimed.uploads = []
        claimed.error = _("The preview was not confirmed in time; its files were deleted.")
        claimed.save(update_fields=["uploads", "error", "updated_at"])
        count += 1
    return count


@task()
def import_articles(run_id):
    """Build pages for the uploaded articles under the run's parent, and keep the report."""
    run = claim(run_id, [ImportRun.Status.QUEUED], ImportRun.Status.RUNNING)
    if run is None:
        return
    try:
        build_pages(run)
    finally:
        # Success or failure, the uploaded files are not needed any more.
        discard_uploads(run)


def check_still_permitted(run):
    """Refuse the run when its user may no longer do what it asks: a queued task may run long
    after the confirmation, by when the user's permissions, or the user, may be gone."""
    user, parent = run.user, run.parent
    permissions = parent.permissions_for_user(user) if user and parent and user.is_active else None
    allowed = permissions is not None and permissions.can_add_subpage()
    if allowed and run.publish:
        allowed = permissions.can_publish_subpage()
    if not allowed:
        raise PermissionDenied(
            _("You may no longer add or publish articles under this page; nothing was imported.")
        )


def build_pages(run):
    """Import the run's unpacked uploads; the run ends DONE with its report, or FAILED."""
    outcomes = []
    try:
        check_still_permitted(run)
        with tempfile.TemporaryDirectory(prefix="newsroom-import-") as directory:
            sources = unpack(run.uploads, directory)
            builder = UploadBuilder(
                run.parent.specific,
                sources=sources,
                root=directory,
                publish=run.publish,
                user=run.user,
            )
            report = Report()
            run.total, run.progress = len(sources), 0
            run.save(update_fields=["total", "progress", "updated_at"])
            for outcome in run_import(
                list(sources), builder=builder, config=importer_config(), report=report
            ):
                outcomes.append(outcome_dict(outcome, sources))
                run.progress = len(outcomes)
                run.save(update_fields=["progress", "updated_at"])
    except Exception as error:  # noqa: BLE001 - reported on the status page
        run.report = {"counts": {}, "outcomes": outcomes}
        run.save(update_fields=["report"])
        fail(run, error)
        return
    run.report = {"counts": dict(report.counts), "outcomes": outcomes}
    run.status = ImportRun.Status.DONE
    run.save(update_fields=["report", "status", "updated_at"])


def outcome_dict(outcome, sources):
    page = outcome.page
    return {
        "source": printable(sources.get(outcome.source, outcome.source)),
        "status": outcome.status,
        "page": page.pk if page is not None else None,
        "title": (page.title if page is not None else None)
        or (outcome.parsed.headline if outcome.parsed else None),
        "message": str(outcome.message or ""),
        "warnings": [str(warning) for warning in outcome.warnings],
        "error": error_dict(outcome.error, sources)["error"] if outcome.error else None,
    }


def start(task_function, run):
    """Enqueue a task for ``run`` once the surrounding transaction has committed."""
    run_id = run.pk
    transaction.on_commit(lambda: task_function.enqueue(run_id))
