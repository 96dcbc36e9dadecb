"""What the borging reports add to the navigation, the start page and the demo."""

from django.utils.translation import gettext_lazy as _

from plein.accounts.choices import Role
from plein.common.registry import DemoLoader, NavEntry, StartLink, demo_loaders, navigation, start_links

navigation.register(
    NavEntry(55, _("Reports"), "reports:list", "reports.view_reports", "/rapportages/"),
)
start_links.register(
    StartLink(
        50,
        _("Borging reports for your municipality"),
        "reports:list",
        frozenset({Role.MUNICIPALITY}),
        permission="reports.view_reports",
    ),
    StartLink(47, _("Write the borging report for the municipality"), "reports:list", frozenset({Role.COORDINATOR})),
)


def _load_demo(context):
    from .demo import load_reports_demo

    load_reports_demo()


demo_loaders.register(DemoLoader(70, "reports", _load_demo))
