import datetime
from decimal import Decimal

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from plein.actions.choices import ActionOrigin
from plein.actions.models import Action
from plein.organisations.tests.factories import LocationFactory
from plein.themegroups.tests.factories import MeetingFactory

from .. import services
from ..choices import CriterionStatus, HoursKind, Scenario
from ..models import Assessment, AssessmentAction, LocationProfile, OpeningHours, Scan

pytestmark = pytest.mark.django_db
T = datetime.time
TODAY = datetime.datetime(2026, 9, 15, 10, tzinfo=datetime.UTC)


def _profile_fields(**extra):
    fields = {
        "scenario": Scenario.BASIS,
        "in_library_building": True,
        "paid_staff": 2,
        "volunteers": 2,
        "elearning_count": 4,
        "elearning_last": datetime.date(2026, 3, 1),
        "conversation_count": 2,
        "privacy_count": 1,
        "house_style_signage": True,
    }
    return {**fields, **extra}


def _hours(*blocks):
    return [{"weekday": d, "opens": T(a), "closes": T(b), "kind": HoursKind.OPEN} for d, a, b in blocks]


@time_machine.travel(TODAY)
def test_profile_save_stores_hours_and_exceptions_with_history(world):
    user = world.users["coordinator"]
    profile = services.profile_save(
        location=world.location,
        acting_user=user,
        hours=_hours((0, 10, 12), (0, 13, 15), (3, 9, 12)),
        exceptions=[{"starts_on": datetime.date(2026, 12, 24), "ends_on": datetime.date(2026, 12, 26), "closed": True}],
        **_profile_fields(),
    )
    assert [str(h) for h in profile.hours.all()] == [
        "maandag 10:00–12:00",
        "maandag 13:00–15:00",
        "donderdag 09:00–12:00",
    ]
    assert profile.exceptions.count() == 1
    entry = LogEntry.objects.get_for_object(profile).latest("timestamp")
    assert entry.actor == user
    assert LogEntry.objects.filter(content_type__model="openinghours").count() == 3


@time_machine.travel(TODAY)
def test_overlapping_hours_save_nothing(world):
    """Failed before the overlap check: two blocks on one day that overlap were both kept."""
    user = world.users["coordinator"]
    services.profile_save(location=world.location, acting_user=user, hours=_hours((1, 9, 12)), **_profile_fields())
    with pytest.raises(ValidationError) as error:
        services.profile_save(
            location=world.location,
            acting_user=user,
            hours=_hours((2, 9, 12), (2, 11, 13)),
            **_profile_fields(paid_staff=5),
        )
    assert "overlappen" in str(error.value)
    profile = LocationProfile.objects.get(location=world.location)
    assert profile.paid_staff == 2  # nothing half-saved
    assert [(h.weekday, h.opens) for h in profile.hours.all()] == [(1, T(9))]


@time_machine.travel(TODAY)
def test_a_wrong_row_rolls_back_the_whole_profile(world):
    user = world.users["coordinator"]
    services.profile_save(location=world.location, acting_user=user, hours=_hours((1, 9, 12)), **_profile_fields())
    with pytest.raises(ValidationError):
        services.profile_save(
            location=world.location,
            acting_user=user,
            hours=_hours((4, 14, 10)),  # ends before it starts
            **_profile_fields(volunteers=9),
        )
    profile = LocationProfile.objects.get(location=world.location)
    assert profile.volunteers == 2
    assert OpeningHours.objects.filter(profile=profile).count() == 1


@time_machine.travel(TODAY)
def test_training_counts_cannot_exceed_the_staff(world):
    with pytest.raises(ValidationError) as error:
        services.profile_save(
            location=world.location,
            acting_user=world.users["coordinator"],
            **_profile_fields(paid_staff=1, volunteers=1, elearning_count=3),
        )
    assert "elearning_count" in error.value.error_dict
    assert not LocationProfile.objects.exists()


def test_a_branch_without_ido_has_no_profile(world):
    location = LocationFactory(organisation=world.library, has_ido=False)
    with pytest.raises(ValidationError):
        services.profile_save(location=location, acting_user=world.users["coordinator"], **_profile_fields())


def test_touching_blocks_do_not_overlap():
    assert services.hours_overlaps(_hours((0, 9, 12), (0, 12, 14), (1, 10, 11))) == []
    assert services.hours_overlaps(_hours((0, 9, 12), (0, 11, 14))) == [1]


def test_assessment_save_keeps_value_evidence_and_history(world):
    user = world.users["coordinator"]
    upload = SimpleUploadedFile("afspraak.pdf", b"%PDF-1.4\n%demo\n", content_type="application/pdf")
    assessment = services.assessment_save(
        library=world.library,
        year=2026,
        criterion="spuk_amount",
        acting_user=user,
        status=CriterionStatus.DONE,
        note="Volgens de beschikking.",
        link="https://gemeente.example.nl/besluit",
        upload=upload,
        amount=Decimal("48250.00"),
        until=datetime.date(2027, 1, 1),  # not a value of this criterion: dropped
    )
    assert assessment.amount == Decimal("48250.00") and assessment.until is None
    assert assessment.content_type == "application/pdf" and assessment.original_filename == "afspraak.pdf"
    assert Scan.objects.get(library=world.library, year=2026)
    assert LogEntry.objects.get_for_object(assessment).latest("timestamp").actor == user


def test_a_fake_file_is_refused_and_nothing_is_saved(world):
    upload = SimpleUploadedFile("afspraak.pdf", b"MZ this is a program", content_type="application/pdf")
    with pytest.raises(ValidationError):
        services.assessment_save(
            library=world.library,
            year=2026,
            criterion="agreement",
            acting_user=world.users["coordinator"],
            status=CriterionStatus.DONE,
            upload=upload,
        )
    assert not Assessment.objects.exists() and not Scan.objects.exists()


def test_proposal_confirm_only_for_derived_criteria(world):
    user = world.users["coordinator"]
    assessment = services.proposal_confirm(
        library=world.library, year=2026, criterion="trained_staff", acting_user=user, status=CriterionStatus.PARTLY
    )
    assert assessment.status == CriterionStatus.PARTLY and assessment.confirmed_derived
    with pytest.raises(ValidationError):
        services.proposal_confirm(
            library=world.library, year=2026, criterion="function_a", acting_user=user, status=CriterionStatus.DONE
        )


def test_assessment_action_lands_in_the_plan_with_a_link(world):
    user = world.users["coordinator"]
    action = services.assessment_action_create(library=world.library, year=2026, criterion="gids", acting_user=user)
    assert action.library == world.library and action.origin == ActionOrigin.BORGING
    link = AssessmentAction.objects.get(action=action)
    assert link.assessment.criterion == "gids" and link.assessment.scan.year == 2026
    assert "G!DS" in action.title
    assert Action.objects.count() == 1


def test_criterion_to_agenda_adds_an_item_at_the_end(world):
    meeting = MeetingFactory(group=world.group)
    meeting.agenda_items.create(title="Opening", position=0)
    item = services.criterion_to_agenda(
        meeting=meeting,
        criterion="agreement",
        year=2026,
        acting_user=world.users["facilitator"],
        stuck=3,
        total=5,
        link="/borging/overzicht/2026/#criterium-agreement",
    )
    assert item.position == 1
    assert "Borgingsscan 2026" in item.title and "afspraak" in item.title.lower()
    assert "3 van 5" in item.title
    assert item.link.startswith("/borging/overzicht/2026/")
    assert [i.title for i in meeting.agenda_items.all()][0] == "Opening"
