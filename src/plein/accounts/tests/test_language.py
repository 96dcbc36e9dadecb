"""The language a person chose is kept on their account: the switch stores it, logging in
brings it back, and their e-mails follow it."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from plein.accounts import services
from plein.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _switch(client, language):
    return client.post(reverse("set_language"), {"language": language, "next": "/privacy/"})


def test_switching_language_stores_it_on_the_account(client, world):
    coordinator = world.users["coordinator"]
    assert coordinator.language == "nl"
    client.force_login(coordinator)
    assert _switch(client, "en").status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.language == "en"
    assert '<html lang="en">' in client.get("/privacy/").content.decode()
    _switch(client, "nl")
    coordinator.refresh_from_db()
    assert coordinator.language == "nl"


def test_an_anonymous_switch_or_an_unknown_language_stores_nothing(client, world):
    assert _switch(client, "en").status_code == 302  # the cookie only, as before
    client.force_login(world.users["coordinator"])
    _switch(client, "fr")
    world.users["coordinator"].refresh_from_db()
    assert world.users["coordinator"].language == "nl"


def test_logging_in_brings_back_the_chosen_language(client, world):
    services.user_language_update(user=world.users["coordinator"], language="en")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"  # someone else chose Dutch on this PC
    response = client.post(reverse("account_login"), {"login": "coordinator@test.plein.example", "password": PASSWORD})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en">' in client.get("/privacy/").content.decode()


def test_mail_goes_out_in_the_recipients_language(client, world, django_capture_on_commit_callbacks):
    from plein.practicecases.services import case_create

    services.user_language_update(user=world.users["desk_worker"], language="en")
    with django_capture_on_commit_callbacks(execute=True):
        case_create(
            acting_user=world.users["coordinator"],
            group=world.group,
            library=world.library,
            title="Het IDO",
            context="Achterin.",
            question="Hoe?",
        )
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[world.users["desk_worker"].email].startswith("[Plein] New practice case in")
    assert subjects[world.users["facilitator"].email].startswith("[Plein] Nieuwe praktijkcasus in")


def test_an_invitation_is_dutch_whatever_the_inviter_reads(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.users["facilitator"])
    _switch(client, "en")
    data = {"name": "Nieuw", "email": "nieuw@bieb.example", "organisation": world.library.pk, "role": "baliemedewerker"}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("accounts:invite"), data).status_code == 302
    assert "uitgenodigd" in mail.outbox[0].subject


def test_accepting_an_invitation_keeps_the_language_read_then(client, world, django_capture_on_commit_callbacks):
    import re

    from plein.accounts.models import User

    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(
            acting_user=world.users["facilitator"],
            email="nieuw@bieb.example",
            name="Nieuw",
            role="baliemedewerker",
            organisation=world.library,
        )
    token = re.search(r"/uitnodiging/(\S+)/", mail.outbox[0].body).group(1)
    _switch(client, "en")
    password = "een-goed-wachtwoord"
    client.post(
        reverse("accounts:accept_invitation", args=[token]),
        {"name": "Nieuw", "password1": password, "password2": password},
    )
    assert User.objects.get(email="nieuw@bieb.example").language == "en"
