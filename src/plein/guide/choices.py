from django.db import models
from django.utils.translation import gettext_lazy as _

from plein.themegroups.choices import Topic

# The aspects a step of the guide can touch: the topics of the article, without "other".
ASPECTS = [topic for topic in Topic if topic != Topic.OTHER]


class VersionStatus(models.TextChoices):
    DRAFT = "concept", _("Draft")
    PUBLISHED = "gepubliceerd", _("Published")
    ARCHIVED = "gearchiveerd", _("Archived")


class ItemKind(models.TextChoices):
    QUESTION = "vraag", _("Question to answer")
    CHECK = "check", _("Checklist item")


class PartnerRole(models.TextChoices):
    REFERS = "verwijst", _("Refers people")
    EXPERTISE = "expertise", _("Shares expertise")
    CONSULTATION = "spreekuur", _("Holds walk-in hours")


class PartnerTheme(models.TextChoices):
    LANGUAGE = "taal", _("Language")
    DIGITAL = "digitaal", _("Digital skills")
    MONEY = "geld", _("Money")
    WORK = "werk", _("Work")
    HEALTH = "gezondheid", _("Health")
    NUMERACY = "rekenen", _("Numeracy")
    OTHER = "overig", _("Other")


class AgreementStatus(models.TextChoices):
    NONE = "geen", _("No agreement yet")
    TALKING = "in-gesprek", _("In conversation")
    AGREED = "afgesproken", _("Agreed verbally")
    SIGNED = "vastgelegd", _("Agreement signed")
