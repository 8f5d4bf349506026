"""The people listing in the admin, merging duplicate profiles, and a profile's summary (JSON)."""

import json

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters.filters import ChoiceFilter
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import (
    BulkActionsColumn,
    PageStatusColumn,
    PageTitleColumn,
    ParentPageColumn,
)
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.models import Page, ReferenceIndex, Revision, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..blocks import quotations_in
from ..models import (
    AbstractArticlePage,
    ArticleByline,
    ArticleQuotation,
    PersonIndexPage,
    PersonPage,
)
from .forms import MergeForm
from .search import PlainListingSearchMixin, matching_every_word
from .utils import forbidden_is_403

ROLE_FILTERS = [
    ("reporter", gettext_lazy("Reporters (have bylines)")),
    ("quoted", gettext_lazy("Commentators and quoted sources (have quotations)")),
]


def can_list_people(user):
    """Users who may edit some people index, or any profile below one."""
    if not user.is_authenticated:
        return False
    explorable = PagePermissionPolicy().explorable_instances(user)
    return explorable.type(PersonIndexPage).exists()


def count_of(model, field="page"):
    counted = (
        model.objects.filter(person=OuterRef("pk"))
        .order_by()
        .values("person")
        .annotate(n=Count(field, distinct=field == "page"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_counts(people):
    """``people`` annotated with ``article_count`` and ``quote_count``."""
    return people.annotate(
        article_count=count_of(ArticleByline),
        quote_count=count_of(ArticleQuotation, "pk"),
    )


def with_role(people, role):
    """``people`` who have bylines (``"reporter"``) or quotations (``"quoted"``)."""
    model = {"reporter": ArticleByline, "quoted": ArticleQuotation}.get(role)
    if model is None:
        return people
    return people.filter(Exists(model.objects.filter(person=OuterRef("pk"))))


class RoleFilter(ChoiceFilter):
    def filter(self, qs, value):
        return with_role(qs, value)


class PeopleFilterSet(PageFilterSet):
    role = RoleFilter(
        label=gettext_lazy("Appears as"),
        empty_label=gettext_lazy("Everyone"),
        choices=ROLE_FILTERS,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = PersonPage
        fields = []


class PeopleIndexView(PlainListingSearchMixin, IndexView):
    """Wagtail's flat page listing, with each profile's article and quote counts.

    Searching matches every word typed in the name or role, as the person chooser does,
    rather than going through the search backend.
    """

    default_ordering = "title"

    @method_decorator(forbidden_is_403)
    def dispatch(self, request, *args, **kwargs):
        if not can_list_people(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def annotate_queryset(self, pages):
        return with_counts(super().annotate_queryset(pages))

    def search_queryset(self, queryset):
        return matching_every_word(queryset, self.search_query, ["title", "job_title"])


class PeopleViewSet(PageListingViewSet):
    name = "wagtail_newsroom_people"
    url_prefix = "newsroom/people"
    model = PersonPage
    index_view_class = PeopleIndexView
    filterset_class = PeopleFilterSet
    icon = "group"
    menu_label = gettext_lazy("People")
    menu_name = "newsroom-people"
    menu_order = 292
    add_to_admin_menu = True
    columns = [
        BulkActionsColumn("bulk_actions"),
        PageTitleColumn("title", label=gettext_lazy("Name"), sort_key="title", classname="title"),
        Column("job_title", label=gettext_lazy("Role"), sort_key="job_title"),
        Column(
            "article_count",
            label=gettext_lazy("Articles"),
            sort_key="article_count",
            classname="newsroom-count",
        ),
        Column(
            "quote_count",
            label=gettext_lazy("Quotes"),
            sort_key="quote_count",
            classname="newsroom-count",
        ),
        ParentPageColumn("parent", label=gettext_lazy("People index")),
        PageStatusColumn("status", label=gettext_lazy("Status"), sort_key="live"),
    ]

    @property
    def menu_item_class(self):
        return PeopleMenuItem

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/merge/", merge, name="merge"),
            path("<int:pk>/summary/", person_summary, name="summary"),
        ]


class PeopleMenuItem(MenuItem):
    def is_shown(self, request):
        return can_list_people(request.user)


def merge_button(page, user):
    """The "Merge a duplicate" action in a profile's page listing menu, for its editors."""
    if isinstance(page, PersonPage) and page.permissions_for_user(user).can_edit():
        return Button(
            gettext_lazy("Merge a duplicate into this profile"),
            reverse("wagtail_newsroom_people:merge", args=[page.pk]),
            icon_name="group",
            priority=25,
        )
    return None


@forbidden_is_403
def person_summary(request, pk):
    """A profile's name and role, for the quote block's "fill the role" script.

    Unpublished profiles only for users who may edit them.
    """
    person = get_object_or_404(PersonPage, pk=pk)
    if not (person.live or person.permissions_for_user(request.user).can_edit()):
        raise PermissionDenied
    return JsonResponse({"id": person.pk, "name": person.title, "job_title": person.job_title})


def replace_speaker(raw, old, new):
    """Stream data with quote speakers ``old`` replaced by ``new``; None when nothing changed."""
    changed = False
    for _block_id, value in quotations_in(raw):
        if str(value.get("speaker")) == str(old):
            value["speaker"] = new
            changed = True
    return raw if changed else None


def article_models():
    return [model for model in get_page_models() if issubclass(model, AbstractArticlePage)]


def names_in_revision(content, person):
    """Whether a page revision's ``content`` has ``person`` in its byline or as a speaker."""
    bylines = content.get("article_bylines") or []
    if any(str(byline.get("person")) == str(person.pk) for byline in bylines):
        return True
    body = content.get("body")
    stream = json.loads(body) if isinstance(body, str) else body
    return isinstance(stream, list) and replace_speaker(stream, person.pk, None) is not None


def articles_naming(person):
    """Every article whose live page or latest revision has ``person`` in its byline or as a
    speaker, specific."""
    pages = Page.objects.type(*article_models())
    referring = ReferenceIndex.get_references_to(person).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    ids = {int(pk) for pk in referring.values_list("object_id", flat=True)}
    # The reference index is updated by a background task, so it may not have caught up
    # with an article saved a moment ago; the byline and quotation rows always have.
    ids |= set(ArticleByline.objects.filter(person=person).values_list("page_id", flat=True))
    ids |= set(ArticleQuotation.objects.filter(person=person).values_list("page_id", flat=True))
    # Neither sees a draft waiting to be published.
    drafts = pages.filter(has_unpublished_changes=True).values("latest_revision_id")
    for revision in Revision.page_revisions.filter(pk__in=drafts):
        if names_in_revision(revision.content, person):
            ids.add(int(revision.object_id))
    return list(pages.filter(pk__in=ids).specific().order_by("path"))


def not_editable_by(user, articles):
    if user is None:
        return []
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    allowed = set(editable.filter(pk__in=[a.pk for a in articles]).values_list("pk", flat=True))
    return [article for article in articles if article.pk not in allowed]


def rewire(page, old, new):
    """``page`` (in memory) with ``old``'s bylines and quotes given to ``new``."""
    raw = replace_speaker(list(page.body.raw_data), old.pk, new.pk)
    if raw is not None:
        page.body = raw
    bylines = list(page.article_bylines.all())
    by_new = any(byline.person_id == new.pk for byline in bylines)
    # An article by both keeps the surviving person once.
    bylines = [b for b in bylines if not (b.person_id == old.pk and by_new)]
    for byline in bylines:
        if byline.person_id == old.pk:
            byline.person = new
    page.article_bylines = bylines


class MergeRefused(Exception):
    def __init__(self, articles):
        self.articles = articles
        super().__init__(", ".join(article.title for article in articles))


def merge_people(keep, duplicate, user=None):
    """Move ``duplicate``'s bylines and quotes to ``keep``, redirect its URL, delete it.

    Each article naming the duplicate gets a revision saying so, published when it was live
    with nothing waiting (and ``user`` may publish), so its history shows the change; its live
    page is changed too when a draft waits. Raises ``MergeRefused`` with the articles ``user``
    may not edit, before anything changes.
    """
    from wagtail.contrib.redirects.models import Redirect

    articles = articles_naming(duplicate)
    if refused := not_editable_by(user, articles):
        raise MergeRefused(refused)
    with transaction.atomic():
        for article in articles:
            waiting = article.live and article.has_unpublished_changes
            latest = article.get_latest_revision_as_object()
            rewire(latest, duplicate, keep)
            revision = latest.save_revision(user=user, log_action=True)
            may_publish = user is None or article.permissions_for_user(user).can_publish()
            if article.live and not waiting and may_publish:
                revision.publish(user=user)
                continue
            # The page's own row keeps its content until a revision is published, but not the
            # profile deleted below.
            raw = replace_speaker(list(article.body.raw_data), duplicate.pk, keep.pk)
            if raw is not None:
                article.body = raw
                type(article).objects.filter(pk=article.pk).update(body=article.body)
        both = ArticleByline.objects.filter(person=keep).values("page_id")
        ArticleByline.objects.filter(person=duplicate, page_id__in=both).delete()
        ArticleByline.objects.filter(person=duplicate).update(person=keep)
        ArticleQuotation.objects.filter(person=duplicate).update(person=keep)

        redirect_made = None
        site_id, _root, path = duplicate.get_url_parts() or (None, None, None)
        if path:
            from wagtail.models import Site

            site = Site.objects.filter(pk=site_id).first()
            old_path = Redirect.normalise_path(path)
            Redirect.objects.filter(old_path=old_path, site=site).delete()
            redirect_made = Redirect.add_redirect(old_path, redirect_to=keep, site=site)
        log(
            instance=keep,
            action="wagtail.edit",
            user=user,
            data={"merged": {"id": duplicate.pk, "title": duplicate.title}},
        )
        duplicate.delete(user=user)
    return redirect_made


@forbidden_is_403
def merge(request, pk):
    keep = get_object_or_404(PersonPage, pk=pk)
    if not keep.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    others = PersonPage.objects.exclude(pk=keep.pk).order_by("title", "pk")
    form = MergeForm(request.POST or None, queryset=others)
    if request.method == "POST" and form.is_valid():
        duplicate = form.cleaned_data["duplicate"]
        if not duplicate.permissions_for_user(request.user).can_delete():
            raise PermissionDenied
        name = duplicate.title
        try:
            merge_people(keep, duplicate, user=request.user)
        except MergeRefused as refused:
            messages.error(
                request,
                _(
                    "“%(duplicate)s” was not merged: you may not edit these articles that "
                    "name them: %(articles)s."
                )
                % {"duplicate": name, "articles": refused},
            )
            return redirect("wagtail_newsroom_people:merge", pk=keep.pk)
        messages.success(
            request,
            _("“%(duplicate)s” was merged into “%(keep)s”.")
            % {"duplicate": name, "keep": keep.title},
        )
        return redirect("wagtail_newsroom_people:index")
    # Likely duplicates first: profiles whose name shares a word with this one's.
    words = [word for word in keep.title.split() if len(word) > 2]
    similar = (
        others.filter(Q(*[Q(title__icontains=word) for word in words], _connector=Q.OR))[:10]
        if words
        else others.none()
    )
    return TemplateResponse(
        request,
        "wagtail_newsroom/admin/people_merge.html",
        {
            "keep": keep,
            "form": form,
            "similar": similar,
            "counts": with_counts(PersonPage.objects.filter(pk=keep.pk)).get(),
        },
    )
