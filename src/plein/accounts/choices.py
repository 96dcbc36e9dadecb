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
