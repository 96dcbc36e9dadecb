import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from plein.accounts.models import Invitation, User
from plein.accounts.tests.factories import UserFactory
from plein.organisations.models import Organisation
from plein.organisations.tests.factories import OrganisationFactory
from plein.themegroups import services
from plein.themegroups.choices import EnrollmentStatus
from plein.themegroups.models import Enrollment

from .factories import EnrollmentFactory, ProgrammeYearFactory, ThemeGroupFactory

pytestmark = pytest.mark.django_db


def _submit(year, groups, library=None, **extra):
    data = {
        "programme_year": year,
        "groups": groups,
        "contact_name": "Contact",
        "contact_email": "contact@bieb.example",
        "contact_role": "IDO-kartrekker",
        "motivation": "Samen leren.",
        "library": library,
    }
    data.update(extra)
    return services.enrollment_submit(**data)


def test_public_signup_without_account_sends_a_confirmation(client, world, django_capture_on_commit_callbacks):
    library = OrganisationFactory(name="Bibliotheek Nieuwkomer")
    url = reverse("themegroups:signup", args=[world.year.uuid])
    page = client.get(url).content.decode()
    assert "IDO en de EMB" in page and "Het Ontwikkelplein" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "library": library.pk,
                "groups": [world.group.pk, world.other_group.pk],
                "contact_name": "Anna Contact",
                "contact_email": "Anna@Bieb.example",
                "contact_role": "IDO-coördinator",
                "motivation": "We willen ons IDO borgen.",
                "privacy": "on",
            },
        )
    assert response.status_code == 302
    assert Enrollment.objects.filter(library=library, status=EnrollmentStatus.SUBMITTED).count() == 2
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["anna@bieb.example"]
    assert "IDO en de EMB" in mail.outbox[0].body
    done = client.get(response["Location"]).content.decode()
    assert "Bedankt voor uw aanmelding" in done


def test_bad_signup_keeps_input_and_says_what_is_wrong(client, world):
    url = reverse("themegroups:signup", args=[world.year.uuid])
    html = client.post(url, {"contact_name": "Anna", "contact_email": "geen-adres", "motivation": ""}).content.decode()
    assert "Kies uw bibliotheek, of geef de naam van een nieuwe." in html
    assert "Kies minstens één themagroep." in html or "Dit veld is verplicht." in html
    assert "Vink dit vakje aan om u aan te melden." in html
    assert 'value="Anna"' in html
    assert not Enrollment.objects.exists()


def test_duplicate_signup_is_refused_with_a_clear_message(world):
    library = OrganisationFactory()
    _submit(world.year, [world.group], library=library)
    with pytest.raises(ValidationError) as exc:
        _submit(world.year, [world.group, world.other_group], library=library)
    assert "al aangemeld" in str(exc.value) and "IDO en de EMB" in str(exc.value)
    assert Enrollment.objects.filter(library=library).count() == 1  # nothing half-saved


def test_signup_outside_the_period_is_refused(world):
    year = ProgrammeYearFactory(
        poi=world.poi,
        signup_opens=timezone.localdate() + datetime.timedelta(days=5),
        signup_closes=timezone.localdate() + datetime.timedelta(days=50),
    )
    group = ThemeGroupFactory(programme_year=year)
    with pytest.raises(ValidationError) as exc:
        _submit(year, [group], library=OrganisationFactory())
    assert "Aanmelden voor" in str(exc.value)


def test_full_group_puts_new_signups_on_the_waiting_list_in_order(world, django_capture_on_commit_callbacks):
    group = ThemeGroupFactory(programme_year=world.year, capacity=1)
    first = _submit(world.year, [group], library=OrganisationFactory())[0]
    services.enrollment_place(enrollment=first, acting_user=world.users["facilitator"])
    second = _submit(world.year, [group], library=OrganisationFactory(name="Tweede"), contact_email="twee@b.example")[0]
    third = _submit(world.year, [group], library=OrganisationFactory(name="Derde"), contact_email="drie@b.example")[0]
    assert second.status == third.status == EnrollmentStatus.WAITLISTED

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.enrollment_withdraw(enrollment=first, acting_user=world.users["facilitator"])
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == EnrollmentStatus.PLACED
    assert third.status == EnrollmentStatus.WAITLISTED
    assert group.memberships.filter(left_at__isnull=True).get().library.name == "Tweede"
    placed_mail = [m for m in mail.outbox if m.to == ["twee@b.example"] and "plaats" in m.subject]
    assert placed_mail and "wachtlijst" in placed_mail[0].body


