from django.db import models

from wagtail_newsroom.models import AbstractArticlePage, AbstractNewsIndexPage


class LiveBlogPage(AbstractArticlePage):
    """A site's own article type, built on the abstract base with a field of its own."""

    is_breaking = models.BooleanField(default=False)

    parent_page_types = ["testapp.LiveBlogIndexPage", "wagtail_newsroom.NewsIndexPage"]


class LiveBlogIndexPage(AbstractNewsIndexPage):
    """The index that lists it, as the README shows."""

    article_model = "testapp.LiveBlogPage"
    subpage_types = ["testapp.LiveBlogPage"]
