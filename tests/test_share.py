from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import make_article
from wagtail_newsroom.models import NewsroomSettings
from wagtail_newsroom.share import NETWORKS, add_utm, quote_share_link, share_link, share_links

URL = "https://news.example/world/a-story/?ref=home"
TITLE = "Ant Group & the “boss”"


def query(href):
    return parse_qs(urlsplit(href).query)


@pytest.mark.parametrize(
    "network, host, params",
    [
        ("facebook", "www.facebook.com", {"u": [URL]}),
        ("x", "x.com", {"url": [URL], "text": [TITLE]}),
        ("linkedin", "www.linkedin.com", {"url": [URL]}),
        ("bluesky", "bsky.app", {"text": [f"{TITLE} {URL}"]}),
        ("whatsapp", "wa.me", {"text": [f"{TITLE} {URL}"]}),
        ("reddit", "www.reddit.com", {"url": [URL], "title": [TITLE]}),
        ("mastodon", "mastodon.social", {"text": [f"{TITLE} {URL}"]}),
    ],
)
def test_share_link_per_network(network, host, params):
    link = share_link(network, URL, TITLE)
    assert urlsplit(link.href).scheme == "https"
    assert urlsplit(link.href).hostname == host
    assert query(link.href) == params
    assert " " not in link.href and "“" not in link.href


def test_email_link_is_mailto():
    link = share_link("email", URL, TITLE)
    assert link.href.startswith("mailto:?")
    assert query(link.href) == {"subject": [TITLE], "body": [f"{TITLE} {URL}"]}


def test_a_mail_client_gets_spaces_a_web_form_gets_plus_signs():
    """Mail clients show a "+" in a mailto: link as a plus sign (RFC 6068 wants %20); the
    networks' web forms read it as a space."""
    title = "Rates rise 2+1 points"
    email = share_link("email", URL, title).href
    assert "subject=Rates%20rise%202%2B1%20points&" in email
    assert "+" not in email
    assert share_link("x", URL, title).href.endswith("&text=Rates+rise+2%2B1+points")


def test_mastodon_instance_is_configurable():
    assert urlsplit(
        share_link("mastodon", URL, TITLE, instance="social.example").href
    ).hostname == ("social.example")


def test_a_mastodon_instance_must_be_a_host_name(site_tree):
    settings = NewsroomSettings.for_site(site_tree[0].get_site())
    settings.mastodon_instance = "evil.example/phish?x="
    with pytest.raises(ValidationError) as refused:
        settings.full_clean()
    assert "mastodon_instance" in refused.value.message_dict
    # Stored past the form anyway: share links still go to a server, not to a path.
    href = share_link("mastodon", URL, TITLE, instance="evil.example/phish?x=").href
    assert urlsplit(href).hostname == "mastodon.social"


def test_utm_tags_name_the_network_and_keep_the_query():
    shared = query(share_link("facebook", URL, TITLE, add_utm_tags=True, utm_campaign="c1").href)
    assert query(shared["u"][0]) == {
        "ref": ["home"],
        "utm_source": ["facebook"],
        "utm_medium": ["social"],
        "utm_campaign": ["c1"],
    }
    assert "utm_medium=email" in add_utm(URL, "email", medium="email")


def test_share_links_keep_order_and_skip_unknown():
    links = share_links(["reddit", "nope", "email"], URL, TITLE)
    assert [link.network for link in links] == ["reddit", "email"]


def test_quote_share_link_uses_first_text_network():
    assert quote_share_link(["facebook", "bluesky", "x"], URL, "Boss").network == "bluesky"
    assert quote_share_link(["facebook"], URL, "Boss") is None


@pytest.mark.django_db
def test_widget_follows_site_settings(news_index, client):
    article = make_article(news_index, "Shared story")
    settings = NewsroomSettings.for_site(article.get_site())
    settings.share_networks = ["mastodon", "email"]
    settings.mastodon_instance = "toot.example"
    settings.save()
    html = BeautifulSoup(client.get(article.url).content, "lxml")
    widget = html.select_one("[data-newsroom-share]")
    links = widget.select("a.newsroom-share__link")
    assert [a.get_text(strip=True) for a in links] == ["Share on Mastodon", "Share on Email"]
    assert urlsplit(links[0]["href"]).hostname == "toot.example"
    full_url = "http://localhost" + article.url
    assert query(links[1]["href"])["body"] == [f"Shared story {full_url}"]
    assert links[0]["rel"] == ["noopener", "noreferrer"]
    copy = widget.select_one("[data-newsroom-copy-link]")
    assert copy["data-url"] == full_url and copy.get_text(strip=True) == "Copy link"
    assert widget.select_one("[data-newsroom-copy-status][role=status]")


@pytest.mark.django_db
def test_share_settings_form_offers_every_network(admin_client, site_tree):
    site = site_tree[0].get_site()
    response = admin_client.get(
        reverse("wagtailsettings:edit", args=["wagtail_newsroom", "newsroomsettings", site.pk])
    )
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "lxml")
    offered = [box["value"] for box in html.select("input[name=share_networks]")]
    assert offered == list(NETWORKS)
