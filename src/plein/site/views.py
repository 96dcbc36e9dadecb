import sys

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from plein.common import errors

from .selectors import open_signup, start_page_sections


def home(request):
    signup = open_signup()
    return render(
        request,
        "site/home.html",
        {"sections": start_page_sections(user=request.user, signup=signup), "signup": signup},
    )


def _statement(request, name, title):
    # Legal text is kept as whole pages per language: a statement reads better as prose
    # than as a hundred translated fragments.
    lang = "en" if (get_language() or "nl").startswith("en") else "nl"
    return render(
        request,
        f"site/{name}_{lang}.html",
        {"breadcrumbs": [(title, None)], "page_title": title},
    )


def accessibility(request):
    return _statement(request, "accessibility", _("Accessibility statement"))


def privacy(request):
    return _statement(request, "privacy", _("Privacy statement"))


@never_cache
@require_GET
def health(request):
    """For monitoring and load balancers: is the database reachable?"""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = "ok"
    except DatabaseError:
        database = "unavailable"
    ok = database == "ok"
    return JsonResponse(
        {"status": "ok" if ok else "error", "database": database, "vendor": connection.vendor},
        status=200 if ok else 503,
    )


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    if errors.is_api(request):  # an address under /api/ that does not exist: the API's JSON
        return errors.json_error(request, 404, errors.api_not_found_text(request))
    if request.path_info.startswith("/aanbod/"):  # the public offer: no cookie, also when not found
        from plein.offers.public_views import not_found

        return not_found(request, exception)
    return render(request, "404.html", status=404)


def error_400(request, exception=None):
    """Too many fields, a body that is too large (413), or a request Django could not read."""
    return errors.for_bad_request(request, exception)


def error_500(request):
    """Without the database: Django calls this inside its `except`, so the error is known. While
    the database is unreachable (also when a middleware failed on it) the answer is 503."""
    if isinstance(sys.exc_info()[1], errors.DATABASE_DOWN):
        return errors.database_unavailable(request)
    return errors.server_error(request)
