"""Signal receivers, connected in ``AppConfig.ready``."""

from django.db import models
from django.db.models.signals import pre_save
from wagtail.search import index

from . import search_index
from .frontend_cache import purge_listings
from .models import AbstractArticlePage, AbstractPersonPage
from .text import strip_unsafe


def reindex_published_article(sender, instance, **kwargs):
    """Index a published article again once its bylines and tags are saved.

    Wagtail indexes a page on ``post_save``, but modelcluster saves a page's child relations
    (bylines, tags) after that, so the index would lag one save behind them; ``page_published``
    comes after both.
    """
    if isinstance(instance, AbstractArticlePage):
        index.insert_or_update_object(instance)


def follow_moved_profile(sender, instance, parent_page_after, **kwargs):
    """A profile moved to another people index is counted among that index's names."""
    if issubclass(sender, AbstractPersonPage):
        sender.objects.filter(pk=instance.pk).update(people_index=parent_page_after)


def strip_unsafe_fields(sender, instance, **kwargs):
    """Text saved by any way in (editor, API, ORM) keeps none of the characters feeds and
    sitemaps cannot hold (``text.py``)."""
    newsroom = sender._meta.app_label == "wagtail_newsroom"
    if not (newsroom or isinstance(instance, AbstractArticlePage | AbstractPersonPage)):
        return
    for field in sender._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if isinstance(field, models.CharField | models.TextField) and isinstance(value, str):
            setattr(instance, field.attname, strip_unsafe(value))


def connect():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(reindex_published_article, dispatch_uid="newsroom-reindex-article")
    page_published.connect(purge_listings, dispatch_uid="newsroom-purge-published")
    page_unpublished.connect(purge_listings, dispatch_uid="newsroom-purge-unpublished")
    pre_save.connect(strip_unsafe_fields, dispatch_uid="newsroom-strip-unsafe-fields")
    post_page_move.connect(follow_moved_profile, dispatch_uid="newsroom-follow-moved-profile")
    search_index.connect()
