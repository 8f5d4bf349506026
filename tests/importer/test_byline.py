"""Bylines line by line: labels, names, roles, places and noise, in each built-in language."""

from __future__ import annotations

import pytest

from wagtail_newsroom.importer.byline import (
    clean_byline,
    is_byline_label,
    is_name,
    lone_name,
    parse_byline,
    role_line,
)
from wagtail_newsroom.importer.lexicon import Lexicon, build_lexicon


def names(line, **kwargs):
    authors = parse_byline(line, **kwargs)
    return None if authors is None else [author.name for author in authors]


def roles(line):
    return [(author.name, author.role) for author in parse_byline(line) or ()]


def parts(line):
    return [(author.name, author.credit) for author in parse_byline(line) or ()]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Lance Roe published 19 May 2026", ["Lance Roe"]),
        (
            "Yasmine Roe · City News · Posted: Aug 08, 2024 4:00 AM EDT | Last Updated: August 8",
            ["Yasmine Roe"],
        ),
        ("Adam Roe and AP", ["Adam Roe", "AP"]),
        (
            "By Xiaoying Roe0, Mariana Doe, Mohana Poe & Jeff Loe",
            ["Xiaoying Roe", "Mariana Doe", "Mohana Poe", "Jeff Loe"],
        ),
        (
            "By STEVE ROE, THOMAS DOE and AMELIA POE-LOE",
            ["Steve Roe", "Thomas Doe", "Amelia Poe-Loe"],
        ),
        ("By STEVE ROE AND THOMAS DOE", ["Steve Roe", "Thomas Doe"]),
        ("By KAREN MOLINA and DEVON PRICE Associated Press", ["Karen Molina", "Devon Price"]),
        ("by Jane Roe | 5 November 2024", ["Jane Roe"]),
        ("By Jane Roe - The Courier", ["Jane Roe"]),
        ("By Jane Roe The Associated Press", ["Jane Roe"]),
        ("Reporting by Jane Roe and John Doe; Editing by Helen Marsh", ["Jane Roe", "John Doe"]),
        ("Written by Jane Roe", ["Jane Roe"]),
        ("Author: Jane Roe", ["Jane Roe"]),
        ("Byline: By Jane Roe", ["Jane Roe"]),
        ("Jane Roe, John Doe", ["Jane Roe", "John Doe"]),
        ("Jane Roe / OUTLET.COM / Sep 2, 2024", ["Jane Roe"]),
        ("Jane Roe|Published 15 hours ago", ["Jane Roe"]),
        ("By Jane Roe | Updated 2 hours ago", ["Jane Roe"]),
        ("By Reuters", ["Reuters"]),
        ("By Telegraph reporters", ["Telegraph reporters"]),
        # Copied text glues words together, but a name's own capitals stay.
        ("By Fiona MacAulay", ["Fiona MacAulay"]),
        ("By Ronald McDonald", ["Ronald McDonald"]),
        # Initials are not conjunctions.
        ("By Jane E Roe and John Y Doe", ["Jane E Roe", "John Y Doe"]),
    ],
)
def test_byline_shapes(line, expected):
    assert names(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "ASSISTANT SPORTS EDITOR",
        "Jane Roe said the reporter",
        "By",
        "By and",
        "Par ailleurs",
        # Capitalised German nouns after "Von" are no agency.
        "Von Berlin aus",
        "Von Kopf bis Fuß",
    ],
)
def test_not_a_byline(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Roe",
        "Por Jane Roe",
        "Von Jane Roe",
        "Par Jane Roe",
        "par Jane Roe",
        "VON JANE ROE",
        "Propos recueillis par Jane Roe",
        "Texte de Jane Roe",
        "Text von Jane Roe",
        "Escrito por Jane Roe",
        "Autorin: Jane Roe",
    ],
)
def test_label_in_each_language_is_not_part_of_the_name(line):
    assert names(line) == ["Jane Roe"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Par Jeanne Roux et Paul Martin", ["Jeanne Roux", "Paul Martin"]),
        ("Von Anna Weber und Jonas Klein", ["Anna Weber", "Jonas Klein"]),
        ("Por Ana García y Luis Pérez", ["Ana García", "Luis Pérez"]),
        ("POR ANA GARCÍA Y LUIS PÉREZ", ["Ana García", "Luis Pérez"]),
        ("Por Ana García e Inés Pérez", ["Ana García", "Inés Pérez"]),
    ],
)
def test_conjunctions_in_each_language(line, expected):
    assert names(line) == expected


@pytest.mark.parametrize(
    "name", ["Ursula von der Leyen", "Siobhán Ní Bhriain", "Ana de la Vega", "Dora d'Istria"]
)
def test_names_with_particles(name):
    assert is_name(name)
    assert names(f"By {name}") == [name]
    assert names(f"Von {name}") == [name]


@pytest.mark.parametrize("text", ["der Leyen", "Ana de", "Dora d'"])
def test_a_particle_does_not_begin_or_end_a_name(text):
    assert not is_name(text)


@pytest.mark.parametrize("line", ["Von der Leyen", "Von Der Leyen", "Von Trier"])
def test_von_opening_a_name_is_not_a_label(line):
    assert parse_byline(line) is None


