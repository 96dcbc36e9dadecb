"""What borging adds to the navigation, the start page and the demo."""

from django.utils.translation import gettext_lazy as _

from plein.accounts.choices import Role
from plein.common.registry import DemoLoader, NavEntry, StartLink, demo_loaders, navigation, start_links

navigation.register(
    NavEntry(45, _("Borging"), "borging:index", "borging.use_borging", "/borging/"),
)
start_links.register(
    StartLink(45, _("Borging: your IDO profile and scan"), "borging:index", frozenset({Role.COORDINATOR})),
    StartLink(46, _("Borging scans of your libraries"), "borging:overview_current", frozenset({Role.FACILITATOR})),
)


def _load_demo(context):
    from .demo import load_borging_demo

    load_borging_demo()


demo_loaders.register(DemoLoader(60, "borging", _load_demo))
