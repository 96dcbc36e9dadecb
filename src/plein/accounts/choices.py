from django.db import models
from django.utils.translation import gettext_lazy as _

from plein.organisations.choices import OrganisationType


class Role(models.TextChoices):
    ADMINISTRATOR = "beheerder", _("Administrator")
    FACILITATOR = "facilitator", _("Facilitator")
    COORDINATOR = "coordinator", _("Library coordinator")
    DESK_WORKER = "baliemedewerker", _("Desk worker")
    MUNICIPALITY = "gemeente", _("Municipality (read only)")


# Which kind of organisation each role can belong to. An administrator can sit anywhere.
ROLE_ORGANISATION_TYPES = {
    Role.ADMINISTRATOR: set(OrganisationType.values),
    Role.FACILITATOR: {OrganisationType.POI},
    Role.COORDINATOR: {OrganisationType.LIBRARY},
    Role.DESK_WORKER: {OrganisationType.LIBRARY},
    Role.MUNICIPALITY: {OrganisationType.MUNICIPALITY},
}


class NotificationFrequency(models.TextChoices):
    DIRECT = "direct", _("Right away")
    WEEKLY = "wekelijks", _("Once a week, in one e-mail")
    NONE = "nooit", _("Never")


# Roles a facilitator may give: the people of libraries and municipalities.
FACILITATOR_GRANTABLE_ROLES = [Role.COORDINATOR, Role.DESK_WORKER, Role.MUNICIPALITY]


def grantable_roles(user) -> list:
    if user is None or user.has_perm("accounts.grant_any_role"):
        return list(Role)
    return FACILITATOR_GRANTABLE_ROLES
