"""The people listing in the admin, merging duplicate profiles, and a profile's summary (JSON)."""

import json

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.log_actions import log
from wagtail.models import Page, Revision, get_page_models

from ..blocks import quotations_in
from ..models import (
    AbstractArticlePage,
    ArticleByline,
    ArticleQuotation,
    PersonIndexPage,
    PersonPage,
)
from .forms import MergeForm
from .search import matching_every_word
from .utils import forbidden_is_403

ROLE_FILTERS = {
    "reporter": gettext_lazy("Reporters (have bylines)"),
    "quoted": gettext_lazy("Commentators and quoted sources (have quotations)"),
}
PAGE_SIZE = 50


def can_list_people(user):
    """Users who may edit some people index, or any profile below one."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(
        index.permissions_for_user(user).can_edit()
        or index.permissions_for_user(user).can_add_subpage()
        for index in PersonIndexPage.objects.all()
    )


def count_of(model, field="page"):
    counted = (
        model.objects.filter(person=OuterRef("pk"))
        .order_by()
        .values("person")
        .annotate(n=Count(field, distinct=field == "page"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def people_queryset(params):
    """Profiles with their article and quote counts, filtered and searched; one query."""
    people = PersonPage.objects.annotate(
        article_count=count_of(ArticleByline),
        quote_count=count_of(ArticleQuotation, "pk"),
    ).order_by("title", "pk")
    role = params.get("role")
    if role == "reporter":
        people = people.filter(Exists(ArticleByline.objects.filter(person=OuterRef("pk"))))
    elif role == "quoted":
        people = people.filter(Exists(ArticleQuotation.objects.filter(person=OuterRef("pk"))))
    return matching_every_word(people, params.get("q"), ["title", "job_title"])


@forbidden_is_403
def people_index(request):
    if not can_list_people(request.user):
        raise PermissionDenied
    people = people_queryset(request.GET)
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "wagtail_newsroom/admin/people_index.html",
        {
            "people": page,
            "role": request.GET.get("role", ""),
            "q": request.GET.get("q", ""),
            "role_filters": ROLE_FILTERS.items(),
            "query": query.urlencode(),
        },
    )


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


def articles_naming(person):
    """Every article whose live page or latest revision has ``person`` in its byline or as a
    speaker, specific."""
    ids = set(ArticleByline.objects.filter(person=person).values_list("page_id", flat=True))
    ids |= set(ArticleQuotation.objects.filter(person=person).values_list("page_id", flat=True))
    # Quote blocks name speakers by id inside the body JSON: the live body and the latest
    # revision (a draft may differ from the live page).
    for model in article_models():
        for article in model.objects.only("pk", "body").iterator():
            if replace_speaker(list(article.body.raw_data), person.pk, None) is not None:
                ids.add(article.pk)
    for revision in Revision.page_revisions.filter(
        pk__in=Page.objects.type(*article_models()).values("latest_revision_id")
    ):
        body = revision.content.get("body")
        stream = json.loads(body) if isinstance(body, str) else body
        if isinstance(stream, list) and replace_speaker(stream, person.pk, None) is not None:
            ids.add(int(revision.object_id))
    return list(Page.objects.filter(pk__in=ids).specific().order_by("path"))


def not_editable_by(user, articles):
    if user is None:
        return []
    return [article for article in articles if not article.permissions_for_user(user).can_edit()]


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
            "counts": people_queryset({}).filter(pk=keep.pk).first(),
        },
    )
