"""The IDO desk (/registreren/): choose the branch once, register a visit with its questions in
one request, see and undo the last registrations, and the JSON answers the offline script uses."""

import datetime
import uuid

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plein.registration import services
from plein.registration.choices import Metric
from plein.registration.models import DailyCount, Question, Visit

from .factories import category, visit_data

pytestmark = pytest.mark.django_db

DESK = "/registreren/"


def pk(kind, code):
    return str(category(kind, code).pk)


def question_fields(index, **values):
    data = {
        "domain": pk("domein", "digitale-overheid"),
        "topic": pk("onderwerp", "digid"),
        "help": pk("hulp", "praktische-hulp"),
        "organisation": "",
        "digid_follow_up": "",
        "referral": "",
    }
    data.update(values)
    return {f"vraag-{index}-{name}": value for name, value in data.items()}


def form_data(questions=1, key=None, **overrides):
    data = {
        "channel": pk("kanaal", "inloop"),
        "duration": pk("duur", "10-30"),
        "idempotency_key": key or uuid.uuid4().hex,
        "vraag-TOTAL_FORMS": str(questions),
        "vraag-INITIAL_FORMS": "0",
        "vraag-MIN_NUM_FORMS": "1",
        "vraag-MAX_NUM_FORMS": "20",
    }
    for index in range(questions):
        data.update(question_fields(index))
    data.update(overrides)
    return data


@pytest.fixture
def desk(client, world):
    client.force_login(world.users["desk_worker"])
    response = client.post(reverse("registration:desk_branch"), {"vestiging": str(world.location.uuid)})
    assert response.status_code == 302
    return client


def visits_total(location):
    return (
        DailyCount.objects.filter(location=location, metric=Metric.VISITS, category__isnull=True).aggregate(
            n=Sum("value")
        )["n"]
        or 0
    )


def test_the_desk_asks_for_the_branch_first_and_remembers_it(client, world):
    client.force_login(world.users["desk_worker"])
    response = client.get(DESK)
    assert "Kies uw IDO-vestiging" in response.content.decode()
    assert "Eigen Centrum" in response.content.decode()
    assert "Ander Centrum" not in response.content.decode()
    client.post(reverse("registration:desk_branch"), {"vestiging": str(world.location.uuid)})
    page = client.get(DESK).content.decode()
    assert "Bij <strong>Eigen Centrum</strong>." in page
    assert 'name="idempotency_key"' in page


def test_a_branch_without_an_ido_is_not_offered(client, world):
    world.location.has_ido = False
    world.location.save()
    client.force_login(world.users["desk_worker"])
    response = client.post(reverse("registration:desk_branch"), {"vestiging": str(world.location.uuid)})
    assert response.status_code == 404


def test_another_librarys_branch_is_refused(client, world):
    client.force_login(world.users["desk_worker"])
    response = client.post(reverse("registration:desk_branch"), {"vestiging": str(world.other_location.uuid)})
    assert response.status_code == 404
    assert "registration_branch" not in client.session
    # Even a session that names it is not used.
    session = client.session
    session["registration_branch"] = str(world.other_location.uuid)
    session.save()
    client.post(DESK, form_data())
    assert not Visit.objects.exists()


def test_register_a_visit_with_two_questions(desk, world):
    data = form_data(questions=2)
    data.update(question_fields(1, topic=pk("onderwerp", "toeslagen"), referral=pk("doorverwijzing", "digisterker")))
    response = desk.post(DESK, data, follow=True)
    page = response.content.decode()
    assert "Bezoek geregistreerd: 2 vragen" in page
    visit = Visit.objects.get()
    assert visit.location == world.location and visit.registered_by == world.users["desk_worker"]
    assert visit.questions.count() == 2
    assert Question.objects.filter(referral__code="digisterker").count() == 1
    assert visits_total(world.location) == 1
    # An empty form again, and the visit in the list below with an undo button.
    assert "checked" not in page.split('id="desk-form"')[1].split("vraag-0-organisation")[0]
    assert "Ongedaan maken" in page


