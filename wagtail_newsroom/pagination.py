"""Listings paged without counting them: one more item than a page is read, to know whether
there is a next page. Counting an archive's articles (Django's ``Paginator``) reads every one
of them on each request; a page read this way costs the same at ten articles as at ten
thousand."""

# Past any real listing, and small enough that its offset is still a number the database
# takes (SQLite refuses integers beyond 64 bits with an error, not an empty page).
MAX_PAGE_NUMBER = 1_000_000


def page_number(value):
    """A listing's page number from the query string: 1 for anything but a positive number,
    and at most ``MAX_PAGE_NUMBER`` (an empty page past the end)."""
    try:
        return min(max(1, int(value or 1)), MAX_PAGE_NUMBER)
    except (TypeError, ValueError):
        return 1


class ListingPage:
    """Page ``number`` of a listing: what templates use of Django's ``Page`` but its
    paginator, which would have to count."""

    paginator = None

    def __init__(self, items, number, per_page):
        self.number = number
        self.per_page = per_page
        self.object_list = items[:per_page]
        self._has_next = len(items) > per_page

    @classmethod
    def read(cls, queryset, number, per_page):
        """Page ``number`` of ``queryset``, ``per_page`` items a page."""
        offset = (number - 1) * per_page
        return cls(list(queryset[offset : offset + per_page + 1]), number, per_page)

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def __bool__(self):
        return bool(self.object_list)

    def has_next(self):
        return self._has_next

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_previous() or self.has_next()

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1

    def start_index(self):
        return (self.number - 1) * self.per_page + 1 if self.object_list else 0
