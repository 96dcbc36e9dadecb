"""Public pages describe themselves to search engines and link previews (one meta description,
page-specific where it matters), and every `<time datetime>` is a valid HTML date-time."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _descriptions(html):
    return re.findall(r'<meta name="description" content="([^"]*)">', html)


def test_public_pages_have_their_own_meta_description(client, world):
    """Failed before: no page had a meta description."""
    from plein.themegroups.tests.factories import RetrospectiveFactory

    retrospective = RetrospectiveFactory(group=world.group, status="gepubliceerd", introduction="Een jaar vol " * 30)
    pages = {
        "start": "/",
        "sign-up index": reverse("themegroups:signup_index"),
        "sign-up": reverse("themegroups:signup", args=[world.year.uuid]),
        "retrospective": reverse("themegroups:retrospective_public", args=[retrospective.uuid]),
        "login": reverse("account_login"),
    }
    default = _descriptions(client.get(reverse("site:accessibility")).content.decode())
    assert len(default) == 1 and "Plein" in default[0]
    seen = set()
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        (description,) = _descriptions(response.content.decode())
        assert 50 <= len(description) <= 170, (name, description)
        assert description != default[0], name
        seen.add(description)
    assert len(seen) == len(pages)


def test_every_time_element_uses_the_html_datetime_filter():
    """`date:"c"` writes microseconds; `|html_datetime` writes whole seconds."""
    offenders = []
    for path in Path(settings.SRC_DIR, "plein").rglob("*.html"):
        for match in re.finditer(r'datetime="([^"]*)"', path.read_text(encoding="utf-8")):
            if "|html_datetime" not in match.group(1):
                offenders.append(f"{path}: {match.group(0)}")
    assert offenders == []
