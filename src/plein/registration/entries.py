"""What IDO registration adds to the navigation, the start page and the demo."""

from django.utils.translation import gettext_lazy as _

from plein.accounts.choices import Role
from plein.accounts.selectors import works_at_library
from plein.common.registry import DemoLoader, NavEntry, StartLink, demo_loaders, navigation, start_links

navigation.register(
    NavEntry(
        50, _("Registering"), "registration:desk", "registration.register_visits", "/registreren/", works_at_library
    ),
    NavEntry(51, _("Figures"), "registration:figures", "registration.view_figures", "/cijfers/"),
)
start_links.register(
    StartLink(5, _("Register a visit"), "registration:desk", frozenset({Role.DESK_WORKER})),
    StartLink(
        51,
        _("The IDO figures of your municipality"),
        "registration:figures",
        frozenset({Role.MUNICIPALITY}),
        permission="registration.view_figures",
    ),
)


def _load_demo(context):
    from .demo import load_registration_demo

    load_registration_demo()


demo_loaders.register(DemoLoader(50, "registration", _load_demo))
