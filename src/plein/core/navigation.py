"""The header navigation, by role. Each item names the permission that shows it, so the
menu never offers a page that would answer 403."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str | None = None  # None: every logged-in user
    section: str = ""  # URL prefix that marks the item as current

    def url(self):
        return reverse(self.url_name)


NAV_ITEMS = [
    NavItem(_("Home"), "core:home", section="/"),
    NavItem(_("Theme groups"), "themegroups:list", "themegroups.list_groups", "/themagroepen/"),
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
        current = request.path == "/" if item.section == "/" else request.path.startswith(item.section)
        items.append({"label": item.label, "url": item.url(), "current": current})
    return items
