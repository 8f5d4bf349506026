"""Boilerplate rules as data.

A rule names a kind of line that is not article text. ``recognise`` applies rule sets in
order; the first rule that matches a line decides. Every rule gives a ``reason``, one of
``reasons.Reason``: the closed vocabulary recorded as ``dropped[].rule``. A built-in rule is
named for its reason (``Rule("share", ...)`` has the reason ``share``). Sites add their own rules
(prepended, so they win) with ``load_rules``:

* a dotted module path whose module has ``RULES`` (a list of ``Rule`` or of dicts), or
* a path to such a ``.py`` file, or to a ``.json`` file holding a list of dicts with the
  keys of ``Rule`` (``pattern`` as a regular expression string).

A site's rule picks the reason that fits and keeps its own name, which is recorded as
``dropped[].detail``: ``{"name": "sponsor", "reason": "advertisement", "pattern": "^brought
to you by"}``. A rule whose name is not a reason must give one.

Opt-in rule packs for kinds of source (``rulepacks``) load the same way, by dotted path.

Kinds:

``drop``        drop the matching line.
``drop-block``  drop the matching line and the sign-up/promotion block that follows it
                (short lines, or lines that match ``block_pattern``).
``drop-next``   drop the matching line and the one line set right under it (no blank line
                between): a video's length stamp and the blurb that describes the video.
``end``         the article ends here once its body has started: drop this line and the rest.
``box``         a box of other stories ("Trending"), which ends the article or interrupts it:
                like ``end``, but the article goes on when paragraphs follow a short box.
``caption``     a photo caption or credit: dropped from the body, kept as a caption.

Scopes: ``any`` (everywhere), ``header`` (before the body starts), ``body`` (after it has).
Patterns match case-insensitively and must describe a shape of line, not one outlet's menu.
Where a capital letter is what tells a name from a word ("Jane Roe is a columnist" against
"His father was a pilot"), that part of the pattern goes in an inline ``(?-i:...)`` group.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .read import gettext as _
from .reasons import Reason

KINDS = ("drop", "drop-block", "drop-next", "end", "box", "caption")
SCOPES = ("any", "header", "body")


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str = "drop"
    pattern: str | None = None
    predicate: Callable[[str], bool] | None = None
    scope: str = "any"
    # Lines longer than this are article text whatever they contain.
    max_words: int = 12
    block_pattern: str | None = None
    # A ``Reason`` or its value; left out, the rule's name must be one.
    reason: Reason | str | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(_("Unknown rule kind “%s”.") % self.kind)
        if self.scope not in SCOPES:
            raise ValueError(_("Unknown rule scope “%s”.") % self.scope)
        if (self.pattern is None) == (self.predicate is None):
            raise ValueError(_("A rule needs exactly one of a pattern or a predicate."))
        object.__setattr__(self, "reason", self._checked_reason())
        if self.pattern is not None:
            object.__setattr__(self, "_regex", re.compile(self.pattern, re.IGNORECASE))
        if self.block_pattern is not None:
            object.__setattr__(self, "_block", re.compile(self.block_pattern, re.IGNORECASE))

    def _checked_reason(self) -> Reason:
        reason = self.name if self.reason is None else self.reason
        try:
            return Reason(reason)
        except ValueError:
            pass
        values = {"name": self.name, "reason": reason, "reasons": ", ".join(Reason)}
        if self.reason is None:
            message = _(
                "The rule “%(name)s” needs a “reason”: its name is not one of the reasons a "
                'line is dropped for. Add "reason" with one of: %(reasons)s.'
            )
        else:
            message = _(
                "Unknown reason “%(reason)s” in the rule “%(name)s”. Use one of: %(reasons)s."
            )
        raise ValueError(message % values)

    def matches(self, text: str, words: int) -> bool:
        if words > self.max_words:
            return False
        if self.predicate is not None:
            return bool(self.predicate(text))
        return self._regex.search(text) is not None

    def continues_block(self, text: str, words: int) -> bool:
        return words <= 20 or (
            self.block_pattern is not None and self._block.search(text) is not None
        )


# A capital letter, whatever the pattern's flags: it is what tells a name from a word.
_UPPER = r"(?-i:[A-ZÀ-ÖØ-Þ])"
_NAME = _UPPER + r"[\w'’.-]+"

_AGENCIES = (
    # Acronyms and ordinary words credit an agency only as written ("AP", "File"); in lower
    # case they are words of a sentence ("file", "pa"). Brand names are in no sentence.
    r"(?:(?-i:AP|AFP|EPA|PA(?: Media| Wire)?|ANI|PTI|Supplied|File|Handout)|Reuters|"
    r"Getty(?: Images)?|Shutterstock|Alamy|Bloomberg|Xinhua|iStock(?:photo)?|NurPhoto|SOPA Images)"
)

# A news agency credited by name alone: "Jane Roe and AP".
AGENCY = re.compile(_AGENCIES)

# "Photograph: Jane Roe/Reuters", "(AP Photo/Jane Roe)", "Getty Images", "Jane Roe/AFP via Getty".
_CREDIT = (
    r"\b(?:photo(?:graph)?|image|picture|illustration|credit|video)s?\s*:"
    # "Photo by Jane Roe", alone or after the caption. A credit ends without a full stop; a
    # sentence ("Photographs by Ansel Adams are on show at the museum.") ends with one.
    r"|(?:^|[.!?]\s+)(?:photo(?:graph)?|picture|image|video)s? by " + _UPPER + r".{0,60}(?<![.!?])$"
    r"|\([^()]*\b(?:photos?|" + _AGENCIES + r")\b[^()]*\)\s*$"
    # A photographer and their outlet: "(Jane Roe/The Daily Courier)".
    r"|\(" + _NAME + " " + _NAME + r"/(?:The )?" + _UPPER + r"[\w &.'’-]{1,40}\)\s*$"
    # "Jane Roe/Getty Images", "Jane Roe/Stringer/Getty Images".
    r"|^(?:" + _AGENCIES + r"|(?:[\w .'’-]{2,40}/){1,2}" + _AGENCIES + r")\b(?:\s+via\s+.*)?$"
    r"|\b(?:via|for) (?-i:Getty Images|Reuters|AP|AFP)\s*$"
    # A gallery's counter: "Image 2 of 12", or "2 of 12" alone ("3 of 4 voters ..." is prose).
    r"|^(?:image|photo|video) \d+ of \d+\b|^\d+ of \d+$"
)

# "May 2011", "March 3, 2020", "3 March 2020": a date that names its month.
_DATED = r"(?:\d{1,2} )?" + _UPPER + r"[a-z]+\.? (?:\d{1,2}, )?(?:19|20)\d\d"

# A photo described, not a headline: "Jane Roe (left) and ...", "Jane Roe, left, talks with",
# "... (AP Photo/Jane Roe)", "... from the ground up. Supplied".
CAPTION_SHAPE = re.compile(
    r"\((?:left|right|centre|center|top|bottom|above|below|pictured|inset|file)\)"
    r"|,\s*(?:left|right|centre|center|(?:second |third )?from (?:left|right)|pictured)\s*[,;]"
    r"|\([^()]*\b(?:photos?|" + _AGENCIES + r")\b[^()]*\)"
    r"|[.!?]\s+(?:[\w .'’-]{2,40}/)?" + _AGENCIES + r"(?:\s+via\s+.*)?\s*$",
    re.IGNORECASE,
)

# Navigation flattened onto one line keeps its icons' ligature names ("account_circle").
ICON_NAME = re.compile(r"^[a-z]+(?:_[a-z]+)+$|_(?:down|up|circle|forward|back)$")

DEFAULT_RULES = [
    Rule("skip-link", pattern=r"^skip to\b"),
    # A teaser stamped with its age ("6m agoWatching Messi...") in a latest-news list.
    Rule(
        "timestamped-teaser",
        pattern=r"^\d+\s*(?:s|m|h|d|mins?|minutes?|hrs?|hours?|days?)\s*ago\s*\S",
        scope="header",
        max_words=40,
    ),
    # A numbered "most read" list flattened onto one line: "#1 Title ... #2 Title ...".
    Rule("ranked-teasers", pattern=r"^#1\s.+\s#2\s", max_words=120),
    Rule(
        "newsletter",
        kind="drop-block",
        pattern=r"\bnewsletters?\b|^(?:sign up|subscribe)\b|^get (?:our|the)\b.*\b(?:email|inbox)",
        max_words=10,
        block_pattern=r"newsletter|privacy|e-?mail|sign up|subscrib|inbox|terms",
    ),
    Rule(
        "share",
        pattern=r"^(?:share|share (?:this|on|via)\b.*|tweet|e-?mail|print|copy link|"
        r"click to copy|email link|copied|whatsapp|facebook|twitter|x|linkedin|reddit|"
        r"pinterest|telegram|flipboard|messenger|bluesky|threads|save|gift(?: this)? article|"
        r"listen(?: to (?:this )?(?:article|story))?|\d+ min(?:ute)? (?:read|listen)|comments?|"
        r"\d+ comments?|view comments|show comments|leave a comment|follow|follow us.*|"
        r"add to (?:my |reading )?(?:list|favou?rites))$",
        max_words=6,
    ),
    # Share buttons flattened onto one line: "Facebook X LinkedIn WhatsApp Share via Email".
    Rule(
        "share-row",
        pattern=r"^(?:(?:share(?: (?:via|on|this))?|facebook|x|twitter|linkedin|tumblr|pinterest|"
        r"whatsapp|telegram|e-?mail|print|reddit|copy link|messenger|flipboard|bluesky|threads)"
        r"\s*)+$",
        max_words=20,
    ),
    Rule(
        "appeal",
        kind="drop-block",
        # Donating and joining count only as the appeal's own imperative: "Donate now",
        # not "Mourners may donate to the hospice" or "Seats are reserved for members".
        pattern=r"^since you['’]re here|^support (?:us|our|the|independent|local)\b"
        r"|^(?:please )?(?:donate|make a donation)\b|\bdonate (?:now|today)\b"
        r"|^become a (?:member|supporter|subscriber)\b"
        r"|\bthis (?:article|story|content) is reserved for (?:subscribers|members)\b"
        r"|^subscribe (?:now|today) to\b",
        max_words=25,
        block_pattern=r"support|donat|subscri|member|thank you|newsletter",
    ),
    # An advertising slot's placeholder: "This ad has not loaded yet, but the article continues."
    Rule(
        "ad-placeholder",
        pattern=r"\b(?:advertisement|ad)\b.*\b(?:(?:article|story|content) continues|not loaded)\b",
        max_words=16,
    ),
    # "If you buy something using links in our stories, we may earn a commission."
    Rule(
        "affiliate-disclosure",
        pattern=r"\b(?:we|site) (?:may )?(?:earn|receive|get) (?:a )?(?:small )?"
        r"(?:commission|share of (?:the )?(?:sales|revenue)|affiliate)",
        max_words=40,
    ),
    # A sign-up pitch in a sentence: "Sign up for our free email newsletter, and we'll ...".
    Rule(
        "newsletter-pitch",
        # A label may lead it: "Morning Briefing: Sign up for our newsletter ...".
        pattern=r"^(?:[^:]{1,30}:\s*)?(?:sign up|subscribe|register)\b.{0,60}\bnewsletters?\b",
        max_words=30,
    ),
    # A call to action closing a post: "Visit example.org to learn how to help."
    Rule(
        "call-to-action",
        pattern=r"^(?:visit|go to|head (?:over )?to)\s+(?:www\.)?[\w-]+\.(?:org|com|net|info)\b"
        r".{0,80}\b(?:learn|find out|help|donate|more)\b",
        max_words=30,
    ),
    # The outlet talking to its readers after the story: tip lines, follow-us pitches,
    # "more stories like this", subscription upsells and statements about the newsroom.
    Rule(
        "reader-appeal",
        pattern=r"^got a story\b"
        r"|\bget in touch (?:with (?:our|the) (?:news )?(?:team|desk|newsroom)|at [\w.+-]+@)"
        r"|^for more (?:stories|news|articles|updates) like this\b"
        r"|^follow [\w.]+ on (?:twitter|facebook|x|instagram)\b"
        # "Stay up to date with your vaccinations" is advice, not the outlet's pitch.
        r"|^stay up to date with (?:(?:all )?the latest|our)\b"
        r"|\bstart your [\w ]{0,30}subscription\b|^we want to hear from you\b"
        r"|\bsubscribes? to the (?:[\w'’-]+ ){0,4}code of (?:ethics|conduct)\b"
        r"|\bsupport (?:independent|quality|local) journalism by\b",
        max_words=60,
    ),
    # "Jane Roe in Rome contributed to this report." closes agency copy.
    Rule(
        "contributors",
        pattern=r"\bcontributed(?: reporting)? to this (?:report|story|article)\.?$",
        max_words=60,
    ),
    # A video in the story: its length ("Duration 1:30"), then its blurb.
    Rule(
        "video-duration",
        kind="drop-next",
        pattern=r"^(?:duration|length|runtime)\s*:?\s*\d{1,2}(?::\d\d){1,2}$",
        max_words=3,
    ),
    # A label, alone or set off from what follows: "Advertising revenue fell" is news.
    Rule(
        "advertisement",
        pattern=r"^(?:advertisement|advertising|sponsored|ad)\s*(?:$|[-–—:|·•])"
        r"|^sponsored (?:by|content)\b|^story continues\b",
        max_words=6,
    ),
    # The site's own cookie notice, not an article about cookies: "We use cookies", "our use
    # of cookies", "Cookie settings".
    Rule(
        "cookie",
        pattern=r"\b(?:we|this (?:web)?site) uses? cookies\b"
        r"|\bagree to (?:our|the) use of cookies\b"
        r"|^(?:accept|reject) (?:all|cookies)|^cookie (?:settings|policy|preferences)$",
        max_words=40,
    ),
    # A consent tool's table of cookies, one long line per cookie, and its preamble.
    Rule(
        "cookie-table",
        pattern=r"\b(?:this|the) cookie is (?:set|used|installed|native|associated)\b"
        r"|^we use cookies\b|^cookie\s+duration\b",
        max_words=80,
    ),
    Rule(
        "copyright",
        pattern=r"©|\(c\) \d{4}|\ball rights reserved\b|^copyright \d{4}\b",
        max_words=40,
    ),
    # "Watch", "Listen", "More" and "Related" label a link only when set off from it: "Watch
    # out for ice, police said" is a sentence.
    Rule(
        "read-more",
        pattern=r"^(?:read more|read next|read also|also read|see also|more on this|click here|"
        r"tap here)\b|^(?:related|more|watch|listen|recommended)\s*[:|]|^watch$|^more from\b",
        max_words=14,
    ),
    # A labelled link to another story may carry that story's whole, long title.
    Rule(
        "read-more-link",
        pattern=r"^(?:read more|read next|read also|also read|see also|related|more on this)"
        r"\s*[:|]",
        max_words=30,
    ),
    Rule("photo-credit", kind="caption", pattern=_CREDIT, max_words=80),
    # A photo described: "Fire is seen ... in this picture obtained from social media",
    # "Pictured from left, are ...", "Jane Roe (R)", "Jane Roe speaks during a rally in May 2011."
    Rule(
        "photo-description",
        kind="caption",
        pattern=r"\bin this (?:undated |handout |file )?"
        r"(?:picture|photo(?:graph)?|image|screen ?grab)\b"
        r"|^pictured\b|\bfrom (?:left|right)\s*:|, from (?:left|right),"
        r"|^(?:" + _NAME + r" ){1,3}\((?-i:L|R|C)\)$"
        # The caption's present tense, and the date it was taken closing it: prose has the
        # verbs too ("Prices are seen rising in 2025, the bank said"), rarely the dated end.
        r"|\b(?:speaks|gestures|looks on|poses|arrives|waves|reacts|greets|is seen|are seen)\b"
        r".{0,120}\b(?:in|on) " + _DATED + r"\.?$",
        max_words=60,
    ),
    Rule(
        "author-box",
        pattern=r"^(?:about the (?:author|writer)|more (?:stories|articles) by|"
        r"author profile|meet the author|view all posts)\b|"
        r"^you can (?:e-?mail|reach|contact|follow)\b.*\bhere\b|\bread more of \w.*\barticles\b",
        max_words=30,
    ),
    # "Jane Roe is a former nightclub owner and a columnist for the Courier." closing a piece.
    # The name is capitalised ("His father was an editor" is no bio) and the bio speaks in the
    # present ("Jane Roe was a reporter for 30 years" is an obituary's sentence).
    Rule(
        "author-bio",
        kind="end",
        scope="body",
        pattern=r"^(?:" + _NAME + r" ){1,3}" + _UPPER + r"[\w'’-]+ is (?:a|an|the)\b.{0,120}\b"
        r"(?:writer|columnist|reporter|correspondent|editor|author|journalist|contributor|"
        r"producer)\b"
        r"|\b(?:views|opinions) expressed (?:here|in this).{0,60}\b(?:own|necessarily)\b",
        max_words=60,
    ),
    # Reader comments under the article open with "Jane Roe says:".
    Rule(
        "comment",
        kind="end",
        scope="body",
        pattern=r"^(?!(?:the|a|an|this|that|his|her|their|our|its) )(?:" + _NAME + r" ){1,3}says:$",
        max_words=5,
    ),
    # The comment widget's placeholder, with scripts off: the comments start here.
    Rule(
        "comments-placeholder",
        kind="end",
        scope="body",
        pattern=r"^(?:please )?enable javascript\b.*\bcomments\b"
        r"|^scroll down to (?:load|view|see|read) (?:the )?comments\b"
        r"|^you must be (?:logged|signed) in to\b.*\bcomments?\b",
        max_words=16,
    ),
    Rule("edition", pattern=r"^(?:[\w-]+ ){1,2}edition$", scope="header", max_words=3),
    Rule(
        "end-of-article",
        kind="end",
        scope="body",
        pattern=r"^(?:related (?:articles|stories|coverage|topics|content|reading)|"
        r"more stories|join the conversation|leave a reply|topics|tags|sources?)\s*:?$",
        max_words=6,
    ),
    Rule(
        "popular-box",
        kind="box",
        scope="body",
        pattern=r"^(?:most (?:read|popular|viewed)|trending(?: now)?|"
        r"you (?:may|might) (?:also )?like|recommended(?: for you| stories)?|"
        r"latest (?:news|stories))\s*:?$",
        max_words=6,
    ),
    Rule(
        "menu-label",
        pattern=r"^(?:menu|search|sign in|log in|login|register|my account|home|sections|more|go|"
        r"open menu|close|back to top|top stories|toggle navigation|edition|"
        r"(?:enter )?search term:?)$",
        max_words=3,
    ),
]


def _rule_from(value) -> Rule:
    if isinstance(value, Rule):
        return value
    if isinstance(value, dict):
        return Rule(**value)
    raise TypeError(_("A rule must be a Rule or a dict, not %s.") % type(value).__name__)


def load_rules(module_or_path: str) -> list[Rule]:
    """Load a site's rules from a dotted module path, a ``.py`` file or a ``.json`` file."""
    path = Path(module_or_path)
    if path.suffix == ".json":
        raw = json.loads(path.read_text(encoding="utf-8"))
    elif path.suffix == ".py":
        spec = importlib.util.spec_from_file_location(f"_newsroom_rules_{path.stem}", path)
        if spec is None or spec.loader is None:
            raise ImportError(_("Cannot load rules from %s.") % path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        raw = module.RULES
    else:
        raw = importlib.import_module(module_or_path).RULES
    return [_rule_from(item) for item in raw]


def rule_set(extra=None) -> list[Rule]:
    """The default rules with the site's rules (a list, or a module/path to load) first."""
    if not extra:
        return list(DEFAULT_RULES)
    if isinstance(extra, (str, Path)):
        extra = load_rules(str(extra))
    return [_rule_from(item) for item in extra] + list(DEFAULT_RULES)
