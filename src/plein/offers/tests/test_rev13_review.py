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
    assert "plein-api-docs" in html  # its own room between the parts (offers-public.css)
    # In Dutch also for someone who chose English elsewhere in Plein.
    client = Client()
    client.cookies["django_language"] = "en"
    assert 'lang="nl"' in client.get("/api/aanbod/v1/docs").content.decode()


def test_an_offer_at_a_branch_moved_to_another_library_is_withdrawn(world):
    """Failed before: a branch moved to library B (organisations.services.location_update, for
    data repairs) kept library A's published offer: on A's public pages and in the API and
    feeds at B's branch, and B's branch counted as published for A's offer."""
    from plein.organisations import services as organisations

    from ..choices import OfferStatus
    from ..models import Offer
    from ..selectors import published_offers
    from .factories import OfferFactory, OfferHoursFactory, OfferThemeFactory

    offer = OfferFactory(library=world.library, location=world.location, title="Verhuisd aanbod", slug="verhuisd")
    OfferThemeFactory(offer=offer)
    OfferHoursFactory(offer=offer)
    stays = OfferFactory(library=world.other_library, location=world.other_location, title="Blijft", slug="blijft")
    assert world.other_location.organisation_id == world.other_library.pk
    organisations.location_update(
        location=world.location, acting_user=world.users["administrator"], organisation=world.other_library
    )
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT  # the library chooses a branch of its own again
    assert not published_offers().filter(pk=offer.pk).exists()
    assert Offer.objects.get(pk=stays.pk).status == OfferStatus.PUBLISHED
    client = Client()
    assert client.get(reverse("offers:offer", args=[world.library.slug, "verhuisd"])).status_code == 404
    assert client.get(f"/api/aanbod/v1/offers/{offer.uuid}").status_code == 404
    feed = client.get(reverse("offers:feed_location", args=[world.other_library.slug, world.location.uuid]))
    assert b"Verhuisd aanbod" not in feed.content


def test_a_published_offer_at_another_librarys_branch_is_never_public(world):
    """Defence in depth, for data written around the services (the admin, a repair in the
    shell): an offer whose branch belongs to another library is not published anywhere.
    Failed before: published_offers() returned it, so A's offer showed under B's branch."""
    from ..models import Offer
    from ..selectors import published_offers
    from .factories import OfferFactory

    offer = OfferFactory(library=world.library, location=world.location, title="Los aanbod", slug="los")
    OfferFactory(library=world.library, location=world.location, title="Goed aanbod", slug="goed")
    Offer.objects.filter(pk=offer.pk).update(location=world.other_location)  # around model clean
    assert set(published_offers().values_list("title", flat=True)) == {"Goed aanbod"}
    client = Client()
    assert client.get(reverse("offers:offer", args=[world.library.slug, "los"])).status_code == 404
    assert client.get(f"/api/aanbod/v1/offers/{offer.uuid}").status_code == 404
    assert client.get(f"/api/aanbod/v1/locations/{world.other_location.uuid}").status_code == 404


def test_feeds_embed_and_api_answer_a_repeat_request_with_304(data, settings):
    """Failed before: the feeds (polled by calendar apps), the embeddable listing and the API
    sent Cache-Control: public but no ETag, so a repeat request always got the whole body. The
    listing's 304 keeps its own frame-ancestors (a browser updates the kept headers with it)."""
    settings.PLEIN_EMBED_FRAME_ANCESTORS = ["https://www.gemeente.example"]
    lib = data.library.slug
    for url in (
        reverse("offers:feed_library", args=[lib]),
        reverse("offers:feed_location", args=[lib, data.location.uuid]),
        reverse("offers:feed_theme", args=[lib, "digitaal"]),
        reverse("offers:embed", args=[lib]),
        reverse("offers:embed_style", args=[lib]) + "?kleur=aa0000",
        "/api/aanbod/v1/offers",
        f"/api/aanbod/v1/offers/{data.digid.uuid}",
        "/api/aanbod/v1/locations",
    ):
        client = Client()
        first = client.get(url)
        assert first.status_code == 200 and first["ETag"], url
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, url
        assert not again.cookies and again.content == b"", url
        assert "public" in again["Cache-Control"], url
        if url.startswith("/api/"):
            assert again["API-Version"] == first["API-Version"]
        if "inbedden/" in url and not url.endswith(".css") and "stijl" not in url:
            for response in (first, again):
                assert "X-Frame-Options" not in response, url
                assert "frame-ancestors https://www.gemeente.example" in response["Content-Security-Policy"]
        assert client.get(url, HTTP_IF_NONE_MATCH='"anders"').status_code == 200, url


