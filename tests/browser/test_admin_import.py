"""An archive user imports articles in the admin; a user without permission cannot."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.admin.utils import make_user
from tests.browser.conftest import log_in
from wagtail_newsroom.models import ArticlePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_c8de4f398f421595.txt"


@pytest.fixture
def tree(live_site):
    _home, news, people = live_site
    return news, people


def test_archive_user_previews_and_imports(tree, live_server, page, artifacts, tmp_path):
    news, people = tree
    make_user("archivist", pages=[news, people], permissions=("add", "change", "publish"))
    good = tmp_path / "000_c8de4f398f421595.txt"
    good.write_bytes(SEED.read_bytes())
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 8)

    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "archivist")
    page.get_by_role("link", name="Import articles").first.click()
    page.set_input_files("input[type=file]", [str(good), str(junk)])
    page.get_by_role("button", name="Upload and preview").click()
    page.wait_for_url(re.compile(r"/admin/newsroom/import/\d+/$"))

    status = page.locator("[data-import-status]")
    expect(status).to_have_attribute("data-import-status", "previewed", timeout=20_000)
    error = page.locator(".newsroom-preview__error")
    expect(error).to_contain_text("junk.txt")
    expect(error).to_contain_text("binary")
    preview = page.locator(".newsroom-preview")
    expect(preview).to_have_count(1)
    expect(preview).to_contain_text("China Reminds Ant Group Who’s Boss")
    expect(preview).to_contain_text("Penny Zhou")
    expect(preview.locator(".newsroom-preview__quotes li").first).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 2400})
    page.screenshot(path=artifacts / "import-preview.png")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_label("Published pages").check()
    page.get_by_role("button", name="Import 1 article").click()
    expect(page.locator("[data-import-status]")).to_have_attribute(
        "data-import-status", "done", timeout=30_000
    )
    expect(page.locator(".newsroom-report")).to_contain_text("created")
    page.screenshot(path=artifacts / "import-report.png", full_page=True)
    article = ArticlePage.objects.get()
    assert article.live and article.title == "China Reminds Ant Group Who’s Boss"


def test_no_menu_item_and_403_without_permission(tree, live_server, page):
    news, people = tree
    make_user("reader", pages=[people], permissions=("change",))
    log_in(page, live_server, "reader")
    expect(page.get_by_role("link", name="Import articles")).to_have_count(0)
    response = page.goto(live_server.url + "/admin/newsroom/import/")
    assert response.status == 403
    expect(page.get_by_text("you do not have permission")).to_be_visible()
