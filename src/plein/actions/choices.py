from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionStatus(models.TextChoices):
    IDEA = "idee", _("Idea")
    PLANNED = "gepland", _("Planned")
    IN_PROGRESS = "bezig", _("In progress")
    DONE = "afgerond", _("Done")
    STOPPED = "gestopt", _("Stopped")


# idee → gepland → bezig → afgerond, or gestopt. One step back is allowed (plans change);
# a finished or stopped action can be picked up again. Nothing else.
ACTION_TRANSITIONS = {
    ActionStatus.IDEA: {ActionStatus.PLANNED, ActionStatus.STOPPED},
    ActionStatus.PLANNED: {ActionStatus.IN_PROGRESS, ActionStatus.IDEA, ActionStatus.STOPPED},
    ActionStatus.IN_PROGRESS: {ActionStatus.DONE, ActionStatus.PLANNED, ActionStatus.STOPPED},
    ActionStatus.DONE: {ActionStatus.IN_PROGRESS},
    ActionStatus.STOPPED: {ActionStatus.IDEA},
}
OPEN_STATUSES = {ActionStatus.IDEA, ActionStatus.PLANNED, ActionStatus.IN_PROGRESS}


class ActionOrigin(models.TextChoices):
    OWN = "eigen", _("Own idea")
    MEETING = "bijeenkomst", _("Agreed in a meeting")
    CONNECTION = "verbinding", _("From a connection between programmes")
    GUIDE = "handreiking", _("From the Ontwikkelplein guide")
    BORGING = "borging", _("From the borging scan")
