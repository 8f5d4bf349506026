import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.factories import make_article, make_person, quote
from wagtail_newsroom.blocks import ArticleBodyBlock

pytestmark = pytest.mark.django_db


def make_image(title="Photo"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 450), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="photo.png"))


def render_article(client, news_index, body):
    article = make_article(news_index, "Blocks", body=body)
    html = BeautifulSoup(client.get(article.url).content, "lxml")
    return html.select_one(".newsroom-article__body")


def test_heading_uses_chosen_level(client, news_index):
    body = render_article(client, news_index, [("heading", {"text": "Why", "level": "h3"})])
    assert body.select_one("h3.newsroom-heading").get_text() == "Why"


def test_a_stored_heading_level_names_no_tag_of_its_own(client, news_index):
    # Written past the editor's choice list (the API, the ORM): the block still writes a heading.
    level = 'script>alert(1)</script><h2 x="'
    body = render_article(client, news_index, [("heading", {"text": "Why", "level": level})])
    assert body.select_one("h2.newsroom-heading").get_text() == "Why"
    assert not body.select("script")


def test_profile_links_a_reader_may_not_follow_are_not_links(client, people_index):
    person = make_person(people_index, "Qin Peng")
    person.links = [
        ("link", {"label": "Site", "url": "https://qin.example/"}),
        ("link", {"label": "Bad", "url": " JaVa\tScRiPt:alert(1)"}),
        ("link", {"label": "Data", "url": "data:text/html,<script>alert(1)</script>"}),
    ]
    person.save_revision().publish()
    html = BeautifulSoup(client.get(person.url).content, "lxml")
    links = html.select(".newsroom-profile__links li")
    assert [li.get_text() for li in links] == ["Site", "Bad", "Data"]
    assert [a["href"] for a in html.select(".newsroom-profile__links a")] == [
        "https://qin.example/"
    ]
    [json_ld] = html.select('script[type="application/ld+json"]')
    assert "javascript" not in json_ld.string.lower() and "data:" not in json_ld.string


def test_quote_with_plain_name(client, news_index):
    body = render_article(
        client, news_index, [quote("We will appeal.", name="Jane Roe", role="a spokeswoman")]
    )
    figure = body.select_one("figure.newsroom-quote")
    assert figure.blockquote.get_text(strip=True) == "We will appeal."
    assert not figure.blockquote.has_attr("cite")
    assert figure.figcaption.get_text("", strip=True) == "Jane Roe, a spokeswoman"
    assert figure.figcaption.a is None


def quoted_paragraph(text, *quotations):
    return (
        "quoted_paragraph",
        {
            "text": f"<p>{text}</p>",
            "quotations": [
                {"text": words, "speaker": speaker.pk if speaker else None, "speaker_name": "",
                 "speaker_role": "", "attribution": ""}
                for words, speaker in quotations
            ],
        },
    )  # fmt: skip


def test_quoted_paragraph_reads_as_written_with_live_speakers_linked(
    client, news_index, people_index
):
    qin = make_person(people_index, "Qin Peng")
    draft = make_person(people_index, "Li Wen")
    draft.unpublish()
    text = (
        "“Let them remember who the boss is,” said Qin Peng, and Li Wen agreed. "
        '<a href="https://example.org/peng">Peng</a> has said so before.'
    )
    body = render_article(
        client, news_index, [quoted_paragraph(text, ("Let them remember", qin), ("", draft))]
    )
    paragraph = body.select_one("p")
    assert paragraph.get_text() == BeautifulSoup(text, "lxml").get_text()
    links = paragraph.select("a.newsroom-speaker")
    assert [(a.get_text(), a["href"]) for a in links] == [("Qin Peng", qin.url)]
    assert not body.select("blockquote, figure")


def test_speaker_link_falls_back_to_the_surname_the_text_uses(client, news_index, people_index):
    qin = make_person(people_index, "Qin Peng")
    body = render_article(client, news_index, [quoted_paragraph("“No,” Peng said.", ("No", qin))])
    assert body.select_one("a.newsroom-speaker").get_text() == "Peng"


def test_image_block_has_caption_credit_and_alt(client, news_index):
    image = make_image("Crowds outside")
    body = render_article(
        client,
        news_index,
        [("image", {"image": image.pk, "alt_text": "", "caption": "Crowds.", "credit": "AP"})],
    )
    figure = body.select_one("figure.newsroom-figure")
    assert figure.img["alt"] == "Crowds outside"
    assert figure.figcaption.get_text(" ", strip=True) == "Crowds. AP"


def test_pull_quote_share_link_is_outside_the_hidden_part(client, news_index):
    body = render_article(
        client,
        news_index,
        [("pull_quote", {"text": "Who is boss", "attribution": "Qin Peng", "shareable": True})],
    )
    aside = body.select_one("aside.newsroom-pull-quote")
    assert aside.blockquote["aria-hidden"] == "true"
    assert not aside.blockquote.select("a, button")
    share = aside.select_one("a.newsroom-pull-quote__share")
    assert share.get_text() == "Share this quote on Email"
    assert "%E2%80%9CWho%20is%20boss%E2%80%9D" in share["href"]


def test_share_blocks_render_outside_a_page_and_a_request():
    """In a site's own template without the page's context, or Wagtail's block preview, a
    pull quote and a share block still render: no share link without a request to read the
    site's networks from."""
    from wagtail_newsroom.blocks import PullQuoteBlock, ShareBlock

    html = PullQuoteBlock().render({"text": "Who is boss", "attribution": "", "shareable": True})
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("blockquote p").get_text() == "Who is boss"
    assert soup.select_one("a.newsroom-pull-quote__share") is None
    html = ShareBlock().render({"heading": "Pass it on"})
    assert BeautifulSoup(html, "html.parser").select("a.newsroom-share__link") == []


def test_share_block_in_body(client, news_index):
    body = render_article(client, news_index, [("share", {"heading": "Pass it on"})])
    widget = body.select_one("[data-newsroom-share]")
    assert widget.h2.get_text() == "Pass it on"
    assert len(widget.select("a.newsroom-share__link")) == 7


@pytest.mark.parametrize(
    "name, selector, text",
    [
        ("paragraph", "p b", "whole winter"),
        ("heading", "h2.newsroom-heading", "What the new timetable means"),
        ("quote", ".newsroom-quote__speaker", "Jane Roe"),
        ("quoted_paragraph", "p", "“We will reopen the bridge by spring,” the mayor said."),
        ("pull_quote", "aside blockquote[aria-hidden=true] p", "The ferry stays."),
        ("share", "[data-newsroom-share] .newsroom-share__link", "Share on Email"),
    ],
)
def test_block_previews_render_with_site_templates(admin_client, site_tree, name, selector, text):
    block = ArticleBodyBlock().child_blocks[name]
    assert block.is_previewable
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "lxml")
    assert html.select_one(selector).get_text(strip=True) == text
    assert html.select_one("link[href$='wagtail_newsroom/css/newsroom.css']")