def test_placing_a_full_group_by_hand_is_refused(world):
    group = ThemeGroupFactory(programme_year=world.year, capacity=1)
    services.enrollment_place(enrollment=EnrollmentFactory(group=group), acting_user=world.users["facilitator"])
    waiting = EnrollmentFactory(group=group, status=EnrollmentStatus.WAITLISTED)
    with pytest.raises(ValidationError) as exc:
        services.enrollment_place(enrollment=waiting, acting_user=world.users["facilitator"])
    assert "vol" in str(exc.value)


def test_placing_a_new_library_creates_it_and_invites_the_contact(world, django_capture_on_commit_callbacks):
    enrollment = _submit(
        world.year,
        [world.group],
        new_library_name="Bibliotheek Zeekant",
        new_library_province="ZH",
        contact_email="kartrekker@zeekant.example",
    )[0]
    with django_capture_on_commit_callbacks(execute=True):
        services.enrollment_place(enrollment=enrollment, acting_user=world.users["facilitator"])
    library = Organisation.objects.get(name="Bibliotheek Zeekant")
    assert world.group.memberships.filter(library=library, left_at__isnull=True).exists()
    invitation = Invitation.objects.get(email="kartrekker@zeekant.example")
    assert invitation.role == "coordinator" and invitation.organisation == library
    assert {tuple(m.to) for m in mail.outbox} >= {("kartrekker@zeekant.example",)}
    assert any("/uitnodiging/" in m.body for m in mail.outbox)


def test_placing_makes_existing_coordinators_members_without_invitation(world, django_capture_on_commit_callbacks):
    library = OrganisationFactory()
    coordinator = UserFactory(organisation=library, email="bestaand@bieb.example")
    enrollment = EnrollmentFactory(group=world.group, library=library, contact_email="bestaand@bieb.example")
    with django_capture_on_commit_callbacks(execute=True):
        services.enrollment_place(enrollment=enrollment, acting_user=world.users["facilitator"])
    assert not Invitation.objects.exists()
    assert coordinator.has_perm("themegroups.view_group", world.group)


def test_decline_needs_a_reason_and_mails_it(world, django_capture_on_commit_callbacks):
    enrollment = EnrollmentFactory(group=world.group)
    with pytest.raises(ValidationError):
        services.enrollment_decline(enrollment=enrollment, acting_user=world.users["facilitator"], reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.enrollment_decline(
            enrollment=enrollment, acting_user=world.users["facilitator"], reason="Deze groep is voor beginners."
        )
    assert "Deze groep is voor beginners." in mail.outbox[-1].body


def test_forbidden_transition_is_refused(world):
    enrollment = EnrollmentFactory(group=world.group, status=EnrollmentStatus.DECLINED)
    with pytest.raises(ValidationError) as exc:
        services.enrollment_place(enrollment=enrollment, acting_user=world.users["facilitator"])
    assert "kan niet" in str(exc.value)


def test_facilitator_reviews_in_the_interface(client, world, django_capture_on_commit_callbacks):
    enrollment = EnrollmentFactory(group=world.group, library=OrganisationFactory(name="Bibliotheek Review"))
    client.force_login(world.users["facilitator"])
    page = client.get(reverse("themegroups:enrollments", args=[world.group.uuid])).content.decode()
    assert "Bibliotheek Review" in page and "Plaatsen" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("themegroups:enrollment_action", args=[enrollment.uuid, "plaatsen"]))
    assert response.status_code == 302
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.PLACED
    assert User.objects.filter(email=enrollment.contact_email).count() == 0
    assert not Invitation.objects.exists()  # an existing library: only after a confirmation


