"""An import indexes its pages for search in batches, and every one of them is found."""

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from wagtail_newsroom.models import ArticlePage, ArticleQuotation, PersonPage

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

pytestmark = pytest.mark.django_db


def import_seeds(tmp_path, count):
    folder = tmp_path / "archive"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:count]:
        shutil.copy(seed, folder / seed.name)
    call_command(
        "import_articles", str(folder), publish=True, no_progress=True, stdout=io.StringIO()
    )
    return list(ArticlePage.objects.live().order_by("pk"))


def index_refreshes(queries):
    """The database search backends' refresh of their whole index table, once per add."""
    return [q for q in queries if q["sql"].startswith("UPDATE") and "title_norm" in q["sql"]]


def found(model, query, page):
    return page.pk in {result.pk for result in model.objects.live().search(query)}


def test_every_imported_article_is_found_by_headline_author_and_quote(site_tree, tmp_path):
    articles = import_seeds(tmp_path, 8)
    assert len(articles) >= 6
    quoted = 0
    for article in articles:
        assert found(ArticlePage, article.title, article), article.title
        for byline in article.article_bylines.all():
            assert found(ArticlePage, byline.person.title, article), byline.person.title
            assert found(PersonPage, byline.person.title, byline.person)
        for quotation in ArticleQuotation.objects.filter(page=article)[:2]:
            words = " ".join(quotation.text.split()[:6])
            assert found(ArticlePage, words, article), words
            quoted += 1
    assert quoted >= 3


@override_settings(WAGTAILNEWSROOM_IMPORT_INDEX_BATCH_SIZE=3)
def test_an_import_indexes_each_batch_once_not_each_save(site_tree, tmp_path):
    with CaptureQueriesContext(connection) as queries:
        articles = import_seeds(tmp_path, 7)
    # Articles, profiles and sections are three models: at most a refresh each per batch of
    # three articles, and one more batch for the last article. Indexed on each save, 7
    # articles took over 100.
    batches = -(-len(articles) // 3)
    assert len(articles) == 7
    assert 2 * batches <= len(index_refreshes(queries.captured_queries)) <= 3 * batches
    assert all(found(ArticlePage, article.title, article) for article in articles)
