"""The outside pass: what lies above the article's header and after its end."""

from wagtail_newsroom.importer.labels import Kind, Label
from wagtail_newsroom.importer.passes import outside
from wagtail_newsroom.importer.reasons import Reason

from . import P1, P2, P3, P4, context, given, page


def label(text):
    ctx = context(text)
    new = outside.label(ctx, given(ctx, "outside"))
    return ctx, new


def test_lines_above_the_header_are_navigation_or_their_rule():
    ctx, new = label(page(P1, P2, P3, top="Home\nNews\nSport\nWeather\n"))
    assert new[0] == Label.drop(Reason.MENU_LABEL)  # "Home"
    assert new[1] == Label.drop(Reason.NAVIGATION)
    assert new[2] == Label.drop(Reason.NAVIGATION)
    assert 3 not in new  # "Weather", right above the headline, is its section (header pass)


def test_lines_after_the_article_are_after_article_or_their_rule():
    ctx, new = label(page(P1, P2, P3, P4, "Share\nTop Ten Beaches\nBest Pubs in Town"))
    after = {ctx.lines[i].text: lab for i, lab in new.items() if i > ctx.extent[1]}
    assert after == {
        "Share": Label.drop(Reason.SHARE),
        "Top Ten Beaches": Label.drop(Reason.AFTER_ARTICLE),
        "Best Pubs in Town": Label.drop(Reason.AFTER_ARTICLE),
    }


def test_sign_up_block_after_the_article_is_dropped_whole_by_its_rule():
    ctx, new = label(
        page(
            P1,
            P2,
            P3,
            P4,
            "Share",
            "Sign up for our newsletter\nGet the latest news in your inbox\nPrivacy policy\n"
            "Terms of use",
        )
    )
    block = ["Sign up for our newsletter", "Get the latest news in your inbox", "Privacy policy",
             "Terms of use"]  # fmt: skip
    labels = {ctx.lines[i].text: lab for i, lab in new.items()}
    assert [labels[text] for text in block] == [Label.drop(Reason.NEWSLETTER)] * 4


def test_site_rule_name_is_kept_as_detail():
    from wagtail_newsroom.importer.context import Context, RuleMatcher
    from wagtail_newsroom.importer.lines import build_lines
    from wagtail_newsroom.importer.rules import DEFAULT_RULES, Rule
    from wagtail_newsroom.importer.segment import segment_text

    promo = Rule("courier-promo", pattern=r"^get the courier app$", reason="call-to-action")
    text = page(P1, P2, P3, P4, "Get the Courier app")
    ctx = Context(build_lines(segment_text(text)), RuleMatcher.for_rules((*DEFAULT_RULES, promo)))
    new = outside.label(ctx, given(ctx, "outside"))
    assert new[len(ctx) - 1] == Label(Kind.DROP, Reason.CALL_TO_ACTION, "courier-promo")


def test_outside_never_relabels_the_article():
    ctx, new = label(page(P1, P2, P3, P4, "Share"))
    before = given(ctx, "outside")
    assert not set(new) & set(before)
    assert all(lab.kind is Kind.DROP for lab in new.values())
