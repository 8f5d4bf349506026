import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_copy_link_on_the_demo_article(demo, live_server, page, artifacts):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(live_server.url + demo.url)

    assert page.get_by_role("heading", level=1).inner_text() == demo.title
    assert page.locator(".newsroom-byline a").inner_text() == "Penny Zhou"
    # Reported speech reads as the source set it, in the run of the story, with the
    # speakers' names linked to their profiles.
    assert page.locator("figure.newsroom-quote, blockquote").count() == 0
    speakers = page.locator(".newsroom-article__body a.newsroom-speaker")
    assert speakers.all_inner_texts() == ["Ma", "Qin Peng", "Peng"]
    paragraph = page.locator("p", has=page.locator("a.newsroom-speaker", has_text="Qin Peng"))
    assert paragraph.inner_text().endswith("analyst Qin Peng said.")

    copy = page.get_by_role("button", name="Copy link")
    assert copy.is_visible()
    copy.click()
    status = page.locator("[data-newsroom-copy-status]")
    status.wait_for(state="visible")
    assert status.inner_text() == "Link copied"
    assert page.evaluate("navigator.clipboard.readText()") == f"{live_server.url}{demo.url}"

    page.screenshot(path=artifacts / "demo-article.png", full_page=True)

    # His profile lists both of his quotes.
    page.locator("a.newsroom-speaker", has_text="Qin Peng").click()
    page.wait_for_url("**/qin-peng/")
    assert page.locator(".newsroom-profile__quotations blockquote").count() == 2
    page.screenshot(path=artifacts / "demo-commentator.png", full_page=True)
