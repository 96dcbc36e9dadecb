import re

import pytest
from django.core import mail
from django.urls import reverse

from plein.accounts.choices import NotificationFrequency
from plein.accounts.tests.factories import UserFactory
from plein.practicecases.models import CaseReply, PracticeCase
from plein.site.tests.queries import count_queries
from plein.themegroups.tests.factories import MeetingFactory

from .factories import CaseReplyFactory, PracticeCaseFactory

pytestmark = pytest.mark.django_db


def test_coordinator_brings_in_a_case_for_their_own_library(client, world, django_capture_on_commit_callbacks):
    meeting = MeetingFactory(group=world.group, title="Voorjaarsbijeenkomst")
    client.force_login(world.users["coordinator"])
    url = reverse("practicecases:case_create", kwargs={"group_uuid": world.group.uuid})
    form_html = client.get(url).content.decode()
    assert 'name="library"' not in form_html  # library staff bring it in for their own library
    assert "Voorjaarsbijeenkomst" in form_html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "title": "Het IDO in de bibliotheek op school",
                "context": "Wij werken met tien dBos-scholen.",
                "question": "Hoe vertellen we leerkrachten over het IDO?",
                "tried": "",
                "result": "",
                "tips": "",
                "meeting": meeting.pk,
            },
        )
    case = PracticeCase.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "practicecases:case_detail", kwargs={"uuid": case.uuid}
    )
    assert case.library == world.library and case.author == world.users["coordinator"] and case.meeting == meeting
    html = client.get(response["Location"]).content.decode()
    assert "Het IDO in de bibliotheek op school" in html
    assert "Nog niet ingevuld." in html  # the empty parts say so
    assert {m.to[0] for m in mail.outbox} == {world.users["desk_worker"].email, world.users["facilitator"].email}


