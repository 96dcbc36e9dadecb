"""Writes of the offer: create and change an offer with its themes (the search text kept in
step), publish and withdraw it (an explicit state machine, `choices.STATUS_TRANSITIONS`),
delete a draft, its weekly hours and closed periods, its dated sessions, and an offer made in
one step from an EMB portfolio programme or from the IDO service profile of a branch.

Every write runs in one transaction inside `acting_as(acting_user)` (the history records who
did it); a broken rule is a Dutch `ValidationError` and nothing is saved."""

import calendar
import datetime
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from plein.audit.services import acting_as
from plein.borging.services import hours_overlaps

from .choices import (
    RESERVED_SLUGS,
    STATUS_TRANSITIONS,
    Access,
    Bring,
    Facility,
    Helper,
    Need,
    OfferKind,
    OfferSource,
    OfferStatus,
    Schedule,
    Theme,
)
from .models import Offer, OfferClosure, OfferHours, OfferTheme, Session
from .selectors import search_text_for

# What the offer form sets (everything a library describes; not the status, the source or the
# address, which services keep).
OFFER_FIELDS = (
    "title",
    "summary",
    "covered",
    "not_covered",
    "kind",
    "need",
    "helper",
    "target_group",
    "location",
    "schedule",
    "access",
    "signup_phone",
    "signup_email",
    "signup_url",
    "bring",
    "bring_other",
    "facilities",
    "free",
    "cost",
    "languages",
    "provider_name",
    "partner",
    "programme",
    "review_on",
)
REVIEW_MONTHS = 6


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the last day of the month when it has fewer days)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def slug_for(*, library, text: str, exclude_pk=None) -> str:
    """A readable address part, unique within the library, never one of the words the public
    addresses use themselves (`RESERVED_SLUGS`): "digisterker", then "digisterker-2"."""
    base = (slugify(text) or "aanbod")[:110].strip("-") or "aanbod"
    if base in RESERVED_SLUGS:
        base = f"{base}-aanbod"
    taken = set(
        Offer.objects.filter(library=library, slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken or slug in RESERVED_SLUGS:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _clean_codes(values, allowed, field, message) -> list[str]:
    values = list(dict.fromkeys(values or []))
    if any(value not in allowed for value in values):
        raise ValidationError({field: message})
    return values


def _check_partner_and_programme(offer):
    errors = {}
    if offer.partner_id and offer.partner.trajectory.library_id != offer.library_id:
        errors["partner"] = _("Choose a partner of your own Ontwikkelplein.")
    if (
        offer.programme_id
        and not offer.programme.portfolio_entries.filter(library_id=offer.library_id).exists()
        and offer.programme.library_id != offer.library_id
    ):
        errors["programme"] = _("Choose a programme from your own EMB portfolio.")
    if errors:
        raise ValidationError(errors)


def _save_offer(offer, *, theme_codes, slug_text=""):
    """Check and save the offer, replace its themes and refresh its search text."""
    if slug_text:
        wanted = slugify(slug_text)
        if not wanted:
            raise ValidationError({"slug": _("Use letters, digits and hyphens for the web address.")})
        if wanted in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This web address is used by Plein itself. Choose another one.")})
        if Offer.objects.filter(library_id=offer.library_id, slug=wanted).exclude(pk=offer.pk).exists():
            raise ValidationError({"slug": _("Another offer of your library already has this web address.")})
        offer.slug = wanted
    elif not offer.slug:
        offer.slug = slug_for(library=offer.library, text=offer.title, exclude_pk=offer.pk)
    _check_partner_and_programme(offer)
    with translation.override("nl"):  # residents search in Dutch, whatever language the editor uses
        offer.search_text = search_text_for(offer, theme_codes)
    offer.full_clean()
    offer.save()
    existing = {t.theme: t for t in offer.themes.all()}
    for code, row in existing.items():
        if code not in theme_codes:
            row.delete()
    for code in theme_codes:
        if code not in existing:
            theme = OfferTheme(offer=offer, theme=code)
            theme.full_clean()
            theme.save()
    return offer


def _theme_codes(themes) -> list[str]:
    return _clean_codes(themes, Theme.values, "themes", _("Choose themes from the list."))


_NULLABLE = {"location", "partner", "programme", "review_on"}


def _set_fields(offer, fields):
    for name in OFFER_FIELDS:
        if name in fields:
            setattr(offer, name, fields[name] if fields[name] is not None or name in _NULLABLE else "")
    offer.bring = _clean_codes(offer.bring, Bring.values, "bring", _("Choose from the list what to bring."))
    offer.facilities = _clean_codes(
        offer.facilities, Facility.values, "facilities", _("Choose facilities from the list.")
    )
    if offer.free:
        offer.cost = ""
    if offer.access == Access.WALK_IN:
        offer.signup_phone = offer.signup_email = offer.signup_url = ""


@transaction.atomic
def offer_create(*, library, acting_user, themes=(), slug="", source=OfferSource.MANUAL, **fields) -> Offer:
    """A new offer of the library, as a draft."""
    theme_codes = _theme_codes(themes)
    offer = Offer(library=library, source=source, status=OfferStatus.DRAFT, created_by=acting_user)
    _set_fields(offer, fields)
    with acting_as(acting_user):
        return _save_offer(offer, theme_codes=theme_codes, slug_text=slug)


@transaction.atomic
def offer_update(*, offer, acting_user, themes=(), slug="", **fields) -> Offer:
    """Change an offer. A published offer stays published, so it must stay complete."""
    theme_codes = _theme_codes(themes)
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    _set_fields(offer, fields)
    if offer.is_published:
        problems = publish_problems(offer, theme_codes=theme_codes)
        if problems:
            raise ValidationError(problems)
    with acting_as(acting_user):
        return _save_offer(offer, theme_codes=theme_codes, slug_text=slug)


# --- the state machine ---------------------------------------------------------------------


def publish_problems(offer, *, theme_codes=None, today=None) -> list[str]:
    """What an offer still misses before residents may see it, one Dutch sentence each."""
    now = timezone.now()
    problems = []
    if not offer.location_id or offer.location.organisation_id != offer.library_id:
        problems.append(_("Choose a branch of your own library, so residents know where to go."))
    if offer.schedule == Schedule.SESSIONS:
        if not offer.sessions.filter(cancelled=False, starts_at__gt=now).exists():
            problems.append(_("Add at least one session on a date in the future."))
    elif not offer.hours.exists():
        problems.append(_("Add at least one block of weekly hours."))
    if offer.access == Access.SIGN_UP and not (offer.signup_phone or offer.signup_email or offer.signup_url):
        problems.append(_("Say how residents sign up: a phone number, an e-mail address or a web address."))
    if not offer.free and not offer.cost:
        problems.append(_("Say what it costs, or tick free of charge."))
    codes = list(offer.themes.values_list("theme", flat=True)) if theme_codes is None else theme_codes
    if not codes:
        problems.append(_("Choose at least one theme, so residents can find the offer."))
    return problems


def _transition(offer, to):
    if to not in STATUS_TRANSITIONS.get(offer.status, ()):
        raise ValidationError(
            _("An offer that is %(from)s cannot become %(to)s.")
            % {"from": OfferStatus(offer.status).label.lower(), "to": OfferStatus(to).label.lower()}
        )


@transaction.atomic
def publish(*, offer, acting_user, review_on=None) -> Offer:
    """Draft -> published, when the offer is complete. Sets the moment of publishing and the
    date to check it again (six months ahead when none is given or it lies in the past)."""
    offer = Offer.objects.select_for_update().select_related("location").get(pk=offer.pk)
    _transition(offer, OfferStatus.PUBLISHED)
    problems = publish_problems(offer)
    if problems:
        raise ValidationError(problems)
    today = timezone.localdate()
    review_on = review_on or offer.review_on
    if review_on is None or review_on <= today:
        review_on = add_months(today, REVIEW_MONTHS)
    offer.status = OfferStatus.PUBLISHED
    offer.published_at = timezone.now()
    offer.review_on = review_on
    with acting_as(acting_user):
        offer.full_clean()
        offer.save()
    return offer


@transaction.atomic
def unpublish(*, offer, acting_user) -> Offer:
    """Published -> draft: residents no longer see it; the library keeps it to change."""
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    _transition(offer, OfferStatus.DRAFT)
    offer.status = OfferStatus.DRAFT
    with acting_as(acting_user):
        offer.save()
    return offer


def location_moved_receiver(sender, *, location, old_organisation_id, **kwargs) -> None:
    """`organisations.signals.location_moved`, in the same transaction as the move: a branch now
    of another library. The other libraries' published offers there go back to draft, so their
    coordinator chooses a branch of their own again (nobody is logged in for this: the move)."""
    if location.organisation_id == old_organisation_id:
        return
    moved = Offer.objects.filter(location=location, status=OfferStatus.PUBLISHED).exclude(
        library_id=location.organisation_id
    )
    for offer in moved:
        unpublish(offer=offer, acting_user=None)


@transaction.atomic
def mark_reviewed(*, offer, acting_user, review_on=None) -> Offer:
    """The coordinator checked a published offer: the next check is six months ahead."""
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    if not offer.is_published:
        raise ValidationError(_("Only a published offer has a date to check it again."))
    today = timezone.localdate()
    offer.review_on = review_on if review_on and review_on > today else add_months(today, REVIEW_MONTHS)
    with acting_as(acting_user):
        offer.full_clean()
        offer.save()
    return offer


@transaction.atomic
def offer_delete(*, offer, acting_user) -> None:
    """Delete a draft. A published offer is withdrawn first, so nobody loses a page by accident."""
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    if offer.is_published:
        raise ValidationError(_("A published offer cannot be deleted. Withdraw it first."))
    with acting_as(acting_user):
        offer.delete()


# --- weekly hours and closed periods -------------------------------------------------------


@transaction.atomic
def weekly_schedule_save(*, offer, acting_user, hours=(), closures=()) -> Offer:
    """Replace the weekly hours and closed periods (lists of dicts) of an offer: all or nothing.
    A published weekly offer keeps at least one block."""
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    hours, closures = list(hours), list(closures)
    if hours_overlaps(hours):
        raise ValidationError({"hours": _("Two blocks of hours on the same day overlap. Change or remove one.")})
    if offer.is_published and offer.schedule == Schedule.WEEKLY and not hours:
        raise ValidationError(
            {"hours": _("A published offer needs at least one block of weekly hours. Withdraw it first.")}
        )
    with acting_as(acting_user):
        offer.hours.all().delete()
        for block in hours:
            row = OfferHours(offer=offer, weekday=block["weekday"], opens=block["opens"], closes=block["closes"])
            row.full_clean()
            row.save()
        offer.closures.all().delete()
        for item in closures:
            row = OfferClosure(
                offer=offer, starts_on=item["starts_on"], ends_on=item["ends_on"], note=item.get("note") or ""
            )
            row.full_clean()
            row.save()
    return offer


@transaction.atomic
def hours_add(*, offer, acting_user, weekday, opens, closes) -> OfferHours:
    blocks = [{"weekday": h.weekday, "opens": h.opens, "closes": h.closes} for h in offer.hours.all()]
    if hours_overlaps([*blocks, {"weekday": weekday, "opens": opens, "closes": closes}]):
        raise ValidationError({"opens": _("These hours overlap other hours on the same day.")})
    with acting_as(acting_user):
        row = OfferHours(offer=offer, weekday=weekday, opens=opens, closes=closes)
        row.full_clean()
        row.save()
    return row


@transaction.atomic
def closure_add(*, offer, acting_user, starts_on, ends_on, note="") -> OfferClosure:
    with acting_as(acting_user):
        row = OfferClosure(offer=offer, starts_on=starts_on, ends_on=ends_on, note=note or "")
        row.full_clean()
        row.save()
    return row


# --- dated sessions ------------------------------------------------------------------------


def _session_fields(session, starts_at, ends_at, note):
    session.starts_at, session.ends_at, session.note = starts_at, ends_at, note or ""
    session.full_clean()


@transaction.atomic
def session_add(*, offer, acting_user, starts_at, ends_at, note="") -> Session:
    session = Session(offer=offer)
    _session_fields(session, starts_at, ends_at, note)
    with acting_as(acting_user):
        session.save()
    return session


@transaction.atomic
def session_update(*, session, acting_user, starts_at, ends_at, note="") -> Session:
    session = Session.objects.select_for_update().get(pk=session.pk)
    _session_fields(session, starts_at, ends_at, note)
    with acting_as(acting_user):
        session.save()
    return session


def _keeps_a_future_session(offer, *, without) -> bool:
    return (
        offer.sessions.filter(cancelled=False, starts_at__gt=timezone.now()).exclude(pk=without.pk).exists()
        or not offer.is_published
        or offer.schedule != Schedule.SESSIONS
    )


@transaction.atomic
def session_cancel(*, session, acting_user, cancelled=True) -> Session:
    """Cancel a session (residents see "gaat niet door"), or take the cancellation back. The last
    coming session of a published course cannot be cancelled: withdraw the offer instead."""
    session = Session.objects.select_for_update().select_related("offer").get(pk=session.pk)
    if cancelled and not _keeps_a_future_session(session.offer, without=session):
        raise ValidationError(
            _("This is the last coming session of a published offer. Withdraw the offer instead, or add a session.")
        )
    session.cancelled = cancelled
    with acting_as(acting_user):
        session.save()
    return session


@transaction.atomic
def session_delete(*, session, acting_user) -> None:
    session = Session.objects.select_for_update().select_related("offer").get(pk=session.pk)
    if not _keeps_a_future_session(session.offer, without=session):
        raise ValidationError(
            _("This is the last coming session of a published offer. Withdraw the offer instead, or add a session.")
        )
    with acting_as(acting_user):
        session.delete()


# --- in one step: from an EMB programme, from the IDO profile -------------------------------

# Words in a programme's name that say what kind of offer it is (first match wins).
_GUESSES = (
    (r"ido|digid|overheid|formulier|belasting|toeslag", OfferKind.FORMS_HELP, Need.PRACTICAL, ["overheidszaken"]),
    (r"geld|financ|schuld|budget|administratie", OfferKind.ADVICE, Need.INFORMATION, ["geld"]),
    (r"digi|klik|tik|computer|tablet|smartphone|online", OfferKind.DIGITAL_SKILLS, Need.LEARNING, ["digitaal"]),
    (r"taal|lees|lezen|schrijf|nt2|voorlees|boekstart", OfferKind.COURSE, Need.LEARNING, ["taal"]),
    (r"reken", OfferKind.COURSE, Need.LEARNING, ["rekenen"]),
    (r"werk|sollicit|vrijwillig|baan", OfferKind.ADVICE, Need.INFORMATION, ["werk"]),
    (r"gezond|zorg", OfferKind.INFO_MEETING, Need.INFORMATION, ["gezondheid"]),
    (r"spreekuur|advies|inloop", OfferKind.ADVICE, Need.INFORMATION, []),
    (r"bijeenkomst|lezing|informatie", OfferKind.INFO_MEETING, Need.INFORMATION, []),
)
# The Netwerkagenda's societal tasks (emb.choices.SocietalTask) as themes.
_TASK_THEMES = {"geletterd": "taal", "participatie": "digitaal", "llo": "persoonlijke_ontwikkeling"}


def guess_from_programme(programme) -> dict:
    """Kind, need, themes and schedule an offer made from this programme most likely has."""
    kind, need, themes = OfferKind.COURSE, Need.LEARNING, []
    # The name says most; the description only when the name says nothing.
    for text in (programme.name.lower(), (programme.description or "").lower()):
        match = next((g for g in _GUESSES if re.search(g[0], text)), None)
        if match:
            kind, need, themes = match[1], match[2], list(match[3])
            break
    for task in programme.tasks or []:
        theme = _TASK_THEMES.get(task)
        if theme and theme not in themes:
            themes.append(theme)
    weekly = kind in (OfferKind.FORMS_HELP, OfferKind.ADVICE)
    return {
        "kind": kind,
        "need": need,
        "themes": themes,
        "schedule": Schedule.WEEKLY if weekly else Schedule.SESSIONS,
        "access": Access.WALK_IN if weekly else Access.SIGN_UP,
    }


def _first_sentence(text: str, limit: int = 300) -> str:
    text = " ".join((text or "").split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    return sentence[: limit - 1] + "…" if len(sentence) > limit else sentence


@transaction.atomic
def offer_from_programme(*, entry, acting_user, location) -> Offer:
    """A draft offer made from a programme in the library's EMB portfolio: title, description,
    for whom, and a sensible guess of kind, need and themes, to complete and publish."""
    programme, library = entry.programme, entry.library
    if location is None or location.organisation_id != library.pk:
        raise ValidationError({"location": _("Choose a branch of your own library.")})
    guess = guess_from_programme(programme)
    # A course asks residents to sign up; with the library's website as the way to do it. Without
    # one it starts as walk-in, and the coordinator says how to sign up before publishing.
    signup = {}
    if guess["access"] == Access.SIGN_UP and library.website:
        signup = {"access": Access.SIGN_UP, "signup_url": library.website}
    return offer_create(
        library=library,
        acting_user=acting_user,
        source=OfferSource.PROGRAMME,
        themes=guess["themes"],
        title=programme.name[:120],
        summary=_first_sentence(programme.description) or programme.name[:300],
        covered=programme.description,
        kind=guess["kind"],
        need=guess["need"],
        helper=Helper.PROFESSIONAL,
        schedule=guess["schedule"],
        target_group=", ".join(str(label) for label in entry.target_group_labels)[:300],
        location=location,
        programme=programme,
        **signup,
    )


IDO_TITLE = "Informatiepunt Digitale Overheid"


@transaction.atomic
def offer_from_ido_profile(*, location, acting_user) -> tuple[Offer, bool]:
    """The offer "Informatiepunt Digitale Overheid" of an IDO branch, with the weekly hours and
    the closed periods of its service profile. Made once per branch as a draft; asked again,
    it copies the hours and closed periods again into that offer. Returns (offer, created)."""
    from plein.borging.models import LocationProfile

    if not location.has_ido:
        raise ValidationError(_("This branch has no IDO."))
    profile = LocationProfile.objects.filter(location=location).prefetch_related("hours", "exceptions").first()
    hours = []
    if profile is not None:
        for block in profile.hours.all():
            item = {"weekday": block.weekday, "opens": block.opens, "closes": block.closes}
            if not hours_overlaps([*hours, item]):
                hours.append(item)
    today = timezone.localdate()
    closures = [
        {"starts_on": e.starts_on, "ends_on": e.ends_on, "note": e.note}
        for e in (profile.exceptions.all() if profile is not None else [])
        if e.closed and e.ends_on >= today
    ]
    offer = Offer.objects.filter(
        library_id=location.organisation_id, location=location, source=OfferSource.IDO_PROFILE
    ).first()
    created = offer is None
    if created:
        with translation.override("nl"):  # the texts are for residents, whatever the editor's language
            offer = _ido_offer_create(location=location, acting_user=acting_user)
    if offer.is_published and not hours:
        raise ValidationError(_("The IDO profile has no weekly hours, so the published offer would have none."))
    weekly_schedule_save(offer=offer, acting_user=acting_user, hours=hours, closures=closures)
    return offer, created


def _ido_offer_create(*, location, acting_user) -> Offer:
    return offer_create(
        library=location.organisation,
        acting_user=acting_user,
        source=OfferSource.IDO_PROFILE,
        themes=[Theme.GOVERNMENT, Theme.DIGITAL],
        title=IDO_TITLE,
        summary=_(
            "Questions about the digital government, such as DigiD, allowances or a form? We help you find the way."
        ),
        covered=_(
            "Help with DigiD, the websites of the government and forms. We look it up with you and explain "
            "what you can do."
        ),
        not_covered=_("We do not fill in forms for you and do not give legal advice."),
        kind=OfferKind.FORMS_HELP,
        need=Need.PRACTICAL,
        helper=Helper.PROFESSIONAL,
        access=Access.WALK_IN,
        schedule=Schedule.WEEKLY,
        location=location,
        bring=[Bring.DIGID, Bring.IDENTITY, Bring.LETTER],
        facilities=[Facility.COMPUTERS, Facility.PRINTER],
    )
