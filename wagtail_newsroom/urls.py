"""The app's URLs: include them once in the site's URLconf, before Wagtail's own.

path("", include("wagtail_newsroom.urls")),
"""

from django.urls import path

from .sitemaps import news_sitemap

urlpatterns = [
    path("sitemap-news.xml", news_sitemap, name="wagtail_newsroom_news_sitemap"),
]
