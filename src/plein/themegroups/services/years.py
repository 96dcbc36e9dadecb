"""Writes for programme years and theme groups."""

from django.db import transaction

from plein.audit.services import acting_as

from ..models import ProgrammeYear, ThemeGroup
from .enrolments import place_from_waitlist


@transaction.atomic
def programme_year_create(*, acting_user, poi, year, signup_opens, signup_closes, intro="", contact_email=""):
    with acting_as(acting_user):
        programme_year = ProgrammeYear(
            poi=poi,
            year=year,
            signup_opens=signup_opens,
            signup_closes=signup_closes,
            intro=intro,
            contact_email=contact_email,
        )
        programme_year.full_clean()
        programme_year.save()
    return programme_year


@transaction.atomic
def group_save(*, acting_user, group=None, programme_year=None, facilitators=(), **fields) -> ThemeGroup:
    with acting_as(acting_user):
        if group is None:
            group = ThemeGroup(programme_year=programme_year)
        for name in ("name", "description", "capacity", "expected_meetings"):
            if name in fields:
                setattr(group, name, fields[name])
        grew = group.pk is not None and "capacity" in fields and group.capacity > _saved_capacity(group)
        group.full_clean()
        group.save()
        group.facilitators.set(facilitators)
    if grew:
        # New places go to the waiting list first, as a freed place does.
        place_from_waitlist(group=group, acting_user=acting_user)
    return group


def _saved_capacity(group) -> int:
    return ThemeGroup.objects.filter(pk=group.pk).values_list("capacity", flat=True).first() or 0
