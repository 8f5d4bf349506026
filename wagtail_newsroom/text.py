"""Characters no text of ours keeps: what XML cannot hold and no reader wants.

XML 1.0 allows none of the C0 controls but tab and the newlines, no lone surrogates and neither
U+FFFE nor U+FFFF; it allows DEL, the C1 controls and the noncharacters U+FDD0 to U+FDEF but
discourages them. One of them in a title made every feed fail and the news sitemap malformed,
so they are removed where text comes in (the importer, every saved field) and again where XML
goes out (feeds, sitemaps), for text that came in another way.
"""

import re

UNSAFE_CHARACTERS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
_UNSAFE = re.compile(f"[{UNSAFE_CHARACTERS}]")


def strip_unsafe(text):
    return _UNSAFE.sub("", text)


def strip_unsafe_values(value):
    """``value`` with every string in it, in dicts, lists and tuples too, made safe."""
    if isinstance(value, str):
        return strip_unsafe(value)
    if isinstance(value, dict):
        return {key: strip_unsafe_values(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(strip_unsafe_values(item) for item in value)
    return value
