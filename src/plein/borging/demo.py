"""Demo borging data, clearly made up: a service profile for every IDO branch of the demo
libraries and a scan for the current year for every demo library, with a mix of statuses and one
criterion turned into an action. Idempotent: a branch with a profile, a library with a scan for
the year are skipped."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from plein.accounts.choices import Role
from plein.organisations.models import Location, Organisation

from . import services
from .choices import CriterionStatus as S
from .choices import HoursKind, Scenario
from .models import LocationProfile, Scan

SCENARIOS = [Scenario.BASIS, Scenario.ALWAYS, Scenario.BROAD]
# Per library (by its place in the demo list) a different picture, so the overview shows a mix.
PATTERNS = [
    {
        "spuk_amount": S.DONE,
        "agreement": S.DONE,
        "cofinancing": S.PARTLY,
        "function_a": S.DONE,
        "function_b": S.DONE,
        "function_c": S.PARTLY,
        "function_d": S.DONE,
        "function_e": S.DONE,
    },
    {
        "spuk_amount": S.DONE,
        "agreement": S.PARTLY,
        "cofinancing": S.NOT_YET,
        "function_a": S.DONE,
        "function_b": S.PARTLY,
        "function_c": S.NOT_YET,
        "function_d": S.DONE,
        "function_e": S.PARTLY,
    },
    {
        "spuk_amount": S.DONE,
        "agreement": S.NOT_YET,
        "function_a": S.DONE,
        "function_b": S.DONE,
        "function_c": S.NOT_YET,
        "function_e": S.PARTLY,
    },
    {
        "spuk_amount": S.PARTLY,
        "agreement": S.DONE,
        "cofinancing": S.DONE,
        "function_a": S.DONE,
        "function_b": S.DONE,
        "function_c": S.DONE,
        "function_d": S.PARTLY,
        "function_e": S.DONE,
    },
]
NOTES = {
    "spuk_amount": "Voorbeeld: bedrag volgens de beschikking van de gemeente (verzonnen demo-gegevens).",
    "agreement": "Voorbeeld: uitvoeringsafspraak met de gemeente, jaarlijks besproken.",
    "cofinancing": "Voorbeeld: de bibliotheek betaalt de coördinatie uit eigen middelen.",
    "function_c": "Nog geen voorlichting over de digitale samenleving; idee: thema-avond in het najaar.",
}


def _hours(index):
    base = [
        {"weekday": 0, "opens": datetime.time(10), "closes": datetime.time(12), "kind": HoursKind.WALK_IN},
        {"weekday": 2, "opens": datetime.time(13, 30), "closes": datetime.time(16), "kind": HoursKind.OPEN},
        {"weekday": 4, "opens": datetime.time(10), "closes": datetime.time(12, 30), "kind": HoursKind.OPEN},
    ]
    return base[: 2 + index % 2]


@transaction.atomic
def load_borging_demo() -> None:
    today = timezone.localdate()
    year = today.year
    libraries = list(
        Organisation.objects.filter(is_demo=True, name__startswith="Demobibliotheek ")
        .prefetch_related("users")
        .order_by("name")
    )
    locations = Location.objects.filter(organisation__in=libraries, has_ido=True).order_by("organisation__name", "name")
    for index, location in enumerate(locations):
        if LocationProfile.objects.filter(location=location).exists():
            continue
        paid, volunteers = 2 + index % 3, 3 + index % 4
        staff = paid + volunteers
        trained = index % 3 != 2
        services.profile_save(
            location=location,
            acting_user=None,
            scenario=SCENARIOS[index % 3],
            in_library_building=index % 5 != 4,
            paid_staff=paid,
            volunteers=volunteers,
            elearning_count=staff if trained else staff - 2,
            elearning_last=today - datetime.timedelta(days=40 + index * 7),
            conversation_count=max(1, staff - 2) if trained else 0,
            conversation_last=(today - datetime.timedelta(days=90 + index * 5)) if trained else None,
            privacy_count=2 if trained else 1,
            privacy_last=today - datetime.timedelta(days=120 + index * 3),
            house_style_signage=index % 4 != 3,
            last_promotion_on=(today - datetime.timedelta(days=20 + index * 9)) if index % 2 == 0 else None,
            last_promotion_note="Flyer in de huis-aan-huiskrant (demo)" if index % 2 == 0 else "",
            gids_checked_on=(today - datetime.timedelta(days=30)) if index % 3 != 1 else None,
            hours=_hours(index),
            exceptions=[
                {
                    "starts_on": datetime.date(year, 12, 24),
                    "ends_on": datetime.date(year, 12, 26),
                    "closed": True,
                    "note": "Kerst",
                }
            ],
        )
    for index, library in enumerate(libraries):
        if Scan.objects.filter(library=library, year=year).exists():
            continue
        coordinator = next((u for u in library.users.all() if u.role == Role.COORDINATOR), None)
        pattern = PATTERNS[index % len(PATTERNS)]
        for criterion, status in pattern.items():
            services.assessment_save(
                library=library,
                year=year,
                criterion=criterion,
                acting_user=coordinator,
                status=status,
                note=NOTES.get(criterion, ""),
                amount=Decimal(42000 + 7500 * index)
                if criterion == "spuk_amount"
                else (Decimal(9000 + 1000 * index) if criterion == "cofinancing" else None),
                until=datetime.date(year + 1 + index % 2, 12, 31) if criterion == "agreement" else None,
            )
        # One criterion that is not in order becomes an action in the plan.
        stuck = next((c for c, s in pattern.items() if s == S.NOT_YET), None) or next(
            (c for c, s in pattern.items() if s == S.PARTLY), None
        )
        if stuck:
            services.assessment_action_create(library=library, year=year, criterion=stuck, acting_user=coordinator)
