import unicodedata

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework.fields import ReadOnlyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, Site
from wagtail.search import index

from .. import metadata
from ..conf import newsroom_settings
from ..forms import PersonCopyForm, PersonPageForm, namesake_error
from ..locales import in_locale, locale_root, same_person
from ..pagination import page_number
from ..text import strip_unsafe
from .mixins import NewsroomPageMixin, index_reference
from .pages import (
    ArticleByline,
    ArticleQuotation,
    NewsIndexPage,
    listed_article_models,
    listed_article_types,
    private_q,
)


def name_key(name):
    """The form of a person's name that two profiles in one index may not share: compatible
    characters folded, case folded in every script ("ŁUKASZ" is "łukasz"; SQLite's LOWER()
    folds ASCII only), spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", strip_unsafe(name)).casefold().split())


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=100)
    url = blocks.URLBlock(label=_("URL"))

    class Meta:
        icon = "link"
        label = _("Link")


class PersonIndexPage(NewsroomPageMixin, Page):
    """The people in the news: reporters, commentators and quoted sources."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["wagtail_newsroom.PersonPage"]
    template = "wagtail_newsroom/person_index_page.html"

    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("people index")

    def get_people(self):
        return PersonPage.objects.live().child_of(self).select_related("photo").order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.get_people(), newsroom_settings.INDEX_PAGE_SIZE)
        context["people"] = paginator.get_page(request.GET.get("page"))
        return context


def namesake_clash(pages, destination):
    """The first profile among ``pages`` that, moved under ``destination``, would share its
    name with another profile there (or with another of ``pages``); None if none would."""
    people = [page.specific for page in pages]
    people = [page for page in people if isinstance(page, AbstractPersonPage)]
    moving, seen = {page.pk for page in people}, set()
    for person in people:
        key = (type(person), name_key(person.title))
        if key in seen or person.namesakes(destination).exclude(pk__in=moving).exists():
            return person
        seen.add(key)
    return None


