"""All the passes together, on a page copied from a browser."""

from wagtail_newsroom.importer.labels import Kind
from wagtail_newsroom.importer.reasons import Reason
from wagtail_newsroom.importer.recognise import assemble, run_passes

from . import HEADLINE, P1, P2, P3, P4, context

BROWSER_COPY = f"""Skip to main content
The Harbour Courier
Subscribe
Sign in
Home
News
Sport
We use cookies to improve your experience on our site.
Accept all cookies
Business
{HEADLINE}
By Jane Roe
March 4, 2024 at 6:42 p.m.
Share on Facebook
Copy link

{P1}

{P2}

Advertisement

{P3}

• Dredging the channel
• A new ferry terminal

{P4}

Police are investigating.

Sign up for our newsletter
Get the latest news in your inbox
Privacy policy
Most read
Top Ten Beaches
Best Pubs in Town
© 2024 The Harbour Courier
"""


def test_every_line_of_a_browser_copy_gets_exactly_one_label():
    ctx = context(BROWSER_COPY)
    labels = run_passes(ctx)
    assert sorted(labels) == list(range(len(ctx)))
    drops = [label for label in labels.values() if label.kind is Kind.DROP]
    assert drops and all(isinstance(label.reason, Reason) for label in drops)
    kept = [label for label in labels.values() if label.kind is not Kind.DROP]
    assert all(label.reason is None for label in kept)


def test_browser_copy_reads_as_its_article():
    ctx = context(BROWSER_COPY)
    article = assemble(ctx, run_passes(ctx))
    assert article.headline == HEADLINE
    assert [a.name for a in article.authors] == ["Jane Roe"]
    assert article.section == "Business"
    assert [block.text for block in article.body if block.type == "paragraph"] == [
        P1,
        P2,
        P3,
        P4,
        "Police are investigating.",
    ]
    reasons = {d.text: d.rule for d in article.dropped}
    assert reasons["Advertisement"] == Reason.ADVERTISEMENT
    assert reasons["Privacy policy"] == Reason.NEWSLETTER
    assert reasons["Skip to main content"] == Reason.SKIP_LINK
