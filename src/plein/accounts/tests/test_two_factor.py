import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time
from django.urls import reverse

from plein.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _code(secret):
    counter = next(iter(yield_hotp_counters_from_time()))
    return f"{hotp_value(secret, counter):06d}"


def test_two_step_login_can_be_turned_on_and_is_then_asked_at_login(client, world):
    user = world.users["coordinator"]
    client.force_login(user)
    # Turning on two-step login first asks for the password again.
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = page.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": _code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()

    client.logout()
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": _code(secret)})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def _with_totp(user):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def test_the_technical_admin_login_cannot_skip_the_second_step(client, world):
    """Failed before: POSTing the password to /beheer/login/ logged an administrator with TOTP
    in without the code, and that session opened /beheer/ and every other page."""
    admin = world.users["administrator"]
    secret = _with_totp(admin)
    response = client.post(
        "/beheer/login/?next=/beheer/", {"username": admin.email, "password": PASSWORD, "next": "/beheer/"}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert client.get("/beheer/").status_code == 302  # back to the login
    assert client.get(reverse("accounts:user_list")).status_code == 302

    # The admin's login page sends people to Plein's own login, which asks for the code, and
    # back to where they wanted to go.
    response = client.get("/beheer/login/?next=/beheer/organisations/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=/beheer/organisations/"
    response = client.post(reverse("account_login"), {"login": admin.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    client.post(reverse("mfa_authenticate"), {"code": _code(secret)})
    assert client.get("/beheer/").status_code == 200


def test_an_unsafe_next_on_the_admin_login_is_dropped(client, world):
    response = client.get("/beheer/login/?next=https://evil.example/")
    assert response["Location"] == reverse("account_login")


def test_someone_logged_in_without_admin_rights_gets_no_access_instead_of_a_loop(client, world):
    client.force_login(world.users["coordinator"])
    assert client.get("/beheer/login/?next=/beheer/").status_code == 403
    client.force_login(world.users["administrator"])
    assert client.get("/beheer/login/?next=/beheer/").headers["Location"] == "/beheer/"
