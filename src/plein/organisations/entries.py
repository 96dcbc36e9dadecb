"""What organisations add to the navigation and the start page."""

from django.utils.translation import gettext_lazy as _

from plein.accounts.choices import Role
from plein.accounts.selectors import has_organisation
from plein.common.registry import NavEntry, StartLink, navigation, start_links

navigation.register(
    NavEntry(80, _("My organisation"), "organisations:mine", section="/mijn-organisatie/", condition=has_organisation),
    NavEntry(81, _("Organisations"), "organisations:list", "organisations.list_organisations", "/organisaties/"),
)
start_links.register(
    StartLink(80, _("Manage organisations"), "organisations:list", frozenset({Role.ADMINISTRATOR})),
    StartLink(
        80,
        _("See your organisation and its branches"),
        "organisations:mine",
        frozenset({Role.COORDINATOR, Role.DESK_WORKER, Role.MUNICIPALITY}),
        condition=has_organisation,
    ),
    StartLink(81, _("See all organisations"), "organisations:list", frozenset({Role.FACILITATOR})),
)
