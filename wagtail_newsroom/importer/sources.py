"""Sources: finding an archive's files, naming them in reports, and the key a re-import
finds an article by.

A folder is read whole, following links to other folders, and whatever in it cannot be read
(a dangling link, a link looping back to a folder above it, a folder that cannot be listed) is
reported as a failure of its own instead of being skipped without a word.
"""

from __future__ import annotations

import os
from pathlib import Path

from .read import gettext as _
from .result import ArticleImportError, printable

SUFFIXES = (".txt", ".html", ".htm")
STDIN = "-"


def source_key(source, root=None) -> str:
    """The key an article is known by across imports: the file's real path (relative and
    absolute spellings, and links, give the same key), relative to ``root`` when the file lies
    inside it, so that an archive moved to another place keeps its keys. Standard input has
    none."""
    if str(source) == STDIN:
        return ""
    path = Path(source).resolve()
    if root is not None:
        root = Path(root).resolve()
        if path.is_relative_to(root):
            path = path.relative_to(root)
    return printable(path.as_posix())


def iter_paths(paths):
    """The sources in ``paths``: folders expanded to their .txt/.html/.htm files (recursively,
    sorted), "-" kept for standard input.

    A path given by name is yielded whether or not it exists, and what cannot be read inside a
    folder is yielded as an ``ArticleImportError``, so that each is reported on its own while
    the rest of the run goes on.
    """
    for path in paths:
        if isinstance(path, ArticleImportError):  # expanded before
            yield path
        elif str(path) == STDIN:
            yield STDIN
        elif Path(path).is_dir():
            yield from sorted(_walk(Path(path)), key=_sort_key)
        else:
            yield Path(path)


def _sort_key(item):
    return Path(item.source) if isinstance(item, ArticleImportError) else item


def _walk(folder):
    def unreadable(error):
        found.append(ArticleImportError(error.filename, error.strerror or str(error)))

    found = []
    for current, folders, files in os.walk(folder, onerror=unreadable, followlinks=True):
        real = os.path.realpath(current)
        for name in list(folders):
            target = os.path.realpath(os.path.join(current, name))
            if real == target or real.startswith(target + os.sep):
                folders.remove(name)
                found.append(
                    ArticleImportError(
                        os.path.join(current, name),
                        _("This link leads back to a folder it is in; it was not followed."),
                    )
                )
        for name in files:
            path = Path(current, name)
            # A link that leads nowhere, or in a circle, may have been an article or a folder.
            broken = not path.exists() and not path.suffix
            if broken or path.suffix.lower() in SUFFIXES:
                found.append(path)
    return found
