"""What search engines and social networks read: JSON-LD, Open Graph and Twitter card data.

Plain functions from a page (and the request) to dicts and lists. They use only what the page
templates already load (bylines, section, tags, the lead image), so rendering them adds no
queries that grow with authors, tags or quotes. One template tag renders the JSON-LD
(``newsroom_json_ld``) and one the ``<meta>``/``<link>`` tags (``newsroom_meta``).
"""

import json
from urllib.parse import urlencode, urljoin

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from .links import safe_link
from .locales import is_translated

# The Open Graph / JSON-LD image: 1.91:1, the size Facebook, LinkedIn and X show largest.
SOCIAL_IMAGE = "fill-1200x630"
# Publisher logos: Google asks for a logo that fits a 600x60 box for news.
LOGO_IMAGE = "max-600x60"
PROFILE_IMAGE = "fill-320x320"
DESCRIPTION_LENGTH = 200

# Characters that could end a <script> element or open an HTML comment inside it, and the
# line separators JavaScript parsers once choked on: all escaped as JSON \\u escapes.
_JSON_SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def json_ld_script(data):
    """``data`` as a ``<script type="application/ld+json">`` element that nothing can break
    out of: ``</script>`` and ``<!--`` in any string come out as ``\\u003c/script\\u003e``."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(  # noqa: S308 - every markup character is escaped above
        '<script type="application/ld+json">' + text.translate(_JSON_SCRIPT_ESCAPES) + "</script>"
    )


def iso(value):
    return value.isoformat() if value else None


def plain_text(html, length=DESCRIPTION_LENGTH):
    text = " ".join(strip_tags(html or "").split())
    return Truncator(text).chars(length) if length else text


def language_code(page=None):
    """The page's language as a BCP 47 tag (``en-us``): its locale's on a translated site,
    the current language otherwise."""
    if page is not None and is_translated():
        return page.locale.language_code
    return translation.get_language() or "en"


def og_locale(page=None):
    """The page's language as Open Graph wants it (``en_US``)."""
    return translation.to_locale(language_code(page))


def absolute(url, base):
    """``url`` (a rendition's, often site-relative) made absolute against ``base``."""
    return urljoin(base, url) if url else None


def find_site(request, page):
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    return site or page.get_site()


def site_name(request, page):
    """The site's name; a site nobody has named yet goes by its host name."""
    site = find_site(request, page)
    return (site.site_name or site.hostname) if site else ""


def publisher_name(settings, request, page):
    """Who publishes the site: the Newsroom ``settings``' publisher, else the site's name."""
    return settings.publisher_name or site_name(request, page)


# -- descriptions and URLs ---------------------------------------------------------------


def page_description(page):
    """The meta description: the promote tab's search description, else the page's own
    summary (an article's standfirst, a profile's role and biography, an index's intro)."""
    if page.search_description:
        return page.search_description.strip()
    for attr in ("dek", "job_title"):
        if getattr(page, attr, ""):
            text = getattr(page, attr)
            if attr == "job_title" and getattr(page, "bio", ""):
                text = f"{text}. {plain_text(page.bio, None)}"
            return plain_text(text)
    for attr in ("bio", "intro"):
        if getattr(page, attr, ""):
            return plain_text(getattr(page, attr))
    return ""


def canonical_url(page, request=None, params=None):
    """The page's one public URL (with the listing ``params`` that change what it shows)."""
    url = page.get_full_url(request)
    query = urlencode([(key, value) for key, value in (params or {}).items() if value])
    return f"{url}?{query}" if query else url


def page_canonical_url(page, request=None):
    """The canonical URL the page itself declares (its ``get_canonical_url``)."""
    if hasattr(page, "get_canonical_url"):
        return page.get_canonical_url(request)
    return canonical_url(page, request)


def share_title(page):
    """The title share links and Open Graph use: the headline, not the SEO title."""
    return page.title


# -- schema.org pieces --------------------------------------------------------------------


def image_object(rendition, base, *, caption=None):
    data = {
        "@type": "ImageObject",
        "url": absolute(rendition.url, base),
        "width": rendition.width,
        "height": rendition.height,
    }
    if caption:
        data["caption"] = caption
    return data


def person(profile, request=None, *, full=False):
    """A ``Person``: name, profile URL and job title (and more on their own page)."""
    data = {"@type": "Person", "name": profile.title}
    if profile.live:  # a draft profile has no page to point to yet
        data["url"] = profile.get_full_url(request)
    if profile.job_title:
        data["jobTitle"] = profile.job_title
    if full:
        if profile.bio:
            data["description"] = plain_text(profile.bio)
        if profile.photo:
            rendition = profile.photo.get_rendition(PROFILE_IMAGE)
            data["image"] = image_object(rendition, data["url"])
        same_as = [
            url
            for link in profile.links
            if link.block_type == "link" and (url := safe_link(link.value["url"]))
        ]
        if same_as:
            data["sameAs"] = same_as
        data["identifier"] = str(profile.pk)
    return data


def organization(settings, request, page):
    """The publisher, from the Newsroom ``settings``; its name falls back to the site's name."""
    site = find_site(request, page)
    root = f"{site.root_url}/" if site else page.get_full_url(request)
    data = {
        "@type": "Organization",
        "name": publisher_name(settings, request, page),
        "url": root,
    }
    if settings.publisher_logo_id:
        rendition = settings.publisher_logo.get_rendition(LOGO_IMAGE)
        data["logo"] = image_object(rendition, root)
    return data


