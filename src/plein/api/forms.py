from django import forms
from django.utils.translation import gettext_lazy as _


class ApiTokenForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Library"),
        queryset=None,
        empty_label=_("Choose a library"),
        error_messages={"required": _("Choose the library this key is for.")},
    )
    name = forms.CharField(
        label=_("Used by"),
        max_length=100,
        help_text=_("Which system uses this key, for example “registration app of the Central Library”."),
        error_messages={"required": _("Fill in which system uses this key.")},
    )

    def __init__(self, *args, organisations, choose_organisation: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if choose_organisation:
            self.fields["organisation"].queryset = organisations
        else:
            del self.fields["organisation"]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Fill in which system uses this key."))
        return name
