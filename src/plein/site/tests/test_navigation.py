"""The header navigation and the start page come from what the features register
(`plein.common.registry`); for every role they offer exactly the pages of before the split
(desk workers: without the plan, EMB and guide they may no longer open, issue 11), and never a
page that answers 403 or 404."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from plein.site.navigation import nav_for
from plein.site.selectors import start_page_sections

pytestmark = pytest.mark.django_db

EXPECTED_NAV = {
    "administrator": [
        "Home",
        "Theme groups",
        "Actions",
        "EMB programmes",
        "Ontwikkelplein",
        "Borging",
        "Figures",
        "Reports",
        "API keys",
        "Resources",
        "My organisation",
        "Organisations",
        "Users",
        "My account",
    ],
    "coordinator": [
        "Home",
        "Theme groups",
        "Action plan",
        "EMB in connection",
        "Ontwikkelplein",
        "Borging",
        "Our offer",
        "Registering",
        "Figures",
        "Reports",
        "API keys",
        "Resources",
        "My organisation",
        "My account",
    ],
    "desk_worker": [
        "Home",
        "Theme groups",
        "Registering",
        "Figures",
        "Resources",
        "My organisation",
        "My account",
    ],
    "facilitator": [
        "Home",
        "Theme groups",
        "Actions",
        "EMB programmes",
        "Ontwikkelplein",
        "Borging",
        "Figures",
        "Reports",
        "Resources",
        "My organisation",
        "Organisations",
        "Users",
        "My account",
    ],
    "municipality": ["Home", "Theme groups", "Figures", "Reports", "Resources", "My organisation", "My account"],
}

# The links under the role's own section of the start page.
EXPECTED_START = {
    "administrator": ["Manage organisations", "Invite and manage users", "Open the technical admin"],
    "coordinator": [
        "Your theme groups and meetings",
        "Your library's action plan",
        "Borging: your IDO profile and scan",
        "Write the borging report for the municipality",
        "Resources",
        "See your organisation and its branches",
    ],
    "desk_worker": [
        "Register a visit",
        "Your theme groups and meetings",
        "See your organisation and its branches",
    ],
    "facilitator": [
        "Your theme groups, sign-ups and meetings",
        "The actions of the libraries you coach",
        "Borging scans of your libraries",
        "See all organisations",
        "Invite a coordinator or desk worker",
    ],
    "municipality": [
        "Borging reports for your municipality",
        "The IDO figures of your municipality",
        "See your organisation and its branches",
    ],
}


def _nav(user):
    request = RequestFactory().get("/")
    request.user = user
    with translation.override("en"):
        return [str(item["label"]) for item in nav_for(request)]


def _start(user):
    with translation.override("en"):
        return [str(label) for label, _url in start_page_sections(user=user)[0].links]


@pytest.mark.parametrize("role", sorted(EXPECTED_NAV))
def test_navigation_per_role(world, role):
    assert _nav(world.users[role]) == EXPECTED_NAV[role]
    assert _start(world.users[role]) == EXPECTED_START[role]


@pytest.mark.parametrize("role", sorted(EXPECTED_NAV))
def test_every_navigation_and_start_page_link_opens(client, world, role):
    user = world.users[role]
    client.force_login(user)
    request = RequestFactory().get("/")
    request.user = user
    urls = [item["url"] for item in nav_for(request)]
    urls += [url for section in start_page_sections(user=user) for _label, url in section.links]
    for url in urls:
        if url.startswith("/beheer/"):
            continue
        response = client.get(url, follow=True)
        assert response.status_code == 200, (role, url, response.status_code)
