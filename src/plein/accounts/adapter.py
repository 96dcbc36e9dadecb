from allauth.account.adapter import DefaultAccountAdapter
from django.utils.translation import gettext_lazy as _


class AccountAdapter(DefaultAccountAdapter):
    # Plein speaks to people with "u" and in plain words; allauth's own Dutch says "jou".
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _("The e-mail address or the password is not right. Check both and try again."),
    }

    def is_open_for_signup(self, request):
        # Accounts come from an invitation by an administrator or facilitator only.
        return False
