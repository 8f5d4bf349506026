"""Which runs of words occur inside longer runs of words, in one pass over all of them.

Comparing every short line with every paragraph costs the square of a page's length; an
Aho-Corasick automaton over words reads each paragraph once, whatever the number of lines
looked for, and finds every one of them it contains.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence


class _Automaton:
    """The needles as a trie of words, with the links of Aho and Corasick: ``fail`` leads from
    a node to the longest proper suffix of its words that is also in the trie, ``output`` to
    the longest such suffix that is a whole needle (0, the root, for none)."""

    def __init__(self, needles: Sequence[Sequence[str]]):
        self.goto: list[dict[str, int]] = [{}]
        self.depth = [0]
        self.ends: dict[int, list[int]] = {}  # node: the needles spelled by its path
        for number, needle in enumerate(needles):
            node = 0
            for word in needle:
                node = self._child(node, word)
            self.ends.setdefault(node, []).append(number)
        self.fail = [0] * len(self.goto)
        self.output = [0] * len(self.goto)
        # Breadth first, so that a node's suffixes, all shallower, have their links already;
        # a first word has none.
        queue = deque(self.goto[0].values())
        while queue:
            node = queue.popleft()
            for word, child in self.goto[node].items():
                suffix = self.fail[child] = self.step(self.fail[node], word)
                self.output[child] = suffix if suffix in self.ends else self.output[suffix]
                queue.append(child)

    def _child(self, node: int, word: str) -> int:
        child = self.goto[node].get(word)
        if child is None:
            child = self.goto[node][word] = len(self.goto)
            self.goto.append({})
            self.depth.append(self.depth[node] + 1)
        return child

    def step(self, node: int, word: str) -> int:
        """The node reached from ``node`` reading ``word``, falling back along ``fail``."""
        while node and word not in self.goto[node]:
            node = self.fail[node]
        return self.goto[node].get(word, 0)


def found_inside(needles: Sequence[Sequence[str]], haystacks: Iterable[Sequence[str]]) -> set[int]:
    """The positions in ``needles`` (each of one word or more) of those that occur, word for
    word and in one piece, inside a haystack longer than themselves."""
    automaton = _Automaton(needles)
    found: set[int] = set()  # nodes whose needles occur, with those of their output links
    for haystack in haystacks:
        node = 0
        for word in haystack:
            node = automaton.step(node, word)
            # A needle spelling the whole haystack is not inside it; its suffixes are.
            whole = automaton.depth[node] == len(haystack)
            end = node if node in automaton.ends and not whole else automaton.output[node]
            while end and end not in found:
                found.add(end)
                end = automaton.output[end]
    return {number for node in found for number in automaton.ends[node]}
