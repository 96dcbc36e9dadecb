import pytest
from django.core import mail
from django.urls import reverse

from plein.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _login(client, email, password, ip="127.0.0.1"):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip)


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


def test_wrong_passwords_from_one_address_do_not_lock_the_account_elsewhere(client, world):
    """Failed before: five wrong passwords from anyone locked the account for everyone."""
    email = "coordinator@test.plein.example"
    for _ in range(6):
        _login(client, email, "fout", ip="203.0.113.66")
    assert _login(client, email, PASSWORD, ip="203.0.113.66").status_code == 429
    response = _login(client, email, PASSWORD, ip="198.51.100.7")
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == world.users["coordinator"].pk


def test_many_wrong_passwords_from_many_addresses_still_lock_the_account(client, world, settings):
    """The slower per-account throttle: 30 wrong passwords within an hour, from any addresses."""
    email = "coordinator@test.plein.example"
    assert settings.PLEIN_ACCOUNT_FAILURE_LIMIT == 30
    # One address locks itself after 5; what it tries while locked does not count, so one
    # address alone can never lock the account for others.
    for _ in range(25):
        _login(client, email, "fout", ip="192.0.2.1")
    for i in range(24):  # 29 wrong passwords in all
        assert _login(client, email, "fout", ip=f"203.0.113.{i % 8}").status_code == 200
    assert _login(client, email, PASSWORD, ip="198.51.100.8").status_code == 302
    client.logout()
    response = _login(client, email, "fout", ip="203.0.113.99")
    assert response.status_code == 429
    assert "30 keer" in response.content.decode()
    response = _login(client, email, PASSWORD, ip="198.51.100.9")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # After the hour, the account opens again.
    import time_machine
    from django.utils import timezone

    with time_machine.travel(timezone.now() + settings.PLEIN_ACCOUNT_FAILURE_WINDOW, tick=False):
        assert _login(client, email, PASSWORD, ip="198.51.100.9").status_code == 302


def test_behind_a_proxy_the_forwarded_address_counts(client, world, settings):
    settings.PLEIN_PROXY_COUNT = 1
    email = "coordinator@test.plein.example"
    for _ in range(5):
        client.post(
            reverse("account_login"),
            {"login": email, "password": "fout"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.66",
        )
    assert _login(client, email, PASSWORD, ip="10.0.0.1").status_code == 302  # another visitor, same proxy


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
