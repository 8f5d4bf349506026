"""The app's settings, read in one place.

Each setting is ``WAGTAILNEWSROOM_<NAME>`` in the Django settings, falling back to the
default below. Reading happens on attribute access so ``override_settings`` works in tests.
"""

from django.conf import settings
from django.utils.module_loading import import_string

from .importer.config import resolve

DEFAULTS = {
    # The template every newsroom page extends; it must define the blocks ``title``,
    # ``extra_css``, ``content`` and ``extra_js`` (as Wagtail's project template does).
    "BASE_TEMPLATE": "base.html",
    "INDEX_PAGE_SIZE": 20,
    "WORDS_PER_MINUTE": 230,
    # Rich text features for paragraph blocks and imported text.
    "RICH_TEXT_FEATURES": ["bold", "italic", "link", "ol", "ul"],
    # Extra importer rule sets (dotted module paths or file paths), applied before the built-in
    # ones so that they win; the packs in wagtail_newsroom.importer.rulepacks are opt-in.
    "IMPORTER_RULES": [],
    # The languages whose words (bylines, dates, speech verbs) the importer knows, and a dotted
    # path to a dict extending them: {"en": {"speech_verbs": ["quipped"]}}.
    "IMPORTER_LANGUAGES": ["en", "fr", "de", "es"],
    "IMPORTER_LEXICON": None,
    # Numeric dates ("3/4/2020"): True reads day first, False month first, None by the first
    # language's custom (month first for English).
    "IMPORTER_DAY_FIRST": None,
    # Networks offered by default before a site sets its own in the Newsroom settings.
    "SHARE_NETWORKS": ["email", "facebook", "x", "linkedin", "bluesky", "whatsapp", "reddit"],
    # Feeds carry each article's full body (content:encoded / Atom content) besides the excerpt.
    "FEED_FULL_CONTENT": False,
    # The folder an archive's files are known by their place in: imported again from another
    # place (the archive moved, another mount), they update the same pages. Without it a file
    # is known by its real absolute path. The command's --archive-root overrides it.
    "IMPORT_ARCHIVE_ROOT": None,
    # The admin import view: the largest file accepted (bytes), the most articles in one upload,
    # the most a zip may expand to (bytes), and the most one upload may hold in all (bytes: the
    # files' sizes together, and again everything they unpack to).
    "IMPORT_MAX_FILE_SIZE": 20 * 1024 * 1024,
    "IMPORT_MAX_FILES": 1000,
    "IMPORT_MAX_UNCOMPRESSED_SIZE": 200 * 1024 * 1024,
    "IMPORT_MAX_TOTAL_SIZE": 400 * 1024 * 1024,
    # An import adds its pages to the search index this many articles at a time, in one
    # pass, rather than on each of the several saves a page takes.
    "IMPORT_INDEX_BATCH_SIZE": 200,
    # Hours an upload's preview waits to be confirmed before ``manage.py expire_imports``
    # deletes its files.
    "IMPORT_PREVIEW_MAX_AGE": 24,
    # Hours a running import may go without finishing an article before ``manage.py
    # expire_imports`` takes it for stopped (its worker killed, its tasks lost) and queues its
    # unfinished articles again.
    "IMPORT_STALLED_AFTER": 1,
}


class AppSettings:
    """The ``WAGTAILNEWSROOM_*`` Django settings (the per-site ones are the
    ``NewsroomSettings`` model's, edited in the admin)."""

    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(name)
        return getattr(settings, f"WAGTAILNEWSROOM_{name}", DEFAULTS[name])


newsroom_settings = AppSettings()


def importer_config(rules=(), *, day_first=None):
    """The importer's ``ParseConfig`` from the settings, with a run's own rule sets (given
    first, so they win) and day-first choice: the one place the command and the admin import
    build it."""
    lexicon = newsroom_settings.IMPORTER_LEXICON
    return resolve(
        [*rules, *newsroom_settings.IMPORTER_RULES],
        languages=newsroom_settings.IMPORTER_LANGUAGES,
        lexicon_extra=import_string(lexicon) if isinstance(lexicon, str) else lexicon,
        day_first=newsroom_settings.IMPORTER_DAY_FIRST if day_first is None else day_first,
        time_zone=settings.TIME_ZONE if settings.USE_TZ else None,
    )
