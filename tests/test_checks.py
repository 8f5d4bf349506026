"""The app's system checks: each speaks up for the setting it is about, and only then."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import checks
from django.test import override_settings
from wagtail.models import Site

from tests.testapp.models import LiveBlogIndexPage
from wagtail_newsroom.models import NewsroomSettings

REPO = Path(__file__).resolve().parent.parent


def ids(**kwargs):
    return {message.id for message in checks.run_checks(**kwargs) if message.id.startswith("wag")}


def test_a_working_site_passes_every_check(settings):
    settings.DEBUG = True  # the demo's immediate task backend: see the W005 test
    assert ids() == set()


def test_missing_contrib_apps(tmp_path):
    # A process of its own: changing INSTALLED_APPS in this one reloads the URLconf.
    (tmp_path / "without_contrib.py").write_text(
        "from tests.settings import *  # noqa: F403\n"
        "INSTALLED_APPS = [app for app in INSTALLED_APPS  # noqa: F405\n"
        "    if app not in ('wagtail.contrib.settings', 'wagtail.contrib.redirects')]\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "without_contrib",
        "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "example_site"), str(tmp_path)]),
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "check"], env=env, capture_output=True, text=True
    )
    assert "(wagtail_newsroom.E001) wagtail.contrib.settings" in result.stderr
    assert "(wagtail_newsroom.W002) wagtail.contrib.redirects" in result.stderr
    assert result.returncode == 1


@override_settings(WAGTAILNEWSROOM_BASE_TEMPLATE="no/such/base.html")
def test_a_base_template_that_does_not_exist():
    (message,) = [m for m in checks.run_checks() if m.id == "wagtail_newsroom.E003"]
    assert "no/such/base.html" in message.msg


@override_settings(WAGTAILNEWSROOM_IMPORTER_RULES=["no.such.rules"])
def test_importer_rules_that_do_not_load():
    assert "wagtail_newsroom.E004" in ids()


@override_settings(WAGTAILNEWSROOM_IMPORTER_LEXICON="no.such.lexicon")
def test_an_importer_lexicon_that_does_not_load():
    assert "wagtail_newsroom.E004" in ids()


def test_the_immediate_task_backend_in_production(settings):
    settings.DEBUG = False
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert "wagtail_newsroom.W005" in ids()
    settings.TASKS = {"default": {"BACKEND": settings.DATABASE_TASK_BACKEND}}
    assert "wagtail_newsroom.W005" not in ids()
    settings.DEBUG = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert "wagtail_newsroom.W005" not in ids()


@pytest.mark.parametrize("name", ["wagtailcore.Page", "testapp.Nothing", "not a label"])
def test_an_index_listing_what_is_not_an_article_model(monkeypatch, name):
    monkeypatch.setattr(LiveBlogIndexPage, "article_model", name)
    (message,) = [m for m in checks.run_checks() if m.id == "wagtail_newsroom.E006"]
    assert message.obj is LiveBlogIndexPage and name in message.msg


@pytest.mark.django_db
def test_a_site_with_no_name_and_no_publisher(site_tree):
    site = Site.objects.get()
    site.site_name = ""
    site.save()
    assert "wagtail_newsroom.W007" in ids(databases=["default"])
    assert "wagtail_newsroom.W007" not in ids()  # a database check: only when asked
    settings = NewsroomSettings.for_site(site)
    settings.publisher_name = "The Daily Example"
    settings.save()
    assert "wagtail_newsroom.W007" not in ids(databases=["default"])
