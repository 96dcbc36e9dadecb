"""What resources add to the navigation, the start page and the demo."""

from django.utils.translation import gettext_lazy as _

from plein.accounts.choices import Role
from plein.common.registry import DemoLoader, NavEntry, StartLink, demo_loaders, navigation, start_links

navigation.register(NavEntry(70, _("Resources"), "resources:list", "resources.list_resources", "/hulpmiddelen/"))
start_links.register(StartLink(70, _("Resources"), "resources:list", frozenset({Role.COORDINATOR})))


def _load_demo(context):
    # After the theme groups, so the two tools are tagged with the groups of the same name.
    from .seed import seed_article_tools

    seed_article_tools()


demo_loaders.register(DemoLoader(20, "resources", _load_demo))
