"""The seed article, end to end, against its JSON form."""

from pathlib import Path

from wagtail_newsroom.importer import parse_path

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_c8de4f398f421595.txt"


def test_seed_article():
    data = parse_path(SEED).to_dict()

    assert data["headline"] == "China Reminds Ant Group Who’s Boss"
    assert data["authors"] == [
        {"name": "Penny Zhou", "role": None, "credit": None, "contribution": None}
    ]
    assert data["published"] == "2020-11-05"
    assert data["updated"] is None
    assert data["section"] == "NTD Evening News"
    assert data["fingerprint"].startswith("sha256:")

    body = data["body"]
    assert len(body) == 13
    # Reported speech stays in the run of the story: paragraphs, with their quotations.
    assert {block["type"] for block in body} == {"paragraph"}
    quoting = [block for block in body if block["quotes"]]
    quotes = [quote for block in quoting for quote in block["quotes"]]
    assert [quote["speaker"] for quote in quotes] == ["Jack Ma", "Qin Peng", "Qin Peng"]
    assert [quote["attribution"] for quote in quotes] == [
        "Ma said",
        "analyst Qin Peng said",
        "Peng said",
    ]
    assert quotes[1]["speaker_role"] == "analyst"
    # The paragraphs read exactly as written; a quotation holds the quoted words.
    assert quoting[0]["text"].startswith("“China does not have any systemic financial risk")
    assert quoting[0]["text"].endswith("‘the lack of a financial system.'”")
    assert quotes[0]["text"].startswith("China does not have any systemic financial risk")

    scare = [block for block in body if "“Big Brother”" in block["text"]]
    assert scare and not scare[0]["quotes"]
    assert all("social credit" not in block["text"] for block in quoting)

    people = {person["name"]: person for person in data["people"]}
    assert {"China affairs commentator", "analyst"} <= set(people["Qin Peng"]["roles"])
    assert "Peng" in people["Qin Peng"]["aliases"]
    assert "Ma" in people["Jack Ma"]["aliases"]
    assert "Penny Zhou" in people

    assert [(item["text"], item["rule"]) for item in data["dropped"][:2]] == [
        ("Penny Zhou", "author-photo-label"),
        ("share", "share"),
    ]
    assert data["dropped"][0]["line"] == 3
    assert [item["text"] for item in data["dropped"][2:]] == [
        "ntd newsletter icon",
        "Sign up for NTD Daily",
        "What you need to know, summarized in one email.",
        "Stay informed with accurate news you can trust.",
        "By registering for the newsletter, you agree to the Privacy Policy.",
        "Comments",
    ]
    assert {item["rule"] for item in data["dropped"][2:7]} == {"newsletter"}
