"""Stage 4: quotes, speakers and people."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wagtail_newsroom.importer.lexicon import DEFAULT_LEXICON, build_lexicon
from wagtail_newsroom.importer.pronouns import default_ranker
from wagtail_newsroom.importer.quotes import (
    People,
    _grammar,
    _reported,
    find_quotes,
    standardise_quotes,
)
from wagtail_newsroom.importer.result import Author, BodyBlock, SpeakerKind


def run(*paragraphs, authors=()):
    body, people = find_quotes([BodyBlock("paragraph", p) for p in paragraphs], list(authors))
    return body, {person.name: person for person in people}


def assert_spoken_by_no_person(paragraph, speaker, kind):
    body, people = run(paragraph)
    quotation = body[0].quotes[0]
    assert (quotation.speaker, quotation.speaker_kind) == (speaker, kind)
    assert body[0].to_dict()["quotes"][0]["speaker_kind"] == kind.value
    assert not people


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
    assert body[0].quotes
    assert body[0].text == paragraph
    assert (
        body[0].quotes[0].speaker,
        body[0].quotes[0].speaker_role,
        body[0].quotes[0].attribution,
    ) == (
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
    assert [bool(block.quotes) for block in body] == [False, True, True]
    assert [block.quotes[0].speaker for block in body[1:]] == ["Qin Peng", "Qin Peng"]
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
    assert [bool(block.quotes) for block in body] == [True, True, False]
    assert body[1].quotes[0].speaker == "Maria Lopez"


def test_scare_quotes_are_not_speech():
    body, _ = run(
        "Beijing built the so-called “social credit” system, and “Big Brother” fears grew.",
        "The minister called it a “reset” of relations, officials said.",
    )
    assert [bool(block.quotes) for block in body] == [False, False]


def test_byline_authors_are_people():
    _, people = run("Nothing quoted here at all.", authors=[Author("Penny Zhou", "reporter")])
    assert people["Penny Zhou"].roles == ["reporter"]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            "“We are cooperating fully with investigators,” the company said in a statement.",
            "the company",
        ),
        ("“We will not comment on rumours,” said a Halcyon spokeswoman.", "a Halcyon spokeswoman"),
        (
            "“Trump will be defeated, but not in a week,” said a New Hampshire Republican, who, "
            "like all respondents, responded anonymously.",
            "a New Hampshire Republican",
        ),
        (
            "“Fundraising is not a problem,” said one Republican involved in the planning, who "
            "spoke on the condition of anonymity.",
            "one Republican involved in the planning",
        ),
        (
            "Another intelligence source speaking to Fox News said, “The agents are looking at "
            "the donations.”",
            "Another intelligence source",
        ),
        ("One voter said: “We need a change here and now.”", "One voter"),
    ],
)
def test_a_speaker_the_story_describes_is_given_as_described_never_as_a_person(paragraph, speaker):
    assert_spoken_by_no_person(paragraph, speaker, SpeakerKind.DESCRIBED)


def test_it_said_is_a_quote_without_a_speaker():
    body, people = run("“We are cooperating fully with investigators,” it said in a statement.")
    assert body[0].quotes
    assert body[0].quotes[0].speaker is None
    assert not people


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (  # the nearest person of that gender
            (
                "“Firms hire in bursts,” said James Whitcombe, an economist.",
                "Maria Lopez is not so sure. Her surveys show owners are still pausing.",
                "“If this were a normal pause, we would see it ending by now,” she said.",
            ),
            "Maria Lopez",
        ),
        (  # the last speaker before a name no one has heard speak
            (
                "“We will rebuild the pier by spring,” said Tom Harker, the harbour master.",
                "The work will start at Trump Tower Marina and run north along the shore.",
                "“It will not be cheap,” he said.",
            ),
            "Tom Harker",
        ),
    ],
)
def test_pronoun_resolves_to_the_person_meant(paragraphs, speaker):
    body, _ = run(*paragraphs)
    assert body[2].quotes[0].speaker == speaker


def test_speaker_introduced_in_the_sentence_before_the_quote():
    body, people = run(
        'Kessel captain Rasmus Thorvaldsen was gracious in defeat. "They were the better crew '
        'today. We will see them again in May," he said.',
    )
    assert (body[0].quotes[0].speaker, body[0].quotes[0].speaker_role) == (
        "Rasmus Thorvaldsen",
        "Kessel captain",
    )
    assert people["Rasmus Thorvaldsen"].roles == ["Kessel captain"]


def test_according_to_captures_the_role_after_the_name():
    body, people = run(
        "“Credit is the oxygen of small firms, and they are holding their breath,” according to "
        "Samuel Okafor, a senior analyst at Brightwater Capital who follows regional banks.",
    )
    assert body[0].quotes[0].speaker == "Samuel Okafor"
    assert people["Samuel Okafor"].roles == ["senior analyst at Brightwater Capital"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "''We will rebuild every home that burned down,'' Jane Roe said.",
        '"We will rebuild every home that burned down," Jane Roe said.',
        '“We will rebuild every home that burned down," Jane Roe said.',
        "‘We will rebuild every home that burned down,’ Jane Roe said.",
        "«We will rebuild every home that burned down», Jane Roe said.",
        "« We will rebuild every home that burned down », Jane Roe said.",
        "„We will rebuild every home that burned down“, Jane Roe said.",
        # Attributions without a verb, and a mark glued after the comma.
        "Harbour master Jane Roe: “We will rebuild every home that burned down.”",
        "“We will rebuild every home that burned down.” — Jane Roe",
        "Jane Roe said,”We will rebuild every home that burned down.”",
    ],
)
def test_every_quotation_mark_convention_and_attribution_shape(paragraph):
    body, _people = run(paragraph)
    assert body[0].quotes
    assert body[0].quotes[0].speaker == "Jane Roe"
    assert body[0].text == paragraph  # the source's marks stay


@pytest.mark.parametrize(
    ("text", "standard"),
    [
        ("''Well,'' she said.", "“Well,” she said."),
        ("“It's unusual,“ he said.", "“It's unusual,” he said."),
        ('He called it "so-called" reform.', "He called it “so-called” reform."),
        ("The players’ union ‘will not’ agree.", "The players’ union “will not” agree."),
        ("“Don’t,” he said, ‘never’.", "“Don’t,” he said, ‘never’."),  # doubles: singles nest
    ],
)
def test_standardise_quotes(text, standard):
    assert standardise_quotes(text) == standard


def test_words_quoted_inside_the_reporters_sentence_are_not_direct_speech():
    body, _people = run(
        "Dean Johnson, a salesman from Sumter, says Cruz will “leave here with momentum.”",
        "Mr. Ryan said the remarks were “the textbook definition of a racist comment.”",
    )
    assert [bool(block.quotes) for block in body] == [False, False]


def test_a_direct_quote_may_follow_a_short_lead_in():
    body, _people = run("Sooner or later, ''we will have a consumption tax,'' Jane Roe said.")
    assert body[0].quotes
    assert body[0].quotes[0].speaker == "Jane Roe"


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            "Hillary Clinton tweeted her congratulations to Bernie Sanders on Tuesday night, "
            "adding, “to all the voters and volunteers who poured your hearts into this: "
            "Forward!”",
            "Hillary Clinton",
        ),
        # Set off a few words after its verb.
        (
            "Carson did not mention any of his opponents by name, but told his supporters, "
            "“our nation is in horrible trouble and we have such important issues to deal with.”",
            "Carson",
        ),
        # Not set off by a comma.
        (
            "During the two-hour service, assistant pastor Charles Elliott asked the "
            "congregation to stand. In his tribute, Elliott said “there is no great man that "
            "has done more for this city.”",
            "Charles Elliott",
        ),
    ],
)
def test_a_quote_right_after_its_speech_verb_is_direct_however_long_the_sentence(
    paragraph, speaker
):
    body, _people = run(paragraph)
    assert body[0].quotes[0].speaker == speaker


def test_a_participle_leads_into_a_quote():
    body, _people = run(
        "Jane Roe took to Twitter, writing: “Another horrific attack. When will we learn?”"
    )
    assert body[0].quotes
    assert body[0].quotes[0].speaker == "Jane Roe"


def test_a_short_quote_with_its_attribution_is_a_quote():
    body, _people = run('"Biden is very good," Tom Nides wrote.')
    assert body[0].quotes
    assert body[0].quotes[0].speaker == "Tom Nides"


def test_speech_verbs_come_from_the_lexicon():
    # Too short to be speech by its shape alone: only a speech verb makes it a quote.
    paragraph = "“Not this year,” Jane Roe harrumphed."
    body, _people = run(paragraph)
    assert not body[0].quotes
    lexicon = build_lexicon(("en",), {"en": {"speech_verbs": ["harrumphed"]}})
    body, _people = find_quotes([BodyBlock("paragraph", paragraph)], [], lexicon=lexicon)
    assert body[0].quotes[0].speaker == "Jane Roe"


def test_a_pronoun_with_no_one_to_refer_to_gives_a_quote_without_a_speaker():
    body, people = run("“It will not be cheap,” he said.")
    assert body[0].quotes
    assert body[0].quotes[0].speaker is None
    assert not people


def test_a_colon_after_a_sentence_is_not_an_attribution():
    # The words are quoted from the letter: a quotation, by no person.
    body, people = run("The letter makes a simple case: “We must stand together as neighbours.”")
    assert [q.speaker for q in body[0].quotes] == [None]
    assert not people


def test_a_paragraph_that_quotes_stays_a_paragraph_with_the_speakers_words():
    paragraph = "“We will rebuild,” Jane Roe said. “It will take a year.”"
    body, _ = run(paragraph)
    assert (body[0].type, body[0].text) == ("paragraph", paragraph)
    assert body[0].quotes[0].text == "We will rebuild. It will take a year."
    assert body[0].to_dict()["quotes"] == [
        {
            "text": "We will rebuild. It will take a year.",
            "speaker": "Jane Roe",
            "speaker_kind": "person",
            "speaker_role": None,
            "attribution": "Jane Roe said",
        }
    ]


def test_a_quotation_the_source_set_apart_stays_a_quote_block():
    body, _ = find_quotes([BodyBlock("quote", "“We will rebuild every home,” Jane Roe said.")], [])
    assert (body[0].type, body[0].speaker, body[0].quotes) == ("quote", "Jane Roe", [])


@pytest.mark.parametrize(
    ("paragraph", "speaker", "role"),
    [
        ("“It is over,” Even Lindsey Graham said.", "Lindsey Graham", None),
        ("“It is over,” said Alabama Sen. Jeff Sessions.", "Jeff Sessions", None),
        ("“It is over,” Senators Mitch McConnell said.", "Mitch McConnell", "Senators"),
        ("“It is over,” Co-anchor Norah O'Donnell said.", "Norah O'Donnell", "Co-anchor"),
        ("“It is over,” Prime Minister Theresa May said.", "Theresa May", "Prime Minister"),
    ],
)
def test_sentence_words_and_titles_are_not_part_of_a_name(paragraph, speaker, role):
    body, people = run(paragraph)
    assert (body[0].quotes[0].speaker, body[0].quotes[0].speaker_role) == (speaker, role)
    assert list(people) == [speaker]


def test_a_name_ending_in_a_pronoun_is_no_name():
    body, people = run("“It is over,” Washington D.C. He said.")
    assert not people


def test_the_words_around_a_passive_attribution_are_no_speaker():
    body, people = run(
        "According to the recently released playbook, his salespersons were told: “Don't let "
        "them walk away.”"
    )
    assert body[0].quotes[0].speaker is None
    assert not people


def test_a_surname_of_two_words_is_the_person_named_in_full():
    _body, people = run(
        "Head coach Siobhán Ní Bhriain said the crew had changed its training.",
        "“They believed they could do it,” Ní Bhriain said.",
    )
    assert list(people) == ["Siobhán Ní Bhriain"]
    assert people["Siobhán Ní Bhriain"].aliases == ["Ní Bhriain"]


@pytest.mark.parametrize(
    ("paragraph", "role"),
    [
        ("“It is over,” said Jane Roe, 63, a retired postal worker.", "retired postal worker"),
        (
            "“It is over,” said Jane Roe, of the Council on Foreign Relations.",
            "of the Council on Foreign Relations",
        ),
        ("“It is over,” said Jane Roe, a director for.", None),
        ("“It is over,” said Jane Roe, after a long pause.", None),
    ],
)
def test_roles_are_the_description_the_story_gives(paragraph, role):
    body, _people = run(paragraph)
    assert body[0].quotes[0].speaker == "Jane Roe"
    assert body[0].quotes[0].speaker_role == role


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (  # a name then "of" an organisation
            ("“Big tax cuts do not work,” Jane Roe of the Harbour Policy Institute wrote.",),
            "Jane Roe",
        ),
        (  # a pronoun after a clause
            (
                "“We will look again,” said Jane Roe, the harbour master.",
                "After thinking it over, she added: “Now we will look into that.”",
            ),
            "Jane Roe",
        ),
        (  # the quote in the sentence after its attribution
            ("Jane Roe, the harbour master, said in a statement. “The pier will reopen.”",),
            "Jane Roe",
        ),
    ],
)
def test_more_attribution_shapes(paragraphs, speaker):
    body, _ = run(*paragraphs)
    assert body[-1].quotes[0].speaker == speaker


def test_it_said_is_a_quote_by_a_body_not_a_person():
    body, people = run("“Only one in three staff trust the board,” it added.")
    assert body[0].quotes[0].speaker is None
    assert not people


def test_a_quoted_sentence_in_the_reporters_sentence_is_speech_without_a_verb():
    body, people = run(
        "Columnist Michael Gerson calls Cruz a chameleon: “As a candidate, his superpower is "
        "to sense exactly where the right is at any given moment.”"
    )
    assert [q.speaker for q in body[0].quotes] == ["Michael Gerson"]
    assert "Michael Gerson" in people


def test_a_quoted_sentence_names_its_speaker_after_the_quote():
    body, _ = run(
        "“What was the pivot point that made him change so fundamentally?” Beck pondered."
    )
    assert [q.speaker for q in body[0].quotes] == ["Beck"]


@pytest.mark.parametrize(
    "paragraph",
    [
        # Quoted words in the reporter's sentence, not a sentence of the speaker's own.
        "Mike Huckabee is labeling the actions “a blatant, belligerent abuse of power.”",
        # Short, and no speech verb: a title or a slogan.
        "The slogan of the campaign is “I'm with her.” Voters heard it everywhere.",
        # A quote alone in its paragraph is said by whoever the story says; this one says no one.
        "“We have been here before, and we will be here again.”",
        # Reported speech that quotes the speaker's words.
        "Ramos warned that “Nobody, absolutely nobody, can get to the White House alone.”",
        # A title.
        "Reporters have been reading the new book, “Crippled America: How to Make America "
        "Great Again,” for clues about his plans.",
    ],
)
def test_what_is_not_speech_by_its_shape(paragraph):
    body, _ = run(paragraph)
    assert not body[0].quotes


def test_the_role_may_come_before_the_name_after_the_verb():
    body, _ = run(
        "“Some sort of amnesty, I think,” said undecided Republican voter Stephanie Hooton of "
        "Derry, before the barn event."
    )
    quotation = body[0].quotes[0]
    assert quotation.speaker == "Stephanie Hooton"
    assert quotation.speaker_role == "undecided Republican voter"


@pytest.mark.parametrize(
    ("before", "speaker", "role"),
    [
        ("Walsh had close ties to Vice President Joe Biden.", "Joe Biden", "Vice President"),
        (
            "Retired Army Col. Lawrence Wilkerson brought up the bombing.",
            "Lawrence Wilkerson",
            None,
        ),
        # A middle initial is no honorific ("M." is French for "Mr.").
        (
            "Senate Minority Leader Harry M. Reid met the press.",
            "Harry M. Reid",
            "Senate Minority Leader",
        ),
        # A roman numeral is no organisation's initials.
        ("Bill Jones III chaired the meeting.", "Bill Jones III", None),
        # German capitalises the job; the name starts at the given name.
        ("Am Montag kam der Bauleiter Stefan Aydın zur Baustelle.", "Stefan Aydın", None),
        (
            "Alabama Securities Commissioner Thomas Krebs wrote it.",
            "Thomas Krebs",
            "Alabama Securities Commissioner",
        ),
    ],
)
def test_a_long_run_of_titles_ends_in_the_whole_name(before, speaker, role):
    body, people = run(before, "“It was not cheap,” he said.")
    assert body[1].quotes[0].speaker == speaker
    assert people[speaker].roles == ([role] if role else [])


def test_a_title_after_a_place_preposition_makes_a_person():
    body, _ = run(
        "“I'd rather have a sister in a whorehouse than a brother in the FBI.” That quote "
        "from Alabama Securities Commissioner Thomas Krebs appeared on the front page."
    )
    assert body[0].quotes[0].speaker == "Thomas Krebs"


def test_a_heading_in_capitals_is_no_speaker():
    body, people = run(
        "EBOLA SURVIVORS, THROUGH THE LENS “It’s about creating agency for communities who "
        "previously didn’t have very much agency to tell their own story.”"
    )
    assert body[0].quotes[0].speaker is None
    assert not people


def test_a_long_attribution_still_names_its_speaker():
    body, _ = run(
        "“It's crazy that nobody else is trying to win,” said Mr. Stevens, who took direct aim "
        "at Senator Marco Rubio of Florida, long viewed by many within the party's leadership "
        "as their best chance to overtake Mr. Trump but who finished a distant second."
    )
    assert body[0].quotes[0].speaker == "Stevens"


@pytest.mark.parametrize(
    ("before", "pronoun", "speaker"),
    [
        # The given name tells the sex, though another person was named nearer.
        (
            "Hillary Clinton spoke first at the rally. Then Tim Kaine took the stage.",
            "she",
            "Hillary Clinton",
        ),
        # A place is no one.
        (
            "The marchers followed Chico Manriquez. They walked through downtown San Francisco.",
            "he",
            "Chico Manriquez",
        ),
        # A surname with a title is a person, and the title tells the sex.
        ("Mrs. Worley took the stage after the vote in Montgomery.", "she", "Worley"),
        # "Mrs. Clinton" is not the Bill Clinton named before her.
        ("Bill Clinton spoke first. Then Mrs. Clinton took the stage.", "she", "Clinton"),
        # A place's preposition ends with its sentence.
        (
            "Robyn Gedrich was banned. Politics is not welcome early in courtships. Jillian "
            "Chase, 27, a user in New York, said the election would come up.",
            "she",
            "Jillian Chase",
        ),
        # A question word opening the sentence is no part of a name.
        ("Bernie Sanders spoke first. What Sanders wants is clear.", "he", "Bernie Sanders"),
        # Capitalised words after an article describe: "an Orlando Republican" is no one.
        (
            "Todd Wilcox spoke first. Wilcox, an Orlando Republican, founded a defense firm.",
            "he",
            "Todd Wilcox",
        ),
        # An organisation's initials end its name: "House Majority PAC" is no one.
        (
            "Alixandria Lapp, executive director of the House Majority PAC, said she was sure.",
            "she",
            "Alixandria Lapp",
        ),
    ],
)
def test_a_pronoun_means_the_person_it_can(before, pronoun, speaker):
    body, _ = run(before, f"“We really need to bring a close to this process,” {pronoun} said.")
    assert body[1].quotes[0].speaker == speaker


def test_a_quote_alone_takes_the_speaker_the_paragraph_before_introduces():
    body, _ = run(
        "Trump put it bluntly in a statement on Friday:",
        "“We are going to win, and we are going to win big in November.”",
    )
    assert body[1].quotes[0].speaker == "Trump"


def test_a_quote_alone_goes_on_for_the_speaker_quoted_just_before():
    body, _ = run(
        "“There is a passion for Donald, and his wife knocked it out of the park,” said "
        "Robert Antonacci of the New York delegation.",
        "“Who cares? It was her speech, and she gave it well.”",
        "The convention moved on to the roll call.",
        "“A quote two paragraphs after its speaker is nobody's.”",
    )
    assert body[1].quotes[0].speaker == "Robert Antonacci"
    assert not body[3].quotes


def test_a_quote_alone_takes_the_speaker_signed_under_it():
    body, _ = run(
        "“Boeing and GE and other multinationals pay zero taxes, and that must end.”",
        "— Bernie Sanders.",
    )
    assert body[0].quotes[0].speaker == "Bernie Sanders"
    assert not body[1].quotes


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            "“We will appeal the ruling,” Crestline Properties said in a statement.",
            "Crestline Properties",
        ),
        ("“We are reviewing the decision,” the Justice Department said.", "Justice Department"),
        ("“The alliance stands together,” NATO said on Tuesday.", "NATO"),
        (
            "“It is simply not true,” said the Council on Foreign Relations, a think tank.",
            "Council on Foreign Relations",
        ),
        ("“The talks have stalled for good,” the Post reported.", "Post"),
        ("“We disagree with the report entirely,” the Trump campaign said.", "Trump campaign"),
        (
            "“He did write her an email memo,” Powell’s office said in a statement.",
            "Powell’s office",
        ),
    ],
)
def test_an_organisation_speaks_as_an_organisation_never_a_person(paragraph, speaker):
    assert_spoken_by_no_person(paragraph, speaker, SpeakerKind.ORGANISATION)


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # The organisation is the person's employer or role.
        (
            "“We will count every ballot,” said Maricopa County Recorder Helen Purcell.",
            "Helen Purcell",
        ),
        ("“It is simply not true,” said Jane Roe of the Council on Foreign Relations.", "Jane Roe"),
        ("“We have the votes,” White House Press Secretary Josh Earnest said.", "Josh Earnest"),
        # A name does not start inside a word: "anti-Trump National Review" is no one.
        (
            "After the speech, conservative commentator Jonah Goldberg of the anti-Trump "
            "National Review imagined Christie was thinking: “My God, what have I done?”",
            "Jonah Goldberg",
        ),
        # An apposition's names are the employer's.
        (
            "“Trump is the leader of a populism that's growing,” Massimo Franco, a columnist "
            "for the Italian newspaper Corriere della Sera, wrote.",
            "Massimo Franco",
        ),
        # The place a person is from is not them.
        (
            "“You did feel that it was stifling,” Representative Peter T. King, Republican of "
            "New York, said.",
            "Peter T. King",
        ),
        ("“We have the votes,” the Zionist Union Party’s Nachman Shai said.", "Nachman Shai"),
    ],
)
def test_a_person_named_with_an_organisation_is_a_person(paragraph, speaker):
    body, people = run(paragraph)
    quotation = body[0].quotes[0]
    assert (quotation.speaker, quotation.speaker_kind) == (speaker, SpeakerKind.PERSON)
    assert speaker in people


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        # A participle's speaker is the subject that acts in its sentence.
        (
            [
                "Bernie Sanders and Hillary Clinton met again in Iowa.",
                "At Sunday night's debate, Sanders compared himself to Clinton, saying, “I do not "
                "get speaking fees from Goldman Sachs.”",
            ],
            "Bernie Sanders",
        ),
        (
            [
                "Soon after Debbie Wasserman Schultz was booed on Monday, Tim Canova wrote to his "
                "followers, adding, “It is time to end her political career.”"
            ],
            "Tim Canova",
        ),
        # Without a speech verb, the one who acts, not the first named.
        (
            [
                "Mayor Bill de Blasio spoke on the radio.",
                "When asked by a host if the revelations by Edward Snowden about intelligence "
                "gathering in any way led to the attacks, which was seen as an intelligence "
                "failure, de Blasio said, “I have not heard that particular concern” from the "
                "police.",
            ],
            "Bill de Blasio",
        ),
        # A participle's clause set in the sentence does not name the speaker.
        (
            [
                "Hillary Clinton, speaking to reporters on her plane en route to Tampa, said: “The "
                "FBI resolved all of this.”"
            ],
            "Hillary Clinton",
        ),
    ],
)
def test_the_speaker_is_the_subject_that_acts(paragraphs, speaker):
    body, _ = run(*paragraphs)
    assert body[-1].quotes[0].speaker == speaker


def test_a_place_or_a_company_that_acts_is_no_person():
    for subject in ("Google announced a new phone", "Moscow denied the report"):
        body, people = run(
            f"On Thursday, {subject}.", "“It is a provocation by the West,” he said."
        )
        assert body[1].quotes[0].speaker is None
        assert not people


@pytest.mark.parametrize(
    ("paragraph", "speaker", "role"),
    [
        # A job that opens with -ing is no participle's clause.
        (
            "“We will have a deal this week, no doubt about it,” Jane Roe, managing editor of "
            "the Post, said.",
            "Jane Roe",
            "managing editor of the Post",
        ),
        # The organisation beside a person's name is theirs.
        (
            "“We will have a deal this week, no doubt about it,” Jane Roe, Crestline "
            "Properties, said.",
            "Jane Roe",
            None,
        ),
    ],
)
def test_a_person_beside_an_organisation_or_a_job_in_ing(paragraph, speaker, role):
    body, _ = run(paragraph)
    quotation = body[0].quotes[0]
    assert (quotation.speaker, quotation.speaker_kind, quotation.speaker_role) == (
        speaker,
        SpeakerKind.PERSON,
        role,
    )


def test_a_conjunction_that_is_also_a_particle_parts_two_names():
    body, _ = run(
        "Pedro Sánchez y Alberto Núñez Feijóo se reunieron el martes en Madrid.",
        "«Hay que cerrar un acuerdo esta misma semana», dijo Sánchez.",
    )
    assert body[1].quotes[0].speaker == "Pedro Sánchez"


def test_words_quoted_in_the_run_of_a_long_sentence_are_not_speech():
    body, _ = run(
        "Critics of the plan, who have long warned “of a catastrophe in the making,” were "
        "vindicated on Tuesday."
    )
    assert not body[0].quotes


def test_a_quote_alone_does_not_go_on_across_a_heading():
    blocks = [
        BodyBlock("paragraph", "“We had written two dozen songs by then,” Anthony Kiedis said."),
        BodyBlock("heading", "The tour", level=2),
        BodyBlock("paragraph", "“The tickets sold out in four minutes, every one of them.”"),
    ]
    body, _ = find_quotes(blocks, [])
    assert body[0].quotes and not body[2].quotes


def test_a_surname_alone_is_no_organisation():
    body, _ = run("“I no longer recognize my party,” Cross wrote in the op-ed.")
    assert body[0].quotes[0].speaker_kind is not SpeakerKind.ORGANISATION


@pytest.mark.parametrize(
    ("paragraph", "not_people"),
    [
        # An organisation speaks, not a person.
        (
            "“We offered a new five-year lease at a fair rent,” the building’s owner, Crestline "
            "Properties, said.",
            {"Crestline Properties"},
        ),
        # The employer in front of the job is not a name.
        (
            "“We are sorry, and we will do better for our customers,” a Halcyon spokeswoman said.",
            {"Halcyon"},
        ),
        # A participle's subject is the sentence's, not the name before its comma.
        (
            "Trains will be diverted via Calder Bridge, adding up to 40 minutes to most journeys.",
            {"Calder Bridge"},
        ),
    ],
)
def test_who_is_not_a_person(paragraph, not_people):
    _body, people = run(paragraph)
    assert not set(people) & not_people


@pytest.mark.parametrize(
    ("paragraph", "speaker", "role"),
    [
        (
            "“The outlook is poor,” according to Samuel Okafor, senior analyst at Brightwater.",
            "Samuel Okafor",
            "senior analyst at Brightwater",
        ),
        (
            "« Je ferme la boutique à la fin du mois », a déclaré Marie Lefèvre, 64 ans, "
            "boulangère depuis l'âge de dix-huit ans.",
            "Marie Lefèvre",
            "boulangère depuis l'âge de dix-huit ans",
        ),
        (
            "“Nadie nos escucha”, dijo Carmen Ortiz, portavoz de la plataforma que convocó la "
            "protesta.",
            "Carmen Ortiz",
            "portavoz de la plataforma",
        ),
    ],
)
def test_roles_are_trimmed_of_ages_clauses_and_function_words(paragraph, speaker, role):
    _body, people = run(paragraph)
    assert people[speaker].roles == [role]


@pytest.mark.parametrize(
    ("before", "quote", "speaker"),
    [
        # A German "er", and a French pronoun after its verb ("a-t-il confié").
        (
            "Der Bauleiter der beauftragten Firma, Stefan Aydın, rechnet mit dem Sommer.",
            "„Wenn der Winter mitspielt, beginnen wir im Frühjahr mit dem Überbau“, sagte er.",
            "Stefan Aydın",
        ),
        (
            "Henri Lefèvre, lui, reste optimiste.",
            "« Il y a toujours quelqu'un qui rêve d'avoir sa boulangerie », a-t-il confié.",
            "Henri Lefèvre",
        ),
    ],
)
def test_pronouns_come_from_the_lexicon_in_every_language(before, quote, speaker):
    body, _ = run(before, quote)
    assert body[1].quotes[0].speaker == speaker


@pytest.mark.parametrize(
    ("paragraphs", "name", "role"),
    [
        (
            (
                "La alcaldesa, Lucía Fernández, recibió a los vecinos.",
                "“Ahora le toca a la consejería poner el dinero”, dijo Fernández.",
            ),
            "Lucía Fernández",
            "alcaldesa",
        ),
        (
            (
                "The board named Denise Whitaker, principal of Ridgefield High School, as head.",
                "“I am honoured and ready to start the work,” Whitaker said.",
            ),
            "Denise Whitaker",
            "principal of Ridgefield High School",
        ),
        (
            (
                "Maria Lopez is a nurse who has worked here for 20 years.",
                "“That was the job interview,” Lopez said.",
            ),
            "Maria Lopez",
            "nurse",
        ),
    ],
)
def test_what_the_story_says_a_speaker_is_becomes_their_role(paragraphs, name, role):
    _body, people = run(*paragraphs)
    assert role in people[name].roles


def test_a_sentence_around_a_name_is_no_role():
    _body, people = run(
        "Two weeks before the listing, regulators summoned Jack Ma, who was backed by investors.",
        "“We will comply with every rule the regulators set,” Ma said.",
    )
    assert people["Jack Ma"].roles == []


def test_a_surname_is_the_person_not_a_place_named_after_them():
    body, _ = run(
        "Donald Trump arrived on Friday. Trump National Golf staff lined the drive.",
        "On Saturday, Mr. Trump said on Twitter: “She is letting her husband out to campaign.”",
    )
    assert body[1].quotes[0].speaker == "Donald Trump"


def test_a_particle_may_open_a_surname():
    body, _ = run("“I have not heard that particular concern at all,” de Blasio said.")
    assert body[0].quotes[0].speaker == "de Blasio"


# --- names looked up, not searched for (issue 11) ------------------------------------------

NAME = st.lists(st.sampled_from(["Qin", "Peng", "Roe", "Jane"]), min_size=1, max_size=3).map(
    " ".join
)


def _resolve_by_reading_every_name(full_names, gender, name, sex):
    fits = [
        full
        for full in reversed(full_names)
        if full != name and (sex is None or gender.get(full, sex) == sex)
    ]
    for full in fits:
        if full.endswith(" " + name):
            return full, name
    for full in fits:
        if full.startswith(name + " ") and full.count(" ") == 1:
            return full, name
    return name, None


@given(
    st.lists(NAME, max_size=12),
    st.dictionaries(NAME, st.sampled_from(["f", "m"]), max_size=4),
    NAME,
    st.sampled_from([None, "f", "m"]),
)
def test_a_name_resolves_as_reading_every_name_given_before_would(names, gender, name, sex):
    people = People(_grammar(DEFAULT_LEXICON), default_ranker())
    for full in names:
        people.full_names.append(full)
    people.gender.update(gender)
    assert people.resolve(name, sex) == _resolve_by_reading_every_name(names, gender, name, sex)


@given(st.text(alphabet="that \n\u0000s", max_size=20))
def test_reported_speech_is_read_back_from_the_quote_as_a_search_up_to_it_reads_it(masked):
    naive = re.compile(r"\bthat\s*$")
    for at in range(len(masked) + 1):
        assert _reported(masked, at) == (naive.search(masked, 0, at) is not None)


def test_a_run_of_thousands_of_capitalised_words_ends_in_a_name_of_four():
    named = "Mayor " + "Capitalised " * 20_000 + "Jane Roe arrived."
    body, people = run(named, "“We will win,” Roe said.")
    assert body[1].quotes[0].speaker == "Capitalised Capitalised Jane Roe"
    assert list(people) == ["Capitalised Capitalised Jane Roe"]
