"""Purging a frontend cache (``wagtail.contrib.frontend_cache``) of the pages that list an
article when it is published or unpublished.

Wagtail purges the article's own URLs; a news index, its feeds and the profiles of the people
in the article show it too, and would keep the old story, or a withdrawn one, until the cache
expires. Nothing is done unless ``WAGTAILFRONTENDCACHE`` names a backend.
"""

from django.db.models import Q
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends

from .models import AbstractArticlePage, AbstractNewsIndexPage, PersonPage


def listing_pages(article):
    """The live pages that list ``article``: the news indexes above it (whose cached paths
    include their feeds) and the profiles of the people in its byline and quotations."""
    indexes = article.get_ancestors().live().type(AbstractNewsIndexPage).specific()
    people = (
        PersonPage.objects.live()
        .filter(Q(bylines__page=article) | Q(quotations__page=article))
        .distinct()
    )
    return [*indexes, *people]


def purge_listings(sender, instance, **kwargs):
    if isinstance(instance, AbstractArticlePage) and get_backends():
        batch = PurgeBatch()
        batch.add_pages(listing_pages(instance))
        batch.purge()