class AbstractPersonPage(NewsroomPageMixin, Page):
    """A profile of someone in the news. The page title is the person's name."""

    job_title = models.CharField(
        _("role or title"),
        max_length=255,
        blank=True,
        help_text=_('How stories describe them, e.g. "China affairs commentator".'),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = RichTextField(_("biography"), blank=True, features=["bold", "italic", "link"])
    # The name's key and the index the profile is in, kept by ``save``: the database refuses a
    # second profile of one name in one index, even from two imports at once.
    name_key = models.CharField(max_length=255, blank=True, editable=False)
    people_index = index_reference()
    links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("links"),
        blank=True,
        help_text=_("Their website, social profiles and other pages about them."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("job_title"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("links"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("job_title"),
        index.SearchField("bio"),
        index.AutocompleteField("title"),
    ]
    api_fields = [
        APIField("job_title"),
        APIField("photo"),
        APIField(
            "photo_thumbnail",
            serializer=ImageRenditionField(metadata.PROFILE_IMAGE, source="photo"),
        ),
        APIField("bio"),
        APIField("links"),
        APIField("profile_url", serializer=ReadOnlyField(source="full_url")),
    ]
    parent_page_types = ["wagtail_newsroom.PersonIndexPage"]
    subpage_types = []
    template = "wagtail_newsroom/person_page.html"
    base_form_class = PersonPageForm
    copy_form_class = PersonCopyForm
    # A copy belongs to the index it is copied into (``save`` sets it).
    exclude_fields_in_copy = ["people_index"]

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["people_index", "name_key"],
                condition=~models.Q(name_key=""),
                name="%(app_label)s_%(class)s_unique_name",
            )
        ]

    @property
    def name(self):
        return self.title

    def namesakes(self, parent=None):
        """Other profiles of this name in the index this one is (or is going) in."""
        parent = parent or self.get_parent()
        return (
            type(self)
            .objects.child_of(parent)
            .filter(name_key=name_key(self.title))
            .exclude(pk=self.pk)
        )

    def clean(self):
        super().clean()
        if self.path and self.namesakes().exists():
            raise ValidationError({"title": namesake_error(self.title)})

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.title)
        if self.path and self.people_index_id is None:
            self.people_index = self.get_parent()
        return super().save(*args, **kwargs)

    # -- what search engines and social networks read ----------------------------------------

    def get_structured_data(self, request, context=None):
        return metadata.graph(
            metadata.profile_page(self, request), metadata.breadcrumb_list(self, request)
        )

    def get_social_tags(self, request, context=None):
        return metadata.profile_social_tags(self, request)

    def get_feed_index(self, request=None):
        """The news index whose feeds, filtered to this person, the profile advertises: the
        first one in the site's tree in the profile's language."""
        site = Site.find_for_request(request) if request is not None else self.get_site()
        if site is None:
            return None
        root = locale_root(site, self.locale_id)
        indexes = NewsIndexPage.objects.live().descendant_of(root, inclusive=True)
        return indexes.order_by("path").first()

    def get_feed_links(self, request, context=None):
        index = self.get_feed_index(request)
        return index.get_feeds(request, {"person": self.slug}, self.title) if index else []

    def get_articles_written(self, limit=20, offset=0):
        """The newest live articles this person has a byline in, of every listed model."""
        bylines = ArticleByline.objects.filter(same_person("person", self))
        return self.articles_among(bylines, limit, offset)

    def get_quotations(self, limit=20, offset=0):
        """Live articles that quote this person, newest first, each with its quotes."""
        quotations = ArticleQuotation.objects.filter(same_person("person", self))
        articles = self.articles_among(quotations, limit, offset)
        on_page = quotations.filter(page__in=[article.pk for article in articles])
        if dates := [article.published_at for article in articles if article.published_at]:
            # The span of dates the page covers, so that the index on person and date reads
            # this page's quotes, not every one of the person's.
            on_page = on_page.filter(published_at__range=(min(dates), max(dates)))
        quotes = {}
        for quotation in on_page:
            quotes.setdefault(quotation.page_id, []).append(quotation)
        # An article whose date was changed behind its save (a queryset update) is listed
        # by its quotations' date, and shown without them rather than failing.
        return [(article, quotes.get(article.pk, [])) for article in articles]

    def articles_among(self, rows, limit, offset):
        """The newest live, public articles in the profile's language, of the models news
        indexes list, that ``rows`` (bylines or quotations) belong to.

        They are found in the rows' own table, by the article's date each row carries, so
        that the database reads one page of them, already in order and distinct, from the
        index on person and date, not every article the person was ever in; then read,
        without their bodies, a query for each listed model.
        """
        listed = (
            in_locale(rows, self.locale_id, "page__")
            .filter(page__live=True, page__content_type__in=listed_article_types())
            .exclude(private_q("page__"))
            .order_by("-published_at", "-page_id")
            .values_list("page_id", "published_at")
            .distinct()[offset : offset + limit]
        )
        ids = [page_id for page_id, _date in listed]
        found = {}
        for model in listed_article_models() if ids else ():
            found.update(model.objects.filter(pk__in=ids).defer_streamfields().in_bulk())
        return [found[page_id] for page_id in ids if page_id in found]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        size = newsroom_settings.INDEX_PAGE_SIZE
        for name, param, fetch in (
            ("articles_written", "written", self.get_articles_written),
            ("quotations", "quoted", self.get_quotations),
        ):
            number = page_number(request.GET.get(param))
            # One more than a page: whether there is a next one.
            items = fetch(limit=size + 1, offset=(number - 1) * size)
            context[name] = items[:size]
            context[f"{name}_pages"] = {
                "previous": listing_url(request, param, number - 1) if number > 1 else None,
                "next": listing_url(request, param, number + 1) if len(items) > size else None,
            }
        return context


def listing_url(request, param, number):
    """The current URL with ``param`` set to page ``number`` (the first page drops it)."""
    query = request.GET.copy()
    query.pop(param, None)
    if number > 1:
        query[param] = number
    return f"?{query.urlencode()}" if query else request.path


class PersonPage(AbstractPersonPage):
    class Meta(AbstractPersonPage.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
