"""Demo borging reports, clearly made up: Demobibliotheek Kennemerduin publishes its report for
Haarlem, and Demobibliotheek Groene Hart its report for Gouda, so the demo municipality user
(Demogemeente Gouda) finds a published report on its start page. Idempotent."""

from django.db import transaction
from django.utils import timezone

from plein.accounts.choices import Role
from plein.organisations.models import Municipality, Organisation

from . import services
from .models import Report

FOREWORD = (
    "Dit is een voorbeeldrapport in de demo van Plein. Het informatiepunt hielp dit jaar veel "
    "inwoners met vragen over DigiD, toeslagen en belastingen. We werken samen met het "
    "sociaal werk en de schuldhulp in de gemeente."
)
STORIES = [
    "Een inwoner kwam met een brief van de Belastingdienst die hij niet begreep. Samen lazen we "
    "de brief en zochten we uit wat hij moest doen. Daarna volgde hij de cursus Digisterker.",
    "Een oudere vrouw wilde haar DigiD-app installeren. Na twee bezoeken lukte het zelf inloggen. "
    "Ze komt nu naar het digicafé.",
]
DEMO_REPORTS = [("Kennemerduin", "Haarlem"), ("Groene Hart", "Gouda")]


@transaction.atomic
def load_reports_demo():
    year = timezone.localdate().year
    for library_name, municipality_name in DEMO_REPORTS:
        library = Organisation.objects.filter(is_demo=True, name__icontains=library_name).first()
        municipality = Municipality.objects.filter(name=municipality_name).first()
        if library is None or municipality is None:
            continue
        if Report.objects.filter(library=library, municipality=municipality, year=year).exists():
            continue
        coordinator = library.users.filter(role=Role.COORDINATOR).first() if hasattr(library, "users") else None
        report = services.report_create(acting_user=coordinator, library=library, municipality=municipality, year=year)
        services.report_update(
            acting_user=coordinator,
            report=report,
            foreword=FOREWORD,
            story_1=STORIES[0],
            story_2=STORIES[1],
            spuk_received=40000,
            spent_ido=30000,
            spent_promotion=5000,
            spent_network=5000,
            cofinancing=12000,
        )
        services.report_publish(acting_user=coordinator, report=report)