def test_bad_case_input_gets_dutch_messages_beside_the_fields_and_keeps_the_input(client, world):
    other_meeting = MeetingFactory(group=world.other_group)
    client.force_login(world.users["coordinator"])
    url = reverse("practicecases:case_create", kwargs={"group_uuid": world.group.uuid})
    response = client.post(
        url, {"title": "", "context": "Een dorp met veel ouderen.", "question": "", "meeting": other_meeting.pk}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nog niet opgeslagen" in html
    assert "Dit veld is verplicht." in html
    assert 'id="id_title_error"' in html and 'id="id_question_error"' in html
    assert 'id="id_meeting_error"' in html  # a meeting of another group is no choice here
    assert "Een dorp met veel ouderen." in html
    assert 'aria-invalid="true"' in html
    assert not PracticeCase.objects.exists()


def test_facilitator_chooses_the_library_and_an_outside_library_is_refused(client, world):
    client.force_login(world.users["facilitator"])
    url = reverse("practicecases:case_create", kwargs={"group_uuid": world.group.uuid})
    html = client.get(url).content.decode()
    assert "Bibliotheek Eigen" in html and "Bibliotheek Ander" not in html
    data = {"title": "Casus", "context": "Context", "question": "Vraag", "library": world.other_library.pk}
    response = client.post(url, data)
    assert response.status_code == 200 and 'id="id_library_error"' in response.content.decode()
    data["library"] = world.library.pk
    assert client.post(url, data).status_code == 302
    assert PracticeCase.objects.get().library == world.library


def test_empty_reply_gets_a_dutch_message_on_the_case_page(client, world):
    case = PracticeCaseFactory(group=world.group, library=world.library)
    client.force_login(world.users["desk_worker"])
    response = client.post(reverse("practicecases:reply_create", kwargs={"uuid": case.uuid}), {"body": "  "})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit veld is verplicht." in html and 'id="id_body_error"' in html
    assert case.title in html  # the case stays in view
    assert not CaseReply.objects.exists()


def test_member_replies_and_sees_the_reply_in_the_thread(client, world):
    case = PracticeCaseFactory(group=world.group, library=world.library)
    client.force_login(world.users["desk_worker"])
    response = client.post(
        reverse("practicecases:reply_create", kwargs={"uuid": case.uuid}), {"body": "Bij ons hielp een spreekuur."}
    )
    reply = CaseReply.objects.get()
    assert response["Location"].endswith(f"#reactie-{reply.pk}")
    html = client.get(response["Location"]).content.decode()
    assert "Bij ons hielp een spreekuur." in html and "Uw reactie is geplaatst." in html
    assert reply.author == world.users["desk_worker"]
    # A valid HTML time: whole seconds (the Nu Html Checker refused six decimals).
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:?\d\d">', html), html


def test_a_library_outside_the_group_gets_404_for_everything(client, world):
    case = PracticeCaseFactory(group=world.group, library=world.library)
    outsider = UserFactory(organisation=world.other_library)
    client.force_login(outsider)
    for url in [
        reverse("practicecases:case_list", kwargs={"group_uuid": world.group.uuid}),
        reverse("practicecases:case_create", kwargs={"group_uuid": world.group.uuid}),
        reverse("practicecases:case_detail", kwargs={"uuid": case.uuid}),
        reverse("practicecases:case_update", kwargs={"uuid": case.uuid}),
    ]:
        assert client.get(url).status_code == 404, url
    response = client.post(reverse("practicecases:reply_create", kwargs={"uuid": case.uuid}), {"body": "Ingebroken"})
    assert response.status_code == 404
    assert not CaseReply.objects.exists()


def test_desk_worker_cannot_change_someone_elses_case(client, world):
    case = PracticeCaseFactory(group=world.group, library=world.library, author=world.users["coordinator"])
    client.force_login(world.users["desk_worker"])
    url = reverse("practicecases:case_update", kwargs={"uuid": case.uuid})
    assert client.post(url, {"title": "Gekaapt", "context": "x", "question": "y"}).status_code == 403
    case.refresh_from_db()
    assert case.title != "Gekaapt"
    assert url not in client.get(reverse("practicecases:case_detail", kwargs={"uuid": case.uuid})).content.decode()


def test_author_changes_their_case(client, world):
    case = PracticeCaseFactory(group=world.group, library=world.library, author=world.users["coordinator"])
    client.force_login(world.users["coordinator"])
    url = reverse("practicecases:case_update", kwargs={"uuid": case.uuid})
    data = {"title": "Nieuwe titel", "context": "c", "question": "q", "result": "Het werkte."}
    assert client.post(url, data).status_code == 302
    case.refresh_from_db()
    assert case.title == "Nieuwe titel" and case.result == "Het werkte."


def test_user_chooses_weekly_mail_from_the_account_page(client, world):
    user = world.users["desk_worker"]
    client.force_login(user)
    profile = client.get(reverse("accounts:profile")).content.decode()
    url = reverse("practicecases:notifications")
    assert url in profile and "Meteen" in profile
    html = client.get(url).content.decode()
    assert 'value="direct" checked' in html or ('value="direct"' in html and "checked" in html)
    response = client.post(url, {"notification_frequency": "wekelijks"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.notification_frequency == NotificationFrequency.WEEKLY
    response = client.post(url, {"notification_frequency": "elk-uur"})
    assert response.status_code == 200 and 'id="id_notification_frequency_error"' in response.content.decode()


def test_case_page_does_a_fixed_number_of_queries(client, world):
    case = PracticeCaseFactory(group=world.group, library=world.library, meeting=MeetingFactory(group=world.group))
    url = reverse("practicecases:case_detail", kwargs={"uuid": case.uuid})
    for _ in range(2):
        CaseReplyFactory(case=case, author=UserFactory(organisation=world.library))
    client.force_login(world.users["coordinator"])
    few = count_queries(client, url)
    for i in range(28):
        CaseReplyFactory(case=case, author=UserFactory(organisation=world.library if i % 2 else world.other_library))
    assert case.replies.count() == 30
    assert count_queries(client, url) == few


def test_case_list_does_a_fixed_number_of_queries(client, world):
    def add_cases(n):
        for i in range(n):
            case = PracticeCaseFactory(
                group=world.group, library=world.library, meeting=MeetingFactory(group=world.group) if i % 2 else None
            )
            CaseReplyFactory.create_batch(2, case=case)

    url = reverse("practicecases:case_list", kwargs={"group_uuid": world.group.uuid})
    client.force_login(world.users["desk_worker"])
    add_cases(2)
    few = count_queries(client, url)
    add_cases(18)
    html = client.get(url).content.decode()
    assert "20 praktijkcasussen" in html
    assert count_queries(client, url) == few


def test_reply_time_is_a_valid_html_datetime_without_microseconds(client, world):
    """Failed before: <time datetime="2026-03-04T10:15:30.123456+01:00"> (HTML allows at most
    three decimals; the Nu Html Checker reports it)."""
    import datetime
    import re

    case = PracticeCaseFactory(group=world.group, library=world.library)
    moment = datetime.datetime(2026, 3, 4, 9, 15, 30, 123456, tzinfo=datetime.UTC)
    CaseReplyFactory(case=case, author=world.users["coordinator"], created_at=moment)
    client.force_login(world.users["coordinator"])
    html = client.get(reverse("practicecases:case_detail", kwargs={"uuid": case.uuid})).content.decode()
    assert re.findall(r'<time datetime="([^"]*)"', html) == ["2026-03-04T10:15:30+01:00"]
