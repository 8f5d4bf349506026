import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from tests.admin.utils import make_user
from tests.factories import make_article, make_person, quote
from tests.testapp.models import LiveBlogPage
from wagtail_newsroom.models import (
    ArticlePage,
    ArticleQuotation,
    ArticleRelatedLink,
    NewsIndexPage,
    PersonIndexPage,
    PersonPage,
)

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "lxml")


def test_page_type_rules(home, news_index, people_index):
    assert ArticlePage.can_create_at(news_index)
    assert not ArticlePage.can_create_at(people_index)
    assert not ArticlePage.can_create_at(home)
    assert PersonPage.can_create_at(people_index)
    assert not PersonPage.can_create_at(news_index)
    assert NewsIndexPage.can_create_at(home)
    assert PersonIndexPage.can_create_at(home)
    assert ArticlePage.allowed_subpage_models() == []


def test_byline_keeps_editor_order(news_index, people_index):
    first, second, third = (make_person(people_index, n) for n in ("Zoe Ash", "Al Bee", "Mo Cy"))
    article = make_article(news_index, "Order", authors=[first, second, third])
    assert [p.title for p in ArticlePage.objects.get(pk=article.pk).authors] == [
        "Zoe Ash",
        "Al Bee",
        "Mo Cy",
    ]


def test_published_at_defaults_to_first_publication(news_index):
    article = make_article(news_index, "Undated")
    article.published_at = None
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.published_at == article.first_published_at


def test_updated_before_published_is_rejected(news_index):
    article = make_article(news_index, "Dates")
    article.updated_at = article.published_at - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "updated_at" in error.value.message_dict


@override_settings(WAGTAILNEWSROOM_WORDS_PER_MINUTE=100)
def test_reading_time_counts_reading_blocks_only(news_index):
    words = " ".join(["word"] * 150)
    article = make_article(
        news_index,
        "Long read",
        body=[
            ("paragraph", f"<p>{words}</p>"),
            ("heading", {"text": "Two words", "level": "h2"}),
            quote("three more words", name="Anon"),
            (
                "pull_quote",
                {"text": " ".join(["repeat"] * 500), "attribution": "", "shareable": False},
            ),
        ],
    )
    assert article.word_count == 155
    assert article.reading_time == 2


def test_quotations_follow_the_body(news_index, people_index):
    speaker = make_person(people_index, "Qin Peng", "China affairs commentator")
    article = make_article(
        news_index,
        "Quoted",
        body=[quote("It&#x27;s the CCP&#x27;s <b>way</b> &amp; rule.", speaker)],
    )
    assert list(ArticleQuotation.objects.values_list("person__title", "text")) == [
        ("Qin Peng", "It's the CCP's way & rule.")
    ]
    article.body = [{"type": "paragraph", "value": "<p>No quotes now.</p>"}]
    article.save()
    assert not ArticleQuotation.objects.exists()


def test_abstract_base_can_be_subclassed(news_index, people_index, client):
    author = make_person(people_index, "Ann Live")
    page = make_article(
        news_index, "Live: election night", authors=[author], model=LiveBlogPage, is_breaking=True
    )
    assert LiveBlogPage.objects.get(pk=page.pk).is_breaking
    html = soup(client.get(page.url))
    assert html.select_one("h1").get_text() == "Live: election night"
    # The subclass's template overrides one block and keeps the rest.
    assert html.select_one("article > p.breaking").get_text() == "Breaking"
    assert html.select_one(".newsroom-byline a")["href"] == author.url


