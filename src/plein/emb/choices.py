from django.db import models
from django.utils.translation import gettext_lazy as _


class SocietalTask(models.TextChoices):
    """The three societal tasks (maatschappelijke opgaven) of the Netwerkagenda."""

    LITERACY = "geletterd", _("Literate society")
    PARTICIPATION = "participatie", _("Participation in the information society")
    LIFELONG = "llo", _("Lifelong learning")


# One colour per task, for the map and the story (shape and text say the same: never colour alone).
TASK_COLOURS = {
    SocietalTask.LITERACY: "#0d5c68",
    SocietalTask.PARTICIPATION: "#8a3b12",
    SocietalTask.LIFELONG: "#4b3a8c",
}


class TargetGroup(models.TextChoices):
    SENIORS = "ouderen", _("Older people")
    LOW_LITERATE = "laaggeletterden", _("People with low literacy")
    NEWCOMERS = "nieuwkomers", _("Newcomers")
    PARENTS = "ouders", _("Parents of young children")
    CHILDREN = "kinderen", _("Children")
    TEACHERS = "leerkrachten", _("Teachers")
    JOB_SEEKERS = "werkzoekenden", _("Job seekers")
    DIGITALLY_UNSKILLED = "digitaal", _("People with few digital skills")
    EVERYONE = "iedereen", _("All residents")


class ConnectionKind(models.TextChoices):
    REFERRAL = "doorverwijzing", _("Referral")
    PROMOTION = "promotie", _("Promotion")
    JOINT_ACTIVITY = "activiteit", _("Joint activity")
    SHARED_PARTNER = "partner", _("Shared partner")
    SHARED_TARGET_GROUP = "doelgroep", _("Shared target group")


class Strength(models.TextChoices):
    NONE = "geen", _("None yet")
    AD_HOC = "adhoc", _("Ad hoc")
    STRUCTURAL = "structureel", _("Structural")


STRENGTH_ORDER = {Strength.NONE: 0, Strength.AD_HOC: 1, Strength.STRUCTURAL: 2}

# Edge colour per kind (map, story); edge width and dash per strength.
KIND_COLOURS = {
    ConnectionKind.REFERRAL: "#1f5fbf",
    ConnectionKind.PROMOTION: "#a3127a",
    ConnectionKind.JOINT_ACTIVITY: "#2e6b12",
    ConnectionKind.SHARED_PARTNER: "#6b5a00",
    ConnectionKind.SHARED_TARGET_GROUP: "#5a5a5a",
}
