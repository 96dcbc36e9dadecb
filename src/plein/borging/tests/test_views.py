import datetime

import pytest
import time_machine
from django.urls import reverse

from plein.actions.models import Action
from plein.organisations.tests.factories import LocationFactory, OrganisationFactory
from plein.site.tests.queries import count_queries
from plein.themegroups.tests.factories import GroupMembershipFactory, MeetingFactory

from .. import services
from ..choices import CriterionStatus
from ..models import Assessment, LocationProfile
from .factories import AssessmentFactory, LocationProfileFactory, OpeningHoursFactory, ScanFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 9, 15, 10, tzinfo=datetime.UTC)


def _management(prefix, total):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0"}


def _profile_post(**extra):
    data = {
        "scenario": "basis",
        "in_library_building": "on",
        "paid_staff": "2",
        "volunteers": "3",
        "elearning_count": "5",
        "conversation_count": "2",
        "privacy_count": "1",
        "last_promotion_note": "Flyer in de bibliotheek",
        **_management("hours", 2),
        **_management("exceptions", 1),
        "hours-0-weekday": "0",
        "hours-0-opens": "10:00",
        "hours-0-closes": "12:00",
        "hours-0-kind": "open",
        "hours-1-weekday": "",
        "hours-1-kind": "open",
        "exceptions-0-closed": "on",
    }
    data.update(extra)
    return data


@time_machine.travel(NOW)
def test_coordinator_saves_a_profile_with_hours(client, world):
    client.force_login(world.users["coordinator"])
    url = reverse("borging:profile_edit", args=[world.location.uuid])
    response = client.post(url, _profile_post())
    assert response.status_code == 302
    profile = LocationProfile.objects.get(location=world.location)
    assert profile.volunteers == 3 and profile.hours.count() == 1
    html = client.get(reverse("borging:profile", args=[world.location.uuid])).content.decode()
    assert "Maandag" in html and "10:00" in html and "Flyer in de bibliotheek" in html


