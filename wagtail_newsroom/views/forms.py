from django import forms
from django.utils.translation import gettext_lazy as _

from ..conf import newsroom_settings
from ..uploads import ALLOWED_SUFFIXES, article_count


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

    def __init__(self, *args, parents, can_publish, **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.models import Page

        self.can_publish = can_publish
        self.fields["parent"].queryset = Page.objects.filter(pk__in=[p.pk for p in parents])

    def clean(self):
        cleaned = super().clean()
        parent = cleaned.get("parent")
        if cleaned.get("action") == self.PUBLISH and parent and not self.can_publish(parent):
            self.add_error(
                "action",
                _("You may not publish pages under “%(title)s”; import them as drafts.")
                % {"title": parent.title},
            )
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
