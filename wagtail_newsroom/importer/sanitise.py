"""Reduce imported HTML to what Wagtail's rich text editor allows."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import nh3

ALLOWED_TAGS = {"p", "h2", "h3", "h4", "b", "strong", "i", "em", "a", "ul", "ol", "li", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}

# Only relative or http(s)/mailto links survive; nh3 already drops other schemes, this also
# drops the href of protocol-relative and fragment-only links, which mean nothing once imported.
_SAFE_HREF = re.compile(r"^(https?:|mailto:)", re.IGNORECASE)


def _filter_attribute(tag, attribute, value):
    if tag == "a" and attribute == "href":
        return value if _SAFE_HREF.match(value.strip()) else None
    return value


def sanitise(html: str) -> str:
    """Return ``html`` reduced to the allowed tags; a dropped link keeps its text."""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
        attribute_filter=_filter_attribute,
        link_rel=None,
        strip_comments=True,
    )
    # An <a> whose href was refused is just noise around its text.
    return re.sub(r"<a>(.*?)</a>", r"\1", cleaned, flags=re.DOTALL).strip()


_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def safe_image_src(src: str | None) -> str | None:
    """An image's address if it is one the importer may use: a path beside the source or an
    http(s) URL. Other schemes ("javascript:", "data:") are no image at all."""
    if not src:
        return None
    # Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
    scheme = urlsplit(_CONTROL.sub("", src)).scheme.lower()
    return src.strip() if scheme in ("", "http", "https") else None
