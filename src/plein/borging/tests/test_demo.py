import datetime

import pytest
import time_machine

from plein.organisations.models import Location, Organisation

from ..models import AssessmentAction, LocationProfile, Scan

pytestmark = pytest.mark.django_db


@time_machine.travel(datetime.datetime(2027, 3, 2, 9, tzinfo=datetime.UTC))
def test_demo_fills_profiles_and_scans_for_the_current_year(client):
    from plein.site.demo import load_demo

    load_demo()
    libraries = Organisation.objects.filter(is_demo=True, name__startswith="Demobibliotheek ")
    ido = Location.objects.filter(organisation__in=libraries, has_ido=True)
    assert ido.exists()
    assert LocationProfile.objects.filter(location__in=ido).count() == ido.count()
    assert all(p.hours.exists() for p in LocationProfile.objects.all())
    assert Scan.objects.filter(library__in=libraries, year=2027).count() == libraries.count()
    statuses = set(Scan.objects.filter(year=2027).values_list("assessments__status", flat=True))
    assert {"done", "partly", "not_yet"} <= statuses
    assert AssessmentAction.objects.filter(assessment__scan__year=2027).exists()
    # Its pages open for the demo people.
    from django.urls import reverse

    from plein.accounts.models import User

    library = libraries.first()
    client.force_login(User.objects.get(organisation=library, role="coordinator"))
    assert client.get(reverse("borging:scan", args=[library.uuid, 2027])).status_code == 200
    client.force_login(User.objects.filter(role="facilitator").first())
    html = client.get(reverse("borging:overview", args=[2027])).content.decode()
    assert library.name in html
    # Running it again adds nothing.
    before = (LocationProfile.objects.count(), AssessmentAction.objects.count())
    load_demo()
    assert (LocationProfile.objects.count(), AssessmentAction.objects.count()) == before
