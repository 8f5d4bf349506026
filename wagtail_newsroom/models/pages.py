import datetime
import math
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework.fields import ReadOnlyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page, PageViewRestriction, get_page_models
from wagtail.search import index

from .. import metadata, pagination
from ..blocks import ArticleBodyBlock, body_text, plain_text, quotations_in
from ..conf import newsroom_settings
from ..feeds import FEED_FILTERS, ArticleAtomFeed, ArticleFeed
from ..forms import ArticlePageForm, BylinePanel
from ..locales import same_person
from .mixins import NewsroomPageMixin, index_reference
from .taxonomy import ArticleTag, Section

LISTING_RENDITION = "fill-640x360"


class AbstractNewsIndexPage(NewsroomPageMixin, RoutablePageMixin, Page):
    """Lists the articles below it, newest first, filterable by section, tag and person."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    template = "wagtail_newsroom/news_index_page.html"

    # The article model listed; a site with its own concrete article model points this at it.
    article_model = "wagtail_newsroom.ArticlePage"

    api_fields = [APIField("intro")]

    class Meta:
        abstract = True

    def get_article_model(self):
        return apps.get_model(self.article_model)

    def get_articles(self, image_rendition=LISTING_RENDITION):
        """The live articles below this index, with everything a listing shows prefetched
        (the lead image with its ``image_rendition``, section and byline; not tags, which
        cards do not show) and without their bodies, which a listing does not show either
        (``defer(None)`` reads them)."""
        return (
            self.get_article_model()
            .objects.live()
            .public()
            .descendant_of(self)
            .defer_streamfields()
            .select_related("section")
            .prefetch_related(
                Prefetch(
                    "lead_image",
                    queryset=get_image_model().objects.prefetch_renditions(image_rendition),
                ),
                Prefetch(
                    "article_bylines",
                    queryset=ArticleByline.objects.select_related("person").order_by("sort_order"),
                ),
            )
            .order_by(*NEWEST_FIRST)
        )

    def filter_articles(self, articles, params):
        """Apply the ``section``, ``tag`` and ``person`` query-string filters (slugs)."""
        filters = {}
        if section := params.get("section"):
            articles = articles.filter(section__slug=section)
            filters["section"] = Section.objects.filter(slug=section).first()
        if tag := params.get("tag"):
            # Through the tag table directly: it is keyed to Page, which taggit's join from a
            # Page subclass gets wrong.
            tagged = ArticleTag.objects.filter(tag__slug=tag).values("content_object_id")
            articles = articles.filter(pk__in=tagged)
            filters["tag"] = ArticleTag.tag_model().objects.filter(slug=tag).first()
        if slug := params.get("person"):
            # A profile's listing and feed: what the person wrote and where they are quoted.
            # Only a published profile's: a draft's name is not the public's yet.
            person = person_model().objects.live().public().filter(slug=slug).first()
            if person is None:
                articles = articles.none()
            else:
                wrote = ArticleByline.objects.filter(same_person("person", person))
                quoted = ArticleQuotation.objects.filter(same_person("person", person))
                articles = articles.filter(
                    Q(pk__in=wrote.values("page_id")) | Q(pk__in=quoted.values("page_id"))
                )
                person = person.localized
            filters["person"] = person
        if filters:
            articles = articles.distinct()
        return articles, filters

    def paginate(self, articles, page_number):
        """One page of articles, read without counting them all: a missing, malformed or
        negative number gives the first page, one past the end a 404."""
        number = pagination.page_number(page_number)
        page = pagination.ListingPage.read(articles, number, newsroom_settings.INDEX_PAGE_SIZE)
        if number > 1 and not page:
            raise Http404(_("There is no page %(number)s of articles.") % {"number": number})
        return page

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles, filters = self.filter_articles(self.get_articles(), request.GET)
        context["articles"] = self.paginate(articles, request.GET.get("page"))
        context["filters"] = filters
        query = request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        return context

    # -- feeds: RSS and Atom below the index's URL, filtered by the same query string --------

    def get_cached_paths(self):
        # A frontend cache purging the index (as Wagtail does when it is published, and the
        # app when an article under it is) purges its feeds with it.
        return ["/", self.reverse_subpage("feed_rss"), self.reverse_subpage("feed_atom")]

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        return ArticleFeed(self, request.GET)(request)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        return ArticleAtomFeed(self, request.GET)(request)

    def get_feed_url(self, kind="rss", request=None, params=None):
        """The absolute URL of this index's ``rss`` or ``atom`` feed, filtered by the
        ``section``, ``tag`` and ``person`` slugs in ``params``."""
        url = self.get_full_url(request) + self.reverse_subpage(f"feed_{kind}")
        query = urlencode([(key, params[key]) for key in FEED_FILTERS if (params or {}).get(key)])
        return f"{url}?{query}" if query else url

    def get_feeds(self, request=None, params=None, title=None):
        """``(MIME type, title, URL)`` of this index's RSS and Atom feeds."""
        title = title or self.title
        return [
            (
                "application/rss+xml",
                _("%(title)s (RSS)") % {"title": title},
                self.get_feed_url("rss", request, params),
            ),
            (
                "application/atom+xml",
                _("%(title)s (Atom)") % {"title": title},
                self.get_feed_url("atom", request, params),
            ),
        ]

    # -- what search engines and social networks read ----------------------------------------

    def get_listing_params(self, request, context=None):
        """The query parameters that change what this listing shows."""
        params = {key: request.GET.get(key) for key in ("section", "tag", "person")}
        page_obj = (context or {}).get("articles")
        if page_obj is not None and getattr(page_obj, "number", 1) > 1:
            params["page"] = str(page_obj.number)
        return params

    def get_canonical_url(self, request, context=None):
        return metadata.canonical_url(self, request, self.get_listing_params(request, context))

    def get_structured_data(self, request, context=None):
        page_obj = (context or {}).get("articles")
        articles = list(page_obj) if page_obj is not None else []
        return metadata.graph(
            metadata.collection_page(
                self,
                request,
                articles,
                params=self.get_listing_params(request, context),
                start=page_obj.start_index() if articles else 1,
            ),
            metadata.breadcrumb_list(self, request),
        )

    def get_social_tags(self, request, context=None):
        return metadata.social_tags(self, request, url=self.get_canonical_url(request, context))

    def get_feed_links(self, request, context=None):
        filters = (context or {}).get("filters") or {}
        names = [str(getattr(f, "name", None) or f.title) for f in filters.values() if f]
        return self.get_feeds(request, request.GET, " · ".join([self.title, *names]))