def test_export_csv_and_xlsx(client, world):
    EnrollmentFactory(group=world.group, library=OrganisationFactory(name="Bibliotheek Export"))
    client.force_login(world.users["facilitator"])
    url = reverse("themegroups:enrollments_export", args=[world.year.uuid])
    csv_body = b"".join(client.get(url + "?formaat=csv").streaming_content).decode("utf-8-sig")
    assert "Themagroep;Bibliotheek;Status" in csv_body and "Bibliotheek Export" in csv_body
    response = client.get(url + "?formaat=xlsx")
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Themagroep", "Bibliotheek") and rows[1][1] == "Bibliotheek Export"
    # "Aangemeld op" is a date-time cell, not text; the header row is frozen and has a filter.
    submitted = sheet.cell(row=2, column=8)
    assert submitted.is_date and submitted.number_format == "dd-mm-yyyy hh:mm"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:H2"
    assert "Themagroep;Bibliotheek;Status" in csv_body
    assert csv_body.splitlines()[1].split(";")[-1][:4].isdigit()  # 2026-03-02 09:30 in the CSV


def test_group_history_shows_who_placed_whom(client, world):
    enrollment = EnrollmentFactory(group=world.group, library=OrganisationFactory(name="Bibliotheek Historie"))
    services.enrollment_place(enrollment=enrollment, acting_user=world.users["facilitator"])
    client.force_login(world.users["administrator"])
    html = client.get(reverse("themegroups:group_history", args=[world.group.uuid])).content.decode()
    assert world.users["facilitator"].name in html
    assert "Geplaatst" in html  # the status change, in Dutch


def test_automatic_placement_sends_no_account_invitation_until_the_facilitator_does(
    client, world, django_capture_on_commit_callbacks
):
    group = ThemeGroupFactory(programme_year=world.year, capacity=1)
    first = EnrollmentFactory(group=group)
    services.enrollment_place(enrollment=first, acting_user=world.users["facilitator"])
    stranger = _submit(world.year, [group], library=world.other_library, contact_email="vreemde@x.example")[0]
    with django_capture_on_commit_callbacks(execute=True):
        services.enrollment_withdraw(enrollment=first, acting_user=world.users["facilitator"])
    stranger.refresh_from_db()
    assert stranger.status == EnrollmentStatus.PLACED
    assert not Invitation.objects.filter(email="vreemde@x.example").exists()
    client.force_login(world.users["facilitator"])
    page = client.get(reverse("themegroups:enrollments", args=[group.uuid])).content.decode()
    assert "Uitnodiging voor een account sturen" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("themegroups:enrollment_action", args=[stranger.uuid, "uitnodigen"]), {"bevestigd": "on"})
    assert Invitation.objects.filter(email="vreemde@x.example", organisation=world.other_library).count() == 1


def test_a_bad_waiting_list_entry_does_not_block_a_withdrawal(world):
    group = ThemeGroupFactory(programme_year=world.year, capacity=1)
    first = EnrollmentFactory(group=group, library=world.library)
    services.enrollment_place(enrollment=first, acting_user=world.users["facilitator"])
    # The same library again, typed by name in another case: it is recognised.
    with pytest.raises(ValidationError) as exc:
        _submit(world.year, [group], new_library_name="bibliotheek eigen", new_library_province="ZH")
    assert "al aangemeld" in str(exc.value)
    good = EnrollmentFactory(group=group, status=EnrollmentStatus.WAITLISTED)
    bad = EnrollmentFactory(group=group, library=world.library, status=EnrollmentStatus.WAITLISTED)
    bad.submitted_at = good.submitted_at - datetime.timedelta(minutes=1)  # first in line
    bad.save()
    services.enrollment_withdraw(enrollment=first, acting_user=world.users["facilitator"])
    good.refresh_from_db()
    bad.refresh_from_db()
    # the first library left, so "bad" can now be placed; "good" waits. Either way no error.
    assert {good.status, bad.status} == {EnrollmentStatus.PLACED, EnrollmentStatus.WAITLISTED}


