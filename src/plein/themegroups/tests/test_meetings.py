import datetime
import zoneinfo

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plein.accounts.tests.factories import UserFactory
from plein.actions.models import Action
from plein.organisations.tests.factories import OrganisationFactory
from plein.site.tests.calendar_check import parse_ics
from plein.themegroups import services
from plein.themegroups.choices import MeetingKind, Topic

from .factories import GroupMembershipFactory, MeetingFactory

pytestmark = pytest.mark.django_db
AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def _running(world):
    """A meeting that has begun and not ended: replies are still taken, minutes can be written."""
    start = timezone.now() - datetime.timedelta(hours=1)
    return MeetingFactory(group=world.group, starts_at=start, ends_at=start + datetime.timedelta(hours=2))


def _meeting_data(**extra):
    data = {
        "title": "Bijeenkomst 1: wat is de EMB?",
        "kind": MeetingKind.ONLINE,
        "starts_at": datetime.datetime(2027, 3, 25, 10, 0, tzinfo=AMS),
        "ends_at": datetime.datetime(2027, 3, 25, 12, 0, tzinfo=AMS),
        "meeting_url": "https://meet.example.nl/emb",
    }
    data.update(extra)
    return data


def test_facilitator_schedules_a_meeting_with_an_agenda(client, world):
    client.force_login(world.users["facilitator"])
    url = reverse("themegroups:meeting_create", args=[world.group.uuid])
    response = client.post(
        url,
        {
            "title": "Inspiratiebezoek",
            "kind": "inspiratiebezoek",
            "starts_at": "2027-04-08T13:00",
            "ends_at": "2027-04-08T16:00",
            "host_library": OrganisationFactory(name="Bibliotheek AanZet").pk,
            "agenda-TOTAL_FORMS": "2",
            "agenda-INITIAL_FORMS": "0",
            "agenda-0-title": "Rondleiding Ontwikkelplein",
            "agenda-0-topic": "partners",
            "agenda-0-presenter": "Gastbibliotheek",
            "agenda-1-title": "",
            "agenda-1-topic": "overig",
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    meeting = world.group.meetings.get()
    assert meeting.host_library.name == "Bibliotheek AanZet"
    assert [a.title for a in meeting.agenda_items.all()] == ["Rondleiding Ontwikkelplein"]
    # 13:00 in Amsterdam in April is 11:00 UTC (summer time)
    assert meeting.starts_at.astimezone(datetime.UTC).hour == 11


def test_meeting_form_says_what_each_kind_needs(client, world):
    client.force_login(world.users["facilitator"])
    url = reverse("themegroups:meeting_create", args=[world.group.uuid])
    html = client.post(
        url,
        {
            "title": "X",
            "kind": "online",
            "starts_at": "2027-04-08T13:00",
            "ends_at": "2027-04-08T12:00",
            "agenda-TOTAL_FORMS": "0",
            "agenda-INITIAL_FORMS": "0",
        },
    ).content.decode()
    assert "Een online bijeenkomst heeft een link nodig." in html
    assert "De bijeenkomst moet eindigen na het begin." in html
    assert 'value="X"' in html
    assert not world.group.meetings.exists()


def test_ics_download_parses_with_amsterdam_time_across_daylight_saving(client, world):
    winter = services.meeting_save(
        acting_user=world.users["facilitator"],
        group=world.group,
        **_meeting_data(
            starts_at=datetime.datetime(2027, 3, 27, 10, 0, tzinfo=AMS),
            ends_at=datetime.datetime(2027, 3, 27, 11, 0, tzinfo=AMS),
        ),
    )
    summer = services.meeting_save(
        acting_user=world.users["facilitator"],
        group=world.group,
        **_meeting_data(
            starts_at=datetime.datetime(2027, 3, 29, 10, 0, tzinfo=AMS),
            ends_at=datetime.datetime(2027, 3, 29, 11, 0, tzinfo=AMS),
        ),
    )
    client.force_login(world.users["coordinator"])
    for meeting, utc_hour in [(winter, 9), (summer, 8)]:
        response = client.get(reverse("themegroups:meeting_ics", args=[meeting.uuid]))
        assert response["Content-Type"].startswith("text/calendar")
        (event,) = parse_ics(response.content)
        assert event.start.hour == 10 and event.start.astimezone(datetime.UTC).hour == utc_hour
        assert "IDO en de EMB" in event.summary


def test_ics_without_a_dst_change_in_range_is_valid_and_carries_the_agenda(client, world):
    """Failed before: a meeting in May got a VTIMEZONE without STANDARD/DAYLIGHT (vobject and
    ics-py refuse the file), and the description had no agenda."""
    may = services.meeting_save(
        acting_user=world.users["facilitator"],
        group=world.group,
        agenda=[
            {"title": "Kennismaking", "topic": Topic.OTHER, "presenter": "", "duration_minutes": 15},
            {"title": "Geld voor het IDO", "topic": Topic.FINANCES, "presenter": "Anna", "duration_minutes": None},
        ],
        **_meeting_data(
            description="We bespreken de begroting.",
            starts_at=datetime.datetime(2027, 5, 12, 14, 0, tzinfo=AMS),
            ends_at=datetime.datetime(2027, 5, 12, 16, 0, tzinfo=AMS),
        ),
    )
    december = services.meeting_save(
        acting_user=world.users["facilitator"],
        group=world.group,
        **_meeting_data(
            title="Afsluiting",
            starts_at=datetime.datetime(2027, 12, 15, 19, 30, tzinfo=AMS),
            ends_at=datetime.datetime(2027, 12, 15, 21, 0, tzinfo=AMS),
        ),
    )
    client.force_login(world.users["coordinator"])
    (event,) = parse_ics(client.get(reverse("themegroups:meeting_ics", args=[may.uuid])).content)
    assert (event.start.hour, event.start.utcoffset()) == (14, datetime.timedelta(hours=2))
    assert event.end.astimezone(datetime.UTC) == datetime.datetime(2027, 5, 12, 14, 0, tzinfo=datetime.UTC)
    assert event.description.startswith("We bespreken de begroting.")
    assert "Agenda:\n1. Kennismaking (15 min.)\n2. Geld voor het IDO (Financiën, Anna)" in event.description
    assert event.description.endswith(reverse("themegroups:meeting_detail", args=[may.uuid]))

    # The personal feed and the group feed hold both meetings, summer and winter time.
    token = services.calendar_token_for(world.users["coordinator"]).token
    for url in (
        reverse("themegroups:calendar_feed", args=[token]),
        reverse("themegroups:group_feed", args=[token, world.group.uuid]),
    ):
        events = parse_ics(client.get(url).content)
        assert [e.uid for e in events] == [f"{may.uuid}@plein", f"{december.uuid}@plein"]
        assert [(e.start.hour, e.start.utcoffset().seconds // 3600) for e in events] == [(14, 2), (19, 1)]
        assert "Geld voor het IDO" in events[0].description and "Agenda:" not in events[1].description


def test_private_calendar_feeds_and_renewing_the_link(client, world):
    services.meeting_save(acting_user=world.users["facilitator"], group=world.group, **_meeting_data())
    services.meeting_save(
        acting_user=world.users["facilitator"], group=world.other_group, **_meeting_data(title="Andere groep")
    )
    token = services.calendar_token_for(world.users["coordinator"]).token
    feed = client.get(reverse("themegroups:calendar_feed", args=[token]))
    events = parse_ics(feed.content)
    assert [e.summary.split(" – ")[0] for e in events] == ["Bijeenkomst 1: wat is de EMB?"]
    client.force_login(world.users["coordinator"])
    client.post(reverse("themegroups:calendar_links"))
    assert client.get(reverse("themegroups:calendar_feed", args=[token])).status_code == 404


def test_attendance_registered_beforehand_and_confirmed_afterwards(client, world):
    meeting = _running(world)
    client.force_login(world.users["coordinator"])
    client.post(reverse("themegroups:attendance", args=[meeting.uuid]), {"registered": "1", "people": "2"})
    att = meeting.attendances.get(library=world.library)
    assert att.registered and att.people == 2
    client.force_login(world.users["facilitator"])
    client.post(reverse("themegroups:attendance_confirm", args=[meeting.uuid]), {"attended": [world.library.pk]})
    att.refresh_from_db()
    assert att.attended is True


def test_minutes_with_action_items_land_in_the_libraries_plans_once(client, world):
    meeting = _running(world)
    second = OrganisationFactory(name="Tweede bibliotheek")
    GroupMembershipFactory(group=world.group, library=second)
    client.force_login(world.users["facilitator"])
    url = reverse("themegroups:minutes", args=[meeting.uuid])
    data = {
        "minutes": "We bespraken de verbinding tussen IDO en dBos.",
        "decisions": "Volgende keer een casus\nIedereen neemt het format mee",
        "acties-TOTAL_FORMS": "2",
        "acties-INITIAL_FORMS": "0",
        "acties-0-title": "Presentatie over het IDO voor leerkrachten van dBos-scholen",
        "acties-0-due_date": "2027-06-01",
        "acties-0-libraries": [world.library.pk, second.pk],
        "acties-0-lead": f"bieb-{second.pk}",
        "acties-1-title": "",
    }
    assert client.post(url, data).status_code == 302
    actions = Action.objects.filter(meeting_link__item__meeting=meeting)
    assert {a.library for a in actions} == {world.library, second}
    assert all(a.status == "gepland" and a.origin == "bijeenkomst" for a in actions)
    assert meeting.decisions.count() == 2
    page = client.get(reverse("themegroups:meeting_detail", args=[meeting.uuid])).content.decode()
    assert "Presentatie over het IDO" in page and "Volgende keer een casus" in page


def test_action_item_without_libraries_gets_a_message(client, world):
    meeting = _running(world)
    client.force_login(world.users["facilitator"])
    html = client.post(
        reverse("themegroups:minutes", args=[meeting.uuid]),
        {
            "minutes": "x",
            "decisions": "",
            "acties-TOTAL_FORMS": "1",
            "acties-INITIAL_FORMS": "0",
            "acties-0-title": "Iets doen",
        },
    ).content.decode()
    assert "Kies de bibliotheken voor wie deze actie is." in html
    assert not Action.objects.exists()


def test_reminder_is_sent_once_to_members_and_facilitators(world, django_capture_on_commit_callbacks):
    soon = timezone.now() + datetime.timedelta(days=2)
    meeting = MeetingFactory(group=world.group, starts_at=soon, ends_at=soon + datetime.timedelta(hours=2))
    MeetingFactory(group=world.group)  # in ten days: not yet
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=open("/dev/null", "w"))
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(
        [world.users["coordinator"].email, world.users["desk_worker"].email, world.users["facilitator"].email]
    )
    assert "Herinnering" in mail.outbox[0].subject and meeting.title in mail.outbox[0].subject
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.send_due_reminders()
    assert mail.outbox == []


def test_reminder_goes_out_in_each_recipients_own_language(world, django_capture_on_commit_callbacks):
    """Through plein.common.mail: failed before, every reminder was in the language of whoever
    ran the command (Dutch), also for a person who chose English."""
    coordinator = world.users["coordinator"]
    coordinator.language = "en"
    coordinator.save(update_fields=["language"])
    soon = timezone.now() + datetime.timedelta(days=2)
    MeetingFactory(group=world.group, starts_at=soon, ends_at=soon + datetime.timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        services.send_due_reminders()
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address[coordinator.email].subject.startswith("[Plein] Reminder:")
    assert "Hello," in by_address[coordinator.email].body
    assert by_address[world.users["desk_worker"].email].subject.startswith("[Plein] Herinnering:")


def test_attendance_after_the_meeting_is_refused(world):
    past = timezone.now() - datetime.timedelta(days=1)
    meeting = MeetingFactory(group=world.group, starts_at=past, ends_at=past + datetime.timedelta(hours=1))
    with pytest.raises(ValidationError):
        services.attendance_register(meeting=meeting, library=world.library, acting_user=world.users["coordinator"])


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_group_and_meeting_pages_do_a_fixed_number_of_queries(client, world):
    meeting = _running(world)
    # Start with one of everything, so that no prefetch is skipped for being empty.
    services.minutes_save(
        meeting=meeting,
        acting_user=world.users["facilitator"],
        minutes="x",
        decisions=["a"],
        action_items=[{"title": "Eerste actie", "libraries": [world.library]}],
    )
    client.force_login(world.users["facilitator"])
    group_url = reverse("themegroups:group_detail", args=[world.group.uuid])
    meeting_url = reverse("themegroups:meeting_detail", args=[meeting.uuid])
    list_url = reverse("themegroups:list")
    before = [_count(client, u) for u in (group_url, meeting_url, list_url)]
    for i in range(12):
        library = OrganisationFactory()
        GroupMembershipFactory(group=world.group, library=library)
        UserFactory(organisation=library)
        m = MeetingFactory(group=world.group)
        m.agenda_items.create(title=f"Punt {i}", topic=Topic.PARTNERS)
        services.attendance_register(meeting=meeting, library=library, acting_user=world.users["facilitator"])
    services.minutes_save(
        meeting=meeting,
        acting_user=world.users["facilitator"],
        minutes="x",
        decisions=["a", "b"],
        action_items=[{"title": "Actie", "libraries": [world.library]}],
    )
    after = [_count(client, u) for u in (group_url, meeting_url, list_url)]
    assert after == before


def test_scheduling_a_meeting_queues_its_reminder_task(world, settings, django_capture_on_commit_callbacks):
    """With the database task backend (production), the reminder is queued to run three days
    before the meeting; `manage.py db_worker` runs it then."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # django-tasks follows the change
    # Ten days ahead of the clock: a fixed date (25 March 2027) failed from three days before it,
    # when the reminder is due at once (PLEIN_FROZEN_CLOCK=2027-03-28T03:30+02:00 in bin/test.sh).
    starts_at = (timezone.localtime() + datetime.timedelta(days=10)).replace(hour=10, minute=0, second=0, microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.meeting_save(
            acting_user=world.users["facilitator"],
            group=world.group,
            **_meeting_data(starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2)),
        )
    queued = DBTaskResult.objects.get()
    assert queued.task_path.endswith("send_meeting_reminder")
    assert queued.run_after == meeting.starts_at - datetime.timedelta(days=3)


def test_reminder_task_run_too_early_sends_nothing(world):
    from plein.themegroups.tasks import send_meeting_reminder

    meeting = MeetingFactory(group=world.group)  # in ten days
    assert send_meeting_reminder.call(meeting.pk, meeting.starts_at.isoformat()) == 0
    assert mail.outbox == []
    soon = timezone.now() + datetime.timedelta(days=1)
    meeting.starts_at, meeting.ends_at = soon, soon + datetime.timedelta(hours=1)
    meeting.save()
    assert send_meeting_reminder.call(meeting.pk, meeting.starts_at.isoformat()) == 3


def test_saving_minutes_twice_does_not_double_the_actions(world):
    meeting = _running(world)
    for _ in range(2):
        services.minutes_save(
            meeting=meeting,
            acting_user=world.users["facilitator"],
            minutes="x",
            decisions=[],
            action_items=[{"title": "Poster bij de ingang", "libraries": [world.library]}],
        )
    assert Action.objects.filter(library=world.library).count() == 1
    assert meeting.action_items.count() == 1


def test_absurd_dates_get_a_message_not_an_error(client, world):
    meeting = MeetingFactory(group=world.group)
    client.force_login(world.users["facilitator"])
    html = client.post(
        reverse("themegroups:meeting_update", args=[meeting.uuid]),
        {
            "title": "X",
            "kind": "online",
            "starts_at": "0001-01-01T10:00",
            "ends_at": "0001-01-01T11:00",
            "meeting_url": "https://x.example/" + "a" * 300,
            "agenda-TOTAL_FORMS": "0",
            "agenda-INITIAL_FORMS": "0",
        },
    ).content.decode()
    assert "Vul een datum in tussen 2000 en 2100." in html or "Vul een geldige datum" in html


def test_confirming_presence_keeps_the_reply_beforehand_as_a_separate_fact(client, world):
    """Failed before: ticking "was there" created the row with registered=False, so a library
    that never answered read "Aangemeld: kan niet"."""
    import time_machine

    silent = OrganisationFactory(name="Bibliotheek Zwijgzaam")
    declined = OrganisationFactory(name="Bibliotheek Afgemeld")
    GroupMembershipFactory(group=world.group, library=silent)
    GroupMembershipFactory(group=world.group, library=declined)
    starts = datetime.datetime(2027, 3, 25, 10, 0, tzinfo=AMS)
    meeting = MeetingFactory(group=world.group, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))
    with time_machine.travel(starts - datetime.timedelta(days=2), tick=False):
        services.attendance_register(
            meeting=meeting, library=world.library, acting_user=world.users["coordinator"], registered=True, people=2
        )
        services.attendance_register(
            meeting=meeting, library=declined, acting_user=world.users["coordinator"], registered=False
        )
    with time_machine.travel(starts + datetime.timedelta(hours=3), tick=False):
        client.force_login(world.users["facilitator"])
        url = reverse("themegroups:attendance_confirm", args=[meeting.uuid])
        form = client.get(url).content.decode()
        assert "Bibliotheek Zwijgzaam (antwoord: geen antwoord)" in form
        assert "Bibliotheek Afgemeld (antwoord: kan niet)" in form
        assert "Bibliotheek Eigen (antwoord: komt, 2 personen)" in form
        client.post(url, {"attended": [silent.pk, declined.pk]})
        rows = {a.library: a for a in meeting.attendances.all()}
        assert (rows[silent].registered, rows[silent].attended) == (None, True)
        assert (rows[declined].registered, rows[declined].attended) == (False, True)
        assert (rows[world.library].registered, rows[world.library].people, rows[world.library].attended) == (
            True,
            2,
            False,
        )
        page = client.get(reverse("themegroups:meeting_detail", args=[meeting.uuid])).content.decode()
    cells = {
        name: page.split(name, 1)[1].split("</tr>", 1)[0]
        for name in ("Bibliotheek Zwijgzaam", "Bibliotheek Afgemeld", "Bibliotheek Eigen")
    }
    assert "nog geen antwoord" in cells["Bibliotheek Zwijgzaam"] and "kan niet" not in cells["Bibliotheek Zwijgzaam"]
    assert "kan niet" in cells["Bibliotheek Afgemeld"] and ">ja<" in cells["Bibliotheek Afgemeld"]
    assert "ja, 2 personen" in cells["Bibliotheek Eigen"] and ">nee<" in cells["Bibliotheek Eigen"]


def test_who_was_there_and_minutes_only_once_the_meeting_has_started(client, world):
    """Failed before: a meeting in ten days offered "Verslag schrijven" and "Bevestig wie er
    was", and both pages saved."""
    meeting = MeetingFactory(group=world.group)  # in ten days
    client.force_login(world.users["facilitator"])
    detail = reverse("themegroups:meeting_detail", args=[meeting.uuid])
    page = client.get(detail).content.decode()
    minutes_url = reverse("themegroups:minutes", args=[meeting.uuid])
    confirm_url = reverse("themegroups:attendance_confirm", args=[meeting.uuid])
    assert minutes_url not in page and confirm_url not in page and "Was er" not in page
    for url in (minutes_url, confirm_url):
        for method in (client.get, client.post):
            response = method(url, follow=True)
            assert response.redirect_chain[-1][0] == detail
            assert "zodra de bijeenkomst begonnen is" in response.content.decode()
    assert not meeting.attendances.exists() and meeting.minutes == ""
    with pytest.raises(ValidationError):
        services.minutes_save(meeting=meeting, acting_user=world.users["facilitator"], minutes="x")
    with pytest.raises(ValidationError):
        services.attendance_confirm(meeting=meeting, acting_user=world.users["facilitator"], attended_library_ids=set())

    started = _running(world)
    page = client.get(reverse("themegroups:meeting_detail", args=[started.uuid])).content.decode()
    assert reverse("themegroups:minutes", args=[started.uuid]) in page
    assert reverse("themegroups:attendance_confirm", args=[started.uuid]) in page
    assert client.get(reverse("themegroups:minutes", args=[started.uuid])).status_code == 200


def test_action_items_have_an_owner_that_shows_in_every_plan(client, world):
    """Failed before: action items had no owner, so every plan said "Wie: Nog niemand"."""
    meeting = _running(world)
    second = OrganisationFactory(name="Tweede bibliotheek")
    GroupMembershipFactory(group=world.group, library=second)
    lead = world.users["coordinator"]
    client.force_login(world.users["facilitator"])
    url = reverse("themegroups:minutes", args=[meeting.uuid])
    base = {"minutes": "", "decisions": "", "acties-TOTAL_FORMS": "1", "acties-INITIAL_FORMS": "0"}
    form = client.get(url).content.decode()
    assert f'value="persoon-{lead.pk}"' in form and f'value="bieb-{second.pk}"' in form
    # Without someone who takes the lead, the action is not saved.
    html = client.post(url, base | {"acties-0-title": "Folder", "acties-0-libraries": [second.pk]}).content.decode()
    assert "Kies wie het voortouw neemt" in html and not Action.objects.exists()
    # The lead person's library gets the action too, even when it was not ticked.
    client.post(
        url,
        base | {"acties-0-title": "Folder", "acties-0-libraries": [second.pk], "acties-0-lead": f"persoon-{lead.pk}"},
    )
    own = Action.objects.get(library=world.library)
    other = Action.objects.get(library=second)
    assert own.owner == lead and other.owner is None
    item = meeting.action_items.get()
    assert (item.owner, item.owner_library) == (lead, world.library)
    who = f"{lead.name} (Bibliotheek Eigen)"
    assert f"Wie: {who}" in client.get(reverse("themegroups:meeting_detail", args=[meeting.uuid])).content.decode()
    client.force_login(world.users["coordinator"])
    plan = client.get(reverse("actions:plan", args=[world.library.uuid])).content.decode()
    assert lead.name in plan and "Nog niemand" not in plan
    # The other library's plan names who takes the lead, not "Nog niemand".
    client.force_login(world.users["facilitator"])
    plan = client.get(reverse("actions:plan", args=[second.uuid])).content.decode()
    assert who in plan and "Nog niemand" not in plan
