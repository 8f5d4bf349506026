"""The numbers recognition decides by, named, in one place.

Each is a property of how articles and pages are shaped, not of one outlet's pages; the tests
of the passes exercise each side of every threshold.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    # A file larger than this is no article (the longest features run to a few hundred
    # kilobytes, a saved page with its scripts to a few megabytes): it is refused unread.
    article_bytes: int = 20 * 1024 * 1024
    # A sentence this long is a paragraph; a line this long is one whatever its end.
    prose_words: int = 10
    long_line_words: int = 25
    # ... unless this share of its words is capitalised: a menu flattened onto one line.
    menu_capitals: float = 0.7
    # A sentence this long between the headline and the article's end is never dropped for
    # where it stands, only for what it says.
    kept_prose_words: int = 12
    # Lines longer than a rule's ``max_words`` are text whatever they contain (rules.py).
    rule_max_words: int = 12
    # How far above the body the headline is looked for, and below it the header.
    headline_window: int = 40
    header_reach: int = 14
    header_above: int = 4
    # A label this short right above the headline is its kicker, the section.
    kicker_words: int = 3
    # A headline's second line after ";" or ":" is its dek up to this length.
    dek_words: int = 30
    # The page's first line is its headline when a byline or date follows within this many
    # lines, and it is no longer than a headline gets.
    signed_top_reach: int = 3
    headline_max_words: int = 40
    # Lines that differ only in their numbers, this many on a page, are counters and
    # numbered labels ("3 of 12"), never the headline.
    series_lines: int = 3
    # A headline candidate scoring under this, with no byline or date beside it, is a guess.
    weak_headline: float = 10
    # Body paragraphs before "body" scoped rules (comment widgets, bios) may end the article.
    body_rules_after: int = 3
    # A short paragraph repeated inside a longer one is a pull quote (words, inclusive).
    pull_quote_words: tuple[int, int] = (4, 40)
    # A page sets its paragraphs apart with blank lines when this share of its first
    # ``style_sample`` paragraphs has one; teasers and key points are packed without.
    gapped_share: float = 0.6
    style_sample: int = 8
    summary_words: int = 45
    # Short lines under a paragraph ending in a colon are its list, each up to this long.
    list_item_words: int = 24
    # A block of up to this many lines that the page shows twice, line for line, is an offer
    # or a form; an article shown twice is longer.
    repeated_block_lines: int = 8
    # A line over a credit this short ("Photo: AP") is that photo's caption, up to a length.
    credit_words: int = 5
    caption_words: int = 60
    # A clean export (no menus, no boilerplate): at most this share of the lines after the
    # header are neither paragraphs nor header lines.
    clean_furniture_share: float = 0.15


THRESHOLDS = Thresholds()
