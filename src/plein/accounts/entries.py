"""What accounts add to the navigation and the start page."""

from django.utils.translation import gettext_lazy as _

from plein.accounts.choices import Role
from plein.common.registry import NavEntry, StartLink, navigation, start_links

navigation.register(
    NavEntry(90, _("Users"), "accounts:user_list", "accounts.list_users", "/gebruikers/"),
    NavEntry(99, _("My account"), "accounts:profile", section="/account/"),
)
start_links.register(
    StartLink(90, _("Invite and manage users"), "accounts:user_list", frozenset({Role.ADMINISTRATOR})),
    StartLink(91, _("Invite a coordinator or desk worker"), "accounts:invite", frozenset({Role.FACILITATOR})),
    StartLink(95, _("Open the technical admin"), "admin:index", frozenset({Role.ADMINISTRATOR})),
)
