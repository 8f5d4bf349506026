"""The demo (`make demo`): its Site is where it is served, so every absolute link works."""

import io
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from wagtail_newsroom.models import ArticlePage

pytestmark = pytest.mark.django_db
REPO = Path(__file__).resolve().parent.parent
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8123")  # as `make demo PORT=8123` sets
def test_the_demo_site_is_where_it_is_served(client):
    call_command("setup_demo", "--password", "x", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    article = ArticlePage.objects.live().first()
    html = BeautifulSoup(client.get(article.url, HTTP_HOST="127.0.0.1:8123").content, "html.parser")
    assert html.select_one("link[rel=canonical]")["href"].startswith("http://127.0.0.1:8123/news/")
    assert html.select_one("meta[property='og:url']")["content"].startswith(
        "http://127.0.0.1:8123/"
    )
    sitemap = ElementTree.fromstring(client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8123").content)
    locations = [loc.text for loc in sitemap.iter(f"{SITEMAP}loc")]
    assert locations and all(loc.startswith("http://127.0.0.1:8123/") for loc in locations)
    api = client.get("/api/v2/pages/?type=wagtail_newsroom.ArticlePage&fields=html_url")
    urls = [item["meta"]["html_url"] for item in api.json()["items"]]
    assert urls and all(url.startswith("http://127.0.0.1:8123/") for url in urls)


def test_make_demo_serves_and_links_to_the_port_asked_for():
    plan = subprocess.run(
        ["make", "-n", "demo", "PORT=8123"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    assert "runserver 127.0.0.1:8123" in plan
    variables = subprocess.run(
        ["make", "-pn", "demo", "PORT=8123"], cwd=REPO, capture_output=True, text=True
    ).stdout
    # ...and exports the address setup_demo gives the Site (the test above).
    assert "WAGTAILADMIN_BASE_URL = http://$(HOST):$(PORT)" in variables
