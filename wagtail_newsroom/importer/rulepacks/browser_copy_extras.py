"""Page furniture in browser copies, as particular sites word it.

Selecting a whole page in a browser and copying it keeps the text of the controls around the
article: skip links, the image viewer's button, the share menu's label, the pop-up that
appears when the reader moves to leave, the heading over the topic links. The defaults drop
the wordings most sites share ("Skip to content", "Share"); these are the wordings a few large
news sites use for the same controls, met in archives of copied pages.
"""

from ..reasons import Reason
from ..rules import Rule

RULES = [
    # "Skip past newsletter promotion": a skip link over a sign-up box.
    Rule("skip-link", pattern=r"^skip past\b"),
    # The account links of a header, copied with no space between them.
    Rule("menu-label", pattern=r"^sign inregister$", max_words=2),
    # The image viewer's button, set by every photo; not a caption, whatever it sits under.
    Rule("image-viewer", reason=Reason.BUTTON, pattern=r"^view image in fullscreen$", max_words=4),
    # The share menu's label.
    Rule("share", pattern=r"^social sharing$", max_words=2),
    # The pop-up shown when the reader moves to leave: "Wait! Before you go...". Alone, the
    # words open sentences too ("Before you go to the polls, ...").
    Rule(
        "reader-appeal",
        pattern=r"^wait[!.,]?\s+before you go\b|^before you go\s*(?:\.\.\.|…|$)",
        max_words=60,
    ),
    # The heading over the topic links that close the article.
    Rule(
        "end-of-article",
        kind="end",
        scope="body",
        pattern=r"^explore more on these topics\s*:?$",
        max_words=6,
    ),
]
