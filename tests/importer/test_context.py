"""The recognition context: what passes know of the page as a whole."""

from wagtail_newsroom.importer.segment import PageMeta, Segment

from .passes import HEADER, MENU, P1, P2, P3, P4, context, page


def test_bare_export_is_clean():
    ctx = context(page(P1, P2, P3, top=""))
    assert ctx.clean_export
    assert ctx.extent == (0, len(ctx) - 1)


def test_one_boilerplate_line_makes_it_not_clean():
    ctx = context(page(P1, P2, P3, top="", header=HEADER + "Share\n"))
    assert not ctx.clean_export


def test_removed_html_furniture_makes_it_not_clean():
    removed = [(Segment(line=None, text="Home News Sport"), "navigation")]
    ctx = context(page(P1, P2, P3, top=""), meta=PageMeta(removed=removed))
    assert not ctx.clean_export
    assert context(page(P1, P2, P3, top=""), meta=PageMeta()).clean_export


def test_many_short_lines_after_the_header_make_it_not_clean():
    ctx = context(page(P1, "photos", P2, "videos", P3, top=""))
    assert not ctx.clean_export


def test_extent_is_the_run_of_paragraphs():
    ctx = context(page(P1, P2, P3, "Share\nTop Ten Beaches\nBest Pubs in Town"))
    start, end = ctx.extent
    assert (ctx.lines[start].text, ctx.lines[end].text) == (P1, P3)


def test_extent_keeps_a_short_final_sentence_after_the_last_paragraph():
    ctx = context(page(P1, P2, P3, "Police are investigating.", "Share\nTop Ten Beaches"))
    assert ctx.lines[ctx.extent[1]].text == "Police are investigating."


def test_rule_hits_name_each_lines_first_rule():
    ctx = context(page(P1, P2, top=MENU + "Share\n"))
    hits = {line.text: rule.name if rule else None for line, rule in zip(ctx.lines, ctx.rule_hits)}
    assert hits["Home"] == "menu-label"
    assert hits["Share"] == "share"
    assert hits[P1] is None


def test_teasers_are_prose_packed_under_labels_in_a_gapped_page():
    teaser = "A new bakery has opened on the high street, and the queues are already long."
    ctx = context(page(P1, P2, P3, P4, f"More from the Courier\n{teaser}"))
    assert {ctx.lines[i].text for i in ctx.teasers} == {teaser}


def test_teaser_is_not_a_list_item_led_into_by_the_line_above():
    item = "Setting out clear procedures for registration, permits and support for traders."
    ctx = context(page(P1, P2, P3, P4, f"Recognising traders as contributors; and\n{item}"))
    assert not ctx.teasers


OFFER = "Subscribe now to read the latest news in your city.\n"
PERKS = "Unlimited online access to 15 news sites with one account.\nDaily puzzles and comics."


def test_a_block_shown_twice_beside_boilerplate_is_repeated_in_all_copies():
    ctx = context(page(P1, P2, f"{OFFER}{PERKS}", f"{OFFER}{PERKS}", P3, P4))
    repeated = {ctx.lines[i].text for i in ctx.repeated_blocks}
    assert repeated == {*PERKS.splitlines(), OFFER.strip()}


def test_paragraphs_shown_twice_without_boilerplate_are_not_a_repeated_block():
    ctx = context(page(P1, f"{P2}\n{P3}", P4, f"{P2}\n{P3}"))
    assert not ctx.repeated_blocks
