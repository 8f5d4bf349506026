"""The admin import view: upload validation, preview and import tasks, permissions."""

import io
import warnings
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission

from wagtail_newsroom import tasks
from wagtail_newsroom.models import ArticlePage, ImportRun
from wagtail_newsroom.uploads import store_uploads, validate_upload

from .utils import make_user

pytestmark = pytest.mark.django_db
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_c8de4f398f421595.txt"
UPLOAD_URL = "wagtail_newsroom_import:upload"


def upload(name, data):
    return SimpleUploadedFile(name, data)


def zip_of(members, compression=zipfile.ZIP_DEFLATED):
    """A zip of ``members``: a dict, or (name, data) pairs, which may repeat a name."""
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", compression) as archive:
        warnings.simplefilter("ignore")  # "Duplicate name": wanted here
        for name, data in members.items() if isinstance(members, dict) else members:
            archive.writestr(name, data)
    return buffer.getvalue()


# Upload validation


def test_text_and_html_files_and_zips_are_accepted():
    assert validate_upload(upload("a.txt", b"Headline\n\nText.")) == 1
    assert validate_upload(upload("a.HTML", b"<h1>Headline</h1>")) == 1
    archive = zip_of({"a.txt": b"x", "dir/b.htm": b"y", "dir/photo.jpg": b"z", "notes.doc": b"w"})
    # Two articles: the image comes with them and is not one.
    assert validate_upload(upload("archive.zip", archive)) == 2


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("virus.exe", b"MZ", "only .txt, .html, .htm, .zip files can be imported"),
        ("empty.txt", b"", "empty.txt is empty"),
        ("broken.zip", b"PK not really", "broken.zip is not a valid zip file"),
        ("slip.zip", zip_of({"../../etc/evil.txt": b"x"}), "would be written outside the import"),
        ("abs.zip", zip_of({"/etc/evil.txt": b"x"}), "would be written outside the import"),
        ("nothing.zip", zip_of({"photo.jpg": b"x"}), "holds no .txt or .html articles"),
        (
            "bomb.zip",
            zip_of({"bomb.txt": b"0" * (5 * 1024 * 1024)}),
            "is compressed suspiciously well",
        ),
        (
            # Each member under the per-member threshold; the archive is a bomb all the same.
            "many.zip",
            zip_of({f"{n}.txt": b"0" * (512 * 1024) for n in range(8)}),
            "is compressed suspiciously well",
        ),
        ("twice.zip", zip_of([("a.txt", b"x"), ("a.txt", b"y")]), "in the zip twice"),
        ("clash.zip", zip_of([("a.txt", b"x"), ("a.txt/b.txt", b"y")]), "as a file and a folder"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message(name, data, message):
    with pytest.raises(ValidationError) as error:
        validate_upload(upload(name, data))
    assert message in error.value.messages[0]
    assert name in error.value.messages[0]


def encrypted(archive):
    """``archive`` with its one member marked encrypted, as a password-protected zip is."""
    data = bytearray(archive)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.index(signature) + offset
        data[at] |= 0x1
    return bytes(data)


def test_an_encrypted_zip_is_refused():
    with pytest.raises(ValidationError, match="“a.txt” is encrypted"):
        validate_upload(upload("secret.zip", encrypted(zip_of({"a.txt": b"x"}))))


def test_ten_thousand_tiny_members_are_refused_and_nothing_is_stored(client, news_index):
    client.force_login(make_user("chief", superuser=True))
    archive = zip_of({f"{n}.txt": b"x" for n in range(10_000)})
    before = set(Path(default_storage.location).rglob("*"))
    response = client.post(
        reverse("wagtail_newsroom_import:upload"), {"files": [upload("many.zip", archive)]}
    )
    assert "That is 10000 articles; at most 1000" in response.content.decode()
    assert not ImportRun.objects.exists()
    assert set(Path(default_storage.location).rglob("*")) == before


@override_settings(WAGTAILNEWSROOM_IMPORT_MAX_FILE_SIZE=10_000)
def test_an_article_in_a_zip_is_held_to_the_file_size_limit(tmp_path):
    # A small zip may hold one huge article: parsing it would take all the memory there is.
    archive = zip_of({"huge.html": b"<p>The ferry sailed.</p>" * 1000})
    assert len(archive) < 10_000
    with pytest.raises(ValidationError, match="“huge.html” is larger than 9.8"):
        validate_upload(upload("small.zip", archive))


@override_settings(WAGTAILNEWSROOM_IMPORT_MAX_FILE_SIZE=10)
def test_the_size_limit():
    with pytest.raises(ValidationError, match="big.txt is 11"):
        validate_upload(upload("big.txt", b"x" * 11))


# The tasks


@pytest.fixture
def editor(news_index, people_index):
    return make_user("chief", superuser=True)


def make_run(user, files):
    return ImportRun.objects.create(
        user=user, uploads=store_uploads([upload(n, d) for n, d in files.items()])
    )


def test_preview_then_import_tasks(editor, news_index):
    run = make_run(editor, {"seed.txt": SEED.read_bytes(), "junk.txt": b"\x00\x01\xff" * 100})
    tasks.preview_import.enqueue(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PREVIEWED, run.error
    good, bad = sorted(run.preview, key=lambda item: "error" in item)
    assert good["source"] == "seed.txt"
    assert good["headline"] == "China Reminds Ant Group Who’s Boss"
    assert good["authors"][0]["name"] == "Penny Zhou"
    assert bad == {"source": "junk.txt", "error": bad["error"], "line": None}
    assert "binary" in bad["error"]
    assert not ArticlePage.objects.exists()

    ImportRun.objects.filter(pk=run.pk).update(
        status=ImportRun.Status.QUEUED, parent=news_index, publish=True
    )
    tasks.import_articles.enqueue(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE, run.error
    assert run.report["counts"] == {"created": 1, "failed": 1}
    article = ArticlePage.objects.get()
    assert article.live and article.source_path == "seed.txt"
    assert article.get_parent().pk == news_index.pk
    assert [o["status"] for o in run.report["outcomes"]] == ["created", "failed"] or [
        o["status"] for o in run.report["outcomes"]
    ] == ["failed", "created"]

    # A task delivered twice runs once.
    tasks.import_articles.enqueue(run.pk)
    assert ArticlePage.objects.count() == 1


def test_zip_upload_imports_its_articles(editor, news_index):
    run = make_run(editor, {"archive.zip": zip_of({"2020/seed.txt": SEED.read_bytes()})})
    tasks.preview_import.enqueue(run.pk)
    run.refresh_from_db()
    assert [item["source"] for item in run.preview] == ["archive.zip/2020/seed.txt"]


# The views


def test_upload_preview_confirm_report(
    client, editor, news_index, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(UPLOAD_URL),
            {"files": [upload("seed.txt", SEED.read_bytes()), upload("junk.txt", b"\x00" * 50)]},
        )
    assert response.status_code == 302
    run = ImportRun.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert "China Reminds Ant Group Who’s Boss" in page
    assert "junk.txt" in page and "binary" in page
    assert "Penny Zhou" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(run.get_absolute_url(), {"parent": news_index.pk, "action": "draft"})
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE
    article = ArticlePage.objects.get()
    assert not article.live
    report = client.get(run.get_absolute_url()).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[article.pk]) in report
    # The dashboard lists the run.
    assert "seed.txt" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_upload_of_what_was_imported_before_says_so(
    client, editor, news_index, django_capture_on_commit_callbacks
):
    call_command(
        "import_articles", str(SEED), parent=news_index.pk, no_progress=True, stdout=io.StringIO()
    )
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(UPLOAD_URL), {"files": [upload("seed.txt", SEED.read_bytes())]}
        )
    run = ImportRun.objects.get(origin=ImportRun.Origin.UPLOAD)
    preview = client.get(response["Location"]).content.decode()
    assert "1 article was imported before and has not changed." in preview
    assert "ready to import" not in preview
    with django_capture_on_commit_callbacks(execute=True):
        client.post(run.get_absolute_url(), {"parent": news_index.pk, "action": "draft"})
    report = client.get(run.get_absolute_url()).content.decode()
    assert "Created 0, updated 0, unchanged 1" in report
    assert "No article was created or changed." in report
    assert "New and updated articles" not in report


def test_imports_made_with_the_command_are_among_the_recent_imports(client, editor, news_index):
    out = io.StringIO()
    call_command("import_articles", str(SEED), parent=news_index.pk, publish=True, stdout=out)
    call_command("import_articles", str(SEED), dry_run=True, stdout=out)  # a dry run is none
    run = ImportRun.objects.get()
    assert (run.origin, run.status, run.publish, run.counts) == (
        ImportRun.Origin.COMMAND,
        ImportRun.Status.DONE,
        True,
        {"created": 1},
    )
    client.force_login(editor)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert SEED.name in dashboard and "import_articles command" in dashboard
    report = client.get(run.get_absolute_url()).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[ArticlePage.objects.get().pk]) in report


