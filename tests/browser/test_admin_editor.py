"""An editor at work in the admin, in Chromium: writing and publishing an article, adding
people from its choosers, merging duplicate profiles."""

import re

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.admin.utils import make_user
from tests.browser.conftest import log_in
from tests.factories import make_article, make_person, quote
from wagtail_newsroom.models import ArticlePage, PersonIndexPage, PersonPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def newsroom(live_site):
    _home, news, people = live_site
    make_person(people, "Penny Zhou", "Reporter")
    make_person(people, "Qin Peng", "China affairs commentator")
    make_person(people, "Li Wen", "Economist")
    make_user("editor", superuser=True)
    return news


def choose_person(page, name):
    """In the open chooser modal, search for and pick ``name``."""
    modal = page.locator(".modal-dialog")
    modal.wait_for()
    modal.get_by_role("link", name=name, exact=True).click()
    modal.wait_for(state="detached")


def add_person(page, name, job_title):
    """In the open chooser modal, add a new person and choose them."""
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Add a new person").click()
    modal.locator("#id_title").fill(name)
    modal.locator("#id_job_title").fill(job_title)
    modal.get_by_role("button", name="Add a new person").click()
    modal.wait_for(state="detached")


def tick(checkbox, attempts=3):
    """Tick ``checkbox``. A loaded machine may land the click while the stream field
    settles after the block before it changed, and Playwright then sees no change; a person
    would click again, and so does this."""
    for attempt in range(attempts):
        try:
            checkbox.set_checked(True)
            break
        except PlaywrightError:
            if attempt == attempts - 1:
                raise
    expect(checkbox).to_be_checked()


def add_block(page, label, position=None):
    buttons = page.locator("#panel-child-content-body-content button[title='Insert a block']")
    (buttons.last if position is None else buttons.nth(position)).click()
    page.get_by_role("option", name=label, exact=True).click()


