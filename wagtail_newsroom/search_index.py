"""Search indexing in batches, for imports.

Wagtail indexes a page on every save, and an imported article is saved several times (added,
given a revision, published, and indexed again once its bylines are saved, ``signals.py``),
as is each new profile. Each pass reads the page's bylines, tags and section again, and the
database search backends then refresh a statistic over their whole index table, so an import
spent most of its time indexing and slowed down as the archive grew. Within ``deferred()``,
the newsroom pages and sections saved are collected instead, and indexed together by
``PendingIndex.flush``: once each, one table refresh per model and batch.

Wagtail's own handler indexes on save by enqueueing a task; run by a worker in another
process, outside the import's ``deferred()``, that task would index the object anyway, once per
save. So ``BatchIndexed`` models turn Wagtail's handlers off (``search_auto_update``) and are
indexed by this module's (``connect``), which pass the save on to Wagtail's except within
``deferred()``.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_delete, post_save
from wagtail.search import index
from wagtail.search.backends import get_search_backends_with_name
from wagtail.search.signal_handlers import post_delete_signal_handler, post_save_signal_handler

logger = logging.getLogger(__name__)

# A context variable, not a global switch: an editor's save in another thread (or an
# asynchronous task) of the same process is indexed as usual while an import runs.
_pending = ContextVar("wagtail_newsroom_pending_index", default=None)


class PendingIndex:
    """Objects saved but not yet (re)indexed, by model."""

    def __init__(self):
        self.pks = {}

    def add(self, obj):
        self.pks.setdefault(type(obj), set()).add(obj.pk)

    def flush(self):
        """Index every collected object that still exists, a bulk add per model and backend.
        One made by a transaction that was rolled back no longer exists, and was never
        indexed."""
        pending, self.pks = self.pks, {}
        for model, pks in pending.items():
            objects = list(model.get_indexed_objects().filter(pk__in=pks))
            if not objects:
                continue
            for name, backend in get_search_backends_with_name(with_auto_update=True):
                try:
                    backend.add_bulk(model, objects)
                except Exception:
                    # As Wagtail does on save: an external search service that is down must
                    # not undo the import; the database backends' errors stand.
                    logger.exception("Indexing %s in the '%s' search backend failed", model, name)
                    if not backend.catch_indexing_errors:
                        raise


@contextmanager
def deferred(pending):
    """Collect the ``BatchIndexed`` objects saved within into ``pending`` instead of
    indexing each save."""
    token = _pending.set(pending)
    try:
        yield pending
    finally:
        _pending.reset(token)


class BatchIndexed:
    """For the models an import saves (pages, sections): within ``deferred()``, a save
    collects the object instead of indexing it."""

    # Indexed on save by ``index_on_save`` instead of Wagtail's handler.
    search_auto_update = False

    def get_indexed_instance(self):
        # Wagtail asks this to index an object and to remove it; nothing an import does
        # removes one.
        pending = _pending.get()
        if pending is not None:
            pending.add(self)
            return None
        return super().get_indexed_instance()


def index_on_save(sender, instance, raw=False, **kwargs):
    """Wagtail's indexing on save, except within ``deferred()``, which collects the object."""
    if raw:
        return
    pending = _pending.get()
    if pending is not None:
        pending.add(instance)
    else:
        post_save_signal_handler(instance, raw=raw, **kwargs)


def connect():
    """Index the ``BatchIndexed`` models on save and delete, as Wagtail indexes the others."""
    for model in index.get_indexed_models():
        if issubclass(model, BatchIndexed):
            post_save.connect(index_on_save, sender=model, dispatch_uid=f"newsroom-index-{model}")
            post_delete.connect(
                post_delete_signal_handler, sender=model, dispatch_uid=f"newsroom-unindex-{model}"
            )
