"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

import os
import shutil
import subprocess

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = "/usr/bin/chromium"


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
def artifacts(tmp_path):
    """Where a test writes its screenshots; printed so a person can look at them."""
    path = tmp_path / "screenshots"
    path.mkdir()
    yield path
    for shot in sorted(path.iterdir()):
        print(f"screenshot: {shot}")
