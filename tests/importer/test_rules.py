"""Rules are data: named, typed, scoped, given a reason, and loadable per site.

The default rules are held to their examples: every line in ``EXAMPLES`` is matched first by
its rule, and every alternative a rule lists is needed by one of its examples (disable it and
an example goes unmatched), so no alternative is dead or there for one outlet's menu. Ordinary
news sentences (``PROSE``) match no rule at all.
"""

import dataclasses
import json
import re

import pytest

from wagtail_newsroom.importer import parse
from wagtail_newsroom.importer.config import resolve
from wagtail_newsroom.importer.reasons import Reason
from wagtail_newsroom.importer.rules import (
    AGENCY,
    CAPTION_SHAPE,
    DEFAULT_RULES,
    Rule,
    load_rules,
    rule_set,
)

ARTICLE = """Council approves the new harbour budget after a long debate

By Jane Roe

The council approved the harbour budget on Tuesday after a debate that lasted six hours.

Brought to you by Harbour Bank

Councillors said the money would pay for dredging and a new ferry terminal next year.
"""

PACKS = "wagtail_newsroom.importer.rulepacks."


def first(text, rules=DEFAULT_RULES):
    return next((rule.name for rule in rules if rule.matches(text, len(text.split()))), None)


# Lines as sources have them, by the rule that must match each first.
EXAMPLES = {
    "skip-link": ["Skip to main content", "Skip to content"],
    "timestamped-teaser": [
        "30s agoFirefighters tackle blaze at harbour warehouse",
        "6m agoWatching Messi from the cheap seats",
        "2h agoCouncil delays vote on ferry fares",
        "1d ago Bypass reopens after lorry crash",
        "5 mins ago Police appeal for witnesses after crash",
        "12 minutes ago Storm warning for the coast",
        "3 hrs ago Ferry fares to rise in April",
        "1 hour ago Schools close as snow sweeps in",
        "2 days ago Harbour plan wins approval",
    ],
    "ranked-teasers": [
        "#1 Council approves harbour budget #2 Bypass reopens after crash #3 Storm warning"
    ],
    "newsletter": [
        "Newsletter",
        "ntd newsletter icon",
        "Sign up for The Morning Brief",
        "Subscribe",
        "Get the best of the Courier in your inbox",
    ],
    "share": [
        "Share",
        "Share this:",
        "Share on Facebook",
        "Share via Email",
        "Tweet",
        "Email",
        "E-mail",
        "Print",
        "Copy link",
        "Click to copy",
        "Email link",
        "Copied",
        "WhatsApp",
        "Facebook",
        "Twitter",
        "X",
        "LinkedIn",
        "Reddit",
        "Pinterest",
        "Telegram",
        "Flipboard",
        "Messenger",
        "Bluesky",
        "Threads",
        "Save",
        "Gift this article",
        "Listen to this article",
        "4 Min Read",
        "Comments",
        "12 comments",
        "View comments",
        "Show comments",
        "Leave a comment",
        "Follow",
        "Follow us on Instagram",
        "Add to reading list",
        "Add to favourites",
    ],
    "share-row": [
        "Facebook X LinkedIn WhatsApp Share via Email",
        "Share Twitter Tumblr Pinterest Reddit Print",
        "Telegram Messenger Flipboard Bluesky Threads Copy link",
        "Facebook Twitter E-mail",
    ],
    "appeal": [
        "Since you’re here …",
        "Support us from as little as £1 – it only takes a minute.",
        "Support our journalism today",
        "Support The Northern Ledger from as little as £1 – it only takes a minute. Thank you.",
        "Support independent journalism",
        "Support local news: every contribution counts",
        "Please donate to keep our reporting free for everyone",
        "Make a donation",
        "It only takes a minute. Donate now",
        "Become a member and read without limits",
        "The rest of this article is reserved for subscribers.",
        "Subscribe today to get unlimited access to the Courier's award-winning local journalism "
        "from just £1.",
    ],
    "ad-placeholder": ["This ad has not loaded yet, but the article continues below."],
    "affiliate-disclosure": [
        "If you buy something using links in our stories, we may earn a commission."
    ],
    "newsletter-pitch": [
        "Sign up for our free email newsletter, and we'll send you the best stories every morning.",
        "Morning Briefing: Subscribe to our newsletter to get the day's news before breakfast.",
    ],
    "call-to-action": ["Visit example.org to learn how to help."],
    "reader-appeal": [
        "Got a story? Email news@example.com",
        "Get in touch with our news team by emailing news@example.com",
        "Got a tip? Get in touch at tips@example.com or call 01234 567890.",
        "For more stories like this, follow us on Facebook.",
        "For more news like this, visit our homepage.",
        "For more articles like this, sign up to our alerts.",
        "For more updates like this, follow our live page.",
        "Follow Jane on Twitter for updates from the court.",
        "Follow TheCourier on Facebook for live updates.",
        "Follow us on X: we post every breaking story.",
        "Follow courier.news on Instagram for pictures from across the county.",
        "Stay up to date with the latest news by following us on social media.",
        "Stay up to date with our daily briefing.",
        "Start your free trial subscription today.",
        "We want to hear from you. Tell us what you think of the new bypass.",
        "The Courier subscribes to the Society of Professional Journalists' code of ethics.",
        "If you value this story, please support local journalism by subscribing to the Courier.",
    ],
    "contributors": ["Jane Roe in Rome contributed to this report."],
    "video-duration": ["Duration 1:30", "Length: 2:05", "Runtime 1:02:10"],
    "advertisement": [
        "Advertisement",
        "ADVERTISING",
        "Sponsored",
        "Ad",
        "Advertisement - Scroll to continue",
        "Sponsored by Harbour Bank",
        "Sponsored content",
        "Story continues below advertisement",
    ],
    "cookie": [
        "We use cookies to improve your experience. Accept all",
        "This website uses cookies.",
        "By continuing to browse, you agree to our use of cookies.",
        "Accept all cookies",
        "Cookie settings",
        "Cookie policy",
        "Cookie preferences",
    ],
    "cookie-table": [
        "cookielawinfo-checkbox-analytics 11 months This cookie is set by GDPR Cookie Consent "
        "plugin.",
        "_ga 2 years The cookie is used to calculate visitor, session and campaign data.",
        "This cookie is installed by Google Analytics.",
        "PHPSESSID session This cookie is native to PHP applications.",
        "csrftoken 1 year This cookie is associated with Django web development platform.",
        "We use cookies on our website to give you the most relevant experience by remembering "
        "your preferences and repeat visits. By clicking Accept All, you consent to the use of "
        "ALL the cookies. However, you may visit Cookie Settings to provide a controlled consent "
        "and choose which of them the site may set on your device when you read it.",
        "Cookie Duration Description",
    ],
    "copyright": [
        "© 2024 Example Media.",
        "(c) 2020 The Valley Sentinel",
        "All Rights Reserved",
        "Copyright 2020 The Valley Sentinel",
    ],
    "read-more": [
        "Read more: Council votes on budget",
        "Read next",
        "Read also Bypass to close for repairs",
        "Also read: Ferry fares to rise",
        "See also",
        "More on this story",
        "Click here to read the full report",
        "Tap here to watch the video",
        "Related: Storm warning for the coast",
        "More: Harbour plan approved",
        "Watch: Firefighters tackle warehouse blaze",
        "Listen | Harbour podcast, episode 12",
        "Recommended: The ferry that never sailed",
        "Watch",
        "More from Politics",
    ],
    "read-more-link": [
        "Read more: Council votes to extend the tram line to the harbour after a long and "
        "bitter debate",
        "Read next: Ferry fares to rise again in April as the operator blames fuel costs and "
        "staff shortages",
        "Read also: Bypass to close for three weeks of repairs as the council warns drivers of "
        "long delays",
        "Also read: Storm warning for the whole coast as forecasters say winds could reach 80mph "
        "on Friday",
        "See also: How the harbour budget was won, and what it means for the town's fishing fleet",
        "Related: Police appeal for witnesses after a lorry spilled 20 tonnes of potatoes across "
        "the bypass",
        "More on this: Why the ferry terminal took ten years to build and cost twice what was "
        "promised",
    ],
    "photo-credit": [
        "Passengers wait for a bus. Photograph: Jon Tarrant/Reuters",
        "Image: Courier archive",
        "Pictures: Jane Roe",
        "Illustration: Ann Lee",
        "Credit: Jane Roe",
        "Video: Jane Roe",
        "Photo by Jane Roe",
        "The ferry docks at dawn. Photograph by Jane Roe/The Daily Courier",
        "A burned car outside a home. (AP Photo/Jane Roe)",
        "The Mary Ellen ferry docks at Pier 4 on Thursday. (Gazette photo/Dana Kessler)",
        "A burned-out car sits outside a destroyed home on Ridgeview Drive. (Getty Images)",
        "The new ferry terminal on its opening day. (Jane Roe/The Daily Courier)",
        "Getty Images",
        "Jane Roe/AFP via Getty Images",
        "Jane Roe/Stringer/Getty Images",
        "Kevin Dietsch via Getty Images",
        "Image 2 of 12",
        "Photo 1 of 3",
        "Video 1 of 4",
        "1 of 3",
    ],
    "photo-description": [
        "Smoke rises over the port in this handout picture obtained from social media.",
        "Pictured from left, are Jane Roe, John Doe and Ann Lee.",
        "The winning crew, from left: Jane Roe, John Doe and Ann Lee.",
        "The winning crew, from left, Jane Roe, John Doe and Ann Lee.",
        "Jane Roe (R)",
        "Jane Roe speaks during a rally in May 2011.",
    ],
    "author-box": [
        "About the author",
        "About the writer",
        "More stories by Jane Roe",
        "More articles by Jane Roe",
        "Author profile",
        "Meet the author",
        "View all posts by Jane Roe",
        "You can email Jane here.",
        "You can reach Jane Roe at the Courier here.",
        "You can contact the author here.",
        "You can follow Jane on Twitter here.",
        "To read more of Jane Roe's articles, visit her author page.",
    ],
    "author-bio": [
        "Jane Roe is a columnist for the Courier.",
        "Theo Marchetti is a former nightclub owner and a columnist for the Courier.",
        "The views expressed here are the author's own.",
    ],
    "comment": ["Jane Roe says:"],
    "comments-placeholder": [
        "Please enable JavaScript to view the comments powered by Disqus.",
        "Scroll down to load comments",
        "You must be logged in to post a comment.",
    ],
    "edition": ["Final Edition", "US edition"],
    "end-of-article": [
        "Related articles",
        "Related stories",
        "Related coverage",
        "Related topics",
        "Related content",
        "Related reading",
        "More stories",
        "Join the conversation",
        "Leave a Reply",
        "Topics",
        "Tags:",
        "Sources",
    ],
    "popular-box": [
        "Most read",
        "Most popular",
        "Most viewed",
        "Trending now",
        "You may also like",
        "Recommended",
        "Recommended for you",
        "Recommended stories",
        "Latest news",
        "Latest stories",
    ],
    "menu-label": [
        "Menu",
        "Search",
        "Sign in",
        "Log in",
        "Login",
        "Register",
        "My account",
        "Home",
        "Sections",
        "More",
        "Go",
        "Open menu",
        "Close",
        "Back to top",
        "Top stories",
        "Toggle navigation",
        "Edition",
        "Enter search term:",
    ],
}

