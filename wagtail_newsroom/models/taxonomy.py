from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ..search_index import BatchIndexed


class Section(BatchIndexed, index.Indexed, models.Model):
    """A desk or programme an article belongs to ("Business", "NTD Evening News").

    A snippet rather than a page: sections are a flat vocabulary that every news index
    filters by, and they need no page of their own in the tree.
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.name


class ArticleTag(TaggedItemBase):
    # Keyed to Page so that every subclass of AbstractArticlePage shares one tag table.
    content_object = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="newsroom_tagged_items"
    )

    class Meta:
        verbose_name = _("article tag")
        verbose_name_plural = _("article tags")
