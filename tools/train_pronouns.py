"""Learn the weights that rank who a "he", "she" or "they" attributing a quote means.

Usage:
    python tools/train_pronouns.py SET_DIR [--write]

SET_DIR holds ``articles/NAME.txt`` and ``gold/NAME.json`` as the quote benchmark does
(``../shared/benchmarks/quotes``): per paragraph, ``quote`` and its ``sources``, each with a
``kind`` ("named", "pronoun", ...) and the person it ``resolved`` to. The articles are split
by a hash of their names: a third is held out, the rest trains. The script prints how often
the ranker chooses right on both parts, for the shipped weights and for the learned ones;
``--write`` writes the learned weights to ``wagtail_newsroom/importer/weights/pronouns.json``.

The model is a softmax over each pronoun's candidates (a linear score of their features,
``importer/pronouns.py``), fitted by gradient descent from the shipped weights with a little
L2 regularisation. Choices feed back into the story as it is read (the speaker quoted last),
so candidates are collected again with the fitted weights before they are scored; the
weights kept are the best on the part trained on, never chosen by the held-out part.
"""

import argparse
import hashlib
import json
import math
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wagtail_newsroom.importer import parse  # noqa: E402
from wagtail_newsroom.importer.pronouns import FEATURES, Ranker, default_ranker  # noqa: E402
from wagtail_newsroom.importer.quotes import find_quotes  # noqa: E402

WEIGHTS = Path(__file__).resolve().parent.parent / "wagtail_newsroom/importer/weights/pronouns.json"
ROUNDS = 1
EPOCHS = 100
RATE = 0.5
L2 = 0.001


def held_out(name):
    return int(hashlib.sha256(name.encode()).hexdigest(), 16) % 3 == 0


def words(text):
    return {w.lower().removesuffix("'s").removesuffix("’s") for w in re.findall(r"[\w’'-]+", text)}


def norm(text):
    return " ".join(text.split())


class Recorder:
    """Chooses as ``ranker`` does, and keeps every choice's candidates."""

    def __init__(self, ranker):
        self.ranker = ranker
        self.calls = []

    def choose(self, candidates):
        self.calls.append(candidates)
        return self.ranker.choose(candidates)


def score(weights, features):
    return sum(w * f for w, f in zip(weights, features))


def articles(root):
    for path in sorted((root / "articles").glob("*.txt")):
        gold = json.loads((root / "gold" / f"{path.stem}.json").read_text())
        sources = {
            norm(p["text"]): [
                s["resolved"] or s["text"] for s in p["sources"] if s["kind"] == "pronoun"
            ]
            for p in gold["paragraphs"]
            if p["quote"]
        }
        yield path, sources, parse(path.read_bytes(), str(path))


def examples(corpus, ranker):
    """(candidates, which are right) for every pronoun the gold resolves."""
    found = {True: [], False: []}
    for path, sources, article in corpus:
        recorder = Recorder(ranker)
        find_quotes(list(article.body), list(article.authors), ranker=recorder)
        paragraphs = [b for b in article.body if b.type in ("paragraph", "quote")]
        for candidates in recorder.calls:
            if not candidates:
                continue
            resolved = sources.get(norm(paragraphs[candidates[0].paragraph].text))
            if not resolved:
                continue
            right = [
                any(c.name.split()[-1].lower() in words(r) for r in resolved) for c in candidates
            ]
            found[held_out(path.stem)].append(([c.features for c in candidates], right))
    return found


def accuracy(ranker, data):
    hits = sum(
        right[max(range(len(x)), key=lambda i: score(ranker.weights, x[i]))] for x, right in data
    )
    return hits / max(1, len(data))


def fit(data, weights):
    weights = list(weights)
    usable = [(x, right) for x, right in data if any(right)]
    for _ in range(EPOCHS):
        gradient = [L2 * w for w in weights]
        for x, right in usable:
            scores = [score(weights, features) for features in x]
            top = max(scores)
            exp = [math.exp(s - top) for s in scores]
            total, good = sum(exp), sum(e for e, r in zip(exp, right) if r)
            for features, e, r in zip(x, exp, right):
                # d(-log P(right)) / d(score) = p(all) - p(within the right ones)
                delta = e / total - (e / good if r else 0)
                for k, f in enumerate(features):
                    gradient[k] += delta * f / len(usable)
        weights = [w - RATE * g for w, g in zip(weights, gradient)]
    return Ranker(tuple(round(w, 4) for w in weights))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("set_dir", type=Path)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    corpus = list(articles(args.set_dir))
    ranker = default_ranker()
    best = (-1.0, ranker)
    for round_ in range(ROUNDS + 1):
        data = examples(corpus, ranker)
        trained = accuracy(ranker, data[False])
        label = "shipped" if round_ == 0 else f"round {round_}"
        print(
            f"{label}: right {trained:.3f} of {len(data[False])} trained on, "
            f"{accuracy(ranker, data[True]):.3f} of {len(data[True])} held out"
        )
        # Chosen by the training part alone, so the held-out figure stays a fair one.
        best = max(best, (trained, ranker), key=lambda pair: pair[0])
        if round_ < ROUNDS:
            ranker = fit(data[False], ranker.weights)
    ranker = best[1]
    for name, weight in zip(FEATURES, ranker.weights):
        print(f"  {name:14} {weight:+.3f}")
    if args.write:
        WEIGHTS.write_text(ranker.to_json())
        print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
