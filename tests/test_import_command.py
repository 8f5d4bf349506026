"""import_articles end to end: real files, real database, real pages."""

import datetime
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from wagtail_newsroom.importer.build import ArticleBuilder
from wagtail_newsroom.importer.result import Author, BodyBlock, ParsedArticle
from wagtail_newsroom.models import ArticlePage, ArticleQuotation, ImportRun, PersonPage, Section

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = SEEDS / "000_c8de4f398f421595.txt"
ARTICLE_KEYS = {
    "source", "fingerprint", "headline", "dek", "section", "published", "updated", "authors",
    "people", "tags", "lead_image", "body", "dropped", "warnings",
}  # fmt: skip

pytestmark = pytest.mark.django_db


def run(*args, **options):
    """Run the command; return (stdout, stderr, error or None)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", *map(str, args), stdout=out, stderr=err, **options)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    return folder


def test_dry_run_json_is_one_document_and_writes_nothing(site_tree, archive):
    (archive / "junk.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    pages = Page.objects.count()
    out, _err, error = run(archive, dry_run=True, format="json", no_progress=True)
    document = json.loads(out)
    assert set(document) == {"articles", "errors"}
    [article] = document["articles"]
    assert set(article) == ARTICLE_KEYS
    assert article["headline"] == "China Reminds Ant Group Who’s Boss"
    assert article["fingerprint"].startswith("sha256:")
    [failure] = document["errors"]
    assert failure["source"].endswith("junk.txt")
    assert failure["error"]
    assert error is not None and error.returncode == 1
    assert Page.objects.count() == pages


def test_import_creates_linked_pages_and_rerun_changes_nothing(site_tree, archive):
    _home, news, people = site_tree
    out, _err, error = run(archive, publish=True, no_progress=True)
    assert error is None, out
    article = ArticlePage.objects.get()
    assert article.live and article.get_parent().pk == news.pk
    assert article.title == "China Reminds Ant Group Who’s Boss"
    assert article.section == Section.objects.get(name="NTD Evening News")
    assert article.published_at.date().isoformat() == "2020-11-05"
    assert [p.title for p in article.authors] == ["Penny Zhou"]
    qin = PersonPage.objects.child_of(people).get(title="Qin Peng")
    assert qin.job_title in ("China affairs commentator", "analyst")
    # Reported speech stays in the run of the story: paragraphs that carry their quotations.
    assert not [b for b in article.body if b.block_type == "quote"]
    quoting = [b for b in article.body if b.block_type == "quoted_paragraph"]
    speakers = [q["speaker"].title for b in quoting for q in b.value["quotations"]]
    assert speakers == ["Jack Ma", "Qin Peng", "Qin Peng"]
    assert ArticleQuotation.objects.filter(person=qin, page=article).count() == 2
    # The paragraph reads as the source wrote it, with the live speaker's name linked.
    html = Client().get(article.url).content.decode()
    assert f'analyst <a class="newsroom-speaker" href="{qin.url}">Qin Peng</a> said.' in html
    assert "<blockquote" not in html
    assert "Created 1" in out

    pages, revisions = Page.objects.count(), Revision.objects.count()
    out, _err, error = run(archive, publish=True, no_progress=True)
    assert error is None
    assert "unchanged 1" in out
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_changed_source_updates_the_same_page(site_tree, archive):
    run(archive, no_progress=True)
    article = ArticlePage.objects.get()
    assert not article.live  # a draft by default
    assert not PersonPage.objects.live().exists()
    seed = archive / "seed.txt"
    seed.write_text(seed.read_text().replace("$37 billion", "$34.5 billion"))
    out, _err, error = run(archive, no_progress=True)
    assert error is None and "updated 1" in out
    assert ArticlePage.objects.count() == 1
    latest = ArticlePage.objects.get().get_latest_revision_as_object()
    assert "$34.5 billion" in str(latest.body)
    assert latest.pk == article.pk


def test_editor_edits_are_kept_unless_forced(site_tree, archive):
    run(archive, no_progress=True)
    article = ArticlePage.objects.get()
    article.dek = "An editor's standfirst."
    article.save_revision()
    seed = archive / "seed.txt"
    seed.write_text(seed.read_text() + "\nOne more paragraph added to the archive copy.\n")

    out, _err, error = run(archive, no_progress=True)
    assert error is None
    assert "skipped 1" in out and "--force" in out
    assert (
        ArticlePage.objects.get().get_latest_revision_as_object().dek == "An editor's standfirst."
    )

    out, _err, error = run(archive, no_progress=True, force=True)
    assert "updated 1" in out
    assert ArticlePage.objects.get().get_latest_revision_as_object().dek == ""


def test_bad_files_are_reported_and_the_rest_imported(site_tree, archive):
    (archive / "empty.txt").write_bytes(b"")
    (archive / "junk.html").write_bytes(bytes(range(256)) * 8)
    out, err, error = run(archive, no_progress=True)
    assert error is not None and error.returncode == 1
    assert "2 of 3 files failed" in str(error)
    assert "empty.txt" in out and "junk.html" in out
    assert "Created 1" in out and "failed 2" in out
    assert ArticlePage.objects.count() == 1


def test_a_failing_article_is_not_half_written(site_tree):
    _home, news, people = site_tree
    parsed = ParsedArticle(
        source="backwards.txt",
        fingerprint="sha256:backwards",
        # Updated before it was published: the build fails after it has made the profile.
        headline="Boss",
        published=datetime.date(2020, 5, 2),
        updated=datetime.date(2020, 5, 1),
        authors=[Author("Brand New Person")],
        body=[BodyBlock("paragraph", text="Text.")],
    )
    builder = ArticleBuilder(news)
    with pytest.raises(ValidationError):
        builder.build(parsed)
    assert not PersonPage.objects.filter(title="Brand New Person").exists()
    assert not ArticlePage.objects.exists()


def test_a_missing_path_is_reported_and_the_others_imported(site_tree, archive):
    out, err, error = run("/no/such/file.txt", archive / "seed.txt", no_progress=True)
    assert "/no/such/file.txt: No such file or directory" in err
    assert "Created 1" in out and ArticlePage.objects.count() == 1
    assert error is not None and error.returncode == 1 and "1 of 2" in str(error)


def test_what_cannot_be_read_inside_a_folder_is_reported(site_tree, archive):
    (archive / "gone.txt").symlink_to(archive / "nowhere.txt")
    (archive / "loop").symlink_to(archive)
    (archive / "a").symlink_to(archive / "b")
    (archive / "b").symlink_to(archive / "a")
    (archive / "photo.png").symlink_to(archive / "nowhere.png")
    out, err, error = run(archive, no_progress=True)
    assert "Created 1" in out and "failed 4" in out
    assert f"{archive / 'gone.txt'}: No such file or directory" in err
    assert f"{archive / 'loop'}: This link leads back to a folder it is in" in err
    assert f"{archive / 'a'}: Too many levels of symbolic links" in err
    assert f"{archive / 'b'}: Too many levels of symbolic links" in err
    assert "photo.png" not in err  # not an article, broken or not
    assert error is not None and "4 of 5" in str(error)


def test_unreadable_files_and_folders_are_reported(archive):
    """In a process of its own, since root reads any file: run as root, the importer is
    started without the capabilities that let root ignore a file's mode."""
    (archive / "secret.txt").write_bytes(SEED.read_bytes())
    (archive / "locked").mkdir()
    (archive / "locked" / "inside.txt").write_bytes(SEED.read_bytes())
    (archive / "secret.txt").chmod(0)
    (archive / "locked").chmod(0)
    limited = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps", "-all"]
    command = [sys.executable, "manage.py", "import_articles", "--dry-run", "--no-progress"]
    try:
        result = subprocess.run(
            [*(limited if os.geteuid() == 0 else []), *command, str(archive)],
            cwd=SEEDS.parent / "example_site",
            env={k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
            capture_output=True,
            text=True,
        )
    finally:
        (archive / "locked").chmod(0o755)
    assert result.returncode == 1
    assert f"{archive / 'secret.txt'}: Permission denied" in result.stderr
    assert f"{archive / 'locked'}: Permission denied" in result.stderr
    assert "parsed 1, failed 2" in result.stdout  # seed.txt, beside them


def test_file_names_cannot_break_or_forge_report_lines(site_tree, archive):
    names = [b"caf\xe9.txt", b"two\nlines.txt", "evil\u202etxt.exe.txt".encode()]
    for name in names:
        (archive / os.fsdecode(name)).write_bytes(SEED.read_bytes()[:80])
    out, err, error = run(archive, no_progress=True)
    assert f"{archive}/caf\\xe9.txt:3: No article text" in err
    assert f"{archive}/two\\nlines.txt:3: No article text" in err
    assert f"{archive}/evil\\u202etxt.exe.txt:3: No article text" in err
    assert "\u202e" not in err + out and len(err.splitlines()) == len(names)
    assert "Created 1" in out and error is not None


def test_parent_must_accept_articles(site_tree, archive):
    _home, _news, people = site_tree
    _out, _err, error = run(archive, parent=people.pk, no_progress=True)
    assert error is not None and "cannot be added" in str(error)


def test_standard_input(site_tree, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    out, _err, error = run("-", dry_run=True, format="json")
    assert error is None
    [article] = json.loads(out)["articles"]
    assert (article["source"], article["headline"]) == ("-", "China Reminds Ant Group Who’s Boss")


def test_jobs_parse_in_parallel_with_the_same_result(site_tree):
    samples = sorted(p for p in SEEDS.iterdir() if p.suffix in (".txt", ".html"))
    one, _err, _error = run(*samples, dry_run=True, format="json")
    two, _err, _error = run(*samples, dry_run=True, format="json", jobs=2)
    assert json.loads(one) == json.loads(two)
    assert len(json.loads(two)["articles"]) == len(samples)


def test_site_rules_drop_their_lines(site_tree, archive, tmp_path):
    seed = archive / "seed.txt"
    seed.write_text(seed.read_text().replace("share\n", "share\nBrought to you by Acme Bank\n"))
    rules = tmp_path / "site_rules.json"
    rules.write_text(
        json.dumps(
            [{"name": "sponsor", "reason": "advertisement", "pattern": "^brought to you by\\b"}]
        )
    )
    out, _err, _error = run(seed, dry_run=True, format="json", rules=[str(rules)])
    [article] = json.loads(out)["articles"]
    assert {
        "line": 7,
        "text": "Brought to you by Acme Bank",
        "rule": "advertisement",
        "detail": "sponsor",
    } in article["dropped"]
    _out, _err, error = run(seed, dry_run=True, rules=[str(tmp_path / "missing.py")])
    assert error is not None and "missing.py" in str(error)


def test_another_spelling_of_the_path_updates_the_same_article(site_tree, archive, monkeypatch):
    seed = archive / "seed.txt"
    run(seed, no_progress=True)
    seed.write_text(seed.read_text().replace("$37 billion", "$34.5 billion"))
    monkeypatch.chdir(archive.parent)
    out, _err, error = run("archive/../archive/seed.txt", no_progress=True)
    assert error is None and "updated 1" in out
    link = archive.parent / "link.txt"
    link.symlink_to(seed)
    seed.write_text(seed.read_text().replace("$34.5 billion", "$33 billion"))
    out, _err, error = run(link, no_progress=True)
    assert error is None and "updated 1" in out
    [article] = ArticlePage.objects.all()
    assert article.source_path == seed.resolve().as_posix()


def test_a_moved_archive_updates_its_pages_under_its_declared_root(site_tree, archive):
    run(archive, no_progress=True, archive_root=archive)
    moved = archive.rename(archive.parent / "moved")
    seed = moved / "seed.txt"
    seed.write_text(seed.read_text().replace("$37 billion", "$34.5 billion"))
    out, _err, error = run(moved, no_progress=True, archive_root=moved)
    assert error is None and "updated 1" in out
    [article] = ArticlePage.objects.all()
    assert article.source_path == "seed.txt"


def test_a_file_whose_name_is_not_utf8_imports(site_tree, tmp_path):
    path = tmp_path / os.fsdecode(b"r\xe9sum\xe9.txt")
    path.write_bytes(SEED.read_bytes())
    out, _err, error = run(path, no_progress=True)
    assert error is None and "r\\xe9sum\\xe9.txt: created" in out
    article = ArticlePage.objects.get()
    assert (article.source_name, Path(article.source_path).name) == ("r\\xe9sum\\xe9.txt",) * 2
    [outcome] = ImportRun.objects.get().report["outcomes"]
    assert Path(outcome["source"]).name == "r\\xe9sum\\xe9.txt"


def test_standard_input_reads_no_image_unless_given_a_root(site_tree, tmp_path, monkeypatch):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "red").save(buffer, "PNG")
    (tmp_path / "x.png").write_bytes(buffer.getvalue())
    html = (
        b"<html><body><h1>Ferry timetable changes</h1><p>By Tom Reilly</p>"
        b"<p>The council changed the timetable of the ferry on Tuesday after complaints.</p>"
        b'<figure><img src="x.png" alt="The ferry"></figure></body></html>'
    )
    monkeypatch.chdir(tmp_path)  # where the command runs: not the article's folder
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(html)))
    out, _err, error = run("-", no_progress=True)
    assert error is None and "x.png was not read" in out
    assert get_image_model().objects.count() == 0
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(html + b" ")))
    out, _err, error = run("-", no_progress=True, image_root=tmp_path)
    assert error is None and get_image_model().objects.count() == 1


def test_an_article_dated_in_the_future_is_scheduled_not_published(site_tree, tmp_path, client):
    _home, news, _people = site_tree
    later = timezone.now() + datetime.timedelta(days=2)
    source = tmp_path / "embargoed.txt"
    source.write_text(
        f"Ferry timetable changes\n\nBy Jane Roe\n\n{later:%B %d, %Y %H:%M} UTC\n\n"
        "The council agreed on Tuesday to change the timetable of the ferry, after a year of "
        "complaints from the people who use it every day.\n"
    )
    _out, _err, error = run(source, publish=True, no_progress=True)
    assert error is None
    article = ArticlePage.objects.get()
    revision = article.latest_revision
    assert not article.live and revision.approved_go_live_at == article.go_live_at
    assert article.go_live_at == article.published_at > timezone.now()
    assert client.get(news.url + "feed/rss/").content.count(b"<item>") == 0
    # Once the embargo has passed (moved back here), Wagtail's scheduler publishes it.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = revision.content["published_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled", stdout=io.StringIO())
    assert ArticlePage.objects.get().live