_UNDATED = datetime.datetime.min.replace(tzinfo=datetime.UTC)

# The order of every article listing: newest first, undated ones last, then by descending pk.
NEWEST_FIRST = (models.F("published_at").desc(nulls_last=True), "-pk")


def listed_article_models():
    """The article models news indexes list: each concrete index model's ``article_model``,
    so a site's own article type is listed wherever its index is."""
    found = []
    for model in get_page_models():
        if issubclass(model, AbstractNewsIndexPage) and model.article_model:
            article_model = apps.get_model(model.article_model)
            if article_model not in found:
                found.append(article_model)
    return found


def listed_article_types():
    """The content types of the listed article models and of their subclasses."""
    listed = tuple(listed_article_models())
    models = [model for model in get_page_models() if issubclass(model, listed)]
    return [ContentType.objects.get_for_model(model) for model in models]


def person_model():
    """The profile model that bylines and quotations name (defined in ``people``, which
    imports this module)."""
    return apps.get_model("wagtail_newsroom", "PersonPage")


def private_q(prefix=""):
    """A filter for the pages under the site's view restrictions (``prefix`` is the lookup
    to the page, from a model with a key to it): Wagtail's ``PageQuerySet.private_q``, usable
    across a relation."""
    q = Q()
    for restricted in PageViewRestriction.objects.values_list("page__path", flat=True):
        q |= Q(**{f"{prefix}path__startswith": restricted})
    return q or Q(**{f"{prefix}pk__in": []})


