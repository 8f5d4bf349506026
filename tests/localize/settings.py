"""A site translated with wagtail-localize: a page tree per locale (English and French),
served under language prefixes. ``make test`` runs these tests with these settings
(``pytest tests/localize --ds=tests.localize.settings``)."""

from tests.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail_localize", "wagtail_localize.locales"]  # noqa: F405
MIDDLEWARE = [  # noqa: F405
    *MIDDLEWARE[:1],  # noqa: F405
    "django.middleware.locale.LocaleMiddleware",
    *MIDDLEWARE[1:],  # noqa: F405
]
ROOT_URLCONF = "tests.localize.urls"

WAGTAIL_I18N_ENABLED = True
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("fr", "French")]