def test_editor_writes_and_publishes_an_article(newsroom, live_server, page, artifacts, settings):
    # Wagtail 8's autosave saves and re-renders the form while a script types faster than a
    # person, so clicks land mid-swap; autosave is Wagtail's, what is tested here is ours.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/pages/add/wagtail_newsroom/articlepage/{newsroom.pk}/")
    page.fill("#id_title", "Regulators halt the Ant Group listing")
    page.fill("#id_dek", "Beijing reminds Jack Ma who is in charge.")

    # Body: a paragraph, a quote with a chosen speaker, a pull quote picked from it, share links.
    add_block(page, "Paragraph")
    page.locator("[data-contentpath='body'] .public-DraftEditor-content").first.click()
    page.keyboard.type("Ant Group was set to raise 37 billion dollars.")

    add_block(page, "Quote")
    body = page.locator("[data-contentpath='body']")
    body.locator("[data-contentpath='text'] .public-DraftEditor-content").last.click()
    page.keyboard.type("This is the CCP's way of consolidating its authority over the economy.")
    page.locator("[data-contentpath='speaker'] button", has_text="Choose").first.click()
    modal = page.locator(".modal-dialog")
    modal.wait_for()
    modal.get_by_role("link", name="Qin Peng").first.click()
    modal.wait_for(state="detached")
    role = page.locator("input[name$='-value-speaker_role']").last
    expect(role).to_have_value("China affairs commentator")
    role.fill("our China affairs commentator")

    add_block(page, "Pull quote")
    picker = page.get_by_label("Pick from a quote in this article").last
    picker.focus()
    picker.select_option(index=1)
    excerpt = page.locator("textarea[name$='-value-text']").last
    expect(excerpt).to_have_value(re.compile("consolidating its authority"))
    expect(page.locator("input[name$='-value-attribution']").last).to_have_value("Qin Peng")
    tick(page.locator("input[name$='-value-shareable']").last)

    add_block(page, "Share links")
    page.locator("input[name$='-value-heading']").last.fill("Share this story")

    # People tab: two bylines, the second a person created from the chooser.
    page.get_by_role("tab", name="People").click()
    choose_buttons = page.get_by_role("button", name="Choose a person")
    choose_buttons.first.click()
    choose_person(page, "Penny Zhou")
    page.get_by_role("button", name=re.compile("Add byline", re.I)).click()
    page.get_by_role("button", name="Choose a person").last.click()
    add_person(page, "Wang He", "Analyst")
    # Wang He's part in this story, which the byline shows after the authors'.
    page.locator("select[name^='article_bylines-'][name$='-role']").last.select_option(
        label="Additional reporting"
    )
    page.locator("input[name^='article_bylines-'][name$='-credit']").last.fill("in Beijing")
    page.screenshot(path=artifacts / "edit-form-people.png", full_page=True)
    page.get_by_role("tab", name="Content").click()
    # The admin scrolls inside its own pane: a tall viewport shows the whole body.
    page.set_viewport_size({"width": 1280, "height": 2600})
    page.screenshot(path=artifacts / "edit-form-content.png")
    page.set_viewport_size({"width": 1280, "height": 900})

    # Publish.
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    article = ArticlePage.objects.get(title="Regulators halt the Ant Group listing")
    assert article.live
    assert [person.title for person in article.authors] == ["Penny Zhou", "Wang He"]

    page.goto(live_server.url + article.url)
    byline = page.locator(".newsroom-byline")
    expect(byline).to_contain_text("Penny Zhou")
    expect(byline).to_have_text(
        re.compile(r"By\s+Penny Zhou\.\s+Additional reporting by\s+Wang He \(in Beijing\)\.")
    )
    quote = page.locator("figure.newsroom-quote")
    expect(quote).to_contain_text("consolidating its authority")
    expect(quote).to_contain_text("Qin Peng")
    expect(quote).to_contain_text("our China affairs commentator")
    pull_quote = page.locator("aside blockquote[aria-hidden='true']")
    expect(pull_quote).to_contain_text("consolidating its authority")
    expect(pull_quote).to_contain_text("Qin Peng")
    # The body's share block replaces the footer's share links rather than repeating them.
    expect(page.locator("[data-newsroom-share]")).to_have_count(1)
    page.screenshot(path=artifacts / "published-article.png", full_page=True)


def test_a_pull_quote_is_picked_from_an_imported_quoted_paragraph(
    newsroom, live_server, page, settings
):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    qin = PersonPage.objects.get(title="Qin Peng")
    words = "This is the CCP's way of consolidating its authority over the economy."
    value = {
        "text": f"<p>“{words}” Qin Peng said.</p>",
        "quotations": [
            {"text": words, "speaker": qin.pk, "speaker_name": "", "speaker_role": "",
             "attribution": "Qin Peng said"}
        ],
    }  # fmt: skip
    article = make_article(
        newsroom, "Regulators halt a listing", body=[("quoted_paragraph", value)]
    )
    log_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    add_block(page, "Pull quote")
    picker = page.get_by_label("Pick from a quote in this article").last
    picker.focus()
    expect(picker.locator("option").nth(1)).to_have_text(f"{words} — Qin Peng")
    picker.select_option(index=1)
    expect(page.locator("textarea[name$='-value-text']").last).to_have_value(words)
    expect(page.locator("input[name$='-value-attribution']").last).to_have_value("Qin Peng")


def test_a_new_article_saves_as_a_draft_before_it_has_a_byline(
    newsroom, live_server, page, artifacts
):
    """With Wagtail's autosave on, as editors have it: the form reports no error while the
    editor types, and "Save draft" keeps the story without a byline."""
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/pages/add/wagtail_newsroom/articlepage/{newsroom.pk}/")
    page.fill("#id_title", "Ferry timetable changes")
    page.fill("#id_dek", "The council listens to passengers.")
    page.wait_for_timeout(1500)  # time for an autosave to report, had it failed
    expect(page.get_by_text("Choose a person for this byline")).to_have_count(0)
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages .success")).to_be_visible()
    page.screenshot(path=artifacts / "draft-without-byline.png")
    draft = ArticlePage.objects.get(title="Ferry timetable changes")
    assert not draft.live and not draft.get_latest_revision_as_object().bylines


