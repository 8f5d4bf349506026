"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

import os
import re
import shutil
import subprocess

import pytest
from django.core.management import call_command
from wagtail.models import Site

from home.demo import create_page_tree

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = pytest.StashKey[list]()


def ensure_chromium():
    """Install Debian's Chromium when we can; say why not when we cannot."""
    if os.path.exists(CHROMIUM):
        return None
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False)
        if os.path.exists(CHROMIUM):
            return None
    return f"{CHROMIUM} is missing and could not be installed (apt-get install chromium)"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    problem = ensure_chromium()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(problem)
        pytest.skip(problem)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-gpu",
        ],
    }


@pytest.fixture
def artifacts(tmp_path, request):
    """Where a test writes its screenshots; the run's summary lists them to be looked at."""
    path = tmp_path / "screenshots"
    path.mkdir()
    yield path
    request.config.stash.setdefault(SCREENSHOTS, []).extend(sorted(path.iterdir()))


@pytest.fixture
def live_site(live_server, transactional_db):
    """The example site's tree, served by the live server: (home, news index, people index).

    Live-server tests flush the database afterwards, so the tree is built anew for each.
    """
    Site.clear_site_root_paths_cache()
    tree = create_page_tree()
    Site.objects.update(hostname="localhost", port=live_server.thread.port)
    Site.clear_site_root_paths_cache()
    return tree


@pytest.fixture
def demo(live_site, live_server):
    """The demo site with the seed articles imported; returns the seed article."""
    from wagtail_newsroom.models import ArticlePage

    call_command("setup_demo", "--password", "browser-test", "--url", live_server.url)
    Site.clear_site_root_paths_cache()
    return ArticlePage.objects.get(title="China Reminds Ant Group Who’s Boss")


def log_in(page, live_server, username, password="password"):
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.wait_for_url(re.compile(r"/admin/$"))


def pytest_terminal_summary(terminalreporter, config):
    shots = config.stash.get(SCREENSHOTS, [])
    if shots:
        terminalreporter.section("screenshots")
        for shot in shots:
            terminalreporter.write_line(str(shot))
