"""The app's settings, read in one place.

Each setting is ``WAGTAILNEWSROOM_<NAME>`` in the Django settings, falling back to the
default below. Reading happens on attribute access so ``override_settings`` works in tests.
"""

from django.conf import settings

DEFAULTS = {
    # The template every newsroom page extends; it must define the blocks ``title``,
    # ``extra_css``, ``content`` and ``extra_js`` (as Wagtail's project template does).
    "BASE_TEMPLATE": "base.html",
    "INDEX_PAGE_SIZE": 20,
    "WORDS_PER_MINUTE": 230,
    # Rich text features for paragraph blocks and imported text.
    "RICH_TEXT_FEATURES": ["bold", "italic", "link", "ol", "ul"],
    # Extra importer rule sets (dotted module paths or file paths) applied after the built-in ones.
    "IMPORTER_RULES": [],
    # Networks offered by default before a site sets its own in the Newsroom settings.
    "SHARE_NETWORKS": ["email", "facebook", "x", "linkedin", "bluesky", "whatsapp", "reddit"],
    # Feeds carry each article's full body (content:encoded / Atom content) besides the excerpt.
    "FEED_FULL_CONTENT": False,
    # The admin import view: the largest file accepted (bytes), the most articles in one upload,
    # the most a zip may expand to (bytes), and the most one upload may hold in all (bytes: the
    # files' sizes together, and again everything they unpack to).
    "IMPORT_MAX_FILE_SIZE": 20 * 1024 * 1024,
    "IMPORT_MAX_FILES": 1000,
    "IMPORT_MAX_UNCOMPRESSED_SIZE": 200 * 1024 * 1024,
    "IMPORT_MAX_TOTAL_SIZE": 400 * 1024 * 1024,
}


class NewsroomSettings:
    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(name)
        return getattr(settings, f"WAGTAILNEWSROOM_{name}", DEFAULTS[name])


newsroom_settings = NewsroomSettings()
