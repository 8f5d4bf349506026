"""Stage 2: text or HTML to a flat list of segments with source line numbers.

Plain text and HTML end up in the same shape so that recognition does not care where an
article came from. HTML also yields ``PageMeta`` from its <meta> tags and JSON-LD.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import deque
from dataclasses import dataclass, field
from operator import itemgetter

from .sanitise import safe_image_src, sanitise

_WS = re.compile(r"\s+")


@dataclass
class Segment:
    """One line or block of the source.

    ``kind`` is "text" (a line or paragraph), "heading", "item" (a list item), "quote"
    (a <blockquote>) or "image". ``gap_before`` is true when a blank line or a block
    boundary precedes it: runs of lines without gaps are how menus and link lists look.
    """

    line: int | None
    text: str
    kind: str = "text"
    gap_before: bool = True
    level: int | None = None
    html: str | None = None
    list_id: int | None = None
    ordered: bool = False
    src: str | None = None
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None


@dataclass
class PageMeta:
    """What an HTML page says about itself in <title>, <meta> and JSON-LD."""

    headline: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    section: str | None = None
    keywords: list[str] = field(default_factory=list)
    description: str | None = None
    # Visible text of the elements removed as page furniture: (segment, rule name).
    removed: list[tuple[Segment, str]] = field(default_factory=list)
    truncated: bool = False


# --- plain text -------------------------------------------------------------------------


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when paragraphs were wrapped at a fixed width (e-mail, old archives).

    Browser-copied text has one paragraph per line, so long lines there vary widely in
    length; wrapped text has many long-ish lines of nearly the same length, each followed
    directly by another line.
    """
    lengths = [len(line) for line in lines if line.strip()]
    if len(lengths) < 6 or max(lengths) > 110:
        return False
    width = sorted(lengths)[int(len(lengths) * 0.9)]
    if width < 40:
        return False
    continued = sum(
        1
        for this, following in zip(lines, lines[1:])
        if len(this) >= width * 0.7 and following.strip()
    )
    return continued >= len(lengths) * 0.3


def _wrapped_blocks(lines: list[str], width: int) -> set[int]:
    """Line numbers (0-based) of blocks that are wrapped paragraphs: most of their lines,
    the last apart, reach near the margin. Header blocks of short lines are left alone."""
    wrapped: set[int] = set()
    block: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if line.strip():
            block.append(index)
            continue
        body = block[:-1]
        if body and sum(len(lines[i].rstrip()) >= width * 0.6 for i in body) > len(body) / 2:
            wrapped.update(block)
        block = []
    return wrapped


def segment_text(text: str) -> list[Segment]:
    lines = text.split("\n")
    width = max((len(line.rstrip()) for line in lines), default=0)
    wrapped = _wrapped_blocks(lines, width) if _is_hard_wrapped(lines) else set()
    segments: list[Segment] = []
    gap = True
    joinable = False
    for index, raw in enumerate(lines):
        stripped = _WS.sub(" ", raw).strip()
        if not stripped:
            gap = True
            joinable = False
            continue
        if joinable and index in wrapped and not _LIST_MARK.match(stripped):
            previous = segments[-1]
            previous.text = f"{previous.text} {stripped}"
        else:
            segments.append(Segment(line=index + 1, text=stripped, gap_before=gap))
        # A wrapped line that stops well short of the margin ended its paragraph.
        joinable = index in wrapped and len(raw.rstrip()) >= width * 0.6
        gap = False
    return segments


_LIST_MARK = re.compile(r"^([-*•]|\d+[.)])\s")


# --- HTML -------------------------------------------------------------------------------

_DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "nav",
    "footer",
    "aside",
    "form",
    "iframe",
    "template",
    "svg",
    "button",
    "select",
    "input",
    "textarea",
    "object",
    "embed",
]
# Removed elements whose text a reader would have seen, named for ``dropped``.
_VISIBLE_DROPS = {"nav": "navigation", "footer": "footer", "aside": "aside", "form": "form",
                  "button": "button", "select": "form"}  # fmt: skip
