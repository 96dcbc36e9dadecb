from django import forms
from django.utils.translation import gettext_lazy as _

from plein.actions.forms import ActionForm

from . import selectors
from .choices import ConnectionKind, SocietalTask, Strength, TargetGroup

NOT_IN_PORTFOLIO = _("Your library does not run this programme. Add it to the portfolio first.")


class ProgrammeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("In two or three short sentences: what is it and for whom?"),
    )
    tasks = forms.MultipleChoiceField(
        label=_("Societal tasks"),
        choices=SocietalTask.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The first one you tick gives the colour on the map."),
    )


class EntryFieldsMixin(forms.Form):
    locations = forms.ModelMultipleChoiceField(
        label=_("Locations"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"), choices=TargetGroup.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner organisations in Plein"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
    )
    other_partners = forms.CharField(
        label=_("Other partners"),
        required=False,
        max_length=300,
        help_text=_("Partners that are not in Plein yet, separated by commas."),
    )
    since = forms.IntegerField(label=_("Since (year)"), required=False, min_value=1900, max_value=2100)
    responsible = forms.ModelChoiceField(label=_("Responsible"), queryset=None, required=False)

    def setup_entry_fields(self, library):
        self.fields["locations"].queryset = selectors.location_choices(library=library)
        self.fields["partners"].queryset = selectors.partner_choices(library=library)
        self.fields["responsible"].queryset = library.users.filter(is_active=True).order_by("name")
        self.fields["responsible"].empty_label = _("Nobody yet")


class EntryCreateForm(EntryFieldsMixin):
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=None, to_field_name="uuid")
    field_order = ["programme"]

    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = selectors.programme_choices(library=library)
        self.fields["programme"].empty_label = _("Choose a programme")
        self.setup_entry_fields(library)


class EntryUpdateForm(EntryFieldsMixin):
    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_entry_fields(library)

    @classmethod
    def initial_for(cls, entry):
        return {
            "locations": list(entry.locations.all()),
            "target_groups": entry.target_groups,
            "partners": list(entry.partners.all()),
            "other_partners": entry.other_partners,
            "since": entry.since,
            "responsible": entry.responsible,
        }


class LocalProgrammeForm(ProgrammeForm, EntryFieldsMixin):
    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_entry_fields(library)


class ConnectionFieldsForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of connection"), choices=ConnectionKind.choices)
    strength = forms.ChoiceField(
        label=_("Strength now"),
        choices=Strength.choices,
        initial=Strength.NONE,
        help_text=_("None yet, now and then (ad hoc), or arranged and lasting (structural)."),
    )
    opportunities = forms.CharField(
        label=_("Opportunities"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What could this connection bring the residents and the library?"),
    )
    challenges = forms.CharField(
        label=_("Challenges"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What stands in the way, or what is difficult?"),
    )


class ConnectionForm(ConnectionFieldsForm):
    source = forms.ModelChoiceField(
        label=_("From programme"),
        queryset=None,
        to_field_name="uuid",
        error_messages={"invalid_choice": NOT_IN_PORTFOLIO},
    )
    target = forms.ModelChoiceField(
        label=_("To programme"),
        queryset=None,
        to_field_name="uuid",
        error_messages={"invalid_choice": NOT_IN_PORTFOLIO},
    )
    field_order = ["source", "target", "kind", "strength", "opportunities", "challenges"]

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("source", "target"):
            self.fields[name].queryset = entries
            self.fields[name].label_from_instance = lambda e: e.programme.name
            self.fields[name].empty_label = _("Choose a programme")


class ConnectionActionForm(ActionForm):
    pass


class SharingForm(forms.Form):
    shared = forms.BooleanField(label=_("Share with my theme groups"), required=False)
