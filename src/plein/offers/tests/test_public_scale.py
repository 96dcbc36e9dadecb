"""seed_offers: made-up public offers in bulk over the existing branches, also through
seed_scale (--offers), that the public pages show in a fixed number of queries."""

import random
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, F
from django.urls import reverse

from plein.organisations.tests.factories import LocationFactory
from plein.site.tests.queries import count_queries

from ..choices import OfferStatus, Schedule
from ..models import Offer, OfferHours, Session
from ..scale import seed_offers

pytestmark = pytest.mark.django_db


def test_seed_offers_makes_complete_offers_over_the_branches(client):
    locations = [LocationFactory() for _ in range(4)]
    assert seed_offers(300, random.Random(1)) == 300
    assert Offer.objects.count() == 300
    assert set(Offer.objects.values_list("location_id", flat=True)) == {loc.pk for loc in locations}
    assert not Offer.objects.exclude(location__organisation=F("library")).exists()
    drafts = Offer.objects.filter(status=OfferStatus.DRAFT).count()
    assert 10 < drafts < 60
    assert not Offer.objects.annotate(n=Count("themes")).filter(n=0).exists()
    weekly = Offer.objects.filter(schedule=Schedule.WEEKLY)
    assert not weekly.annotate(n=Count("hours")).filter(n=0).exists()
    sessions = Offer.objects.filter(schedule=Schedule.SESSIONS)
    assert not sessions.annotate(n=Count("sessions")).exclude(n=4).exists()
    assert OfferHours.objects.exists() and Session.objects.exists()
    assert not Offer.objects.filter(search_text="").exists()
    klik = Offer.objects.filter(title__startswith="Klik & Tik").first()
    assert "klik & tik" in klik.search_text and klik.location.city.lower() in klik.search_text
    library = locations[0].organisation
    url = reverse("offers:list", args=[library.slug])
    assert count_queries(client, url + "?q=klik+tik&dag=0") <= count_queries(client, url) <= 7


def test_seed_scale_makes_offers_scaled_like_its_other_options():
    out = StringIO()
    call_command(
        "seed_scale",
        *["--organisations", "3", "--locations", "6", "--ido-locations", "5", "--questions", "200", "--years", "1"],
        *["--offers", "120"],
        stdout=out,
    )
    assert "120 public offers" in out.getvalue()
    assert Offer.objects.count() == 120
    assert Offer.objects.filter(library__name__startswith="Schaalbibliotheek ").count() == 120
