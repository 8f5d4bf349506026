"""The pipeline as a whole: standalone use, warnings, and HTML furniture accounted for."""

import dataclasses
import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wagtail_newsroom.importer import ArticleImportError, parse, parse_path
from wagtail_newsroom.importer.config import ParseConfig
from wagtail_newsroom.importer.thresholds import THRESHOLDS

ROOT = Path(__file__).resolve().parents[2]


def test_parse_runs_without_django_settings():
    script = (
        "from wagtail_newsroom.importer import ArticleImportError, parse\n"
        "try:\n"
        "    parse(b'', 'empty.txt')\n"
        "except ArticleImportError as error:\n"
        "    print(error.message)\n"
        "text = b'A headline for the test\\n\\n' + b'Words in a sentence. ' * 20\n"
        "article = parse(text, 'a.txt')\n"
        "print('|'.join(article.warnings))\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    message, warnings = done.stdout.splitlines()
    assert message == "The file is empty."
    assert "No byline was found." in warnings.split("|")


def test_warnings_name_what_was_not_found():
    article = parse(
        "Council votes to close the library early\n\n"
        + "The council voted on Tuesday to cut the library's opening hours by a third. " * 3,
        "a.txt",
    )
    assert "No byline was found." in article.warnings
    assert "No publication date was found." in article.warnings


def test_truncated_html_is_reported():
    article = parse(
        "<html><body><h1>Council votes to close the library early</h1><p>By Jane Roe</p>"
        "<p>" + "The council voted on Tuesday to cut the library's hours. " * 4,
        "a.html",
    )
    assert any("truncated" in warning for warning in article.warnings)


def test_removed_html_furniture_is_recorded_as_dropped():
    article = parse(
        "<html><body><article><h1>Council votes to close the library early</h1>"
        "<ul class='share'><li>Share on Facebook</li></ul>"
        "<p>" + "The council voted on Tuesday to cut the library's hours. " * 4 + "</p>"
        "<aside><h3>Related</h3><p>Library hours cut again</p></aside>"
        "</article></body></html>",
        "a.html",
    )
    dropped = {(item.text, item.rule) for item in article.dropped}
    assert ("Share on Facebook", "share") in dropped
    assert ("Library hours cut again", "aside") in dropped


UNDATED = (
    "Council votes to close the library early\n\n"
    + "The council voted on Tuesday to cut the library's opening hours by a third. " * 3
)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("archive/2019-03-04-library.txt", datetime.date(2019, 3, 4)),
        ("archive/2019/03/04/library.txt", datetime.date(2019, 3, 4)),
        ("library_20190304.txt", datetime.date(2019, 3, 4)),
        ("04-03-2019-library.txt", None),  # day or month first: not trusted
        ("library-2019-02-30.txt", None),
    ],
)
def test_a_date_in_the_file_name_dates_an_undated_text(source, expected):
    article = parse(UNDATED, source)
    assert article.published == expected
    if expected:
        assert f"The text gives no date; {expected.isoformat()} was taken from the file name." in (
            article.warnings
        )
    else:
        assert "No publication date was found." in article.warnings


def test_the_texts_own_date_beats_the_file_names():
    article = parse(
        UNDATED.replace("\n\n", "\nMarch 9, 2021\n\n", 1), "archive/2019-03-04-library.txt"
    )
    assert article.published == datetime.date(2021, 3, 9)
    assert not any("file name" in warning for warning in article.warnings)


def test_an_html_blockquote_is_a_quote_block_and_reported_speech_a_paragraph():
    article = parse(
        "<html><body><article><h1>Council votes to close the library early</h1>"
        "<p>By Jane Roe</p>"
        "<p>" + "The council voted on Tuesday to cut the library's hours by a third. " * 2 + "</p>"
        "<p>“We had no choice,” said Tom Harker, the council leader, after the vote.</p>"
        "<blockquote>“Libraries are where towns keep their memory,” Ann Lee wrote.</blockquote>"
        "</article></body></html>",
        "a.html",
    )
    kinds = [(block.type, [q.speaker for q in block.quotes]) for block in article.body]
    assert kinds == [("paragraph", []), ("paragraph", ["Tom Harker"]), ("quote", [])]
    assert article.body[2].speaker == "Ann Lee"


@pytest.mark.parametrize(
    "src",
    ["javascript:alert(1)", " JaVa\tScRiPt:alert(1)", "data:text/html,<b>x</b>", "vbscript:x"],
)
def test_an_image_with_an_unsafe_address_is_no_image(src):
    article = parse(
        "<html><head><title>Council votes to close the library</title></head><body>"
        "<p>The council voted on Tuesday to cut the library's opening hours by a third.</p>"
        f'<img src="{src}">'
        "<p>Residents said they would petition the mayor to reverse the decision next week.</p>"
        "</body></html>",
        "fuzz/page.html",
        content_type="text/html",
    )
    assert all(block.type != "image" for block in article.body)
    assert article.lead_image is None


def test_a_metadata_headline_above_an_image_is_still_the_headline():
    article = parse(
        "<html><head><title>T</title></head><body><IMG SRC=0>The the the the.</body></html>",
        "fuzz/page.html",
        content_type="text/html",
    )
    assert article.headline == "T"


def test_a_file_too_large_to_be_an_article_is_refused_unread(tmp_path):
    config = ParseConfig(thresholds=dataclasses.replace(THRESHOLDS, article_bytes=2**20))
    path = tmp_path / "dump.txt"
    path.write_bytes(b"Ferry plan\n\n" + b"The ferry sailed on time today. " * 40_000)
    with pytest.raises(ArticleImportError, match=r"dump.txt: The file is 2 MB; .* at most 1 MB"):
        parse_path(path, config=config)
    with pytest.raises(ArticleImportError, match="at most 1 MB"):
        parse(path.read_bytes(), "dump.txt", config=config)