def test_two_groups_one_contact_one_invitation(world, django_capture_on_commit_callbacks):
    enrollments = _submit(
        world.year,
        [world.group, world.other_group],
        new_library_name="Bibliotheek Twee Groepen",
        new_library_province="ZH",
        contact_email="een@b.example",
    )
    with django_capture_on_commit_callbacks(execute=True):
        for enrollment in enrollments:
            services.enrollment_place(enrollment=enrollment, acting_user=world.users["facilitator"])
    invitations = Invitation.objects.filter(email="een@b.example")
    assert invitations.count() == 1 and invitations.get().is_open


def test_export_neutralises_formulas(client, world):
    EnrollmentFactory(group=world.group, contact_name="=HYPERLINK(1)")
    client.force_login(world.users["facilitator"])
    body = b"".join(
        client.get(reverse("themegroups:enrollments_export", args=[world.year.uuid]) + "?formaat=csv").streaming_content
    ).decode("utf-8-sig")
    assert ";'=HYPERLINK" in body


# --- a sign-up never gives access to an existing library by itself -------------------------


def test_signup_for_a_library_with_a_coordinator_tells_the_coordinator_and_invites_nobody(
    client, world, django_capture_on_commit_callbacks
):
    """Failed before: placing the sign-up invited whoever typed their e-mail into the public
    form as coordinator of the existing library, without telling its coordinator."""
    coordinator = world.users["coordinator"]
    with django_capture_on_commit_callbacks(execute=True):
        enrollment = _submit(world.year, [world.other_group], library=world.library, contact_email="vreemde@x.example")[
            0
        ]
    to_coordinator = [m for m in mail.outbox if m.to == [coordinator.email]]
    assert len(to_coordinator) == 1
    body = to_coordinator[0].body
    assert "vreemde@x.example" in body and "Het Ontwikkelplein" in body and world.library.name in body
    assert "geen toegang" in body

    with django_capture_on_commit_callbacks(execute=True):
        services.enrollment_place(enrollment=enrollment, acting_user=world.users["facilitator"])
    assert not Invitation.objects.exists()
    placed = [m for m in mail.outbox if m.to == ["vreemde@x.example"] and "plaats" in m.subject][0]
    assert "/uitnodiging/" not in placed.body and "coördinator" in placed.body

    # The facilitator cannot invite the stranger either: the coordinator decides.
    client.force_login(world.users["facilitator"])
    page = client.get(reverse("themegroups:enrollments", args=[world.other_group.uuid])).content.decode()
    assert "Uitnodiging voor een account sturen" not in page
    assert coordinator.name in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("themegroups:enrollment_action", args=[enrollment.uuid, "uitnodigen"]), {"bevestigd": "on"})
    assert not Invitation.objects.exists()


def test_signup_for_a_library_without_coordinator_waits_for_the_facilitators_warned_confirmation(
    client, world, django_capture_on_commit_callbacks
):
    """Failed before: placing invited the contact right away, with no warning."""
    library = OrganisationFactory(name="Bibliotheek Zonder Coördinator")
    enrollment = _submit(world.year, [world.group], library=library, contact_email="iemand@x.example")[0]
    client.force_login(world.users["facilitator"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("themegroups:enrollment_action", args=[enrollment.uuid, "plaatsen"]))
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.PLACED
    assert not Invitation.objects.exists()

    page = client.get(reverse("themegroups:enrollments", args=[world.group.uuid])).content.decode()
    assert "heeft nog geen coördinator" in page
    assert "Uitnodiging voor een account sturen" in page and 'name="bevestigd"' in page

    # Without the tick: refused, nothing sent.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("themegroups:enrollment_action", args=[enrollment.uuid, "uitnodigen"]))
    assert not Invitation.objects.exists()
    assert "Vink aan" in client.get(response["Location"]).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("themegroups:enrollment_action", args=[enrollment.uuid, "uitnodigen"]), {"bevestigd": "on"})
    invitation = Invitation.objects.get(email="iemand@x.example")
    assert invitation.organisation == library and invitation.role == "coordinator"
    assert invitation.invited_by == world.users["facilitator"]


