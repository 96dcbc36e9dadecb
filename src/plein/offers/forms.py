"""Forms for managing the offer: the offer itself (every field, themes, what to bring and the
facilities as groups of checkboxes), its weekly hours and closed periods (formsets), a dated
session, publishing (the review date) and making an offer from a programme."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plein.borging import forms as borging_forms
from plein.common.forms import DateInput, TimeInput

from .choices import Bring, Facility, Theme
from .models import Offer
from .schedule import AMSTERDAM


class OfferForm(forms.ModelForm):
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        choices=Theme.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Residents find the offer by these themes. Choose at least one before publishing."),
    )
    bring = forms.MultipleChoiceField(
        label=_("What to bring"), choices=Bring.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    facilities = forms.MultipleChoiceField(
        label=_("Facilities"), choices=Facility.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    slug = forms.CharField(
        label=_("Web address"),
        max_length=110,
        required=False,
        help_text=_("The readable part of the public page's address. Leave empty to make it from the title."),
    )

    signup_url = forms.URLField(
        label=Offer._meta.get_field("signup_url").verbose_name, required=False, assume_scheme="https"
    )

    class Meta:
        model = Offer
        fields = [
            "title",
            "summary",
            "covered",
            "not_covered",
            "kind",
            "need",
            "helper",
            "target_group",
            "location",
            "schedule",
            "access",
            "signup_phone",
            "signup_email",
            "signup_url",
            "bring_other",
            "free",
            "cost",
            "languages",
            "provider_name",
            "partner",
            "programme",
            "review_on",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "covered": forms.Textarea(attrs={"rows": 4}),
            "not_covered": forms.Textarea(attrs={"rows": 3}),
            "kind": forms.RadioSelect,
            "need": forms.RadioSelect,
            "helper": forms.RadioSelect,
            "schedule": forms.RadioSelect,
            "access": forms.RadioSelect,
            "review_on": DateInput(),
        }

    SECTIONS = (
        (_("What"), ("title", "summary", "covered", "not_covered", "kind", "need", "themes")),
        (_("For whom and who helps"), ("target_group", "helper", "languages", "provider_name", "partner")),
        (_("Where and when"), ("location", "schedule")),
        (_("How to come"), ("access", "signup_phone", "signup_email", "signup_url")),
        (_("What to bring, facilities and cost"), ("bring", "bring_other", "facilities", "free", "cost")),
        (_("In Plein"), ("programme", "slug", "review_on")),
    )

    def __init__(self, *args, library, branches, partners, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.library = library
        self.fields["location"].queryset = branches
        self.fields["location"].empty_label = None
        self.fields["partner"].queryset = partners
        self.fields["partner"].empty_label = _("No partner")
        self.fields["partner"].help_text = _("A partner of your Ontwikkelplein routes (the guide), if it offers this.")
        self.fields["programme"].queryset = programmes
        self.fields["programme"].empty_label = _("No programme")
        self.fields["programme"].help_text = _("Optional: the programme of your EMB portfolio this offer belongs to.")
        if self.instance.pk:
            self.initial.setdefault("themes", [t.theme for t in self.instance.themes.all()])
            self.initial.setdefault("bring", list(self.instance.bring))
            self.initial.setdefault("facilities", list(self.instance.facilities))
            self.initial.setdefault("slug", self.instance.slug)

    def _post_clean(self):
        # The model's own checks (sign-up, cost, branch) run in the service, with the themes;
        # here only the fields, so the message comes once, next to the field.
        pass

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in self.SECTIONS]

    def service_data(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        data.update(
            themes=self.cleaned_data["themes"],
            bring=self.cleaned_data["bring"],
            facilities=self.cleaned_data["facilities"],
            slug=self.cleaned_data.get("slug", ""),
        )
        return data


class HoursForm(borging_forms.HoursForm):
    """A weekly block of an offer: the IDO profile's block (same checks) without its kind."""

    kind = None
    opens = forms.TimeField(label=_("From"), widget=TimeInput(), required=False)
    closes = forms.TimeField(label=_("Until"), widget=TimeInput(), required=False)


HoursFormSet = forms.formset_factory(HoursForm, formset=borging_forms.BaseHoursFormSet, extra=2, max_num=40)


class ClosureForm(forms.Form):
    starts_on = forms.DateField(label=_("From"), widget=DateInput(), required=False)
    ends_on = forms.DateField(label=_("Until and including"), widget=DateInput(), required=False)
    note = forms.CharField(
        label=_("Note"), max_length=200, required=False, help_text=_("For example: Christmas holiday.")
    )

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if not starts and not ends:
            return cleaned
        if not starts and "starts_on" not in self.errors:
            self.add_error("starts_on", _("Give the first day."))
        if not ends and "ends_on" not in self.errors:
            self.add_error("ends_on", _("Give the last day."))
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        return cleaned

    @property
    def is_filled(self) -> bool:
        return bool(self.cleaned_data.get("starts_on"))


class BaseClosureFormSet(forms.BaseFormSet):
    def items(self) -> list[dict]:
        return [{k: f.cleaned_data.get(k) for k in ("starts_on", "ends_on", "note")} for f in self.forms if f.is_filled]


ClosureFormSet = forms.formset_factory(ClosureForm, formset=BaseClosureFormSet, extra=1, max_num=40)


class SessionForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=DateInput())
    starts = forms.TimeField(label=_("From"), widget=TimeInput())
    ends = forms.TimeField(label=_("Until"), widget=TimeInput())
    note = forms.CharField(label=_("Note"), max_length=200, required=False, help_text=_("For example: lesson 1 of 4."))

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts"), cleaned.get("ends")
        if starts and ends and ends <= starts:
            self.add_error("ends", _("The end time must be later than the start time."))
        return cleaned

    @staticmethod
    def initial_for(session) -> dict:
        starts, ends = session.starts_at.astimezone(AMSTERDAM), session.ends_at.astimezone(AMSTERDAM)
        return {"day": starts.date(), "starts": starts.time(), "ends": ends.time(), "note": session.note}

    def moments(self) -> tuple[datetime.datetime, datetime.datetime]:
        day = self.cleaned_data["day"]
        return (
            datetime.datetime.combine(day, self.cleaned_data["starts"], tzinfo=AMSTERDAM),
            datetime.datetime.combine(day, self.cleaned_data["ends"], tzinfo=AMSTERDAM),
        )


class PublishForm(forms.Form):
    review_on = forms.DateField(
        label=_("Check again on"),
        widget=DateInput(),
        required=False,
        help_text=_("After this date Plein asks you to check the offer. Empty: six months from today."),
    )

    def clean_review_on(self):
        value = self.cleaned_data.get("review_on")
        if value is not None and value <= timezone.localdate():
            raise forms.ValidationError(_("Choose a date in the future."))
        return value


class BranchForm(forms.Form):
    location = forms.ModelChoiceField(label=_("Branch"), queryset=None, empty_label=None)

    def __init__(self, *args, branches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = branches
