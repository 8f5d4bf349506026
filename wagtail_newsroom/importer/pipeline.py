"""The importer's pure pipeline: bytes in, ``ParsedArticle`` out. No database."""

from __future__ import annotations

import hashlib
import os
import sys

from .config import DEFAULT_CONFIG, ParseConfig
from .dates import date_in_name
from .quotes import find_quotes
from .read import gettext as _
from .read import read_text
from .recognise import recognise
from .result import ArticleImportError, ParsedArticle
from .segment import looks_like_html, segment_html, segment_text
from .sources import STDIN


def parse(
    data: bytes | str,
    source: str,
    *,
    config: ParseConfig = DEFAULT_CONFIG,
    encoding: str | None = None,
    content_type: str | None = None,
) -> ParsedArticle:
    """Parse one article with ``config`` (see ``config.resolve``: rules, lexicon, options)."""
    check_size(len(data), source, config)
    text = read_text(data, source, encoding)
    fingerprint = "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    if looks_like_html(text, source, content_type):
        try:
            segments, meta = segment_html(text)
        except RecursionError:
            raise ArticleImportError(
                source, _("The HTML is nested too deeply to be read.")
            ) from None
    else:
        segments, meta = segment_text(text), None
    found = recognise(
        segments,
        config.rules,
        meta,
        lexicon=config.lexicon,
        thresholds=config.thresholds,
        options=config.options,
    )
    if not found.headline:
        raise ArticleImportError(source, _("No headline could be recognised."))
    if not any(block.type in ("paragraph", "list", "heading") for block in found.body):
        line = found.dropped[0].line if found.dropped else None
        raise ArticleImportError(source, _("No article text could be recognised."), line)
    body, people = find_quotes(list(found.body), list(found.authors), lexicon=config.lexicon)
    published, named = found.published, None
    if published is None and (named := date_in_name(source)) is not None:
        published = named
    warnings = _warnings(found, meta, named)
    return ParsedArticle(
        source=str(source),
        fingerprint=fingerprint,
        headline=found.headline,
        dek=found.dek,
        section=found.section,
        published=published,
        updated=found.updated,
        authors=list(found.authors),
        people=people,
        tags=list(found.tags),
        lead_image=found.lead_image,
        body=body,
        dropped=list(found.dropped),
        warnings=warnings,
    )


def _warnings(found, meta, named_date=None) -> list[str]:
    """What an editor should check before publishing the imported article."""
    warnings = []
    if meta is not None and meta.truncated:
        warnings.append(_("The HTML ends before its closing tags: the file may be truncated."))
    if found.headline_guessed:
        warnings.append(
            _("The headline “%s” was guessed from a weak candidate; check it.") % found.headline
        )
    if not found.authors:
        warnings.append(_("No byline was found."))
    if named_date is not None:
        warnings.append(
            _("The text gives no date; %s was taken from the file name.") % named_date.isoformat()
        )
    elif found.published is None:
        if found.relative_date:
            warnings.append(
                _("The date “%s” is relative and could not be resolved.") % found.relative_date
            )
        else:
            warnings.append(_("No publication date was found."))
    return warnings


def check_size(size, source, config):
    limit = config.thresholds.article_bytes
    if size > limit:
        raise ArticleImportError(
            source,
            _("The file is %(size)d MB; an article is at most %(limit)d MB.")
            % {"size": -(-size // 2**20), "limit": limit // 2**20},
        )


def parse_path(path, **kwargs) -> ParsedArticle:
    """Parse the file at ``path``, or standard input for "-"; a file too large to be an
    article is refused before it is read."""
    source = str(path)
    config = kwargs.get("config", DEFAULT_CONFIG)
    if source == STDIN:
        data = sys.stdin.buffer.read(config.thresholds.article_bytes + 1)
        return parse(data, STDIN, **kwargs)
    try:
        with open(path, "rb") as file:
            check_size(os.fstat(file.fileno()).st_size, source, config)
            data = file.read(config.thresholds.article_bytes + 1)
    except OSError as error:
        raise ArticleImportError(source, error.strerror or str(error)) from None
    return parse(data, source, **kwargs)