# The opt-in packs' lines, by pack and rule: none of them is the defaults' to drop.
PACK_EXAMPLES = {
    "browser_copy_extras": {
        "skip-link": ["Skip past newsletter promotion"],
        "menu-label": ["Sign inRegister"],
        "image-viewer": ["View image in fullscreen"],
        "share": ["Social Sharing"],
        "reader-appeal": ["Wait! Before you go...", "Before you go…"],
        "end-of-article": ["Explore more on these topics"],
    },
    "blog_extras": {
        "reader-appeal": [
            "Please bookmark this page and check back for updates.",
            "Happy reading!",
        ],
    },
}

# Sentences of news articles, short and long, with the words boilerplate is made of.
PROSE = [
    "His father was a harbour pilot and his uncle was an editor at the local paper.",
    "Maria Lopez is a nurse who has worked at the clinic for 20 years.",
    "Jane Roe was a reporter at the Courier for 30 years before she retired.",
    "Shares in the company fell 4% after the announcement.",
    "Share prices fell.",
    "The council said it would share the cost of the new ferry terminal with the port "
    "authority and the regional government, and sign up contractors by the summer.",
    "Follow the money, the inspector told the committee.",
    "Police will follow up on the reports, a spokesman said.",
    "Listen to your doctor, she said.",
    "Watch out for ice on the roads, police said.",
    "Scouts sold cookies outside the library on Saturday to raise money for a trip.",
    "The regulator fined the company for placing cookies without consent.",
    "Regulators said the cookies are used to track children across websites.",
    "The firm's cookie policy was criticised by the regulator.",
    "He declined to comment.",
    "The mayor did not respond to a request for comment.",
    "Comment cards were handed out at the meeting.",
    "The advertisement was banned by the watchdog on Tuesday.",
    "Advertising revenue fell by a fifth last year.",
    "Copyright law has not kept pace with artificial intelligence, experts say.",
    "The band sued for copyright infringement over the photo used on the album cover.",
    "Mourners may donate to the hospice in her name.",
    "Seats in the front rows are reserved for members of the council.",
    "Support for the plan has grown since the spring.",
    "Stay up to date with your vaccinations, health officials urged.",
    "3 of 4 voters said they backed the plan.",
    "Photographs by Ansel Adams are on show at the museum until May.",
    "Prices are seen rising in 2025, the bank said.",
    "She speaks at schools across the county in May 2024 about road safety.",
    "Tags were fitted to 40 seals.",
    "Topics discussed included housing and transport.",
    "Home prices rose 3% in March.",
    "Save the date, organisers said.",
    "Print editions will continue until June.",
    "Before the vote, the mayor said the harbour would be dredged by the summer.",
]


