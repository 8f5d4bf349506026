"""Which addresses from stored data a page may link to.

The admin's URL fields accept only web addresses, but a value written by the API, the ORM or a
migration is not checked by them: what is rendered is checked again here.
"""

import re
from urllib.parse import urlsplit

LINK_SCHEMES = ("http", "https", "mailto")
# A host name as DNS writes it (IDNs in their xn-- form), with an optional port.
_HOST_NAME = re.compile(
    r"(?=.{1,253}(?::|$))(?!-)[a-z0-9-]{1,63}(?<!-)(?:\.(?!-)[a-z0-9-]{1,63}(?<!-))*(?::\d{1,5})?",
    re.IGNORECASE,
)


def safe_link(url):
    """``url`` when a reader may follow it (a web or mail address, or a path on this site),
    else ``""``: never ``javascript:``, ``data:`` or ``vbscript:``, however spelled."""
    url = (url or "").strip()
    # Browsers drop tabs and newlines inside a scheme ("java\tscript:"), so must the check.
    scheme = urlsplit(re.sub(r"[\t\n\r]", "", url)).scheme.lower()
    if scheme in LINK_SCHEMES or (not scheme and url.startswith("/") and not url.startswith("//")):
        return url
    return ""


def is_host_name(value):
    return bool(value) and _HOST_NAME.fullmatch(value) is not None