# Class/id words of advertising, promotion and social widgets. Whole words only, so that
# "header" or "shadow" do not match "ad".
_JUNK_CLASS = re.compile(
    r"(?:^|[\s_-])(ads?|advert\w*|banner|promo\w*|sponsor\w*|newsletter|cookie\w*|consent|"
    r"share|sharing|social|related|outbrain|taboola|comments?|paywall|subscribe|"
    r"author-?box|author-?bio)(?:$|[\s_-])",
    re.IGNORECASE,
)
_JUNK_RULES = [
    ("advertisement", re.compile(r"^(ads?|advert\w*|banner|sponsor\w*|promo\w*)$", re.I)),
    ("newsletter", re.compile(r"^(newsletter|subscribe|paywall)$", re.I)),
    ("cookie", re.compile(r"^(cookie\w*|consent)$", re.I)),
    ("share", re.compile(r"^(share|sharing|social)$", re.I)),
    ("comments", re.compile(r"^comments?$", re.I)),
    ("author-box", re.compile(r"^author", re.I)),
]


def _junk_rule(word: str) -> str:
    for name, pattern in _JUNK_RULES:
        if pattern.match(word):
            return name
    return "related"


_BLOCK_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "figure",
    "img",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "div",
    "section",
    "article",
    "main",
    "header",
    "figcaption",
    "picture",
    "hr",
    "br",
}
_INLINE_KEEP = {"a", "b", "strong", "i", "em"}
_NESTED_BLOCKS = ["p", "div", "table", "ul", "ol", "blockquote", "figure", "img", "h1", "h2", "h3"]
_TRUNCATED = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
_CLOSED = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)
_MARKUP_LEFTOVER = re.compile(r"<[^>]*>?|\bon[a-z]+\s*=|javascript:", re.IGNORECASE)


def looks_like_html(text: str, filename: str | None = None, content_type: str | None = None):
    if content_type:
        return "html" in content_type
    if filename and filename.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.search(r"<(body|p|div|article|h1)[\s>]", head)
    )


class _TagTexts:
    """Where text starts right after a tag in the raw markup, indexed by its first characters
    so that finding a block's words costs a look-up, not a scan of the rest of the page."""

    def __init__(self, raw: str):
        self.raw = raw
        # (the tag's ">", where the text after it and its spaces starts)
        self.starts = [(match.start(), match.end()) for match in re.finditer(r">\s*", raw)]
        self.by_length: dict[int, dict[str, list[tuple[int, int]]]] = {}

    def first(self, probe: str, cursor: int) -> int | None:
        """Where ``probe`` (no leading space) first starts right after a tag at or after
        ``cursor``: what ``re.search(">\\s*" + re.escape(probe), raw, cursor)`` finds."""
        index = self.by_length.get(len(probe))
        if index is None:
            index = self.by_length[len(probe)] = self._index(len(probe))
        starts = index.get(probe, ())
        found = bisect.bisect_left(starts, cursor, key=itemgetter(0))
        return starts[found][1] if found < len(starts) else None

    def _index(self, length: int) -> dict[str, list[tuple[int, int]]]:
        index: dict[str, list[tuple[int, int]]] = {}
        for tag_end, start in self.starts:
            index.setdefault(self.raw[start : start + length], []).append((tag_end, start))
        return index


class _Lines:
    """Approximate source lines for HTML blocks: lxml trees carry no positions, so find
    each block's opening words in the raw markup, moving forward only."""

    def __init__(self, tag_texts: _TagTexts):
        self.tag_texts = tag_texts
        self.cursor = 0
        self.line = 1

    def locate(self, text: str) -> int | None:
        # Text right after a tag, so that the same words in <title> or JSON-LD do not count.
        position = self.tag_texts.first(text[:24], self.cursor)
        if position is None:
            return None
        self.line += self.tag_texts.raw.count("\n", self.cursor, position)
        self.cursor = position
        return self.line


def _text(node) -> str:
    # Inline markup must not add spaces ("<a>ferry</a>." stays "ferry."); line breaks must.
    for br in node.find_all("br"):
        br.replace_with(" ")
    return _WS.sub(" ", node.get_text()).strip()


def _inline_html(node) -> str | None:
    """Sanitised inner HTML when the block has links or emphasis, else None."""
    if node.find(list(_INLINE_KEEP)) is None:
        return None
    html = _WS.sub(" ", sanitise(node.decode_contents())).strip()
    return html or None


