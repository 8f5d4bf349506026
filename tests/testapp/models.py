from django.db import models
from wagtail.fields import StreamField
from wagtail.models import Page

from wagtail_newsroom.blocks import ArticleBodyBlock
from wagtail_newsroom.models import AbstractArticlePage, AbstractNewsIndexPage


class LiveBlogPage(AbstractArticlePage):
    """A site's own article type, built on the abstract base with a field of its own."""

    is_breaking = models.BooleanField(default=False)

    parent_page_types = ["testapp.LiveBlogIndexPage", "wagtail_newsroom.NewsIndexPage"]


class LiveBlogIndexPage(AbstractNewsIndexPage):
    """The index that lists it, as the README shows."""

    article_model = "testapp.LiveBlogPage"
    subpage_types = ["testapp.LiveBlogPage"]


class BarePage(Page):
    """A plain Wagtail page with an article's body, and nothing of the app's around it: the
    baseline ``benchmarks/page_bench.py`` measures newsroom pages against."""

    body = StreamField(ArticleBodyBlock(), blank=True)

    template = "testapp/bare_page.html"
