from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page
from wagtail.search.utils import parse_query_string

RESULTS_PER_PAGE = 10


def search_pages(search_query):
    """Live, public pages matching what a reader typed, "quoted words" as a phrase.

    Parsed as Wagtail's admin parses its search box: the query reaches the backend without
    the double quotes that SQLite's full-text search cannot take in a term (Wagtail #13227).
    """
    _, query = parse_query_string(search_query, operator="and")
    # specific(): each result shows its own summary and date (an article's standfirst).
    return Page.objects.live().public().specific().search(query)


def search(request):
    search_query = request.GET.get("query", "").strip()
    results = search_pages(search_query) if search_query else Page.objects.none()
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": search_query,
            "search_results": Paginator(results, RESULTS_PER_PAGE).get_page(
                request.GET.get("page")
            ),
        },
    )
