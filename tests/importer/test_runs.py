"""Runs of words found inside longer runs (the pull-quote pass's search, issue 11)."""

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from wagtail_newsroom.importer.runs import found_inside

WORDS = st.lists(st.sampled_from(["the", "ferry", "runs", "a"]), min_size=1, max_size=8)


def _inside(needle, haystack):
    return len(haystack) > len(needle) and any(
        haystack[start : start + len(needle)] == needle for start in range(len(haystack))
    )


@given(st.lists(WORDS, max_size=8), st.lists(WORDS, max_size=8))
def test_needles_found_are_those_a_longer_haystack_contains(needles, haystacks):
    expected = {n for n, needle in enumerate(needles) if any(_inside(needle, h) for h in haystacks)}
    assert found_inside(needles, haystacks) == expected


@given(st.lists(WORDS, max_size=10))
def test_a_line_is_inside_another_exactly_when_counting_it_in_the_joined_lines_says_so(lines):
    # The pull-quote pass's first rule: an excerpt occurs more often among the lines joined
    # by newlines than there are lines identical to it.
    normals = [" ".join(words) for words in lines]
    joined = "\n".join(f" {normal} " for normal in normals)
    identical = Counter(normals)
    counted = {
        n for n, normal in enumerate(normals) if joined.count(f" {normal} ") > identical[normal]
    }
    assert found_inside(lines, lines) == counted


def test_a_needle_and_its_suffixes_are_found_in_one_reading():
    needles = [["council", "backs", "ferry"], ["backs", "ferry"], ["ferry"], ["ferry", "runs"]]
    assert found_inside(needles, [["the", "council", "backs", "ferry", "today"]]) == {0, 1, 2}


def test_a_needle_as_long_as_the_haystack_is_not_inside_it():
    assert found_inside([["ferry", "runs"], ["runs"]], [["ferry", "runs"]]) == {1}
