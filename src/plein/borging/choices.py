"""Choices of the borging app: scenarios, kinds of hours, weekdays and the status of a criterion."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Scenario(models.TextChoices):
    """The three ways a library delivers its IDO (DOMAIN.md §9)."""

    BASIS = "basis", _("Basic: fixed desk or walk-in hours")
    ALWAYS = "altijd_beschikbaar", _("Always available: every staff member helps")
    BROAD = "brede_dienstverlening", _("Broad service: part of a wider information point")


class HoursKind(models.TextChoices):
    OPEN = "open", _("Open (staffed desk)")
    WALK_IN = "inloop", _("Walk-in hours")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class CriterionStatus(models.TextChoices):
    """How far a library is with a borging criterion (also used by `borging.derived`)."""

    DONE = "done", _("in order")
    PARTLY = "partly", _("partly")
    NOT_YET = "not_yet", _("not yet")


# The order in which the overview counts "stuck": not yet weighs more than partly.
STUCK_STATUSES = (CriterionStatus.NOT_YET, CriterionStatus.PARTLY)
