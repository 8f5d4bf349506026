"""News articles, people, quotes and an importer for Wagtail."""

__version__ = "0.1.0"
