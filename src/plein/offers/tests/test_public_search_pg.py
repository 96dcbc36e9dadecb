"""On PostgreSQL the public search uses the Dutch text-search GIN index (migration 0002) and
finds words by their stem; on SQLite every word must occur (the fallback)."""

import random

import pytest
from django.db import connection

from plein.organisations.tests.factories import LocationFactory

from ..models import Offer
from ..scale import seed_offers
from ..selectors import OfferFilters, find_offers, search
from .factories import OfferFactory

pytestmark = pytest.mark.django_db


def test_search_finds_every_word_and_only_published_offers():
    OfferFactory(title="Formulieren invullen", search_text="hulp bij formulieren van de gemeente")
    OfferFactory(title="Klik & Tik", search_text="klik & tik computerles")
    OfferFactory(title="Concept", status="concept", search_text="hulp bij formulieren concept")
    assert [o.title for o in find_offers(OfferFilters(q="Klik & Tik"))] == ["Klik & Tik"]
    assert [o.title for o in find_offers(OfferFilters(q="hulp formulieren"))] == ["Formulieren invullen"]
    assert not find_offers(OfferFilters(q="formulieren tandarts")).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL text search")
def test_postgresql_search_stems_and_uses_the_gin_index():
    OfferFactory(title="Formulieren invullen", search_text="hulp bij formulieren van de gemeente")
    assert [o.title for o in find_offers(OfferFilters(q="formulier"))] == ["Formulieren invullen"]
    for _ in range(3):
        LocationFactory()
    seed_offers(600, random.Random(3))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE offers_offer")
        cursor.execute("SET LOCAL enable_seqscan = off")
        # The search condition alone: the planner may rightly start from the status index when
        # nearly every offer is published (as here); what must hold is that the text condition
        # matches the GIN index's expression, so PostgreSQL can use it.
        sql, params = search(Offer.objects.all(), "digid")[:20].query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "offer_search_text_dutch" in plan, plan