def test_withdrawing_an_offer_takes_it_off_every_public_address_and_changes_the_etags(data, world):
    """Unpublishing, end to end: the pages, the feeds, the listing and the API no longer show it,
    and a browser or proxy asking with its old ETag gets the new answer, not 304."""
    from .. import services

    lib = data.library.slug
    urls = [
        reverse("offers:list", args=[lib]),
        reverse("offers:municipality", args=[data.location.municipality.slug]),
        reverse("offers:feed_library", args=[lib]),
        reverse("offers:feed_theme", args=[lib, "overheidszaken"]),
        reverse("offers:embed", args=[lib]),
        f"/api/aanbod/v1/offers?q=digid&library={lib}",
    ]
    client = Client()
    before = {url: client.get(url) for url in urls}
    for url, response in before.items():
        assert "Hulp bij DigiD" in response.content.decode(), url
    services.unpublish(offer=data.digid, acting_user=world.users["administrator"])
    for url, response in before.items():
        again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 200 and again["ETag"] != response["ETag"], url
        assert "Hulp bij DigiD" not in again.content.decode(), url
    assert client.get(reverse("offers:offer", args=[lib, "hulp-bij-digid"])).status_code == 404
    assert client.get(f"/api/aanbod/v1/offers/{data.digid.uuid}").status_code == 404


def test_feeds_and_the_listing_answer_head_as_the_public_pages(data):
    """Failed before: 405 for HEAD (require_GET), while the public pages answer it; a calendar
    app or link checker asking HEAD first got "method not allowed"."""
    lib = data.library.slug
    for url in (
        reverse("offers:feed_library", args=[lib]),
        reverse("offers:feed_theme", args=[lib, "digitaal"]),
        reverse("offers:embed", args=[lib]),
        reverse("offers:library", args=[lib]),
    ):
        response = Client().head(url)
        assert response.status_code == 200, url
        assert response.content == b"" and not response.cookies, url
    assert Client().post(reverse("offers:feed_library", args=[lib])).status_code == 405


def test_a_feed_asked_again_a_minute_later_is_the_same_and_gets_304():
    """Failed before: every event's DTSTAMP was the moment of the request, so the feeds and the
    "zet in mijn agenda" file changed every second: their ETag never matched, no 304 ever.
    DTSTAMP is now when the offer was last changed (RFC 5545, a calendar without METHOD)."""
    import datetime

    import time_machine

    from .public_data import NOW

    with time_machine.travel(NOW - datetime.timedelta(days=1), tick=False):
        data = public_offer()
    lib = data.library.slug
    urls = [
        reverse("offers:feed_library", args=[lib]),
        reverse("offers:occurrence_ics", args=[lib, "hulp-bij-digid", "20261208T1000"]),
    ]
    client = Client()
    with time_machine.travel(NOW, tick=False):
        first = {url: client.get(url) for url in urls}
    with time_machine.travel(NOW + datetime.timedelta(minutes=1), tick=False):
        for url, response in first.items():
            again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
            assert again.status_code == 304, url
    body = first[urls[0]].content.decode()
    assert "DTSTAMP:20261201T080000Z" in body  # when the offers were made (a day before, in UTC)
