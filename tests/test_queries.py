"""Reader pages use a fixed number of queries, whatever the number of articles, people,
tags or quotes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article, make_person, quote

pytestmark = pytest.mark.django_db


def populate(news_index, people_index, count, start):
    people = [make_person(people_index, f"Person {start}-{n}") for n in range(6)]
    return [
        make_article(
            news_index,
            f"Story {start + n}",
            authors=people[:3],
            tags=[f"tag-{t}" for t in range(5)],
            section="World",
            body=[("paragraph", "<p>Text.</p>")]
            + [quote(f"Quote {q}.", people[3 + q % 3], role="analyst") for q in range(4)],
        )
        for n in range(count)
    ]


def count_queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def measure(client, news_index, people_index):
    total = 0

    def measure(count):
        nonlocal total
        articles = populate(news_index, people_index, count, start=total)
        total += count
        return count_queries(client, articles[-1].url), count_queries(client, news_index.url)

    return measure


# Measured: see the closing note of the foundation issue; the bound stops regressions.
ARTICLE_QUERIES = 15
INDEX_QUERIES = 10


def test_article_and_index_queries_do_not_grow(measure, news_index, people_index, client):
    article_one, index_one = measure(1)
    article_many, index_many = measure(49)
    print(f"article page: {article_one} queries (1 article), {article_many} (50 articles)")
    print(f"index page: {index_one} queries (1 article), {index_many} (50 articles)")
    assert article_one == article_many
    assert index_one == index_many
    assert article_many <= ARTICLE_QUERIES
    assert index_many <= INDEX_QUERIES