def test_a_byline_shows_each_persons_part_in_the_story(news_index, people_index, client):
    reporter = make_person(people_index, "Penny Zhou")
    second = make_person(people_index, "Li Wen")
    helper = make_person(people_index, "Ana Ruiz")
    writer = make_person(people_index, "Sam Lee")
    article = make_article(news_index, "Port strike", authors=[reporter, helper, second, writer])
    parts = {
        "Penny Zhou": ("author", "in Hong Kong"),
        "Ana Ruiz": ("contributor", "<i>x</i>"),
        "Li Wen": ("author", ""),
        "Sam Lee": ("writer", ""),
    }
    for byline in article.article_bylines.all():
        byline.role, byline.credit = parts[byline.person.title]
        byline.save()
    byline = soup(client.get(article.url)).select_one(".newsroom-byline")
    assert byline.get_text(" ", strip=True) == (
        "By Penny Zhou (in Hong Kong) and Li Wen . Additional reporting by Ana Ruiz (<i>x</i>) . "
        "Writing by Sam Lee ."
    )
    assert [role.get_text() for role in byline.select(".newsroom-byline__credit")] == [
        "(in Hong Kong)",
        "(<i>x</i>)",
    ]
    with translation.override("fr"):
        byline = soup(client.get(article.url)).select_one(".newsroom-byline")
    assert byline.get_text(" ", strip=True).startswith("Par Penny Zhou")
    assert "Avec la collaboration de Ana Ruiz" in byline.get_text(" ", strip=True)


def test_a_byline_of_authors_alone_has_no_full_stop(news_index, people_index, client):
    article = make_article(news_index, "Ferry", authors=[make_person(people_index, "Li Wen")])
    byline = soup(client.get(article.url)).select_one(".newsroom-byline")
    assert byline.get_text(" ", strip=True) == "By Li Wen"


def test_article_page_renders(news_index, people_index, client):
    author = make_person(people_index, "Penny Zhou")
    speaker = make_person(people_index, "Qin Peng")
    article = make_article(
        news_index,
        "China Reminds Ant Group Who’s Boss",
        authors=[author],
        section="Business",
        tags=["China", "Finance"],
        dek="Beijing halts a record IPO.",
        body=[
            ("paragraph", "<p>Ant Group was set to raise $37 billion.</p>"),
            quote("Let them remember who the real boss is.", speaker, role="analyst"),
            ("pull_quote", {"text": "Who the real boss is", "attribution": "", "shareable": True}),
        ],
    )
    html = soup(client.get(article.url))
    assert html.select_one("article h1").get_text() == "China Reminds Ant Group Who’s Boss"
    assert html.select_one(".newsroom-article__dek").get_text() == "Beijing halts a record IPO."
    byline = html.select_one(".newsroom-byline a[rel=author]")
    assert (byline.get_text(), byline["href"]) == ("Penny Zhou", author.url)
    time = html.select_one(".newsroom-article__dates time")
    assert time["datetime"] == "2020-11-05T09:30:00+00:00"
    figure = html.select_one("figure.newsroom-quote")
    assert figure.blockquote["cite"] == speaker.url
    assert figure.figcaption.a["href"] == speaker.url
    assert figure.figcaption.get_text(" ", strip=True) == "Qin Peng , analyst"
    pull = html.select_one(".newsroom-pull-quote blockquote")
    assert pull["aria-hidden"] == "true"
    assert "Who the real boss is" in pull.get_text()
    assert [a.get_text() for a in html.select(".newsroom-tags a")] == ["China", "Finance"]
    assert html.select_one(".newsroom-article__section").get_text() == "Business"
    # The share widget is there once even though the body has no share block.
    assert len(html.select("[data-newsroom-share]")) == 1
    assert html.select_one("script[src$='wagtail_newsroom/js/share.js']")


def test_index_lists_newest_first_and_filters(news_index, people_index, client):
    reporter = make_person(people_index, "Jane Roe")
    other = make_person(people_index, "John Doe")
    day = timezone.make_aware(datetime.datetime(2024, 1, 1))
    make_article(news_index, "Old", published=day, authors=[reporter], section="World", tags=["a"])
    make_article(
        news_index,
        "New",
        published=day + datetime.timedelta(days=2),
        authors=[other],
        section="Business",
        tags=["b"],
        body=[quote("Quoted where she did not write.", reporter)],
    )
    make_article(
        news_index,
        "Middle",
        published=day + datetime.timedelta(days=1),
        authors=[reporter, other],
        # Written and quoted twice over: listed once.
        body=[quote("One.", reporter), quote("Two.", reporter)],
    )

    def headlines(query=""):
        html = soup(client.get(news_index.url + query))
        return [h.get_text(strip=True) for h in html.select(".newsroom-card__headline")]

    assert headlines() == ["New", "Middle", "Old"]
    assert headlines("?section=world") == ["Old"]
    assert headlines("?tag=b") == ["New"]
    # A person's listing: what they wrote and where they are quoted.
    assert headlines("?person=jane-roe") == ["New", "Middle", "Old"]
    assert headlines("?person=john-doe") == ["New", "Middle"]
    assert headlines("?person=nobody") == []


