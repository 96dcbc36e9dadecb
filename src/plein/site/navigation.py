"""The header navigation. Features register their entries (`plein.common.registry.navigation`,
from each app's `entries.py`); each entry names the permission that shows it, so the menu never
offers a page that would answer 403."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from plein.common.registry import NavEntry, navigation

HOME = NavEntry(0, _("Home"), "site:home", section="/")


def nav_for(request):
    user = request.user
    if not user.is_authenticated:
        return [
            {"label": _("Home"), "url": reverse("site:home"), "current": request.path == "/"},
            {"label": _("Log in"), "url": reverse("account_login"), "current": request.path.startswith("/account/")},
        ]
    items = []
    for item in [HOME, *navigation]:
        if not item.shows_for(user):
            continue
        current = request.path == "/" if item.section == "/" else request.path.startswith(item.section)
        items.append({"label": item.label, "url": item.url(), "current": current})
    return items
