"""Writes for borging reports. `report_transition` is the one place that checks a step of the
status (`REPORT_TRANSITIONS`); publishing freezes a snapshot as a new version."""

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from plein.audit.security import log_event
from plein.audit.services import acting_as
from plein.common.utils import secret_hash

from .choices import REPORT_TRANSITIONS, ReportStatus
from .models import MONEY_FIELDS, TEXT_FIELDS, Report, ReportVersion, ShareLink
from .selectors import build_snapshot, snapshot_diff


def report_transition(*, report: Report, new: str) -> None:
    if ReportStatus(new) not in REPORT_TRANSITIONS[ReportStatus(report.status)]:
        raise ValidationError(
            _("A report cannot go from “%(old)s” to “%(new)s”.")
            % {
                "old": ReportStatus(report.status).label,
                "new": ReportStatus(new).label,
            }
        )
    report.status = new


@transaction.atomic
def report_create(*, acting_user, library, municipality, year: int) -> Report:
    with acting_as(acting_user):
        report = Report(library=library, municipality=municipality, year=year, created_by=acting_user)
        report.full_clean()
        report.save()
    return report


@transaction.atomic
def report_update(*, acting_user, report: Report, **fields) -> Report:
    """Change the texts and the money. A published report moves to "being corrected": the
    municipality keeps reading the last published version until the next one."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    for name in (*TEXT_FIELDS, *MONEY_FIELDS):
        if name in fields:
            setattr(report, name, fields[name])
    if report.status == ReportStatus.PUBLISHED:
        report_transition(report=report, new=ReportStatus.CORRECTING)
    with acting_as(acting_user):
        report.full_clean()
        report.save()
    return report


@transaction.atomic
def report_publish(*, acting_user, report: Report, today=None) -> ReportVersion:
    """Freeze the report as it is now: a new version with a snapshot of every figure and text,
    and (from version 2) the differences with the version before."""
    report = Report.objects.select_for_update().select_related("library", "municipality").get(pk=report.pk)
    report.full_clean()
    report_transition(report=report, new=ReportStatus.PUBLISHED)
    snapshot = build_snapshot(report, today=today)
    previous = report.versions.order_by("-number").first()
    number = (report.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    with acting_as(acting_user):
        version = ReportVersion.objects.create(
            report=report,
            number=number,
            snapshot=snapshot,
            changes=snapshot_diff(previous.snapshot, snapshot) if previous else [],
            published_by=acting_user,
        )
        report.save(update_fields=["status", "updated_at"])
    return version


@transaction.atomic
def share_link_create(*, acting_user, version: ReportVersion, expires_on) -> tuple[ShareLink, str]:
    """A link to one published version, valid until `expires_on`. Returns the link and its
    secret: show the secret once (only its hash is stored)."""
    if expires_on < timezone.localdate():
        raise ValidationError({"expires_on": _("Choose a date from today on.")})
    if (expires_on - timezone.localdate()).days > 366:
        raise ValidationError({"expires_on": _("A link can be valid for a year at most.")})
    token = secrets.token_urlsafe(32)
    with acting_as(acting_user):
        link = ShareLink(version=version, token_hash=secret_hash(token), expires_on=expires_on, created_by=acting_user)
        link.full_clean()
        link.save()
    log_event("report_shared", actor=acting_user, obj=link, version=version.pk, expires_on=expires_on.isoformat())
    return link, token


@transaction.atomic
def share_link_revoke(*, acting_user, link: ShareLink) -> ShareLink:
    link = ShareLink.objects.select_for_update().get(pk=link.pk)
    if link.revoked_at is None:
        with acting_as(acting_user):
            link.revoked_at = timezone.now()
            link.save(update_fields=["revoked_at"])
        log_event("report_share_revoked", actor=acting_user, obj=link)
    return link


def share_link_used(*, link: ShareLink) -> None:
    """Note the day the link was opened (one write a day at most, so it shows in the history)."""
    today = timezone.localdate()
    if link.last_used_on != today:
        link.last_used_on = today
        link.save(update_fields=["last_used_on"])
