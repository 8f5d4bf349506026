"""Test settings: the example site's, on SQLite or on the database in DATABASE_URL."""

import os
import tempfile
from importlib.util import find_spec

from example_site.settings import *  # noqa: F403

INSTALLED_APPS = ["tests.testapp", *INSTALLED_APPS]  # noqa: F405

# Django's database task backend, for the import workers of ``test_import_processes``: part of
# django-tasks up to 0.8 (Wagtail 7.0), the django-tasks-db package after.
if find_spec("django_tasks.backends.database"):
    INSTALLED_APPS += ["django_tasks", "django_tasks.backends.database"]
    DATABASE_TASK_BACKEND = "django_tasks.backends.database.DatabaseBackend"
else:
    INSTALLED_APPS += ["django_tasks_db"]
    DATABASE_TASK_BACKEND = "django_tasks_db.DatabaseBackend"
if os.environ.get("NEWSROOM_TEST_TASKS") == "database":
    TASKS = {"default": {"BACKEND": DATABASE_TASK_BACKEND}}
    # django-tasks 0.7's worker reloads on code changes under DEBUG, and then never ends
    # its batch.
    DEBUG = False

if os.environ.get("DATABASE_URL"):
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
    if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS  # noqa: F405
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="newsroom-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
