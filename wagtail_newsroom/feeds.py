"""RSS 2.0 and Atom feeds of a news index's articles, built on Django's syndication framework.

A news index serves them at ``feed/rss/`` and ``feed/atom/`` below its own URL, with the same
``?section=``, ``?tag=`` and ``?person=`` filters as its HTML listing. Each item carries the
article's excerpt (its standfirst or search description); with
``WAGTAILNEWSROOM_FEED_FULL_CONTENT`` it also carries the full body as ``content:encoded``
(RSS) or ``content`` (Atom). The number of queries does not grow with the number of items.
"""

import mimetypes
import re
from collections import defaultdict
from urllib.parse import urljoin

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from .conf import newsroom_settings
from .metadata import SOCIAL_IMAGE, canonical_url, page_description
from .text import strip_unsafe_values

# Block types a feed reader gets; share widgets and pull quotes (repeats) are page furniture.
FEED_BLOCK_TYPES = ("paragraph", "quoted_paragraph", "heading", "image", "embed", "quote")
FEED_FILTERS = ("section", "tag", "person")

DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
_RELATIVE_URL = re.compile(r'\b(href|src)="(/[^/"][^"]*|/)"')


def absolutize(html, base):
    """Site-relative ``href``/``src`` URLs in ``html`` made absolute: feed readers have no
    page to resolve them against."""
    return _RELATIVE_URL.sub(lambda m: f'{m[1]}="{urljoin(base, m[2])}"', html)


def render_bodies(articles, request, field_name="body"):
    """The feed HTML of each article's body, by article pk.

    The blocks of all articles are converted together, one ``bulk_to_python`` per block
    type, so quote speakers and other chosen objects cost one query in all, not one per
    article.
    """
    if not articles:
        return {}
    stream_block = articles[0]._meta.get_field(field_name).stream_block
    raw = defaultdict(list)  # block type -> [(article pk, position, raw value)]
    for article in articles:
        for position, item in enumerate(getattr(article, field_name).raw_data):
            if item["type"] in FEED_BLOCK_TYPES and item["type"] in stream_block.child_blocks:
                raw[item["type"]].append((article.pk, position, item["value"]))
    rendered = defaultdict(list)
    for type_name, entries in raw.items():
        block = stream_block.child_blocks[type_name]
        values = block.bulk_to_python([value for _pk, _position, value in entries])
        for (pk, position, _raw), value in zip(entries, values):
            rendered[pk].append((position, value, block))
    pages = {article.pk: article for article in articles}
    bodies = {}
    for pk, blocks in rendered.items():
        article = pages[pk]
        context = {"request": request, "page": article, "self": article, "feed": True}
        html = "\n".join(
            str(block.render(value, context=context))
            for _position, value, block in sorted(blocks, key=lambda entry: entry[0])
        )
        bodies[pk] = absolutize(html, article.get_full_url(request))
    return bodies


class ContentRssFeed(Rss201rev2Feed):
    """RSS 2.0 with the full article in ``content:encoded`` when there is one."""

    def rss_attributes(self):
        attrs = super().rss_attributes()
        attrs["xmlns:content"] = "http://purl.org/rss/1.0/modules/content/"
        return attrs

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        # Django writes the first author as <dc:creator>; each co-author gets one of their own.
        for name, _url in item.get("coauthors", ()):
            handler.addQuickElement("dc:creator", name, {"xmlns:dc": DUBLIN_CORE})
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class ContentAtomFeed(Atom1Feed):
    """Atom with the full article in ``content`` when there is one."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item.get("coauthors", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            if url:
                handler.addQuickElement("uri", url)
            handler.endElement("author")
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


class ArticleFeed(Feed):
    """The latest articles of one news index, filtered like its listing."""

    feed_type = ContentRssFeed

    def __init__(self, index, params=None):
        self.index = index
        self.params = {key: (params or {}).get(key) for key in FEED_FILTERS}
        self.params = {key: value for key, value in self.params.items() if value}
        self.filters = {}

    def get_object(self, request, *args, **kwargs):

        self.request = request
        full = newsroom_settings.FEED_FULL_CONTENT
        # Items carry the tags as categories.
        articles = self.index.get_articles(image_rendition=SOCIAL_IMAGE).prefetch_related("tags")
        articles, self.filters = self.index.filter_articles(
            articles.defer(None) if full else articles, self.params
        )
        self.articles = list(articles[: newsroom_settings.INDEX_PAGE_SIZE])
        self.bodies = render_bodies(self.articles, request) if full else {}
        return self.index

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        # Django's XML writer refuses a control character with an exception: one bad title
        # would take the feed down for every reader.
        feed.feed = strip_unsafe_values(feed.feed)
        feed.items = strip_unsafe_values(feed.items)
        return feed

    # -- the feed ------------------------------------------------------------------------

    def title(self, index):
        names = [
            str(getattr(value, "name", None) or getattr(value, "title", ""))
            for value in self.filters.values()
            if value is not None
        ]
        return " · ".join([index.title, *names])

    def link(self, index):
        return canonical_url(index, self.request, self.params)

    def feed_url(self, index):
        kind = "atom" if issubclass(self.feed_type, Atom1Feed) else "rss"
        return index.get_feed_url(kind, self.request, self.params)

    def description(self, index):
        return page_description(index) or _("The latest articles from %(title)s.") % {
            "title": index.title
        }

    def subtitle(self, index):
        return self.description(index)

    def feed_guid(self, index):
        return self.feed_url(index)

    # -- the items -----------------------------------------------------------------------

    def items(self, index):
        return self.articles

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        # RSS <description> and Atom's <summary type="html"> are HTML to a feed reader; the
        # excerpt is plain text, so "<b>" in a standfirst is shown, not obeyed.
        return escape(page_description(article))

    def item_link(self, article):
        return article.get_full_url(self.request)

    def item_guid(self, article):
        return article.get_full_url(self.request)

    def item_pubdate(self, article):
        return article.published_at or article.first_published_at

    def item_updateddate(self, article):
        return article.updated_at or article.published_at or article.first_published_at

    def item_author_name(self, article):
        authors = article.authors
        return authors[0].title if authors else None

    def item_author_link(self, article):
        return self.profile_url(article.authors[0]) if article.authors else None

    def profile_url(self, person):
        return person.get_full_url(self.request) if person.live else None

    def item_categories(self, article):
        categories = [article.section.name] if article.section else []
        return categories + [tag.name for tag in article.tags.all()]

    def item_enclosures(self, article):
        if not article.lead_image:
            return []
        rendition = article.lead_image.get_rendition(SOCIAL_IMAGE)
        try:
            length = rendition.file.size
        except (OSError, ValueError):
            length = 0
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        url = urljoin(article.get_full_url(self.request), rendition.url)
        return [Enclosure(url, str(length), mime_type)]

    def item_extra_kwargs(self, article):
        return {
            "content": self.bodies.get(article.pk),
            "coauthors": [(p.title, self.profile_url(p)) for p in article.authors[1:]],
        }


class ArticleAtomFeed(ArticleFeed):
    feed_type = ContentAtomFeed
