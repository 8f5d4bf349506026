"""The seed corpus against its human-written truth.

Every ``tests/importer/expected/<sample>.json`` describes what an editor reading
``seeds/<sample>`` would say the article is: headline, byline, dates, section, the body
block by block, who is quoted, the roles they are given, the boilerplate that must be
dropped and the scare quotes that are not speech. These files were written from reading
the articles, not from parser output; when a test here fails, fix the parser (or argue
the truth in review), do not regenerate the JSON.

Expected-file keys (all required unless marked optional):

- ``headline``: str
- ``authors``: [str], in byline order
- ``published_date`` / ``updated_date``: "YYYY-MM-DD" or null (only the date part of the
  parser's ISO value is compared, in the source's own time zone)
- ``section``: str or null (compared case-insensitively)
- ``body``: the non-image blocks in reading order, each ``{"type", "text"}``; quotes may
  carry ``speaker`` (full name); lists carry ``items`` (and optionally ``ordered``)
  instead of ``text``
- ``people_roles``: {name: [role phrases that must be among that person's roles]}
- ``must_drop``: [line texts that must be found in ``dropped``]
- ``must_not_quote``: [substrings of paragraphs whose quotation marks are not speech]
- ``images`` (optional): [{"src": str or null, "caption": str, "credit": str or null}];
  ``src`` null means a caption in plain text with no image file
- ``dek`` (optional): the standfirst
- ``_note`` (optional): free text for the reader

Pure parser tests: no database.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import unicodedata
from pathlib import Path

import pytest

from wagtail_newsroom.importer import parse_path
from wagtail_newsroom.importer.result import BLOCK_KEYS, SpeakerKind

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
EXPECTED_DIR = Path(__file__).resolve().parent / "expected"
CASES = sorted(EXPECTED_DIR.glob("*.json"))
HTML_CASES = [case for case in CASES if case.name.removesuffix(".json").endswith((".html", ".htm"))]

# The keys of an article's JSON form, as documented in DESIGN.md ("The importer's JSON").
DESIGN_KEYS = (
    "source",
    "fingerprint",
    "headline",
    "dek",
    "section",
    "published",
    "updated",
    "authors",
    "people",
    "lead_image",
    "body",
    "dropped",
    "warnings",
)

HONORIFICS = re.compile(
    r"^(?:dr|mr|mrs|ms|mx|prof|professor|sir|dame|gov|sen|rep|rev|capt|gen)\.?\s+", re.IGNORECASE
)
LEADING_DETERMINERS = re.compile(r"^(?:a|an|the|our|its|their|his|her)\s+", re.IGNORECASE)

# Things that must never reach a body block of an imported HTML page.
UNSAFE_MARKUP = ("<script", "onclick", "javascript:", "style=")
EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
SCRIPT_CONTENT = ("document.write", "googletag", "window.open", "datalayer", "function(")


# --- helpers -------------------------------------------------------------------------------


def norm(text):
    """What a reader sees: NFC, no-break spaces as spaces, whitespace collapsed."""
    if text is None:
        return None
    text = unicodedata.normalize("NFC", str(text)).replace("\xa0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip()


def text_kind(block_type):
    """Which paragraphs are quotations is test_quote_speakers' question; the body's order is
    compared with quotes and paragraphs alike."""
    return "paragraph" if block_type == "quote" else block_type


def norm_name(name):
    return HONORIFICS.sub("", norm(name) or "")


def norm_role(role):
    role = (norm(role) or "").replace("\u2019", "'").casefold().rstrip(".,;:")
    previous = None
    while previous != role:
        previous, role = role, LEADING_DETERMINERS.sub("", role)
    return role


def role_matches(expected, actual):
    """The expected role phrase equals, or appears as whole words inside, the actual one."""
    expected, actual = norm_role(expected), norm_role(actual)
    return bool(expected) and re.search(rf"(?<!\w){re.escape(expected)}(?!\w)", actual) is not None


def case_id(path):
    return path.name.removesuffix(".json")


@functools.cache
def parsed(sample_name):
    """(ParsedArticle, its JSON form) for seeds/<sample_name>, parsed once per session."""
    path = SEEDS / sample_name
    assert path.is_file(), f"expected file names a sample that does not exist: {path}"
    article = parse_path(path)
    return article, article.to_dict()


def load(case):
    expected = expectation(case)
    article, data = parsed(case_id(case))
    return expected, article, data


def flow_blocks(blocks):
    """Body blocks other than images, as comparable (type, text-or-items) pairs."""
    flow = []
    for block in blocks:
        if block["type"] == "image":
            continue
        if block["type"] == "list":
            flow.append(("list", tuple(norm(item) for item in block.get("items") or [])))
        else:
            flow.append((text_kind(block["type"]), norm(block.get("text"))))
    return flow


def describe(flow):
    lines = []
    for kind, content in flow:
        if kind == "list":
            lines.append("list:")
            lines.extend(f"    - {item}" for item in content)
        else:
            lines.append(f"{kind}: {content}")
    return lines


def images_of(data):
    found = [data["lead_image"]] if data["lead_image"] else []
    return found + [block for block in data["body"] if block["type"] == "image"]


def dropped_texts(data):
    return [norm(item["text"]) or "" for item in data["dropped"]]


def quoted_by(block) -> list:
    """The speakers of a JSON body block's quotations (None for one not named): a set-apart
    quote block's, or a paragraph's ``quotes``. The truth marks both as "quote" blocks."""
    if block["type"] == "quote":
        return [block.get("speaker")]
    return [quote["speaker"] for quote in block.get("quotes") or []]


def quote_texts(data):
    return [norm(block.get("text")) or "" for block in data["body"] if quoted_by(block)]


params = pytest.mark.parametrize("case", CASES, ids=case_id)


def expectation(case):
    return json.loads(case.read_text(encoding="utf-8"))


def cases_where(asserts):
    """Parametrise over the samples whose expectation asserts something for this test, so
    that no test is generated only to be skipped."""
    chosen = [case for case in CASES if asserts(expectation(case))]
    return pytest.mark.parametrize("case", chosen, ids=case_id)


# --- tests ---------------------------------------------------------------------------------


def test_corpus_is_complete():
    assert len(CASES) >= 12, f"expected at least 12 truth files in {EXPECTED_DIR}"
    for case in CASES:
        assert (SEEDS / case_id(case)).is_file(), f"{case.name} has no sample in seeds/"


@params
def test_headline(case):
    expected, _, data = load(case)
    assert norm(data["headline"]) == norm(expected["headline"]), (
        f"{case_id(case)}: headline is {data['headline']!r}, expected {expected['headline']!r}"
    )


@params
def test_authors_in_byline_order(case):
    expected, _, data = load(case)
    names = [norm_name(author["name"]) for author in data["authors"]]
    want = [norm_name(name) for name in expected["authors"]]
    assert names == want, f"{case_id(case)}: authors are {names}, expected {want}"


@params
def test_dates(case):
    expected, _, data = load(case)
    for key, want in (
        ("published", expected["published_date"]),
        ("updated", expected["updated_date"]),
    ):
        got = data[key]
        if want is None:
            assert got is None, f"{case_id(case)}: {key} should be null, got {got!r}"
        else:
            assert got is not None, f"{case_id(case)}: {key} is null, expected {want}"
            assert got[:10] == want, (
                f"{case_id(case)}: {key} is {got!r}, expected the date {want} "
                "(in the source's own time zone)"
            )


@params
def test_section(case):
    expected, _, data = load(case)
    want, got = expected["section"], data["section"]
    if want is None:
        assert got is None, f"{case_id(case)}: section should be null, got {got!r}"
    else:
        assert got is not None and norm(got).casefold() == norm(want).casefold(), (
            f"{case_id(case)}: section is {got!r}, expected {want!r}"
        )


@cases_where(lambda expected: "dek" in expected)
def test_dek(case):
    expected, _, data = load(case)
    assert norm(data["dek"]) == norm(expected["dek"]), (
        f"{case_id(case)}: dek is {data['dek']!r}, expected {expected['dek']!r}"
    )


@params
def test_body_blocks_in_order(case):
    expected, _, data = load(case)
    want = []
    for block in expected["body"]:
        if block["type"] == "list":
            want.append(("list", tuple(norm(item) for item in block["items"])))
        else:
            want.append((text_kind(block["type"]), norm(block["text"])))
    got = flow_blocks(data["body"])
    if got != want:
        diff = "\n".join(
            difflib.unified_diff(describe(want), describe(got), "expected", "parsed", lineterm="")
        )
        pytest.fail(f"{case_id(case)}: body blocks differ from the truth:\n{diff}")


@cases_where(lambda expected: any(b["type"] == "list" and "ordered" in b for b in expected["body"]))
def test_list_kind(case):
    expected, _, data = load(case)
    want = [block for block in expected["body"] if block["type"] == "list" and "ordered" in block]
    lists = {
        tuple(norm(item) for item in block.get("items") or []): block
        for block in data["body"]
        if block["type"] == "list"
    }
    for block in want:
        items = tuple(norm(item) for item in block["items"])
        assert items in lists, f"{case_id(case)}: no list block with items {list(items)}"
        assert bool(lists[items]["ordered"]) == block["ordered"], (
            f"{case_id(case)}: list starting {items[0]!r} should have ordered={block['ordered']}"
        )


@cases_where(
    lambda expected: any(b["type"] == "quote" and b.get("speaker") for b in expected["body"])
)
def test_quote_speakers(case):
    expected, _, data = load(case)
    want = [
        block for block in expected["body"] if block["type"] == "quote" and block.get("speaker")
    ]
    speakers = {
        norm(block["text"]): speaker for block in data["body"] for speaker in quoted_by(block)
    }
    problems = []
    for block in want:
        text = norm(block["text"])
        if text not in speakers:
            problems.append(f"no quotation found in: {text[:80]!r}...")
        elif norm_name(speakers[text]) != norm_name(block["speaker"]):
            problems.append(
                f"speaker of {text[:60]!r}... is {speakers[text]!r}, expected {block['speaker']!r}"
            )
    assert not problems, f"{case_id(case)}:\n  " + "\n  ".join(problems)


@cases_where(lambda expected: expected["people_roles"])
def test_people_roles(case):
    expected, _, data = load(case)
    roles_by_name = {}
    for person in data["people"]:
        roles_by_name.setdefault(norm_name(person["name"]), []).extend(person["roles"])
    for author in data["authors"]:
        if author.get("role"):
            roles_by_name.setdefault(norm_name(author["name"]), []).append(author["role"])
    problems = []
    for name, roles in expected["people_roles"].items():
        actual = roles_by_name.get(norm_name(name))
        if actual is None:
            problems.append(f"{name!r} is not among people {sorted(roles_by_name)}")
            continue
        for role in roles:
            if not any(role_matches(role, candidate) for candidate in actual):
                problems.append(f"{name!r} lacks role {role!r}; has {actual}")
    assert not problems, f"{case_id(case)}:\n  " + "\n  ".join(problems)


@cases_where(lambda expected: expected["must_drop"])
def test_boilerplate_is_dropped(case):
    expected, _, data = load(case)
    dropped = dropped_texts(data)
    missing = []
    for line in expected["must_drop"]:
        want = norm(line)
        # Short labels ("share", "1 of 3") must be a dropped line of their own; longer
        # lines may sit inside a larger dropped chunk (an HTML element, a glued line).
        found = any(
            text.casefold() == want.casefold() or (len(want) >= 15 and want in text)
            for text in dropped
        )
        if not found:
            missing.append(want)
    assert not missing, (
        f"{case_id(case)}: these lines are not in `dropped`:\n  "
        + "\n  ".join(missing)
        + f"\n(dropped texts: {dropped})"
    )


@cases_where(lambda expected: expected["must_not_quote"])
def test_scare_quotes_are_not_speech(case):
    expected, _, data = load(case)
    quotes = quote_texts(data)
    others = [
        norm(block.get("text")) or ""
        for block in data["body"]
        if block["type"] not in ("quote", "image")
    ]
    for fragment in expected["must_not_quote"]:
        want = norm(fragment)
        inside = [text for text in quotes if want in text]
        assert not inside, f"{case_id(case)}: scare quotes read as speech: {inside[0]!r}"
        assert any(want in text for text in others), (
            f"{case_id(case)}: the paragraph containing {want!r} is missing from the body"
        )


@cases_where(lambda expected: expected.get("images"))
def test_images_and_captions(case):
    expected, _, data = load(case)
    images = images_of(data)
    flow_texts = [
        norm(block.get("text")) or "" for block in data["body"] if block["type"] != "image"
    ]
    dropped = dropped_texts(data)
    for image in expected["images"]:
        caption = norm(image["caption"])
        assert not any(caption in text for text in flow_texts), (
            f"{case_id(case)}: the caption {caption!r} was read as body text"
        )
        if image.get("src"):
            matches = [i for i in images if i.get("src") and i["src"].endswith(image["src"])]
            assert matches, (
                f"{case_id(case)}: no image with src {image['src']!r}; images are "
                f"{[i.get('src') for i in images]}"
            )
            candidates = matches
        else:
            candidates = [i for i in images if caption in (norm(i.get("caption")) or "")]
            if not candidates:
                assert any(caption in text for text in dropped), (
                    f"{case_id(case)}: caption {caption!r} is neither an image caption nor "
                    "in `dropped`"
                )
                continue
        image_found = candidates[0]
        assert caption in (norm(image_found.get("caption")) or ""), (
            f"{case_id(case)}: image {image_found.get('src')!r} has caption "
            f"{image_found.get('caption')!r}, expected {caption!r}"
        )
        if image.get("credit"):
            credit = norm(image["credit"])
            where = (
                (norm(image_found.get("credit")) or "")
                + " "
                + (norm(image_found.get("caption")) or "")
            )
            assert credit in where, (
                f"{case_id(case)}: image {image_found.get('src')!r} lacks the credit {credit!r} "
                f"(credit is {image_found.get('credit')!r})"
            )


@params
def test_json_form(case):
    _, article, data = load(case)
    missing = [key for key in DESIGN_KEYS if key not in data]
    assert not missing, f"{case_id(case)}: JSON form lacks the documented keys {missing}"
    round_tripped = json.loads(json.dumps(data, ensure_ascii=False))
    assert round_tripped == data, f"{case_id(case)}: JSON form does not round-trip"
    assert case_id(case) in data["source"], f"{case_id(case)}: source is {data['source']!r}"
    assert str(data["fingerprint"]).startswith("sha256:"), (
        f"{case_id(case)}: fingerprint {data['fingerprint']!r} is not 'sha256:<hex>'"
    )
    assert data["body"], f"{case_id(case)}: empty body"
    for block in data["body"]:
        assert block["type"] in BLOCK_KEYS, f"{case_id(case)}: unknown block type {block['type']!r}"
        lacking = [key for key in BLOCK_KEYS[block["type"]] if key not in block]
        assert not lacking, f"{case_id(case)}: {block['type']} block lacks {lacking}: {block}"
    for author in data["authors"]:
        assert set(author) >= {"name", "role"}, f"{case_id(case)}: bad author {author}"
    for person in data["people"]:
        assert set(person) >= {"name", "roles", "aliases"}, f"{case_id(case)}: bad person {person}"
    for item in data["dropped"]:
        assert set(item) >= {"line", "text", "rule"}, f"{case_id(case)}: bad dropped entry {item}"
        assert item["rule"], f"{case_id(case)}: dropped line without a rule: {item}"
    assert all(isinstance(warning, str) for warning in data["warnings"]), (
        f"{case_id(case)}: warnings must be strings: {data['warnings']}"
    )
    names = {norm_name(person["name"]) for person in data["people"]}
    quoted = {
        norm_name(quote.speaker)
        for quote in article.quotations
        if quote.speaker and quote.speaker_kind == SpeakerKind.PERSON
    }
    assert quoted <= names, (
        f"{case_id(case)}: quoted speakers missing from people: {sorted(quoted - names)}"
    )


@pytest.mark.parametrize("case", HTML_CASES, ids=case_id)
def test_html_is_sanitised(case):
    _, _, data = load(case)
    blocks = list(data["body"]) + ([data["lead_image"]] if data["lead_image"] else [])
    for block in blocks:
        for key in ("text", "html", "src", "alt", "caption", "credit"):
            value = block.get(key)
            if not value:
                continue
            lowered = str(value).casefold()
            for bad in UNSAFE_MARKUP:
                assert bad not in lowered, (
                    f"{case_id(case)}: {bad!r} survived in a {block.get('type', 'lead image')} "
                    f"block's {key}: {value!r}"
                )
            assert not EVENT_HANDLER.search(str(value)), (
                f"{case_id(case)}: an event handler survived in {key}: {value!r}"
            )
            for leaked in SCRIPT_CONTENT:
                assert leaked not in lowered, (
                    f"{case_id(case)}: script content {leaked!r} leaked into {key}: {value!r}"
                )
