"""A Google News sitemap: the site's articles of the last two days, at most 1,000, served by
Django's sitemap view (paging, ``Last-Modified``, ``X-Robots-Tag``); and Wagtail's sitemap of
every page, for an archive of any size, in pages listed by a sitemap index.

https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
"""

import datetime

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Site

from .locales import in_site
from .metadata import publisher_name
from .models import NewsroomSettings
from .models.pages import newest_first, public_articles
from .text import strip_unsafe_values

NEWS_MAX_AGE = datetime.timedelta(days=2)
NEWS_MAX_URLS = 1000
# URLs in each page of the archive's sitemap (search engines take up to 50,000): a page costs
# the same to serve however large the archive grows.
ARCHIVE_SITEMAP_URLS = 1000


def news_language(language_code):
    """Google News wants ISO 639 codes: ``en``, but ``zh-cn``/``zh-tw`` for Chinese."""
    code = (language_code or "en").lower().replace("_", "-")
    if code.startswith("zh"):
        return "zh-tw" if code in ("zh-tw", "zh-hk", "zh-hant") else "zh-cn"
    return code.split("-")[0]


def news_articles(site, now=None):
    """Live articles in ``site`` published in the last two days, newest first."""
    now = now or timezone.now()
    return newest_first(
        [
            in_site(articles, site)
            .filter(published_at__gte=now - NEWS_MAX_AGE, published_at__lte=now)
            .select_related("locale")
            .defer_streamfields()
            .order_by("-published_at", "-pk")
            for articles in public_articles()
        ],
        NEWS_MAX_URLS,
    )


class NewsSitemap(Sitemap):
    """The articles of ``request``'s site that Google News may list."""

    def __init__(self, request):
        self.request = request
        self.site = Site.find_for_request(request)
        # Google News reads at most this many; a page holds them all.
        self.limit = NEWS_MAX_URLS

    def items(self):
        return news_articles(self.site) if self.site else []

    def lastmod(self, article):
        return article.last_published_at or article.published_at

    def _urls(self, page, protocol, domain):
        # Each article's own URL (its site's host, as Wagtail builds it) rather than Django's
        # protocol and domain of the request.
        settings = NewsroomSettings.for_request(self.request)
        publication = publisher_name(settings, self.request, self.site.root_page)
        urls = [
            strip_unsafe_values(
                {
                    "location": article.get_full_url(self.request),
                    "lastmod": self.lastmod(article),
                    "publication_name": publication,
                    "language": news_language(
                        article.locale.language_code
                        if article.locale_id
                        else translation.get_language()
                    ),
                    "publication_date": article.published_at.isoformat(),
                    "title": article.title,
                }
            )
            for article in self.paginator.page(page).object_list
        ]
        if urls:
            self.latest_lastmod = max(url["lastmod"] for url in urls)
        return urls


def news_sitemap(request):
    return sitemap_views.sitemap(
        request,
        {"news": NewsSitemap(request)},
        template_name="wagtail_newsroom/sitemaps/news.xml",
        content_type="application/xml; charset=utf-8",
    )


class ArchiveSitemap(WagtailSitemap):
    """Wagtail's sitemap of the site's live pages, in pages of ``limit`` URLs for Django's
    sitemap index view to list (``example_site/example_site/urls.py``)."""

    limit = ARCHIVE_SITEMAP_URLS

    def get_latest_lastmod(self):
        # For the index's <lastmod>: Django's own would read every page of the site for it.
        latest = Coalesce("last_published_at", "latest_revision_created_at")
        return self.items().aggregate(latest=Max(latest))["latest"]
