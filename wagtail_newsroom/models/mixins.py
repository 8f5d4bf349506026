from django.db import models
from django.utils.functional import cached_property
from wagtail.models import Page, PageViewRestriction

from .. import caching, metadata, search_index
from ..conf import newsroom_settings
from .settings import NewsroomSettings


def index_reference():
    """The index page a page's key is unique in, kept by the app, not by editors."""
    return models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )


class NewsroomPageMixin(search_index.BatchIndexed):
    """Gives newsroom page templates the site's base template to extend, and the defaults of
    what each page tells search engines, social networks and feed readers (see metadata.py);
    page types override the ``get_*`` methods."""

    def serve(self, request, *args, **kwargs):
        # Before RoutablePageMixin's, where a page has routes, so that feeds revalidate too.
        return caching.serve_conditionally(self, request, super().serve, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["newsroom_base_template"] = newsroom_settings.BASE_TEMPLATE
        return context

    def get_template(self, request, *args, **kwargs):
        # Wagtail names a template after each page model: a site's subclass of a newsroom
        # page uses its own template when it has one, and the one it inherits otherwise.
        names = [super().get_template(request, *args, **kwargs)]
        for klass in type(self).__mro__[1:]:
            if klass is Page:
                break
            if (name := klass.__dict__.get("template")) and name not in names:
                names.append(name)
        return names

    @cached_property
    def newsroom_ancestors(self):
        """The page's ancestors, the tree's root first: one query for the view restrictions,
        the breadcrumbs and the links up to the page's index."""
        return list(self.get_ancestors())

    def get_view_restrictions(self):
        # Wagtail's reads the ancestors with a query of its own, which the breadcrumbs then
        # make again: the restrictions of this page and its ancestors (an alias's are its
        # source page's), from the one list.
        page_ids = set()
        for page in [self, *self.newsroom_ancestors]:
            while page.alias_of_id:
                page = page.alias_of
            page_ids.add(page.pk)
        return PageViewRestriction.objects.filter(page_id__in=page_ids)

    def get_newsroom_settings(self, request=None):
        """The Newsroom settings of the site serving the page."""
        if request is not None:
            return NewsroomSettings.for_request(request)
        return NewsroomSettings.for_site(self.get_site())

    def get_publisher(self, request=None):
        """The schema.org ``Organization`` that publishes the page."""
        return metadata.organization(self.get_newsroom_settings(request), request, self)

    def get_canonical_url(self, request, context=None):
        return metadata.canonical_url(self, request)

    def get_meta_description(self, request=None, context=None):
        return metadata.page_description(self)

    def get_structured_data(self, request, context=None):
        """A JSON-LD document (a dict), or None for none."""
        return metadata.graph(metadata.breadcrumb_list(self, request))

    def get_social_tags(self, request, context=None):
        """Open Graph and Twitter card tags: ``(attribute, key, content)`` triples."""
        return metadata.social_tags(self, request, url=self.get_canonical_url(request, context))

    def get_feed_links(self, request, context=None):
        """``(MIME type, title, URL)`` of the feeds the page advertises."""
        return []
