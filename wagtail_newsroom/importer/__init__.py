"""Turn legacy article text or HTML into ``ParsedArticle`` values (see DESIGN, "The importer")."""

from .pipeline import parse, parse_path
from .result import ArticleImportError, ParsedArticle
from .rules import Rule, load_rules
from .sources import iter_paths

__all__ = [
    "ArticleImportError",
    "ParsedArticle",
    "Rule",
    "iter_paths",
    "load_rules",
    "parse",
    "parse_path",
]
