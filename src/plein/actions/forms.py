from django import forms
from django.utils.translation import gettext_lazy as _

from plein.access import selectors as access
from plein.access.purposes import Purpose
from plein.common.forms import DateInput

from . import selectors
from .choices import ActionStatus
from .models import Action


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = ["title", "description", "owner", "due_date"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "due_date": DateInput()}
        help_texts = {
            "title": _("Short and concrete, for example: Hang up a poster about the IDO at the entrance."),
            "due_date": _("The date by which the action should be done."),
        }

    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        self.library = library
        self.fields["owner"].queryset = selectors.owner_choices(library=library)
        self.fields["owner"].empty_label = _("Nobody yet")
        self.fields["owner"].help_text = _("Who makes sure it happens: someone who works at this library.")

    def _post_clean(self):
        self.instance.library = self.library
        super()._post_clean()


class OverviewFilterForm(forms.Form):
    group = forms.ModelChoiceField(
        label=_("Theme group"), queryset=None, required=False, empty_label=_("All theme groups"), to_field_name="uuid"
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *ActionStatus.choices]
    )
    library = forms.ModelChoiceField(
        label=_("Library"), queryset=None, required=False, empty_label=_("All libraries"), to_field_name="uuid"
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = selectors.overview_groups(user=user)
        self.fields["group"].label_from_instance = lambda g: f"{g.name} ({g.programme_year.year})"
        self.fields["library"].queryset = access.libraries_visible_to(user, Purpose.PLAN).order_by("name")
