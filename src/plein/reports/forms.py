"""Forms of the borging report: a new report, the texts and money, a share link."""

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plein.common.forms import DateInput

from .models import MONEY_FIELDS, TEXT_FIELDS, Report


def euro_text(value):
    """Dutch amounts as people type them: "25.000,50", "€ 1250", "1250.5" -> "25000.50" etc."""
    if not isinstance(value, str):
        return value
    text = value.replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
    if "," in text:
        return text.replace(".", "").replace(",", ".")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):  # 25.000: thousands, not decimals
        return text.replace(".", "")
    return text


class EuroField(forms.DecimalField):
    def to_python(self, value):
        return super().to_python(euro_text(value))


class ReportCreateForm(forms.Form):
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=None, empty_label=None)
    year = forms.IntegerField(label=_("Year"), min_value=2019, max_value=2100)

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.fields["municipality"].help_text = _(
            "A library that works for several municipalities writes one report per municipality."
        )
        self.fields["year"].initial = timezone.localdate().year - 1


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = [*TEXT_FIELDS, *MONEY_FIELDS]
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in TEXT_FIELDS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in MONEY_FIELDS:
            # Dutch amounts ("1.250,50"): a text box that reads the decimal comma.
            old = self.fields[name]
            self.fields[name] = EuroField(
                label=old.label,
                help_text=old.help_text,
                required=False,
                min_value=0,
                max_digits=11,
                decimal_places=2,
                localize=True,
                widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            )


class ShareLinkForm(forms.Form):
    expires_on = forms.DateField(label=_("Valid until and including"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expires_on"].initial = timezone.localdate() + datetime.timedelta(days=30)
