"""Search boxes that take any text: what a user types is words to find, never query syntax.

SQLite's full-text search reads a double quote as syntax and fails on an unbalanced one
(wagtail/wagtail#13227), and a search restricted to named fields fails there outright; a
name or a section never needs either.
"""

import re

from django import forms
from django.db.models import Q
from django.utils.functional import cached_property

# Letters and digits, with the apostrophes, hyphens and dots inside names ("O'Brien",
# "Jean-Luc", "St. John") and host names.
_WORD = re.compile(r"\w+(?:['’.-]\w+)*")


def search_words(query):
    """The words of ``query``, without the punctuation around them."""
    return _WORD.findall(query or "")


def matching_every_word(queryset, query, fields):
    """``queryset`` filtered to rows where each word of ``query`` is in one of ``fields``."""
    for word in search_words(query):
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(any_field)
    return queryset


class _PlainSearchTerms(forms.Form):
    def clean_q(self):
        return " ".join(search_words(self.cleaned_data["q"]))


class PlainChooserSearchMixin:
    """For a chooser view: its search form passes on only the words typed."""

    def get_filter_form_class(self):
        form_class = super().get_filter_form_class()
        return type(form_class.__name__, (_PlainSearchTerms, form_class), {})


class PlainListingSearchMixin:
    """For a listing (index) view: it searches for only the words typed."""

    @cached_property
    def search_query(self):
        return " ".join(search_words(super().search_query))
