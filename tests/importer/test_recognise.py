"""Recognition rules for headline, byline and date, on small page-shaped inputs."""

import datetime

import pytest

from wagtail_newsroom.importer import parse
from wagtail_newsroom.importer.byline import parse_byline
from wagtail_newsroom.importer.passes.headline import looks_like_menu
from wagtail_newsroom.importer.rules import DEFAULT_RULES
from wagtail_newsroom.importer.shape import is_title_shaped

BODY = (
    "The council approved the harbour budget on Tuesday after a debate that lasted six hours.\n\n"
    "Councillors said the money would pay for dredging and a new ferry terminal next year.\n\n"
    "The mayor said the vote showed that the town was ready to invest in its waterfront.\n"
)


def page(header: str) -> str:
    return "Home\nNews\nSport\n" + header + "\n\n" + BODY


def names(article):
    return [author.name for author in article.authors]


def first_rule(text):
    words = len(text.split())
    return next((rule.name for rule in DEFAULT_RULES if rule.matches(text, words)), None)


# --- headline -------------------------------------------------------------------------------


def test_photo_caption_under_the_byline_is_not_the_headline():
    article = parse(
        page(
            "Council backs harbour plan after marathon debate\n"
            "by Jane Roe Apr. 28, 2023 1:15 pm\n"
            "Share\n"
            "Mayor Tom Hill (left) and Jane Doe (right) at the harbour"
        ),
        "t.txt",
    )
    assert article.headline == "Council backs harbour plan after marathon debate"


def test_agency_captioned_photo_is_not_the_headline():
    article = parse(
        page(
            "Council backs harbour plan\n"
            "Tom Hill, left, talks with Jane Doe at the harbour, Thursday, April 27, 2023. "
            "(AP Photo/Jo Bloggs) more >\n"
            "By Jane Roe - Associated Press - Friday, April 28, 2023"
        ),
        "t.txt",
    )
    assert article.headline == "Council backs harbour plan"


def test_long_title_case_headline_is_not_a_menu():
    headline = (
        "New Plot Twist in Harbour Budget Case: Council Agrees to Interview with the Mayor's "
        "Defense Lawyers"
    )
    assert not looks_like_menu(headline)
    assert looks_like_menu(
        "Saved articles bookmark Account settings account_circle Manage newsletters mail"
    )
    assert looks_like_menu("Home » News » South Africa")
    assert parse(page(f"{headline}\nby Jane Roe Apr. 28, 2023"), "t.txt").headline == headline


def test_flattened_menu_line_is_never_the_headline():
    article = parse(
        page(
            "Saved articles bookmark Account settings account_circle Manage newsletters mail "
            "Log out logout\n"
            "Council backs harbour plan after marathon debate\n"
            "Jane Roe\n"
            "January 28, 2025 11:30 am"
        ),
        "t.txt",
    )
    assert article.headline == "Council backs harbour plan after marathon debate"


def test_timestamped_latest_news_teaser_is_not_the_headline():
    assert first_rule("6m agoWatching the harbour vote is not the politics I fell for") == (
        "timestamped-teaser"
    )
    article = parse(
        page(
            "LATEST\n"
            "6m agoWatching the harbour vote is not the politics I fell in love with\n"
            "1h agoWhy the ferry plan is a necessary evil for the town\n"
            "Council backs harbour plan after marathon debate\n"
            "By Jane Roe\n"
            "August 30, 2023 1:55 am"
        ),
        "t.txt",
    )
    assert article.headline == "Council backs harbour plan after marathon debate"


def test_capitals_kicker_is_split_from_the_headline():
    article = parse(
        page(
            "HARBOUR SHOCK Who is paying for the new ferry terminal and why?\n"
            "Jane Roe\n"
            "Published: 22:04, 22 Apr 2024"
        ),
        "t.txt",
    )
    assert article.headline == "Who is paying for the new ferry terminal and why?"
    assert article.section == "HARBOUR SHOCK"


def test_first_title_of_a_related_list_is_not_the_headline():
    article = parse(
        page(
            "Council backs harbour plan after marathon debate\n\n"
            "By Jane Roe\n\n"
            "Journalist\n\n"
            "4 minute read\n\n"
            "28 November 2025\n\n"
            "Related articles\n"
            "Ferry operator warns of delays as the new terminal is built over winter\n"
            "Harbour seals return"
        ),
        "t.txt",
    )
    assert article.headline == "Council backs harbour plan after marathon debate"


def test_a_title_repeated_as_the_page_title_wins():
    article = parse(
        "Council backs harbour plan | Harbour Gazette\n"
        "Menu\n"
        "Ferry fares to rise in spring\n"
        "Council backs harbour plan\n"
        "Council backs harbour plan\n"
        "1 of 2 |\n"
        "Read More\n"
        "By Jane Roe\n\n" + BODY,
        "t.txt",
    )
    assert article.headline == "Council backs harbour plan"


def test_headline_in_an_uncased_script_is_title_shaped():
    assert is_title_shaped("समस्तीपुर पुलिस ने 2 बदमाशों को पकड़ा")
    assert not is_title_shaped("ASP संजय पांडे और थाना अध्यक्ष मनीषा कुमारी।")


