"""Found in the review of issue 13 as a whole (rev13): what an attacker or a demanding resident
hits that the parts' own tests did not."""

import pytest
from django.test import Client
from django.urls import reverse

from .public_data import public_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    return public_offer()


def _cookie_free(response, url):
    assert not response.cookies, (url, response.cookies)
    assert "Set-Cookie" not in response.headers, url


def test_not_found_under_aanbod_sets_no_cookie_and_stays_public(data):
    """Failed before: the site's 404 page (language switch form) set a csrftoken cookie for an
    unknown library, a draft's address, an unknown need or theme, a typo in the path."""
    lib = data.library.slug
    for url in (
        "/aanbod/onbekende-bibliotheek/",
        f"/aanbod/{lib}/geheim-concept/",
        f"/aanbod/{lib}/geheim-concept/afdrukken/",
        f"/aanbod/{lib}/hulp/onbekend/",
        "/aanbod/gemeente/onbekend/",
        f"/aanbod/{lib}/thema/onbekend/agenda.ics",
        f"/aanbod/{lib}/inbedden/?thema=onbekend",
        "/aanbod/een/twee/drie/vier/",
    ):
        response = Client().get(url)
        assert response.status_code == 404, url
        _cookie_free(response, url)
        html = response.content.decode()
        assert "Deze pagina bestaat niet" in html and 'lang="nl"' in html, url
        assert "csrfmiddlewaretoken" not in html and "English" not in html, url
        assert reverse("offers:index") in html


def test_the_api_docs_set_no_cookie(data):
    """Failed before: /api/aanbod/v1/docs used the site's frame and set a csrftoken cookie."""
    response = Client().get("/api/aanbod/v1/docs")
    assert response.status_code == 200
    _cookie_free(response, "/api/aanbod/v1/docs")
    html = response.content.decode()
    assert 'lang="nl"' in html and "csrfmiddlewaretoken" not in html
    # In Dutch also for someone who chose English elsewhere in Plein.
    client = Client()
    client.cookies["django_language"] = "en"
    assert 'lang="nl"' in client.get("/api/aanbod/v1/docs").content.decode()
