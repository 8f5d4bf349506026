"""Labels: immutable, and never relabelling a line."""

import pytest

from wagtail_newsroom.importer.labels import Kind, Label, Labels, RelabelError
from wagtail_newsroom.importer.reasons import Reason
from wagtail_newsroom.importer.rules import DEFAULT_RULES, Rule


def test_add_returns_new_labels_and_leaves_the_old_unchanged():
    empty = Labels()
    one = empty.add({0: Label(Kind.HEADLINE)})
    two = one.add({1: Label(Kind.BYLINE)})
    assert len(empty) == 0
    assert dict(one) == {0: Label(Kind.HEADLINE)}
    assert two.kind(1) is Kind.BYLINE and two.kind(2) is None


def test_add_refuses_to_relabel_a_line():
    labels = Labels({3: Label(Kind.PARAGRAPH)})
    with pytest.raises(RelabelError, match="header relabels line 3"):
        labels.add({2: Label(Kind.DATE), 3: Label.drop(Reason.HEADER)}, by="header")
    assert dict(labels) == {3: Label(Kind.PARAGRAPH)}  # nothing of the clash was added


def test_labels_are_immutable():
    source = {0: Label(Kind.HEADLINE)}
    labels = Labels(source)
    source[1] = Label(Kind.DEK)  # changing the mapping given does not change the labels
    assert list(labels) == [0]
    with pytest.raises(TypeError):
        labels[1] = Label(Kind.DEK)
    with pytest.raises(AttributeError):
        labels.extra = 1


def test_first_finds_the_lowest_index_of_a_kind():
    labels = Labels({5: Label(Kind.PARAGRAPH), 2: Label(Kind.PARAGRAPH), 1: Label(Kind.HEADLINE)})
    assert labels.first(Kind.PARAGRAPH) == 2
    assert labels.first(Kind.DEK) is None


def test_drop_carries_its_reason():
    label = Label.drop("share")
    assert label.kind is Kind.DROP
    assert label.reason is Reason.SHARE
    with pytest.raises(ValueError):
        Label.drop("not-a-reason")


def test_for_rule_records_a_site_rules_name_as_detail():
    rule = Rule("courier-promo", pattern=r"^get the app$", reason="call-to-action")
    assert Label.for_rule(rule) == Label(Kind.DROP, Reason.CALL_TO_ACTION, "courier-promo")


def test_for_rule_of_a_built_in_rule_has_no_detail():
    share = next(rule for rule in DEFAULT_RULES if rule.name == "share")
    assert Label.for_rule(share) == Label(Kind.DROP, Reason.SHARE, None)
