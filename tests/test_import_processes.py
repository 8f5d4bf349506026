"""Importers as real processes on a real database: several at once on one archive, and one
killed at random points and run again.

On PostgreSQL they share the test database (committed data, so a transactional test); on
SQLite, whose test database lives in memory, they share a migrated database file.
"""

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

from wagtail_newsroom.models import ArticlePage, PersonPage

REPO = Path(__file__).resolve().parent.parent
PEOPLE = ["Łukasz Wróbel", "ÉLODIE Marchand", "Siobhán Ní Bhriain", "Zoë Ågren", "Ivan Petrov"]
SECTIONS = ["Économie", "City Hall", "Sport"]
ARTICLES = 40

pytestmark = pytest.mark.django_db(transaction=True)


def write_archive(folder, count=ARTICLES):
    """Articles that share bylines, speakers and sections, so that importers race for them."""
    folder.mkdir()
    for n in range(count):
        reporter, speaker = PEOPLE[n % len(PEOPLE)], PEOPLE[(n + 2) % len(PEOPLE)]
        (folder / f"story-{n:03}.txt").write_text(
            f"Ferry route {n} gets a new timetable\n\n"
            f"By {reporter}\n\nMarch {n % 27 + 1}, 2024\n\nSection: {SECTIONS[n % 3]}\n\n"
            f"The council agreed on Tuesday to change the timetable of ferry route {n}, "
            "after a year of complaints from the people who use it every day.\n\n"
            f"“We listened to the passengers,” said {speaker}, who chairs the committee.\n\n"
            "The new timetable starts in the spring and runs every half hour at peak times.\n",
            encoding="utf-8",
        )


def database_url(tmp_path):
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        return (
            f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST']}:"
            f"{settings['PORT']}/{settings['NAME']}"
        )
    return f"sqlite:///{tmp_path / 'db.sqlite3'}"


def manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        **kwargs,
    )


def environment(tmp_path):
    env = dict(os.environ)
    env |= {
        "DATABASE_URL": database_url(tmp_path),
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "example_site")]),
    }
    setup = "from home.demo import create_page_tree; create_page_tree()"
    if connection.vendor == "sqlite":
        assert manage(env, "migrate", "--noinput").returncode == 0
        setup = "import django; django.setup(); " + setup
        subprocess.run([sys.executable, "-c", setup], env=env, cwd=REPO, check=True)
    else:
        from home.demo import create_page_tree

        create_page_tree()
    return env


def counts_in(tmp_path):
    """(articles per source key, people per name key) in the shared database."""
    if connection.vendor == "postgresql":
        articles = ArticlePage.objects.values_list("source_path", flat=True)
        people = PersonPage.objects.values_list("name_key", flat=True)
        return Counter(articles), Counter(people)
    with sqlite3.connect(tmp_path / "db.sqlite3") as database:
        articles = database.execute("SELECT source_path FROM wagtail_newsroom_articlepage")
        people = database.execute("SELECT name_key FROM wagtail_newsroom_personpage")
        return Counter(row[0] for row in articles), Counter(row[0] for row in people)


