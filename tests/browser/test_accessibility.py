"""Accessibility of the demo's reader pages: axe-core in Chromium, plus what axe cannot see.

axe-core is the npm package in package.json (``make test`` installs it into node_modules/).
The ``demo`` fixture (conftest.py) imports the seed articles into the live site.
"""

import json
import os
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


@pytest.fixture(scope="module")
def axe_script():
    if not AXE.exists():
        problem = f"{AXE} is missing: run `npm install` (make test does)"
        if os.environ.get("CI"):
            pytest.fail(problem)
        pytest.skip(problem)
    return str(AXE)


def run_axe(page, axe_script):
    page.add_script_tag(path=axe_script)
    results = page.evaluate(
        """() => axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                             "wcag22aa", "best-practice"]},
        })"""
    )
    assert len(results["passes"]) > 20, "axe ran its rules"
    return results["violations"]


def assert_no_blocking_violations(page, axe_script, name, artifacts):
    violations = run_axe(page, axe_script)
    page.screenshot(path=artifacts / f"{name}.png", full_page=True)
    for violation in violations:
        print(
            f"[{name}] {violation['impact']}: {violation['id']} - {violation['help']}\n"
            + "\n".join(
                f"    {node['target']}: {node['failureSummary']}" for node in violation["nodes"]
            )
        )
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, json.dumps(
        [{"id": v["id"], "targets": [n["target"] for n in v["nodes"]]} for v in blocking], indent=1
    )


def test_reader_pages_pass_axe(demo, live_server, page, axe_script, artifacts):
    speakers = [
        quotation["speaker"]
        for block in demo.body
        if block.block_type == "quoted_paragraph"
        for quotation in block.value["quotations"]
    ]
    pages = {
        "home": demo.get_parent().get_parent().url,
        "search": reverse("search") + "?query=Ant+Group",
        "article": demo.url,
        "index": demo.get_parent().url,
        "profile": demo.authors[0].url,
        # A commentator's profile lists the quotes.
        "commentator": next(s for s in speakers if s is not None).url,
    }
    for name, url in pages.items():
        page.goto(live_server.url + url)
        assert_no_blocking_violations(page, axe_script, name, artifacts)


def test_landmarks_skip_link_and_alt_text(demo, live_server, page):
    page.goto(live_server.url + demo.url)
    assert page.locator("main").count() == 1
    assert page.locator("header.site-header, [role=banner]").count() >= 1
    assert page.locator("footer.site-footer, [role=contentinfo]").count() >= 1
    # The skip link is the first thing a keyboard reaches, and it lands on main.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    assert skip.get_attribute("href") == "#main"
    # Every image says what it shows, or is marked decorative (alt="").
    assert page.evaluate("[...document.images].every(img => img.hasAttribute('alt'))")


def test_pull_quote_is_not_read_twice(demo, live_server, page):
    page.goto(live_server.url + demo.url)
    pulls = page.locator(".newsroom-pull-quote blockquote")
    for index in range(pulls.count()):
        assert pulls.nth(index).get_attribute("aria-hidden") == "true"
    # Nothing focusable hides inside the aria-hidden part.
    assert (
        page.locator(
            ".newsroom-pull-quote [aria-hidden=true] a, "
            ".newsroom-pull-quote [aria-hidden=true] button"
        ).count()
        == 0
    )
    # The accessibility tree has each quoted sentence once at most.
    snapshot = page.locator("main").aria_snapshot()
    for index in range(pulls.count()):
        words = pulls.nth(index).locator("p").inner_text().strip()
        assert snapshot.count(words) <= 1, words


def test_share_controls_show_focus(demo, live_server, page, artifacts):
    page.goto(live_server.url + demo.url)
    controls = page.locator(".newsroom-share__link, .newsroom-share__button:visible")
    assert controls.count() >= 3
    for index in range(controls.count()):
        control = controls.nth(index)
        # Keyboard focus (focus-visible): reach it with Tab from the control before it.
        control.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        style = control.evaluate(
            "el => { const s = getComputedStyle(el);"
            " return {style: s.outlineStyle, width: parseFloat(s.outlineWidth),"
            " focused: el === document.activeElement}; }"
        )
        assert style["focused"], index
        assert style["style"] != "none" and style["width"] >= 2, style
        # Every control has an accessible name.
        assert control.inner_text().strip()
    page.screenshot(path=artifacts / "share-focus.png")


def test_reduced_motion_is_respected(demo, live_server, browser, artifacts):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(live_server.url + demo.url)
    moving = page.evaluate(
        """() => [...document.querySelectorAll('*')].filter(el => {
            const s = getComputedStyle(el);
            const seconds = v => Math.max(...v.split(',').map(t => parseFloat(t) || 0));
            return (s.animationName !== 'none' && seconds(s.animationDuration) > 0.01)
                || seconds(s.transitionDuration) > 0.01
                || s.scrollBehavior === 'smooth';
        }).map(el => el.tagName + '.' + el.className)"""
    )
    assert moving == []
    context.close()
