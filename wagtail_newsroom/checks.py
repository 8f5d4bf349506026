"""System checks (``manage.py check``): what the app needs from a site's settings.

The publisher check reads the database, so it runs with ``check --database default`` and
before ``migrate``, not on every command.
"""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.translation import gettext as _
from wagtail.models import Site, get_page_models

from .conf import importer_config, newsroom_settings
from .models import AbstractArticlePage, AbstractNewsIndexPage, NewsroomSettings


@register()
def check_installed_apps(app_configs, **kwargs):
    messages = []
    if not apps.is_installed("wagtail.contrib.settings"):
        messages.append(
            Error(
                _("wagtail.contrib.settings is not in INSTALLED_APPS."),
                hint=_("The per-site Newsroom settings (publisher, share links) need it."),
                id="wagtail_newsroom.E001",
            )
        )
    if not apps.is_installed("wagtail.contrib.redirects"):
        messages.append(
            Warning(
                _("wagtail.contrib.redirects is not in INSTALLED_APPS."),
                hint=_(
                    "Merging two profiles in the people admin leaves a redirect from the "
                    "one deleted; without the app, its address answers 404."
                ),
                id="wagtail_newsroom.W002",
            )
        )
    return messages


@register(Tags.templates)
def check_base_template(app_configs, **kwargs):
    name = newsroom_settings.BASE_TEMPLATE
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return [
            Error(
                _("WAGTAILNEWSROOM_BASE_TEMPLATE names “%(name)s”, which does not exist.")
                % {"name": name},
                hint=_(
                    "Every newsroom page extends it: name your site's base template, which "
                    "defines the blocks title, extra_css, content and extra_js."
                ),
                id="wagtail_newsroom.E003",
            )
        ]
    return []


@register()
def check_importer_settings(app_configs, **kwargs):
    try:
        importer_config()
    except Exception as error:  # noqa: BLE001 - whatever a rule file or lexicon raises
        return [
            Error(
                _("The importer's rules or lexicon cannot be loaded: %(error)s") % {"error": error},
                hint=_(
                    "Check WAGTAILNEWSROOM_IMPORTER_RULES, IMPORTER_LANGUAGES and IMPORTER_LEXICON."
                ),
                id="wagtail_newsroom.E004",
            )
        ]
    return []


@register()
def check_task_backend(app_configs, **kwargs):
    backend = getattr(settings, "TASKS", {}).get("default", {}).get("BACKEND", "")
    if settings.DEBUG or backend not in ("", "django_tasks.backends.immediate.ImmediateBackend"):
        return []
    return [
        Warning(
            _("Imports from the admin run inside the upload's request (ImmediateBackend)."),
            hint=_(
                "A large upload then holds a web worker for minutes: set TASKS to a backend "
                "with a worker, such as django_tasks_db (see the README)."
            ),
            id="wagtail_newsroom.W005",
        )
    ]


@register(Tags.models)
def check_article_models(app_configs, **kwargs):
    messages = []
    for model in get_page_models():
        if not issubclass(model, AbstractNewsIndexPage):
            continue
        try:
            article_model = apps.get_model(model.article_model)
        except (LookupError, ValueError):
            article_model = None
        if article_model is None or not issubclass(article_model, AbstractArticlePage):
            messages.append(
                Error(
                    _("%(index)s.article_model is “%(name)s”, not a concrete article model.")
                    % {"index": model._meta.label, "name": model.article_model},
                    hint=_("Name a model built on AbstractArticlePage, as “app_label.Model”."),
                    obj=model,
                    id="wagtail_newsroom.E006",
                )
            )
    return messages


@register(Tags.database)
def check_publisher_names(app_configs, databases=None, **kwargs):
    if not databases:
        return []
    try:
        published = NewsroomSettings.objects.exclude(publisher_name="").values("site")
        unnamed = list(Site.objects.filter(site_name="").exclude(pk__in=published).order_by("pk"))
    except DatabaseError:  # not migrated yet
        return []
    return [
        Warning(
            _("The site %(site)s has no name and no publisher name.")
            % {"site": f"{site.hostname}:{site.port}"},
            hint=_(
                "Articles then name their publisher “%(host)s” to search engines and Google "
                "News: set the publisher in Settings → Newsroom, or the site's name."
            )
            % {"host": site.hostname},
            id="wagtail_newsroom.W007",
        )
        for site in unnamed
    ]
