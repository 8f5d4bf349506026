"""Sign-offs of blogs and small sites.

A blogger or a small site's editor often closes a post by talking to the reader: asking them
to bookmark the site, wishing them a good read. News outlets seldom write so, and on a news
archive "Happy reading!" may be a quotation; where an archive is a blog's, these lines are
boilerplate.
"""

from ..rules import Rule

RULES = [
    Rule("reader-appeal", pattern=r"\bplease bookmark\b|\bhappy reading!?$", max_words=60),
]
