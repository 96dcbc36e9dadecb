"""What the Ontwikkelplein guide adds to the navigation and the demo."""

from django.utils.translation import gettext_lazy as _

from plein.access.selectors import keeps_library_plan
from plein.common.registry import DemoLoader, NavEntry, demo_loaders, navigation

navigation.register(
    NavEntry(40, _("Ontwikkelplein"), "guide:index", section="/ontwikkelplein/", condition=keeps_library_plan),
    NavEntry(41, _("Ontwikkelplein"), "guide:overview", "guide.view_overview", "/ontwikkelplein/"),
)


def _load_demo(context):
    from .demo import load_guide_demo

    load_guide_demo()


demo_loaders.register(DemoLoader(30, "guide", _load_demo))
