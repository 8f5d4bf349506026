"""The line table: segments frozen with their shape features."""

import dataclasses

import pytest

from wagtail_newsroom.importer.lines import build_lines
from wagtail_newsroom.importer.segment import Segment, segment_text

SENTENCE = "The council approved the harbour budget on Tuesday after six hours."


def one(text, **fields):
    return build_lines([Segment(line=1, text=text, **fields)])[0]


def test_word_count_and_sentence_end():
    line = one(SENTENCE)
    assert line.words == 11
    assert line.sentence
    assert not one("Council backs harbour plan").sentence


def test_prose_is_a_long_sentence_or_a_very_long_line():
    assert one(SENTENCE).prose
    assert not one("He declined to comment.").prose
    assert one(" ".join(["word"] * 25)).prose  # long enough whatever its end
    assert not one(" ".join(["word"] * 24)).prose


def test_long_prose_takes_twelve_words_and_a_sentence_end():
    assert not one(SENTENCE).long_prose  # eleven words
    assert one(
        "The council approved the harbour budget on Tuesday after about six hours."
    ).long_prose


def test_short_paragraph_and_title_shape():
    short = one("He declined to comment.")
    assert short.short_paragraph and not short.title_shaped
    title = one("Council backs harbour plan")
    assert title.title_shaped and not title.short_paragraph


def test_images_are_never_prose():
    line = one(" ".join(["word"] * 30) + ".", kind="image", src="a.jpg")
    assert not line.prose and not line.long_prose


def test_repeats_counts_lines_with_the_same_normal_form():
    lines = build_lines(segment_text("Share\nNews\nSHARE!\n\nA sentence here."))
    assert [line.repeats for line in lines] == [2, 1, 2, 1]
    assert lines[0].normal == lines[2].normal == "share"


def test_link_density_from_html():
    text = "Read more about the harbour"
    line = one(text, html='<a href="/more">Read more</a> about the harbour')
    assert line.link_density == pytest.approx(len("Read more") / len(text))
    assert one(text, html=f'<a href="/x">{text}</a>').link_density == 1.0
    assert one(text).link_density == 0.0  # plain text has no links


def test_lines_keep_their_index_and_source_line():
    lines = build_lines(segment_text("First line\n\nSecond line"))
    assert [(line.index, line.line, line.gap_before) for line in lines] == [
        (0, 1, True),
        (1, 3, True),
    ]


def test_line_is_frozen():
    line = one(SENTENCE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        line.text = "changed"


def test_a_long_line_capitalising_nearly_every_word_is_a_menu_not_prose():
    menu = " ".join(["Travel Adventures Azerbaijan Diary Conscious Travel Explore"] * 4)
    assert not one(menu).prose
    sentence_case = " ".join(["the harbour pilot and his uncle met the editor"] * 3)
    assert one(sentence_case).prose  # 27 words without an end: still a paragraph


def test_series_counts_lines_that_differ_only_in_their_numbers():
    lines = build_lines(segment_text("1 of 12 |\nA caption.\n2 of 12 |\n3 of 12 |\nShare\nShare"))
    assert [line.series for line in lines] == [3, 1, 3, 3, 1, 1]
