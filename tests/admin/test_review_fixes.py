"""Regression tests for the admin review: permissions, stored uploads and limits, double submits."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.test import override_settings
from django.urls import reverse

from tests.factories import make_person
from wagtail_newsroom import tasks
from wagtail_newsroom.models import ImportRun, PersonPage
from wagtail_newsroom.uploads import store_uploads, unpack
from wagtail_newsroom.views import imports

from .test_import import SEED, make_run, upload, zip_of
from .utils import grant, make_user

pytestmark = pytest.mark.django_db
JS = Path(imports.__file__).resolve().parents[1] / "static/wagtail_newsroom/js/quote-blocks.js"


def stored(run):
    return [default_storage.exists(item["file"]) for item in run.uploads]


# 1. The person summary


def test_person_summary_hides_unpublished_profiles_from_who_cannot_edit_them(client, people_index):
    draft = make_person(people_index, "Secret Source", "Whistleblower")
    draft.unpublish()
    live = make_person(people_index, "Qin Peng", "Commentator")
    client.force_login(make_user("admin-only"))
    url = reverse("wagtail_newsroom_people:summary", args=[draft.pk])
    response = client.get(url)
    assert response.status_code == 403
    assert "Whistleblower" not in response.content.decode()
    live_url = reverse("wagtail_newsroom_people:summary", args=[live.pk])
    assert client.get(live_url).json()["job_title"] == "Commentator"
    client.force_login(make_user("people-editor", pages=[people_index], permissions=("change",)))
    assert client.get(url).json()["job_title"] == "Whistleblower"


# 2. Profiles created from the chooser


def test_chooser_profile_is_a_draft_for_users_who_cannot_publish(client, news_index, people_index):
    user = make_user("writer", pages=[news_index, people_index], permissions=("add", "change"))
    client.force_login(user)
    response = client.post(
        reverse("wagtail_newsroom_person_chooser:create"), {"title": "Li Wen", "job_title": "X"}
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    person = PersonPage.objects.get(title="Li Wen")
    assert not person.live
    assert person.latest_revision is not None
    assert person.has_unpublished_changes


# 3. Import permissions on the people index


def previewed_run(user):
    run = make_run(user, {"seed.txt": SEED.read_bytes()})
    tasks.preview_import.enqueue(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PREVIEWED, run.error
    return run


def test_confirm_needs_add_permission_on_the_people_index(client, news_index, people_index):
    user = make_user("desk", pages=[news_index])  # may add and publish articles, not profiles
    run = previewed_run(user)
    client.force_login(user)
    response = client.post(run.get_absolute_url(), {"parent": news_index.pk, "action": "draft"})
    assert response.status_code == 200
    assert "You may not add profiles under" in response.content.decode()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PREVIEWED


def test_publishing_needs_publish_permission_on_the_people_index(client, news_index, people_index):
    user = make_user("desk", pages=[news_index])
    grant(user, people_index, "add", "change")
    run = previewed_run(user)
    client.force_login(user)
    response = client.post(run.get_absolute_url(), {"parent": news_index.pk, "action": "publish"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "You may not publish profiles under" in html
    assert "You may not publish pages under" not in html
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PREVIEWED
    # As drafts it goes ahead.
    response = client.post(run.get_absolute_url(), {"parent": news_index.pk, "action": "draft"})
    assert response.status_code == 302


# 4. Stored uploads are deleted


def test_uploads_are_deleted_when_the_import_finishes(news_index, people_index):
    run = make_run(make_user("chief", superuser=True), {"seed.txt": SEED.read_bytes()})
    tasks.preview_import.enqueue(run.pk)
    run.refresh_from_db()
    assert stored(run) == [True]  # kept between the preview and the import
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.QUEUED, parent=news_index)
    tasks.import_articles.enqueue(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE, run.error
    assert stored(run) == [False]


def test_uploads_are_deleted_when_the_import_fails(news_index, people_index):
    run = make_run(make_user("chief", superuser=True), {"seed.txt": SEED.read_bytes()})
    ImportRun.objects.filter(pk=run.pk).update(
        status=ImportRun.Status.QUEUED
    )  # no parent: it fails
    tasks.import_articles.enqueue(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED
    assert stored(run) == [False]


def test_uploads_are_deleted_when_the_preview_fails(news_index):
    run = make_run(make_user("chief", superuser=True), {"a.zip": zip_of({"a.txt": b"x" * 600})})
    # Unpacking checks the zip again, against a limit lowered since the upload.
    with override_settings(WAGTAILNEWSROOM_IMPORT_MAX_UNCOMPRESSED_SIZE=100):
        tasks.preview_import.enqueue(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED
    assert "expands to more than" in run.error
    assert stored(run) == [False]


# 5. The total size of one upload


@override_settings(WAGTAILNEWSROOM_IMPORT_MAX_TOTAL_SIZE=150)
def test_the_total_size_of_one_upload_is_limited(client, news_index):
    client.force_login(make_user("chief", superuser=True))
    files = [upload(f"{n}.txt", b"Headline\n\n" + b"x" * 90) for n in range(2)]
    response = client.post(reverse("wagtail_newsroom_import:upload"), {"files": files})
    assert response.status_code == 200
    assert "the limit for one upload is 150" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_unpacking_counts_every_upload_against_the_total(tmp_path):
    archive = zip_of({"a.txt": b"x" * 600})
    uploads = store_uploads([upload("one.zip", archive), upload("two.zip", archive)])
    limits = {
        "WAGTAILNEWSROOM_IMPORT_MAX_UNCOMPRESSED_SIZE": 1000,  # each zip is within its own limit
        "WAGTAILNEWSROOM_IMPORT_MAX_TOTAL_SIZE": 1000,
    }
    with override_settings(**limits), pytest.raises(ValidationError, match="in all"):
        unpack(uploads, tmp_path / "out")
    with override_settings(WAGTAILNEWSROOM_IMPORT_MAX_TOTAL_SIZE=1200):
        assert len(unpack(uploads, tmp_path / "ok")) == 2


# 6. The quote block script


def test_quote_script_never_parses_editor_content_into_a_live_element():
    source = JS.read_text()
    assert ".innerHTML =" not in source
    assert "new DOMParser().parseFromString(value, 'text/html').body.textContent" in source


# 7. A second confirm


def test_a_second_confirm_says_the_import_was_already_confirmed(
    client, news_index, people_index, monkeypatch
):
    user = make_user("chief", superuser=True)
    run = previewed_run(user)
    # Another request confirmed it between this one reading the run and updating it.
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.QUEUED, parent=news_index)
    monkeypatch.setattr(imports, "get_run", lambda request, pk: run)
    started = []
    monkeypatch.setattr(imports.tasks, "start", lambda *args: started.append(args))
    client.force_login(user)
    response = client.post(
        run.get_absolute_url(), {"parent": news_index.pk, "action": "draft"}, follow=True
    )
    html = response.content.decode()
    assert "This import has already been confirmed." in html
    assert "The import has started." not in html
    assert not started


# One query for the runs a user may see


def test_visible_runs(news_index):
    chief, writer = make_user("chief", superuser=True), make_user("w", pages=[news_index])
    mine = ImportRun.objects.create(user=writer, uploads=[])
    ImportRun.objects.create(user=chief, uploads=[])
    assert list(imports.visible_runs(writer)) == [mine]
    assert imports.visible_runs(chief).count() == 2
