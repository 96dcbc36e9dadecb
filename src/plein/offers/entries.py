"""What the offer adds to the navigation, the start page and the demo."""

from django.utils.translation import gettext_lazy as _  # noqa: F401 (menu and start-page labels)

from plein.common.registry import DemoLoader, demo_loaders


def _load_demo(context):
    from .demo import load_offers_demo

    load_offers_demo()


# After the guide (30, partners) and the EMB (40, programmes), before registration (50), whose
# demo visits refer residents to these offers.
demo_loaders.register(DemoLoader(45, "offers", _load_demo))
