"""The newsroom's admin: sections, people (listing, chooser), the import view, the dashboard."""

from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .forms import namesake_error
from .models import Section
from .models.people import namesake_clash
from .views import imports, people
from .views.choosers import SectionChooserViewSet, person_chooser_viewset
from .views.search import PlainListingSearchMixin


class SectionIndexView(PlainListingSearchMixin, IndexView):
    pass


class SectionViewSet(SnippetViewSet):
    model = Section
    chooser_viewset_class = SectionChooserViewSet
    icon = "folder-open-inverse"
    menu_label = _("Sections")
    menu_name = "newsroom_sections"
    menu_order = 290
    add_to_admin_menu = True
    index_view_class = SectionIndexView
    list_display = ["name", "slug"]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return imports.can_import(request.user)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [SectionViewSet(), person_chooser_viewset, people.PeopleViewSet()]


@hooks.register("register_admin_urls")
def register_admin_urls():
    import_urls = [
        path("", imports.upload, name="upload"),
        path("<int:pk>/", imports.status, name="status"),
    ]
    return [
        path(
            "newsroom/import/",
            include((import_urls, "wagtail_newsroom_import"), namespace="wagtail_newsroom_import"),
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import articles"),
        reverse("wagtail_newsroom_import:upload"),
        name="newsroom-import",
        icon_name="upload",
        order=295,
    )


@hooks.register("register_page_listing_more_buttons")
def people_listing_buttons(page, user, next_url=None):
    if (button := people.merge_button(page, user)) is not None:
        yield button


@hooks.register("insert_editor_js")
def editor_js():
    # The summary URL with a placeholder id the script swaps for the chosen person's.
    summary_url = reverse("wagtail_newsroom_people:summary", args=[0])
    return format_html(
        '<script src="{}" data-person-summary-url="{}" data-pick-label="{}" '
        'data-choose-label="{}" data-none-label="{}" defer></script>',
        static("wagtail_newsroom/js/quote-blocks.js"),
        summary_url,
        _("Pick from a quote in this article"),
        _("— choose a quote —"),
        _("— no quotes in this article yet —"),
    )


class ImportsPanel(Component):
    name = "newsroom_imports"
    order = 150
    template_name = "wagtail_newsroom/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        runs = list(imports.visible_runs(self.request.user)[:5])
        warned = []
        for run in runs:
            for outcome in run.outcomes_with_warnings:
                warned.append({"run": run, **outcome})
        return {"runs": runs, "warned": warned[:10]}


@hooks.register("construct_homepage_panels")
def add_imports_panel(request, panels):
    if imports.can_import(request.user):
        panels.append(ImportsPanel(request))


@hooks.register("before_move_page")
def refuse_moving_a_profile_beside_its_namesake(request, page, destination):
    if (person := namesake_clash([page], destination)) is not None:
        messages.error(request, namesake_error(person.title))
        return redirect("wagtailadmin_pages:move", page.pk)
    return None


@hooks.register("before_bulk_action")
def refuse_moving_profiles_beside_their_namesakes(request, action_type, objects, action):
    if action_type != "move" or action.model is not Page:
        return None
    destination = action.cleaned_form.cleaned_data["chooser"]
    if (person := namesake_clash(objects, destination)) is not None:
        messages.error(request, namesake_error(person.title))
        return redirect(action.next_url)
    return None
