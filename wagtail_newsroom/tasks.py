"""Background tasks for imports (Django's tasks framework, ``django_tasks``): the admin's
uploads, and the ``import_articles --background`` command.

Everything runs through the importer's own pipeline: ``run_import`` without a builder for the
dry-run preview, with an ``ArticleBuilder`` for the import. An import is one task per article
(``import_article``, an ``ImportItem`` each), so that any number of workers share a large run;
each claims its article before it starts, so a task delivered twice imports once, and the last
to finish writes the run's report. With the default ImmediateBackend the tasks run at once, in
the request or command that enqueues them; configure a worker backend (see README) so large
uploads never hold a request.
"""

import logging
import tempfile
from collections import Counter
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import exceptions as task_exceptions
from django_tasks import task
from wagtail.models import Page

from .conf import importer_config
from .importer.build import ArticleBuilder
from .importer.result import printable
from .importer.run import FAILED, run_import
from .importer.sources import source_key
from .models import ImportItem, ImportRun
from .uploads import (
    delete_uploads,
    fetch_unpacked,
    store_unpacked,
    unpack,
    unpacked_path,
    upload_root,
)

logger = logging.getLogger(__name__)


# django-tasks renamed it in 0.9 (the Wagtail 7.0 LTS has 0.7).
TASK_RESULT_MISSING = (
    getattr(task_exceptions, "TaskResultDoesNotExist", None) or task_exceptions.ResultDoesNotExist
)


# An article whose import stops its worker this many times (as one too large for the worker's
# memory would) is reported failed, not queued again for ever.
MAX_ATTEMPTS = 3


class ImportStopped(Exception):
    """A run cannot go on: its user may no longer import there, or its pages are gone."""


class ItemSuperseded(Exception):
    """A later claim of the item, made while this one was taken for stopped, imports it."""


class UploadBuilder(ArticleBuilder):
    """An ArticleBuilder for unpacked uploads: pages record the uploaded file's name as their
    source (not the temporary path), and images are only read from inside the upload.

    Given the upload's stored ``files`` (``store_unpacked``), the images an article refers to
    are fetched from storage into ``root`` as they are needed.
    """

    def __init__(self, parent, *, sources, root, files=None, **kwargs):
        super().__init__(parent, image_root=root, **kwargs)
        self.sources = sources
        self.files = files or {}

    def build(self, parsed):
        return super().build(parsed, source=self.sources.get(parsed.source, parsed.source))

    def image(self, parsed, image, warnings):
        wanted = (Path(parsed.source).parent / image.src).resolve()
        if wanted.is_relative_to(self.image_root) and not wanted.exists():
            relative = wanted.relative_to(self.image_root).as_posix()
            if relative in self.files:
                fetch_unpacked(self.files, relative, self.image_root)
        return super().image(parsed, image, warnings)

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
    claimed = ImportRun.objects.filter(pk=run_id, status__in=from_statuses).update(
        status=status, updated_at=timezone.now()
    )
    return ImportRun.objects.get(pk=run_id) if claimed else None


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
        discard_files(run)
        return
    run.preview = preview
    run.status = ImportRun.Status.PREVIEWED
    if not any(not item.get("error") for item in preview):
        # Nothing in it can be imported: nothing to keep the files for.
        discard_files(run)
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
        discard_files(claimed)
        claimed.uploads = []
        claimed.error = _("The preview was not confirmed in time; its files were deleted.")
        claimed.save(update_fields=["uploads", "error", "updated_at"])
        count += 1
    return count


