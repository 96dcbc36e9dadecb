"""What the EMB adds to the navigation and the demo."""

from django.utils.translation import gettext_lazy as _

from plein.access.selectors import keeps_library_plan
from plein.common.registry import DemoLoader, NavEntry, demo_loaders, navigation

navigation.register(
    NavEntry(30, _("EMB in connection"), "emb:index", section="/emb/", condition=keeps_library_plan),
    NavEntry(31, _("EMB programmes"), "emb:catalogue", "emb.manage_catalogue", "/emb/"),
)


def _load_demo(context):
    from .demo import load_emb_demo

    load_emb_demo()


demo_loaders.register(DemoLoader(40, "emb", _load_demo))