def test_a_quote_s_speaker_can_be_added_from_its_chooser(newsroom, live_server, page, artifacts):
    """Someone quoted for the first time gets a profile from the quote block itself, as a
    byline's new author does: the same chooser, with its "Add a new person" tab."""
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/pages/add/wagtail_newsroom/articlepage/{newsroom.pk}/")
    page.fill("#id_title", "Harbour dredging starts")
    add_block(page, "Quote")
    body = page.locator("[data-contentpath='body']")
    body.locator("[data-contentpath='text'] .public-DraftEditor-content").last.click()
    page.keyboard.type("The channel will be deep enough for the new ferries by spring.")
    page.locator("[data-contentpath='speaker'] button", has_text="Choose").first.click()
    add_person(page, "Mara Quist", "Harbour master")
    expect(page.locator("[data-contentpath='speaker']").last).to_contain_text("Mara Quist")
    # Her job, from the new profile, describes her in this story.
    role = page.locator("input[name$='-value-speaker_role']").last
    expect(role).to_have_value("Harbour master")
    page.screenshot(path=artifacts / "quote-speaker-added.png")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages .success")).to_be_visible()
    mara = PersonPage.objects.get(title="Mara Quist")
    assert mara.get_parent().pk == PersonIndexPage.objects.get().pk
    assert mara.job_title == "Harbour master"
    draft = ArticlePage.objects.get(title="Harbour dredging starts").get_latest_revision_as_object()
    [block] = draft.body
    assert (block.block_type, block.value["speaker"]) == ("quote", mara)


def boxes_overlap(a, b):
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def test_people_are_listed_filtered_and_merged(newsroom, live_server, page, artifacts):
    """The people admin: Wagtail's page listing with counts, a filter, search and "Add
    person"; a duplicate is merged after being found with the person chooser."""
    qin = PersonPage.objects.get(title="Qin Peng")
    duplicate = make_person(qin.get_parent(), "Q. Peng", "Analyst")
    make_article(newsroom, "Ferries", body=[quote("Boss.", duplicate)])
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/newsroom/people/")
    page.get_by_role("button", name="Show filters").click()
    search = page.locator("#id_q")
    expect(search).to_be_visible()
    filters = page.locator("#filters-drilldown")
    expect(filters.get_by_role("button", name="Appears as")).to_be_visible()
    page.wait_for_timeout(500)  # the drawer fades in; the screenshot is of where it settles
    page.screenshot(path=artifacts / "people-listing.png")
    assert not boxes_overlap(search.bounding_box(), filters.bounding_box())
    expect(page.get_by_role("link", name="Add person")).to_be_visible()

    page.fill("#id_q", "peng")
    page.keyboard.press("Enter")
    rows = page.locator("table.listing tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="Qin Peng")).to_contain_text("China affairs commentator")

    row = rows.filter(has_text="Qin Peng")
    row.get_by_role("button", name="More options for 'Qin Peng'").click()
    row.get_by_role("link", name="Merge a duplicate into this profile").click()
    page.get_by_role("button", name="Choose").first.click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name="Q. Peng", exact=True).click()
    modal.wait_for(state="detached")
    page.screenshot(path=artifacts / "people-merge.png")
    page.get_by_role("button", name="Merge and delete the duplicate").click()
    expect(page.locator(".messages .success")).to_contain_text("was merged into “Qin Peng”")
    assert not PersonPage.objects.filter(pk=duplicate.pk).exists()
    [block] = ArticlePage.objects.get(title="Ferries").body
    assert block.value["speaker"] == qin
