from .imports import ImportItem, ImportRun
from .pages import (
    AbstractArticlePage,
    AbstractNewsIndexPage,
    ArticleByline,
    ArticleCorrection,
    ArticlePage,
    ArticleQuotation,
    ArticleRelatedLink,
    BylineRole,
    NewsIndexPage,
)
from .people import AbstractPersonPage, PersonIndexPage, PersonPage
from .settings import NewsroomSettings
from .taxonomy import ArticleTag, Section

__all__ = [
    "AbstractArticlePage",
    "AbstractNewsIndexPage",
    "AbstractPersonPage",
    "ArticleByline",
    "ArticleCorrection",
    "ArticlePage",
    "ArticleQuotation",
    "ArticleRelatedLink",
    "BylineRole",
    "ArticleTag",
    "ImportItem",
    "ImportRun",
    "NewsIndexPage",
    "NewsroomSettings",
    "PersonIndexPage",
    "PersonPage",
    "Section",
]
