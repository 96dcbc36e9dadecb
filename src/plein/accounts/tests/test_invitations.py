import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from plein.accounts.models import Invitation, User
from plein.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _invite(client, world, **overrides):
    data = {
        "name": "Nieuwe Collega",
        "email": "Nieuw@Bieb.example",
        "organisation": world.library.pk,
        "role": "baliemedewerker",
    }
    data.update(overrides)
    return client.post(reverse("accounts:invite"), data)


def test_facilitator_invites_and_the_invitee_sets_a_password_and_is_logged_in(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.users["facilitator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(client, world)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nieuw@bieb.example"]
    assert "uitgenodigd" in message.subject
    link = re.search(r"http://\S+/uitnodiging/(\S+)/", message.body)
    assert link, message.body
    token = link.group(1)
    assert not Invitation.objects.filter(token_hash=token).exists()  # only the hash is stored

    client.logout()
    accept_url = reverse("accounts:accept_invitation", args=[token])
    page = client.get(accept_url).content.decode()
    assert "Nieuwe Collega" in page and "nieuw@bieb.example" in page

    response = client.post(
        accept_url, {"name": "Nieuwe Collega", "password1": "een-goed-wachtwoord", "password2": "een-goed-wachtwoord"}
    )
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@bieb.example")
    assert user.role == "baliemedewerker" and user.organisation == world.library
    assert user.check_password("een-goed-wachtwoord")
    assert int(client.session["_auth_user_id"]) == user.pk
    # The link works only once.
    client.logout()
    assert client.get(accept_url).status_code == 404


def test_weak_or_different_passwords_are_refused_with_dutch_messages(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.users["administrator"])
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world)
    token = re.search(r"/uitnodiging/(\S+)/", mail.outbox[0].body).group(1)
    client.logout()
    url = reverse("accounts:accept_invitation", args=[token])
    html = client.post(
        url, {"name": "Nieuwe Collega", "password1": "12345678901", "password2": "anders"}
    ).content.decode()
    assert "Dit wachtwoord is te algemeen" in html or "Dit wachtwoord bestaat alleen uit cijfers" in html
    assert "De twee wachtwoorden zijn niet hetzelfde." in html
    assert not User.objects.filter(email="nieuw@bieb.example").exists()


def test_an_expired_invitation_no_longer_works(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.users["facilitator"])
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, world)
    token = re.search(r"/uitnodiging/(\S+)/", mail.outbox[0].body).group(1)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(reverse("accounts:accept_invitation", args=[token])).status_code == 404


def test_role_must_fit_the_organisation(client, world):
    client.force_login(world.users["facilitator"])
    poi = world.poi  # their own support organisation: one they may invite to
    response = _invite(client, world, organisation=poi.pk, role="coordinator")
    assert response.status_code == 200
    assert "past niet bij een organisatie van het type" in response.content.decode()
    assert not Invitation.objects.exists()
    assert len(mail.outbox) == 0


def test_existing_address_is_refused_and_input_kept(client, world):
    client.force_login(world.users["facilitator"])
    response = _invite(client, world, email="COORDINATOR@test.plein.example", name="Dubbel")
    html = response.content.decode()
    assert "Er is al een account met dit e-mailadres." in html
    assert 'value="Dubbel"' in html


def test_facilitator_cannot_invite_an_administrator(client, world):
    client.force_login(world.users["facilitator"])
    response = _invite(client, world, role="beheerder")
    assert response.status_code == 200
    assert not Invitation.objects.exists()


def test_facilitator_changes_a_role_and_it_is_recorded(client, world):
    client.force_login(world.users["facilitator"])
    target = world.users["desk_worker"]
    url = reverse("accounts:user_update", args=[target.uuid])
    response = client.post(
        url, {"name": target.name, "organisation": world.library.pk, "role": "coordinator", "is_active": "on"}
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.role == "coordinator"
    client.force_login(world.users["administrator"])
    history = client.get(reverse("accounts:user_history", args=[target.uuid])).content.decode()
    assert "Coördinator bibliotheek" in history or "coordinator" in history
    assert world.users["facilitator"].name in history


def test_services_refuse_roles_the_acting_person_may_not_give(world):
    from django.core.exceptions import ValidationError

    from plein.accounts import services

    facilitator = world.users["facilitator"]
    for role, organisation in [("beheerder", None), ("facilitator", facilitator.organisation)]:
        with pytest.raises(ValidationError) as exc:
            services.invitation_create(
                acting_user=facilitator, email=f"{role}@x.example", name="X", role=role, organisation=organisation
            )
        assert "U mag de rol" in str(exc.value)
    with pytest.raises(ValidationError):
        services.user_update(
            user=world.users["coordinator"],
            acting_user=facilitator,
            name="X",
            role="facilitator",
            organisation=facilitator.organisation,
            is_active=True,
        )
    assert not Invitation.objects.exists()


def test_facilitator_cannot_move_themselves_to_another_organisation(client, world):
    facilitator = world.users["facilitator"]
    other_poi = OrganisationFactory(poi=True)
    client.force_login(facilitator)
    response = client.post(
        reverse("accounts:user_update", args=[facilitator.uuid]),
        {"name": facilitator.name, "organisation": other_poi.pk, "role": "facilitator", "is_active": "on"},
    )
    assert response.status_code == 403
    facilitator.refresh_from_db()
    assert facilitator.organisation != other_poi
