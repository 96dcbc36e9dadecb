"""schema.org JSON-LD on each offer's page: Service with OpeningHoursSpecification for help and
advice, Course with course instances for digital skills and courses, Event with the sessions as
subEvent for an information meeting; Place with PostalAddress, provider, free or not. The
script is data (type application/ld+json) and a title with "</script>" cannot end it."""

import datetime
import json
import re

import pytest
import time_machine
from django.conf import settings

from ..choices import OfferKind, Schedule
from ..schedule import AMSTERDAM
from ..selectors import with_schedule
from ..structured_data import json_ld_script, offer_json_ld
from .factories import OfferFactory, SessionFactory
from .open_support import NOW, published_world

pytestmark = pytest.mark.django_db
SITE = "https://plein.example.nl"


def load(offer):
    return with_schedule(type(offer).objects.filter(pk=offer.pk)).get()


@pytest.fixture
def data(world):
    with time_machine.travel(NOW, tick=False):
        yield published_world(world)


def test_help_with_forms_is_a_service_with_opening_hours(data, world):
    world.location.accessibility = "Ingang zonder drempel"
    world.location.save()
    ld = offer_json_ld(load(data["weekly"]), SITE, NOW)
    assert ld["@context"] == "https://schema.org" and ld["@type"] == "Service"
    assert ld["url"] == f"{SITE}/aanbod/{world.library.slug}/hulp-bij-digid/"
    assert ld["isAccessibleForFree"] is True and ld["offers"]["price"] == "0"
    assert ld["provider"] == {"@type": "Library", "name": world.library.name}
    place = ld["availableChannel"]["serviceLocation"]
    assert place["@type"] == "Place" and place["address"]["@type"] == "PostalAddress"
    assert place["address"]["addressLocality"] == world.location.city
    assert place["amenityFeature"]["value"] == "Ingang zonder drempel"
    weekly, closed = ld["hoursAvailable"]
    assert weekly == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Tuesday",
        "opens": "10:00",
        "closes": "12:00",
    }
    assert (closed["validFrom"], closed["validThrough"], closed["opens"]) == ("2026-12-21", "2027-01-03", "00:00")


def test_a_digital_skills_course_is_a_course_with_its_sessions(data):
    ld = offer_json_ld(load(data["course"]), SITE, NOW)
    assert ld["@type"] == "Course"
    first, cancelled = ld["hasCourseInstance"]
    assert first["@type"] == "CourseInstance" and first["courseMode"] == "onsite"
    assert first["startDate"] == "2026-12-08T14:00:00+01:00" and first["name"] == "Les 1"
    assert first["location"]["@type"] == "Place"
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"


def test_a_weekly_course_has_a_course_schedule(world):
    offer = OfferFactory(location=world.location, kind=OfferKind.COURSE, free=False, cost="€ 5 per keer")
    offer.hours.create(weekday=4, opens=datetime.time(13, 30), closes=datetime.time(15))
    ld = offer_json_ld(load(offer), SITE, NOW)
    (instance,) = ld["hasCourseInstance"]
    assert instance["courseSchedule"]["byDay"] == "https://schema.org/Friday"
    assert instance["courseSchedule"]["repeatFrequency"] == "P1W"
    assert ld["isAccessibleForFree"] is False and ld["offers"]["description"] == "€ 5 per keer"


def test_an_information_meeting_is_an_event_with_sub_events(world):
    offer = OfferFactory(location=world.location, kind=OfferKind.INFO_MEETING, schedule=Schedule.SESSIONS)
    SessionFactory(offer=offer, starts_at=datetime.datetime(2026, 12, 10, 19, 30, tzinfo=AMSTERDAM))
    SessionFactory(offer=offer, starts_at=datetime.datetime(2027, 1, 14, 19, 30, tzinfo=AMSTERDAM))
    ld = offer_json_ld(load(offer), SITE, NOW)
    assert ld["@type"] == "Event"
    assert ld["startDate"] == "2026-12-10T19:30:00+01:00" and ld["endDate"] == "2027-01-14T21:30:00+01:00"
    assert [e["startDate"] for e in ld["subEvent"]] == ["2026-12-10T19:30:00+01:00", "2027-01-14T19:30:00+01:00"]
    assert ld["location"]["address"]["addressCountry"] == "NL"
    assert ld["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_the_script_cannot_be_ended_by_a_title():
    html = json_ld_script({"name": "</script><script>alert(1)</script> & <!--"})
    assert html.startswith('<script type="application/ld+json">') and html.count("</script>") == 1
    body = re.match(r'<script type="application/ld\+json">(.*)</script>$', html).group(1)
    assert json.loads(body)["name"] == "</script><script>alert(1)</script> & <!--"


def test_the_offer_page_carries_the_json_ld(client, data, world):
    with time_machine.travel(NOW, tick=False):
        html = client.get(f"/aanbod/{world.library.slug}/hulp-bij-digid/").content.decode()
    head = html.split("</head>")[0]
    (body,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    ld = json.loads(body)
    assert ld["@type"] == "Service" and ld["name"] == "Hulp bij DigiD"
    assert ld["url"] == f"{settings.PLEIN_SITE_URL}/aanbod/{world.library.slug}/hulp-bij-digid/"
