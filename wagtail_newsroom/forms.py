"""Admin forms for newsroom pages."""

from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.panels import InlinePanel

BYLINE_REQUIRED = _(
    "Byline: add at least one person (People tab). Choose a profile or add a new person."
)
BYLINE_PERSON_REQUIRED = _("Choose a person for this byline, or delete the line.")


def namesake_error(name):
    return _(
        "There is already a profile of “%(name)s” here. Open it instead, or tell the two "
        "apart in the name (a middle initial, a place)."
    ) % {"name": name}


class BylineFormSet(BaseChildFormSet):
    """A byline row with neither a person nor a credit is no byline: the empty row a new
    article starts with does not stop a draft saving, and publishing still asks for one."""

    def _should_delete_form(self, form):
        blank = form.instance.pk is None and not (form["person"].value() or form["credit"].value())
        return blank or super()._should_delete_form(form)


class BylinePanel(InlinePanel):
    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = BylineFormSet
        return options


class ArticlePageForm(WagtailAdminPageForm):
    """The article edit form: a byline is required, and saying so names the field and tab."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bylines = self.formsets.get("article_bylines")
        if bylines is not None:
            bylines.error_messages["too_few_forms"] = BYLINE_REQUIRED
            for form in bylines.forms:
                if "person" in form.fields:
                    form.fields["person"].error_messages["required"] = BYLINE_PERSON_REQUIRED

    def clean(self):
        cleaned = super().clean()
        bylines = self.formsets.get("article_bylines")
        refused = bylines is not None and bylines.is_bound and not bylines.is_valid()
        if refused and BYLINE_REQUIRED in bylines.non_form_errors():
            # Also at the top of the form, where the editor looks after a failed save.
            self.add_error(None, BYLINE_REQUIRED)
        return cleaned


class PersonPageForm(WagtailAdminPageForm):
    """The profile edit form: a second profile of one name in one index is refused here, with
    a message, before the database would refuse it."""

    def clean(self):
        cleaned = super().clean()
        title = cleaned.get("title")
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        if title and parent is not None:
            self.instance.title = title
            if self.instance.namesakes(parent).exists():
                self.add_error("title", namesake_error(title))
        return cleaned


class PersonCopyForm(CopyForm):
    """Copying a profile: a copy beside a profile of the same name is refused here, as the
    edit form refuses it, before the database would refuse it."""

    def clean(self):
        cleaned = super().clean()
        title, parent = cleaned.get("new_title"), cleaned.get("new_parent_page")
        if title and parent is not None:
            copy = type(self.page.specific)(title=title)
            if copy.namesakes(parent).exists():
                self.add_error("new_title", namesake_error(title))
        return cleaned