@pytest.mark.parametrize(
    ("rule", "line"), [(rule, line) for rule, lines in EXAMPLES.items() for line in lines]
)
def test_examples_match_their_rule_first(rule, line):
    assert first(line) == rule


def test_every_default_rule_has_examples():
    assert set(EXAMPLES) == {rule.name for rule in DEFAULT_RULES}


@pytest.mark.parametrize("line", PROSE)
def test_prose_matches_no_rule(line):
    assert first(line) is None


def test_names_are_told_by_their_capitals():
    assert first("Jane Roe is a columnist for the Courier.") == "author-bio"
    assert first("Élodie Durand is a reporter for Le Courrier.") == "author-bio"
    assert first("jane roe is a columnist for the courier.") is None
    assert (
        first("His father was a harbour pilot and his uncle was an editor at the local paper.")
        is None
    )
    assert first("The ferry on its first day. (Jane Roe/The Daily Courier)") == "photo-credit"
    assert first("Budget split (capital spending/day-to-day costs)") is None
    # An agency's acronym or a credit's word, not the same letters in a sentence.
    assert first("A man walks past the shop. (AP Photo/Jane Roe, File)") == "photo-credit"
    assert first("Lawyers said he would appeal (his lawyers did not file)") is None
    assert AGENCY.fullmatch("AP") and not AGENCY.fullmatch("ap")
    assert CAPTION_SHAPE.search("The shop burned down in 2019. File")
    assert not CAPTION_SHAPE.search("Nothing was left to file")


