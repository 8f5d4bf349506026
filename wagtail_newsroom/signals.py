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


def follow_moved_profile(sender, instance, parent_page_after, **kwargs):
    """A profile moved to another people index is counted among that index's names."""
    from .models import AbstractPersonPage

    if issubclass(sender, AbstractPersonPage):
        sender.objects.filter(pk=instance.pk).update(people_index=parent_page_after)


def connect():
    from wagtail.signals import page_published, post_page_move

    page_published.connect(reindex_published_article, dispatch_uid="newsroom-reindex-article")
    post_page_move.connect(follow_moved_profile, dispatch_uid="newsroom-follow-moved-profile")
