#!/usr/bin/env python
"""Parsing stays linear: the importer's pure pipeline timed on 1x, 10x and 100x inputs.

    .venv/bin/python benchmarks/parse_scaling.py [--rounds 3] [--scale 100]

Each shape is an article grown by repeating one unit (a paragraph, a nested tag, a quotation
mark, a comma...). For each size it prints the best of ``--rounds`` timings of ``parse`` and
the ratio to the 1x time: a linear parser gives about 10 and 100 (the per-unit cost is printed
too, and should stay flat). Shapes that once were quadratic or exponential are here: nested
``<b>`` and ``<div>``, thousands of paragraphs and pull quotes, a byline trailed by digits,
runs of quotation marks, commas and capitalised words. Exits 1 when a shape grows more than
``SLACK`` times faster than its input.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

# A shape fails when its time grows this many times faster than its input (timer noise and
# the fixed cost of a small input make an exact 10x and 100x unlikely either way).
SLACK = 3

PARAGRAPH = (
    "The council said on Tuesday that the ferry would keep running through the winter, after "
    "a year of complaints from the people who use it every day."
)


def text(units):
    return "Ferry plan\n\nBy Jane Roe\n\n" + units


def html(units):
    return f"<html><body><h1>Ferry plan</h1><p>By Jane Roe</p>{units}</body></html>"


# name -> (units at 1x, builder of the article from a unit count, suffix)
SHAPES = {
    "text paragraphs": (200, lambda n: text(f"{PARAGRAPH}\n\n" * n), ".txt"),
    "HTML paragraphs": (200, lambda n: html(f"<p>{PARAGRAPH}</p>" * n), ".html"),
    "quoted paragraphs": (
        100,
        lambda n: text(
            "".join(
                f"“The ferry stays, {i},” said Jane Roe, a councillor. {PARAGRAPH}\n\n"
                for i in range(n)
            )
        ),
        ".txt",
    ),
    "repeated lines (pull quotes)": (
        100,
        lambda n: text(f"{PARAGRAPH}\n\n“The ferry stays.”\n\n" * n),
        ".txt",
    ),
    "nested <b>": (
        200,
        lambda n: html("<p>" + "<b>" * n + PARAGRAPH + "</b>" * n + "</p>"),
        ".html",
    ),
    "nested <div>": (1000, lambda n: html("<div>" * n + f"<p>{PARAGRAPH}</p>"), ".html"),
    "byline trailed by digits": (
        26,
        lambda n: "Ferry plan\n\nBy Jane Roe " + "1" * n + "!\n\n" + PARAGRAPH,
        ".txt",
    ),
    "quotation marks": (500, lambda n: text(PARAGRAPH + " “" * n + "\n\n" + PARAGRAPH), ".txt"),
    "commas": (1000, lambda n: text(PARAGRAPH + " word," * n + "\n\n" + PARAGRAPH), ".txt"),
    "capitalised words": (
        500,
        lambda n: text(PARAGRAPH + " Capital" * n + " said.\n\n" + PARAGRAPH),
        ".txt",
    ),
    "capitalised words, then a quote": (
        500,
        lambda n: text("“The ferry stays,” said" + " Capital" * n + ".\n\n" + PARAGRAPH),
        ".txt",
    ),
}


def best_time(parse, data, source, rounds):
    from wagtail_newsroom.importer import ArticleImportError

    best, outcome = None, "parsed"
    for _ in range(rounds):
        started = time.perf_counter()
        try:
            parse(data, source)
        except ArticleImportError as error:
            outcome = f"refused: {error.message}"
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best, outcome


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="timings per size; the best counts")
    parser.add_argument("--scale", type=int, default=100, choices=(10, 100))
    args = parser.parse_args()

    from wagtail_newsroom.importer import parse

    parse(text(PARAGRAPH), "warm-up.txt")  # lexicons and rules load on first use
    scales = [1, 10] + ([100] if args.scale == 100 else [])
    failed, largest = [], (0.0, "")
    header = f"{'shape':34} {'x':>4} {'units':>7} {'bytes':>10} {'seconds':>9} {'ratio':>7}"
    print(header + f" {'us/unit':>9}  outcome")
    for name, (base, build, suffix) in SHAPES.items():
        first = None
        for scale in scales:
            units = base * scale
            data = build(units)
            seconds, outcome = best_time(parse, data, f"scaling{suffix}", args.rounds)
            first = first or seconds
            ratio = seconds / first
            largest = max(largest, (seconds, f"{name} x{scale}"))
            print(
                f"{name:34} {scale:>4} {units:>7} {len(data.encode()):>10} {seconds:>9.3f} "
                f"{ratio:>7.1f} {seconds / units * 1e6:>9.1f}  {outcome[:60]}"
            )
            if scale > 1 and ratio > SLACK * scale:
                failed.append(f"{name}: x{scale} input took {ratio:.0f}x the time")
    print(f"\nlargest time: {largest[0]:.2f} s ({largest[1]})")
    for line in failed:
        print(f"NOT LINEAR: {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
