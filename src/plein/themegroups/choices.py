from django.db import models
from django.utils.translation import gettext_lazy as _


class EnrollmentStatus(models.TextChoices):
    SUBMITTED = "aangemeld", _("Signed up, waiting for review")
    PLACED = "geplaatst", _("Placed")
    WAITLISTED = "wachtlijst", _("On the waiting list")
    DECLINED = "afgewezen", _("Declined")
    WITHDRAWN = "teruggetrokken", _("Withdrawn")


# The only ways a sign-up can move (as Signalen's workflow.py). Anything else is refused.
ENROLLMENT_TRANSITIONS = {
    EnrollmentStatus.SUBMITTED: {EnrollmentStatus.PLACED, EnrollmentStatus.WAITLISTED, EnrollmentStatus.DECLINED},
    EnrollmentStatus.WAITLISTED: {EnrollmentStatus.PLACED, EnrollmentStatus.DECLINED, EnrollmentStatus.WITHDRAWN},
    EnrollmentStatus.PLACED: {EnrollmentStatus.WITHDRAWN},
    EnrollmentStatus.DECLINED: set(),
    EnrollmentStatus.WITHDRAWN: set(),
}
OPEN_ENROLLMENT_STATUSES = {EnrollmentStatus.SUBMITTED, EnrollmentStatus.WAITLISTED, EnrollmentStatus.PLACED}


class MeetingKind(models.TextChoices):
    ONLINE = "online", _("Online")
    PHYSICAL = "fysiek", _("In person")
    VISIT = "inspiratiebezoek", _("Inspiration visit")


class Topic(models.TextChoices):
    """The aspects the article names; used for agenda items, resources and the guide."""

    FINANCES = "financien", _("Finances")
    PARTNERS = "partners", _("Partners")
    RELATIONS = "verhoudingen", _("Relations")
    TARGET_GROUPS = "doelgroepen", _("Target groups")
    STAFF = "personeel", _("Staff")
    PROJECT_PLAN = "projectplan", _("Project plan")
    OTHER = "overig", _("Other")


class RetrospectiveStatus(models.TextChoices):
    DRAFT = "concept", _("Draft")
    PUBLISHED = "gepubliceerd", _("Published")
