from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from plein.accounts.choices import Role
from plein.common.forms import add_service_errors
from plein.common.views_base import PleinPermissionMixin, render_form_page

from . import selectors, services
from .forms import ApiTokenForm


def _crumbs(*extra):
    return [(_("API keys"), reverse("api:tokens")), *extra]


class TokenListView(PleinPermissionMixin, View):
    """/api-sleutels/: the keys of the coordinator's library (an administrator: of every
    library), active ones first, and the ids of the library's branches that the API asks for."""

    permission_required = "api.manage_tokens"

    def get(self, request):
        user = request.user
        branches = []
        if user.role != Role.ADMINISTRATOR:
            branches = list(user.organisation.locations.order_by("name")) if user.organisation_id else []
        return render(
            request,
            "api/token_list.html",
            {
                "tokens": selectors.token_list(user=user),
                "show_organisation": user.role == Role.ADMINISTRATOR,
                "branches": branches,
                "page_title": _("API keys"),
                "breadcrumbs": [(_("API keys"), None)],
            },
        )


class TokenCreateView(PleinPermissionMixin, View):
    """/api-sleutels/nieuw/: make a key. The answer to the POST shows the secret, once: it is
    not stored, so it cannot be shown again (and the page is not cached)."""

    permission_required = "api.manage_tokens"

    def _form(self, data=None):
        user = self.request.user
        return ApiTokenForm(
            data,
            organisations=selectors.token_organisations(user=user),
            choose_organisation=user.role == Role.ADMINISTRATOR,
        )

    def get(self, request):
        return self.render(self._form())

    def post(self, request):
        form = self._form(request.POST)
        if not form.is_valid():
            return self.render(form)
        organisation = form.cleaned_data.get("organisation") or request.user.organisation
        try:
            token, secret = services.token_create(
                acting_user=request.user, organisation=organisation, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.render(form)
        title = _("Your new API key")
        response = render(
            request,
            "api/token_secret.html",
            {
                "token": token,
                "secret": secret,
                "page_title": title,
                "breadcrumbs": _crumbs((title, None)),
            },
        )
        add_never_cache_headers(response)
        return response

    def render(self, form):
        title = _("Make an API key")
        return render_form_page(
            self.request,
            form=form,
            title=title,
            cancel_url=reverse("api:tokens"),
            breadcrumbs=_crumbs((title, None)),
            submit_label=_("Make key"),
        )


class TokenRevokeView(PleinPermissionMixin, View):
    """/api-sleutels/<uuid>/intrekken/: asks first (GET), then revokes (POST). A key of another
    library is 404."""

    permission_required = "api.revoke_token"

    @cached_property
    def token(self):
        return selectors.token_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.token

    def get(self, request, uuid):
        title = _("Revoke API key")
        return render(
            request,
            "api/token_confirm_revoke.html",
            {"token": self.token, "page_title": title, "breadcrumbs": _crumbs((title, None))},
        )

    def post(self, request, uuid):
        token = services.token_revoke(acting_user=request.user, token=self.token)
        messages.success(
            request, _("The API key “%(name)s” has been revoked. It no longer works.") % {"name": token.name}
        )
        return redirect("api:tokens")
