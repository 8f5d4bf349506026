#!/usr/bin/env python
"""An archive imported by task workers (``import_articles --background``) against the same
archive imported by one command, on the same machine in the same run.

    .venv/bin/python benchmarks/worker_bench.py [--articles 300] [--workers 2] [--rounds 2]

Each import starts from a fresh database: PostgreSQL when DATABASE_URL names one (the
benchmark creates and drops databases beside it, so its role needs CREATEDB), else SQLite
files. Rounds interleave the two ways; the figures are each way's median articles/s, the
ratio of the medians, and the articles each worker imported. Every import must end with each
article made once, or the benchmark stops.
"""

import argparse
import atexit
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "example_site")]

SETUP = "import django; django.setup(); from home.demo import create_page_tree; create_page_tree()"
COUNT = (
    "import django; django.setup(); from wagtail_newsroom.models import ArticlePage; "
    "print(ArticlePage.objects.values('source_path').distinct().count(), "
    "ArticlePage.objects.count())"
)


def databases(workdir):
    """A function that gives the URL of a new, empty database each time it is called."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        numbers = iter(range(1_000_000))
        return lambda: f"sqlite:///{workdir}/bench-{next(numbers)}.sqlite3"
    import psycopg

    parts = urlsplit(url)
    admin = psycopg.connect(url, autocommit=True)
    numbers = iter(range(1_000_000))
    made = []

    def new():
        name = f"newsroom_worker_bench_{next(numbers)}"
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
        made.append(name)
        return urlunsplit(parts._replace(path=f"/{name}"))

    def drop_all():
        for name in made:
            admin.execute(f"DROP DATABASE IF EXISTS {name}")

    atexit.register(drop_all)
    return new


def environment(database_url):
    # The test settings, which have Django's database task backend among their apps.
    return dict(os.environ) | {
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "example_site")]),
    }


def run(command, env):
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def fresh(new_database):
    env = environment(new_database())
    run([sys.executable, "-m", "django", "migrate", "--noinput", "-v0"], env)
    run([sys.executable, "-c", SETUP], env)
    return env


def check(env, count):
    made, pages = map(int, run([sys.executable, "-c", COUNT], env).split())
    if made != count or pages != count:
        sys.exit(f"expected {count} articles once each, found {pages} pages for {made} files")


def by_command(env, archive, count):
    start = time.perf_counter()
    django = [sys.executable, "-m", "django"]
    run([*django, "import_articles", str(archive), "--publish", "--no-progress"], env)
    seconds = time.perf_counter() - start
    check(env, count)
    return count / seconds


def by_workers(env, archive, count, workers):
    # Tasks go to the database, for the workers; the command alone runs them at once.
    env = env | {"NEWSROOM_TEST_TASKS": "database"}
    django = [sys.executable, "-m", "django"]
    start = time.perf_counter()
    run([*django, "import_articles", str(archive), "--background", "--publish"], env)
    processes = [
        subprocess.Popen(
            [*django, "db_worker", "--batch", "--no-startup-delay", "--interval", "0.1"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(workers)
    ]
    logs = [process.communicate()[0] for process in processes]
    seconds = time.perf_counter() - start
    check(env, count)
    shares = [len(re.findall(r"tasks\.import_article state=SUCC", log)) for log in logs]
    return count / seconds, shares


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="newsroom-worker-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "example_site.settings"
    import django

    django.setup()
    from import_bench import generate

    archive = workdir / "articles"
    archive.mkdir()
    count = len(generate(archive, args.articles))
    new_database = databases(workdir)
    engine = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    print(f"{count} articles from seeds/ in {archive}, on {engine}, {os.cpu_count()} CPUs")

    rates = {"command": [], "workers": []}
    for round_number in range(1, args.rounds + 1):
        rates["command"].append(by_command(fresh(new_database), archive, count))
        rate, shares = by_workers(fresh(new_database), archive, count, args.workers)
        rates["workers"].append(rate)
        print(
            f"round {round_number}: command {rates['command'][-1]:.1f} articles/s, "
            f"{args.workers} workers {rate:.1f} articles/s (articles per worker: {shares})"
        )
    command, workers = (statistics.median(rates[way]) for way in ("command", "workers"))
    print(f"median: one command {command:.1f} articles/s")
    print(
        f"median: --background, {args.workers} db_workers {workers:.1f} articles/s "
        f"= {workers / command:.2f}x the command"
    )


if __name__ == "__main__":
    main()
