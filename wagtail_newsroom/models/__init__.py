from .imports import ImportRun
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
    "ImportRun",
    "NewsIndexPage",
    "NewsroomSettings",
    "PersonIndexPage",
    "PersonPage",
    "Section",
]
