"""What the offer adds to the navigation, the start page and the demo."""

from django.utils.translation import gettext_lazy as _

from plein.accounts.choices import Role
from plein.common.registry import DemoLoader, NavEntry, StartLink, demo_loaders, navigation, start_links


def _review_due(user) -> int:
    from .selectors_manage import own_review_due_count

    return own_review_due_count(user)


navigation.register(
    NavEntry(47, _("Our offer"), "offers:manage_list", "offers.keep_own_offer", "/ons-aanbod/"),
)
start_links.register(
    # Only when a published offer of the coordinator's library has passed its review date.
    StartLink(
        44,
        _("Check the offer (%(count)s)"),
        "offers:manage_list",
        frozenset({Role.COORDINATOR}),
        "offers.keep_own_offer",
        count=_review_due,
    ),
)


def _load_demo(context):
    from .demo import load_offers_demo

    load_offers_demo()


# After the guide (30, partners) and the EMB (40, programmes), before registration (50), whose
# demo visits refer residents to these offers.
demo_loaders.register(DemoLoader(45, "offers", _load_demo))