# --- bylines ----------------------------------------------------------------------------------


def test_job_title_in_capitals_is_not_a_name():
    assert parse_byline("ASSISTANT SPORTS EDITOR") is None


def test_names_under_a_by_label_one_a_line():
    article = parse(
        page(
            "Council backs harbour plan after marathon debate\n"
            "By\n"
            "Lucy RoeNews Reporter\n"
            "Tim Doe\n"
            "Phoebe Poe\n"
            "Published 3 May 2024"
        ),
        "t.txt",
    )
    assert names(article) == ["Lucy Roe", "Tim Doe", "Phoebe Poe"]


@pytest.mark.parametrize("credit", ["By Denise Roe", "The Associated Press"])
def test_author_of_the_article_label(credit):
    article = parse(
        page(
            "Council backs harbour plan after marathon debate\n\n"
            f"Author of the article:\n{credit}\nPublished Jun 05, 2026"
        ),
        "t.txt",
    )
    assert names(article) == [credit.removeprefix("By ")]


def test_reading_time_after_a_lone_name_is_noise():
    article = parse(
        page(
            "Council backs harbour plan\nThe vote came after six hours.\n"
            "November 6, 2025\n Jane Roe 2 minutes read"
        ),
        "t.txt",
    )
    assert names(article) == ["Jane Roe"]


# --- dates --------------------------------------------------------------------------------------


def test_date_on_the_byline_beats_the_masthead_date_above():
    article = parse(
        page(
            "Wednesday, 03 December 2025\n"
            "Council backs harbour plan after marathon debate\n\n"
            "by Jane Roe | 5 November 2024"
        ),
        "t.txt",
    )
    assert article.published == datetime.date(2024, 11, 5)


# --- boilerplate rules ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        (
            "Facebook X LinkedIn Tumblr Pinterest WhatsApp Telegram Share via Email Print",
            "share-row",
        ),
        ("_ga 2 years This cookie is installed by Google Analytics.", "cookie-table"),
        ("Cookie Duration Description", "cookie-table"),
        ("Richard Roe says:", "comment"),
        ("Enter search term:", "menu-label"),
        (
            "This advertisement has not loaded yet, but your article continues below.",
            "ad-placeholder",
        ),
        (
            "If you buy something using links in our stories, we may earn a commission. "
            "This helps support our journalism. Learn more.",
            "affiliate-disclosure",
        ),
        (
            "Sign up for our free email newsletter, and we'll make sure to keep you in the loop.",
            "newsletter-pitch",
        ),
        ("Visit example.org to learn how to help the prisoners.", "call-to-action"),
        ("You can email Jane Roe here, and read more of Jane Roe's articles here.", "author-box"),
        (
            "Please enable JavaScript to view the comments powered by Disqus.",
            "comments-placeholder",
        ),
        ("Scroll down to load comments...", "comments-placeholder"),
        (
            "You must be logged in to join the discussion or read more comments.",
            "comments-placeholder",
        ),
        ("THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY", "appeal"),
        ("Support local journalism.", "appeal"),
        (
            "Read more: Court rules the harbour plan can go ahead despite objections from the "
            "fishing fleet",
            "read-more-link",
        ),
        ("Trending", "popular-box"),
        # Photos described rather than credited.
        (
            "Fire is seen on a plane after it takes off from the airport April 24, 2023 in this "
            "picture obtained from social media.",
            "photo-description",
        ),
        ("Pictured from left, are authors Jane Roe and John Doe.", "photo-description"),
        ("Victims from left: Jane Roe, John Doe, Mary Major", "photo-description"),
        ("Jane Roe (R)", "photo-description"),
        (
            "Jane Roe, then newly elected, speaks during a rally in Khan Younis in October 2011.",
            "photo-description",
        ),
        (
            "The mayor greets supporters at his office in April 2022. (Jane Roe/The Daily Courier)",
            "photo-credit",
        ),
    ],
)
def test_boilerplate_rules(line, rule):
    assert first_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "The mayor spoke during a rally in October 2011, and said the harbour would be rebuilt.",
        "Register for the council's consultation before the deadline on Friday.",
        "He said the department had to return the floors to the landlord in 2025.",
    ],
)
def test_prose_is_not_boilerplate(line):
    assert first_rule(line) is None


def test_a_sentence_introducing_a_quote_is_not_a_comment():
    assert first_rule("The Minister says:") is None


def test_reader_comments_end_the_article():
    article = parse(
        page("Council backs harbour plan\nBy Jane Roe")
        + "\nRichard Roe says:\n\nWhat a waste of money, the harbour was fine as it was before.\n",
        "t.txt",
    )
    assert not any("waste of money" in block.text for block in article.body)


