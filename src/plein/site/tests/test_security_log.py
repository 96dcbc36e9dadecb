"""Issue 14: every security-relevant event is one record on the logger "plein.security" with
actor, action, object, result, origin (the client's address) and time (BIO), and with
PLEIN_LOG_FORMAT=json one JSON line with those fields."""

import datetime
import json
import logging

import pytest
from django.urls import reverse
from django.utils import timezone

from plein.accounts import services as account_services
from plein.accounts.choices import Role
from plein.accounts.tests.factories import PASSWORD
from plein.api.tests.factories import bearer, make_token
from plein.common.logging import JsonFormatter

pytestmark = pytest.mark.django_db

FIELDS = {"action", "actor", "object", "result", "origin", "at"}


@pytest.fixture
def events(caplog):
    caplog.set_level(logging.INFO, logger="plein.security")

    def recorded(action=None):
        found = [r for r in caplog.records if r.name == "plein.security"]
        for record in found:
            assert FIELDS <= set(vars(record)), record.__dict__
        return [r for r in found if action is None or r.action == action]

    return recorded


def _login(client, password, ip="203.0.113.9"):
    return client.post(
        reverse("account_login"), {"login": "coordinator@test.plein.example", "password": password}, REMOTE_ADDR=ip
    )


def test_login_failed_login_and_lockout(client, world, events):
    _login(client, PASSWORD)
    (login,) = events("login")
    assert (login.actor, login.result, login.origin) == ("coordinator@test.plein.example", "success", "203.0.113.9")
    assert login.object == f"accounts.user:{world.users['coordinator'].pk}"

    client.logout()
    for _ in range(5):
        _login(client, "fout", ip="198.51.100.7")
    failed = events("login_failed")
    assert len(failed) == 5 and {r.actor for r in failed} == {"coordinator@test.plein.example"}
    assert {r.origin for r in failed} == {"198.51.100.7"}
    (lockout,) = events("lockout")
    assert (lockout.result, lockout.origin, lockout.detail_scope) == ("refused", "198.51.100.7", "address")


def test_role_change_export_and_report_share(client, world, events):
    from plein.reports import services as report_services
    from plein.reports.tests.permissions import _report

    admin = world.users["administrator"]
    desk_worker = world.users["desk_worker"]
    account_services.user_update(
        user=desk_worker,
        acting_user=admin,
        name=desk_worker.name,
        role=Role.COORDINATOR,
        organisation=desk_worker.organisation,
        is_active=True,
    )
    (change,) = events("role_change")
    assert change.actor == admin.email and change.object == f"accounts.user:{desk_worker.pk}"
    assert change.detail_role == f"{Role.DESK_WORKER}->{Role.COORDINATOR}"

    client.force_login(world.users["coordinator"])
    client.get(reverse("registration:export") + "?periode=maand&formaat=csv", REMOTE_ADDR="192.0.2.4")
    (export,) = events("export")
    assert (export.actor, export.object, export.origin) == (
        world.users["coordinator"].email,
        "registration:questions",
        "192.0.2.4",
    )

    report = _report(world, published=True)
    report_services.share_link_create(
        acting_user=world.users["coordinator"],
        version=report.versions.get(),
        expires_on=timezone.localdate() + datetime.timedelta(days=10),
    )
    (shared,) = events("report_shared")
    assert shared.actor == world.users["coordinator"].email and shared.object.startswith("reports.sharelink:")
    assert shared.origin == "system"  # outside a request


def test_api_key_use_and_refusal(client, world, events):
    token, secret = make_token(world.library, world.users["coordinator"])
    (created,) = events("api_key_created")
    assert created.actor == world.users["coordinator"].email
    assert client.get("/api/v1/categories", REMOTE_ADDR="192.0.2.50", **bearer(secret)).status_code == 200
    assert client.get("/api/v1/categories", REMOTE_ADDR="192.0.2.50", **bearer(secret)).status_code == 200
    (used,) = events("api_key_used")  # once a minute per key, not per request
    assert (used.actor, used.object, used.origin) == (
        f"api-key:{token.prefix}",
        f"api.apitoken:{token.pk}",
        "192.0.2.50",
    )
    assert client.get("/api/v1/categories", REMOTE_ADDR="192.0.2.51", **bearer("wrong")).status_code == 401
    (refused,) = events("api_key_refused")
    assert (refused.result, refused.origin, refused.detail_reason) == ("refused", "192.0.2.51", "unknown")


def test_json_lines_carry_every_field(client, world, events):
    _login(client, "fout", ip="198.51.100.8")
    (record,) = events("login_failed")
    line = json.loads(JsonFormatter().format(record))
    assert {
        "action": "login_failed",
        "actor": "coordinator@test.plein.example",
        "object": "account:coordinator@test.plein.example",
        "result": "failure",
        "origin": "198.51.100.8",
        "level": "INFO",
        "logger": "plein.security",
    }.items() <= line.items()
    assert line["time"].endswith("+00:00") and line["at"]


def test_a_failed_login_never_logs_what_was_typed_when_it_is_no_account(client, world, events, caplog):
    """A mistyped address is someone's, or an attacker's guess (the form takes only e-mail
    addresses, so a password in the name field never gets this far). Failed before: the security
    log's actor and django-axes' own warning ("New login failure by {username: …}") held it as
    typed."""
    typed = "coordinatr@test.plein.example"
    for _ in range(5):
        client.post(reverse("account_login"), {"login": typed, "password": "fout"}, REMOTE_ADDR="198.51.100.9")
    failed = events("login_failed")
    assert len(failed) == 5
    actors = {r.actor for r in failed}
    assert len(actors) == 1  # the same name typed twice: the same pseudonym, to follow repeated tries
    (actor,) = actors
    assert actor.startswith("unknown-account:") and len(actor) == len("unknown-account:") + 12
    (lockout,) = events("lockout")
    assert lockout.actor == actor
    for record in caplog.records:  # every logger, every level
        line = JsonFormatter().format(record)
        assert typed.lower() not in line.lower(), (record.name, line)


def test_a_role_changed_in_the_django_admin_is_logged(world, events, rf):
    """Failed before: only accounts.services.user_update logged a role change; the same change
    in /beheer/ (the Django admin) left no security event."""
    from django.contrib.admin.sites import site

    from plein.accounts.models import User

    admin = world.users["administrator"]
    desk_worker = User.objects.get(pk=world.users["desk_worker"].pk)
    request = rf.post("/beheer/accounts/user/", REMOTE_ADDR="192.0.2.77")
    request.user = admin
    model_admin = site._registry[User]

    desk_worker.name = "Andere naam"
    model_admin.save_model(request, desk_worker, form=None, change=True)
    assert events("role_change") == []  # only the name: no access changed

    desk_worker.role = Role.COORDINATOR
    desk_worker.is_staff = True
    model_admin.save_model(request, desk_worker, form=None, change=True)
    (change,) = events("role_change")
    assert (change.actor, change.object, change.origin) == (
        admin.email,
        f"accounts.user:{desk_worker.pk}",
        "192.0.2.77",
    )
    assert change.detail_role == f"{Role.DESK_WORKER}->{Role.COORDINATOR}"
    assert change.detail_is_staff == "False->True" and change.detail_via == "admin"
