import re

import pytest

from wagtail_newsroom.models import PersonPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_from_the_header_and_follow_a_result(demo, live_server, page, artifacts):
    home = demo.get_parent().get_parent()
    page.goto(live_server.url + home.url)
    page.screenshot(path=artifacts / "demo-home.png", full_page=True)
    page.get_by_role("link", name="People").click()
    page.wait_for_url(f"**{PersonPage.objects.first().get_parent().url}")

    box = page.get_by_role("searchbox", name="Search the site")
    box.fill("Alipay")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?query=Alipay$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Search results for “Alipay”"
    assert page.get_by_role("searchbox", name="Search the site").input_value() == "Alipay"
    result = page.locator(".search-result").filter(has_text=demo.title)
    assert result.locator("time").get_attribute("datetime") == demo.published_at.isoformat()
    page.screenshot(path=artifacts / "demo-search.png", full_page=True)

    result.get_by_role("link", name=demo.title).click()
    page.wait_for_url(f"**{demo.url}")
    assert page.get_by_role("heading", level=1).inner_text() == demo.title
