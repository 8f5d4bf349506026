"""Rules are data: named, typed, scoped, and loadable per site."""

import json

import pytest

from wagtail_newsroom.importer import parse
from wagtail_newsroom.importer.rules import DEFAULT_RULES, Rule, load_rules, rule_set

ARTICLE = """Council approves the new harbour budget after a long debate

By Jane Roe

The council approved the harbour budget on Tuesday after a debate that lasted six hours.

Brought to you by Harbour Bank

Councillors said the money would pay for dredging and a new ferry terminal next year.
"""


def first(text, rules=DEFAULT_RULES):
    return next((rule.name for rule in rules if rule.matches(text, len(text.split()))), None)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Skip to main content", "skip-link"),
        ("Sign up for our daily newsletter", "newsletter"),
        ("Share on Facebook", "share"),
        ("Advertisement", "advertisement"),
        ("We use cookies to improve your experience. Accept all", "cookie"),
        ("© 2024 Example Media. All rights reserved.", "copyright"),
        ("Read more: Council votes on budget", "read-more"),
        ("Passengers wait for a bus. Photograph: Jon Tarrant/Reuters", "photo-credit"),
        ("A burned car outside a home. (AP Photo/Jane Roe)", "photo-credit"),
        ("Related articles", "end-of-article"),
    ],
)
def test_default_rules(line, rule):
    assert first(line) == rule


def test_long_prose_is_never_boilerplate():
    line = (
        "The council said it would share the cost of the new ferry terminal with the port "
        "authority and the regional government, and sign up contractors by the summer."
    )
    assert first(line) is None


def test_rule_validation():
    with pytest.raises(ValueError):
        Rule("bad", kind="explode", pattern="x")
    with pytest.raises(ValueError):
        Rule("bad")


def test_load_rules_from_json_and_python(tmp_path):
    as_json = tmp_path / "rules.json"
    as_json.write_text(json.dumps([{"name": "sponsor", "pattern": "^brought to you by\\b"}]))
    as_py = tmp_path / "site_rules.py"
    as_py.write_text(
        "from wagtail_newsroom.importer.rules import Rule\n"
        "RULES = [Rule('sponsor', pattern='^brought to you by\\\\b')]\n"
    )
    for source in (as_json, as_py):
        rules = load_rules(str(source))
        assert [rule.name for rule in rules] == ["sponsor"]
        assert rule_set(str(source))[0].name == "sponsor"


def test_site_rules_extend_the_defaults():
    plain = parse(ARTICLE, "a.txt")
    assert not any(item.text.startswith("Brought") for item in plain.dropped)
    custom = parse(ARTICLE, "a.txt", rules=[{"name": "sponsor", "pattern": "^brought to you by"}])
    assert ("Brought to you by Harbour Bank", "sponsor") in [
        (item.text, item.rule) for item in custom.dropped
    ]
    assert len(custom.body) == len(plain.body) - 1
