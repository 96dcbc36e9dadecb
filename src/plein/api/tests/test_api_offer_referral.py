"""The API registers a referral to an offer by the offer's public id, with the desk's checks."""

import json

import pytest

from plein.offers import referrals
from plein.offers.choices import OfferStatus
from plein.offers.tests.factories import OfferFactory
from plein.registration.models import Question

from .factories import bearer, make_token, visit_body

pytestmark = pytest.mark.django_db

VISITS = "/api/v1/visits"


def test_a_visit_refers_to_a_published_offer_of_the_keys_library(client, world):
    _token, secret = make_token(world.library, world.users["coordinator"])
    offer = OfferFactory(location=world.location)
    draft = OfferFactory(location=world.location, status=OfferStatus.DRAFT)
    elsewhere = OfferFactory(location=world.other_location)

    def body_for(offer_id):
        return visit_body(
            world.location,
            questions=[{"domain": "digitale-overheid", "topic": "digid", "help": "praktische-hulp", "offer": offer_id}],
        )

    def post(body):
        return client.post(VISITS, json.dumps(body), content_type="application/json", **bearer(secret))

    for bad in (draft, elsewhere):
        response = post(body_for(str(bad.uuid)))
        assert response.status_code == 422, response.content
        assert response.json()["errors"]["questions.0.offer"] == [
            "Kies aanbod van uw eigen bibliotheek dat gepubliceerd is."
        ]
    response = post(body_for(str(offer.uuid)))
    assert response.status_code == 201, response.content
    assert Question.objects.get().offer == offer
    year = Question.objects.get().visit.day.year
    assert referrals.referrals_in_year([offer.pk], year) == {offer.pk: 1}
    schema = client.get("/api/openapi.json").json()
    assert "offer" in schema["components"]["schemas"]["QuestionIn"]["properties"]
