from django import template

from .. import metadata
from ..links import safe_link
from ..models import NewsroomSettings
from ..models.pages import byline_groups
from ..share import quote_share_link, share_links

register = template.Library()


@register.inclusion_tag("wagtail_newsroom/includes/share.html", takes_context=True)
def newsroom_share(context, url=None, title=None, heading=None):
    """The share widget for ``url`` (by default the page's canonical URL, the one its Open
    Graph tags give) for the networks chosen in the site's settings: none outside a request,
    where there is no site to read them from."""
    request = context.get("request")
    if url is None or title is None:
        page = context["page"]
        url = url or metadata.page_canonical_url(page, request)
        title = title or metadata.share_title(page)
    links = []
    if request is not None:
        settings = NewsroomSettings.for_request(request)
        links = share_links(settings.share_networks, url, title, **settings.get_share_options())
    return {"heading": heading, "url": url, "title": title, "links": links}


@register.simple_tag(takes_context=True)
def newsroom_quote_share_link(context, url, text):
    """A link sharing the quotation ``text`` with ``url`` on the first network the site's
    settings choose that carries text; None outside a request."""
    request = context.get("request")
    if request is None:
        return None
    settings = NewsroomSettings.for_request(request)
    return quote_share_link(settings.share_networks, url, text, **settings.get_share_options())


@register.inclusion_tag("wagtail_newsroom/includes/byline.html", takes_context=True)
def newsroom_byline(context, article):
    return {
        "request": context.get("request"),
        "groups": byline_groups(article.bylines),
        "people": article.authors,
    }


@register.simple_tag(takes_context=True)
def newsroom_json_ld(context, page=None):
    """The page's schema.org structured data as one ``application/ld+json`` script."""
    page = page or context.get("page")
    get_data = getattr(page, "get_structured_data", None)
    data = get_data(context["request"], context.flatten()) if get_data else None
    return metadata.json_ld_script(data) if data else ""


@register.inclusion_tag("wagtail_newsroom/includes/meta.html", takes_context=True)
def newsroom_meta(context, page=None):
    """Canonical link, meta description, Open Graph and Twitter card tags, feed links."""
    page = page or context["page"]
    request = context["request"]
    flat = context.flatten()
    return {
        "canonical_url": page.get_canonical_url(request, flat),
        "description": page.get_meta_description(request, flat),
        "social_tags": page.get_social_tags(request, flat),
        "feeds": page.get_feed_links(request, flat),
    }


@register.filter
def newsroom_safe_link(url):
    """A stored address as an ``href``, or ``""`` when a reader must not follow it."""
    return safe_link(url)
