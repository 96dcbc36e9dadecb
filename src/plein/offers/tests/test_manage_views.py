"""The pages for managing the offer, through real HTML: the form keeps bad input with a Dutch
message next to the field and saves nothing; create, publish, withdraw; the internal page with
the IDO's referrals this year; the one-step offers; a fixed number of queries per page; the
start page's "Aanbod controleren" and the menu's "Ons aanbod"."""

import datetime

import pytest
import time_machine
from django.test import RequestFactory
from django.urls import reverse

from plein.borging.tests.factories import LocationProfileFactory, OpeningHoursFactory
from plein.emb.tests.factories import PortfolioEntryFactory, ProgrammeFactory
from plein.guide.tests.factories import PartnerFactory, TrajectoryFactory
from plein.site.navigation import nav_for
from plein.site.selectors import start_page_sections
from plein.site.tests.queries import count_queries

from .. import referrals
from ..choices import OfferSource, OfferStatus, Schedule
from ..models import Offer
from ..schedule import AMSTERDAM
from .factories import OfferFactory, OfferHoursFactory, OfferThemeFactory, SessionFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 9, 15, 10, tzinfo=AMSTERDAM)


def _post_data(world, **extra):
    data = {
        "title": "Hulp bij DigiD",
        "summary": "Wij helpen u met DigiD.",
        "kind": "hulp_formulieren",
        "need": "praktische_hulp",
        "helper": "professional",
        "location": world.location.pk,
        "schedule": "wekelijks",
        "access": "inloop",
        "free": "on",
        "languages": "Nederlands",
        "themes": ["overheidszaken"],
        "bring": ["digid"],
        "facilities": ["computers", "printer"],
    }
    data.update(extra)
    return data


def _login(client, world, role="coordinator"):
    client.force_login(world.users[role])


def test_create_form_has_every_field_and_partners_of_the_library_only(client, world):
    own = PartnerFactory(trajectory=TrajectoryFactory(library=world.library), name="Eigen Partner")
    PartnerFactory(trajectory=TrajectoryFactory(library=world.other_library), name="Andere Partner")
    _login(client, world)
    html = client.get(reverse("offers:manage_create", args=[world.library.uuid])).content.decode()
    for name in ("title", "summary", "covered", "not_covered", "kind", "need", "helper", "target_group", "location",
                 "schedule", "access", "signup_phone", "signup_email", "signup_url", "bring", "bring_other",
                 "facilities", "free", "cost", "languages", "provider_name", "partner", "programme", "review_on",
                 "themes", "slug"):  # fmt: skip
        assert f'name="{name}"' in html, name
    assert 'type="checkbox" name="themes"' in html and 'type="checkbox" name="bring"' in html
    assert own.name in html and "Andere Partner" not in html
    assert world.other_location.name not in html


