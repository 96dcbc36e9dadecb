"""The desk refers a resident to a concrete published offer of the library ("Digisterker,
dinsdag in Centrum"); the rollups count referrals per offer; the figures show them per offer and
the offer's internal count (plein.offers.referrals) reads them. Never shown publicly."""

import datetime
import uuid

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plein.offers import referrals
from plein.offers.choices import OfferStatus, Schedule
from plein.offers.schedule import AMSTERDAM
from plein.offers.tests.factories import OfferFactory, OfferHoursFactory, SessionFactory
from plein.organisations.tests.factories import LocationFactory
from plein.registration import selectors, services
from plein.registration.choices import Metric
from plein.registration.models import AreaCount, Question, Visit

from .factories import question, visit_data
from .test_desk import form_data

pytestmark = pytest.mark.django_db

# Tuesday 1 December 2026, 10:00 in Amsterdam: the Digisterker hour (Tuesday 10-12) is today.
NOW = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM)
DESK = "/registreren/"
FIGURES = reverse("registration:figures")


@pytest.fixture
def travel():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def offers(world):
    digisterker = OfferFactory(location=world.location, title="Digisterker")
    OfferHoursFactory(offer=digisterker, weekday=1)
    course = OfferFactory(location=world.location, title="Klik & Tik", schedule=Schedule.SESSIONS)
    SessionFactory(offer=course, starts_at=datetime.datetime(2026, 12, 10, 14, tzinfo=AMSTERDAM))
    draft = OfferFactory(location=world.location, title="Conceptcursus", status=OfferStatus.DRAFT)
    elsewhere = OfferFactory(location=world.other_location, title="Ander aanbod")
    return {"digisterker": digisterker, "course": course, "draft": draft, "elsewhere": elsewhere}


@pytest.fixture
def desk(client, world):
    client.force_login(world.users["desk_worker"])
    client.post(reverse("registration:desk_branch"), {"vestiging": str(world.location.uuid)})
    return client


def test_the_desk_lists_the_published_offers_of_its_library_with_day_and_branch(travel, desk, offers):
    html = desk.get(DESK).content.decode()
    assert "Verwezen naar aanbod van de bibliotheek" in html
    assert "Digisterker, dinsdag in Eigen Centrum" in html
    assert "Klik &amp; Tik, donderdag 10 december in Eigen Centrum" in html
    assert "Conceptcursus" not in html and "Ander aanbod" not in html


def test_a_referral_to_an_offer_counts_for_the_offer_and_in_the_figures_and_undo_takes_it_back(
    travel, desk, client, world, offers
):
    digisterker = offers["digisterker"]
    data = form_data(**{"vraag-0-referral": "", "vraag-0-offer": str(digisterker.pk)})
    response = desk.post(DESK, data)
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert Question.objects.get().offer == digisterker
    assert referrals.referrals_in_year([digisterker.pk, offers["course"].pk], 2026) == {
        digisterker.pk: 1,
        offers["course"].pk: 0,
    }
    assert referrals.referrals_in_year([digisterker.pk], 2025) == {digisterker.pk: 0}

    client.force_login(world.users["coordinator"])
    html = client.get(FIGURES, {"periode": "maand", "datum": "2026-12-01"}).content.decode()
    section = html.split('id="fig-offers-title"')[1]
    assert "Verwijzingen naar aanbod" in html
    assert "Digisterker (Eigen Centrum)" in section
    assert "In deze periode heeft de balie 1 inwoner naar aanbod verwezen." in section
    branch = reverse("registration:figures_scope", kwargs={"scope": f"vestiging-{world.location.uuid}"})
    year = client.get(branch, {"periode": "jaar", "datum": "2026-12-01"}).content.decode()
    assert "Digisterker (Eigen Centrum)" in year

    desk.force_login(world.users["desk_worker"])
    assert desk.post(reverse("registration:desk_undo", args=[visit.uuid])).status_code == 302
    assert referrals.referrals_in_year([digisterker.pk], 2026) == {digisterker.pk: 0}
    html = client.get(FIGURES, {"periode": "maand", "datum": "2026-12-01"}).content.decode()
    assert "Digisterker (Eigen Centrum)" not in html
    assert "In deze periode heeft de balie niemand naar aanbod verwezen." in html


@pytest.mark.parametrize("which", ["draft", "elsewhere"])
def test_an_offer_that_is_not_a_published_offer_of_the_library_is_refused_beside_the_field(travel, desk, offers, which):
    response = desk.post(DESK, form_data(**{"vraag-0-offer": str(offers[which].pk)}))
    html = response.content.decode()
    assert response.status_code == 200
    assert not Visit.objects.exists() and not AreaCount.objects.exists()
    assert 'id="id_vraag-0-offer_error"' in html
    assert "Kies aanbod van uw eigen bibliotheek dat gepubliceerd is." in html
    assert 'href="#id_vraag-0-offer"' in html  # the summary links to the list itself


