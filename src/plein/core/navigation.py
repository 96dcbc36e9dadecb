"""The header navigation, by role. Each item names the permission that shows it, so the
menu never offers a page that would answer 403."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from plein.access.purposes import Purpose
from plein.access.selectors import allows
from plein.accounts.choices import Role
from plein.organisations.choices import OrganisationType


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str | None = None  # None: every logged-in user
    section: str = ""  # URL prefix that marks the item as current
    condition: Callable | None = None  # extra test on the user, for what a permission alone cannot say

    def url(self):
        return reverse(self.url_name)


def works_at_library(user) -> bool:
    """Library staff: their action plan is a page of their own library (the permission needs it)."""
    return (
        user.role in (Role.COORDINATOR, Role.DESK_WORKER)
        and user.organisation_id is not None
        and user.organisation.type == OrganisationType.LIBRARY
    )


def keeps_library_plan(user) -> bool:
    """Library staff who may open their library's plan, EMB and guide: not desk workers (no query)."""
    return works_at_library(user) and allows(user, Purpose.PLAN)


NAV_ITEMS = [
    NavItem(_("Home"), "core:home", section="/"),
    NavItem(_("Theme groups"), "themegroups:list", "themegroups.list_groups", "/themagroepen/"),
    NavItem(_("Action plan"), "actions:index", section="/acties/", condition=keeps_library_plan),
    NavItem(_("Actions"), "actions:overview", "actions.view_overview", "/acties/"),
    NavItem(_("EMB in connection"), "emb:index", section="/emb/", condition=keeps_library_plan),
    NavItem(_("EMB programmes"), "emb:catalogue", "emb.manage_catalogue", "/emb/"),
    NavItem(_("Ontwikkelplein"), "guide:index", section="/ontwikkelplein/", condition=keeps_library_plan),
    NavItem(_("Ontwikkelplein"), "guide:overview", "guide.view_overview", "/ontwikkelplein/"),
    NavItem(_("Registering"), "registration:desk", "registration.register_visits", "/registreren/", works_at_library),
    NavItem(_("Figures"), "registration:figures", "registration.view_figures", "/cijfers/"),
    NavItem(_("API keys"), "api:tokens", "api.manage_tokens", "/api-sleutels/"),
    NavItem(_("Resources"), "resources:list", "resources.list_resources", "/hulpmiddelen/"),
    NavItem(_("My organisation"), "organisations:mine", section="/mijn-organisatie/"),
    NavItem(_("Organisations"), "organisations:list", "organisations.list_organisations", "/organisaties/"),
    NavItem(_("Users"), "accounts:user_list", "accounts.list_users", "/gebruikers/"),
    NavItem(_("My account"), "accounts:profile", section="/account/"),
]


def nav_for(request):
    user = request.user
    if not user.is_authenticated:
        return [
            {"label": _("Home"), "url": reverse("core:home"), "current": request.path == "/"},
            {"label": _("Log in"), "url": reverse("account_login"), "current": request.path.startswith("/account/")},
        ]
    items = []
    for item in NAV_ITEMS:
        if item.url_name == "organisations:mine" and user.organisation_id is None:
            continue
        if item.permission and not user.has_perm(item.permission):
            continue
        if item.condition and not item.condition(user):
            continue
        current = request.path == "/" if item.section == "/" else request.path.startswith(item.section)
        items.append({"label": item.label, "url": item.url(), "current": current})
    return items
