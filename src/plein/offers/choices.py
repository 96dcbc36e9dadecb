"""Choices of the public offer, shaped like the national G!DS offer types (DOMAIN.md §10), so a
library describes an offer once and can pass it on: the kind of offer, the resident's need it
answers (how an Ontwikkelplein groups its offer), who helps, the themes, and what to bring."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OfferKind(models.TextChoices):
    """The G!DS offer types."""

    FORMS_HELP = "hulp_formulieren", _("Help with forms")
    ADVICE = "advies_spreekuur", _("Advice or walk-in hour")
    DIGITAL_SKILLS = "digitale_vaardigheden", _("Course or activity for digital skills")
    INFO_MEETING = "informatiebijeenkomst", _("Information meeting")
    COURSE = "cursus", _("Course")


class Need(models.TextChoices):
    """What the resident comes for: the three doors of an Ontwikkelplein."""

    INFORMATION = "informatie_advies", _("Information and advice")
    PRACTICAL = "praktische_hulp", _("Practical help")
    LEARNING = "zelf_leren", _("Learning by yourself")


class Helper(models.TextChoices):
    PROFESSIONAL = "professional", _("A professional")
    VOLUNTEER = "vrijwilliger", _("A volunteer")
    BOTH = "beide", _("Professionals and volunteers")


class Theme(models.TextChoices):
    LANGUAGE = "taal", _("Language")
    DIGITAL = "digitaal", _("Digital")
    NUMERACY = "rekenen", _("Numeracy")
    GOVERNMENT = "overheidszaken", _("Government matters")
    WORK = "werk", _("Work and volunteering")
    MONEY = "geld", _("Money")
    HEALTH = "gezondheid", _("Health")
    PERSONAL = "persoonlijke_ontwikkeling", _("Personal development")


class Access(models.TextChoices):
    WALK_IN = "inloop", _("Walk in, no appointment needed")
    SIGN_UP = "aanmelden", _("Sign up first")


class Bring(models.TextChoices):
    DIGID = "digid", _("Your DigiD (user name and password, or the app)")
    AUTHORISATION_CODE = "machtigingscode", _("A machtigingscode, if you help someone else")
    IDENTITY = "identiteitsbewijs", _("An identity document")
    LETTER = "brief", _("The letter or form it is about")
    OWN_DEVICE = "eigen_apparaat", _("Your own phone, tablet or laptop")


class Facility(models.TextChoices):
    COMPUTERS = "computers", _("Computers")
    PRINTER = "printer", _("Printer")
    WIFI = "wifi", _("Free wifi")
    QUIET_ROOM = "spreekkamer", _("A quiet room for a private talk")


class Schedule(models.TextChoices):
    """When: the same hours every week (with exceptions), or dated sessions (a course)."""

    WEEKLY = "wekelijks", _("The same hours every week")
    SESSIONS = "bijeenkomsten", _("Sessions on dates")


class OfferStatus(models.TextChoices):
    DRAFT = "concept", _("Draft")
    PUBLISHED = "gepubliceerd", _("Published")


class OfferSource(models.TextChoices):
    """Where an offer was made from: by hand, from an EMB programme or from the IDO profile."""

    MANUAL = "handmatig", _("Made by hand")
    PROGRAMME = "programma", _("From the EMB portfolio")
    IDO_PROFILE = "ido", _("From the IDO service profile")


# Words the public addresses under /aanbod/<library>/ use themselves: no offer gets them as its
# own address part.
RESERVED_SLUGS = frozenset(
    {"overzicht", "zoeken", "deze-week", "hulp", "thema", "vestiging", "inbedden", "agenda", "gemeente", "beheer"}
)

# The state machine of an offer (services.publish / services.unpublish check it).
STATUS_TRANSITIONS = {
    OfferStatus.DRAFT: {OfferStatus.PUBLISHED},
    OfferStatus.PUBLISHED: {OfferStatus.DRAFT},
}
