from django import template

from ..models import NewsroomSettings
from ..share import share_links

register = template.Library()


@register.inclusion_tag("wagtail_newsroom/includes/share.html", takes_context=True)
def newsroom_share(context, url, title, heading=None):
    """The share widget for ``url``, for the networks chosen in the site's settings."""
    settings = NewsroomSettings.for_request(context["request"])
    return {
        "heading": heading,
        "url": url,
        "title": title,
        "links": share_links(settings.share_networks, url, title, **settings.get_share_options()),
    }


@register.inclusion_tag("wagtail_newsroom/includes/byline.html", takes_context=True)
def newsroom_byline(context, article):
    return {"request": context.get("request"), "people": article.authors}
