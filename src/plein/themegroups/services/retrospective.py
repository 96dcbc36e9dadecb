"""Writes for the year's retrospective ("terugblik"): a draft written from the data,
edited and published by the facilitator."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plein.audit.services import acting_as


def retrospective_draft(group) -> dict:
    """The skeleton of the year's retrospective, written from the data: libraries and
    provinces, meetings and their topics, visits, practice cases and actions done."""
    from django.apps import apps

    from plein.actions.choices import ActionStatus
    from plein.actions.models import Action
    from plein.organisations.choices import Province

    from ..choices import MeetingKind, Topic

    year = group.programme_year.year
    started = group.programme_year.has_started(timezone.localdate())
    memberships = group.memberships.filter(left_at__isnull=True).select_related("library").order_by("library__name")
    libraries = list({m.library_id: m.library for m in memberships}.values())
    provinces = sorted({str(Province(lib.province).label) for lib in libraries if lib.province})
    meetings = list(
        group.meetings.filter(starts_at__lte=timezone.now())
        .select_related("host_library")
        .prefetch_related("agenda_items")
    )
    started = started or bool(meetings)
    if not started:
        # Nothing to look back on yet: say so, instead of "0 libraries worked together".
        introduction = _(
            "The theme group “%(group)s” starts in %(year)s. This retrospective is written once the year is under way."
        ) % {"year": year, "group": group.name}
    elif libraries:
        introduction = ngettext(
            "In %(year)s, %(count)s library worked in the theme group “%(group)s”. This is what we did and learned.",
            "In %(year)s, %(count)s libraries worked together in the theme group “%(group)s”. "
            "This is what we did and learned.",
            len(libraries),
        ) % {"year": year, "count": len(libraries), "group": group.name}
    else:
        introduction = _("No libraries take part in the theme group “%(group)s” in %(year)s yet.") % {
            "year": year,
            "group": group.name,
        }
    lines = []
    lines.append("## " + _("Participating libraries"))
    if libraries:
        lines.append(
            ngettext(
                "%(count)s library from %(provinces)s took part:",
                "%(count)s libraries from %(provinces)s took part:",
                len(libraries),
            )
            % {"count": len(libraries), "provinces": str(_(" and ")).join(provinces) or "–"}
        )
        lines += [f"- {lib.name}" for lib in libraries]
    else:
        lines.append(_("No libraries took part yet."))
    lines.append("")
    lines.append("## " + _("Meetings"))
    regular = [m for m in meetings if m.kind != MeetingKind.VISIT]
    if regular:
        lines.append(ngettext("We met once:", "We met %(count)s times:", len(regular)) % {"count": len(regular)})
        for meeting in regular:
            topics = sorted(
                {str(Topic(item.topic).label) for item in meeting.agenda_items.all() if item.topic != Topic.OTHER}
            )
            when = timezone.localtime(meeting.starts_at).strftime("%d-%m-%Y")
            about = (" – " + _("about %(topics)s") % {"topics": ", ".join(topics).lower()}) if topics else ""
            lines.append(f"- {when}: {meeting.title} ({str(meeting.get_kind_display()).lower()}){about}")
    else:
        lines.append(_("No meetings have been held yet."))
    visits = [m for m in meetings if m.kind == MeetingKind.VISIT]
    if visits:
        lines.append("")
        lines.append("## " + _("Inspiration visits"))
        for visit in visits:
            host = visit.host_library.name if visit.host_library_id else visit.address
            lines.append(
                "- "
                + _("%(date)s: visit to %(host)s")
                % {"date": timezone.localtime(visit.starts_at).strftime("%d-%m-%Y"), "host": host}
            )
    if apps.is_installed("plein.practicecases"):
        PracticeCase = apps.get_model("practicecases", "PracticeCase")
        cases = list(PracticeCase.objects.filter(group=group).select_related("library").order_by("created_at"))
        lines.append("")
        lines.append("## " + _("Practice cases"))
        if cases:
            lines.append(
                ngettext(
                    "Libraries brought in %(count)s local situation:",
                    "Libraries brought in %(count)s local situations:",
                    len(cases),
                )
                % {"count": len(cases)}
            )
            lines += [f"- {case.title} ({case.library.name})" for case in cases]
        else:
            lines.append(_("No practice cases were brought in."))
    done = list(
        Action.objects.filter(meeting_link__item__meeting__group=group, status=ActionStatus.DONE)
        .select_related("library")
        .order_by("completed_at")
    )
    open_count = (
        Action.objects.filter(meeting_link__item__meeting__group=group).exclude(status=ActionStatus.DONE).count()
    )
    lines.append("")
    lines.append("## " + _("Actions"))
    if done:
        lines.append(_("Libraries finished these actions that came out of the meetings:"))
        lines += [f"- {action.title} ({action.library.name})" for action in done]
    else:
        lines.append(_("No actions from the meetings have been finished yet."))
    if open_count:
        lines.append(
            ngettext("%(count)s action is still running.", "%(count)s actions are still running.", open_count)
            % {"count": open_count}
        )
    return {
        "title": _("Looking back at the theme group “%(group)s” in %(year)s") % {"group": group.name, "year": year},
        "introduction": introduction,
        "body": "\n".join(lines).strip(),
    }


def retrospective_unsaved_draft(*, group):
    """The draft from the data as an unsaved retrospective, to show and edit before saving."""
    from ..models import Retrospective

    return Retrospective(group=group, **retrospective_draft(group))


@transaction.atomic
def retrospective_create(*, group, acting_user, title, introduction, body):
    """Save the facilitator's first version (the page showed the draft from the data unsaved).
    When one was saved meanwhile (a second tab, a double click), that one is updated."""
    from ..models import Retrospective

    existing = Retrospective.objects.select_for_update().filter(group=group).first()
    if existing is not None:
        return retrospective_update(
            retrospective=existing, acting_user=acting_user, title=title, introduction=introduction, body=body
        )
    with acting_as(acting_user):
        retrospective = Retrospective(group=group, title=title.strip(), introduction=introduction, body=body)
        retrospective.full_clean()
        retrospective.save()
    return retrospective


@transaction.atomic
def retrospective_generate(*, group, acting_user):
    """Create the draft, or rewrite an unpublished draft from the current data."""
    from ..choices import RetrospectiveStatus
    from ..models import Retrospective

    draft = retrospective_draft(group)
    with acting_as(acting_user):
        retrospective, _created = Retrospective.objects.get_or_create(group=group, defaults=draft)
        if not _created:
            if retrospective.status == RetrospectiveStatus.PUBLISHED:
                raise ValidationError(_("A published retrospective is not rewritten. Unpublish it first."))
            for key, value in draft.items():
                setattr(retrospective, key, value)
            retrospective.save()
    return retrospective


@transaction.atomic
def retrospective_update(*, retrospective, acting_user, title, introduction, body):
    with acting_as(acting_user):
        retrospective.title = title.strip()
        retrospective.introduction = introduction
        retrospective.body = body
        retrospective.full_clean()
        retrospective.save()
    return retrospective


@transaction.atomic
def retrospective_set_published(*, retrospective, acting_user, published: bool):
    from ..choices import RetrospectiveStatus

    with acting_as(acting_user):
        retrospective.status = RetrospectiveStatus.PUBLISHED if published else RetrospectiveStatus.DRAFT
        retrospective.published_at = timezone.now() if published else None
        retrospective.save()
    return retrospective
