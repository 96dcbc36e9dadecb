"""The public pages for residents: the need path, the list with filters and search, this week,
the offer with its calendar file and print view; only published offers; no cookies; caching."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from plein.site.tests.calendar_check import parse_ics

from .public_data import NOW, public_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    with time_machine.travel(NOW, tick=False):
        yield public_offer()


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_need_path_finds_digid_help_in_three_clicks(client, data):
    lib = data.library.slug
    html = _html(client, reverse("offers:library", args=[lib]))
    assert "Waar wilt u hulp bij?" in html
    need_url = reverse("offers:need", args=[lib, "praktische_hulp"])
    assert need_url in html
    html = _html(client, need_url)
    assert "Waar gaat het over?" in html and "Overheidszaken" in html
    list_url = reverse("offers:list", args=[lib]) + "?hulp=praktische_hulp&amp;thema=overheidszaken"
    assert list_url in html
    html = _html(client, list_url.replace("&amp;", "&"))
    offer_url = reverse("offers:offer", args=[lib, "hulp-bij-digid"])
    assert offer_url in html
    assert "Klik &amp; Tik" not in html and "Geheim concept" not in html


def test_offer_page_says_what_where_when_how(client, data):
    html = _html(client, reverse("offers:offer", args=[data.library.slug, "hulp-bij-digid"]))
    for text in (
        "Wij helpen u met DigiD",
        "belastingaangifte niet",
        "Markt 1, 1234 AB Eigenstad",
        "Ingang zonder drempel",
        "dinsdag",
        "10:00",
        "Kerstvakantie",
        "Gratis",
        "identiteitsbewijs",
        "Computers",
        data.library.name,
    ):
        assert text in html, text
    ics_url = reverse("offers:occurrence_ics", args=[data.library.slug, "hulp-bij-digid", "20261208T1000"])
    assert ics_url in html
    assert reverse("offers:offer_print", args=[data.library.slug, "hulp-bij-digid"]) in html


def test_calendar_file_of_the_next_session_is_valid(client, data):
    page = _html(client, reverse("offers:offer", args=[data.library.slug, "klik-en-tik"]))
    url = reverse("offers:occurrence_ics", args=[data.library.slug, "klik-en-tik", "20261207T1400"])
    assert url in page and "010 123 45 67" in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = parse_ics(response.content)
    assert len(events) == 1
    # No occurrence at that time: 404.
    wrong = reverse("offers:occurrence_ics", args=[data.library.slug, "klik-en-tik", "20261207T1500"])
    assert client.get(wrong).status_code == 404


def test_list_filters_and_search(client, data):
    url = reverse("offers:list", args=[data.library.slug])
    html = _html(client, url + "?q=Klik+%26+Tik")
    assert "Klik &amp; Tik" in html and "Hulp bij DigiD" not in html
    html = _html(client, url + "?dag=0")  # Monday: the course
    assert "Klik &amp; Tik" in html and "Hulp bij DigiD" not in html
    html = _html(client, url + "?dag=1&inloop=1")  # Tuesday, walk-in
    assert "Hulp bij DigiD" in html and "Klik &amp; Tik" not in html and "Taalhuis" not in html
    html = _html(client, url + "?soort=advies_spreekuur")
    assert "Taalhuis" in html and "Hulp bij DigiD" not in html
    html = _html(client, url + "?q=digid")
    assert "Hulp bij DigiD" in html and "Geheim" not in html and "buren" not in html
    html = _html(client, url + "?dag=kapot&thema=onzin&pagina=x")  # wrong values filter nothing
    assert "Hulp bij DigiD" in html


def test_week_shows_today_and_each_of_the_coming_days(client, data):
    url = reverse("offers:week", args=[data.library.slug])
    html = _html(client, url)  # Wednesday 2 December: nothing
    assert "Vandaag, woensdag 2 december" in html and "Op deze dag is er niets." in html
    assert url + "?dag=2026-12-08" in html
    assert "Taalhuis spreekuur" in _html(client, url + "?dag=2026-12-03")  # Thursday
    monday = _html(client, url + "?dag=2026-12-07")
    assert "Klik &amp; Tik" in monday and "Hulp bij DigiD" not in monday
    assert "Hulp bij DigiD" in _html(client, url + "?dag=2026-12-08")  # Tuesday, the seventh day
    assert "Geheim" not in _html(client, url + "?dag=2026-12-09")  # the draft's Wednesday: not shown
    assert "Vandaag" in _html(client, url + "?dag=2026-12-15")  # beyond the week: today
    assert "Vandaag" in _html(client, url + "?dag=kapot")


def test_week_leaves_out_closed_days(client, data):
    from .factories import OfferClosureFactory

    url = reverse("offers:week", args=[data.library.slug]) + "?dag=2026-12-08"
    OfferClosureFactory(offer=data.digid, starts_on=datetime.date(2026, 12, 8), ends_on=datetime.date(2026, 12, 8))
    assert "Hulp bij DigiD" not in _html(client, url)


def test_municipality_and_index(client, data):
    municipality = data.location.municipality
    html = _html(client, reverse("offers:municipality", args=[municipality.slug]))
    assert "Hulp bij DigiD" in html and "buren" not in html and "Geheim" not in html
    html = _html(client, reverse("offers:index"))
    assert data.library.name in html and municipality.name in html
    assert "geen cookies" in _html(client, reverse("offers:about"))


def test_drafts_are_never_shown(client, data):
    assert client.get(reverse("offers:offer", args=[data.library.slug, "geheim-concept"])).status_code == 404
    assert client.get(reverse("offers:offer_print", args=[data.library.slug, "geheim-concept"])).status_code == 404
    # Another library's offer is not found under this library's address.
    assert client.get(reverse("offers:offer", args=[data.library.slug, "digid-buren"])).status_code == 404
    for url in (
        reverse("offers:list", args=[data.library.slug]) + "?q=geheim",
        reverse("offers:list", args=[data.library.slug]) + "?dag=2",
        reverse("offers:week", args=[data.library.slug]),
        reverse("offers:need", args=[data.library.slug, "praktische_hulp"]),
    ):
        assert "Geheim" not in _html(client, url)


def _public_urls(data):
    lib = data.library.slug
    return [
        reverse("offers:index"),
        reverse("offers:about"),
        reverse("offers:library", args=[lib]),
        reverse("offers:need", args=[lib, "praktische_hulp"]),
        reverse("offers:list", args=[lib]) + "?q=digid&dag=1",
        reverse("offers:week", args=[lib]) + "?dag=2026-12-08",
        reverse("offers:offer", args=[lib, "hulp-bij-digid"]),
        reverse("offers:offer_print", args=[lib, "hulp-bij-digid"]),
        reverse("offers:occurrence_ics", args=[lib, "hulp-bij-digid", "20261208T1000"]),
        reverse("offers:municipality", args=[data.location.municipality.slug]),
    ]


def test_no_cookies_and_public_caching_for_anonymous_visitors(client, data):
    for url in _public_urls(data):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, (url, response.cookies)
        assert "Set-Cookie" not in response.headers, url
        assert "cookie" not in response.get("Vary", "").lower(), (url, response.get("Vary"))
        cache = {p.strip() for p in response["Cache-Control"].split(",")}
        assert "public" in cache and "max-age=300" in cache, url
        assert response["ETag"], url
        assert "csrfmiddlewaretoken" not in response.content.decode(errors="ignore")


def test_a_repeat_request_gets_304(client, data):
    with time_machine.travel(NOW, tick=False):
        for url in _public_urls(data)[:-2]:
            first = client.get(url)
            again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
            assert again.status_code == 304, url
            assert again.content == b""
            assert client.get(url, HTTP_IF_NONE_MATCH='"anders"').status_code == 200


def test_logged_in_people_get_no_store(client, data, world):
    client.force_login(world.users["coordinator"])
    response = client.get(reverse("offers:offer", args=[data.library.slug, "hulp-bij-digid"]))
    assert response.status_code == 200
    cache = {p.strip() for p in response["Cache-Control"].split(",")}
    assert "no-store" in cache and "public" not in cache


def test_each_page_takes_a_fixed_number_of_queries(client, data):
    from plein.site.tests.queries import count_queries

    from ..choices import Schedule
    from .factories import OfferClosureFactory, OfferFactory, OfferHoursFactory, OfferThemeFactory, SessionFactory

    urls = [u for u in _public_urls(data) if not u.endswith(".ics")] + [
        reverse("offers:list", args=[data.library.slug]),
        reverse("offers:list", args=[data.library.slug]) + "?thema=overheidszaken&inloop=1",
    ]

    def add_offers():
        for n in range(12):
            offer = OfferFactory(library=data.library, location=data.location, search_text=f"digid extra {n}")
            OfferThemeFactory(offer=offer)
            OfferHoursFactory(offer=offer, weekday=n % 7)
            OfferClosureFactory(offer=offer)
            course = OfferFactory(
                library=data.library, location=data.location, schedule=Schedule.SESSIONS, search_text=f"digid les {n}"
            )
            SessionFactory(offer=course)

    add_offers()
    before = {url: count_queries(client, url) for url in urls}
    add_offers()
    after = {url: count_queries(client, url) for url in urls}
    assert after == before
    assert max(after.values()) <= 10, after
