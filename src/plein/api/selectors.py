"""Reads for API keys and for the API itself.

The pages: coordinators manage the keys of their own library, administrators every key
(`plein.access.libraries_visible_to(user, Purpose.DATA)`; `plein.access.rules`, "API keys");
any other key is 404. The API: a key
sees only its own library — its branches, their figures — whoever made the key."""

import hmac

from django.db.models import QuerySet
from django.http import Http404

from plein.access import selectors as access
from plein.access.purposes import Purpose
from plein.common.utils import secret_hash
from plein.organisations.models import Organisation
from plein.registration.selectors import Scope, branch_key, library_key

from .models import ApiToken

# --- the pages ----------------------------------------------------------------------------


def tokens_visible_to(user) -> QuerySet[ApiToken]:
    """The keys of the libraries whose data links this user keeps (administrators: every key;
    a coordinator: their own library's; a desk worker none: 404)."""
    return ApiToken.objects.select_related("organisation", "created_by").filter(
        organisation__in=access.libraries_visible_to(user, Purpose.DATA)
    )


def token_list(*, user) -> list[ApiToken]:
    """Active keys first, then revoked ones; newest first within each (one query)."""
    tokens = list(tokens_visible_to(user).order_by("organisation__name", "-created_at", "-pk"))
    return sorted(tokens, key=lambda t: t.revoked_at is not None)


def token_get(*, user, uuid) -> ApiToken:
    token = tokens_visible_to(user).filter(uuid=uuid).first()
    if token is None:
        raise Http404
    access.remember_library(token.organisation, user, Purpose.DATA)
    return token


def token_organisations(*, user) -> QuerySet[Organisation]:
    """The libraries this user may make keys for."""
    return access.libraries_visible_to(user, Purpose.DATA).order_by("name")


# --- the API ------------------------------------------------------------------------------


def token_for_secret(secret: str) -> ApiToken | None:
    """The key with this secret (revoked or not), looked up by its hash."""
    if not secret:
        return None
    digest = secret_hash(secret)
    token = ApiToken.objects.select_related("organisation", "created_by").filter(secret_hash=digest).first()
    if token is None or not hmac.compare_digest(token.secret_hash, digest):
        return None
    return token


def organisation_scopes(organisation) -> dict[str, Scope]:
    """The figures a key may ask for: its whole library (first, the default) and each of its
    branches. Keys as on the figures pages (`registration.selectors.scope_choices`)."""
    locations = list(organisation.locations.order_by("name", "pk"))
    library = Scope(library_key(organisation), organisation.name, [loc.pk for loc in locations])
    scopes = {library.key: library}
    for loc in locations:
        scopes[branch_key(loc)] = Scope(branch_key(loc), loc.name, [loc.pk])
    return scopes
