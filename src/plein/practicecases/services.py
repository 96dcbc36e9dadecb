"""Writes for practice cases: bringing in a case, changing it, replying, and the e-mail that
tells the group. Every write is atomic, validated and recorded under the acting person; e-mail
goes out on commit, so nothing is mailed for a change that rolled back.

Who hears about it follows each person's `notification_frequency`: DIRECT gets one e-mail per
new case or reply (never about their own), WEEKLY gets the digest of `send_case_digests`,
NONE gets nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from plein.accounts.choices import NotificationFrequency
from plein.audit.services import acting_as
from plein.common.mail import send_mail_now, send_mail_on_commit
from plein.common.scheduling import run_once, week_period
from plein.common.utils import absolute_url

from . import selectors
from .models import CaseReply, DigestLog, PracticeCase

User = get_user_model()

CASE_FIELDS = ("title", "context", "question", "tried", "result", "tips", "meeting")
DIGEST_DAYS = 7


def case_url(case) -> str:
    return absolute_url(reverse("practicecases:case_detail", kwargs={"uuid": case.uuid}))


# --- cases and replies ----------------------------------------------------------------------


@transaction.atomic
def case_create(
    *, acting_user, group, library, title, context, question, tried="", result="", tips="", meeting=None
) -> PracticeCase:
    """A library brings a case to its group; the group's people hear of it."""
    if not selectors.member_libraries(group=group).filter(pk=library.pk).exists():
        raise ValidationError({"library": _("This library does not take part in this theme group.")})
    with acting_as(acting_user):
        case = PracticeCase(
            group=group,
            library=library,
            author=acting_user,
            title=title.strip(),
            context=context.strip(),
            question=question.strip(),
            tried=tried.strip(),
            result=result.strip(),
            tips=tips.strip(),
            meeting=meeting,
        )
        case.full_clean()
        case.save()
    _notify_directly(
        group=group,
        author=acting_user,
        subject=lambda: (
            _("[Plein] New practice case in %(group)s: %(title)s") % {"group": group.name, "title": case.title}
        ),
        template="practicecases/email/case_new.txt",
        context={"case": case, "group": group, "url": case_url(case)},
    )
    return case


@transaction.atomic
def case_update(*, acting_user, case, **fields) -> PracticeCase:
    """Change a case: its author or a facilitator of the group (checked here too, not only in
    the view, because the rule is the business's, not the page's)."""
    if not acting_user.has_perm("practicecases.change_case", case):
        raise ValidationError(_("Only the person who brought in the case or a facilitator can change it."))
    with acting_as(acting_user):
        for name in CASE_FIELDS:
            if name in fields:
                value = fields[name]
                setattr(case, name, value.strip() if isinstance(value, str) else value)
        case.full_clean()
        case.save()
    return case


@transaction.atomic
def reply_create(*, acting_user, case, body) -> CaseReply:
    with acting_as(acting_user):
        reply = CaseReply(case=case, author=acting_user, body=body.strip())
        reply.full_clean()
        reply.save()
    _notify_directly(
        group=case.group,
        author=acting_user,
        subject=lambda: _("[Plein] New reply to “%(title)s”") % {"title": case.title},
        template="practicecases/email/reply_new.txt",
        context={"case": case, "reply": reply, "group": case.group, "url": case_url(case) + f"#reactie-{reply.pk}"},
    )
    return reply


@transaction.atomic
def notification_frequency_update(*, user, notification_frequency) -> User:
    """A person chooses how often they hear about practice cases."""
    with acting_as(user):
        user.notification_frequency = notification_frequency
        user.full_clean(exclude=["password"])
        user.save(update_fields=["notification_frequency"])
    return user


# --- e-mail ---------------------------------------------------------------------------------


def direct_recipients(*, group, author):
    """The group's people who want each new case and reply by e-mail, never its author."""
    people = selectors.group_members(group=group).filter(notification_frequency=NotificationFrequency.DIRECT)
    if author is not None:
        people = people.exclude(pk=author.pk)
    return list(people)


def _notify_directly(*, group, author, subject, template, context):
    # One e-mail per person, in their own language: members do not see each other's addresses.
    send_mail_on_commit(
        to=direct_recipients(group=group, author=author),
        subject=subject,
        template=template,
        context={**context, "settings_url": settings_url()},
    )


def send_case_digests(*, now=None) -> int:
    """Send the weekly digest to everyone who chose it and has news: what happened in their
    groups in the last seven days (or since their previous digest, if that was later).
    Returns the number of e-mails sent. Safe to run more than once: nothing is sent twice."""
    now = now or timezone.now()
    week_ago = now - datetime.timedelta(days=DIGEST_DAYS)
    last_sent = dict(DigestLog.objects.values_list("user_id", "last_sent_at"))
    sent = 0
    for user in User.objects.filter(is_active=True, notification_frequency=NotificationFrequency.WEEKLY).order_by("pk"):
        since = max(week_ago, last_sent.get(user.pk, week_ago))
        groups = selectors.digest_for(user=user, since=since, until=now)
        if not groups:
            continue
        _send_digest(user=user, groups=groups, since=since, now=now)
        sent += 1
    return sent


def send_case_digests_once(*, now=None) -> int | None:
    """`send_case_digests` at most once per ISO week, however many instances (cron jobs, task
    workers) start it at the same time: the first claims the week (plein.common.scheduling),
    the others return None without sending."""
    with run_once("send_case_digest", week_period(now)) as run:
        if not run.claimed:
            return None
        sent = send_case_digests(now=now)
        run.result = f"{sent} sent"
    return sent


@transaction.atomic
def _send_digest(*, user, groups, since, now):
    for entry in groups:
        for case in entry["new_cases"] + entry["replied_cases"]:
            case.url = case_url(case)
    # Sent here rather than on commit: if the mail server refuses, the log below rolls back
    # and the next run tries again; nothing else in this transaction could be undone.
    send_mail_now(
        to=user,
        subject=lambda: _("[Plein] This week in your theme groups"),
        template="practicecases/email/digest.txt",
        context={"user": user, "groups": groups, "since": since, "now": now, "settings_url": settings_url()},
    )
    DigestLog.objects.update_or_create(user=user, defaults={"last_sent_at": now})


def settings_url() -> str:
    return absolute_url(reverse("practicecases:notifications"))