@time_machine.travel(NOW)
def test_errors_are_dutch_next_to_the_fields_and_input_is_kept(client, world):
    client.force_login(world.users["coordinator"])
    url = reverse("borging:profile_edit", args=[world.location.uuid])
    data = _profile_post(
        **{
            "elearning_count": "9",  # more than 5 people
            "hours-1-weekday": "0",
            "hours-1-opens": "11:00",  # overlaps 10–12 on Monday
            "hours-1-closes": "13:00",
            "last_promotion_note": "Bewaar mij",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nog niet opgeslagen" in html
    assert "Deze uren overlappen met andere uren op dezelfde dag." in html
    assert 'id="id_hours-1-opens_error"' in html
    assert 'value="Bewaar mij"' in html and 'value="11:00"' in html
    assert not LocationProfile.objects.exists()  # nothing half-saved
    # Fixing the overlap, the training count is checked next to its field.
    data.update({"hours-1-opens": "13:00", "hours-1-closes": "15:00"})
    html = client.post(url, data).content.decode()
    assert "Hoogstens 5: het aantal betaalde medewerkers en vrijwilligers samen." in html
    assert 'id="id_elearning_count_error"' in html
    assert not LocationProfile.objects.exists()


@time_machine.travel(NOW)
def test_end_before_start_is_refused_in_dutch(client, world):
    client.force_login(world.users["coordinator"])
    url = reverse("borging:profile_edit", args=[world.location.uuid])
    html = client.post(url, _profile_post(**{"hours-0-closes": "09:00"})).content.decode()
    assert "De eindtijd moet later zijn dan de begintijd." in html


def test_scan_page_shows_criteria_proposals_and_saves_an_assessment(client, world):
    LocationProfileFactory(location=world.location)
    client.force_login(world.users["coordinator"])
    url = reverse("borging:scan", args=[world.library.uuid, 2026])
    html = client.get(url).content.decode()
    assert "Afspraken met de gemeente" in html and "e. Doorverwijzen" in html
    assert "voorstel van Plein" in html  # trained staff etc. from the profile
    edit = reverse("borging:assessment_edit", args=[world.library.uuid, 2026, "spuk_amount"])
    response = client.post(edit, {"status": "done", "amount": "12345,50", "note": "Beschikking 2026"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assessment = Assessment.objects.get(criterion="spuk_amount")
    assert str(assessment.amount) == "12345.50" and assessment.status == "done"


def test_assessment_form_refuses_a_bad_link_in_dutch_and_keeps_input(client, world):
    client.force_login(world.users["coordinator"])
    edit = reverse("borging:assessment_edit", args=[world.library.uuid, 2026, "agreement"])
    data = {"status": "partly", "link": "ftp://x", "note": "Houd mij vast", "until": "2027-12-31"}
    response = client.post(edit, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul een geldige URL in" in html or "geldige URL" in html
    assert "Houd mij vast" in html and 'value="2027-12-31"' in html
    assert not Assessment.objects.exists()


def test_one_click_action_shows_its_origin_in_the_plan(client, world):
    client.force_login(world.users["coordinator"])
    response = client.post(reverse("borging:assessment_action", args=[world.library.uuid, 2026, "function_c"]))
    assert response.status_code == 302
    action = Action.objects.get()
    plan = client.get(reverse("actions:plan", args=[world.library.uuid])).content.decode()
    assert "Uit de borgingsscan:" in plan and "c. Voorlichting over de digitale samenleving" in plan
    assert reverse("borging:scan", args=[world.library.uuid, 2026]) in plan
    scan = client.get(reverse("borging:scan", args=[world.library.uuid, 2026])).content.decode()
    assert action.title in scan


def _borging_actions(library, n):
    for i in range(n):
        services.assessment_action_create(
            library=library, year=2026, criterion=["function_a", "gids", "agreement"][i % 3], acting_user=None
        )


def test_plan_keeps_a_fixed_number_of_queries_with_borging_actions(client, world):
    client.force_login(world.users["coordinator"])
    url = reverse("actions:plan", args=[world.library.uuid])
    _borging_actions(world.library, 2)
    few = count_queries(client, url)
    _borging_actions(world.library, 12)
    assert count_queries(client, url) == few


def _coached_library(world, i):
    library = OrganisationFactory(name=f"Bibliotheek Coach {i}")
    GroupMembershipFactory(group=world.group, library=library)
    for j in range(2):
        location = LocationFactory(organisation=library, name=f"Vestiging {i}-{j}")
        profile = LocationProfileFactory(location=location, house_style_signage=bool(j))
        OpeningHoursFactory(profile=profile)
    scan = ScanFactory(library=library, year=2026)
    for k, criterion in enumerate(["agreement", "function_a", "function_b", "partner_network"]):
        AssessmentFactory(scan=scan, criterion=criterion, status=list(CriterionStatus)[(i + k) % 3])
    services.assessment_action_create(library=library, year=2026, criterion="gids", acting_user=None)
    return library


def test_overview_shows_every_coached_library_in_fixed_queries(client, world):
    client.force_login(world.users["facilitator"])
    url = reverse("borging:overview", args=[2026])
    MeetingFactory(group=world.group, starts_at=datetime.datetime(2099, 1, 1, 10, tzinfo=datetime.UTC))
    _coached_library(world, 0)
    few = count_queries(client, url)
    for i in range(1, 8):
        _coached_library(world, i)
    assert count_queries(client, url) == few
    html = client.get(url).content.decode()
    assert "Bibliotheek Coach 7" in html and "Waar de meeste bibliotheken vastlopen" in html
    assert "nog niet" in html and "deels" in html  # text, not colour alone


@pytest.mark.parametrize("role", ["coordinator", "facilitator"])
def test_scan_page_keeps_a_fixed_number_of_queries(client, world, role):
    client.force_login(world.users[role])
    url = reverse("borging:scan", args=[world.library.uuid, 2026])
    scan = ScanFactory(library=world.library, year=2026)
    AssessmentFactory(scan=scan, criterion="function_a")
    LocationProfileFactory(location=world.location)
    few = count_queries(client, url)
    for i in range(4):
        LocationProfileFactory(location=LocationFactory(organisation=world.library, name=f"Extra {i}"))
    for criterion in ["function_b", "function_c", "agreement"]:
        AssessmentFactory(scan=scan, criterion=criterion)
    _borging_actions(world.library, 6)
    assert count_queries(client, url) == few


@pytest.mark.parametrize("size", [1, 6])
def test_profile_page_is_fixed_in_queries(client, world, size):
    client.force_login(world.users["municipality"])
    profile = LocationProfileFactory(location=world.location)
    for day in range(size):
        OpeningHoursFactory(profile=profile, weekday=day)
    url = reverse("borging:profile", args=[world.location.uuid])
    assert count_queries(client, url) <= 12


def test_facilitator_puts_a_criterion_on_the_agenda(client, world):
    meeting = MeetingFactory(group=world.group, starts_at=datetime.datetime(2099, 1, 1, 10, tzinfo=datetime.UTC))
    client.force_login(world.users["facilitator"])
    url = reverse("borging:agenda_add", args=[2026, "agreement"])
    assert "Bijeenkomst" in client.get(url).content.decode()
    response = client.post(url, {"meeting": meeting.pk})
    assert response.status_code == 302
    item = meeting.agenda_items.get()
    assert "Schriftelijke afspraak met de gemeente" in item.title
    detail = client.get(reverse("themegroups:meeting_detail", args=[meeting.uuid])).content.decode()
    assert reverse("borging:overview", args=[2026]) in detail


def test_a_meeting_of_another_poi_cannot_be_chosen(client, world):
    other = MeetingFactory(starts_at=datetime.datetime(2099, 1, 1, 10, tzinfo=datetime.UTC))
    client.force_login(world.users["facilitator"])
    response = client.post(reverse("borging:agenda_add", args=[2026, "agreement"]), {"meeting": other.pk})
    assert response.status_code == 400
    assert not other.agenda_items.exists()


def test_coordinator_confirms_a_derived_proposal(client, world):
    """The scan shows borging.derived's proposal for the live-data criteria; confirming records it."""
    client.force_login(world.users["coordinator"])
    url = reverse("borging:scan", args=[world.library.uuid, 2026])
    html = client.get(url).content.decode()
    assert "Vragen worden geregistreerd" in html and "Bevestig" in html
    from ..selectors import derived_for

    proposal = derived_for(library=world.library, year=2026)["registration_discipline"]
    assert proposal.summary in html
    confirm = reverse("borging:proposal_confirm", args=[world.library.uuid, 2026, "registration_discipline"])
    assert client.post(confirm, {"status": proposal.status}).status_code == 302
    assessment = Assessment.objects.get(criterion="registration_discipline")
    assert assessment.status == proposal.status and assessment.confirmed_derived
    # An override with a note is kept, and the scan says what Plein would say.
    edit = reverse("borging:assessment_edit", args=[world.library.uuid, 2026, "registration_discipline"])
    other = "done" if proposal.status != "done" else "partly"
    client.post(edit, {"status": other, "note": "Wij registreren op papier en voeren later in."})
    assessment.refresh_from_db()
    assert assessment.status == other and not assessment.confirmed_derived
    assert "Plein zou zeggen" in client.get(url).content.decode()
