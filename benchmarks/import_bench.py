#!/usr/bin/env python
"""Importer throughput: parse-only and full import into SQLite, with peak memory.

    .venv/bin/python benchmarks/import_bench.py [--articles 2000] [--jobs 1] [--profile]

Generates N distinct articles from the samples in seeds/ (each with its own headline and
paragraph order) into a temporary folder, then measures in one run:
  parse   articles/s through the pure pipeline, single process (the baseline);
  floor   pages/s Wagtail itself manages for the same kind of page (add, revision, publish);
  import  articles/s through the command's pipeline into a fresh SQLite database,
          published, with a revision each, with profiles, sections, tags and quotes;
and prints the ratios of import to parse and to the floor, and the process's resident
memory after each quarter of the import, which stays flat when the importer streams.
With --profile, the import runs under cProfile and the time spent in each stage is printed.
"""

import argparse
import cProfile
import os
import pstats
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "example_site")]


def rss_mb():
    # Linux reports ru_maxrss in kilobytes; read the current RSS from /proc for growth.
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def generate(folder, count):
    from wagtail_newsroom.importer import parse_path
    from wagtail_newsroom.importer.read import read_text

    samples = []
    for path in sorted((ROOT / "seeds").iterdir()):
        try:
            parsed = parse_path(path)
        except Exception:  # noqa: BLE001 - a sample the parser rejects is not a template
            continue
        samples.append((path, parsed.headline, read_text(path.read_bytes(), str(path))))
    rng = random.Random(42)
    for n in range(count):
        path, headline, text = samples[n % len(samples)]
        if headline not in text:
            continue  # a headline taken from HTML metadata: the copy would not differ
        lines = text.split("\n")
        body = [i for i, line in enumerate(lines) if len(line) > 120]
        order = body[:]
        rng.shuffle(order)
        shuffled = lines[:]
        for i, j in zip(body, order, strict=True):
            shuffled[i] = lines[j]
        article = "\n".join(shuffled).replace(headline, f"{headline} (no. {n})", 1)
        (folder / f"{n:05d}{path.suffix}").write_text(article, encoding="utf-8")
    return sorted(folder.iterdir())


# (label, file suffix, function): where an import's time goes, by cProfile's cumulative time.
# They overlap (publishing a page indexes it), so they do not add up to the total.
STAGES = [
    ("parse (pure pipeline)", "importer/run.py", "_parse"),
    ("search index, on each save", "modelsearch/index.py", "insert_or_update_object"),
    ("search index, on each save", "wagtail/search/index.py", "insert_or_update_object"),
    ("search index, a batch", "wagtail_newsroom/search_index.py", "flush"),
    ("search index: table refreshes", "sqlite.py", "_refresh_title_norms"),
    ("search index: table refreshes", "postgres.py", "_refresh_title_norms"),
    ("reference index", "wagtail/models/reference_index.py", "create_or_update_for_object"),
    ("add to the tree", "treebeard/mp_tree.py", "add_child"),
    ("save revision", "wagtail/models/pages.py", "save_revision"),
    ("publish", "wagtail/models/revisions.py", "publish"),
    ("SQL execution", "django/db/backends/utils.py", "_execute"),
]


def print_profile(profile, total):
    stats = pstats.Stats(profile).stats
    seen = {}
    for label, suffix, function in STAGES:
        for (filename, _line, name), (_cc, calls, _tt, cumulative, _callers) in stats.items():
            if name == function and filename.endswith(suffix):
                calls_before, seconds_before = seen.get(label, (0, 0.0))
                seen[label] = (calls_before + calls, seconds_before + cumulative)
    print(f"profile: {total:.1f} s in all")
    for label, (calls, seconds) in seen.items():
        print(f"  {label:<32}{calls:>7} calls {seconds:>7.1f} s {seconds / total:>6.0%}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--profile", action="store_true", help="profile the import")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "example_site.settings"
    import django
    from django.conf import settings

    settings.DATABASES["default"]["NAME"] = workdir / "bench.sqlite3"
    # As in production: with DEBUG on, Django keeps a log of every query.
    settings.DEBUG = False
    settings.MEDIA_ROOT = workdir / "media"
    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from home.demo import create_page_tree
    from wagtail_newsroom.importer.build import ArticleBuilder
    from wagtail_newsroom.importer.run import Report, run_import
    from wagtail_newsroom.models import ArticlePage, NewsIndexPage

    (workdir / "articles").mkdir()
    files = generate(workdir / "articles", args.articles)
    print(f"{len(files)} articles generated from seeds/ in {workdir}")

    start = time.perf_counter()
    parsed = sum(1 for outcome in run_import(files) if outcome.status == "parsed")
    parse_seconds = time.perf_counter() - start
    parse_rate = parsed / parse_seconds
    print(f"parse:  {parsed} articles in {parse_seconds:.1f} s = {parse_rate:.0f} articles/s")

    call_command("migrate", verbosity=0)
    home, news, _people = create_page_tree()

    # Wagtail's own floor: an article page with a body like an imported one, added, given a
    # revision and published, in its own transaction, without any of the importer's work.
    floor_index = home.add_child(instance=NewsIndexPage(title="Floor", slug="floor"))
    body = [{"type": "paragraph", "value": "<p>" + "word " * 60 + "</p>"}] * 12
    count = min(len(files), 300)
    start = time.perf_counter()
    for n in range(count):
        with transaction.atomic():
            page = ArticlePage(title=f"Floor {n}", slug=f"floor-{n}", live=False, body=body)
            floor_index.add_child(instance=page)
            page.save_revision(log_action=True).publish()
    floor_rate = count / (time.perf_counter() - start)
    print(f"floor:  {floor_rate:.1f} pages/s (Wagtail alone: add, revision, publish)")
    builder = ArticleBuilder(news, publish=True)
    report = Report()
    memory = [f"{rss_mb():.0f}"]
    quarter_rates = []
    quarter = max(1, len(files) // 4)
    profile = cProfile.Profile() if args.profile else None
    start = time.perf_counter()
    last = start
    if profile:
        profile.enable()
    for n, _outcome in enumerate(
        run_import(files, builder=builder, jobs=args.jobs, report=report), 1
    ):
        if n % quarter == 0:
            memory.append(f"{rss_mb():.0f}")
            now = time.perf_counter()
            quarter_rates.append(f"{quarter / (now - last):.1f}")
            last = now
    if profile:
        profile.disable()
    import_seconds = time.perf_counter() - start
    created = report.counts["created"]
    import_rate = created / import_seconds
    print(
        f"import: {created} articles created in {import_seconds:.1f} s = {import_rate:.1f} "
        f"articles/s (published, with revisions; failed {report.counts['failed']})"
    )
    print(
        f"ratio:  full import / parse-only = {import_rate / parse_rate:.3f}; "
        f"full import / Wagtail's floor = {import_rate / floor_rate:.2f}"
    )
    # Flat when the cost of an article does not grow with the archive.
    print(f"pace:   articles/s in each quarter of the import: {' → '.join(quarter_rates)}")
    print(
        f"memory: resident MB at start and after each quarter of the import: {' → '.join(memory)}"
    )
    print(f"peak:   {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if profile:
        print_profile(profile, import_seconds)


if __name__ == "__main__":
    main()
