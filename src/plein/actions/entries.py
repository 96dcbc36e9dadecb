"""What action plans add to the navigation and the start page."""

from django.utils.translation import gettext_lazy as _

from plein.access.selectors import keeps_library_plan
from plein.accounts.choices import Role
from plein.common.registry import NavEntry, StartLink, navigation, start_links

navigation.register(
    NavEntry(20, _("Action plan"), "actions:index", section="/acties/", condition=keeps_library_plan),
    NavEntry(21, _("Actions"), "actions:overview", "actions.view_overview", "/acties/"),
)
start_links.register(
    StartLink(20, _("Your library's action plan"), "actions:index", frozenset({Role.COORDINATOR})),
    StartLink(21, _("The actions of the libraries you coach"), "actions:overview", frozenset({Role.FACILITATOR})),
)