def test_a_draft_profile_is_not_named_by_the_listing_or_its_feed(news_index, people_index, client):
    secret = make_person(people_index, "Secret Source")
    secret.unpublish()
    make_article(news_index, "Leak", authors=[make_person(people_index, "Jane Roe")],
                 body=[quote("Off the record.", secret)])  # fmt: skip
    for url in ("", "feed/rss/", "feed/atom/"):
        response = client.get(news_index.url + url + "?person=secret-source")
        assert response.status_code == 200
        assert "Secret Source" not in response.content.decode() and b"Leak" not in response.content


@override_settings(WAGTAILNEWSROOM_INDEX_PAGE_SIZE=2)
def test_index_pagination_never_fails(news_index, client):
    for n in range(5):
        make_article(news_index, f"Story {n}")
    assert client.get(news_index.url + "?page=2").status_code == 200
    for bad in ("abc", "0", "-3", "", "1.5"):
        response = client.get(news_index.url + f"?page={bad}")
        assert response.status_code == 200, bad
        assert response.context["articles"].number == 1
    assert client.get(news_index.url + "?page=99").status_code == 404
    # A number past what the database can hold is past the end too, not a server error.
    assert client.get(news_index.url + "?page=" + "9" * 25).status_code == 404
    html = soup(client.get(news_index.url + "?page=2"))
    assert html.select_one("a[rel=next]")["href"] == "?page=3"


@override_settings(WAGTAILNEWSROOM_INDEX_PAGE_SIZE=2)
def test_the_index_pages_through_every_article_without_counting_them(news_index, client):
    start = timezone.now() - datetime.timedelta(days=10)
    for n in range(5):
        make_article(news_index, f"Story {n}", published=start + datetime.timedelta(days=n))
    seen, labels, url = [], [], news_index.url
    while url:
        with CaptureQueriesContext(connection) as captured:
            html = soup(client.get(url))
        assert not [q["sql"] for q in captured if "COUNT(" in q["sql"].upper()]
        seen += [a.get_text() for a in html.select(".newsroom-card__headline a")]
        labels.append(html.select_one(".newsroom-pagination [aria-current=page]").get_text())
        older = html.select_one(".newsroom-pagination a[rel=next]")
        url = news_index.url + older["href"] if older else None
    assert seen == [f"Story {n}" for n in (4, 3, 2, 1, 0)]
    assert labels == ["Page 1", "Page 2", "Page 3"]
    newer = html.select_one(".newsroom-pagination a[rel=prev]")
    assert newer["href"] == "?page=2"


def test_person_page_lists_articles_by_and_quoting(news_index, people_index, client):
    reporter = make_person(people_index, "Penny Zhou", "Reporter")
    analyst = make_person(people_index, "Qin Peng", "China affairs commentator")
    make_article(news_index, "Written", authors=[reporter])
    make_article(
        news_index,
        "Quoting",
        authors=[reporter],
        body=[quote("First quote.", analyst), quote("Second quote.", analyst)],
    )
    draft = make_article(news_index, "Unpublished", body=[quote("Hidden.", analyst)])
    draft.unpublish()

    html = soup(client.get(reporter.url))
    assert html.select_one(".newsroom-profile__role").get_text() == "Reporter"
    written = [
        a.get_text() for a in html.select("section[aria-labelledby=newsroom-written-heading] a")
    ]
    assert sorted(written) == ["Quoting", "Written"]

    html = soup(client.get(analyst.url))
    quoted = html.select(".newsroom-profile__quotations > li")
    assert len(quoted) == 1
    assert quoted[0].a.get_text() == "Quoting"
    assert [q.get_text(strip=True) for q in quoted[0].select("blockquote")] == [
        "First quote.",
        "Second quote.",
    ]