def test_upload_errors_are_shown(client, editor):
    client.force_login(editor)
    response = client.post(reverse(UPLOAD_URL), {"files": [upload("evil.exe", b"MZ")]})
    assert response.status_code == 200
    assert "evil.exe: only .txt, .html, .htm, .zip files can be imported." in (
        response.content.decode()
    )
    assert not ImportRun.objects.exists()


def test_users_without_add_permission_get_no_menu_item_and_a_403(client, news_index, people_index):
    # May edit people, may not add articles to the news index.
    client.force_login(make_user("viewer", pages=[people_index]))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(UPLOAD_URL) not in home
    assert client.get(reverse(UPLOAD_URL)).status_code == 403
    files = {"files": [upload("seed.txt", SEED.read_bytes())]}
    assert client.post(reverse(UPLOAD_URL), files).status_code == 403
    assert not ImportRun.objects.exists()


def test_runs_belong_to_their_user(client, editor, news_index):
    run = make_run(editor, {"seed.txt": SEED.read_bytes()})
    client.force_login(make_user("other", pages=[news_index]))
    assert client.get(run.get_absolute_url()).status_code == 403
    assert client.get(reverse(UPLOAD_URL)).status_code == 200


def test_publishing_needs_publish_permission(client, news_index, people_index):
    user = make_user("writer", pages=[news_index, people_index], permissions=("add", "change"))
    run = make_run(user, {"seed.txt": SEED.read_bytes()})
    tasks.preview_import.enqueue(run.pk)
    client.force_login(user)
    response = client.post(run.get_absolute_url(), {"parent": news_index.pk, "action": "publish"})
    assert response.status_code == 200
    assert "You may not publish pages under" in response.content.decode()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PREVIEWED


