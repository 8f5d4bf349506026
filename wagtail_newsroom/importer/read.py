"""Stage 1: bytes to clean text.

Decoding tries the cheap, certain answers first (BOMs, strict UTF-8) and only then asks
charset-normalizer; ftfy runs only when the text shows mojibake, because it is slow.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..text import UNSAFE_CHARACTERS
from .result import ArticleImportError


def gettext(message: str) -> str:
    """Django's gettext when Django is set up; the message itself when the pipeline runs on
    its own (a script, a worker without settings), where Django's would raise."""
    from django.conf import settings
    from django.core.exceptions import AppRegistryNotReady

    if not settings.configured:
        return message
    from django.utils.translation import gettext as django_gettext

    try:
        return django_gettext(message)
    except AppRegistryNotReady:
        return message


_ = gettext

# Characters that only appear when UTF-8 was decoded as cp1252/latin-1 (e.g. "â€™", "Ã©").
_MOJIBAKE = re.compile(r"[ÃÂâ][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u017d]")
# What XML cannot hold (``text.UNSAFE_CHARACTERS``), zero-width characters and soft hyphens.
_CONTROL = re.compile(f"[{UNSAFE_CHARACTERS}\u200b-\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u2006\u2008-\u200a\u3000]")


def _looks_like_utf16(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 from the NUL bytes that ASCII text leaves in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes, source: str = "-", encoding: str | None = None) -> str:
    """Decode ``data`` to a string, raising ArticleImportError when it is not text."""
    if not data or not data.strip():
        raise ArticleImportError(source, _("The file is empty."))
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise ArticleImportError(source, _("Unknown encoding “%s”.") % encoding) from None
        except UnicodeDecodeError as error:
            raise ArticleImportError(
                source,
                _("The file is not valid %(encoding)s: %(error)s.")
                % {"encoding": encoding, "error": error.reason},
            ) from None

    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    utf16 = _looks_like_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    if b"\x00" in data[:8192]:
        raise ArticleImportError(source, _("The file looks binary (it contains NUL bytes)."))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass

    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is None:
        raise ArticleImportError(source, _("The file's text encoding could not be recognised."))
    name = best.encoding
    # charset-normalizer sometimes picks an exotic single-byte code page for Western text;
    # cp1252 is what legacy newsroom files almost always are.
    if name not in ("utf_8", "cp1252", "latin_1", "iso8859_15") and _cp1252_ok(data):
        name = "cp1252"
    return data.decode(name, errors="replace")


def _cp1252_ok(data: bytes) -> bool:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    letters = sum(ch.isalpha() for ch in text)
    return letters > len(text) * 0.5


def normalise(text: str) -> str:
    """Normalise newlines, spaces and Unicode; repair mojibake when there is some."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    if _MOJIBAKE.search(text):
        import ftfy

        text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)
    text = _SPACES.sub(" ", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


_NOT_TEXT = re.compile(r"[\ufffd\x00-\x08\x0b\x0c\x0e-\x1f]")


def _is_mostly_text(text: str) -> bool:
    sample = text[:8192]
    return len(_NOT_TEXT.findall(sample)) <= len(sample) * 0.05


def read_text(data: bytes | str, source: str = "-", encoding: str | None = None) -> str:
    """Turn raw bytes (or an already-decoded string) into normalised text."""
    text = data if isinstance(data, str) else decode(data, source, encoding)
    if not _is_mostly_text(text):
        raise ArticleImportError(source, _("The file does not look like text."))
    text = normalise(text)
    if not text.strip():
        raise ArticleImportError(source, _("The file is empty."))
    return text
