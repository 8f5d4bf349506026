"""Choosers for people (bylines), which can create a profile without leaving the edit form,
and for sections."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.chooser import (
    ChooseResultsView,
    ChooseView,
    ChosenMultipleView,
    ChosenView,
    CreateView,
)
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.coreutils import find_available_slug
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.chooser import SnippetChooserViewSet

from ..forms import namesake_error
from ..importer.build import slug_for
from ..models import PersonIndexPage, PersonPage
from .search import PlainChooserSearchMixin


def people_index_for(user):
    """The first people index ``user`` may add profiles to, or None."""
    for index in PersonIndexPage.objects.order_by("path"):
        if index.permissions_for_user(user).can_add_subpage():
            return index
    return None


def visible_people(user):
    """The profiles ``user`` may see named: a draft's name is for those who may edit it, not
    for every admin user."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return PersonPage.objects.filter(Q(live=True) | Q(pk__in=editable.values("pk")))


class PersonCreationForm(forms.ModelForm):
    class Meta:
        model = PersonPage
        fields = ["title", "job_title"]
        labels = {"title": _("Name")}
        help_texts = {
            "title": _("The person's full name, as it appears in bylines."),
            "job_title": _('Their role, e.g. "China affairs commentator" or "Reporter".'),
        }

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_title(self):
        title = self.cleaned_data["title"]
        index = people_index_for(self.user)
        self.instance.title = title
        if index is not None and self.instance.namesakes(index).exists():
            raise forms.ValidationError(namesake_error(title))
        return title

    def save(self, commit=True):
        index = people_index_for(self.user)
        person = self.instance
        # Page.live defaults to True: the profile starts as a draft and is only published
        # (below) when the user may publish under the people index.
        person.live = False
        person.slug = find_available_slug(index, slug_for(person.title, "person"))
        index.add_child(instance=person)
        revision = person.save_revision(user=self.user, log_action=True)
        if index.permissions_for_user(self.user).can_publish_subpage():
            revision.publish(user=self.user)
        return person


class PersonCreationMixin:
    def can_create(self):
        return people_index_for(self.request.user) is not None

    def get_creation_form_kwargs(self):
        return {**super().get_creation_form_kwargs(), "user": self.request.user}

    def get_object_list(self):
        return visible_people(self.request.user).order_by("title", "pk")


class PersonChooseView(PlainChooserSearchMixin, PersonCreationMixin, ChooseView):
    pass


class PersonChooseResultsView(PlainChooserSearchMixin, PersonCreationMixin, ChooseResultsView):
    pass


class PersonCreateView(PersonCreationMixin, CreateView):
    pass


class PersonChosenView(ChosenView):
    def get_object(self, pk):
        return visible_people(self.request.user).get(pk=pk)


class PersonChosenMultipleView(ChosenMultipleView):
    def get_objects(self, pks):
        return visible_people(self.request.user).filter(pk__in=pks)


class PersonChooserViewSet(ChooserViewSet):
    model = PersonPage
    icon = "user"
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    edit_item_text = _("Edit this person")
    create_action_label = _("Add a new person")
    creation_form_class = PersonCreationForm
    choose_view_class = PersonChooseView
    choose_results_view_class = PersonChooseResultsView
    create_view_class = PersonCreateView
    chosen_view_class = PersonChosenView
    chosen_multiple_view_class = PersonChosenMultipleView
    url_filter_parameters = []


person_chooser_viewset = PersonChooserViewSet("wagtail_newsroom_person_chooser")


class SectionChooseView(PlainChooserSearchMixin, snippet_chooser.ChooseView):
    pass


class SectionChooseResultsView(PlainChooserSearchMixin, snippet_chooser.ChooseResultsView):
    pass


class SectionChooserViewSet(SnippetChooserViewSet):
    # Wagtail adds the chooser's "create" view whatever the form; without one it fails.
    form_fields = ["name", "slug"]
    create_action_label = _("Add a section")
    choose_view_class = SectionChooseView
    choose_results_view_class = SectionChooseResultsView
