"""API keys: made and revoked by coordinators (and administrators), the secret shown once and
never stored."""

import hashlib
from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from plein.api import services
from plein.api.models import ApiToken
from plein.organisations.tests.factories import OrganisationFactory
from plein.site.tests.queries import count_queries

from .factories import make_token

pytestmark = pytest.mark.django_db


# --- services ------------------------------------------------------------------------------


def test_the_secret_is_returned_once_and_only_its_hash_is_stored(world):
    token, secret = make_token(world.library, world.users["coordinator"])
    assert len(secret) >= 40
    token.refresh_from_db()
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert token.prefix == secret[:8]
    stored = [str(getattr(token, f.attname)) for f in ApiToken._meta.concrete_fields]
    assert not any(secret in value for value in stored)
    assert token.created_by == world.users["coordinator"] and token.is_active


def test_making_a_key_is_in_the_history_without_the_hash(world):
    token, secret = make_token(world.library, world.users["coordinator"])
    entry = LogEntry.objects.get_for_object(token).get()
    assert entry.actor == world.users["coordinator"]
    assert "secret_hash" not in entry.changes_dict and "name" in entry.changes_dict
    assert secret not in str(entry.changes) and token.secret_hash not in str(entry.changes)


def test_only_a_library_has_keys(world):
    with pytest.raises(ValidationError) as error:
        services.token_create(acting_user=world.users["administrator"], organisation=world.poi, name="X")
    assert "organisation" in error.value.message_dict


def test_a_key_needs_a_name(world):
    with pytest.raises(ValidationError) as error:
        services.token_create(acting_user=world.users["coordinator"], organisation=world.library, name="  ")
    assert "name" in error.value.message_dict


def test_revoking_stops_the_key_and_twice_changes_nothing(world):
    token, _secret = make_token(world.library, world.users["coordinator"])
    services.token_revoke(acting_user=world.users["coordinator"], token=token)
    token.refresh_from_db()
    first = token.revoked_at
    assert first is not None and not token.is_active
    services.token_revoke(acting_user=world.users["coordinator"], token=token)
    token.refresh_from_db()
    assert token.revoked_at == first


def test_last_used_is_written_at_most_once_a_minute(world, django_assert_num_queries):
    token, _secret = make_token(world.library, world.users["coordinator"])
    now = timezone.now()
    with django_assert_num_queries(1):
        services.token_touch(token=token, now=now)
    with django_assert_num_queries(0):
        services.token_touch(token=token, now=now + timedelta(seconds=59))
    with django_assert_num_queries(1):
        services.token_touch(token=token, now=now + timedelta(seconds=61))
    token.refresh_from_db()
    assert token.last_used_at == now + timedelta(seconds=61)


def test_the_api_idempotency_key_is_per_token_and_fits_the_column(world):
    one, _ = make_token(world.library, world.users["coordinator"])
    two, _ = make_token(world.library, world.users["coordinator"])
    key = "x" * 64
    assert services.api_idempotency_key(token=one, key=key) != services.api_idempotency_key(token=two, key=key)
    assert len(services.api_idempotency_key(token=one, key=key)) <= 64
    one.pk = 10**18  # the largest primary keys still fit
    assert len(services.api_idempotency_key(token=one, key=key)) <= 64


# --- pages ---------------------------------------------------------------------------------


def test_coordinator_makes_a_key_and_sees_the_secret_once(client, world):
    client.force_login(world.users["coordinator"])
    response = client.post(reverse("api:token_create"), {"name": "Registratie-app Centrum"})
    assert response.status_code == 200
    token = ApiToken.objects.get()
    html = response.content.decode()
    secret = html.split('<code id="api-secret">')[1].split("</code>")[0]
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert token.organisation == world.library and token.name == "Registratie-app Centrum"
    assert "Kopieer deze sleutel nu" in html
    assert "no-store" in response["Cache-Control"]
    listing = client.get(reverse("api:tokens")).content.decode()
    assert "Registratie-app Centrum" in listing and token.prefix in listing
    assert secret not in listing
    assert str(world.location.uuid) in listing  # the branch ids the API asks for


def test_a_key_without_a_name_shows_a_dutch_error_and_keeps_nothing(client, world):
    client.force_login(world.users["coordinator"])
    response = client.post(reverse("api:token_create"), {"name": "   "})
    assert response.status_code == 200
    assert "Vul in welk systeem deze sleutel gebruikt." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_an_administrator_chooses_the_library(client, world):
    client.force_login(world.users["administrator"])
    page = client.get(reverse("api:token_create")).content.decode()
    assert "Bibliotheek Ander" in page and world.poi.name not in page
    response = client.post(reverse("api:token_create"), {"name": "Dashboard"})
    assert "Kies de bibliotheek waarvoor deze sleutel is." in response.content.decode()
    response = client.post(reverse("api:token_create"), {"name": "Dashboard", "organisation": world.other_library.pk})
    assert response.status_code == 200
    assert ApiToken.objects.get().organisation == world.other_library


def test_a_coordinator_cannot_make_a_key_for_another_library(client, world):
    client.force_login(world.users["coordinator"])
    client.post(reverse("api:token_create"), {"name": "X", "organisation": world.other_library.pk})
    assert ApiToken.objects.get().organisation == world.library


def test_coordinator_revokes_after_confirming(client, world):
    token, _secret = make_token(world.library, world.users["coordinator"])
    client.force_login(world.users["coordinator"])
    url = reverse("api:token_revoke", args=[token.uuid])
    assert "Ja, deze sleutel intrekken" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("api:tokens")
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert "Ja, deze sleutel intrekken" not in client.get(url).content.decode()


def test_a_key_of_another_library_cannot_be_revoked(client, world):
    token, _secret = make_token(world.other_library, world.users["administrator"])
    client.force_login(world.users["coordinator"])
    assert client.post(reverse("api:token_revoke", args=[token.uuid])).status_code == 404
    client.force_login(world.users["desk_worker"])
    own, _secret = make_token(world.library, world.users["coordinator"])
    # Issue 11: the desk worker does not keep the library's keys, so they do not see them (404).
    assert client.post(reverse("api:token_revoke", args=[own.uuid])).status_code == 404
    token.refresh_from_db()
    own.refresh_from_db()
    assert token.is_active and own.is_active


def test_the_list_shows_only_the_own_library(client, world):
    make_token(world.library, world.users["coordinator"], name="Eigen app")
    make_token(world.other_library, world.users["administrator"], name="Andere app")
    client.force_login(world.users["coordinator"])
    html = client.get(reverse("api:tokens")).content.decode()
    assert "Eigen app" in html and "Andere app" not in html
    client.force_login(world.users["administrator"])
    html = client.get(reverse("api:tokens")).content.decode()
    assert "Eigen app" in html and "Andere app" in html


def test_the_list_takes_the_same_queries_for_few_and_many_keys(client, world):
    client.force_login(world.users["administrator"])
    make_token(world.library, world.users["coordinator"])
    few = count_queries(client, reverse("api:tokens"))
    for n in range(6):
        make_token(OrganisationFactory(), world.users["administrator"], name=f"App {n}")
    assert count_queries(client, reverse("api:tokens")) == few
