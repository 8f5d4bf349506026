"""The demo site's content: the page tree and the seed articles."""

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from wagtail_newsroom.models import NewsIndexPage, PersonIndexPage

from .models import HomePage


def create_root():
    """Wagtail's root page and default locale, as its migrations make them.

    A database flushed between transactional tests has lost both.
    """
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    Locale.objects.get_or_create(language_code=language)
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def create_page_tree():
    """Home, News and People pages, with the default site pointing at home. Idempotent."""
    home = HomePage.objects.first()
    if home is None:
        root = create_root()
        home = root.add_child(instance=HomePage(title="Newsroom demo", slug="newsroom-home"))
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.root_page = home
        site.hostname = site.hostname or "localhost"
        site.port = site.port or 80
        site.site_name = "Newsroom demo"
        site.save()
        # Wagtail's welcome page is no longer reachable once the site points at home.
        Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    news = NewsIndexPage.objects.child_of(home).first()
    if news is None:
        news = home.add_child(instance=NewsIndexPage(title="News", slug="news"))
    people = PersonIndexPage.objects.child_of(home).first()
    if people is None:
        people = home.add_child(instance=PersonIndexPage(title="People", slug="people"))
    return home, news, people