def public_articles():
    """A queryset of the live, public articles of each listed article model (the site's view
    restrictions are read once for all of them)."""
    private = private_q()
    return [model.objects.live().exclude(private) for model in listed_article_models()]


def newest_first(querysets, limit, offset=0):
    """The ``limit`` newest articles of ``querysets`` (of several article models, each newest
    first) after the ``offset`` newest, newest first: undated ones last, then by descending
    pk, as the index orders."""
    end = offset + limit
    articles = [article for queryset in querysets for article in queryset[:end]]
    articles.sort(
        key=lambda a: (a.published_at is not None, a.published_at or _UNDATED, a.pk),
        reverse=True,
    )
    return articles[offset:end]


class NewsIndexPage(AbstractNewsIndexPage):
    subpage_types = ["wagtail_newsroom.ArticlePage", "wagtail_newsroom.NewsIndexPage"]

    class Meta:
        verbose_name = _("news index")


class AbstractArticlePage(NewsroomPageMixin, Page):
    """A news article. The page title is the headline."""

    dek = models.TextField(
        _("standfirst"),
        blank=True,
        help_text=_("One or two sentences under the headline that sum up the story."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_caption = models.CharField(_("lead image caption"), max_length=500, blank=True)
    lead_image_credit = models.CharField(_("lead image credit"), max_length=255, blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    section = models.ForeignKey(
        "wagtail_newsroom.Section",
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"),
        through=ArticleTag,
        blank=True,
    )
    published_at = models.DateTimeField(
        _("published"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The date the story shows. Left blank, it is set when first published."),
    )
    updated_at = models.DateTimeField(
        _("updated"),
        null=True,
        blank=True,
        help_text=_("Set when a story is substantially updated after publication."),
    )
    source_name = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Where an imported article came from."),
    )
    # The source's key (``importer.sources.source_key``), unique within the news index it was
    # imported into so that a re-import, even a concurrent one, finds the page again.
    source_path = models.CharField(_("source path"), max_length=1024, blank=True)
    source_index = index_reference()
    source_fingerprint = models.CharField(
        _("source fingerprint"), max_length=80, blank=True, db_index=True, editable=False
    )
    # The revision the importer wrote last, so a re-import can tell an editor's later edits.
    import_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        TitleFieldPanel(
            "title", help_text=_("The headline, as readers see it on the page and in listings.")
        ),
        FieldPanel("dek"),
        FieldPanel(
            "section",
            help_text=_("The desk or programme the story belongs to; readers can filter by it."),
        ),
        FieldPanel(
            "tags",
            help_text=_("Topics, people and places the story is about; start typing to reuse one."),
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "lead_image",
                    help_text=_("Shown above the story, in listings and when the story is shared."),
                ),
                FieldPanel(
                    "lead_image_caption", help_text=_("What the image shows, for every reader.")
                ),
                FieldPanel(
                    "lead_image_credit", help_text=_("The photographer or agency, e.g. “Reuters”.")
                ),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel(
            "body",
            help_text=_(
                "The story: paragraphs, headings, images, quotes (choose the speaker's profile), "
                "pull quotes and share links."
            ),
        ),
        InlinePanel(
            "article_corrections",
            label=_("Corrections and editor's notes"),
            help_text=_("Shown at the foot of the story, dated; add one for every correction."),
        ),
    ]
    people_panels = [
        BylinePanel(
            "article_bylines",
            label=_("Byline"),
            min_num=1,
            help_text=_(
                "Who wrote the story, in the order the byline lists them. Choose a profile, or "
                "add a new person from the chooser."
            ),
        ),
    ]
    metadata_panels = [
        MultiFieldPanel(
            [FieldPanel("published_at"), FieldPanel("updated_at")],
            heading=_("Editorial dates"),
        ),
        InlinePanel(
            "article_related_links",
            label=_("Related articles"),
            help_text=_("Stories listed under this one as further reading."),
        ),
    ]
    source_panels = [
        MultiFieldPanel(
            [
                FieldPanel("source_name"),
                FieldPanel(
                    "source_path",
                    read_only=True,
                    help_text=_(
                        "The file the article was imported from; re-importing it updates this page."
                    ),
                ),
            ],
            heading=_("Import source"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(people_panels, heading=_("People")),
            ObjectList(Page.promote_panels + metadata_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels + source_panels, heading=_("Settings")),
        ],
        base_form_class=ArticlePageForm,
    )
    search_fields = Page.search_fields + [
        index.SearchField("dek"),
        index.SearchField("body"),
        index.RelatedFields(
            "article_bylines",
            [index.RelatedFields("person", [index.SearchField("title")])],
        ),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("section", [index.SearchField("name")]),
        index.FilterField("published_at"),
    ]
    api_fields = [
        APIField("dek"),
        APIField("published_at"),
        APIField("updated_at"),
        APIField("byline", serializer=ReadOnlyField(source="api_byline")),
        APIField("section", serializer=ReadOnlyField(source="api_section")),
        APIField("tags"),
        APIField("lead_image"),
        APIField(
            "lead_image_social",
            serializer=ImageRenditionField(metadata.SOCIAL_IMAGE, source="lead_image"),
        ),
        APIField("lead_image_caption"),
        APIField("lead_image_credit"),
        APIField("body"),
        APIField("corrections", serializer=ReadOnlyField(source="api_corrections")),
        APIField("word_count"),
        APIField("reading_time"),
    ]
    parent_page_types = ["wagtail_newsroom.NewsIndexPage"]
    subpage_types = []
    template = "wagtail_newsroom/article_page.html"

    # A copy is a new story, not the page a re-import of the source should update.
    exclude_fields_in_copy = [
        "source_path",
        "source_index",
        "source_fingerprint",
        "import_revision",
    ]

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["source_index", "source_path"],
                condition=~models.Q(source_path=""),
                name="%(app_label)s_%(class)s_unique_source",
            )
        ]

    @property
    def headline(self):
        return self.title

    @cached_property
    def bylines(self):
        bylines = self.article_bylines.all()
        # A listing prefetches bylines with their people; select_related would throw that away.
        if "article_bylines" not in getattr(self, "_prefetched_objects_cache", {}):
            bylines = bylines.select_related("person")
        return list(bylines)

    @property
    def authors(self):
        return [byline.person.localized for byline in self.bylines]

    @cached_property
    def tag_list(self):
        """The article's tags, loaded once for the page, its metadata and its feed entry."""
        return list(self.tags.all())

    @cached_property
    def corrections(self):
        """Corrections and editor's notes, loaded once for the page and its metadata."""
        return list(self.article_corrections.all())

    # -- the API's view of relations (see api_fields) ----------------------------------------

    @property
    def api_byline(self):
        return [
            {
                "id": person.pk,
                "name": person.title,
                "job_title": person.job_title,
                "url": person.full_url if person.live else None,
            }
            for person in self.authors
        ]

    @property
    def api_section(self):
        section = self.section
        return section and {"id": section.pk, "name": section.name, "slug": section.slug}

    @property
    def api_corrections(self):
        from wagtail.rich_text import expand_db_html

        return [
            {
                "kind": correction.kind,
                "date": metadata.iso(correction.date),
                "text": expand_db_html(correction.text),
            }
            for correction in self.corrections
        ]

    # -- what search engines and social networks read ----------------------------------------

    def get_structured_data(self, request, context=None):
        return metadata.graph(
            metadata.news_article(self, request, publisher=self.get_publisher(request)),
            metadata.breadcrumb_list(self, request),
        )

    def get_social_tags(self, request, context=None):
        return metadata.article_social_tags(self, request)

    def get_sitemap_urls(self, request=None):
        """Wagtail's sitemap entry, its ``lastmod`` the latest of the editorial dates and the
        last publication."""
        urls = super().get_sitemap_urls(request)
        dates = [d for d in (self.last_published_at, self.updated_at, self.published_at) if d]
        for url in urls:
            url["lastmod"] = max(dates) if dates else url.get("lastmod")
        return urls

    def get_feed_links(self, request, context=None):
        """The feeds of the news index the article is in."""
        parent = self.newsroom_ancestors[-1] if self.newsroom_ancestors else None
        # specific_deferred: the index's own class without another query.
        index = parent.specific_deferred if parent is not None else None
        return index.get_feeds(request) if hasattr(index, "get_feeds") else []

    @cached_property
    def body_has_share_block(self):
        """Whether the editor placed share links in the body (the footer's are then left out)."""
        return any(item["type"] == "share" for item in self.body.raw_data)

    @cached_property
    def word_count(self):
        return len(body_text(self.body).split())

    @property
    def reading_time(self):
        """Minutes to read the body, at least one."""
        return max(1, math.ceil(self.word_count / newsroom_settings.WORDS_PER_MINUTE))

    def quotations_from_body(self):
        """One ArticleQuotation per quotation in the body (quote blocks and quoted paragraphs)
        whose speaker is an existing profile."""
        quotes = [
            (block_id, value)
            for block_id, value in quotations_in(self.body.raw_data)
            if value.get("speaker")
        ]
        if not quotes:
            return []
        existing = set(
            person_model()
            .objects.filter(pk__in=[value["speaker"] for _id, value in quotes])
            .values_list("pk", flat=True)
        )
        return [
            ArticleQuotation(
                person_id=value["speaker"], text=plain_text(value.get("text")), block_id=block_id
            )
            for block_id, value in quotes
            if value["speaker"] in existing
        ]

    def clean(self):
        super().clean()
        if self.updated_at and self.published_at and self.updated_at < self.published_at:
            raise ValidationError(
                {"updated_at": _("The update cannot be earlier than the publication date.")}
            )
        self.hold_until_published()

    def hold_until_published(self):
        """An article dated in the future is under embargo until then: publishing it
        schedules it, with Wagtail's own "go live" date, which the editor sees and can
        change to later, not earlier."""
        embargoed = self.published_at and self.published_at > timezone.now()
        if embargoed and (self.go_live_at is None or self.go_live_at < self.published_at):
            self.go_live_at = self.published_at

    def save(self, *args, **kwargs):
        if self.live and not self.published_at:
            # A story known only by its update ("Updated 3 May 2019") was out by then.
            published = self.first_published_at or timezone.now()
            self.published_at = min(published, self.updated_at or published)
        # Only live articles are listed as quoting people, and publishing saves the page with
        # live set, so drafts (and saves of only some fields) need not rebuild the quotations.
        update_fields = kwargs.get("update_fields")
        if self.live and update_fields is None:
            self.article_quotations = self.quotations_from_body()
        result = super().save(*args, **kwargs)
        if self.live and (update_fields is None or "published_at" in update_fields):
            # Once modelcluster has saved the bylines and quotations: it writes them as the
            # form or the importer left them.
            for model in (ArticleByline, ArticleQuotation):
                model.objects.filter(page=self).update(published_at=self.published_at)
        return result

    def get_related_articles(self):
        """The related articles a reader may see, in the editor's order."""
        ids = [link.article_id for link in self.article_related_links.all()]
        if not ids:
            return []
        visible = Page.objects.live().public().filter(pk__in=ids).in_bulk()
        return [visible[pk] for pk in ids if pk in visible]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_articles"] = self.get_related_articles()
        return context


class ArticlePage(AbstractArticlePage):
    class Meta(AbstractArticlePage.Meta):
        verbose_name = _("article")
        verbose_name_plural = _("articles")


# Inline models are keyed to Page so every subclass of AbstractArticlePage can use them.


class BylineRole(models.TextChoices):
    """A person's part in a story, for the byline: "By A. Additional reporting by B."."""

    AUTHOR = "author", _("Author")
    CONTRIBUTOR = "contributor", _("Additional reporting")
    WRITER = "writer", _("Writing")
    COMPILER = "compiler", _("Compiling")

    @property
    def lead_in(self):
        """The words before the names in the byline."""
        return {
            BylineRole.AUTHOR: _("By"),
            BylineRole.CONTRIBUTOR: _("Additional reporting by"),
            BylineRole.WRITER: _("Writing by"),
            BylineRole.COMPILER: _("Compiled by"),
        }[self]


def byline_groups(bylines):
    """``bylines`` as (role, its bylines) in the order roles first appear, authors first."""
    groups = {BylineRole.AUTHOR: []}
    for byline in bylines:
        groups.setdefault(BylineRole(byline.role), []).append(byline)
    return [(role, members) for role, members in groups.items() if members]


class PersonInArticle(Orderable):
    """A person's part in an article (a byline or a quotation), carrying the article's date so
    that a profile lists the newest of them by an index, however large the archive."""

    # The live article's ``published_at``, kept by the article's ``save``.
    published_at = models.DateTimeField(null=True, editable=False)

    class Meta(Orderable.Meta):
        abstract = True
        indexes = [
            models.Index(fields=["person", "-published_at", "-page"], name="%(class)s_by_person")
        ]


class ArticleByline(PersonInArticle):
    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="article_bylines")
    person = models.ForeignKey(
        "wagtail_newsroom.PersonPage",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="bylines",
    )
    role = models.CharField(
        _("part in this story"),
        max_length=20,
        choices=BylineRole.choices,
        default=BylineRole.AUTHOR,
        help_text=_("Authors lead the byline; the others follow: “Additional reporting by …”."),
    )
    credit = models.CharField(
        _("note"),
        max_length=100,
        blank=True,
        help_text=_(
            "Shown beside the name in this article’s byline only: “in Washington”. The "
            "person’s job belongs on their profile."
        ),
    )

    panels = [
        FieldPanel("person", help_text=_("Choose a profile, or add a new person.")),
        FieldPanel("role"),
        FieldPanel("credit"),
    ]

    class Meta(PersonInArticle.Meta):
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")

    def __str__(self):
        return str(self.person)


