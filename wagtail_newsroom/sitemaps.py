"""A Google News sitemap: the site's articles of the last two days, at most 1,000.

https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
"""

import datetime

from django.template.response import TemplateResponse
from django.utils import timezone, translation
from wagtail.models import Site

from .locales import in_site
from .metadata import publisher_name
from .text import strip_unsafe_values

NEWS_MAX_AGE = datetime.timedelta(days=2)
NEWS_MAX_URLS = 1000


def news_language(language_code):
    """Google News wants ISO 639 codes: ``en``, but ``zh-cn``/``zh-tw`` for Chinese."""
    code = (language_code or "en").lower().replace("_", "-")
    if code.startswith("zh"):
        return "zh-tw" if code in ("zh-tw", "zh-hk", "zh-hant") else "zh-cn"
    return code.split("-")[0]


def news_articles(site, now=None):
    """Live articles in ``site`` published in the last two days, newest first."""
    from .models.pages import newest_first, public_articles

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


def news_sitemap_entries(request, site):
    publication = publisher_name(request, site.root_page)
    return [
        {
            "location": article.get_full_url(request),
            "publication_name": publication,
            "language": news_language(
                article.locale.language_code if article.locale_id else translation.get_language()
            ),
            "publication_date": article.published_at.isoformat(),
            "title": article.title,
        }
        for article in news_articles(site)
    ]


def news_sitemap(request):
    site = Site.find_for_request(request)
    entries = strip_unsafe_values(news_sitemap_entries(request, site)) if site else []
    return TemplateResponse(
        request,
        "wagtail_newsroom/sitemaps/news.xml",
        {"entries": entries},
        content_type="application/xml; charset=utf-8",
    )
