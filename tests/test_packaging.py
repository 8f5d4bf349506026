"""The wheel a site installs: every file of the app (templates, static files, lexicons, the
pronoun weights, migrations, catalogues), the compiled catalogues and the licence."""

import gettext
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent


SEED = REPO / "seeds" / "000_c8de4f398f421595.txt"

# A new site's steps, as the README gives them, after `wagtail start`.
SETTINGS = '\nINSTALLED_APPS += ["wagtail_newsroom", "wagtail.contrib.settings"]\n'
HOME_PAGE = (
    "class HomePage(Page):\n"
    '    subpage_types = ["wagtail_newsroom.NewsIndexPage", "wagtail_newsroom.PersonIndexPage"]\n'
)
URLS = 'path("", include("wagtail_newsroom.urls")),\n    path("", include(wagtail_urls)),'
MAKE_INDEXES = """
from home.models import HomePage
from wagtail_newsroom.models import NewsIndexPage, PersonIndexPage
home = HomePage.objects.get()
assert NewsIndexPage.can_create_at(home) and PersonIndexPage.can_create_at(home)
home.add_child(instance=NewsIndexPage(title="News", slug="news"))
home.add_child(instance=PersonIndexPage(title="People", slug="people"))
"""
READ_PAGES = """
import json
from django.test import Client
from django.utils import translation
import wagtail_newsroom
from wagtail_newsroom.models import ArticlePage, PersonPage
article = ArticlePage.objects.live().get()
client = Client()
print(json.dumps({
    "app": wagtail_newsroom.__file__,
    "article": [client.get(article.url).status_code, article.title],
    "html": client.get(article.url).content.decode(),
    "french": translation.override("fr")(client.get)(article.url).content.decode(),
    "profiles": sorted(PersonPage.objects.values_list("title", flat=True)),
    "feed": client.get("/news/feed/rss/").status_code,
    "sitemap": client.get("/sitemap-news.xml").status_code,
}))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-q", "-w", str(folder)],
        check=True,
        capture_output=True,
    )
    (built,) = folder.glob("wagtail_newsroom-*.whl")
    return built


def test_the_wheel_holds_the_whole_app_and_its_licence(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    tracked = subprocess.run(
        ["git", "ls-files", "wagtail_newsroom"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert tracked and sorted(set(tracked) - names) == []
    (licence,) = [name for name in names if name.endswith("dist-info/licenses/LICENSE")]
    assert "BSD 3-Clause" in zipfile.ZipFile(wheel).read(licence).decode()
    assert not [name for name in names if name.startswith(("tests/", "example_site/"))]


def test_the_wheel_holds_each_catalogue_compiled(wheel):
    """Only the .po sources are in git; the build compiles them, every message included."""
    catalogues = sorted((REPO / "wagtail_newsroom" / "locale").glob("*/LC_MESSAGES/django.po"))
    assert {po.parts[-3] for po in catalogues} >= {"en", "fr"}
    with zipfile.ZipFile(wheel) as archive:
        for po in catalogues:
            name = po.with_suffix(".mo").relative_to(REPO).as_posix()
            compiled = gettext.GNUTranslations(io.BytesIO(archive.read(name)))
            for entry in polib.pofile(str(po)).translated_entries():
                if entry.msgid_plural:
                    for n, text in entry.msgstr_plural.items():
                        count = 1 if n == 0 else 2
                        assert compiled.ngettext(entry.msgid, entry.msgid_plural, count) == text
                else:
                    assert compiled.gettext(entry.msgid) == entry.msgstr, (name, entry.msgid)


def test_the_wheel_works_in_a_new_wagtail_site_set_up_as_the_readme_says(wheel, tmp_path):
    installed, site = tmp_path / "installed", tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", installed, wheel],
        check=True,
        capture_output=True,
    )
    site.mkdir()
    wagtail = Path(sys.executable).with_name("wagtail")
    subprocess.run([wagtail, "start", "mysite", site], check=True, capture_output=True)
    with open(site / "mysite" / "settings" / "base.py", "a") as settings:
        settings.write(SETTINGS)
    models = site / "home" / "models.py"
    models.write_text(models.read_text().replace("class HomePage(Page):\n    pass\n", HOME_PAGE))
    urls = site / "mysite" / "urls.py"
    urls.write_text(urls.read_text().replace('path("", include(wagtail_urls)),', URLS, 1))
    # The wheel's copy of the app, not this checkout's.
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = str(installed)

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *map(str, args)],
            cwd=site,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    manage("migrate", "--noinput")
    manage("check", "--fail-level", "WARNING")
    manage("shell", "-c", MAKE_INDEXES)
    manage("import_articles", SEED, "--publish", "--no-progress")
    found = json.loads(manage("shell", "-c", READ_PAGES).splitlines()[-1])
    assert found["app"].startswith(str(installed))
    assert found["article"] == [200, "China Reminds Ant Group Who’s Boss"]
    assert "Qin Peng" in found["profiles"] and "Qin Peng" in found["html"]
    assert (found["feed"], found["sitemap"]) == (200, 200)
    # The wheel's French catalogue, compiled by its build.
    assert "Partager sur Facebook" in found["french"] and "Share on" not in found["french"]
    bylines = [
        BeautifulSoup(found[key], "html.parser").select_one(".newsroom-byline").get_text(" ")
        for key in ("html", "french")
    ]
    assert [byline.split()[0] for byline in bylines] == ["By", "Par"]


def test_the_french_catalogue_is_complete():
    """Every message in French: ``make messages`` leaves a new or changed string untranslated
    (or fuzzy) until a translator has seen it."""
    catalogue = polib.pofile(str(REPO / "wagtail_newsroom/locale/fr/LC_MESSAGES/django.po"))
    source = polib.pofile(str(REPO / "wagtail_newsroom/locale/en/LC_MESSAGES/django.po"))
    assert {entry.msgid for entry in catalogue} == {entry.msgid for entry in source}
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