def test_von_before_an_agency_is_a_label():
    assert names("Von Reuters") == ["Reuters"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Roe in Valencia", [("Jane Roe", "in Valencia")]),
        ("By Jane Roe in Valencia, Spain", [("Jane Roe", "in Valencia, Spain")]),
        ("By JANE ROE IN WASHINGTON", [("Jane Roe", "in Washington")]),
        ("Par Jeanne Roux à Lyon", [("Jeanne Roux", "à Lyon")]),
        ("Von Anna Weber aus Berlin", [("Anna Weber", "aus Berlin")]),
        ("Por Ana García en Madrid", [("Ana García", "en Madrid")]),
        # Both reported from there.
        ("By Jane Roe and John Doe in Kyiv", [("Jane Roe", "in Kyiv"), ("John Doe", "in Kyiv")]),
        # An outlet is where the story ran, not the reporter's part in it.
        ("By JANE ROE FOR DAILYMAIL.COM", [("Jane Roe", None)]),
        ("Jane Roe and John Doe for Dailymail.com", [("Jane Roe", None), ("John Doe", None)]),
    ],
)
def test_a_place_after_the_names_is_their_part_in_the_story(line, expected):
    assert parts(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "By Jane Roe; additional reporting by John Doe and Ana Ruiz",
            [
                ("Jane Roe", None, None),
                ("John Doe", None, "contributor"),
                ("Ana Ruiz", None, "contributor"),
            ],
        ),
        (
            "By Jane Roe in Paris. Additional reporting by John Doe.",
            [("Jane Roe", "in Paris", None), ("John Doe", None, "contributor")],
        ),
        (
            "By Jane Roe; writing by Sam Lee",
            [("Jane Roe", None, None), ("Sam Lee", None, "writer")],
        ),
        # An editor is not an author, nor the editing their job: the byline stops there.
        ("By Jane Roe; editing by Sam Lee", [("Jane Roe", None, None)]),
        ("Reporting by Jane Roe; Editing by Sam Lee", [("Jane Roe", None, None)]),
        # The wire's form: a place and an outlet after the credited name.
        (
            "By Jane Roe; additional reporting by John Doe in Kyiv | Reuters",
            [("Jane Roe", None, None), ("John Doe", None, "contributor")],
        ),
        # A place with a co-author after it is no place; a column title is none either.
        ("By Jane Roe in London and John Doe", [("Jane Roe", None, None)]),
        ("By Jane Roe In Depth", [("Jane Roe", None, None)]),
        (
            "Par Jeanne Roux; avec la collaboration de Paul Martin",
            [("Jeanne Roux", None, None), ("Paul Martin", None, "contributor")],
        ),
        (
            "Von Anna Weber; Mitarbeit: Jonas Klein",
            [("Anna Weber", None, None), ("Jonas Klein", None, "contributor")],
        ),
        (
            "Por Ana García; con información de Luis Pérez",
            [("Ana García", None, None), ("Luis Pérez", None, "contributor")],
        ),
    ],
)
def test_people_credited_after_the_byline_keep_their_part(line, expected):
    authors = parse_byline(line)
    assert [(a.name, a.credit, a.contribution) for a in authors] == expected
    assert all(author.role is None for author in parse_byline(line))


def test_the_parts_a_lexicon_may_credit_are_the_byline_roles():
    from wagtail_newsroom.importer.lexicon import BYLINE_PARTS
    from wagtail_newsroom.models import BylineRole

    assert {*BylineRole.values, ""} - {BylineRole.AUTHOR} == BYLINE_PARTS


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jane Roe, Political Correspondent", ("Jane Roe", "Political Correspondent")),
        ("Lucy RoeNews Reporter", ("Lucy Roe", "News Reporter")),
        ("Jane Smith Jr., Staff Writer", ("Jane Smith Jr.", "Staff Writer")),
        ("Zoë de la Vega, Political Correspondent", ("Zoë de la Vega", "Political Correspondent")),
        (
            "Jeanne Roux, correspondante à Bruxelles",
            ("Jeanne Roux", "correspondante à Bruxelles"),
        ),
        ("Anna Weber, Korrespondentin in Brüssel", ("Anna Weber", "Korrespondentin in Brüssel")),
        ("Ana García, corresponsal en Bruselas", ("Ana García", "corresponsal en Bruselas")),
        ("Par Jeanne Roux, journaliste", ("Jeanne Roux", "journaliste")),
        ("Von Anna Weber, Redakteurin", ("Anna Weber", "Redakteurin")),
        ("Por Ana García, periodista", ("Ana García", "periodista")),
        ("By Anna Weber, Associated Press", ("Anna Weber", "Associated Press")),
    ],
)
def test_name_and_role(line, expected):
    assert roles(line) == [expected]


def test_a_phrase_in_lower_case_after_the_name_is_not_a_role():
    assert roles("By Jane Roe, whose new book is out") == [("Jane Roe", None)]


