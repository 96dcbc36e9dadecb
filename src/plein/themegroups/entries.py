"""What theme groups add to the navigation, the start page and the demo."""

from django.utils.translation import gettext_lazy as _

from plein.accounts.choices import Role
from plein.common.registry import DemoLoader, NavEntry, StartLink, demo_loaders, navigation, start_links

navigation.register(NavEntry(10, _("Theme groups"), "themegroups:list", "themegroups.list_groups", "/themagroepen/"))
start_links.register(
    StartLink(10, _("Your theme groups, sign-ups and meetings"), "themegroups:list", frozenset({Role.FACILITATOR})),
    StartLink(
        10, _("Your theme groups and meetings"), "themegroups:list", frozenset({Role.COORDINATOR, Role.DESK_WORKER})
    ),
)


def _load_demo(context):
    from .demo import load_theme_groups_demo

    load_theme_groups_demo(poi=context.poi)


demo_loaders.register(DemoLoader(10, "themegroups", _load_demo))
