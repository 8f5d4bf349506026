import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_copy_link_on_the_demo_article(demo, live_server, page, artifacts):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(live_server.url + demo.url)

    assert page.get_by_role("heading", level=1).inner_text() == demo.title
    assert page.locator(".newsroom-byline a").inner_text() == "Penny Zhou"
    assert page.locator("figure.newsroom-quote").count() == 3

    copy = page.get_by_role("button", name="Copy link")
    assert copy.is_visible()
    copy.click()
    status = page.locator("[data-newsroom-copy-status]")
    status.wait_for(state="visible")
    assert status.inner_text() == "Link copied"
    assert page.evaluate("navigator.clipboard.readText()") == f"{live_server.url}{demo.url}"

    page.screenshot(path=artifacts / "demo-article.png", full_page=True)