def test_people_index_lists_profiles(people_index, client):
    make_person(people_index, "Zed Last", "Analyst")
    make_person(people_index, "Amy First")
    html = soup(client.get(people_index.url))
    names = [a.get_text() for a in html.select(".newsroom-people__list a")]
    assert names == ["Amy First", "Zed Last"]


def test_output_is_escaped(news_index, people_index, client):
    evil = '<script>alert("x")</script>'
    author = make_person(people_index, f"Mallory {evil}")
    article = make_article(news_index, f"Headline {evil}", authors=[author], dek=evil)
    body = client.get(article.url).content.decode()
    assert evil not in body
    assert len(re.findall(r"&lt;script&gt;", body)) >= 3


@override_settings(WAGTAILNEWSROOM_BASE_TEMPLATE="testapp/other_base.html")
def test_base_template_is_configurable(news_index, client):
    article = make_article(news_index, "Based")
    html = soup(client.get(article.url))
    assert html.select_one("body[data-base=other]")
    assert html.select_one("h1").get_text() == "Based"


def test_private_articles_stay_out_of_public_listings(news_index, people_index, client):
    author = make_person(people_index, "Jane Roe")
    make_article(news_index, "Open story", authors=[author])
    private = make_article(news_index, "Members story", authors=[author])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    listed = [h.get_text(strip=True) for h in soup(client.get(news_index.url)).select("h2 a")]
    assert "Members story" not in listed and "Open story" in listed
    feed = client.get(news_index.url + "feed/rss/").content.decode()
    assert "Members story" not in feed and "Open story" in feed
    profile = soup(client.get(author.url)).get_text()
    assert "Members story" not in profile and "Open story" in profile


def test_view_restrictions_of_ancestors_and_alias_sources_hold(home, news_index, client):
    """Newsroom pages check view restrictions from the ancestors they read for the
    breadcrumbs: a private index's, and an alias's source page's, still apply."""
    members = home.add_child(instance=NewsIndexPage(title="Members"))
    article = make_article(members, "Members story")
    open_article = make_article(news_index, "Open story")
    alias = open_article.create_alias(parent=news_index, update_slug="open-story-again")
    for page in (article, open_article, alias):
        assert client.get(page.url).status_code == 200

    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    PageViewRestriction.objects.create(
        page=open_article, restriction_type=PageViewRestriction.LOGIN
    )
    for page in (article, open_article, alias):
        response = client.get(page.url)
        assert response.status_code == 302 and "next=" in response["Location"], page.url
    client.force_login(make_user("reader"))
    for page in (article, open_article, alias):
        assert client.get(page.url).status_code == 200


def test_unpublished_profiles_are_named_but_not_linked(news_index, people_index, client):
    draft = make_person(people_index, "Draft Person")
    draft.unpublish()
    article = make_article(news_index, "Story", authors=[draft], body=[quote("Words.", draft)])
    html = soup(client.get(article.url))
    assert html.select_one(".newsroom-byline").get_text(" ", strip=True) == "By Draft Person"
    assert not html.select(f'a[href="{draft.url}"]')
    assert html.select_one("span.newsroom-quote__speaker").get_text() == "Draft Person"
    assert not html.select_one("figure.newsroom-quote blockquote").has_attr("cite")


def test_related_articles_keep_order_and_hide_what_readers_cannot_see(news_index, client):
    first, second, hidden, private = (
        make_article(news_index, title) for title in ("First", "Second", "Hidden", "Private")
    )
    hidden.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    article = make_article(news_index, "Main")
    article.article_related_links = [
        ArticleRelatedLink(article=page, sort_order=n)
        for n, page in enumerate([second, hidden, private, first])
    ]
    article.save()
    html = soup(client.get(article.url))
    assert [a.get_text() for a in html.select(".newsroom-related a")] == ["Second", "First"]


