"""The demo: Kennemerduin publishes its report for Haarlem and Groene Hart for Gouda, so the
demo municipality user (Demogemeente Gouda) finds a published report on its start page."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse

from plein.reports.models import Report, ReportVersion

pytestmark = pytest.mark.django_db


def test_demo_publishes_reports_the_demo_municipality_can_open(client):
    """Failed before: no reports in the demo."""
    from plein.site.demo import load_demo

    with time_machine.travel(datetime.datetime(2026, 6, 15, 10, tzinfo=datetime.UTC), tick=False):
        load_demo()
        load_demo()  # idempotent
        kennemerduin = Report.objects.get(library__name__contains="Kennemerduin")
        assert kennemerduin.municipality.name == "Haarlem" and kennemerduin.versions.count() == 1
        assert ReportVersion.objects.count() == 2
        user = get_user_model().objects.get(email="gemeente@demo.plein.example")
        client.force_login(user)
        home = client.get("/").content.decode()
        assert reverse("reports:list") in home
        listing = client.get(reverse("reports:list")).content.decode()
        gouda = Report.objects.get(municipality__name="Gouda")
        url = reverse("reports:version", args=[gouda.uuid, 1])
        assert url in listing
        page = client.get(url).content.decode()
        assert "Borgingsrapport IDO — Gouda — 2026" in page