class ArticleCorrection(Orderable):
    KIND_CHOICES = [("correction", _("Correction")), ("note", _("Editor's note"))]

    page = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="article_corrections"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES, default="correction")
    date = models.DateTimeField(_("date"), default=timezone.now)
    text = RichTextField(_("text"), features=["bold", "italic", "link"])

    panels = [
        FieldPanel("kind", help_text=_("A correction fixes an error; a note adds context.")),
        FieldPanel("date", help_text=_("When the correction or note was made.")),
        FieldPanel("text", help_text=_("What was wrong and what is right, in a sentence or two.")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")


class ArticleRelatedLink(Orderable):
    page = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="article_related_links"
    )
    article = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [
        PageChooserPanel(
            "article",
            "wagtail_newsroom.ArticlePage",
            help_text=_("A story readers of this one should read next."),
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")


class ArticleQuotation(PersonInArticle):
    """Who an article quotes, kept in step with its body's quote blocks on every save.

    The body is JSON, so without this a person's page could not find the articles that
    quote them in one query.
    """

    page = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="article_quotations"
    )
    person = models.ForeignKey(
        "wagtail_newsroom.PersonPage", on_delete=models.CASCADE, related_name="quotations"
    )
    text = models.TextField()
    block_id = models.CharField(max_length=64, blank=True)

    class Meta(PersonInArticle.Meta):
        verbose_name = _("quotation")
        verbose_name_plural = _("quotations")
