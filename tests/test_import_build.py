"""The build stage: ParsedArticle values to pages, through the real page API."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from PIL import Image as PILImage
from wagtail.images import get_image_model

from wagtail_newsroom.importer import parse
from wagtail_newsroom.importer.build import ArticleBuilder
from wagtail_newsroom.importer.result import (
    Author,
    BodyBlock,
    Image,
    ParsedArticle,
    Person,
)
from wagtail_newsroom.models import ArticlePage, NewsIndexPage, PersonPage, Section

pytestmark = pytest.mark.django_db


def parsed_article(source="story.txt", **fields):
    values = {
        "source": source,
        "fingerprint": f"sha256:{abs(hash(source))}",
        "headline": "Council approves ferry subsidy",
        "published": datetime.date(2006, 3, 17),
        "authors": [Author("Tom Reilly")],
        "body": [BodyBlock("paragraph", text="The council voted 7-2.")],
    }
    return ParsedArticle(**(values | fields))


def test_blocks_become_stream_data(news_index):
    parsed = parsed_article(
        section="Local News",
        tags=["ferry", "council"],
        people=[Person("Ann Quay", roles=["ferry operator"])],
        body=[
            BodyBlock("paragraph", text="Plain <b>text</b> & more."),
            BodyBlock(
                "paragraph",
                text="Linked",
                html='<p><a href="javascript:alert(1)" onclick="x()">Linked</a> '
                '<script>alert(2)</script><a href="https://example.com/">site</a></p>',
            ),
            BodyBlock("heading", text="Why it matters", level=3),
            BodyBlock("list", items=["one", "two & three"], ordered=True),
            BodyBlock(
                "quote",
                text="“We will keep sailing,” Quay said.",
                speaker="Ann Quay",
                speaker_role="ferry operator",
                attribution="Quay said",
            ),
            BodyBlock(
                "quote", text="“No comment,” a spokesman said.", attribution="a spokesman said"
            ),
        ],
    )
    page = ArticleBuilder(news_index).build(parsed).page
    page = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    raw = list(page.body.raw_data)
    assert [b["type"] for b in raw] == ["paragraph"] * 2 + [
        "heading",
        "paragraph",
        "quote",
        "quote",
    ]
    assert raw[0]["value"] == "<p>Plain &lt;b&gt;text&lt;/b&gt; &amp; more.</p>"
    assert "script" not in raw[1]["value"] and "javascript" not in raw[1]["value"]
    assert "onclick" not in raw[1]["value"]
    assert '<a href="https://example.com/">site</a>' in raw[1]["value"]
    assert raw[2]["value"] == {"text": "Why it matters", "level": "h3"}
    assert raw[3]["value"] == "<ol><li>one</li><li>two &amp; three</li></ol>"
    quay = PersonPage.objects.get(title="Ann Quay")
    assert quay.job_title == "ferry operator"
    assert raw[4]["value"]["speaker"] == quay.pk
    assert raw[4]["value"]["speaker_role"] == "ferry operator"
    assert raw[5]["value"]["speaker"] is None
    assert page.section.name == "Local News"
    assert sorted(t.name for t in page.tags.all()) == ["council", "ferry"]
    assert page.published_at.isoformat() == "2006-03-17T00:00:00+00:00"


def test_people_sections_and_slugs_are_reused(news_index, people_index):
    existing = people_index.add_child(instance=PersonPage(title="Tom Reilly", slug="tom-reilly"))
    Section.objects.create(name="Local News", slug="local-news")
    builder = ArticleBuilder(news_index, publish=True)
    first = builder.build(
        parsed_article("a.txt", authors=[Author("TOM REILLY")], section="local news")
    )
    second = builder.build(parsed_article("b.txt", section="Local News"))
    assert first.page.slug == "council-approves-ferry-subsidy"
    assert second.page.slug == "council-approves-ferry-subsidy-1"
    assert [p.pk for p in first.page.authors] == [existing.pk]
    assert PersonPage.objects.count() == 1
    assert Section.objects.count() == 1


def test_images_come_only_from_the_source_folder(news_index, tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "red").save(buffer, "PNG")
    (folder / "photo.png").write_bytes(buffer.getvalue())
    (folder / "fake.png").write_text("not an image")
    (tmp_path / "secret.png").write_bytes(buffer.getvalue())
    parsed = parsed_article(
        str(folder / "story.html"),
        lead_image=Image("photo.png", alt="Ferry", caption="The ferry.", credit="Staff"),
        body=[
            BodyBlock("paragraph", text="Text."),
            BodyBlock("image", src="../secret.png", alt="x"),
            BodyBlock("image", src="fake.png", alt="x"),
            BodyBlock("image", src="https://example.com/remote.png", alt="x"),
            BodyBlock("image", src="photo.png", alt="Again", caption="Same file"),
        ],
    )
    outcome = ArticleBuilder(news_index).build(parsed)
    page = outcome.page.get_latest_revision_as_object()
    assert page.lead_image.title == "Ferry"
    assert (page.lead_image_caption, page.lead_image_credit) == ("The ferry.", "Staff")
    images = [b.value for b in page.body if b.block_type == "image"]
    assert [i["image"].pk for i in images] == [page.lead_image.pk]  # the same file, stored once
    assert get_image_model().objects.count() == 1
    assert len(outcome.warnings) == 3
    assert any("../secret.png" in w for w in outcome.warnings)
    assert any("not a readable image" in w for w in outcome.warnings)


def test_source_label_and_image_root(news_index, tmp_path):
    """As uploads use it: pages record the uploaded name; images anywhere in the upload."""
    (tmp_path / "images").mkdir()
    (tmp_path / "story").mkdir()
    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 20), "blue").save(buffer, "PNG")
    (tmp_path / "images" / "a.png").write_bytes(buffer.getvalue())
    parsed = parsed_article(
        str(tmp_path / "story" / "a.html"),
        body=[BodyBlock("paragraph", text="Text."), BodyBlock("image", src="../images/a.png")],
    )
    outcome = ArticleBuilder(news_index, image_root=tmp_path).build(parsed, source="up.zip/a.html")
    assert outcome.warnings == ()
    assert ArticlePage.objects.get().source_name == "a.html"
    assert get_image_model().objects.count() == 1


def test_same_file_name_under_another_parent_is_another_article(news_index, home):
    other = home.add_child(instance=NewsIndexPage(title="Sport", slug="sport"))
    ArticleBuilder(news_index).build(parsed_article("story.txt"))
    second = ArticleBuilder(other).build(
        parsed_article("story.txt", headline="Another story", fingerprint="sha256:other")
    )
    assert second.status == "created"
    assert ArticlePage.objects.count() == 2


def test_an_article_the_user_may_not_edit_is_left_alone(news_index):
    ArticleBuilder(news_index).build(parsed_article("story.txt"))
    outsider = get_user_model().objects.create_user("outsider", password="x")
    changed = parsed_article("story.txt", headline="Rewritten", fingerprint="sha256:changed")
    outcome = ArticleBuilder(news_index, user=outsider).build(changed)
    assert outcome.status == "skipped" and "may not edit" in outcome.message
    assert ArticlePage.objects.get().get_latest_revision_as_object().title != "Rewritten"


def test_a_byline_that_is_a_user_name_makes_no_profile(news_index):
    parsed = parsed_article(authors=[Author("jsmith"), Author("Tom Reilly")])
    outcome = ArticleBuilder(news_index).build(parsed)
    page = ArticlePage.objects.get(pk=outcome.page.pk).get_latest_revision_as_object()
    assert [b.person.title for b in page.article_bylines.all()] == ["Tom Reilly"]
    assert not PersonPage.objects.filter(title="jsmith").exists()
    assert any("jsmith" in warning for warning in outcome.warnings)


def test_each_byline_keeps_the_part_its_person_had_in_the_story(news_index):
    parsed = parsed_article(
        authors=[
            Author("Tom Reilly", credit="in Washington"),
            Author("Ana Ruiz", contribution="contributor"),
        ]
    )
    outcome = ArticleBuilder(news_index).build(parsed)
    page = ArticlePage.objects.get(pk=outcome.page.pk).get_latest_revision_as_object()
    bylines = [(b.person.title, b.role, b.credit) for b in page.article_bylines.all()]
    assert bylines == [("Tom Reilly", "author", "in Washington"), ("Ana Ruiz", "contributor", "")]
    # The part in this story is the byline's, never the profile's job.
    assert PersonPage.objects.get(title="Tom Reilly").job_title == ""


def test_an_overlong_byline_credit_is_cut_with_a_warning(news_index):
    parsed = parsed_article(authors=[Author("Tom Reilly", credit="in " + "Washington " * 20)])
    outcome = ArticleBuilder(news_index).build(parsed)
    page = ArticlePage.objects.get(pk=outcome.page.pk).get_latest_revision_as_object()
    [byline] = page.article_bylines.all()
    assert len(byline.credit) <= 100 and byline.credit.startswith("in Washington Washington")
    assert any("Tom Reilly" in w and "100" in w for w in outcome.warnings)


def test_a_surname_is_the_person_already_on_file(news_index):
    speaker = [Person("Siobhán Ní Bhriain", roles=["head coach"])]
    ArticleBuilder(news_index).build(parsed_article(source="a.txt", people=speaker))
    ArticleBuilder(news_index).build(
        parsed_article(source="b.txt", headline="Cup final", people=[Person("Ní Bhriain")])
    )
    assert list(PersonPage.objects.values_list("title", flat=True).order_by("title")) == [
        "Siobhán Ní Bhriain",
        "Tom Reilly",
    ]


def test_a_surname_two_people_share_is_neither(news_index):
    people = [Person("Bill Clinton"), Person("Hillary Clinton")]
    ArticleBuilder(news_index).build(parsed_article(source="a.txt", people=people))
    ArticleBuilder(news_index).build(
        parsed_article(source="b.txt", headline="Rally", people=[Person("Clinton")])
    )
    assert PersonPage.objects.filter(title="Clinton").exists()


def test_a_described_or_organisation_speaker_is_named_on_the_quote_without_a_profile(news_index):
    text = (
        "Water firm fined over spill\n\nBy Tom Reilly\n\nMarch 17, 2006\n\n"
        "“We regret the spill and are paying for the clean-up,” a Halcyon spokeswoman said.\n\n"
        "“The fine is the largest we have ever set,” the Environment Agency said.\n\n"
        "“It is not enough,” said Ann Quay, a ferry operator.\n"
    )
    parsed = parse(text.encode(), "spill.txt")
    page = ArticleBuilder(news_index).build(parsed).page
    page = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    quotations = [
        quotation
        for block in page.body.raw_data
        if block["type"] == "quoted_paragraph"
        for quotation in block["value"]["quotations"]
    ]
    assert [(q["speaker_name"], bool(q["speaker"])) for q in quotations] == [
        ("a Halcyon spokeswoman", False),
        ("Environment Agency", False),
        ("Ann Quay", True),
    ]
    assert sorted(PersonPage.objects.values_list("title", flat=True)) == ["Ann Quay", "Tom Reilly"]


def test_an_article_known_only_by_its_update_can_be_published(news_index):
    updated = datetime.datetime(2019, 5, 3, 9, 30, tzinfo=datetime.UTC)
    parsed = parsed_article(published=None, updated=updated)
    page = ArticleBuilder(news_index, publish=True).build(parsed).page
    page.refresh_from_db()
    assert page.live
    # It was out by the time it was updated: no later than that.
    assert page.published_at == page.updated_at == updated


def test_one_profile_per_name_in_any_script_and_case(news_index):
    # SQLite's LOWER() folds ASCII only: matching on it made "Łukasz Wróbel" again each time.
    for n, name in enumerate(["Łukasz Wróbel", "ŁUKASZ WRÓBEL", "łukasz  wróbel"]):
        parsed = parsed_article(f"story-{n}.txt", authors=[Author(name)])
        ArticleBuilder(news_index).build(parsed)
    [person] = PersonPage.objects.all()
    assert (person.title, person.name_key) == ("Łukasz Wróbel", "łukasz wróbel")
    assert ArticlePage.objects.count() == 3


def test_the_database_refuses_a_second_profile_or_article_of_one_key(news_index, people_index):
    first = PersonPage(title="Zoë Ågren", slug="zoe")
    people_index.add_child(instance=first)
    with pytest.raises(ValidationError):
        people_index.add_child(instance=PersonPage(title="ZOË ÅGREN", slug="zoe-2"))
    second = PersonPage(title="ZOË ÅGREN", slug="zoe-3")
    second.full_clean = lambda *args, **kwargs: None  # as an ORM write that skips validation
    with pytest.raises(IntegrityError), transaction.atomic():
        people_index.add_child(instance=second)
    ArticleBuilder(news_index).build(parsed_article("a.txt"))
    copy = parsed_article("b.txt", headline="Another story")
    ArticleBuilder(news_index).build(copy)
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticlePage.objects.filter(source_path__endswith="b.txt").update(
            source_path=ArticlePage.objects.get(title=parsed_article().headline).source_path
        )


def test_overlong_metadata_is_cut_to_fit_with_a_warning(news_index, tmp_path):
    # PostgreSQL refused these (DataError) and SQLite kept them whole.
    deep = tmp_path.joinpath(*["folder-" + "x" * 60] * 20)
    deep.mkdir(parents=True)
    parsed = parsed_article(
        str(deep / "story.txt"),
        headline="Ferry " * 60,
        section="Local " * 30,
        tags=["ferry " * 30, "council"],
        authors=[Author("Tom " * 80)],
        people=[Person("Ann Quay", roles=["operator " * 40])],
    )
    outcome = ArticleBuilder(news_index).build(parsed)
    page = ArticlePage.objects.get(pk=outcome.page.pk).get_latest_revision_as_object()
    assert len(page.title) <= 255 and page.title.startswith("Ferry Ferry")
    assert len(page.section.name) <= 100
    assert sorted(len(tag.name) <= 100 for tag in page.tags.all()) == [True, True]
    assert len(PersonPage.objects.get(title__startswith="Tom").title) <= 255
    assert len(PersonPage.objects.get(title="Ann Quay").job_title) <= 255
    assert page.source_path.startswith("sha256:")
    for what in ("headline", "section", "tag", "name", "role"):
        assert any(w.startswith(f"The {what} “") for w in outcome.warnings), what
    again = ArticleBuilder(news_index).build(parsed)
    assert (again.status, again.page.pk) == ("unchanged", page.pk)


def test_no_image_is_read_from_outside_the_source_folder(news_index, tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "red").save(buffer, "PNG")
    secret = tmp_path / "secret.png"
    secret.write_bytes(buffer.getvalue())
    (folder / "link.png").symlink_to(secret)
    sources = [str(secret), f"file://{secret}", "link.png", "../archive/../secret.png"]
    parsed = parsed_article(
        str(folder / "story.html"), body=[BodyBlock("image", src=src) for src in sources]
    )
    outcome = ArticleBuilder(news_index).build(parsed)
    assert get_image_model().objects.count() == 0
    assert len(outcome.warnings) == len(sources)
