"""Stage 4: quotes, speakers and people."""

import pytest

from wagtail_newsroom.importer.quotes import find_quotes
from wagtail_newsroom.importer.result import Author, BodyBlock


def run(*paragraphs, authors=()):
    body, people = find_quotes([BodyBlock("paragraph", p) for p in paragraphs], list(authors))
    return body, {person.name: person for person in people}


@pytest.mark.parametrize(
    ("paragraph", "speaker", "role", "attribution"),
    [
        (
            "“We will rebuild every home that burned down,” Jane Roe said.",
            "Jane Roe",
            None,
            "Jane Roe said",
        ),
        (
            "“We will rebuild every home that burned down,” said Jane Roe, a spokeswoman for the "
            "ministry.",
            "Jane Roe",
            "spokeswoman for the ministry",
            "said Jane Roe, a spokeswoman for the ministry",
        ),
        (
            "Jane Roe told Reuters: “We will rebuild every home that burned down.”",
            "Jane Roe",
            None,
            "Jane Roe told Reuters",
        ),
        (
            "“We will rebuild every home that burned down,” according to analyst Jane Roe.",
            "Jane Roe",
            "analyst",
            "according to analyst Jane Roe",
        ),
        (
            "“We will rebuild every home that burned down,” Assistant U.S. Attorney Jane Roe told "
            "jurors.",
            "Jane Roe",
            "Assistant U.S. Attorney",
            "Assistant U.S. Attorney Jane Roe told jurors",
        ),
    ],
)
def test_attribution_forms(paragraph, speaker, role, attribution):
    body, people = run(paragraph)
    assert body[0].type == "quote"
    assert body[0].text == paragraph
    assert (body[0].speaker, body[0].speaker_role, body[0].attribution) == (
        speaker,
        role,
        attribution,
    )
    assert speaker in people


def test_surnames_and_pronouns_resolve_to_the_full_name():
    body, people = run(
        "Our China affairs commentator Qin Peng said the party wanted obedience.",
        "“It is about control, nothing else in the end,” Peng said.",
        "“And they will not stop at one company or one man,” he added.",
    )
    assert [block.type for block in body] == ["paragraph", "quote", "quote"]
    assert [block.speaker for block in body[1:]] == ["Qin Peng", "Qin Peng"]
    assert people["Qin Peng"].roles == ["China affairs commentator"]
    assert people["Qin Peng"].aliases == ["Peng"]


def test_role_before_the_name_in_apposition():
    _, people = run(
        "One former billing clerk, Angela Moretti, said she quit in 2017.",
        "Finchley's attorney, David Szabo, argued that his client relied on a contractor.",
    )
    assert people["Angela Moretti"].roles == ["former billing clerk"]
    assert people["David Szabo"].roles == ["Finchley's attorney"]


def test_multi_paragraph_quote():
    body, _ = run(
        "“The first thing you notice is that owners are not pessimistic,” said Maria Lopez, "
        "a professor of economics. “They are busy.",
        "“Their order books are fine. What they lack is credit at a price they can pay.”",
        "The bank declined to comment.",
    )
    assert [block.type for block in body] == ["quote", "quote", "paragraph"]
    assert body[1].speaker == "Maria Lopez"


def test_scare_quotes_are_not_speech():
    body, _ = run(
        "Beijing built the so-called “social credit” system, and “Big Brother” fears grew.",
        "The minister called it a “reset” of relations, officials said.",
    )
    assert [block.type for block in body] == ["paragraph", "paragraph"]


def test_byline_authors_are_people():
    _, people = run("Nothing quoted here at all.", authors=[Author("Penny Zhou", "reporter")])
    assert people["Penny Zhou"].roles == ["reporter"]


def test_unnamed_speaker_is_a_quote_without_a_name():
    body, people = run(
        "“We are cooperating fully with investigators,” the company said in a statement."
    )
    assert body[0].type == "quote"
    assert body[0].speaker is None
    assert not people


def test_pronoun_resolves_to_the_nearest_person_of_that_gender():
    body, _ = run(
        "“Firms hire in bursts,” said James Whitcombe, an economist.",
        "Maria Lopez is not so sure. Her surveys show owners are still pausing.",
        "“If this were a normal pause, we would see it ending by now,” she said.",
    )
    assert body[2].speaker == "Maria Lopez"


def test_speaker_introduced_in_the_sentence_before_the_quote():
    body, people = run(
        'Kessel captain Rasmus Thorvaldsen was gracious in defeat. "They were the better crew '
        'today. We will see them again in May," he said.',
    )
    assert (body[0].speaker, body[0].speaker_role) == ("Rasmus Thorvaldsen", "Kessel captain")
    assert people["Rasmus Thorvaldsen"].roles == ["Kessel captain"]


def test_according_to_captures_the_role_after_the_name():
    body, people = run(
        "“Credit is the oxygen of small firms, and they are holding their breath,” according to "
        "Samuel Okafor, a senior analyst at Brightwater Capital who follows regional banks.",
    )
    assert body[0].speaker == "Samuel Okafor"
    assert people["Samuel Okafor"].roles == ["senior analyst at Brightwater Capital"]
