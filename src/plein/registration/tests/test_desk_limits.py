"""The desk refuses more questions than one visit may have (the API's maximum, 20), on the
server: a form posted with more question blocks stores nothing."""

import pytest
from django.urls import reverse

from plein.registration.forms import MAX_QUESTIONS
from plein.registration.models import Question, Visit

from .test_desk import DESK, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(client, world):
    client.force_login(world.users["desk_worker"])
    client.post(reverse("registration:desk_branch"), {"vestiging": str(world.location.uuid)})
    return client


def test_the_desk_accepts_twenty_questions(desk):
    response = desk.post(DESK, form_data(questions=MAX_QUESTIONS), HTTP_ACCEPT="application/json")
    assert response.status_code == 201, response.content
    assert Question.objects.count() == MAX_QUESTIONS == 20


def test_sixty_questions_are_refused_and_nothing_is_stored(desk):
    response = desk.post(DESK, form_data(questions=60), HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False
    assert body["errors"]["questions"] == [
        "U kunt hoogstens 20 vragen per bezoek registreren. Registreer de rest als een nieuw bezoek."
    ]
    response = desk.post(DESK, form_data(questions=60))
    assert response.status_code == 200
    assert "hoogstens 20 vragen per bezoek" in response.content.decode()
    assert not Visit.objects.exists() and not Question.objects.exists()
