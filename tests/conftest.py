import pytest
from wagtail.models import Site

from home.demo import create_page_tree


@pytest.fixture
def site_tree(db):
    """The example site's tree: (home, news index, people index)."""
    tree = create_page_tree()
    Site.clear_site_root_paths_cache()
    return tree


@pytest.fixture
def home(site_tree):
    return site_tree[0]


@pytest.fixture
def news_index(site_tree):
    return site_tree[1]


@pytest.fixture
def people_index(site_tree):
    return site_tree[2]