def test_the_service_takes_an_offer_by_its_public_id_and_refuses_others_in_dutch(travel, world, offers):
    desk = world.users["desk_worker"]
    ok = visit_data(location=world.location, questions=[question(offer=str(offers["course"].uuid))])
    visit, _ = services.visit_register(acting_user=desk, **ok)
    assert visit.questions.get().offer == offers["course"]
    for bad in (offers["draft"].uuid, offers["elsewhere"].uuid, uuid.uuid4(), "x"):
        with pytest.raises(ValidationError) as exc:
            services.visit_register(
                acting_user=desk, **visit_data(location=world.location, questions=[question(), question(offer=bad)])
            )
        message = "Kies aanbod van uw eigen bibliotheek dat gepubliceerd is."
        assert exc.value.message_dict["question_2_offer"] == [message]
    assert Visit.objects.count() == 1


def test_a_visit_may_keep_its_offer_after_the_offer_was_taken_off_the_public_pages(travel, world, offers):
    desk = world.users["desk_worker"]
    course = offers["course"]
    visit, _ = services.visit_register(
        acting_user=desk, **visit_data(location=world.location, questions=[question(offer=course)])
    )
    course.status = OfferStatus.DRAFT
    course.save()
    course.refresh_from_db()
    common = {"visit": visit, "acting_user": desk, "channel": visit.channel, "duration": visit.duration}
    services.visit_update(**common, questions=[question(offer=course)])
    with pytest.raises(ValidationError):
        services.visit_update(**common, questions=[question(offer=offers["draft"])])


def test_a_deleted_offer_leaves_the_figures(travel, world, offers):
    course = offers["course"]
    services.visit_register(
        acting_user=world.users["desk_worker"],
        **visit_data(location=world.location, questions=[question(offer=course)]),
    )
    assert referrals.referrals_in_year([course.pk], 2026)[course.pk] == 1
    course.delete()
    assert Question.objects.get().offer is None
    assert not AreaCount.objects.filter(metric=Metric.REFERRAL_OFFER, value__gt=0).exists()


def test_the_figures_of_a_no_longer_published_offer_are_counted_without_its_title(travel, client, world, offers):
    course = offers["course"]
    services.visit_register(
        acting_user=world.users["desk_worker"],
        **visit_data(location=world.location, questions=[question(offer=course)]),
    )
    course.status = OfferStatus.DRAFT
    course.save()
    client.force_login(world.users["municipality"])
    html = client.get(FIGURES, {"periode": "maand", "datum": "2026-12-01"}).content.decode()
    assert "Klik &amp; Tik" not in html.split('id="fig-offers-title"')[1]
    assert "Aanbod dat niet meer gepubliceerd is" in html


def _queries(client, url, **params):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_desk_and_the_figures_per_offer_take_a_fixed_number_of_queries(travel, desk, client, world, offers):
    branch = reverse("registration:figures_scope", kwargs={"scope": f"vestiging-{world.location.uuid}"})
    library = reverse("registration:figures_scope", kwargs={"scope": f"bibliotheek-{world.library.uuid}"})
    period = {"periode": "anders", "van": "2026-10-15", "tot": "2026-12-01"}  # whole months and loose days
    services.visit_register(acting_user=world.users["desk_worker"], **visit_data(location=world.location))
    desk_few = _queries(desk, DESK)
    desk.force_login(world.users["coordinator"])
    branch_few, library_few = _queries(desk, branch, **period), _queries(desk, library, **period)

    for n in range(6):
        offer = OfferFactory(location=LocationFactory(organisation=world.library, has_ido=True))
        OfferHoursFactory(offer=offer, weekday=n % 7)
        SessionFactory(offer=OfferFactory(location=world.location, schedule=Schedule.SESSIONS))
        for day in (datetime.date(2026, 10, 20), datetime.date(2026, 11, 10), datetime.date(2026, 12, 1)):
            services.visit_register(
                acting_user=world.users["desk_worker"],
                **visit_data(location=world.location, day=day, questions=[question(offer=offer), question()]),
            )
    assert _queries(desk, branch, **period) == branch_few
    assert _queries(desk, library, **period) == library_few
    html = desk.get(branch, period).content.decode()
    assert html.count("Testaanbod") >= 6
    desk.force_login(world.users["desk_worker"])
    desk.post(reverse("registration:desk_branch"), {"vestiging": str(world.location.uuid)})
    assert _queries(desk, DESK) == desk_few


def test_the_counter_is_registered_and_reads_one_query(travel, world, offers, django_assert_num_queries):
    ids = [offers["digisterker"].pk, offers["course"].pk]
    with django_assert_num_queries(1):
        assert selectors.referrals_per_offer(ids, 2026) == {}
    assert referrals.referrals_in_year(ids, 2026) == dict.fromkeys(ids, 0)


def test_the_manual_explains_referring_to_an_offer():
    from pathlib import Path

    manual = (Path(__file__).resolve().parents[4] / "docs" / "beheerhandleiding.md").read_text()
    section = manual.split("## 12. Verwijzen naar aanbod", 1)[1].split("\n## ", 1)[0]
    for words in ("Verwezen naar aanbod van de bibliotheek", "Verwijzingen naar aanbod", "nooit", "`offer`"):
        assert words in section
