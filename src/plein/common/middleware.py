from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from django.utils.cache import patch_cache_control

from . import errors


class DutchFirstLocaleMiddleware:
    """Dutch unless the person chose English with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language header, so most
    office PCs (set to English) would get an English Plein. Plein is Dutch by default.
    A visitor's choice is a cookie; a logged-in person's is kept on their account
    (`User.language`, stored by the language switch) and wins on every PC and after the
    browser was closed."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # After the authentication middleware: the user is known (and loaded once, as the
        # view and the privacy headers load it anyway).
        user = getattr(request, "user", None)
        language = getattr(user, "language", None) if user is not None and user.is_authenticated else None
        if language in self.supported and language != request.LANGUAGE_CODE:
            translation.activate(language)
            request.LANGUAGE_CODE = language


class AnonymousWithoutSessionMiddleware:
    """A request without a session cookie comes from someone who is not logged in: say so
    without opening the (empty) session. Otherwise every page would read the session for an
    anonymous visitor (the audit log, the language and the privacy headers ask for the user)
    and answer `Vary: Cookie`, so browsers and proxies could not share the public pages
    (the offer for residents). After AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            anonymous = AnonymousUser()
            request.user = anonymous

            async def auser():
                return anonymous

            request.auser = auser
        return self.get_response(request)


class ErrorAnswersMiddleware:
    """Error answers the views do not give themselves (plein.common.errors):
    - a view that finds the database unreachable answers 503 with Retry-After, the Dutch page
      for people, JSON for the API and the desk's script, without another query (a middleware
      that fails on the database reaches handler500, which does the same);
    - under /api/ every error is JSON in the API's one shape, also the ones django-ninja answers
      in plain text (405 for a method a path does not take; its Allow header stays); under an
      API registered with `errors.register_problem_api` (the open data at /api/aanbod/) every
      error is problem+json instead, and every answer gets that API's headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        problem_api = errors.problem_api_for(request)
        error_type = errors.PROBLEM_JSON if problem_api is not None else "application/json"
        if (
            errors.is_api(request)
            and response.status_code >= 400
            and not response.get("Content-Type", "").startswith(error_type)
        ):
            allow = response.get("Allow")
            response = errors.api_error_for(request, response)
            if allow is not None:
                response["Allow"] = allow
        if problem_api is not None:
            for name, value in problem_api.headers.items():
                response.headers.setdefault(name, value)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, errors.DATABASE_DOWN):
            return errors.database_unavailable(request, exception)
        return None


PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class PrivacyHeadersMiddleware:
    """Every response says which browser features Plein never uses (Permissions-Policy).

    What a logged-in person sees, pages and downloads alike, is not stored by the browser or
    a proxy (`Cache-Control: no-store`): desk PCs are shared, and the next person must not get
    someone else's page from the cache or with the Back button. Requests with an API key
    likewise. Public pages may be cached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # A 503 (database down) is never stored either, and must not ask the database again.
        if response.status_code == 503 or "HTTP_AUTHORIZATION" in request.META or self._logged_in(request):
            patch_cache_control(response, private=True, no_store=True)
        return response

    @staticmethod
    def _logged_in(request) -> bool:
        user = getattr(request, "user", None)
        try:
            return user is not None and user.is_authenticated
        except errors.DATABASE_DOWN:  # the session cannot be read: store nothing
            return True
