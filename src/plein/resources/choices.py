from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceKind(models.TextChoices):
    FILE = "bestand", _("File")
    LINK = "link", _("Link")