# Splitting patterns into their alternatives, for the test that each one is needed.


def _class_end(pattern, index):
    """The offset just past the character class that opens at ``index``."""
    index += 1
    if pattern[index : index + 1] == "^":
        index += 1
    if pattern[index : index + 1] == "]":
        index += 1  # a "]" first in the class is a literal
    while pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    return index + 1


def _split(pattern, start, end):
    """``pattern[start:end]`` split at its top-level ``|``: (start, end, groups) for each
    alternative, groups being the (open, close) offsets of its top-level parentheses."""
    parts, groups, depth, begin, index = [], [], 0, start, start
    while index < end:
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _class_end(pattern, index)
            continue
        if char == "(":
            depth += 1
            if depth == 1:
                opened = index
        elif char == ")":
            depth -= 1
            if depth == 0:
                groups.append((opened, index))
        elif char == "|" and depth == 0:
            parts.append((begin, index, groups))
            begin, groups = index + 1, []
        index += 1
    parts.append((begin, end, groups))
    return parts


def alternatives(pattern):
    """The top-level alternatives of a regular expression."""
    return [pattern[start:end] for start, end, _groups in _split(pattern, 0, len(pattern))]


# What may wrap a list of words without being part of any of them: anchors, spaces, repeats
# and a colon, as in ``^(?:share|tweet)$`` or ``^(?:related|more)\s*[:|]``.
_WRAPPER = re.compile(r"(?:\^|\$|\\[bs]|[*+?:]|\[:\|\])*")


