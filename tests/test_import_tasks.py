"""Imports as a task per article (``wagtail_newsroom.tasks``): the command's ``--background``
option and the admin's uploads, run in any order, each task delivered any number of times."""

import io
import uuid
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from PIL import Image

from wagtail_newsroom import tasks
from wagtail_newsroom.models import (
    ArticlePage,
    ImportItem,
    ImportRun,
    PersonIndexPage,
    PersonPage,
)
from wagtail_newsroom.uploads import STORAGE_DIR, store_uploads

from .admin.utils import make_user

pytestmark = pytest.mark.django_db
# Keeps the tasks enqueued, there and then (not on commit, which a test never reaches), for the
# test to run as a worker would.
DUMMY_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "ENQUEUE_ON_COMMIT": False}
}


def article(n, *, image=None):
    picture = f'<img src="{image}" alt="Ferry {n}">' if image else ""
    return (
        f"<html><body><h1>Ferry route {n} gets a new timetable</h1>"
        f"<p class='byline'>By Zoë Ågren</p><p>March {n + 1}, 2024</p>{picture}"
        f"<p>The council agreed on Tuesday to change the timetable of ferry route {n}, after "
        "a year of complaints from the people who use it every day.</p>"
        "<p>“We listened to the passengers,” said Ivan Petrov, who chairs the committee.</p>"
        "<p>The new timetable starts in the spring and runs every half hour.</p></body></html>"
    )


def write_archive(folder, count):
    folder.mkdir()
    for n in range(count):
        (folder / f"story-{n}.html").write_text(article(n), encoding="utf-8")
    return folder


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def queue_archive(tmp_path, count):
    """Queue an archive of ``count`` articles with ``import_articles --background``; its run."""
    archive = write_archive(tmp_path / "archive", count)
    call_command("import_articles", str(archive), "--background", stdout=io.StringIO())
    return ImportRun.objects.get()


def queued_items(task):
    return [result.args[0] for result in task.get_backend().results]


def test_the_background_command_queues_a_task_per_file_that_any_worker_may_run(
    tmp_path, news_index, people_index, monkeypatch
):
    archive = write_archive(tmp_path / "archive", 3)
    elsewhere = tmp_path / "worker"
    elsewhere.mkdir()
    with override_settings(TASKS=DUMMY_TASKS):
        out = io.StringIO()
        monkeypatch.chdir(tmp_path)
        call_command(
            "import_articles", "archive", "--background", "--publish", "--no-progress", stdout=out
        )
        run = ImportRun.objects.get()
        assert f"Queued 3 files as import run {run.pk}" in out.getvalue()
        assert run.status == ImportRun.Status.RUNNING and run.total == 3
        assert run.origin == ImportRun.Origin.COMMAND
        items = list(run.items.all())
        assert queued_items(tasks.import_article) == [item.pk for item in items]
        assert [item.name for item in items] == [f"archive/story-{n}.html" for n in range(3)]
        assert not ArticlePage.objects.exists()

        # A worker runs in a folder of its own, takes the tasks in any order, and may be
        # handed one twice.
        monkeypatch.chdir(elsewhere)
        last, *others = items[::-1]
        for item in [*others, others[0]]:
            tasks.import_article.call(item.pk)
        run.refresh_from_db()
        assert run.status == ImportRun.Status.RUNNING and run.progress == 2
        tasks.import_article.call(last.pk)
        tasks.import_article.call(last.pk)

    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.progress == 3
    assert run.counts == {"created": 3}
    assert [o["source"] for o in run.report["outcomes"]] == [item.name for item in items]
    articles = ArticlePage.objects.order_by("published_at")
    assert [page.title for page in articles] == [
        f"Ferry route {n} gets a new timetable" for n in range(3)
    ]
    assert all(page.live for page in articles)
    # The keys an import here gives, so that importing the archive again finds the pages.
    assert [page.source_path for page in articles] == [
        str((archive / f"story-{n}.html").resolve()) for n in range(3)
    ]
    assert PersonPage.objects.filter(title="Ivan Petrov").count() == 1
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    call_command("import_articles", "archive", "--background", "--no-progress", stdout=out)
    assert "Created 0, updated 0, unchanged 3" in out.getvalue()
    assert ArticlePage.objects.count() == 3


