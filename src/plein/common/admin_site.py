from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache


def require_administrator(site):
    """Only users with the administrator role get into Django's technical admin,
    whatever their is_staff flag says: the rules module decides.

    The admin has no login of its own: its login page sends people to Plein's login (allauth),
    which asks for the second step when the account has one. Django's admin login form would
    log in with the password alone."""
    original = site.has_permission

    def has_permission(request):
        return original(request) and request.user.has_perm("core.use_admin")

    @never_cache
    def login(request, extra_context=None):
        next_url = request.POST.get("next") or request.GET.get("next")
        if next_url and not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = None
        if request.user.is_authenticated:
            # Logged in already (through the second step when the account has one): the admin
            # or, for anyone else, a plain "no access" instead of a loop back to the login.
            if not has_permission(request):
                raise PermissionDenied
            return redirect(next_url or reverse("admin:index", current_app=site.name))
        url = reverse("account_login")
        if next_url:
            url += "?" + urlencode({"next": next_url}, safe="/")
        return redirect(url)

    site.has_permission = has_permission
    site.login = login
