"""Regular expressions built from word lists (named so as not to read as the `regex` library)."""

from __future__ import annotations

import re


def trie(words) -> str:
    """An alternation of ``words`` that branches letter by letter, longest match first. A flat
    alternation of a few hundred words (month names, speech verbs) is tried word by word at
    every position, which is slow; this one is tried letter by letter. A space matches any run
    of spaces. With no words, it matches nothing."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{emit(root)})" if root else "(?!)"