def listed(pattern, start=0, end=None):
    """The (start, end) offsets of every alternative ``pattern`` lists: its top-level ones,
    and those of a group that an alternative is made of, but for its wrapper."""
    parts = _split(pattern, start, len(pattern) if end is None else end)
    for begin, finish, groups in parts:
        if len(parts) > 1:
            yield begin, finish
        if len(groups) != 1:
            continue
        opened, closed = groups[0]
        head = re.match(r"\((?:\?[a-zA-Z-]*:)?", pattern[opened:closed])
        lookaround = pattern[opened + 1] == "?" and head.end() == 1
        if not lookaround and all(
            _WRAPPER.fullmatch(pattern[a:b]) for a, b in ((begin, opened), (closed + 1, finish))
        ):
            yield from listed(pattern, opened + head.end(), closed)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("a|b", ["a", "b"]),
        ("^(?:a|b)$|c", ["^(?:a|b)$", "c"]),
        (r"[|]x|\|y|[]|]z|[^]|]w", ["[|]x", r"\|y", "[]|]z", "[^]|]w"]),
        (r"(?-i:A|B)x|(?!a|b)y", ["(?-i:A|B)x", "(?!a|b)y"]),
        (r"a(b|(c|d))e", [r"a(b|(c|d))e"]),
    ],
)
def test_alternatives(pattern, expected):
    assert alternatives(pattern) == expected


def test_listed_alternatives():
    def texts(pattern):
        return [pattern[start:end] for start, end in listed(pattern)]

    assert texts("^(?:share|tweet)$|x") == ["^(?:share|tweet)$", "share", "tweet", "x"]
    assert texts(r"^(?:(?:a|b)\s*)+$") == ["a", "b"]
    assert texts(r"^(?:a|b)\s*[:|]") == ["a", "b"]
    assert texts("^(?-i:A|B)$") == ["A", "B"]
    # Words around the group, or a second group: a shape, not a list.
    assert texts("^skip (?:to|past)$") == []
    assert texts("^(?:a|b) (?:c|d)$") == []
    assert texts("^(?!a|b)$") == []


def _all_examples():
    for rule in DEFAULT_RULES:
        yield rule, EXAMPLES[rule.name]
    for pack, examples in PACK_EXAMPLES.items():
        for rule in load_rules(PACKS + pack):
            yield rule, examples[rule.name]


