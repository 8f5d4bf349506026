"""Labels: what recognition says each line is.

A pass returns new labels for lines nobody has labelled yet; ``Labels.add`` refuses to relabel
a line, so no pass undoes another's work and every line ends with at most one label. Lines
left without a label at the end are kept as text (keep by default).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum

from .reasons import Reason


class Kind(StrEnum):
    HEADLINE = "headline"
    DEK = "dek"
    BYLINE = "byline"
    DATE = "date"
    SECTION = "section"
    IMAGE = "image"
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST = "list"  # the first line of a list; its other lines are LIST_ITEM
    LIST_ITEM = "list-item"
    DROP = "drop"


@dataclass(frozen=True, slots=True)
class Label:
    kind: Kind
    reason: Reason | None = None  # why a DROP was dropped
    detail: str | None = None  # a site rule's own name
    # What the line carries: authors of a byline, dates of a date line, a heading's level,
    # a list's items, an image, the section named on a dated line.
    value: object = None

    @classmethod
    def drop(cls, reason: Reason, detail: str | None = None) -> Label:
        return cls(Kind.DROP, Reason(reason), detail)

    @classmethod
    def for_rule(cls, rule) -> Label:
        """The drop a rule makes, naming a site rule's own name beside its reason."""
        return cls.drop(rule.reason, rule.name if rule.name != rule.reason else None)


class RelabelError(ValueError):
    """A pass tried to label a line that already has a label."""


class Labels(Mapping):
    """An immutable map from line index to ``Label``."""

    __slots__ = ("_labels",)

    def __init__(self, labels: Mapping[int, Label] | None = None):
        self._labels = dict(labels or {})

    def __getitem__(self, index: int) -> Label:
        return self._labels[index]

    def __iter__(self) -> Iterator[int]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def add(self, new: Mapping[int, Label], by: str = "a pass") -> Labels:
        clash = next((index for index in new if index in self._labels), None)
        if clash is not None:
            raise RelabelError(f"{by} relabels line {clash}: {self._labels[clash]!r}")
        return Labels({**self._labels, **new})

    def kind(self, index: int) -> Kind | None:
        label = self._labels.get(index)
        return label.kind if label else None

    def first(self, kind: Kind) -> int | None:
        return min((i for i, label in self._labels.items() if label.kind is kind), default=None)
