import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import selectors

MAX_YEARS = 10


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class FiguresForm(forms.Form):
    """The dashboard filter (a GET form): which scope and which period."""

    bereik = forms.ChoiceField(label=_("Figures of"))
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

    def __init__(self, *args, scope_choices: selectors.ScopeChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bereik"].choices = [(str(label), options) for label, options in scope_choices.groups]

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
                    data["period"] = selectors.Period(start, end)
        else:
            day = data.get("datum") or timezone.localdate()
            data["period"] = selectors.period_for(kind, day, today=timezone.localdate())
        return data