def breadcrumb_list(page, request=None, ancestors=None):
    """A ``BreadcrumbList`` from the site's home page down to ``page``."""
    if ancestors is None:
        ancestors = getattr(page, "newsroom_ancestors", None)
    if ancestors is None:
        ancestors = page.get_ancestors()
    trail = []
    for crumb in [*ancestors, page]:
        url = crumb.get_full_url(request)
        if url:  # the tree's root and pages outside any site have no URL
            trail.append((crumb.title, url))
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


# -- one per page type ---------------------------------------------------------------------


def news_article(page, request=None, publisher=None):
    """The schema.org ``NewsArticle`` for an article page, published by ``publisher`` (an
    ``organization``)."""
    url = canonical_url(page, request)
    published = page.published_at or page.first_published_at
    data = {
        "@type": "NewsArticle",
        "@id": f"{url}#article",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": page.title,
        "description": page_description(page),
        "inLanguage": language_code(page),
        "datePublished": iso(published),
        "dateModified": iso(page.updated_at or published),
        "author": [person(profile, request) for profile in page.authors],
        "wordCount": page.word_count,
    }
    if publisher:
        data["publisher"] = publisher
    if page.lead_image:
        rendition = page.lead_image.get_rendition(SOCIAL_IMAGE)
        data["image"] = [image_object(rendition, url, caption=page.lead_image_caption)]
        data["thumbnailUrl"] = data["image"][0]["url"]
    if page.section:
        data["articleSection"] = page.section.name
    tags = page.tag_list
    if tags:
        data["keywords"] = [tag.name for tag in tags]
    corrections = [
        {
            "@type": "CorrectionComment",
            "text": plain_text(correction.text, None),
            "datePublished": iso(correction.date),
        }
        for correction in page.corrections
        if correction.kind == "correction"
    ]
    if corrections:
        data["correction"] = corrections
    return data


def profile_page(page, request=None):
    """A ``ProfilePage`` whose ``mainEntity`` is the ``Person``."""
    data = {
        "@type": "ProfilePage",
        "url": canonical_url(page, request),
        "name": page.title,
        "mainEntity": person(page, request, full=True),
    }
    if page.first_published_at:
        data["dateCreated"] = iso(page.first_published_at)
    if page.last_published_at:
        data["dateModified"] = iso(page.last_published_at)
    return data


def collection_page(page, request=None, articles=(), *, params=None, start=1):
    """A ``CollectionPage`` listing ``articles`` (one page of them) as an ``ItemList``."""
    return {
        "@type": "CollectionPage",
        "url": canonical_url(page, request, params),
        "name": page.title,
        "description": page_description(page),
        "mainEntity": {
            "@type": "ItemList",
            "itemListOrder": "https://schema.org/ItemListOrderDescending",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "url": article.get_full_url(request),
                    "name": article.title,
                }
                for position, article in enumerate(articles, start=start)
            ],
        },
    }


def _without_empty(value):
    """``value`` without the properties that have no value: an empty ``description`` says
    something false (that there is one, and it is blank)."""
    if isinstance(value, dict):
        kept = {key: _without_empty(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item not in ("", None, [], {})}
    if isinstance(value, list):
        return [_without_empty(item) for item in value]
    return value


def graph(*items):
    """Several schema.org items as one JSON-LD document."""
    return {
        "@context": "https://schema.org",
        "@graph": [_without_empty(item) for item in items if item],
    }


# -- Open Graph and Twitter ----------------------------------------------------------------


def social_tags(
    page,
    request=None,
    *,
    og_type="website",
    url=None,
    image=None,
    image_alt="",
    extra=(),
):
    """Open Graph and Twitter card tags as ``(attribute, key, content)`` triples, where the
    attribute is ``property`` (Open Graph) or ``name`` (Twitter)."""
    url = url or canonical_url(page, request)
    tags = [
        ("property", "og:type", og_type),
        ("property", "og:title", share_title(page)),
        ("property", "og:url", url),
        ("property", "og:site_name", site_name(request, page)),
        ("property", "og:locale", og_locale(page)),
    ]
    description = page_description(page)
    if description:
        tags.append(("property", "og:description", description))
    tags += list(extra)
    if image is not None:
        tags += [
            ("property", "og:image", absolute(image.url, url)),
            ("property", "og:image:width", str(image.width)),
            ("property", "og:image:height", str(image.height)),
            ("property", "og:image:alt", image_alt),
            ("name", "twitter:card", "summary_large_image"),
            ("name", "twitter:image:alt", image_alt),
        ]
    else:
        tags.append(("name", "twitter:card", "summary"))
    return [(attr, key, value) for attr, key, value in tags if value not in (None, "")]


def article_social_tags(page, request=None):
    published = page.published_at or page.first_published_at
    extra = [
        ("property", "article:published_time", iso(published)),
        ("property", "article:modified_time", iso(page.updated_at or published)),
    ]
    extra += [
        ("property", "article:author", profile.get_full_url(request))
        for profile in page.authors
        if profile.live
    ]
    if page.section:
        extra.append(("property", "article:section", page.section.name))
    extra += [("property", "article:tag", tag.name) for tag in page.tag_list]
    image = page.lead_image.get_rendition(SOCIAL_IMAGE) if page.lead_image else None
    alt = page.lead_image_caption or (page.lead_image.title if page.lead_image else "")
    return social_tags(page, request, og_type="article", image=image, image_alt=alt, extra=extra)


def profile_social_tags(page, request=None):
    image = page.photo.get_rendition(SOCIAL_IMAGE) if page.photo else None
    return social_tags(page, request, og_type="profile", image=image, image_alt=page.title)
