"""Writes for API keys. The secret is made here, returned once and never stored: only its
SHA-256 hash is (a database leak does not leak working keys)."""

import datetime
import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plein.audit.security import log_event
from plein.audit.services import acting_as
from plein.common.utils import secret_hash
from plein.organisations.models import Location, Organisation
from plein.registration.choices import CategoryKind
from plein.registration.models import Category
from plein.registration.services import QUESTION_FIELDS, visit_register

from .models import PREFIX_LENGTH, ApiToken, RateCount

# How stale "last used" may get: one write a minute per key at most, not one per request.
TOUCH_INTERVAL = timedelta(minutes=1)


@transaction.atomic
def token_create(*, acting_user, organisation: Organisation, name: str) -> tuple[ApiToken, str]:
    """Make a key for one library. Returns the key and its secret: show the secret once."""
    if not organisation.is_library:
        raise ValidationError({"organisation": _("Only a library can have API keys.")})
    secret = secrets.token_urlsafe(32)
    with acting_as(acting_user):
        token = ApiToken(
            organisation=organisation,
            name=(name or "").strip(),
            prefix=secret[:PREFIX_LENGTH],
            secret_hash=secret_hash(secret),
            created_by=acting_user,
        )
        token.full_clean()
        token.save()
    log_event("api_key_created", actor=acting_user, obj=token, organisation=organisation.pk)
    return token, secret


@transaction.atomic
def token_revoke(*, acting_user, token: ApiToken) -> ApiToken:
    """Stop a key working, at once and for good. Revoking twice changes nothing."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        with acting_as(acting_user):
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
        log_event("api_key_revoked", actor=acting_user, obj=token)
    return token


def token_touch(*, token: ApiToken, now=None) -> bool:
    """Note that the key was used, at most once a minute (no audit record: it is not a change
    by a person). True when noted now; the security log gets one line per key per minute."""
    now = now or timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < TOUCH_INTERVAL:
        return False
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
    log_event("api_key_used", actor=token, obj=token, organisation=token.organisation_id)
    return True


def rate_count(*, token: ApiToken, length: int, slot: int) -> int:
    """Count one request of this key in window `slot` (of `length` seconds) and return the count
    so far, this request included. One statement, atomic in PostgreSQL and SQLite (≥ 3.35 for
    RETURNING): two requests at the same moment get two different counts. The first request of
    a window removes the key's older windows, so a key keeps one row."""
    table = connection.ops.quote_name(RateCount._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (token_id, length, slot, requests) VALUES (%s, %s, %s, 1) "  # noqa: S608
            f"ON CONFLICT (token_id, length, slot) DO UPDATE SET requests = {table}.requests + 1 "
            "RETURNING requests",
            [token.pk, length, slot],
        )
        (count,) = cursor.fetchone()
    if count == 1:
        RateCount.objects.filter(token=token).exclude(length=length, slot=slot).delete()
    return count


def api_idempotency_key(*, token: ApiToken, key: str) -> str:
    """The key a visit from the API is stored under. The web desk and the API share one unique
    column; a key of its own per API key means one client can neither see nor collide with
    another's entries. Fits the column's 64 characters whatever the client sends."""
    return f"api:{token.pk}:{hashlib.sha256(key.encode()).hexdigest()[:40]}"


# --- the API: registering a visit ----------------------------------------------------------

QUESTION_FIELD_KINDS = {field: kind for kind, field in QUESTION_FIELDS.items()}
EARLIEST_DAY = datetime.date(2000, 1, 1)


def _api_path(key: str) -> str:
    """A service's error key as a path in the API's body: question_2_topic → questions.1.topic."""
    if key.startswith("question_"):
        _prefix, number, field = key.split("_", 2)
        return f"questions.{int(number) - 1}.{field}"
    return key


def visit_register_for_token(
    *, token: ApiToken, location, channel: str, duration: str, questions: list[dict], idempotency_key: str, day=None
):
    """Register a visit sent by a client of the API with category codes, at a branch of the key's
    own library. The person who made the key is recorded as the one who registered it (the
    desk's rules apply: same checks, same rollups). Returns (visit, created); raises a
    ValidationError keyed by the body's field paths."""
    if token.created_by_id is None:
        raise PermissionDenied(_("The account that made this API key no longer exists. Make a new key."))
    errors = {}
    branch = Location.objects.filter(uuid=location, organisation_id=token.organisation_id).first()
    if branch is None:
        errors["location"] = [
            _("Your library has no branch with this id. The page “API keys” in Plein lists the ids of your branches.")
        ]
    if day is not None and day < EARLIEST_DAY:
        errors["day"] = [_("Choose a date from 1 January 2000.")]
    codes = {channel, duration, *(code for q in questions for code in q.values() if code)}
    known = {(c.kind, c.code): c for c in Category.objects.filter(code__in=codes)}

    def resolve(code, kind, path):
        if code in (None, ""):
            return None
        category = known.get((kind, code))
        if category is None:
            errors[path] = [
                _("Unknown code “%(code)s” for %(what)s. GET /api/v1/categories lists the codes.")
                % {"code": code, "what": str(kind.label).lower()}
            ]
        return category

    channel_category = resolve(channel, CategoryKind.CHANNEL, "channel")
    duration_category = resolve(duration, CategoryKind.DURATION, "duration")
    resolved = [
        {
            field: resolve(question.get(field), kind, f"questions.{index}.{field}")
            for field, kind in QUESTION_FIELD_KINDS.items()
        }
        for index, question in enumerate(questions)
    ]
    if errors:
        raise ValidationError(errors)
    try:
        return visit_register(
            acting_user=token.created_by,
            location=branch,
            channel=channel_category,
            duration=duration_category,
            questions=resolved,
            idempotency_key=api_idempotency_key(token=token, key=idempotency_key),
            day=day,
        )
    except ValidationError as error:
        raise ValidationError({_api_path(key): messages for key, messages in error.message_dict.items()}) from error
