from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation
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

    def post_login(self, request, user, **kwargs):
        """After logging in, Plein speaks the language this person chose earlier (kept on the
        account by the language switch), also on a PC where someone else chose another."""
        response = super().post_login(request, user, **kwargs)
        language = getattr(user, "language", None)
        if language in dict(settings.LANGUAGES):
            translation.activate(language)
            request.LANGUAGE_CODE = language
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