_BREAKS = "<br/><br/>"


class _Subtrees:
    """What the segmenter asks of a tag's subtree, found for every tag of a tree in one pass:
    asking each tag's subtree on the way down costs the depth of the page times its size.

    For the line breaks the pass serialises the tree as ``str(tag)`` does, newlines removed,
    with every tag but a bare <br/> as one character that no break contains: attribute
    values are escaped, so only a bare <br/> and unescaped strings (comments) can form one.
    """

    def __init__(self, root):
        from bs4.element import Tag

        self.images: set[int] = set()  # ids of tags with an <img> below them
        self.blocks: set[int] = set()  # ... with one of _NESTED_BLOCKS below them
        self.spans: dict[int, tuple[int, int]] = {}  # ... to where their contents lie in text
        pieces: list[str] = []
        length = 0
        stack = [(root, iter(root.contents), 0)]
        while stack:
            tag, children, start = stack[-1]
            child = next(children, None)
            if isinstance(child, Tag):
                bare_br = child.name == "br" and not child.attrs and child.is_empty_element
                piece = _BREAKS[:5] if bare_br else "\x00"
                stack.append((child, iter(child.contents), length + len(piece)))
            elif child is not None:
                piece = child.output_ready().replace("\n", "")
            else:
                stack.pop()
                self.spans[id(tag)] = (start, length)
                piece = "" if tag.is_empty_element else "\x00"
                if stack:
                    self._below(stack[-1][0], tag)
            pieces.append(piece)
            length += len(piece)
        text = "".join(pieces)
        self.breaks = [match.start() for match in re.finditer(f"(?={_BREAKS})", text)]

    def _below(self, parent, tag) -> None:
        if tag.name == "img" or id(tag) in self.images:
            self.images.add(id(parent))
        if tag.name in _NESTED_BLOCKS or id(tag) in self.blocks:
            self.blocks.add(id(parent))

    def has_image(self, tag) -> bool:
        return id(tag) in self.images

    def nests_blocks(self, tag) -> bool:
        return id(tag) in self.blocks

    def breaks_twice(self, tag) -> bool:
        """Whether ``"<br/><br/>" in str(tag).replace("\\n", "")``."""
        start, end = self.spans[id(tag)]
        found = bisect.bisect_left(self.breaks, start)
        return found < len(self.breaks) and self.breaks[found] + len(_BREAKS) <= end