def test_role_after_the_last_of_several_names():
    assert roles("BYLINE: Rosa Delgado and Martin Ekwueme; Staff Writers") == [
        ("Rosa Delgado", None),
        ("Martin Ekwueme", "Staff Writers"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Roe, March 3, 2020",
        "Par Jeanne Roux, publié le 3 mars 2020",
        "Von Jane Roe, 4. März 2021",
        "Por Jane Roe, 5 de noviembre de 2020",
    ],
)
def test_a_date_after_the_name_is_not_a_role(line):
    assert roles(line) == [(names(line)[0], None)]


def test_names_in_capitals_are_unshouted():
    assert names("By KAREN MOLINA") == ["Karen Molina"]
    assert [author.name for author in lone_name("KAREN MOLINA")] == ["Karen Molina"]


def test_blog_handle_only_after_posted_by():
    assert names("Posted on March 3, 2020 by jsmith") == ["jsmith"]
    assert parse_byline("By jsmith") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Roe Follow", "Jane Roe"),
        ("Jane Roe 2 minutes read", "Jane Roe"),
        ("Jane Roe | 5 min read", "Jane Roe"),
        ("Jane Roe2", "Jane Roe"),
        ("Sophie FosterTravel Reporter", "Sophie Foster Travel Reporter"),
        # A date at the end is not noise.
        ("Jane Roe | Sep 2, 2024", "Jane Roe | Sep 2, 2024"),
        ("Jane Roe | Sep 2, 2024 5 min read", "Jane Roe | Sep 2, 2024"),
    ],
)
def test_clean_byline(text, expected):
    assert clean_byline(text) == expected


def test_reading_time_after_a_lone_name_is_noise():
    assert [author.name for author in lone_name("Jane Roe 2 minutes read")] == ["Jane Roe"]


def test_a_long_run_of_digits_does_not_hang():
    # The noise pattern once backtracked exponentially here: minutes for 26 digits.
    parse_byline("By Jane Roe " + "1" * 40 + "!")
    lone_name("Jane Roe " + "1" * 40 + "!")


@pytest.mark.parametrize(
    "text",
    [
        "By",
        "by",
        "Written by",
        "Author:",
        "Authors",
        "Author of the article:",
        "Par",
        "Propos recueillis par",
        "Von",
        "Autorin:",
        "Por",
        "Escrito por",
    ],
)
def test_byline_label_alone(text):
    assert is_byline_label(text)


@pytest.mark.parametrize("text", ["By Jane Roe", "Bye", "Parlons-en", "Vonnegut", "Jane Roe"])
def test_not_a_byline_label(text):
    assert not is_byline_label(text)


def test_words_come_from_the_lexicon():
    english = build_lexicon(["en"])
    assert parse_byline("Par Jeanne Roux", lexicon=english) is None
    assert not is_byline_label("Von", lexicon=english)
    italian = build_lexicon(
        ["en"], {"it": {"byline_labels": ["di"], "conjunctions": ["e"], "role_words": ["inviato"]}}
    )
    assert names("Di Marco Rossi e Giulia Bianchi", lexicon=italian) == [
        "Marco Rossi",
        "Giulia Bianchi",
    ]
    assert not is_name("Marco Rossi, inviato", lexicon=italian)


def test_a_lexicon_without_words_matches_none():
    empty = Lexicon()
    assert is_name("Jane Roe", lexicon=empty)
    assert not is_byline_label("By", lexicon=empty)
    assert names("Jane Roe  John Doe", lexicon=empty) is None


def test_a_headline_with_a_preposition_is_not_a_name_and_its_place():
    headline = (
        "Aaron Bushnell, Who Self-Immolated for Palestine, Had Grown Deeply Disillusioned "
        "With the Military"
    )
    assert parse_byline(headline) is None
    assert [author.name for author in parse_byline("By Jane Roe for The Courier")] == ["Jane Roe"]


def test_a_doubled_byline_label_is_read_once():
    assert [author.name for author in parse_byline("By By NICK MADIGAN")] == ["Nick Madigan"]


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Senior Reporter", "Senior Reporter"),
        ("Staff Writer", "Staff Writer"),
        ("Jane Roe", None),
        ("Share this article", None),
        ("Published 14 September 2022", None),
    ],
)
def test_a_job_title_on_its_own_line(line, role):
    assert role_line(line) == role


def test_credits_come_from_the_lexicon_as_a_mapping():
    italian = build_lexicon(
        ["en"], {"it": {"byline_credits": {"hanno collaborato": "contributor"}}}
    )
    assert [
        (a.name, a.contribution)
        for a in parse_byline("By Marco Rossi; hanno collaborato Giulia Bianchi", lexicon=italian)
    ] == [("Marco Rossi", None), ("Giulia Bianchi", "contributor")]
    with pytest.raises(ValueError, match="credits parts .*got \\['collaborazione'\\]"):
        build_lexicon(["en"], {"it": {"byline_credits": {"hanno collaborato": "collaborazione"}}})
    # A list where the field maps words to values is named in the error.
    with pytest.raises(ValueError, match="'byline_credits' for 'it' maps words"):
        build_lexicon(["en"], {"it": {"byline_credits": ["hanno collaborato"]}})