@pytest.mark.parametrize("importers", [2, 4])
def test_importers_at_once_make_each_article_and_person_once(tmp_path, importers):
    archive = tmp_path / "archive"
    write_archive(archive)
    env = environment(tmp_path)
    command = [sys.executable, "-m", "django", "import_articles", str(archive), "--no-progress"]
    processes = [
        subprocess.Popen(command + ["--publish"], env=env, cwd=REPO, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(importers)
    ]  # fmt: skip
    results = [(p.wait(timeout=600), *p.communicate()) for p in processes]
    reported = Counter()
    for returncode, out, err in results:
        assert returncode == 0, err
        lines = re.findall(r"^(\S+story-\d+\.txt): (created|updated|unchanged)$", out, re.M)
        assert len(lines) == ARTICLES and len({path for path, _ in lines}) == ARTICLES
        reported.update(status for _, status in lines)
    # Each article made once, by one of the importers; the others found it made.
    assert reported["created"] == ARTICLES
    assert reported["unchanged"] + reported["updated"] == ARTICLES * (importers - 1)
    articles, people = counts_in(tmp_path)
    assert len(articles) == ARTICLES and set(articles.values()) == {1}
    assert sorted(people) == sorted({" ".join(p.casefold().split()) for p in PEOPLE})
    assert set(people.values()) == {1}


# Run in the importers' database, by a process of its own, so that it reads both databases
# the same way: what a killed import may have left behind.
CHECK = """
import json, django
django.setup()
from wagtail.models import Page, Revision
from wagtail_newsroom.models import (
    ArticleByline, ArticlePage, ArticleQuotation, ImportRun, PersonPage,
)
pages = set(Page.objects.values_list("pk", flat=True))
articles, wrong = {}, []
for article in ArticlePage.objects.select_related("live_revision"):
    articles[article.source_path] = articles.get(article.source_path, 0) + 1
    body = json.dumps(list(article.body.raw_data), ensure_ascii=False)
    revision = article.live_revision
    stored = revision and revision.content.get("body")
    stored = json.loads(stored) if isinstance(stored, str) else stored
    route = article.title.split()[2]
    if not (article.live and revision and stored == list(article.body.raw_data)
            and f"ferry route {route}," in body):
        wrong.append(article.source_path)
print(json.dumps({
    "articles": articles,
    "wrong": wrong,
    "people": PersonPage.objects.count(),
    "runs": list(ImportRun.objects.values_list("status", "progress", "total")),
    "orphans": [
        Revision.objects.exclude(object_id__in=[str(pk) for pk in pages]).count(),
        ArticleByline.objects.exclude(page_id__in=pages).count(),
        ArticleQuotation.objects.exclude(page_id__in=pages).count(),
    ],
}))
"""
KILLED_ARTICLES = 500


def test_an_import_killed_five_times_then_run_again_leaves_each_article_once(tmp_path):
    archive = tmp_path / "archive"
    write_archive(archive, KILLED_ARTICLES)
    env = environment(tmp_path)
    command = [sys.executable, "-m", "django", "import_articles", str(archive), "--no-progress"]
    kills = random.Random(11)
    for _ in range(5):
        process = subprocess.Popen(
            command + ["--publish"], env=env, cwd=REPO, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(kills.uniform(1.0, 6.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
    finished = manage(env, "import_articles", str(archive), "--no-progress", "--publish")
    assert finished.returncode == 0, finished.stderr
    assert re.search(r"failed 0\.", finished.stdout)

    found = subprocess.run(
        [sys.executable, "-c", CHECK], env=env, cwd=REPO, capture_output=True, text=True
    )
    state = json.loads(found.stdout or "null") or pytest.fail(found.stderr)
    assert len(state["articles"]) == KILLED_ARTICLES and set(state["articles"].values()) == {1}
    assert state["wrong"] == []
    assert state["people"] == len(PEOPLE)
    assert state["orphans"] == [0, 0, 0]  # revisions, bylines, quotations of no page
    tree = manage(env, "fixtree", stdin=subprocess.DEVNULL)
    assert tree.returncode == 0 and "No problems found" in tree.stdout, tree.stdout + tree.stderr


WORKERS = 2


def test_task_workers_share_a_background_import(tmp_path):
    archive = tmp_path / "archive"
    write_archive(archive)
    # The command and the workers use Django's database task backend, which any number of
    # workers, on any number of machines, read their tasks from.
    env = environment(tmp_path) | {"NEWSROOM_TEST_TASKS": "database"}
    queued = manage(env, "import_articles", str(archive), "--background", "--publish")
    assert queued.returncode == 0, queued.stderr
    assert f"Queued {ARTICLES} files as import run" in queued.stdout
    worker = [sys.executable, "-m", "django", "db_worker", "--batch", "--no-startup-delay"]
    workers = [
        subprocess.Popen(worker + ["--interval", "0.1"], env=env, cwd=REPO,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for _ in range(WORKERS)
    ]  # fmt: skip
    logs = [process.communicate(timeout=300)[0] for process in workers]
    assert [process.returncode for process in workers] == [0] * WORKERS, logs
    ran = [len(re.findall(r"tasks\.import_article state=SUCC", log)) for log in logs]
    # Every task ran once, by one worker or the other; the share depends on the machine.
    assert sum(ran) == ARTICLES, logs
    print("articles imported by each worker:", ran)

    found = subprocess.run(
        [sys.executable, "-c", CHECK], env=env, cwd=REPO, capture_output=True, text=True
    )
    state = json.loads(found.stdout or "null") or pytest.fail(found.stderr)
    assert state["runs"] == [["done", ARTICLES, ARTICLES]]
    assert len(state["articles"]) == ARTICLES and set(state["articles"].values()) == {1}
    assert state["wrong"] == []
    assert state["people"] == len(PEOPLE)
    assert state["orphans"] == [0, 0, 0]
