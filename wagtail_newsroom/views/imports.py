"""The admin import view: upload, dry-run preview, confirm, report."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .. import tasks
from ..importer.build import article_model_for
from ..importer.outcomes import OutcomeStatus
from ..models import AbstractNewsIndexPage, ImportRun
from ..models.pages import listed_article_models
from ..uploads import store_uploads
from .forms import ConfirmForm, UploadForm
from .utils import forbidden_is_403


def import_parents(user):
    """The pages ``user`` may add articles under (news indexes, in tree order)."""
    if not user.is_authenticated:
        return []
    addable = PagePermissionPolicy().instances_user_has_permission_for(user, "add")
    pages = addable.type(AbstractNewsIndexPage).order_by("path").specific()
    return [page for page in pages if article_model_for(page).can_create_at(page)]


def imported_before(fingerprints):
    """Those of ``fingerprints`` (of parsed sources) that an article was imported from."""
    return {
        fingerprint
        for model in listed_article_models()
        for fingerprint in model.objects.filter(source_fingerprint__in=fingerprints).values_list(
            "source_fingerprint", flat=True
        )
    }


def can_import(user):
    return bool(import_parents(user))


def visible_runs(user):
    """The import runs ``user`` may see, newest first: a superuser's all; anyone else's own,
    and the ``import_articles`` command's runs into the pages they may import under."""
    runs = ImportRun.objects.select_related("user")
    if not user.is_superuser:
        runs = runs.filter(
            Q(user=user)
            | Q(
                origin=ImportRun.Origin.COMMAND,
                parent__in=[page.pk for page in import_parents(user)],
            )
        )
    return runs


def require_import_permission(request):
    parents = import_parents(request.user)
    if not parents:
        raise PermissionDenied
    return parents


def get_run(request, pk):
    run = get_object_or_404(ImportRun.objects.select_related("user", "parent"), pk=pk)
    if not visible_runs(request.user).filter(pk=run.pk).exists():
        raise PermissionDenied
    return run


@forbidden_is_403
def upload(request):
    require_import_permission(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            run = ImportRun.objects.create(
                user=request.user, uploads=store_uploads(form.cleaned_data["files"])
            )
            tasks.start(tasks.preview_import, run)
        return redirect(run.get_absolute_url())
    return TemplateResponse(
        request,
        "wagtail_newsroom/admin/import_upload.html",
        {"form": form, "runs": visible_runs(request.user)[:10]},
    )


@forbidden_is_403
def status(request, pk):
    parents = require_import_permission(request)
    run = get_run(request, pk)
    form = None
    if run.status == ImportRun.Status.PREVIEWED:
        form = ConfirmForm(
            request.POST or None,
            parents=parents,
            user=request.user,
            initial={"parent": parents[0].pk},
        )
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                updated = ImportRun.objects.filter(
                    pk=run.pk, status=ImportRun.Status.PREVIEWED
                ).update(
                    parent=form.cleaned_data["parent"],
                    publish=form.cleaned_data["action"] == ConfirmForm.PUBLISH,
                    status=ImportRun.Status.QUEUED,
                    progress=0,
                    updated_at=timezone.now(),
                )
                if updated:
                    tasks.start(tasks.import_articles, run)
            if updated:
                messages.success(request, _("The import has started."))
            else:
                # A second submit of the same form (the first already confirmed the run).
                messages.warning(request, _("This import has already been confirmed."))
            return redirect(run.get_absolute_url())
    elif request.method == "POST":
        messages.error(request, _("This import has already been confirmed."))
        return redirect(run.get_absolute_url())
    importable = [item for item in run.preview if not item.get("error")]
    unchanged = imported_before({item["fingerprint"] for item in importable})
    pages = {}
    if run.status == ImportRun.Status.DONE:
        ids = [o["page"] for o in run.report.get("outcomes", []) if o.get("page")]
        pages = {page.pk: page for page in Page.objects.filter(pk__in=ids)}
    outcomes = [
        {
            **outcome,
            "page_object": pages.get(outcome.get("page")),
            "status_label": OutcomeStatus.label_of(outcome.get("status")),
        }
        for outcome in run.report.get("outcomes", [])
    ]
    return TemplateResponse(
        request,
        "wagtail_newsroom/admin/import_status.html",
        {
            "run": run,
            "form": form,
            "preview": run.preview,
            "importable_count": len(importable),
            "changed_count": sum(item["fingerprint"] not in unchanged for item in importable),
            "unchanged_count": sum(item["fingerprint"] in unchanged for item in importable),
            "error_count": len(run.preview) - len(importable),
            "outcomes": outcomes,
        },
    )