def test_an_upload_with_nothing_importable_is_not_kept(editor, news_index):
    run = make_run(editor, {"junk.txt": b"\x00\x01\xff" * 100})
    files = [item["file"] for item in run.uploads]
    tasks.preview_import.enqueue(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PREVIEWED and run.uploads == []
    assert not any(default_storage.exists(name) for name in files)


def test_previews_never_confirmed_expire_with_their_files(editor, news_index):
    old, fresh = (make_run(editor, {"seed.txt": SEED.read_bytes()}) for _ in range(2))
    for run in (old, fresh):
        tasks.preview_import.enqueue(run.pk)
    files = [item["file"] for item in ImportRun.objects.get(pk=old.pk).uploads]
    ImportRun.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(hours=25))
    out = io.StringIO()
    call_command("expire_imports", stdout=out)
    assert "1 unconfirmed imports expired" in out.getvalue()
    old.refresh_from_db(), fresh.refresh_from_db()
    assert (old.status, fresh.status) == (ImportRun.Status.FAILED, ImportRun.Status.PREVIEWED)
    assert "not confirmed in time" in old.error
    assert not any(default_storage.exists(name) for name in files)
    assert all(default_storage.exists(item["file"]) for item in fresh.uploads)


@pytest.mark.parametrize("publish", [False, True])
def test_the_import_task_checks_the_users_permissions_again(news_index, people_index, publish):
    user = make_user("desk", pages=[news_index, people_index])  # add, change, publish
    run = make_run(user, {"seed.txt": SEED.read_bytes()})
    tasks.preview_import.enqueue(run.pk)
    ImportRun.objects.filter(pk=run.pk).update(
        status=ImportRun.Status.QUEUED, parent=news_index, publish=publish
    )
    # Between the confirmation and the task: publishing, or all of it, is taken away.
    revoked = ["publish"] if publish else ["add", "change", "publish"]
    GroupPagePermission.objects.filter(
        group__user=user, page=news_index, permission__codename__in=[f"{p}_page" for p in revoked]
    ).delete()
    tasks.import_articles.enqueue(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED and "may no longer" in run.error
    assert not ArticlePage.objects.exists()


def test_the_parents_a_user_may_import_into_cost_the_same_queries_for_any_number(
    home, news_index, django_assert_max_num_queries
):
    from wagtail_newsroom.models import NewsIndexPage
    from wagtail_newsroom.views.imports import import_parents

    desks = [
        home.add_child(instance=NewsIndexPage(title=f"Desk {n}", slug=f"desk-{n}"))
        for n in range(8)
    ]
    sub = desks[3].add_child(instance=NewsIndexPage(title="Desk 3 archive", slug="archive"))
    chief = make_user("chief", superuser=True)
    desk = make_user("desk-3", pages=[desks[3]], permissions=("add",))
    nobody = make_user("nobody")
    assert import_parents(chief) == [news_index, *desks[:4], sub, *desks[4:]]
    assert import_parents(nobody) == []
    with django_assert_max_num_queries(4):
        assert import_parents(desk) == [desks[3], sub]


def test_each_outcome_is_shown_by_its_label_and_an_unknown_one_as_stored(client, news_index):
    from bs4 import BeautifulSoup
    from django.utils import translation

    user = make_user("chief", superuser=True)
    outcomes = [
        {"source": "a.txt", "status": "created", "title": "Ferry"},
        {"source": "b.txt", "status": "skipped", "title": "Bridge"},
        {"source": "c.txt", "status": "archived-elsewhere", "title": "Tunnel"},
    ]
    run = ImportRun.objects.create(
        user=user,
        status=ImportRun.Status.DONE,
        report={"counts": {"created": 1, "skipped": 1}, "outcomes": outcomes},
    )
    client.force_login(user)

    def statuses():
        html = BeautifulSoup(client.get(run.get_absolute_url()).content, "html.parser")
        rows = html.select("table tbody tr")
        return [row.select("td")[2].get_text(strip=True) for row in rows if row.select("td")]

    assert statuses() == ["created", "skipped", "archived-elsewhere"]
    with translation.override("fr"):
        assert statuses() == ["créé", "ignoré", "archived-elsewhere"]
