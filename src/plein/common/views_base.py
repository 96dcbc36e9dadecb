"""The one way a Plein view checks access: log in first (anonymous visitors go to the login
page), then a permission from `plein.access.rules` on the object the selector returned
(403 when the rule says no). Objects a user may not see at all are 404 in the selector."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from rules.contrib.views import PermissionRequiredMixin


class PleinPermissionMixin(LoginRequiredMixin, PermissionRequiredMixin):
    raise_exception = True  # a logged-in user without the permission gets 403, never a loop to login

    def handle_no_permission(self):
        if not self.request.user.is_authenticated:
            return redirect_to_login(self.request.get_full_path(), self.get_login_url(), self.get_redirect_field_name())
        return super().handle_no_permission()

    def get_permission_object(self):
        return None


def render_form_page(request, *, form, title, breadcrumbs, cancel_url, template="form_page.html", status=200, **extra):
    """The one way Plein shows a form on a page of its own: heading, error summary, fields that
    keep what was typed, save and cancel."""
    from django.shortcuts import render

    context = {"form": form, "page_title": title, "breadcrumbs": breadcrumbs, "cancel_url": cancel_url, **extra}
    return render(request, template, context, status=status)
