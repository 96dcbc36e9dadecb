from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import OrganisationType, Province
from .models import Location, Municipality, Organisation


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(
        label=_("Website"), required=False, assume_scheme="https", help_text=_("Start with https://")
    )

    class Meta:
        model = Organisation
        fields = ["name", "type", "province", "website", "municipalities"]
        widgets = {"municipalities": forms.SelectMultiple(attrs={"size": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = Municipality.objects.order_by("name")
        self.fields["municipalities"].help_text = _(
            "For a library: the municipalities it works for. Hold Ctrl (or Cmd) to choose more than one."
        )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        taken = Organisation.objects.filter(name__iexact=name)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("There is already an organisation with this name."))
        return name

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("type") in {OrganisationType.LIBRARY, OrganisationType.POI} and not cleaned.get("province"):
            self.add_error("province", _("Choose the province where this organisation works."))
        return cleaned


class OrganisationFilterForm(forms.Form):
    search = forms.CharField(label=_("Name contains"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False, choices=[("", _("All types")), *OrganisationType.choices])
    province = forms.ChoiceField(
        label=_("Province"), required=False, choices=[("", _("All provinces")), *Province.choices]
    )


class LocationForm(forms.ModelForm):
    class Meta:
        model = Location
        fields = ["name", "street", "postcode", "city", "municipality", "has_ido"]
        help_texts = {"postcode": _("For example 3311 AB.")}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["municipality"].queryset = Municipality.objects.order_by("name")
        self.fields["municipality"].empty_label = _("Choose a municipality")

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        taken = Location.objects.filter(organisation=self.organisation, name__iexact=name)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("This organisation already has a branch with this name."))
        return name

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].replace(" ", "").upper()
        if not postcode:
            return ""
        if len(postcode) != 6 or not postcode[:4].isdigit() or not postcode[4:].isalpha() or postcode[0] == "0":
            raise forms.ValidationError(_("Enter a Dutch postcode: four digits and two letters, like 3311 AB."))
        return f"{postcode[:4]} {postcode[4:]}"

    def _post_clean(self):
        self.instance.organisation = self.organisation
        super()._post_clean()


class MunicipalityForm(forms.ModelForm):
    class Meta:
        model = Municipality
        fields = ["name", "province", "cbs_code"]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if Municipality.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(_("There is already a municipality with this name."))
        return name

    def clean_cbs_code(self):
        code = self.cleaned_data["cbs_code"].strip().upper()
        if code and (len(code) != 6 or not code.startswith("GM") or not code[2:].isdigit()):
            raise forms.ValidationError(_("A CBS code looks like GM0505: the letters GM and four digits."))
        return code
