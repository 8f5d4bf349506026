"""Sites translated into several languages: Wagtail's ``WAGTAIL_I18N_ENABLED``, with a page
tree per locale, as wagtail-localize makes them.

wagtail-localize keeps a translated article's links to other pages (its bylines, its quotes'
speakers) pointing at the source language's profile, and localises them when they are shown,
as Wagtail's ``Page.localized`` does. So a profile and its translations are one person: they
are matched by translation key and shown in the reader's language.
"""

from django.conf import settings
from django.db.models import Q


def is_translated():
    return getattr(settings, "WAGTAIL_I18N_ENABLED", False)


def same_person(lookup, person):
    """A filter for rows whose ``lookup`` is ``person`` or, on a translated site, one of the
    profile's translations."""
    if is_translated():
        return Q(**{f"{lookup}__translation_key": person.translation_key})
    return Q(**{lookup: person})


def in_locale(pages, locale_id, prefix=""):
    """``pages`` (or rows whose page is the lookup ``prefix``) in the locale ``locale_id`` on
    a translated site; all of them otherwise."""
    return pages.filter(**{f"{prefix}locale_id": locale_id}) if is_translated() else pages


def locale_root(site, locale_id):
    """The root of ``site``'s page tree in the locale ``locale_id``."""
    root = site.root_page
    if is_translated() and root.locale_id != locale_id:
        return root.get_translation_or_none(locale_id) or root
    return root


def in_site(pages, site):
    """``pages`` in ``site``, in every language its tree is translated into."""
    if not is_translated():
        return pages.in_site(site)
    roots = site.root_page.get_translations(inclusive=True).values_list("path", flat=True)
    inside = Q()
    for path in roots:
        inside |= Q(path__startswith=path)
    return pages.filter(inside)
