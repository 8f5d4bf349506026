from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..conf import newsroom_settings
from .mixins import NewsroomPageMixin


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

    class Meta:
        verbose_name = _("people index")

    def get_people(self):
        return PersonPage.objects.live().child_of(self).select_related("photo").order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.get_people(), newsroom_settings.INDEX_PAGE_SIZE)
        context["people"] = paginator.get_page(request.GET.get("page"))
        return context


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
    parent_page_types = ["wagtail_newsroom.PersonIndexPage"]
    subpage_types = []
    template = "wagtail_newsroom/person_page.html"

    class Meta:
        abstract = True

    @property
    def name(self):
        return self.title

    def get_articles_written(self):
        from .pages import ArticlePage

        return (
            ArticlePage.objects.live()
            .filter(article_bylines__person=self)
            .select_related("section")
            .order_by("-published_at", "-pk")
            .distinct()
        )

    def get_quotations(self, limit=20):
        """Live articles that quote this person, newest first, each with its quotes."""
        from .pages import ArticlePage, ArticleQuotation

        articles = list(
            ArticlePage.objects.live()
            .filter(article_quotations__person=self)
            .order_by("-published_at", "-pk")
            .distinct()[:limit]
        )
        quotes = {}
        for quotation in ArticleQuotation.objects.filter(person=self, page__in=articles):
            quotes.setdefault(quotation.page_id, []).append(quotation)
        return [(article, quotes[article.pk]) for article in articles]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles_written"] = self.get_articles_written()[:20]
        context["quotations"] = self.get_quotations()
        return context


class PersonPage(AbstractPersonPage):
    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
