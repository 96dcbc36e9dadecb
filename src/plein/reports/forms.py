"""Forms of the borging report: a new report, the texts and money, a share link."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plein.common.forms import DateInput

from .models import MONEY_FIELDS, TEXT_FIELDS, Report


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
            field = self.fields[name]
            field.localize = True
            field.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
            field.widget.is_localized = True


class ShareLinkForm(forms.Form):
    expires_on = forms.DateField(label=_("Valid until and including"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expires_on"].initial = timezone.localdate() + datetime.timedelta(days=30)
