import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from . import periods, selectors
from .choices import CategoryKind

MAX_YEARS = 10


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ScopeField(forms.ChoiceField):
    """The scope list: it may show only part of the scopes (see ScopeChoices.picker_groups),
    but accepts every scope the user may see."""

    scopes: dict = {}

    def valid_value(self, value):
        return value in self.scopes


class FiguresForm(forms.Form):
    """The dashboard filter (a GET form): which scope and which period. With many scopes the
    list holds only those around the chosen one, and a search field finds the others."""

    bereik = ScopeField(label=_("Figures of"))
    zoek = forms.CharField(
        label=_("Or search by name"),
        required=False,
        max_length=100,
        help_text=_("A municipality, library or branch: type (part of) its name."),
    )
    periode = forms.ChoiceField(
        label=_("Period"),
        choices=[
            ("week", _("Week")),
            ("maand", _("Month")),
            ("kwartaal", _("Quarter")),
            ("jaar", _("Year")),
            ("anders", _("Other period (from – to)")),
        ],
        initial="maand",
    )
    datum = forms.DateField(
        label=_("Date in the period"),
        required=False,
        widget=DateInput(),
        help_text=_("For a week, month, quarter or year: any day in it. Empty: today."),
    )
    van = forms.DateField(
        label=_("From"), required=False, widget=DateInput(), help_text=_("Only for “Other period”: the first day.")
    )
    tot = forms.DateField(
        label=_("Until"), required=False, widget=DateInput(), help_text=_("Only for “Other period”: the last day.")
    )

    PERIOD_FIELDS = ("periode", "datum", "van", "tot")

    def __init__(self, *args, scope_choices: selectors.ScopeChoices, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["bereik"]
        field.choices = [(str(label), options) for label, options in scope_choices.picker_groups(current)]
        field.scopes = scope_choices.scopes
        if not scope_choices.searchable:
            del self.fields["zoek"]
        # No period chosen: the last full month (not the first day or two of this one), shown
        # in the fields as if chosen, and said on the page (`default_period`).
        self.default_period = self.is_bound and not any(self.data.get(name) for name in self.PERIOD_FIELDS)
        if self.default_period:
            self.data = self.data.copy()
            self.data["periode"] = "maand"
            self.data["datum"] = periods.last_full_month(timezone.localdate()).start.isoformat()

    def _plausible(self, name):
        value = self.cleaned_data.get(name)
        latest = timezone.localdate() + datetime.timedelta(days=366)
        if value is not None and not (datetime.date(2000, 1, 1) <= value <= latest):
            raise forms.ValidationError(
                _("Choose a date between 1 January 2000 and %(latest)s.") % {"latest": latest.strftime("%d-%m-%Y")}
            )
        return value

    def clean_datum(self):
        return self._plausible("datum")

    def clean_van(self):
        return self._plausible("van")

    def clean_tot(self):
        return self._plausible("tot")

    def clean(self):
        data = super().clean()
        if "periode" in self.errors or "datum" in self.errors:
            return data
        kind = data.get("periode") or "maand"
        if kind == "anders":
            start, end = data.get("van"), data.get("tot")
            if start is None and "van" not in self.errors:
                self.add_error("van", _("Fill in the first day of the period."))
            if end is None and "tot" not in self.errors:
                self.add_error("tot", _("Fill in the last day of the period."))
            if start and end:
                if end < start:
                    self.add_error("tot", _("The last day is before the first day. Swap them or choose another day."))
                elif end - start > datetime.timedelta(days=366 * MAX_YEARS):
                    self.add_error("tot", _("Choose a period of at most ten years."))
                else:
                    data["period"] = periods.cut_off(periods.Period(start, end), today=timezone.localdate())
        else:
            day = data.get("datum") or timezone.localdate()
            data["period"] = periods.period_for(kind, day, today=timezone.localdate())
        return data


# --- the desk -----------------------------------------------------------------------------


class CategoryField(forms.ChoiceField):
    """Big radio buttons for the options of one kind (loaded once per page); cleans to the
    Category itself."""

    widget = forms.RadioSelect

    def __init__(self, categories, *, required=True, empty_label=None, **kwargs):
        self.by_pk = {str(c.pk): c for c in categories}
        choices = [(str(c.pk), c.label) for c in categories]
        if not required:
            choices = [("", empty_label or _("None"))] + choices
        error_messages = kwargs.pop("error_messages", {})
        error_messages.setdefault("invalid_choice", _("Choose one of the options."))
        super().__init__(choices=choices, required=required, error_messages=error_messages, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return self.by_pk.get(value) if value else None


class BranchForm(forms.Form):
    vestiging = forms.ChoiceField(
        label=_("IDO branch where you work"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the branch where you work.")},
    )

    def __init__(self, *args, locations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vestiging"].choices = [(str(loc.uuid), loc.name) for loc in locations]


class VisitForm(forms.Form):
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"] = CategoryField(
            categories.get(CategoryKind.CHANNEL, []),
            label=_("How did the visitor come?"),
            error_messages={"required": _("Choose how the visitor came.")},
        )
        self.fields["duration"] = CategoryField(
            categories.get(CategoryKind.DURATION, []),
            label=_("How long did the help take?"),
            error_messages={"required": _("Choose how long the help took.")},
        )
        self.order_fields(["channel", "duration", "idempotency_key"])


QUESTION_FIELD_TEXT = {
    # field: (kind, label, required message or None for optional)
    "domain": (CategoryKind.DOMAIN, _("Domain"), _("Choose the domain.")),
    "topic": (CategoryKind.TOPIC, _("Topic of the question"), _("Choose the topic.")),
    "help": (CategoryKind.HELP, _("Help given"), _("Choose the help you gave.")),
    "organisation": (CategoryKind.ORGANISATION, _("Organisation"), None),
    "digid_follow_up": (CategoryKind.DIGID_FOLLOW_UP, _("DigiD follow-up"), None),
    "referral": (CategoryKind.REFERRAL, _("Referred to"), None),
}


class OfferField(forms.ChoiceField):
    """A list of the library's published offers (built once per page: `selectors.referral_offers`);
    cleans to the Offer itself. Another value (an offer of another library, a draft) is refused."""

    def __init__(self, offers, **kwargs):
        self.by_pk = {str(offer.pk): offer for offer, _label in offers}
        choices = [("", _("No offer"))] + [(str(offer.pk), label) for offer, label in offers]
        super().__init__(
            choices=choices,
            required=False,
            error_messages={"invalid_choice": _("Choose a published offer of your own library.")},
            **kwargs,
        )

    def clean(self, value):
        value = super().clean(value)
        return self.by_pk.get(value) if value else None


class QuestionForm(forms.Form):
    def __init__(self, *args, categories, offers=(), **kwargs):
        super().__init__(*args, **kwargs)
        for name, (kind, label, required_message) in QUESTION_FIELD_TEXT.items():
            if required_message:
                self.fields[name] = CategoryField(
                    categories.get(kind, []), label=label, error_messages={"required": required_message}
                )
            else:
                self.fields[name] = CategoryField(
                    categories.get(kind, []), label=label, required=False, empty_label=_("Not applicable")
                )
        if offers:
            # Next to the kind of referral: the offer of the library itself, if the resident goes to one.
            self.fields["offer"] = OfferField(
                offers,
                label=_("Referred to an offer of the library"),
                help_text=_("For example a course or walk-in hour. Only the number of referrals is counted."),
            )


# At most this many questions in one visit, the same as the API (plein.api.schemas.VisitIn).
MAX_QUESTIONS = 20


class BaseQuestionFormSet(forms.BaseFormSet):
    default_error_messages = {
        "too_many_forms": ngettext_lazy(
            "You can register at most %(num)d question per visit. Register the rest as a new visit.",
            "You can register at most %(num)d questions per visit. Register the rest as a new visit.",
            "num",
        ),
    }


# validate_max and absolute_max: a posted form with more blocks is refused as a whole, and
# no more than MAX_QUESTIONS forms are even built from it.
QuestionFormSet = forms.formset_factory(
    QuestionForm,
    formset=BaseQuestionFormSet,
    extra=0,
    min_num=1,
    validate_min=True,
    max_num=MAX_QUESTIONS,
    validate_max=True,
    absolute_max=MAX_QUESTIONS,
)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "A CSV or Excel file with the columns of the export (datum, vestiging, bezoek, kanaal, duur, "
            "domein, onderwerp, hulp, and optionally bibliotheek, organisatie, digid_vervolg, doorverwijzing)."
        ),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if not uploaded.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Choose a .csv or .xlsx file."))
        if uploaded.size > 50 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 50 MB. Split it up."))
        return uploaded
