#!/usr/bin/env python
"""Page throughput against a bare Wagtail page, as the archive grows.

    .venv/bin/python benchmarks/page_bench.py [--sizes 10,1000,10000] [--rounds 7] [--profile PAGE]
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/page_bench.py

Builds an archive in a fresh test database (SQLite on disk, or a test database beside the
one DATABASE_URL names), growing it to each size in turn: articles as a busy newsroom has
them (three authors, five tags, a section, a lead image and four quotes among twelve
paragraphs), a commentator quoted in every one, 40 reporters. At each size it serves, with
Django's test client and DEBUG off, a bare Wagtail page with the same body (``BarePage``
in the test app) and the newsroom's pages, in interleaved rounds, and prints per page its
queries, the median requests per second (with the spread over the rounds) and the median
ratio to the bare page measured in the same rounds.
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "example_site")]

PARAGRAPH = "<p>" + " ".join(["Reporters", "checked", "the", "figures", "twice."] * 12) + "</p>"
REPORTERS = 40
SPAN = 11000  # articles at most


def setup(workdir):
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    import django
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        # A file, as a site's database is, not the tests' in-memory one.
        database["TEST"] = {"NAME": str(workdir / "bench.sqlite3")}
    settings.DEBUG = False
    # Pages are not served from the search index: building the archive need not update it.
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
    }
    settings.MEDIA_ROOT = str(workdir / "media")
    django.setup()
    from django.db import connection

    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    return connection


def body(commentator, number):
    from tests.factories import quote

    blocks = [("paragraph", PARAGRAPH)] * 12
    for q in range(4):
        blocks.insert(2 + 3 * q, quote(f"Quote {q} of story {number}.", commentator))
    return [{"type": kind, "value": value} for kind, value in blocks]


class Archive:
    def __init__(self):
        from django.core.files.images import ImageFile
        from PIL import Image as PILImage
        from wagtail.images import get_image_model

        from home.demo import create_page_tree
        from tests.factories import make_person
        from tests.testapp.models import BarePage

        self.home, self.news, people = create_page_tree()
        self.reporters = [
            make_person(people, f"Reporter {n}", "Reporter") for n in range(REPORTERS)
        ]
        self.commentator = make_person(people, "Quoted Commentator", "Commentator")
        picture = io.BytesIO()
        PILImage.new("RGB", (1200, 800), "steelblue").save(picture, "JPEG")
        self.image = get_image_model().objects.create(
            title="Lead", file=ImageFile(picture, name="lead.jpg")
        )
        self.bare = self.home.add_child(
            instance=BarePage(title="Bare page", slug="bare", body=body(self.commentator, 0))
        )
        self.count = 0

    def grow(self, size):
        """Add articles, oldest first, until there are ``size`` (without reference
        indexing, which pages are not served from either)."""
        import datetime

        from django.db import transaction
        from django.utils import timezone
        from wagtail.signal_handlers import disable_reference_index_auto_update

        from wagtail_newsroom.models import ArticleByline, ArticlePage, Section

        section = Section.objects.get_or_create(name="World", slug="world")[0]
        # Fifteen seconds apart and all within the last two days, so that the Google News
        # sitemap lists them too (up to its thousand).
        now = timezone.now()
        with disable_reference_index_auto_update():
            while self.count < size:
                n = self.count
                with transaction.atomic():
                    article = ArticlePage(
                        title=f"Story number {n}",
                        slug=f"story-{n}",
                        dek="What happened, in a sentence.",
                        published_at=now - datetime.timedelta(seconds=15 * (SPAN - n)),
                        section=section,
                        lead_image=self.image,
                        body=body(self.commentator, n),
                    )
                    article.article_bylines = [
                        ArticleByline(person=self.reporters[(n + k) % REPORTERS], sort_order=k)
                        for k in range(3)
                    ]
                    article.tags.add(*[f"topic-{(n + t) % 50}" for t in range(5)])
                    self.news.add_child(instance=article)
                self.count += 1

    def urls(self):
        """The pages to serve, by name: a path, or a path and the request's headers."""
        from django.test import Client

        from wagtail_newsroom.models import ArticlePage

        newest = ArticlePage.objects.live().order_by("-published_at").first()
        current = {"HTTP_IF_NONE_MATCH": Client().get(newest.url).headers.get("ETag", "")}
        return {
            "bare page": self.bare.url,
            "article": newest.url,
            "article, 304": (newest.url, current),
            "news index": self.news.url,
            "profile (quoted)": self.commentator.url,
            "profile (author)": self.reporters[0].url,
            "RSS feed": self.news.url + "feed/rss/",
            "sitemap.xml": "/sitemap.xml",
            "news sitemap": "/sitemap-news.xml",
        } | self.sitemap_pages()

    def sitemap_pages(self):
        """The first and last pages of a sitemap the index at /sitemap.xml lists, if it is
        one (it is Wagtail's whole sitemap before ``ArchiveSitemap``)."""
        from xml.etree import ElementTree

        from django.test import Client

        from tests.factories import SITEMAP

        index = ElementTree.fromstring(Client().get("/sitemap.xml").content)
        pages = [urlsplit(loc.text) for loc in index.iter(f"{SITEMAP}loc")]
        if index.tag != f"{SITEMAP}sitemapindex":
            return {}
        return {
            "sitemap, first page": pages[0].path,
            "sitemap, last page": f"{pages[-1].path}?{pages[-1].query}",
        }


