"""Signal receivers, connected in ``AppConfig.ready``."""

from wagtail.search import index


def reindex_published_article(sender, instance, **kwargs):
    """Index a published article again once its bylines and tags are saved.

    Wagtail indexes a page on ``post_save``, but modelcluster saves a page's child relations
    (bylines, tags) after that, so the index would lag one save behind them; ``page_published``
    comes after both.
    """
    from .models import AbstractArticlePage

    if isinstance(instance, AbstractArticlePage):
        index.insert_or_update_object(instance)


def connect():
    from wagtail.signals import page_published

    page_published.connect(reindex_published_article, dispatch_uid="newsroom-reindex-article")
