"""Reader pages use a fixed number of queries, whatever the number of articles, people,
tags or quotes."""

import pytest

from tests.factories import count_queries, make_person, make_quoted_articles
from wagtail_newsroom.models.pages import listed_article_models

pytestmark = pytest.mark.django_db


@pytest.fixture
def measure(client, news_index, people_index):
    total = 0

    def measure(count):
        nonlocal total
        people = [make_person(people_index, f"Person {total}-{n}") for n in range(6)]
        articles = make_quoted_articles(news_index, people, count, start=total)
        total += count
        return (
            count_queries(client, articles[-1].url),
            count_queries(client, news_index.url),
            # An author of every article in the batch, quoted in none; then a speaker
            # quoted in every one.
            count_queries(client, articles[-1].authors[0].url),
            count_queries(client, articles[-1].body[1].value["speaker"].url),
        )

    return measure


# Measured (the JSON-LD, Open Graph tags, feed links and share widget included; the page's
# ancestors are one query for the view restrictions and the breadcrumbs alike, the HTTP
# validators another); the bound stops regressions.
ARTICLE_QUERIES = 16
INDEX_QUERIES = 10
# A profile reads the articles it lists with a query for each article model news indexes list
# (here ArticlePage and the test app's LiveBlogPage), and a speaker's quotes with another.
PROFILE_QUERIES = 15 + len(listed_article_models())


def test_article_and_index_queries_do_not_grow(measure, news_index, people_index, client):
    article_one, index_one, author_one, speaker_one = measure(1)
    article_many, index_many, author_many, speaker_many = measure(49)
    print(f"article page: {article_one} queries (1 article), {article_many} (50 articles)")
    print(f"index page: {index_one} queries (1 article), {index_many} (50 articles)")
    print(
        f"profile page: {author_one}/{speaker_one} queries (author/speaker, 1 article), "
        f"{author_many}/{speaker_many} (49 articles)"
    )
    assert article_one == article_many
    assert index_one == index_many
    assert author_one == author_many
    assert speaker_one == speaker_many
    assert article_many <= ARTICLE_QUERIES
    assert index_many <= INDEX_QUERIES
    assert max(author_many, speaker_many) <= PROFILE_QUERIES