def test_waiting_list_count_rule_and_email_agree(client, world, django_capture_on_commit_callbacks):
    """Failed before: a facilitator could put a sign-up on the waiting list while the page said
    "1 van de 8 plaatsen bezet", and the e-mail then told the library the group was full."""
    from plein.themegroups.selectors import group_places
    from plein.themegroups.tests.factories import GroupMembershipFactory

    group = ThemeGroupFactory(programme_year=world.year, capacity=8, facilitators=[world.users["facilitator"]])
    GroupMembershipFactory(group=group, library=OrganisationFactory())
    # Libraries in *other* groups, sign-ups waiting for review and former members take no place.
    GroupMembershipFactory(group=world.group, library=OrganisationFactory())
    GroupMembershipFactory(group=group, library=OrganisationFactory(), left_at=timezone.now())
    pending = _submit(world.year, [group], library=OrganisationFactory(name="Bibliotheek Twijfel"))[0]
    assert group_places(group).taken == 1 and not group_places(group).is_full

    client.force_login(world.users["facilitator"])
    page = client.get(reverse("themegroups:enrollments", args=[group.uuid])).content.decode()
    assert "1 van de 8 plaatsen bezet" in page
    assert "Op de wachtlijst zetten" not in page
    signup = client.get(reverse("themegroups:signup", args=[world.year.uuid])).content.decode()
    assert "1 van de 8 plaatsen bezet" in signup

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("themegroups:enrollment_action", args=[pending.uuid, "wachtlijst"]), follow=True)
    assert "nog 7 vrije plaatsen" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == EnrollmentStatus.SUBMITTED and not mail.outbox

    # Full: the same count puts new sign-ups on the waiting list, and then the e-mail is right.
    for _n in range(7):
        GroupMembershipFactory(group=group, library=OrganisationFactory())
    assert group_places(group).is_full
    page = client.get(reverse("themegroups:enrollments", args=[group.uuid])).content.decode()
    assert "8 van de 8 plaatsen bezet" in page and "Op de wachtlijst zetten" in page
    with django_capture_on_commit_callbacks(execute=True):
        services.enrollment_waitlist(enrollment=pending, acting_user=world.users["facilitator"])
    assert "vol" in mail.outbox[-1].body and "plaats 1" in mail.outbox[-1].body
    late = _submit(world.year, [group], library=OrganisationFactory(), contact_email="laat@b.example")[0]
    assert late.status == EnrollmentStatus.WAITLISTED

    # A bigger group hands its new places to the waiting list, in order.
    services.group_save(
        acting_user=world.users["facilitator"], group=group, capacity=9, facilitators=[world.users["facilitator"]]
    )
    pending.refresh_from_db()
    late.refresh_from_db()
    assert pending.status == EnrollmentStatus.PLACED and late.status == EnrollmentStatus.WAITLISTED


def test_a_placed_new_library_is_created_through_the_organisations_service(world, monkeypatch):
    """Theme groups do not write organisations themselves (failed before: `_library_for` built
    the Organisation and added its municipality itself)."""
    from auditlog.models import LogEntry

    from plein.organisations import services as organisations
    from plein.organisations.tests.factories import MunicipalityFactory

    calls = []
    real = organisations.library_get_or_create
    monkeypatch.setattr(organisations, "library_get_or_create", lambda **kw: calls.append(kw) or real(**kw))
    zeist = MunicipalityFactory(name="Zeist")
    enrollment = _submit(
        world.year,
        [world.group],
        new_library_name="Bibliotheek Heuvelrug",
        new_library_municipality="Zeist",
        new_library_province="UT",
    )[0]
    services.enrollment_place(enrollment=enrollment, acting_user=world.users["facilitator"])
    library = Organisation.objects.get(name="Bibliotheek Heuvelrug")
    assert [c["name"] for c in calls] == ["Bibliotheek Heuvelrug"]
    assert (library.type, library.province, list(library.municipalities.all())) == ("bibliotheek", "UT", [zeist])
    created = LogEntry.objects.get(content_type__model="organisation", object_pk=str(library.pk), action=0)
    assert created.actor == world.users["facilitator"]
