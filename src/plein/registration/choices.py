from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CategoryKind(models.TextChoices):
    """The questions of the national IDO registration form; the answers are data (Category)."""

    CHANNEL = "kanaal", _("Channel")
    DURATION = "duur", _("Duration")
    DOMAIN = "domein", _("Domain")
    # "Topic" in a theme group is a "Thema"; the topic of an IDO question is an "Onderwerp".
    TOPIC = "onderwerp", pgettext_lazy("IDO registration", "Topic")
    ORGANISATION = "organisatie", _("Organisation")
    HELP = "hulp", _("Help given")
    DIGID_FOLLOW_UP = "digid", _("DigiD follow-up")
    REFERRAL = "doorverwijzing", _("Referred to")


# Per visit one answer of these kinds; per question one of the others.
VISIT_KINDS = [CategoryKind.CHANNEL, CategoryKind.DURATION]
QUESTION_KINDS = [
    CategoryKind.DOMAIN,
    CategoryKind.TOPIC,
    CategoryKind.ORGANISATION,
    CategoryKind.HELP,
    CategoryKind.DIGID_FOLLOW_UP,
    CategoryKind.REFERRAL,
]
REQUIRED_QUESTION_KINDS = [CategoryKind.DOMAIN, CategoryKind.TOPIC, CategoryKind.HELP]


class Metric(models.TextChoices):
    """What a rollup row counts."""

    VISITS = "bezoeken", _("Visits")
    QUESTIONS = "vragen", _("Questions")
    VISITS_BY = "bezoeken_per", _("Visits per category")
    QUESTIONS_BY = "vragen_per", _("Questions per category")
    # Referrals to a published offer of the library; category_id is the offer's id. Only in
    # AreaCount (DailyCount.category names a Category): per branch, library and the country.
    REFERRAL_OFFER = "verwijzing_aanbod", _("Referrals per offer")


class Span(models.TextChoices):
    """How long a coarse rollup row counts for."""

    DAY = "dag", _("Day")
    MONTH = "maand", _("Month")


class VisitOrigin(models.TextChoices):
    """Where a visit came from. Each origin has its own idempotency keys: a key chosen by a desk
    or an API client can never collide with a key the import makes."""

    DESK = "balie", _("Desk or API")
    IMPORT = "import", _("Import")


class ImportStatus(models.TextChoices):
    QUEUED = "wachtrij", _("Waiting to start")
    RUNNING = "bezig", _("Running")
    DONE = "klaar", _("Done")
    FAILED = "mislukt", _("Not imported")


class ImportPhase(models.TextChoices):
    CHECKING = "controle", _("Checking the rows")
    WRITING = "schrijven", _("Saving the visits")
    PUBLISHING = "cijfers", _("Adding the visits to the figures")


# Areas of the coarse rollups (AreaCount.area).
NATIONAL_AREA = "NL"


PROVINCE_AREA_PREFIX = "P-"
LOCATION_AREA_PREFIX = "L-"
LIBRARY_AREA_PREFIX = "B-"  # bibliotheek: every branch of one library (organisation)


def province_area(province: str) -> str:
    return f"{PROVINCE_AREA_PREFIX}{province}"


def location_area(location_id: int) -> str:
    return f"{LOCATION_AREA_PREFIX}{location_id}"


def library_area(organisation_id: int) -> str:
    return f"{LIBRARY_AREA_PREFIX}{organisation_id}"
