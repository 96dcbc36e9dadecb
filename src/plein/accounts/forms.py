from allauth.account import forms as allauth_forms
from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from plein.organisations.models import Organisation
from plein.organisations.selectors import organisations_managed_by

from .choices import Role, grantable_roles

User = get_user_model()


class InvitationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), help_text=_("The invitation is sent to this address."))
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name"), empty_label=_("Choose an organisation")
    )
    role = forms.ChoiceField(label=_("Role"), widget=forms.RadioSelect)

    def __init__(self, *args, acting_user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.value, r.label) for r in grantable_roles(acting_user)]
        self.fields["organisation"].required = not acting_user.has_perm("accounts.grant_any_role")
        self.fields["organisation"].queryset = organisations_managed_by(acting_user).order_by("name")

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("There is already an account with this e-mail address."))
        return email


class AcceptInvitationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    password1 = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters. Not only digits, and not a well-known password."),
    )
    password2 = forms.CharField(
        label=_("Type the password again"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def clean_password1(self):
        password = self.cleaned_data["password1"]
        probe = User(email=self.invitation.email, name=self.data.get("name", ""))
        password_validation.validate_password(password, probe)
        return password

    def clean(self):
        cleaned = super().clean()
        # Compare what was typed, also when the first password was refused, so both
        # problems show at once.
        first, second = self.data.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        return cleaned


class UserForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["name", "organisation", "role", "is_active"]
        widgets = {"role": forms.RadioSelect}
        help_texts = {"is_active": _("Someone who is switched off cannot log in. Their history stays.")}

    def __init__(self, *args, acting_user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.value, r.label) for r in grantable_roles(acting_user)]
        self.fields["organisation"].queryset = organisations_managed_by(acting_user).order_by("name")

    def _post_clean(self):
        # Role and organisation are checked together by the service; skip model validation
        # here so the check constraint does not report before the clearer service message.
        pass


class ProfileForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)


class UserFilterForm(forms.Form):
    search = forms.CharField(label=_("Name or e-mail contains"), required=False)
    role = forms.ChoiceField(label=_("Role"), required=False, choices=[("", _("All roles")), *Role.choices])


class LoginForm(allauth_forms.LoginForm):
    """allauth's login form without the reset link under the password label: that link sat
    between the two fields in the Tab order. The login page shows it after the button."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""
