import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from plein.accounts.choices import NotificationFrequency
from plein.accounts.tests.factories import UserFactory
from plein.practicecases import services
from plein.practicecases.models import DigestLog, PracticeCase
from plein.themegroups.tests.factories import GroupMembershipFactory, MeetingFactory

from .factories import CaseReplyFactory, PracticeCaseFactory

pytestmark = pytest.mark.django_db

CASE = {
    "title": "Inwoners vinden het IDO niet",
    "context": "Ons IDO zit achterin de bibliotheek.",
    "question": "Hoe maken we het IDO zichtbaarder?",
}


def _bring_in(world, author=None, **extra):
    author = author or world.users["coordinator"]
    return services.case_create(acting_user=author, group=world.group, library=world.library, **{**CASE, **extra})


def _recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_a_new_case_mails_the_groups_people_but_not_the_author(world, django_capture_on_commit_callbacks):
    second_library = GroupMembershipFactory(group=world.group).library
    colleague = UserFactory(organisation=second_library, email="collega@bieb.example")
    UserFactory(organisation=second_library, email="weg@bieb.example", is_active=False)
    UserFactory(organisation=world.other_library, email="andere-groep@bieb.example")
    with django_capture_on_commit_callbacks(execute=True):
        case = _bring_in(world)
    assert _recipients() == sorted(
        [colleague.email, world.users["desk_worker"].email, world.users["facilitator"].email]
    )
    message = mail.outbox[0]
    assert "Inwoners vinden het IDO niet" in message.subject
    assert "Nieuwe praktijkcasus" in message.subject
    assert str(case.uuid) in message.body
    assert "Bibliotheek Eigen" in message.body
    assert all(len(m.to) == 1 for m in mail.outbox), "members must not see each other's addresses"


def test_a_reply_mails_the_group_and_the_case_author_but_not_the_replier(world, django_capture_on_commit_callbacks):
    case = _bring_in(world)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reply_create(acting_user=world.users["desk_worker"], case=case, body="Zet een bord bij de ingang.")
    assert _recipients() == sorted([world.users["coordinator"].email, world.users["facilitator"].email])
    assert "Zet een bord bij de ingang." in mail.outbox[0].body
    assert "Nieuwe reactie" in mail.outbox[0].subject


def test_nothing_is_mailed_when_the_case_is_refused(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        _bring_in(world, title="")
    assert mail.outbox == []
    assert not PracticeCase.objects.exists()


def test_weekly_and_none_users_get_no_direct_mail(world, django_capture_on_commit_callbacks):
    desk_worker = world.users["desk_worker"]
    desk_worker.notification_frequency = NotificationFrequency.WEEKLY
    desk_worker.save()
    facilitator = world.users["facilitator"]
    facilitator.notification_frequency = NotificationFrequency.NONE
    facilitator.save()
    with django_capture_on_commit_callbacks(execute=True):
        case = _bring_in(world)
        services.reply_create(acting_user=world.users["coordinator"], case=case, body="Aanvulling.")
    assert mail.outbox == []


def test_weekly_users_get_one_digest_with_what_is_new_and_only_once(world):
    desk_worker = world.users["desk_worker"]
    desk_worker.notification_frequency = NotificationFrequency.WEEKLY
    desk_worker.save()
    old = PracticeCaseFactory(group=world.group, library=world.library, title="Oude casus")
    PracticeCase.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=10))
    new = PracticeCaseFactory(group=world.group, library=world.library, title="Nieuwe casus")
    CaseReplyFactory.create_batch(2, case=old)
    CaseReplyFactory(case=old, author=desk_worker)  # their own reply does not count
    PracticeCaseFactory(group=world.group, library=world.library, author=desk_worker, title="Eigen casus")
    PracticeCaseFactory(group=world.other_group, library=world.other_library, title="Casus van een andere groep")
    mail.outbox.clear()

    call_command("send_case_digest", stdout=open("/dev/null", "w"))

    assert _recipients() == [desk_worker.email]
    body = mail.outbox[0].body
    assert "IDO en de EMB" in body
    assert "Nieuwe casus" in body and str(new.uuid) in body
    assert "Oude casus: 2 nieuwe reacties" in body
    assert "Eigen casus" not in body
    assert "andere groep" not in body
    assert DigestLog.objects.get(user=desk_worker)

    mail.outbox.clear()
    assert services.send_case_digests() == 0, "running again sends nothing twice"
    assert mail.outbox == []


def test_no_digest_when_there_is_nothing_new_and_none_for_others(world):
    for role in ["coordinator", "desk_worker"]:
        world.users[role].notification_frequency = NotificationFrequency.WEEKLY
        world.users[role].save()
    old = PracticeCaseFactory(group=world.group, library=world.library)
    PracticeCase.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    assert services.send_case_digests() == 0
    assert mail.outbox == []

    # Direct and never-users get no digest, even with news.
    PracticeCaseFactory(group=world.group, library=world.library, author=world.users["coordinator"])
    assert services.send_case_digests() == 1
    assert _recipients() == [world.users["desk_worker"].email]


def test_the_digest_task_sends_the_same_digest(world):
    from plein.practicecases.tasks import send_case_digest

    world.users["facilitator"].notification_frequency = NotificationFrequency.WEEKLY
    world.users["facilitator"].save()
    PracticeCaseFactory(group=world.other_group, library=world.other_library, title="Casus Ontwikkelplein")
    result = send_case_digest.call()
    assert result == 1
    assert "Casus Ontwikkelplein" in mail.outbox[0].body


def test_a_meeting_of_another_group_is_refused_in_dutch(world):
    other_meeting = MeetingFactory(group=world.other_group)
    with pytest.raises(ValidationError) as error:
        _bring_in(world, meeting=other_meeting)
    assert error.value.message_dict["meeting"] == ["Kies een bijeenkomst van deze themagroep."]
    case = _bring_in(world, meeting=MeetingFactory(group=world.group))
    assert case.meeting.group == world.group


def test_a_library_outside_the_group_cannot_bring_in_a_case(world):
    with pytest.raises(ValidationError) as error:
        services.case_create(
            acting_user=world.users["facilitator"], group=world.group, library=world.other_library, **CASE
        )
    assert "library" in error.value.message_dict


def test_only_the_author_or_a_facilitator_changes_a_case(world):
    case = _bring_in(world)
    with pytest.raises(ValidationError):
        services.case_update(acting_user=world.users["desk_worker"], case=case, title="Gekaapt")
    services.case_update(acting_user=world.users["facilitator"], case=case, tips="Vraag de gemeente mee.")
    services.case_update(acting_user=world.users["coordinator"], case=case, title="  Zichtbaar IDO  ")
    case.refresh_from_db()
    assert case.title == "Zichtbaar IDO" and case.tips == "Vraag de gemeente mee."


def test_a_facilitator_of_the_group_is_told_even_from_another_organisation(world, django_capture_on_commit_callbacks):
    guest = UserFactory(facilitator=True, email="gast@poi.example")
    world.group.facilitators.add(guest)
    with django_capture_on_commit_callbacks(execute=True):
        _bring_in(world)
    assert guest.email in _recipients()
