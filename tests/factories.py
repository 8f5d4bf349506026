"""Builders for test content through the real page API (no mocks)."""

import datetime
from urllib.parse import urlsplit
from xml.etree import ElementTree

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.text import slugify

from wagtail_newsroom.models import ArticleByline, ArticlePage, PersonPage, Section


def make_person(people_index, name, job_title=""):
    slug = slugify(name)
    return people_index.add_child(instance=PersonPage(title=name, slug=slug, job_title=job_title))


def quote(text, speaker=None, name="", role=""):
    return (
        "quote",
        {
            "text": f"<p>{text}</p>",
            "speaker": speaker.pk if speaker else None,
            "speaker_name": name,
            "speaker_role": role,
            "attribution": "",
        },
    )


def make_article(
    news_index,
    title,
    *,
    authors=(),
    tags=(),
    section=None,
    body=None,
    published=None,
    model=ArticlePage,
    **fields,
):
    published = published or timezone.make_aware(datetime.datetime(2020, 11, 5, 9, 30))
    article = model(
        title=title,
        slug=fields.pop("slug", None) or slugify(title)[:80],
        published_at=published,
        section=Section.objects.get_or_create(name=section, slug=section.lower())[0]
        if section
        else None,
        body=[
            {"type": block_type, "value": value}
            for block_type, value in body or [("paragraph", "<p>Body text of the story.</p>")]
        ],
        **fields,
    )
    article.article_bylines = [
        ArticleByline(person=person, sort_order=order) for order, person in enumerate(authors)
    ]
    news_index.add_child(instance=article)
    if tags:
        article.tags.add(*tags)
        article.save()
    return article


def make_quoted_articles(news_index, people, count, start=0, **fields):
    """Articles as a busy newsroom has them: three authors, five tags, a section and four
    quotes each, from ``people`` (at least six)."""
    return [
        make_article(
            news_index,
            f"Story {start + n}",
            authors=people[:3],
            tags=[f"tag-{t}" for t in range(5)],
            section="World",
            body=[("paragraph", "<p>Text.</p>")]
            + [quote(f"Quote {q}.", people[3 + q % 3], role="analyst") for q in range(4)],
            **fields,
        )
        for n in range(count)
    ]


def count_queries(client, url):
    """Queries to serve ``url`` once the per-process caches (site root paths, content types,
    renditions) are warm."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_entries(client, **headers):
    """The ``<url>`` elements of every page the sitemap index at /sitemap.xml lists."""
    index = ElementTree.fromstring(client.get("/sitemap.xml", **headers).content)
    entries = []
    for location in index.iter(f"{SITEMAP}loc"):
        parts = urlsplit(location.text)
        page = client.get(f"{parts.path}?{parts.query}", **headers)
        assert page.status_code == 200, location.text
        entries += ElementTree.fromstring(page.content).findall(f"{SITEMAP}url")
    return entries
