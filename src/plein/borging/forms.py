"""Forms of borging: the service profile with its hours and exceptions (formsets), an assessment
of a criterion, putting a criterion on a meeting's agenda."""

from django import forms
from django.core.validators import URLValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from plein.common.forms import DateInput, TimeInput
from plein.resources.files import ACCEPT, FORMATS, max_bytes

from . import criteria
from .choices import CriterionStatus, HoursKind, Weekday
from .models import LocationProfile
from .services import hours_overlaps


class ProfileForm(forms.ModelForm):
    class Meta:
        model = LocationProfile
        fields = [
            "scenario",
            "in_library_building",
            "paid_staff",
            "volunteers",
            "elearning_count",
            "elearning_last",
            "conversation_count",
            "conversation_last",
            "privacy_count",
            "privacy_last",
            "house_style_signage",
            "last_promotion_on",
            "last_promotion_note",
            "gids_checked_on",
        ]
        widgets = {
            "scenario": forms.RadioSelect,
            "elearning_last": DateInput(),
            "conversation_last": DateInput(),
            "privacy_last": DateInput(),
            "last_promotion_on": DateInput(),
            "gids_checked_on": DateInput(),
        }

    # Groups of fields, each shown in a fieldset with a legend.
    SECTIONS = (
        (_("How the IDO works"), ("scenario", "in_library_building")),
        (_("People"), ("paid_staff", "volunteers")),
        (
            _("Training (numbers of people, no names)"),
            (
                "elearning_count",
                "elearning_last",
                "conversation_count",
                "conversation_last",
                "privacy_count",
                "privacy_last",
            ),
        ),
        (
            _("Promotion and G!DS"),
            ("house_style_signage", "last_promotion_on", "last_promotion_note", "gids_checked_on"),
        ),
    )

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in self.SECTIONS]


class HoursForm(forms.Form):
    weekday = forms.TypedChoiceField(
        label=_("Day"), choices=[("", "—"), *Weekday.choices], coerce=int, required=False, empty_value=None
    )
    opens = forms.TimeField(label=_("Opens at"), widget=TimeInput(), required=False)
    closes = forms.TimeField(label=_("Closes at"), widget=TimeInput(), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=HoursKind.choices, initial=HoursKind.OPEN)

    def clean(self):
        cleaned = super().clean()
        weekday, opens, closes = cleaned.get("weekday"), cleaned.get("opens"), cleaned.get("closes")
        filled = [v is not None for v in (weekday, opens, closes)]
        if any(filled) and not all(filled):
            if weekday is None and "weekday" not in self.errors:
                self.add_error("weekday", _("Choose the day."))
            if opens is None and "opens" not in self.errors:
                self.add_error("opens", _("Give the start time."))
            if closes is None and "closes" not in self.errors:
                self.add_error("closes", _("Give the end time."))
        elif opens and closes and closes <= opens:
            self.add_error("closes", _("The end time must be later than the start time."))
        return cleaned

    @property
    def is_filled(self) -> bool:
        return self.cleaned_data.get("weekday") is not None


class BaseHoursFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        filled = [f for f in self.forms if f.is_filled]
        blocks = [f.cleaned_data for f in filled]
        for index in hours_overlaps(blocks):
            filled[index].add_error("opens", _("These hours overlap other hours on the same day."))

    def blocks(self) -> list[dict]:
        """The filled blocks, each with the form's own fields (weekday, opens, closes and, for the
        IDO profile, kind)."""
        return [{k: f.cleaned_data[k] for k in f.fields} for f in self.forms if f.is_filled]


HoursFormSet = forms.formset_factory(HoursForm, formset=BaseHoursFormSet, extra=2, max_num=30)


class ExceptionForm(forms.Form):
    starts_on = forms.DateField(label=_("From"), widget=DateInput(), required=False)
    ends_on = forms.DateField(label=_("Until and including"), widget=DateInput(), required=False)
    closed = forms.BooleanField(label=_("Closed"), required=False, initial=True)
    opens = forms.TimeField(label=_("Other start time"), widget=TimeInput(), required=False)
    closes = forms.TimeField(label=_("Other end time"), widget=TimeInput(), required=False)
    note = forms.CharField(
        label=_("Note"), max_length=200, required=False, help_text=_("For example: Christmas holiday.")
    )

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if not starts and not ends:
            return cleaned
        if not starts:
            self.add_error("starts_on", _("Give the first day."))
        if not ends:
            self.add_error("ends_on", _("Give the last day."))
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        if not cleaned.get("closed"):
            opens, closes = cleaned.get("opens"), cleaned.get("closes")
            if opens is None and "opens" not in self.errors:
                self.add_error("opens", _("Give the other start time, or tick closed."))
            if closes is None and "closes" not in self.errors:
                self.add_error("closes", _("Give the other end time, or tick closed."))
            if opens and closes and closes <= opens:
                self.add_error("closes", _("The end time must be later than the start time."))
        return cleaned

    @property
    def is_filled(self) -> bool:
        return bool(self.cleaned_data.get("starts_on"))


class BaseExceptionFormSet(forms.BaseFormSet):
    def items(self) -> list[dict]:
        keys = ("starts_on", "ends_on", "closed", "opens", "closes", "note")
        return [{k: f.cleaned_data.get(k) for k in keys} for f in self.forms if f.is_filled]


ExceptionFormSet = forms.formset_factory(ExceptionForm, formset=BaseExceptionFormSet, extra=1, max_num=30)


class AssessmentForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Not assessed yet")), *CriterionStatus.choices],
        widget=forms.RadioSelect,
        required=False,
    )
    amount = forms.DecimalField(
        label=_("Amount"), max_digits=12, decimal_places=2, min_value=0, required=False, localize=True
    )
    until = forms.DateField(label=_("Until"), widget=DateInput(), required=False)
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("What shows this? No personal data of visitors or colleagues."),
    )
    link = forms.CharField(
        label=_("Link to evidence"),
        max_length=500,
        required=False,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("For example the agreement in the municipality's document system. Starts with https://"),
    )
    file = forms.FileField(label=_("File as evidence"), required=False)
    remove_file = forms.BooleanField(label=_("Remove the file"), required=False)

    def __init__(self, *args, criterion: criteria.Criterion, has_file=False, proposal_label="", **kwargs):
        super().__init__(*args, **kwargs)
        self.criterion = criterion
        if criterion.value == "amount":
            self.fields["amount"].label = criterion.value_label
            del self.fields["until"]
        elif criterion.value == "until":
            self.fields["until"].label = criterion.value_label
            del self.fields["amount"]
        else:
            del self.fields["amount"], self.fields["until"]
        if proposal_label:
            self.fields["status"].help_text = _("Plein proposes: %(status)s. Choose another status to override it.") % {
                "status": proposal_label
            }
        kinds = ", ".join(sorted({f.label for f in FORMATS.values()}))
        self.fields["file"].help_text = _("%(kinds)s; at most %(limit)s.") % {
            "kinds": kinds,
            "limit": filesizeformat(max_bytes()),
        }
        self.fields["file"].widget.attrs["accept"] = ACCEPT
        if not has_file:
            del self.fields["remove_file"]


class AgendaForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("Meeting"), queryset=None, empty_label=None)

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda m: f"{m.group} — {m.title} ({m.starts_at:%d-%m-%Y})"
