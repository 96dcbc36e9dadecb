"""Headers on every response: no caching of what a logged-in person sees (shared desk PCs: the
next person must not get it from the browser's cache or history), and a Permissions-Policy.

Failed before: logged-in pages and downloads had no Cache-Control, and no response had a
Permissions-Policy."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def _cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_logged_in_pages_and_downloads_are_not_stored(client, world):
    client.force_login(world.users["facilitator"])
    for url in (
        reverse("site:home"),
        reverse("themegroups:enrollments", args=[world.group.uuid]),
        reverse("accounts:user_list"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in _cache_control(response), url
    download = client.get(reverse("themegroups:enrollments_export", args=[world.year.uuid]) + "?formaat=xlsx")
    assert "attachment" in download["Content-Disposition"]
    assert "no-store" in _cache_control(download)
    assert "max-age" not in download.get("Cache-Control", "")


def test_public_pages_may_be_cached_but_every_response_has_a_permissions_policy(client, world):
    for url in (reverse("site:home"), reverse("account_login"), "/bestaat-niet/"):
        response = client.get(url)
        assert response["Permissions-Policy"] == POLICY, url
    assert "no-store" not in _cache_control(client.get(reverse("site:home")))
    client.force_login(world.users["coordinator"])
    response = client.get(reverse("accounts:user_list"))  # a 403
    assert response.status_code == 403
    assert response["Permissions-Policy"] == POLICY and "no-store" in _cache_control(response)