def test_a_signed_related_story_above_the_article_is_not_the_headline():
    article = parse(
        "Home\nNews\n"
        "POLITICS\n"
        "Meet the group behind the study driving calls to ban gas stoves\n"
        "Jane Roe and John Doe\n"
        "January 16, 2023\n"
        "COUNCIL\n"
        "Council backs harbour plan after marathon debate\n"
        "Mary Major\n"
        "April 28, 2023\n\n" + BODY,
        "t.txt",
    )
    assert article.headline == "Council backs harbour plan after marathon debate"
    assert names(article) == ["Mary Major"]
    assert article.published == datetime.date(2023, 4, 28)


def test_a_run_of_signed_stories_after_the_article_ends_it():
    cards = "".join(
        f"Startups\nA startup raises money for its {topic} business\nJane Roe\n8 hours ago\n\n"
        f"The {topic} startup said on Thursday that it had raised money from investors to grow.\n\n"
        for topic in ("ferry", "bakery", "robot")
    )
    article = parse(page("Council backs harbour plan\nBy Jane Roe") + "\n" + cards, "t.txt")
    assert not any("startup" in block.text for block in article.body)
    assert any("waterfront" in block.text for block in article.body)


def test_the_article_goes_on_after_a_short_box_of_other_stories():
    article = parse(
        page("Council backs harbour plan\nBy Jane Roe")
        + "\nTRENDING\nSinger announces new tour\nStorm closes coastal roads\n\n"
        "The harbour master said dredging would begin in the spring if the weather allowed.\n\n"
        "Ferry operators welcomed the decision and said they would add sailings next summer.\n",
        "t.txt",
    )
    texts = [block.text for block in article.body]
    assert any("harbour master" in text for text in texts)
    assert not any("Singer" in text for text in texts)


# --- the outlet's own lines inside the body -------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Got a story? Get in touch with our news team by emailing us at news@example.com.",
        "Are floods hitting your area? Get in touch at tips@example.com",
        "For more stories like this, check our news page.",
        "Follow Example.com on Twitter and Facebook for the latest news updates.",
        "Want to bookmark your favourite articles? Start your Example Premium subscription today.",
        "The Courier subscribes to the Code of Ethics and Conduct for Print and Online Media.",
        "Just R20 for the first month. Support independent journalism by subscribing today.",
        "We want to hear from you: Are you voting for the first time? Tell us why.",
    ],
)
def test_reader_appeals_are_boilerplate(line):
    assert first_rule(line) == "reader-appeal"


def test_appeal_rules_leave_prose_alone():
    assert first_rule("The mayor said he would get in touch with the ferry operator.") is None


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Jane Roe in Rome and John Doe contributed to this report.", "contributors"),
        ("Morning Briefing: Sign up for our weekly newsletter to get it every Monday.",
         "newsletter-pitch"),
        ("Jane Roe is a producer filing stories on the harbour for the Courier.", "author-bio"),
        ("#1  Ferry fares rise again #2  Council backs harbour plan #3  Storm closes port",
         "ranked-teasers"),
        ("Duration 1:30", "video-duration"),
    ],
)  # fmt: skip
def test_closing_and_inline_boilerplate(line, rule):
    assert first_rule(line) == rule


def test_a_video_blurb_under_its_duration_is_dropped():
    text = page("Council backs harbour plan\nBy Jane Roe").replace(
        "\n\nCouncillors said",
        "\n\nWATCH | The harbour debate:\nDuration 1:30\n"
        "Councillors clashed for six hours over the harbour budget before a late vote.\n\n"
        "Councillors said",
    )
    article = parse(text, "t.txt")
    assert not any("clashed for six hours" in block.text for block in article.body)
    assert any("dredging" in block.text for block in article.body)


def test_a_numbered_teaser_line_above_the_headline_is_not_the_article():
    article = parse(
        "Home\nNews\n#1  Ferry fares rise again as the operator blames fuel costs and the weather "
        "and says more rises may follow this winter #2  Storm closes the port for a week and "
        "strands dozens of lorries on the approach road\n"
        "Council backs harbour plan\n5 March 2024\nBy Jane Roe\n\n" + BODY,
        "t.txt",
    )
    assert article.headline == "Council backs harbour plan"
    assert not any("Ferry fares" in block.text for block in article.body)


def test_key_points_packed_above_the_article_are_dropped():
    article = parse(
        page("Council backs harbour plan\nBy Jane Roe\n5 March 2024").replace(
            "\n\nThe council approved",
            "\n\nThe council voted for a new harbour budget after a long and bitter debate.\n"
            "Dredging and a new ferry terminal will follow at the start of next year.\n"
            "Advertisement\n\nThe council approved",
        )
        + "\nThe harbour master said the work would start in the spring after the storms.\n",
        "t.txt",
    )
    texts = [block.text for block in article.body]
    assert not any("voted for a new harbour budget" in text for text in texts)
    assert any("six hours" in text for text in texts)


def test_short_sentences_without_blank_lines_in_a_packed_page_are_kept():
    article = parse(
        "Council backs harbour plan\nBy Jane Roe\n\nThe council voted on Tuesday.\n"
        "Dredging will follow next year.\n" + BODY.replace("\n\n", "\n"),
        "t.txt",
    )
    assert any("voted on Tuesday" in block.text for block in article.body)
