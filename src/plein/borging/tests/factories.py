import datetime

import factory

from plein.organisations.tests.factories import LocationFactory, OrganisationFactory

from ..choices import CriterionStatus, HoursKind, Scenario
from ..models import Assessment, LocationProfile, OpeningHours, Scan


class LocationProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocationProfile

    location = factory.SubFactory(LocationFactory)
    scenario = Scenario.BASIS
    paid_staff = 2
    volunteers = 3
    elearning_count = 5
    elearning_last = datetime.date(2026, 3, 1)
    conversation_count = 2
    conversation_last = datetime.date(2026, 4, 1)
    privacy_count = 1
    privacy_last = datetime.date(2026, 5, 1)
    house_style_signage = True
    last_promotion_on = datetime.date(2026, 6, 1)
    gids_checked_on = datetime.date(2026, 2, 1)


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpeningHours

    profile = factory.SubFactory(LocationProfileFactory)
    weekday = 0
    opens = datetime.time(10)
    closes = datetime.time(12)
    kind = HoursKind.OPEN


class ScanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scan

    library = factory.SubFactory(OrganisationFactory)
    year = 2026


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    scan = factory.SubFactory(ScanFactory)
    criterion = "function_a"
    status = CriterionStatus.PARTLY
    note = "Nog niet op alle vestigingen."