def test_bad_input_keeps_what_was_typed_with_a_dutch_message_and_saves_nothing(client, world):
    _login(client, world)
    url = reverse("offers:manage_create", args=[world.library.uuid])
    response = client.post(url, _post_data(world, title="Cursus met aanmelden", access="aanmelden", free=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Geef minstens één manier om aan te melden" in html
    assert "Vul in wat het kost, of vink gratis aan." in html
    assert 'value="Cursus met aanmelden"' in html
    assert not Offer.objects.exists()


def test_create_then_publish_then_withdraw(client, world):
    _login(client, world)
    response = client.post(reverse("offers:manage_create", args=[world.library.uuid]), _post_data(world))
    offer = Offer.objects.get()
    assert response["Location"] == reverse("offers:manage_detail", args=[offer.uuid])
    assert offer.status == OfferStatus.DRAFT and offer.bring == ["digid"]
    publish = reverse("offers:manage_publish", args=[offer.uuid])
    response = client.post(publish, {"review_on": ""})
    assert response.status_code == 400
    assert "Voeg minstens één blok met tijden per week toe." in response.content.decode()
    hours = {
        "hours-TOTAL_FORMS": "2",
        "hours-INITIAL_FORMS": "0",
        "hours-0-weekday": "1",
        "hours-0-opens": "10:00",
        "hours-0-closes": "12:00",
        "closures-TOTAL_FORMS": "1",
        "closures-INITIAL_FORMS": "0",
    }
    assert client.post(reverse("offers:manage_hours", args=[offer.uuid]), hours).status_code == 302
    assert client.post(publish, {"review_on": ""}).status_code == 302
    offer.refresh_from_db()
    assert offer.status == OfferStatus.PUBLISHED and offer.review_on is not None
    client.post(reverse("offers:manage_unpublish", args=[offer.uuid]))
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT


def test_hours_form_with_overlap_keeps_the_input(client, world):
    offer = OfferFactory(location=world.location, status=OfferStatus.DRAFT)
    _login(client, world)
    data = {
        "hours-TOTAL_FORMS": "2",
        "hours-INITIAL_FORMS": "0",
        "hours-0-weekday": "1",
        "hours-0-opens": "10:00",
        "hours-0-closes": "12:00",
        "hours-1-weekday": "1",
        "hours-1-opens": "11:00",
        "hours-1-closes": "13:00",
        "closures-TOTAL_FORMS": "1",
        "closures-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("offers:manage_hours", args=[offer.uuid]), data)
    assert response.status_code == 400
    assert "overlappen" in response.content.decode()
    assert not offer.hours.exists()


def test_facilitator_reads_but_gets_no_buttons(client, world):
    offer = OfferFactory(location=world.location, status=OfferStatus.DRAFT)
    _login(client, world, "facilitator")
    html = client.get(reverse("offers:manage_detail", args=[offer.uuid])).content.decode()
    assert offer.title in html
    assert reverse("offers:manage_edit", args=[offer.uuid]) not in html
    assert client.post(reverse("offers:manage_publish", args=[offer.uuid])).status_code == 403


def test_detail_shows_the_referrals_of_this_year_and_the_public_link(client, world, monkeypatch):
    offer = OfferFactory(location=world.location)
    calls = []

    def counter(ids, year):
        calls.append((list(ids), year))
        return {offer.pk: 7}

    monkeypatch.setattr(referrals, "_counter", counter)
    _login(client, world)
    with time_machine.travel(NOW, tick=False):
        html = client.get(reverse("offers:manage_detail", args=[offer.uuid])).content.decode()
    assert calls == [([offer.pk], 2026)]
    assert "In 2026 verwees de IDO-balie 7 inwoners naar dit aanbod." in html


@time_machine.travel(NOW, tick=False)
def test_list_flags_offers_past_their_review_date(client, world):
    due = OfferFactory(location=world.location, title="Oud aanbod", review_on=datetime.date(2026, 9, 1))
    OfferFactory(location=world.location, title="Vers aanbod", review_on=datetime.date(2027, 3, 1))
    _login(client, world)
    html = client.get(reverse("offers:manage_list")).content.decode()
    assert "Oud aanbod" in html and "Vers aanbod" in html
    row = html.split(f'id="aanbod-{due.uuid}"', 1)[1].split("</tr>", 1)[0]
    assert "controleren" in row
    assert html.count(">controleren</span>") == 1


def _fill(library, location, n):
    for i in range(n):
        offer = OfferFactory(location=location, title=f"Aanbod {n}-{i}")
        OfferThemeFactory(offer=offer)
        OfferHoursFactory(offer=offer)
        SessionFactory(offer=offer)


def test_pages_take_a_fixed_number_of_queries(client, world):
    _login(client, world)
    _fill(world.library, world.location, 1)
    offer = Offer.objects.first()
    urls = [
        reverse("offers:manage_list"),
        reverse("offers:manage_library", args=[world.library.uuid]),
        reverse("offers:manage_detail", args=[offer.uuid]),
        reverse("offers:manage_edit", args=[offer.uuid]),
    ]
    small = [count_queries(client, url) for url in urls]
    _fill(world.library, world.location, 5)
    for _ in range(4):
        SessionFactory(offer=offer)
        OfferHoursFactory(offer=offer, weekday=3)
        PartnerFactory(trajectory=TrajectoryFactory(library=world.library))
    assert [count_queries(client, url) for url in urls] == small
    client.force_login(world.users["administrator"])
    overview = count_queries(client, reverse("offers:manage_list"))
    _fill(world.other_library, world.other_location, 3)
    assert count_queries(client, reverse("offers:manage_list")) == overview


def test_from_programme_makes_a_draft_and_opens_it(client, world):
    entry = PortfolioEntryFactory(library=world.library, programme=ProgrammeFactory(name="Klik & Tik"))
    entry.locations.add(world.location)
    _login(client, world)
    portfolio = client.get(reverse("emb:portfolio", args=[world.library.uuid])).content.decode()
    url = reverse("offers:manage_from_programme", args=[entry.uuid])
    assert url in portfolio
    response = client.post(url, {"location": world.location.pk})
    offer = Offer.objects.get()
    assert response["Location"] == reverse("offers:manage_edit", args=[offer.uuid])
    assert offer.source == OfferSource.PROGRAMME and offer.schedule == Schedule.SESSIONS


def test_from_ido_profile_button_and_offer(client, world):
    profile = LocationProfileFactory(location=world.location)
    OpeningHoursFactory(profile=profile)
    _login(client, world)
    page = client.get(reverse("borging:profile", args=[world.location.uuid])).content.decode()
    url = reverse("offers:manage_from_ido", args=[world.location.uuid])
    assert url in page
    client.post(url)
    offer = Offer.objects.get()
    assert offer.source == OfferSource.IDO_PROFILE and offer.hours.count() == 1


def _start_labels(user):
    return [str(label) for label, _url in start_page_sections(user=user)[0].links]


@time_machine.travel(NOW, tick=False)
def test_start_page_asks_to_check_offers_past_their_review_date(client, world):
    coordinator = world.users["coordinator"]
    assert not any(label.startswith("Aanbod controleren") for label in _start_labels(coordinator))
    OfferFactory(location=world.location, review_on=datetime.date(2026, 9, 1))
    OfferFactory(location=world.location, review_on=datetime.date(2026, 8, 1))
    OfferFactory(location=world.location, review_on=datetime.date(2026, 8, 1), status=OfferStatus.DRAFT)
    OfferFactory(location=world.other_location, review_on=datetime.date(2026, 8, 1))  # another library
    assert "Aanbod controleren (2)" in _start_labels(coordinator)
    client.force_login(coordinator)
    home = count_queries(client, reverse("site:home"))
    OfferFactory(location=world.location, review_on=datetime.date(2026, 7, 1))
    assert count_queries(client, reverse("site:home")) == home
    assert "Aanbod controleren (3)" in client.get(reverse("site:home")).content.decode()


def test_menu_has_our_offer_for_coordinators_only(world):
    def labels(user):
        request = RequestFactory().get("/")
        request.user = user
        return [str(item["label"]) for item in nav_for(request)]

    assert "Ons aanbod" in labels(world.users["coordinator"])
    for role in ("desk_worker", "municipality", "facilitator", "administrator"):
        assert "Ons aanbod" not in labels(world.users[role])


@time_machine.travel(NOW, tick=True)
def test_sessions_by_form_cancel_and_remove(client, world):
    offer = OfferFactory(location=world.location, status=OfferStatus.DRAFT, schedule=Schedule.SESSIONS)
    _login(client, world)
    add = reverse("offers:manage_session_add", args=[offer.uuid])
    response = client.post(add, {"day": "2026-10-06", "starts": "14:00", "ends": "13:00", "note": "les 1"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "De eindtijd moet later zijn dan de begintijd." in html and 'value="les 1"' in html
    assert not offer.sessions.exists()
    client.post(add, {"day": "2026-10-06", "starts": "14:00", "ends": "16:00", "note": "les 1"})
    session = offer.sessions.get()
    assert session.starts_at == datetime.datetime(2026, 10, 6, 14, tzinfo=AMSTERDAM)
    client.post(
        reverse("offers:manage_session_edit", args=[session.uuid]),
        {"day": "2026-10-13", "starts": "14:00", "ends": "16:00", "note": "les 1"},
    )
    client.post(reverse("offers:manage_session_cancel", args=[session.uuid]), {"cancelled": "1"})
    session.refresh_from_db()
    assert session.cancelled and session.starts_at.date() == datetime.date(2026, 10, 13)
    client.post(reverse("offers:manage_session_delete", args=[session.uuid]))
    assert not offer.sessions.exists()


@time_machine.travel(NOW, tick=False)
def test_checked_moves_the_review_date_six_months_ahead(client, world):
    offer = OfferFactory(location=world.location, review_on=datetime.date(2026, 9, 1))
    _login(client, world)
    client.post(reverse("offers:manage_reviewed", args=[offer.uuid]))
    offer.refresh_from_db()
    assert offer.review_on == datetime.date(2027, 3, 15)


def test_only_a_draft_is_deleted_by_the_page(client, world):
    published = OfferFactory(location=world.location)
    draft = OfferFactory(location=world.location, status=OfferStatus.DRAFT)
    _login(client, world)
    client.post(reverse("offers:manage_delete", args=[published.uuid]))
    assert Offer.objects.filter(pk=published.pk).exists()
    response = client.post(reverse("offers:manage_delete", args=[draft.uuid]))
    assert response["Location"] == reverse("offers:manage_library", args=[world.library.uuid])
    assert not Offer.objects.filter(pk=draft.pk).exists()
