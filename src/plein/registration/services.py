"""Writes for IDO registration. Every write changes the visit and its rollup rows in one
transaction, so the figures are always exactly the registrations (a randomised test checks)."""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plein.audit.services import acting_as
from plein.offers.choices import OfferStatus
from plein.offers.models import Offer

from .choices import QUESTION_KINDS, REQUIRED_QUESTION_KINDS, CategoryKind, VisitOrigin
from .models import UNDO_MINUTES, Category, Question, Visit  # noqa: F401 (UNDO_MINUTES: named here too)
from .rollups import QUESTION_FIELDS, apply_deltas, rebuild_rollups, visit_deltas

__all__ = ["rebuild_rollups"]  # also the repair tool: services is where writes are looked for


# --- validation --------------------------------------------------------------------------


def _category(value, kind, field, errors):
    if value in (None, ""):
        return None
    category = value if isinstance(value, Category) else Category.objects.filter(pk=value).first()
    if category is None or category.kind != kind:
        errors[field] = _("Choose one of the options.")
        return None
    if category.retired_at is not None:
        errors[field] = _("The option “%(label)s” is no longer used. Choose another.") % {"label": category.label}
        return None
    return category


def _offer(value, location, field, errors, keep=frozenset()):
    """The offer a question refers the resident to: a published offer of the visit's library
    (an Offer, its id or its public uuid). `keep`: offers the visit named already, which may
    stay when the visit is changed after the offer was taken off the public pages."""
    if value in (None, ""):
        return None
    offer = value
    if not isinstance(value, Offer):
        text = str(value)
        try:
            offer = Offer.objects.filter(uuid=uuid.UUID(text)).first()
        except ValueError:
            offer = Offer.objects.filter(pk=int(text)).first() if text.isdigit() else None
    if (
        offer is None
        or offer.library_id != location.organisation_id
        or (offer.status != OfferStatus.PUBLISHED and offer.pk not in keep)
    ):
        errors[field] = _("Choose a published offer of your own library.")
        return None
    return offer


def clean_visit(*, location, channel, duration, questions, day, keep_offers=frozenset()):
    errors = {}
    if not location.has_ido:
        errors["location"] = _("This branch has no IDO. Choose the branch where you work.")
    if day > timezone.localdate():
        errors["day"] = _("A visit cannot be in the future.")
    channel = _category(channel, CategoryKind.CHANNEL, "channel", errors)
    duration = _category(duration, CategoryKind.DURATION, "duration", errors)
    if channel is None and "channel" not in errors:
        errors["channel"] = _("Choose how the visitor came.")
    if duration is None and "duration" not in errors:
        errors["duration"] = _("Choose how long the help took.")
    if not questions:
        errors["questions"] = _("Register at least one question.")
    cleaned = []
    for number, question in enumerate(questions, start=1):
        values = {}
        for kind in QUESTION_KINDS:
            field = QUESTION_FIELDS[kind]
            values[field] = _category(question.get(field), kind, f"question_{number}_{field}", errors)
            if values[field] is None and kind in REQUIRED_QUESTION_KINDS and f"question_{number}_{field}" not in errors:
                errors[f"question_{number}_{field}"] = _("Question %(n)s: choose the %(what)s.") % {
                    "n": number,
                    "what": str(kind.label).lower(),
                }
        values["offer"] = _offer(question.get("offer"), location, f"question_{number}_offer", errors, keep_offers)
        cleaned.append(values)
    if errors:
        raise ValidationError(errors)
    return channel, duration, cleaned


# --- visits ------------------------------------------------------------------------------


@transaction.atomic
def visit_register(
    *, acting_user, location, channel, duration, questions, idempotency_key, day=None
) -> tuple[Visit, bool]:
    """Register one visit with its questions. The same idempotency key twice stores it once
    (a browser that lost its connection sends again). Returns (visit, created)."""
    if not idempotency_key or len(idempotency_key) > 64:
        raise ValidationError({"idempotency_key": _("This entry cannot be stored. Send it again as a new visit.")})
    # Desk and API keys only: the import keeps its keys apart (origin), so no key sent by a desk
    # can match, skip or block an imported visit.
    existing = Visit.objects.filter(origin=VisitOrigin.DESK, idempotency_key=idempotency_key).first()
    if existing is not None:
        if existing.registered_by_id == getattr(acting_user, "pk", None) and existing.location_id == location.pk:
            return existing, False  # the same entry sent again
        # Someone else's key: say nothing about their visit, store nothing.
        raise ValidationError({"idempotency_key": _("This entry cannot be stored. Send it again as a new visit.")})
    day = day or timezone.localdate()
    channel, duration, cleaned = clean_visit(
        location=location, channel=channel, duration=duration, questions=questions, day=day
    )
    with acting_as(acting_user):
        visit = Visit(
            location=location,
            day=day,
            channel=channel,
            duration=duration,
            registered_by=acting_user,
            idempotency_key=idempotency_key,
        )
        # clean_visit has checked every value and the database checks the keys: no full_clean,
        # which would ask the database six more questions for every visit.
        try:
            with transaction.atomic():
                visit.save()
        except IntegrityError:  # the same key arrived twice at the same moment
            return Visit.objects.get(origin=VisitOrigin.DESK, idempotency_key=idempotency_key), False
        Question.objects.bulk_create([Question(visit=visit, **values) for values in cleaned])
    apply_deltas(visit_deltas(visit, +1))
    return visit, True


@transaction.atomic
def visit_update(*, visit, acting_user, channel, duration, questions, day=None) -> Visit:
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    day = day or visit.day
    channel, duration, cleaned = clean_visit(
        location=visit.location,
        channel=channel,
        duration=duration,
        questions=questions,
        day=day,
        keep_offers=frozenset(visit.questions.exclude(offer=None).values_list("offer_id", flat=True)),
    )
    before = visit_deltas(visit, -1)
    with acting_as(acting_user):
        visit.channel, visit.duration, visit.day = channel, duration, day
        visit.save()
        visit.questions.all().delete()
        Question.objects.bulk_create([Question(visit=visit, **values) for values in cleaned])
    after = visit_deltas(visit, +1)
    before.update(after)  # Counter.update adds: unchanged counts cancel out
    apply_deltas(before)
    return visit


def can_undo(visit, user, now=None) -> bool:
    return visit.may_be_undone_by(user, now)


@transaction.atomic
def visit_delete(*, visit, acting_user) -> None:
    """Undo (by the desk, shortly after) or delete (by an administrator): the visit and its
    counts go together."""
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    deltas = visit_deltas(visit, -1)
    with acting_as(acting_user):
        visit.delete()
    apply_deltas(deltas)


# --- categories --------------------------------------------------------------------------


@transaction.atomic
def category_retire(*, category, acting_user) -> Category:
    with acting_as(acting_user):
        category.retired_at = timezone.now()
        category.save(update_fields=["retired_at"])
    return category


@transaction.atomic
def category_restore(*, category, acting_user) -> Category:
    with acting_as(acting_user):
        category.retired_at = None
        category.save(update_fields=["retired_at"])
    return category
