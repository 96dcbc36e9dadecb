"""The calendar feeds per library, branch and theme of a library: the published offer's
occurrences of the coming eight weeks, read alike by two independent parsers (vobject and
ics-py); weekly hours skip the closed period, cancelled and past sessions are left out;
drafts never appear; a fixed number of queries."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from plein.site.tests.calendar_check import parse_ics
from plein.site.tests.queries import count_queries

from ..choices import Theme
from ..schedule import AMSTERDAM
from .factories import OfferFactory, OfferHoursFactory, OfferThemeFactory, SessionFactory
from .open_support import NOW, published_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(world):
    with time_machine.travel(NOW, tick=False):
        yield published_world(world)


def feed(client, name, *args):
    response = client.get(reverse(f"offers:{name}", args=args))
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    return parse_ics(response.content)


def local(event):
    return event.start.astimezone(AMSTERDAM).strftime("%Y-%m-%d %H:%M"), event.summary


def test_the_library_feed_has_the_coming_eight_weeks(client, data, world):
    events = feed(client, "feed_library", world.library.slug)
    assert [local(e) for e in events] == [
        ("2026-12-08 10:00", "Hulp bij DigiD"),
        ("2026-12-08 14:00", "Klik & Tik"),  # the session on the 15th is cancelled
        ("2026-12-15 10:00", "Hulp bij DigiD"),
        # 22 and 29 December: the Christmas closure
        ("2027-01-05 10:00", "Hulp bij DigiD"),
        ("2027-01-12 10:00", "Hulp bij DigiD"),
        ("2027-01-19 10:00", "Hulp bij DigiD"),
        ("2027-01-26 10:00", "Hulp bij DigiD"),
    ]
    first = events[0]
    assert first.end.astimezone(AMSTERDAM).hour == 12
    assert "/aanbod/" in first.description and "hulp-bij-digid" in first.description
    assert world.location.name in first.location
    assert "Geheim concept" not in {e.summary for e in events}
    assert "Taalhuis spreekuur" not in {e.summary for e in events}  # another library


def test_the_branch_feed_and_the_theme_feed(client, data, world):
    other = feed(client, "feed_location", world.other_library.slug, world.other_location.uuid)
    assert {e.summary for e in other} == {"Taalhuis spreekuur"}
    assert local(other[0]) == ("2026-12-09 10:00", "Taalhuis spreekuur")  # Wednesday
    government = feed(client, "feed_theme", world.library.slug, Theme.GOVERNMENT)
    assert {e.summary for e in government} == {"Hulp bij DigiD"}
    digital = feed(client, "feed_theme", world.library.slug, Theme.DIGITAL)
    assert {e.summary for e in digital} == {"Hulp bij DigiD", "Klik & Tik"}  # not the draft
    assert feed(client, "feed_theme", world.library.slug, Theme.MONEY) == []


def test_what_is_not_published_is_404(client, data, world):
    draft = data["draft"]
    cases = [
        reverse("offers:feed_library", args=["bestaat-niet"]),
        reverse("offers:feed_theme", args=[world.library.slug, "sport"]),
        # a branch of another library under this library's address
        reverse("offers:feed_location", args=[world.library.slug, world.other_location.uuid]),
    ]
    for url in cases:
        assert client.get(url).status_code == 404, url
    # A library whose only offer is a draft has no feed; its branch neither.
    data["weekly"].delete()
    data["course"].delete()
    assert client.get(reverse("offers:feed_library", args=[world.library.slug])).status_code == 404
    url = reverse("offers:feed_location", args=[world.library.slug, draft.location.uuid])
    assert client.get(url).status_code == 404


def test_a_feed_takes_a_fixed_number_of_queries(client, world):
    def add(n):
        for _i in range(n):
            weekly = OfferFactory(location=world.location)
            OfferHoursFactory(offer=weekly)
            OfferThemeFactory(offer=weekly, theme=Theme.DIGITAL)
            session = SessionFactory(offer__location=world.location)
            OfferThemeFactory(offer=session.offer, theme=Theme.DIGITAL)

    urls = [
        reverse("offers:feed_library", args=[world.library.slug]),
        reverse("offers:feed_location", args=[world.library.slug, world.location.uuid]),
        reverse("offers:feed_theme", args=[world.library.slug, Theme.DIGITAL]),
    ]
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=AMSTERDAM), tick=False):
        add(2)
        few = [count_queries(client, url) for url in urls]
        add(5)
        assert [count_queries(client, url) for url in urls] == few
        # Seven weekly offers on the nine Tuesdays from 1 December, and seven sessions.
        assert len(parse_ics(client.get(urls[0]).content)) == 7 * 9 + 7