def test_the_background_command_keeps_its_options_for_the_workers(
    tmp_path, news_index, people_index
):
    archive = write_archive(tmp_path / "archive", 1)
    (archive / "story-0.html").write_text(
        article(0).replace("March 1, 2024", "4/3/2024"), encoding="cp1252", errors="replace"
    )
    out = io.StringIO()
    call_command(
        "import_articles",
        str(archive),
        "--background",
        "--day-first",
        "--encoding",
        "cp1252",
        "--archive-root",
        str(tmp_path),
        "--people-parent",
        str(people_index.pk),
        "--no-progress",
        stdout=out,
    )
    assert "Created 1" in out.getvalue()
    page = ArticlePage.objects.get()
    assert page.published_at.date().isoformat() == "2024-03-04"
    assert page.source_path == "archive/story-0.html"
    assert not page.live
    byline = page.get_latest_revision_as_object().article_bylines.get()
    assert byline.person.get_parent().pk == people_index.pk


def test_the_background_command_reports_what_failed_and_exits_non_zero(
    tmp_path, news_index, people_index
):
    archive = write_archive(tmp_path / "archive", 1)
    (archive / "empty.txt").write_text("", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 of 2 files failed"):
        call_command("import_articles", str(archive), "--background", stdout=out, stderr=err)
    assert "Created 1" in out.getvalue() and "failed 1" in out.getvalue()
    assert "empty.txt" in err.getvalue()
    assert ArticlePage.objects.count() == 1


@pytest.mark.parametrize("args", [["--dry-run"], ["-"]])
def test_the_background_command_refuses_what_a_worker_cannot_do(args, tmp_path, news_index):
    with pytest.raises(CommandError, match="not standard input, and not a dry run"):
        call_command("import_articles", str(tmp_path), *args, "--background")
    assert not ImportRun.objects.exists()


def stall(run):
    """Date the run's last progress as ``expire_imports`` takes for a stopped worker's."""
    ImportRun.objects.filter(pk=run.pk).update(updated_at=timezone.now() - timedelta(hours=2))


def test_a_stopped_workers_run_is_resumed_and_imports_each_article_once(
    tmp_path, news_index, people_index
):
    archive = write_archive(tmp_path / "archive", 3)
    with override_settings(TASKS=DUMMY_TASKS):
        call_command("import_articles", str(archive), "--background", stdout=io.StringIO())
        call_command("import_articles", str(archive), "--background", stdout=io.StringIO())
        stalled, busy = ImportRun.objects.order_by("pk")
        first, stopped, lost = stalled.items.all()
        tasks.import_article.call(first.pk)
        # A worker claimed the second article and was killed (its transaction rolled back);
        # the third's task was lost with the queue.
        ImportItem.objects.filter(pk=stopped.pk).update(status=ImportItem.Status.RUNNING)
        stall(stalled)
        # Another run's worker is busy on an article, and the run has progressed lately.
        busy_item = busy.items.first()
        ImportItem.objects.filter(pk=busy_item.pk).update(status=ImportItem.Status.RUNNING)
        backend = tasks.import_article.get_backend()
        backend.clear()

        out = io.StringIO()
        call_command("expire_imports", stdout=out)
        assert "1 stalled imports resumed" in out.getvalue()
        assert queued_items(tasks.import_article) == [stopped.pk, lost.pk]
        assert ImportItem.objects.get(pk=busy_item.pk).status == ImportItem.Status.RUNNING
        # Resumed, it waits another hour without progress before it is taken for stopped.
        backend.clear()
        call_command("expire_imports", stdout=out)
        assert "0 stalled imports resumed" in out.getvalue()
        assert queued_items(tasks.import_article) == []

        # The first worker's task for the second article comes in after all: once.
        for item_id in [stopped.pk, lost.pk, stopped.pk]:
            tasks.import_article.call(item_id)

    stalled.refresh_from_db()
    assert stalled.status == ImportRun.Status.DONE and stalled.progress == 3
    assert stalled.counts == {"created": 3}
    assert ArticlePage.objects.count() == 3


def test_a_resumed_run_leaves_the_tasks_still_waiting_in_the_queue(
    tmp_path, news_index, people_index
):
    archive = write_archive(tmp_path / "archive", 3)
    queue = {"default": {"BACKEND": settings.DATABASE_TASK_BACKEND, "ENQUEUE_ON_COMMIT": False}}
    with override_settings(TASKS=queue):
        call_command("import_articles", str(archive), "--background", stdout=io.StringIO())
        run = ImportRun.objects.get()
        waiting, stopped, lost = run.items.all()
        assert all(item.task_id for item in (waiting, stopped, lost))
        # The queue's workers are down; one stopped in the middle of the second article, and
        # the third's task is gone from the queue.
        ImportItem.objects.filter(pk=stopped.pk).update(status=ImportItem.Status.RUNNING)
        ImportItem.objects.filter(pk=lost.pk).update(task_id=str(uuid.uuid4()))
        stall(run)
        out = io.StringIO()
        call_command("expire_imports", stdout=out)
        assert "1 stalled imports resumed" in out.getvalue()
        backend = tasks.import_article.get_backend()
        after = {item.pk: item for item in run.items.all()}
        assert after[waiting.pk].task_id == waiting.task_id
        for item in (stopped, lost):
            assert after[item.pk].status == ImportItem.Status.QUEUED
            assert after[item.pk].task_id != item.task_id
            assert backend.get_result(after[item.pk].task_id).args == [item.pk]
        # With every unfinished article's task waiting, there is nothing to resume.
        stall(run)
        call_command("expire_imports", stdout=out)
        assert "0 stalled imports resumed" in out.getvalue()


def test_a_slow_workers_late_outcome_is_not_counted_again(tmp_path, news_index, people_index):
    with override_settings(TASKS=DUMMY_TASKS):
        run = queue_archive(tmp_path, 1)
        item = run.items.get()
        # A worker claims the article and is so slow that it is taken for stopped.
        ImportItem.objects.filter(pk=item.pk).update(status=ImportItem.Status.RUNNING, attempts=1)
        stall(run)
        call_command("expire_imports", stdout=io.StringIO())
        tasks.import_article.call(item.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.progress == 1
    assert run.counts == {"created": 1}
    # The slow worker's outcome comes in last, and is not kept.
    item.refresh_from_db()
    assert item.attempts == 2
    assert not tasks.record_outcome(item, 1, dict(item.outcome, status="unchanged"))
    run.refresh_from_db(), item.refresh_from_db()
    assert run.progress == 1 and item.outcome["status"] == "created"


def test_an_article_that_keeps_stopping_its_worker_is_reported_failed(
    tmp_path, news_index, people_index
):
    with override_settings(TASKS=DUMMY_TASKS):
        run = queue_archive(tmp_path, 2)
        first, second = run.items.all()
        tasks.import_article.call(first.pk)
        ImportItem.objects.filter(pk=second.pk).update(
            status=ImportItem.Status.RUNNING, attempts=tasks.MAX_ATTEMPTS
        )
        stall(run)
        tasks.import_article.get_backend().clear()
        out = io.StringIO()
        call_command("expire_imports", stdout=out)
        assert "1 stalled imports resumed" in out.getvalue()
        assert queued_items(tasks.import_article) == []
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.progress == 2
    assert run.counts == {"created": 1, "failed": 1}
    assert run.report["outcomes"][1]["error"] == (
        f"Importing it stopped the worker {tasks.MAX_ATTEMPTS} times."
    )


def test_a_run_stopped_between_its_last_article_and_its_end_is_ended(
    tmp_path, news_index, people_index
):
    with override_settings(TASKS=DUMMY_TASKS):
        run = queue_archive(tmp_path, 1)
        tasks.import_article.call(run.items.get().pk)
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.RUNNING)
    stall(run)
    call_command("expire_imports", "--stalled-hours", "1.5", stdout=io.StringIO())
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.counts == {"created": 1}


def test_an_upload_stopped_before_its_articles_were_queued_fails(news_index):
    upload = io.BytesIO(article(0).encode())
    upload.name, upload.size = "one.html", len(upload.getvalue())
    run = ImportRun.objects.create(
        user=make_user("editor", superuser=True),
        uploads=store_uploads([upload]),
        parent=news_index,
        status=ImportRun.Status.RUNNING,
    )
    stall(run)
    out = io.StringIO()
    call_command("expire_imports", stdout=out)
    assert "1 stalled imports resumed" in out.getvalue()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED
    assert "stopped before its articles were queued; upload the files again" in run.error
    assert not any(default_storage.exists(upload["file"]) for upload in run.uploads)


@pytest.mark.parametrize("deleted", ["parent", "people parent"])
def test_a_deleted_page_stops_the_run_with_its_name(deleted, tmp_path, news_index, people_index):
    archive = write_archive(tmp_path / "archive", 2)
    profiles = people_index.add_child(instance=PersonIndexPage(title="Profiles"))
    with override_settings(TASKS=DUMMY_TASKS):
        call_command(
            "import_articles",
            str(archive),
            "--background",
            "--people-parent",
            str(profiles.pk),
            stdout=io.StringIO(),
        )
        run = ImportRun.objects.get()
        (news_index if deleted == "parent" else profiles).delete()
        for item in run.items.all():
            tasks.import_article.call(item.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED
    assert run.error == (
        "The page to import under no longer exists; the import stopped."
        if deleted == "parent"
        else f"The page for new profiles (ID {profiles.pk}) no longer exists; the import stopped."
    )
    assert run.report == {"counts": {}, "outcomes": []}
    assert not ArticlePage.objects.exists()


def test_an_uploaded_zip_is_imported_a_task_per_article_with_its_images(news_index, people_index):
    editor = make_user("editor", superuser=True)
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("desk/2024/one.html", article(0, image="../photos/ferry.png"))
        archive.writestr("desk/2024/two.html", article(1))
        archive.writestr("desk/photos/ferry.png", png())
    upload = io.BytesIO(data.getvalue())
    upload.name, upload.size = "desk.zip", len(data.getvalue())
    run = ImportRun.objects.create(user=editor, uploads=store_uploads([upload]))
    tasks.preview_import.enqueue(run.pk)
    ImportRun.objects.filter(pk=run.pk).update(
        status=ImportRun.Status.QUEUED, parent=news_index, publish=True
    )
    with override_settings(TASKS=DUMMY_TASKS):
        tasks.import_articles.call(run.pk)
        run.refresh_from_db()
        assert run.status == ImportRun.Status.RUNNING, run.error
        stored = run.options["files"]
        assert sorted(stored) == [
            "0/desk/2024/one.html",
            "0/desk/2024/two.html",
            "0/desk/photos/ferry.png",
        ]
        items = list(run.items.all())
        assert [item.path for item in items] == ["0/desk/2024/one.html", "0/desk/2024/two.html"]
        assert queued_items(tasks.import_article) == [item.pk for item in items]
        for item in items[::-1]:
            tasks.import_article.call(item.pk)

    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE, run.error
    assert [o["source"] for o in run.report["outcomes"]] == [
        "desk.zip/desk/2024/one.html",
        "desk.zip/desk/2024/two.html",
    ]
    one, two = ArticlePage.objects.order_by("published_at")
    assert one.lead_image is not None and one.lead_image.width == 40
    assert two.lead_image is None
    # Known by their place in the upload, as the command knows an archive's files.
    assert [one.source_path, two.source_path] == ["desk/2024/one.html", "desk/2024/two.html"]
    assert all(item.status == ImportItem.Status.DONE for item in run.items.all())
    # Nothing the run stored is left.
    assert not any(default_storage.exists(name) for name in stored.values())
    assert not any(default_storage.exists(upload["file"]) for upload in run.uploads)
    folder = Path(default_storage.path(run.uploads[0]["file"])).parent
    assert folder.parent == Path(default_storage.path(STORAGE_DIR)) and not folder.exists()


def test_a_background_run_is_followed_in_the_admin(client, tmp_path, news_index, people_index):
    archive = write_archive(tmp_path / "archive", 2)
    with override_settings(TASKS=DUMMY_TASKS):
        call_command("import_articles", str(archive), "--background", stdout=io.StringIO())
    run = ImportRun.objects.get()
    first, second = run.items.all()
    tasks.import_article.call(first.pk)
    client.force_login(make_user("admin", superuser=True))
    page = client.get(run.get_absolute_url()).content.decode()
    assert "1 of 2 articles" in page and "refreshes itself" in page
    assert "may have stopped" not in page
    stall(run)
    page = client.get(run.get_absolute_url()).content.decode()
    assert "1 of 2 articles" in page and "the worker importing them may have stopped" in page
    assert "made no progress since" in page
    tasks.import_article.call(second.pk)
    page = client.get(run.get_absolute_url()).content.decode()
    assert "1 of 2 articles" not in page and "refreshes itself" not in page
    assert "may have stopped" not in page
    assert "Ferry route 0 gets a new timetable" in page
    assert "Ferry route 1 gets a new timetable" in page


def index_tasks(backend):
    return [
        r for r in backend.results if r.task.module_path.endswith("insert_or_update_object_task")
    ]


def test_an_import_leaves_no_index_tasks_to_the_workers(tmp_path, news_index, people_index):
    archive = write_archive(tmp_path / "archive", 2)
    with override_settings(TASKS=DUMMY_TASKS):
        backend = tasks.import_article.get_backend()
        call_command("import_articles", str(archive), "--publish", stdout=io.StringIO())
        # A worker would run these outside the import, and index each page once per save.
        assert index_tasks(backend) == []
        found = ArticlePage.objects.live().search("timetable")
        assert sorted(page.title for page in found) == [
            f"Ferry route {n} gets a new timetable" for n in range(2)
        ]
        # An editor's save, outside an import, is indexed through Wagtail's task as before.
        page = ArticlePage.objects.first()
        page.title = "Ferry timetable changes again"
        page.save()
        assert [r.args for r in index_tasks(backend)] == [
            ["wagtail_newsroom", "articlepage", str(page.pk)]
        ]
