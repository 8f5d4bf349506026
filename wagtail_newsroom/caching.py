"""HTTP validators for the pages readers see: ``Last-Modified`` and ``ETag``, so that a browser,
a CDN or Wagtail's frontend cache revalidates a page with a 304 that renders nothing.

A newsroom page shows more than itself: an article its authors' names, a listing its articles,
every page the site's settings. So a page's validators are the time of the newest change in
Wagtail's history (its log of every publish, unpublish, move, deletion, restriction and edit of
a setting or snippet), and of the page's own last publication, for changes made without the
log. That is one query, on the log's timestamp index, whatever the size of the archive; any
change a reader could see makes every page new again, which costs a render, never a stale page.
"""

import hashlib

from django.db.models import Case, F, Max, Q, Subquery, When
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from wagtail.models import ModelLogEntry, PageLogEntry

# Page actions that change nothing a reader sees, left out so that editors saving drafts (as
# often as the editor autosaves) do not keep making every page new.
DRAFT_ACTIONS = (
    "wagtail.create",
    "wagtail.edit",
    "wagtail.lock",
    "wagtail.unlock",
    "wagtail.revert",
    "wagtail.publish.schedule",
    "wagtail.schedule.cancel",
)
DRAFT_ACTION_PREFIXES = ("wagtail.comments.", "wagtail.workflow.", "wagtail.moderation.")
# How many of the newest page entries are read for one that is not a draft's, so that the
# query's cost is bounded after a run of drafts; beyond them the newest entry of all counts,
# which costs a render, never a stale page.
HISTORY_WINDOW = 1000


def newest(entries):
    return Subquery(entries.order_by("-timestamp").values("timestamp")[:1])


def drafts_only():
    drafts = Q(action__in=DRAFT_ACTIONS)
    for prefix in DRAFT_ACTION_PREFIXES:
        drafts |= Q(action__startswith=prefix)
    return drafts


def last_change(page):
    """The newest of the page's last publication and what Wagtail's history records that a
    reader could see."""
    # An aggregate over the newest entries, read backwards by the timestamp index: a filter
    # on the action outside them let PostgreSQL scan the whole history instead.
    logged = PageLogEntry.objects.order_by("-timestamp")[:HISTORY_WINDOW].aggregate(
        shown=Max(Case(When(~drafts_only(), then=F("timestamp")))),
        newest=Max("timestamp"),
        models=Max(newest(ModelLogEntry.objects.all())),
    )
    pages = logged["shown"] or logged["newest"]
    times = [t for t in (page.last_published_at, pages, logged["models"]) if t is not None]
    return max(times, default=None)


def etag(page, changed):
    """A strong ETag for the page as of ``changed``."""
    key = f"{page.pk}:{changed.isoformat() if changed else ''}"
    return f'"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'


def serve_conditionally(page, request, view, *args, **kwargs):
    """Serve ``page`` with ``view``, or answer 304 when the reader's copy is current.

    Signed-in users are served in full without validators: their pages carry Wagtail's user
    bar, which an anonymous copy lacks.
    """
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return view(request, *args, **kwargs)
    changed = last_change(page)
    tag, modified = etag(page, changed), int(changed.timestamp()) if changed else None
    response = get_conditional_response(request, etag=tag, last_modified=modified)
    if response is None:
        response = view(request, *args, **kwargs)
    if request.method in ("GET", "HEAD"):
        # Ours, not a feed's own (its newest item's date), which an edit elsewhere in the
        # feed would leave unchanged.
        response.headers["ETag"] = tag
        if modified:
            response.headers["Last-Modified"] = http_date(modified)
    return response
