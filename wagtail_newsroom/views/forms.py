from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ..conf import newsroom_settings
from ..importer.build import find_people_index
from ..importer.result import ArticleImportError
from ..uploads import ALLOWED_SUFFIXES, article_count
from .choosers import person_chooser_viewset


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else single(data, initial)


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Files"),
        help_text=_(
            "One or more legacy articles as .txt or .html files, or .zip archives of them "
            "(images beside the articles are imported too)."
        ),
        widget=MultipleFileInput(attrs={"accept": ",".join(ALLOWED_SUFFIXES)}),
        error_messages={"required": _("Choose at least one file to import.")},
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        errors, count = [], 0
        total = sum(upload.size for upload in files)
        total_limit = newsroom_settings.IMPORT_MAX_TOTAL_SIZE
        if total > total_limit:
            raise forms.ValidationError(
                _("These files come to %(size)s together; the limit for one upload is %(limit)s.")
                % {"size": filesizeformat(total), "limit": filesizeformat(total_limit)},
                code="total-size",
            )
        for upload in files:
            try:
                count += article_count([upload])
            except forms.ValidationError as error:
                errors.extend(error.messages)
        if not errors and count > newsroom_settings.IMPORT_MAX_FILES:
            errors.append(
                _("That is %(count)d articles; at most %(limit)d can be imported at once.")
                % {"count": count, "limit": newsroom_settings.IMPORT_MAX_FILES}
            )
        if errors:
            raise forms.ValidationError(errors)
        return files


class ParentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, page):
        ancestors = [p.title for p in page.get_ancestors()[1:]]
        return " › ".join([*ancestors, page.title])


class ConfirmForm(forms.Form):
    DRAFT, PUBLISH = "draft", "publish"

    parent = ParentChoiceField(
        label=_("Import into"),
        queryset=None,
        empty_label=None,
        help_text=_("The news index the articles are added to."),
    )
    action = forms.ChoiceField(
        label=_("Import as"),
        choices=[(DRAFT, _("Drafts, for editors to review")), (PUBLISH, _("Published pages"))],
        initial=DRAFT,
        widget=forms.RadioSelect,
        help_text=_("Profiles created for new people in the bylines and quotes follow suit."),
    )

    def __init__(self, *args, parents, user, **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.models import Page

        self.user = user
        self.fields["parent"].queryset = Page.objects.filter(pk__in=[p.pk for p in parents])

    def clean(self):
        cleaned = super().clean()
        parent = cleaned.get("parent")
        if parent is None:
            return cleaned
        # The importer adds profiles for new people to this index (see find_people_index).
        try:
            people_index = find_people_index(parent)
        except ArticleImportError:
            self.add_error(
                "parent",
                _("There is no people index page to add profiles to; create one first."),
            )
            return cleaned
        if not people_index.permissions_for_user(self.user).can_add_subpage():
            self.add_error(
                "parent",
                _(
                    "You may not add profiles under “%(title)s”, where this import creates the "
                    "people in its bylines and quotes; ask an administrator for permission."
                )
                % {"title": people_index.title},
            )
        if cleaned.get("action") == self.PUBLISH:
            for page, message in (
                (parent, _("You may not publish pages under “%(title)s”; import them as drafts.")),
                (
                    people_index,
                    _(
                        "You may not publish profiles under “%(title)s”, which this import "
                        "would publish with the articles; import them as drafts."
                    ),
                ),
            ):
                if not page.permissions_for_user(self.user).can_publish_subpage():
                    self.add_error("action", message % {"title": page.title})
        return cleaned


class MergeForm(forms.Form):
    duplicate = forms.ModelChoiceField(
        label=_("Duplicate to merge into this profile"),
        queryset=None,
        help_text=_(
            "Its bylines and quotes move to this profile, its page is deleted and its address "
            "redirects here."
        ),
        error_messages={"invalid_choice": _("Choose one of the other profiles.")},
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duplicate"].queryset = queryset
        # Searching every profile rather than scrolling a list of them all.
        self.fields["duplicate"].widget = person_chooser_viewset.widget_class()
