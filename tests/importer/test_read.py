"""Stage 1: bytes to clean text."""

import codecs

import pytest

from wagtail_newsroom.importer.read import read_text
from wagtail_newsroom.importer.result import ArticleImportError


def test_utf8_fast_path_and_newlines():
    assert read_text("Héllo\r\nworld\rend".encode()) == "Héllo\nworld\nend"


def test_utf8_bom_is_removed():
    assert read_text(codecs.BOM_UTF8 + "Café".encode()) == "Café"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(encoding):
    assert read_text("Zoë rows\nsecond line".encode(encoding)) == "Zoë rows\nsecond line"


def test_cp1252_is_detected():
    data = "The café’s owner said “goodbye” after 41 years of service.".encode("cp1252")
    assert read_text(data) == "The café’s owner said “goodbye” after 41 years of service."


def test_forced_encoding():
    assert read_text("Ärger".encode("latin-1"), encoding="latin-1") == "Ärger"


def test_unknown_forced_encoding_is_a_clear_error():
    with pytest.raises(ArticleImportError, match="Unknown encoding"):
        read_text(b"text", "a.txt", encoding="no-such-codec")


def test_spaces_controls_and_nfc():
    text = read_text("A\u00a0B\u200bC\x07 e\u0301 and a longer line of ordinary text".encode())
    assert text == "A BC é and a longer line of ordinary text"


def test_characters_xml_cannot_hold_are_removed():
    # U+FFFE/U+FFFF and lone surrogates, passed through before, made feeds fail.
    tail = ", a longer line of ordinary text" * 3
    text = read_text("Fer\x0bry\x1b \x7fne\ufffews\uffff, a lo\ud800nger" + tail)
    assert text == "Ferry news, a longer" + tail


def test_mojibake_is_repaired_only_when_present():
    assert read_text("Itâ€™s a cafÃ©".encode()) == "It’s a café"
    assert read_text("Â is a letter".encode()) == "Â is a letter"


@pytest.mark.parametrize("data", [b"", b"   \n\t ", "\u00a0".encode()])
def test_empty_input(data):
    with pytest.raises(ArticleImportError, match="empty") as error:
        read_text(data, "empty.txt")
    assert error.value.source == "empty.txt"


def test_binary_input():
    with pytest.raises(ArticleImportError, match="binary"):
        read_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "image.png")