def test_add_question_renders_one_more_block_and_keeps_the_input(desk):
    data = form_data(add_question="1")
    response = desk.post(DESK, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="vraag-1-topic"' in page and 'name="vraag-2-topic"' not in page
    assert "Vraag 2" in page
    assert "Nog niet opgeslagen" not in page
    assert response.context["formset"].forms[0]["topic"].value() == pk("onderwerp", "digid")
    assert not Visit.objects.exists()
    # The empty added block is left out when the visit is registered.
    data = {k: v for k, v in data.items() if k != "add_question"}
    data.update({"vraag-TOTAL_FORMS": "2", "vraag-INITIAL_FORMS": "1"})
    desk.post(DESK, data)
    assert Visit.objects.get().questions.count() == 1


def test_bad_input_keeps_the_input_with_dutch_messages_and_saves_nothing(desk):
    data = form_data(channel="", **{"vraag-0-topic": ""})
    response = desk.post(DESK, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kies hoe de bezoeker kwam." in page
    assert "Kies het onderwerp." in page
    assert "Nog niet opgeslagen" in page
    assert response.context["form"]["duration"].value() == pk("duur", "10-30")
    assert response.context["formset"].forms[0]["help"].value() == pk("hulp", "praktische-hulp")
    assert not Visit.objects.exists()
    assert not DailyCount.objects.exists()


def test_a_retired_option_is_hidden_and_refused(desk):
    retired = category("kanaal", "telefoon")
    services.category_retire(category=retired, acting_user=None)
    page = desk.get(DESK).content.decode()
    assert "Telefoon" not in page
    response = desk.post(DESK, form_data(channel=str(retired.pk)))
    assert "Kies een van de mogelijkheden." in response.content.decode()
    assert not Visit.objects.exists()


def test_the_same_key_twice_is_counted_once(desk, world):
    data = form_data()
    desk.post(DESK, data)
    desk.post(DESK, data)
    response = desk.post(DESK, data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response.json()["created"] is False
    assert Visit.objects.count() == 1
    assert visits_total(world.location) == 1


def test_json_answers_for_the_offline_script(desk):
    response = desk.post(DESK, form_data(questions=2), HTTP_ACCEPT="application/json")
    assert response.status_code == 201
    body = response.json()
    assert body["ok"] is True and body["message"] == "Bezoek geregistreerd: 2 vragen"
    response = desk.post(DESK, form_data(duration=""), HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json() == {"ok": False, "errors": {"duration": ["Kies hoe lang de hulp duurde."]}}
    assert Visit.objects.count() == 1


def test_undo_within_the_window(desk, world):
    desk.post(DESK, form_data())
    visit = Visit.objects.get()
    response = desk.post(reverse("registration:desk_undo", args=[visit.uuid]), follow=True)
    assert "De registratie is ongedaan gemaakt." in response.content.decode()
    assert not Visit.objects.exists()
    assert visits_total(world.location) == 0


def test_undo_is_refused_after_the_window(desk, world):
    desk.post(DESK, form_data())
    visit = Visit.objects.get()
    Visit.objects.filter(pk=visit.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=services.UNDO_MINUTES + 1)
    )
    page = desk.get(DESK).content.decode()
    assert f"/registreren/{visit.uuid}/ongedaan-maken/" not in page
    response = desk.post(reverse("registration:desk_undo", args=[visit.uuid]))
    assert response.status_code == 403
    assert Visit.objects.count() == 1 and visits_total(world.location) == 1


def test_someone_elses_visit_cannot_be_undone(client, world):
    visit, _ = services.visit_register(acting_user=world.users["desk_worker"], **visit_data(location=world.location))
    client.force_login(world.users["coordinator"])
    assert client.post(reverse("registration:desk_undo", args=[visit.uuid])).status_code == 404
    assert Visit.objects.count() == 1


def test_the_list_shows_the_last_five_of_this_user_here(desk, world):
    for _ in range(7):
        services.visit_register(acting_user=world.users["desk_worker"], **visit_data(location=world.location))
    services.visit_register(acting_user=world.users["coordinator"], **visit_data(location=world.location))
    response = desk.get(DESK)
    assert len(response.context["recent"]) == 5
    assert all(v.registered_by == world.users["desk_worker"] for v, _ in response.context["recent"])


def _count_queries(client):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(DESK)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_desk_page_does_a_fixed_number_of_queries(desk, world):
    services.visit_register(acting_user=world.users["desk_worker"], **visit_data(location=world.location))
    few = _count_queries(desk)
    for n in range(8):
        data = visit_data(location=world.location)
        data["questions"] = data["questions"] * (1 + n % 3)
        services.visit_register(acting_user=world.users["desk_worker"], **data)
    assert _count_queries(desk) == few


def test_desk_is_in_the_navigation_of_desk_workers_and_coordinators(client, world):
    for role, shown in [("desk_worker", True), ("coordinator", True), ("facilitator", False), ("administrator", False)]:
        client.force_login(world.users[role])
        assert ('href="/registreren/"' in client.get("/").content.decode()) is shown, role
