#!/usr/bin/env python
"""A long fuzz run of the importer's pure pipeline, outside the test suite.

    .venv/bin/python benchmarks/fuzz_importer.py [--inputs 100000] [--jobs 2] [--seed 1]

Mutates the sample articles in seeds/ (bytes flipped, inserted, deleted, spans repeated,
articles spliced, quotation marks, commas, capitalised words, tags, control characters and
byte-order marks dropped in, other encodings) and feeds each result to ``parse`` as bytes or
as text. The contract is the one ``tests/importer/test_fuzz.py`` checks: a ParsedArticle with
a body whose JSON form round-trips, or ``ArticleImportError`` naming the source. Prints the
inputs tried, what came of them and every other exception with the input that raised it
(written to --failures, to replay with ``parse``); exits 1 if there was any.
"""

import argparse
import json
import multiprocessing
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

TOKENS = [
    "“", "”", '"', "'", "''", "‘", "’", "«", "»", "„", ",", ", ", "—", " -- ", ":", ";",
    "\n", "\n\n", "\r\n", "\t", "By ", "by ", "Von ", "Par ", "Updated ", "Published ",
    "March 3, 2024", "3/4/2020", "04.03.2020", "2024-03-04T10:00:00Z", " said ", " told ",
    "he said.", "Mr. ", "Sen. ", "J.K. ", "Jane Roe", "Capitalised Words Run On ",
    "<p>", "</p>", "<b>", "</b>", "<div>", "<br>", "<script>", "</script>", "<h1>",
    "<!--", "-->", "&amp;", "&#0;", "&#xD800;", "<img src='../x.png'>", "<a href='javascript:x'>",
    "\x00", "\x0b", "\x1b", "\x7f", "\ufeff", "\ufffe", "\u2028", "\u202e", "\u200b", "\u00ad",
]  # fmt: skip
ENCODINGS = ["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1"]
SUFFIXES = [".txt", ".html", ".htm"]


def load_samples():
    return [path.read_bytes() for path in sorted((ROOT / "seeds").iterdir()) if path.is_file()]


def mutate(rng, samples):
    """One input: (data as bytes or str, source name)."""
    data = bytearray(rng.choice(samples))
    for _ in range(rng.randint(1, 8)):
        operation = rng.randrange(7)
        at = rng.randrange(len(data) + 1)
        if operation == 0 and data:
            data[rng.randrange(len(data))] = rng.randrange(256)
        elif operation == 1:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif operation == 2:
            del data[at : at + rng.randint(1, 400)]
        elif operation == 3:
            data[at:at] = data[at : at + rng.randint(1, 200)] * rng.randint(2, 20)
        elif operation == 4:
            other = rng.choice(samples)
            data = data[:at] + other[rng.randrange(len(other) + 1) :]
        elif operation == 5:
            token = rng.choice(TOKENS).encode("utf-8", "surrogatepass")
            data[at:at] = token * rng.choice((1, 1, 2, 50, 500))
        else:
            data = data[: rng.randrange(len(data) + 1)]
    source = f"fuzz/{rng.randrange(10**6)}{rng.choice(SUFFIXES)}"
    kind = rng.randrange(4)
    if kind == 0:
        return bytes(data), source
    text = bytes(data).decode("utf-8", "replace" if kind == 1 else "surrogateescape")
    if kind == 3:
        return text.encode(rng.choice(ENCODINGS), "replace"), source
    return text, source


def check(data, source):
    """The contract; returns what happened: "parsed", "refused" or the exception's name."""
    from wagtail_newsroom.importer import ArticleImportError, parse

    try:
        article = parse(data, source)
    except ArticleImportError as error:
        if source not in str(error) or not str(error.message).strip():
            return "error without source or message"
        return "refused"
    document = article.to_dict()
    if json.loads(json.dumps(document, ensure_ascii=False)) != document:
        return "JSON does not round-trip"
    return "parsed" if article.body else "parsed with an empty body"


def run_chunk(args):
    seed, count = args
    rng = random.Random(seed)
    samples = load_samples()
    outcomes, failures = Counter(), []
    for _ in range(count):
        data, source = mutate(rng, samples)
        try:
            outcome = check(data, source)
        except Exception as error:  # noqa: BLE001 - what the run is looking for
            outcome = f"{type(error).__name__}: {error}"[:200]
        outcomes[outcome] += 1
        if outcome not in ("parsed", "refused") and len(failures) < 20:
            failures.append((outcome, source, data if isinstance(data, str) else data.hex()))
    return outcomes, failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=multiprocessing.cpu_count())
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--failures", type=Path, default=Path("fuzz-failures.json"))
    options = parser.parse_args()

    chunk = 500
    chunks = [(options.seed * 10**6 + n, chunk) for n in range(options.inputs // chunk)]
    started = time.perf_counter()
    outcomes, failures = Counter(), []
    with multiprocessing.get_context("fork").Pool(options.jobs) as pool:
        for counted, failed in pool.imap_unordered(run_chunk, chunks):
            outcomes.update(counted)
            failures.extend(failed)
    elapsed = time.perf_counter() - started
    tried = sum(outcomes.values())
    print(f"{tried} inputs in {elapsed:.0f} s ({tried / elapsed:.0f}/s, {options.jobs} jobs)")
    for outcome, count in outcomes.most_common():
        print(f"  {count:>7}  {outcome}")
    bad = tried - outcomes["parsed"] - outcomes["refused"]
    print(f"other outcomes (bugs): {bad}")
    if failures:
        options.failures.write_text(json.dumps(failures, ensure_ascii=False, indent=1))
        print(f"inputs that raised them: {options.failures}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
