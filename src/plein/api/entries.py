"""What the API adds to the navigation."""

from django.utils.translation import gettext_lazy as _

from plein.common.registry import NavEntry, navigation

navigation.register(NavEntry(60, _("API keys"), "api:tokens", "api.manage_tokens", "/api-sleutels/"))
