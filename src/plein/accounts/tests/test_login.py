import pytest
from django.core import mail
from django.urls import reverse

from plein.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_login_with_email_and_password(client, world):
    response = _login(client, "Coordinator@test.plein.example", PASSWORD)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == world.users["coordinator"].pk
    assert f"U bent ingelogd als {world.users['coordinator'].name}." in client.get("/").content.decode()


def test_wrong_password_gets_a_dutch_message(client, world):
    html = _login(client, "coordinator@test.plein.example", "fout").content.decode()
    assert "Het e-mailadres of het wachtwoord klopt niet." in html
    assert 'value="coordinator@test.plein.example"' in html


def test_five_wrong_passwords_lock_the_account_with_a_dutch_message(client, world):
    for _ in range(4):
        assert _login(client, "coordinator@test.plein.example", "fout").status_code == 200
    response = _login(client, "coordinator@test.plein.example", "fout")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Uw account is even geblokkeerd" in html
    assert "5 keer achter elkaar fout" in html
    # Even the right password is refused while locked.
    response = _login(client, "coordinator@test.plein.example", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another account is not affected.
    assert _login(client, "balie@test.plein.example", PASSWORD).status_code == 302


def test_password_reset_sends_a_mail(client, world):
    response = client.post(reverse("account_reset_password"), {"email": "coordinator@test.plein.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/account/password/reset/key/" in mail.outbox[0].body


def test_signup_is_closed(client, world):
    response = client.get(reverse("account_signup"))
    assert "U kunt niet zelf een account maken" in response.content.decode()
    assert (
        client.post(
            reverse("account_signup"), {"email": "x@y.example", "password1": "abcdefghijk", "password2": "abcdefghijk"}
        ).status_code
        != 302
    )