def test_sections_and_tags_link_to_their_listing(news_index, client):
    article = make_article(news_index, "Ferry plan", section="Transport", tags=["Ferries"])
    make_article(news_index, "Budget", section="Money")
    page = soup(client.get(article.url))
    links = {
        "section": page.select_one(".newsroom-article__section a")["href"],
        "tag": page.select_one(".newsroom-tags a")["href"],
    }
    assert links == {"section": "/news/?section=transport", "tag": "/news/?tag=ferries"}
    for href in links.values():
        listing = soup(client.get(href))
        assert [a.get_text() for a in listing.select(".newsroom-card__headline a")] == [
            "Ferry plan"
        ]
    card = soup(client.get(news_index.url)).select_one(".newsroom-card__section a")
    assert card["href"] == "/news/?section=money" and card.get_text() == "Money"


def written_and_quoted(news_index, author, speaker, count):
    """``count`` stories, a day apart, oldest first, each by ``author`` quoting ``speaker``."""
    start = timezone.now() - datetime.timedelta(days=10)
    return [
        make_article(
            news_index,
            f"Story {n}",
            authors=[author],
            body=[quote(f"Words {n}.", speaker)],
            published=start + datetime.timedelta(days=n),
        )
        for n in range(count)
    ]


@override_settings(WAGTAILNEWSROOM_INDEX_PAGE_SIZE=2)
def test_a_profile_pages_through_all_it_wrote_and_said(news_index, people_index, client):
    ann, qin = make_person(people_index, "Ann Live"), make_person(people_index, "Qin Peng")
    written_and_quoted(news_index, ann, qin, 5)

    def follow(profile, selector, param):
        """Every title listed, following the "Older" links from the profile's first page."""
        seen, pages, url = [], 0, profile.url
        while url:
            html = soup(client.get(url))
            seen += [a.get_text() for a in html.select(selector)]
            older = html.select_one(f"nav a[rel=next][href*='{param}=']")
            url = profile.url + older["href"] if older else None
            pages += 1
        return seen, pages

    written, pages = follow(ann, "[aria-labelledby=newsroom-written-heading] li > a", "written")
    assert (written, pages) == ([f"Story {n}" for n in (4, 3, 2, 1, 0)], 3)
    quoted, pages = follow(qin, ".newsroom-profile__quotations li > a", "quoted")
    assert (quoted, pages) == ([f"Story {n}" for n in (4, 3, 2, 1, 0)], 3)
    # Past the end, or not a number: an empty page, or the first.
    for past_the_end in ("9", "9" * 25):
        assert not soup(client.get(ann.url + f"?written={past_the_end}")).select(
            "[aria-labelledby=newsroom-written-heading]"
        )
    first = soup(client.get(ann.url + "?written=x"))
    assert len(first.select("[aria-labelledby=newsroom-written-heading] li")) == 2


def test_a_redated_article_moves_in_its_peoples_listings(news_index, people_index, client):
    """Profiles order by the date each byline and quotation carries: republished with a new
    date, an article moves; unpublished, it leaves."""
    ann, qin = make_person(people_index, "Ann Live"), make_person(people_index, "Qin Peng")
    stories = written_and_quoted(news_index, ann, qin, 3)
    start = stories[0].published_at

    def listed():
        written = [article.title for article in ann.get_articles_written()]
        quoted = [article.title for article, _quotes in qin.get_quotations()]
        assert written == quoted
        return written

    assert listed() == ["Story 2", "Story 1", "Story 0"]
    oldest = ArticlePage.objects.get(pk=stories[0].pk)
    oldest.published_at = start + datetime.timedelta(days=5)
    oldest.save_revision().publish()
    assert listed() == ["Story 0", "Story 2", "Story 1"]
    stories[2].unpublish()
    assert listed() == ["Story 0", "Story 1"]
