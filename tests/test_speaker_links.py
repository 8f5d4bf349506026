"""Speakers' names linked in a paragraph's rich text."""

from wagtail_newsroom.speaker_links import link_speakers


def test_the_first_mention_of_the_full_name_is_linked():
    html = "<p>Qin Peng said so. Qin Peng said it again.</p>"
    assert link_speakers(html, [("Qin Peng", "/people/qin-peng/")]) == (
        '<p><a class="newsroom-speaker" href="/people/qin-peng/">Qin Peng</a> said so. '
        "Qin Peng said it again.</p>"
    )


def test_the_surname_when_the_text_gives_only_that():
    html = "<p>“No,” Peng said.</p>"
    linked = link_speakers(html, [("Qin Peng", "/p/")])
    assert linked == '<p>“No,” <a class="newsroom-speaker" href="/p/">Peng</a> said.</p>'


def test_names_inside_links_tags_and_longer_words_are_left_alone():
    html = '<p><a href="/x" title="Peng">Peng</a> met Pengfei, <b>not</b> Peng.</p>'
    linked = link_speakers(html, [("Qin Peng", "/p/")])
    assert linked == (
        '<p><a href="/x" title="Peng">Peng</a> met Pengfei, <b>not</b> '
        '<a class="newsroom-speaker" href="/p/">Peng</a>.</p>'
    )


def test_the_url_is_escaped_and_nothing_matches_without_speakers():
    linked = link_speakers("<p>Jane Roe</p>", [("Jane Roe", '/p/?a=1&b="2"')])
    assert 'href="/p/?a=1&amp;b=&quot;2&quot;"' in linked
    assert link_speakers("<p>Jane Roe</p>", []) == "<p>Jane Roe</p>"


def test_two_speakers_in_one_paragraph():
    html = "<p>Jane Roe and John Doe disagreed.</p>"
    linked = link_speakers(html, [("Jane Roe", "/jane/"), ("John Doe", "/john/")])
    assert linked.count('class="newsroom-speaker"') == 2
    assert 'href="/john/">John Doe</a> disagreed.' in linked


def test_a_speaker_quoted_twice_in_a_paragraph_is_linked_once():
    html = "<p>“Yes,” Jane Roe said. “No,” Jane Roe said later.</p>"
    linked = link_speakers(html, [("Jane Roe", "/jane/"), ("Jane Roe", "/jane/")])
    assert linked.count('class="newsroom-speaker"') == 1
