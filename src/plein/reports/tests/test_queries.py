"""The report's pages cost a fixed number of queries whatever the data: the published page,
PDF-less, reads one snapshot; the preview reads the rollups, the profiles and the scan."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from plein.actions.tests.factories import ActionFactory
from plein.organisations.tests.factories import LocationFactory
from plein.reports import services
from plein.site.tests.queries import count_queries

from .test_reports import NOW, YEAR, register

pytestmark = pytest.mark.django_db


def _grow(world, n):
    for i in range(n):
        location = LocationFactory(
            organisation=world.library, municipality=world.location.municipality, name=f"Tak {i}"
        )
        register(location, datetime.date(2025, 3, 1 + i), n=2)
        ActionFactory(library=world.library)
    register(world.location, datetime.date(2025, 4, 1), n=n)


def _counts(client, world):
    from plein.reports.models import Report

    Report.objects.all().delete()
    report = services.report_create(
        acting_user=None, library=world.library, municipality=world.location.municipality, year=YEAR
    )
    services.report_publish(acting_user=None, report=report)
    client.force_login(world.users["coordinator"])
    preview = count_queries(client, reverse("reports:preview", args=[report.uuid]))
    detail = count_queries(client, reverse("reports:detail", args=[report.uuid]))
    client.force_login(world.users["municipality"])
    version = count_queries(client, reverse("reports:version", args=[report.uuid, 1]))
    listing = count_queries(client, reverse("reports:list"))
    return preview, detail, version, listing


def test_fixed_number_of_queries_at_two_sizes(client, world):
    """Failed before: there were no report pages."""
    with time_machine.travel(NOW, tick=False):
        register(world.location, datetime.date(2025, 2, 1))
        small = _counts(client, world)
        _grow(world, 6)
        large = _counts(client, world)
    assert small == large, (small, large)
