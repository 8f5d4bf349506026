"""Who a "he", "she" or "they" attributing a quote means.

The story offers candidates: the people named in the paragraphs just before, the speaker quoted
last, and everyone quoted so far. Each is described by a few features (how near, whether their
sex fits, whether they have spoken before, ...), and a linear score over them ranks the
candidates. The weights are data (``weights/pronouns.json``); inference is a dot product.
``tools/train_pronouns.py`` fits weights to annotated articles and reports how often the
shipped and the fitted ones choose right, on the part trained on and on a held-out part.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib.resources import files

# What each candidate is described by, in the order of the weights.
FEATURES = (
    "named_here",  # named in the pronoun's paragraph, before it
    "named_before",  # named in the paragraph before
    "named_earlier",  # named two or three paragraphs back
    "nearness",  # 1 for the nearest name, 1/2 for the next, ...
    "quoted_last",  # the speaker of the quote before
    "quoted_just_before",  # ... in this paragraph or the one before
    "quoted",  # quoted earlier in the story
    "times_quoted",  # log2(1 + how often)
    "sex_told_fits",  # a title or the given name tells the sex, and it fits
    "sex_guessed_fits",  # the pronouns after the name suggest the sex, and it fits
    "sex_guessed_differs",
    "spoke",  # spoke outside quotes in these paragraphs ("Peng said the ...")
    "spoke_just_before",  # ... in this paragraph or the one before
    "subject",  # opened a sentence as its subject
    "full_name",  # named with two words or more
    "given_name",  # the first word is a known given name
    "mentions",  # log2(1 + how often named so far)
    "author",  # the story's own author
    "they_person",  # a "they" and a person whose sex is known
)


@dataclass(frozen=True)
class Candidate:
    name: str
    role: str | None
    features: tuple[float, ...]
    # Which paragraph (of the paragraphs and quotes read) holds the pronoun.
    paragraph: int


@dataclass(frozen=True)
class Ranker:
    weights: tuple[float, ...]

    def score(self, candidate: Candidate) -> float:
        return sum(w * x for w, x in zip(self.weights, candidate.features, strict=True))

    def choose(self, candidates: list[Candidate]) -> Candidate | None:
        """The best-scoring candidate; among equals, the first (the nearest)."""
        return max(candidates, key=self.score, default=None)

    @classmethod
    def from_json(cls, text: str) -> Ranker:
        data = json.loads(text)
        if tuple(data["features"]) != FEATURES:
            raise ValueError(
                f"Pronoun weights are for features {data['features']}, not {list(FEATURES)}."
            )
        return cls(tuple(float(w) for w in data["weights"]))

    def to_json(self) -> str:
        return json.dumps({"features": FEATURES, "weights": self.weights}, indent=1) + "\n"


@functools.cache
def default_ranker() -> Ranker:
    return Ranker.from_json(files(__package__).joinpath("weights/pronouns.json").read_text())