class _HTMLSegmenter:
    def __init__(self, tag_texts: _TagTexts, subtrees: _Subtrees):
        self.lines = _Lines(tag_texts)
        self.subtrees = subtrees
        self.segments: list[Segment] = []
        self.gap = True
        self.list_count = 0

    def emit(self, text, **kwargs):
        # Markup that reached the text (raw-text elements, broken tags) is not prose.
        text = _WS.sub(" ", _MARKUP_LEFTOVER.sub(" ", text)).strip()
        if not text and kwargs.get("kind") != "image":
            return
        line = self.lines.locate(text) if text else None
        self.segments.append(Segment(line=line, text=text, gap_before=True, **kwargs))

    def walk(self, node):
        # One generator a level, not one call: a page nested 100,000 deep is still read.
        levels = [self._children(node)]
        while levels:
            container = next(levels[-1], None)
            if container is None:
                levels.pop()
            else:
                levels.append(self._children(container))

    def _children(self, node):
        """Segment the children of ``node``, yielding each that is to be walked in its place."""
        from bs4.element import PreformattedString

        inline: list = []
        for child in list(node.children):
            if isinstance(child, PreformattedString):  # comments, CDATA, doctypes
                continue
            name = getattr(child, "name", None)
            if name is None or name not in _BLOCK_TAGS:
                # An image wrapped in a link (legacy pop-up viewers) is still an image.
                if name is None or not self.subtrees.has_image(child):
                    inline.append(child)
                    continue
                self.flush(inline)
                inline = []
                yield child
                continue
            self.flush(inline)
            inline = []
            container = self._block(child)
            if container is not None:
                yield container
        self.flush(inline)

    def flush(self, nodes):
        if not any(getattr(node, "name", None) or str(node).strip() for node in nodes):
            return
        html = "".join(str(node) for node in nodes)
        text = "".join(node.get_text() if getattr(node, "name", None) else node for node in nodes)
        text = _WS.sub(" ", text).strip()
        if text:
            has_markup = any(getattr(n, "name", None) for n in nodes)
            self.emit(text, html=sanitise(html) if has_markup else None)

    def block(self, node):
        container = self._block(node)
        if container is not None:
            self.walk(container)

    def _block(self, node):
        """Segment a block; a container is returned, to be walked."""
        name = node.name
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.emit(_text(node), kind="heading", level=int(name[1]))
        elif name in ("p", "pre", "dt", "dd"):
            # Legacy pages separate paragraphs with <br><br> inside one element.
            # Broken legacy markup nests paragraphs (unclosed <P> inside <FONT>) or separates
            # them with <br><br> inside one element: read those as containers.
            if self.subtrees.nests_blocks(node) or self.subtrees.breaks_twice(node):
                return node
            self.emit(_text(node), html=_inline_html(node))
        elif name in ("ul", "ol"):
            self.list_count += 1
            for item in node.find_all("li", recursive=False):
                self.emit(
                    _text(item),
                    kind="item",
                    html=_inline_html(item),
                    list_id=self.list_count,
                    ordered=name == "ol",
                )
        elif name == "blockquote":
            self.emit(_text(node), kind="quote", html=_inline_html(node))
        elif name in ("figure", "img", "picture"):
            self.figure(node)
        elif name not in ("hr", "br"):  # div, section, table parts, li outside a list
            return node
        return None

    def figure(self, node):
        image = node if node.name == "img" else node.find("img")
        caption_node = node.find("figcaption") if node.name != "img" else None
        caption = _text(caption_node) if caption_node else None
        credit = None
        if caption_node is not None:
            credit_node = caption_node.find(class_=re.compile("credit|copyright", re.I))
            if credit_node is not None:
                credit = _text(credit_node)
                caption = caption.replace(credit, "").strip() or None
        src = safe_image_src(image.get("src")) if image is not None else None
        if src is None:
            if caption:
                self.emit(caption, kind="text")
            return
        self.emit(
            caption or "",
            kind="image",
            src=src,
            alt=image.get("alt", ""),
            caption=caption,
            credit=credit,
        )


def _decomposed(tag) -> bool:
    # Not bs4's ``tag.decomposed``: it reads the flag with getattr, which a live tag answers
    # by searching its whole subtree for a tag of that name.
    return vars(tag).get("_decomposed", False)


def _clean_tree(soup, tag_texts: _TagTexts) -> list[tuple[Segment, str]]:
    """Remove page furniture; return the text of what was removed that a reader would have
    seen, with the rule that removed it, so that nothing disappears silently."""
    for tag in soup.find_all(_DROP_TAGS):
        if not _decomposed(tag) and tag.name not in _VISIBLE_DROPS:
            tag.decompose()
    segmenter = _HTMLSegmenter(tag_texts, _Subtrees(soup))
    removed = []
    for tag in soup.find_all(True):
        if _decomposed(tag) or tag.name in ("body", "html", "article", "main"):
            continue
        rule = _VISIBLE_DROPS.get(tag.name)
        if rule is None:
            marker = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
            junk = _JUNK_CLASS.search(marker)
            if junk is None:
                continue
            rule = _junk_rule(junk.group(1))
        count = len(segmenter.segments)
        segmenter.block(tag) if tag.name in _BLOCK_TAGS else segmenter.walk(tag)
        removed.extend((segment, rule) for segment in segmenter.segments[count:] if segment.text)
        tag.decompose()
    _unwrap_all(soup.find_all("font"))
    return removed


def _unwrap_all(tags) -> None:
    """Replace each of ``tags`` by its children, as ``tag.unwrap()`` would one after another.

    ``unwrap`` walks down each child it moves, so unclosed <font> tags nested thousands deep,
    each with its text, cost the square of their number; here every parent whose children
    change gets its new children at once, and the tags leave the chain of elements."""
    unwrapped = {id(tag) for tag in tags}
    parents = {id(tag.parent): tag.parent for tag in tags if id(tag.parent) not in unwrapped}
    for parent in parents.values():
        _adopt_grandchildren(parent, unwrapped)
    for tag in tags:
        before, after = tag.previous_element, tag.next_element
        if before is not None:
            before.next_element = after
        if after is not None:
            after.previous_element = before
        tag.contents = []
        tag.parent = tag.previous_element = tag.next_element = None
        tag.previous_sibling = tag.next_sibling = None