@pytest.mark.parametrize(
    ("rule", "start", "end", "lines"),
    [
        pytest.param(rule, start, end, lines, id=f"{rule.name}:{rule.pattern[start:end][:40]}")
        for rule, lines in _all_examples()
        for start, end in listed(rule.pattern)
    ],
)
def test_every_alternative_is_needed_by_an_example(rule, start, end, lines):
    disabled = dataclasses.replace(rule, pattern=rule.pattern[:start] + "(?!)" + rule.pattern[end:])
    assert any(
        rule.matches(line, len(line.split())) and not disabled.matches(line, len(line.split()))
        for line in lines
    ), f"no example needs {rule.pattern[start:end]!r}"


@pytest.mark.parametrize("pack", PACK_EXAMPLES)
def test_packs_hold_what_the_defaults_leave(pack):
    rules = load_rules(PACKS + pack)
    assert {rule.name for rule in rules} == set(PACK_EXAMPLES[pack])
    for name, lines in PACK_EXAMPLES[pack].items():
        for line in lines:
            assert first(line) != name
            assert first(line, rule_set(PACKS + pack)) == name


def test_built_in_rules_are_named_for_their_reason():
    for rule in DEFAULT_RULES:
        assert rule.reason is Reason(rule.name)


def test_a_site_rule_keeps_its_name_and_gives_a_reason():
    for reason in ("advertisement", Reason.ADVERTISEMENT):
        rule = Rule("sponsor", reason=reason, pattern="^brought to you by")
        assert (rule.name, rule.reason) == ("sponsor", Reason.ADVERTISEMENT)
    with pytest.raises(ValueError, match="“sponsorship”.*advertisement, "):
        Rule("sponsor", reason="sponsorship", pattern="x")
    with pytest.raises(ValueError, match='“sponsor” needs a “reason”.*Add "reason"'):
        Rule("sponsor", pattern="x")


def test_rule_validation():
    with pytest.raises(ValueError):
        Rule("share", kind="explode", pattern="x")
    with pytest.raises(ValueError):
        Rule("share", scope="footer", pattern="x")
    with pytest.raises(ValueError):
        Rule("share")


def test_a_python_rule_may_test_with_a_predicate():
    rule = Rule("shouting", reason="short-line", predicate=str.isupper)
    assert rule.matches("SUBSCRIBE NOW", 2) and not rule.matches("Subscribe now", 2)


def test_load_rules_from_json_and_python(tmp_path):
    as_json = tmp_path / "rules.json"
    as_json.write_text(
        json.dumps(
            [{"name": "sponsor", "reason": "advertisement", "pattern": "^brought to you by\\b"}]
        )
    )
    as_py = tmp_path / "site_rules.py"
    as_py.write_text(
        "from wagtail_newsroom.importer.rules import Rule\n"
        "RULES = [Rule('sponsor', reason='advertisement', pattern='^brought to you by\\\\b')]\n"
    )
    for source in (as_json, as_py):
        rules = load_rules(str(source))
        assert [(rule.name, rule.reason) for rule in rules] == [("sponsor", "advertisement")]
        assert rule_set(str(source))[0].name == "sponsor"


def test_an_old_rule_file_is_told_to_add_a_reason(tmp_path):
    old = tmp_path / "rules.json"
    old.write_text(json.dumps([{"name": "sponsor", "pattern": "^brought to you by\\b"}]))
    with pytest.raises(ValueError, match='Add "reason"'):
        load_rules(str(old))


def test_site_rules_extend_the_defaults():
    plain = parse(ARTICLE, "a.txt")
    assert not any(item.text.startswith("Brought") for item in plain.dropped)
    sponsor = {"name": "sponsor", "reason": "advertisement", "pattern": "^brought to you by"}
    custom = parse(ARTICLE, "a.txt", config=resolve([[sponsor]]))
    assert ("Brought to you by Harbour Bank", "advertisement", "sponsor") in [
        (item.text, item.rule, item.detail) for item in custom.dropped
    ]
    assert len(custom.body) == len(plain.body) - 1
