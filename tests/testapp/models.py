from django.db import models

from wagtail_newsroom.models import AbstractArticlePage


class LiveBlogPage(AbstractArticlePage):
    """A site's own article type, built on the abstract base with a field of its own."""

    is_breaking = models.BooleanField(default=False)

    parent_page_types = ["wagtail_newsroom.NewsIndexPage"]