def _adopt_grandchildren(parent, unwrapped: set[int]) -> None:
    """Give ``parent`` the children of its children (and theirs) that are to be unwrapped."""
    children = []
    pending = [iter(parent.contents)]
    while pending:
        child = next(pending[-1], None)
        if child is None:
            pending.pop()
        elif id(child) in unwrapped:
            pending.append(iter(child.contents))
        else:
            children.append(child)
    for index, child in enumerate(children):
        child.parent = parent
        child.previous_sibling = children[index - 1] if index else None
        child.next_sibling = children[index + 1] if index + 1 < len(children) else None
    parent.contents[:] = children


def segment_html(raw: str) -> tuple[list[Segment], PageMeta]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "lxml")
    meta = read_meta(soup)
    tag_texts = _TagTexts(raw)
    removed = _clean_tree(soup, tag_texts)
    root = soup.find("article") or soup.find("main") or soup.body or soup
    # After the cleaning, which removed subtrees and unwrapped <font>.
    segmenter = _HTMLSegmenter(tag_texts, _Subtrees(soup))
    # The headline often sits in a header outside <article>; keep the first <h1> in view.
    h1 = soup.find("h1")
    if h1 is not None and root.name != "body" and h1 not in root.find_all("h1"):
        segmenter.block(h1)
    segmenter.walk(root)
    meta.removed = removed
    meta.truncated = _TRUNCATED.search(raw[:2048]) is not None and not _CLOSED.search(raw[-2048:])
    return segmenter.segments, meta


# --- page metadata ----------------------------------------------------------------------


def _meta_content(tags, *names):
    for name in names:
        if tags.get(name):
            return tags[name]
    return None


def _meta_tags(soup) -> dict[str, str]:
    """Every <meta property|name content> of the page in one pass, first one winning."""
    tags: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        content = (tag.get("content") or "").strip()
        for key in ("property", "name"):
            name = tag.get(key)
            if name and content:
                tags.setdefault(name, content)
    return tags


def _json_ld_articles(soup):
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        queue = deque(data if isinstance(data, list) else [data])
        while queue:
            item = queue.popleft()
            if not isinstance(item, dict):
                continue
            queue.extend(item.get("@graph") or [])
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.endswith("Article") for k in kinds):
                yield item


def _names(value) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names


def read_meta(soup) -> PageMeta:
    tags = _meta_tags(soup)
    meta = PageMeta(
        headline=_meta_content(tags, "og:title", "twitter:title"),
        published=_meta_content(tags, "article:published_time", "date", "pubdate"),
        updated=_meta_content(tags, "article:modified_time"),
        section=_meta_content(tags, "article:section"),
        description=_meta_content(tags, "description", "og:description"),
    )
    author = _meta_content(tags, "author", "article:author")
    if author and not author.startswith("http"):
        meta.authors = [author]
    keywords = _meta_content(tags, "keywords", "news_keywords")
    if keywords:
        meta.keywords = [k.strip() for k in keywords.split(",") if k.strip()]
    for article in _json_ld_articles(soup):
        meta.headline = article.get("headline") or meta.headline
        meta.authors = _names(article.get("author")) or meta.authors
        meta.published = article.get("datePublished") or meta.published
        meta.updated = article.get("dateModified") or meta.updated
        section = article.get("articleSection")
        meta.section = (section[0] if isinstance(section, list) and section else section) or (
            meta.section
        )
        keywords = article.get("keywords")
        if isinstance(keywords, str):
            keywords = [k.strip() for k in keywords.split(",")]
        meta.keywords = [k for k in keywords or [] if isinstance(k, str) and k] or meta.keywords
        break
    if not meta.headline and soup.title and soup.title.string:
        meta.headline = soup.title.string.strip()
    return meta