def get(client, target):
    path, headers = (target, {}) if isinstance(target, str) else target
    return client.get(path, **headers)


def measure(client, urls, rounds, requests):
    """Requests per second for each URL, a list over the rounds; the URLs are interleaved and
    their order rotated each round, so that drift hits them all alike."""
    rates = {name: [] for name in urls}
    names = list(urls)
    for target in urls.values():
        assert get(client, target).status_code in (200, 304), target  # warm per-process caches
    for r in range(rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            start = time.perf_counter()
            for _ in range(requests):
                get(client, urls[name])
            rates[name].append(requests / (time.perf_counter() - start))
    return rates


def queries(client, connection, target):
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = get(client, target)
    return len(captured), len(response.content)


def profile(client, target, requests):
    """Where the time of ``requests`` requests for ``target`` goes: cProfile's top entries."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(lambda: [get(client, target) for _ in range(requests)])
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,1000", help="archive sizes, e.g. 10,1000,10000")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--requests", type=int, default=10, help="requests per page and round")
    parser.add_argument("--profile", metavar="PAGE", help="print a cProfile of PAGE at each size")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="newsroom-page-bench-"))
    connection = setup(workdir)
    from django.test import Client

    print(f"database: {connection.vendor}; {args.rounds} rounds of {args.requests} requests")
    archive = Archive()
    client = Client()
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            start = time.perf_counter()
            archive.grow(size)
            print(f"\n{size} articles (built in {time.perf_counter() - start:.0f} s)")
            urls = archive.urls()
            if args.profile:
                profile(client, urls[args.profile], args.requests)
            rates = measure(client, urls, args.rounds, args.requests)
            bare = rates["bare page"]
            print(f"{'page':<18}{'queries':>8}{'KB':>7}{'req/s':>8}{'spread':>14}{'vs bare':>9}")
            for name, url in urls.items():
                count, size_bytes = queries(client, connection, url)
                ratio = statistics.median(a / b for a, b in zip(rates[name], bare, strict=True))
                spread = f"{min(rates[name]):.1f}–{max(rates[name]):.1f}"
                print(
                    f"{name:<18}{count:>8}{size_bytes / 1024:>7.1f}"
                    f"{statistics.median(rates[name]):>8.1f}{spread:>14}{ratio:>8.2f}×"
                )
    finally:
        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