def resume_stalled(max_age):
    """Go on with the running imports that have made no progress for longer than ``max_age``
    (a timedelta), as when a worker was stopped in the middle of an article; returns how many.

    Articles whose task was lost are queued again: the one a stopped worker was importing
    (its transaction rolled back), and those whose task the queue no longer holds, waiting; a
    task delivered twice imports once. A run stopped before its articles were queued fails,
    for its user to upload again. Run it now and then (``manage.py expire_imports``).
    """
    stalled = ImportRun.objects.filter(
        status=ImportRun.Status.RUNNING, updated_at__lt=timezone.now() - max_age
    )
    backend = import_article.get_backend()
    count = 0
    for run in stalled:
        if not run.items.exists():
            claimed = claim(run.pk, [ImportRun.Status.RUNNING], ImportRun.Status.FAILED)
            if claimed is not None:
                discard_files(claimed)
                claimed.report = {"counts": {}, "outcomes": []}
                claimed.error = _(
                    "The import stopped before its articles were queued; upload the files again."
                )
                claimed.save(update_fields=["report", "error", "updated_at"])
                count += 1
            continue
        unfinished = list(run.items.exclude(status=ImportItem.Status.DONE))
        spent = [
            item
            for item in unfinished
            if item.status == ImportItem.Status.RUNNING and item.attempts >= MAX_ATTEMPTS
        ]
        lost = [item for item in unfinished if item not in spent and task_lost(item, backend)]
        if unfinished and not (lost or spent):
            # Waiting for a worker.
            continue
        # One resume however many run at once; and not again before another ``max_age``
        # without progress.
        if not ImportRun.objects.filter(
            pk=run.pk, status=ImportRun.Status.RUNNING, updated_at=run.updated_at
        ).update(updated_at=timezone.now()):
            continue
        for item in spent:
            message = _("Importing it stopped the worker %(count)d times.") % {
                "count": item.attempts
            }
            record_outcome(item, item.attempts, failed_outcome(item, message))
        ImportItem.objects.filter(
            pk__in=[item.pk for item in lost], status=ImportItem.Status.RUNNING
        ).update(status=ImportItem.Status.QUEUED)
        enqueue_items(lost)
        if not run.items.exclude(status=ImportItem.Status.DONE).exists():
            # Its last article was done but the run was not ended.
            finish(run.pk)
        count += 1
    return count


def task_lost(item, backend):
    """Whether an unfinished item's task will never run: its worker stopped in the middle of
    it, or the queue no longer holds it, waiting (without a queue to ask, as with the
    ImmediateBackend, a stalled run's tasks are all lost)."""
    if item.status == ImportItem.Status.RUNNING:
        return True
    if not (backend.supports_get_result and item.task_id):
        return True
    try:
        result = backend.get_result(item.task_id)
    except TASK_RESULT_MISSING:
        return True
    return result.started_at is not None


@task()
def import_articles(run_id):
    """Unpack the run's uploads into storage, a stored file per article and image, and queue a
    task per article (``queue``), which any worker may run."""
    run = claim(run_id, [ImportRun.Status.QUEUED], ImportRun.Status.RUNNING)
    if run is None:
        return
    try:
        check_can_go_on(run)
        with tempfile.TemporaryDirectory(prefix="newsroom-import-") as directory:
            sources = unpack(run.uploads, directory)
            run.options = {"files": store_unpacked(run.uploads, directory)}
            articles = [(unpacked_path(path, directory), name) for path, name in sources.items()]
        run.save(update_fields=["options", "updated_at"])
        queue(run, articles)
    except Exception as error:  # noqa: BLE001 - reported on the status page
        run.report = {"counts": {}, "outcomes": []}
        run.save(update_fields=["report"])
        fail(run, error)
        discard_files(run)


def queue(run, sources):
    """Queue an ``import_article`` task for each (path, name) in ``sources``, in order."""
    with transaction.atomic():
        started = ImportRun.objects.filter(
            pk=run.pk, status__in=[ImportRun.Status.QUEUED, ImportRun.Status.RUNNING]
        ).update(
            status=ImportRun.Status.RUNNING,
            total=len(sources),
            progress=0,
            updated_at=timezone.now(),
        )
        if not started:
            # Failed meanwhile (``resume_stalled``, or a worker finding it stopped).
            return
        items = ImportItem.objects.bulk_create(
            ImportItem(run=run, position=position, path=path, name=name)
            for position, (path, name) in enumerate(sources)
        )
    enqueue_items(items)
    if not items:
        finish(run.pk)


def enqueue_items(items):
    """Enqueue an ``import_article`` task for each item, and keep the tasks' ids."""
    for item in items:
        item.task_id = import_article.enqueue(item.pk).id
    ImportItem.objects.bulk_update(items, ["task_id"])


@task()
def import_article(item_id):
    """Import one article of a run, in a transaction of its own; the run's last article to
    finish ends the run with its report."""
    claimed = ImportItem.objects.filter(
        pk=item_id, status=ImportItem.Status.QUEUED, run__status=ImportRun.Status.RUNNING
    ).update(status=ImportItem.Status.RUNNING, attempts=F("attempts") + 1)
    if not claimed:
        # Delivered twice, or its run has failed.
        return
    item = ImportItem.objects.select_related("run__parent", "run__user").get(pk=item_id)
    run, attempt = item.run, item.attempts
    try:
        check_can_go_on(run)
    except ImportStopped as error:
        run.report = report_of(run)
        run.save(update_fields=["report"])
        fail(run, error)
        discard_files(run)
        return
    try:
        # The page and the item's outcome commit together: a worker stopped in between
        # leaves neither, for the article to be imported again with its own outcome.
        with transaction.atomic():
            if not record_outcome(item, attempt, import_item(run, item)):
                raise ItemSuperseded
    except ItemSuperseded:
        return
    except Exception as error:  # noqa: BLE001 - this article's failure, in the report
        logger.exception("Import run %s could not import %s", run.pk, item.name)
        if not record_outcome(
            item, attempt, failed_outcome(item, f"{error}" or type(error).__name__)
        ):
            return
    if not run.items.exclude(status=ImportItem.Status.DONE).exists():
        finish(run.pk)


def record_outcome(item, attempt, outcome):
    """Mark the item done with its report line and count it in the run's progress, unless a
    later claim was made while ``attempt`` was taken for stopped; whether it was."""
    with transaction.atomic():
        done = ImportItem.objects.filter(
            pk=item.pk, status=ImportItem.Status.RUNNING, attempts=attempt
        ).update(status=ImportItem.Status.DONE, outcome=outcome)
        if done:
            ImportRun.objects.filter(pk=item.run_id).update(
                progress=F("progress") + 1, updated_at=timezone.now()
            )
    return bool(done)


def failed_outcome(item, message):
    return {
        "source": printable(item.name),
        "status": FAILED,
        "page": None,
        "title": None,
        "message": "",
        "warnings": [],
        "error": message,
    }


def import_item(run, item):
    """Parse and build one item's article as its run asks; its report line."""
    with tempfile.TemporaryDirectory(prefix="newsroom-import-") as directory:
        options = run.options
        if run.origin == ImportRun.Origin.UPLOAD:
            path = fetch_unpacked(options["files"], item.path, directory)
            builder = UploadBuilder(
                run.parent.specific,
                sources={path: item.name},
                root=directory,
                files=options["files"],
                publish=run.publish,
                user=run.user,
            )
            config, encoding = importer_config(), None
        else:
            path = item.path
            people_parent = options.get("people_parent")
            builder = ArticleBuilder(
                run.parent.specific,
                people_parent=Page.objects.get(pk=people_parent).specific
                if people_parent
                else None,
                publish=run.publish,
                force=options.get("force", False),
                archive_root=options.get("archive_root"),
                image_root=options.get("image_root"),
            )
            config = importer_config(options.get("rules", []), day_first=options.get("day_first"))
            encoding = options.get("encoding")
        [outcome] = run_import([path], builder=builder, config=config, encoding=encoding)
        return outcome_dict(outcome, {path: item.name})


def report_of(run):
    """The run's report from its finished items, in order."""
    outcomes = list(
        run.items.filter(status=ImportItem.Status.DONE).values_list("outcome", flat=True)
    )
    return {"counts": dict(Counter(o["status"] for o in outcomes)), "outcomes": outcomes}


def finish(run_id):
    """End a running run whose items are all done, with their report; once, however many
    workers find it finished."""
    run = ImportRun.objects.get(pk=run_id)
    ended = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.RUNNING).update(
        status=ImportRun.Status.DONE, report=report_of(run), updated_at=timezone.now()
    )
    if ended:
        discard_files(run)


def discard_files(run):
    """Delete what a finished upload stored: the uploads and their unpacked files."""
    if run.origin != ImportRun.Origin.UPLOAD:
        return
    try:
        delete_uploads(run.uploads, run.options.get("files", {}).values())
    except Exception:  # noqa: BLE001 - a file left behind must not hide the run's outcome
        logger.exception("Could not delete the files of import run %s", run.pk)


def check_can_go_on(run):
    """Stop the run when its pages are gone, or when its user may no longer do what it asks: a
    queued task may run long after the confirmation, by when the user's permissions, the user,
    or the pages chosen, may be gone."""
    parent = run.parent
    if parent is None:
        raise ImportStopped(_("The page to import under no longer exists; the import stopped."))
    if run.origin != ImportRun.Origin.UPLOAD:
        # A command's run: whoever can run commands on the server may import.
        people_parent = run.options.get("people_parent")
        if people_parent and not Page.objects.filter(pk=people_parent).exists():
            raise ImportStopped(
                _("The page for new profiles (ID %(id)s) no longer exists; the import stopped.")
                % {"id": people_parent}
            )
        return
    user = run.user
    permissions = parent.permissions_for_user(user) if user and user.is_active else None
    allowed = permissions is not None and permissions.can_add_subpage()
    if allowed and run.publish:
        allowed = permissions.can_publish_subpage()
    if not allowed:
        raise ImportStopped(
            _("You may no longer add or publish articles under this page; the import stopped.")
        )


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
