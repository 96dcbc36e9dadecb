"""Demo portfolios for the seven demo libraries: varying sizes, a few connections each, and
the article's two examples: IDO → de Bibliotheek op school (a presentation for teachers) and
mamacafé → IDO (a tour for the participants). Idempotent: a library with a portfolio is skipped."""

from django.db import transaction

from plein.accounts.choices import Role
from plein.organisations.models import Organisation

from . import services
from .choices import ConnectionKind as K
from .choices import Strength as S
from .choices import TargetGroup as G
from .models import PortfolioEntry
from .seed import seed_catalogue

# Which programmes each demo library runs (keys from seed.CATALOGUE), and its target groups.
TARGETS = {
    "ido": [G.SENIORS, G.DIGITALLY_UNSKILLED, G.NEWCOMERS],
    "taalhuis": [G.LOW_LITERATE, G.NEWCOMERS],
    "digisterker": [G.SENIORS, G.DIGITALLY_UNSKILLED],
    "klik-en-tik": [G.DIGITALLY_UNSKILLED, G.JOB_SEEKERS],
    "digitaal-cafe": [G.SENIORS],
    "geldzaken": [G.LOW_LITERATE, G.JOB_SEEKERS],
    "dbos": [G.CHILDREN, G.TEACHERS],
    "boekstart": [G.PARENTS, G.CHILDREN],
    "voorleesexpress": [G.CHILDREN, G.PARENTS],
    "mamacafe": [G.PARENTS, G.NEWCOMERS],
    "ontwikkelplein": [G.EVERYONE],
}
PARTNERS = {
    "digitaal-cafe": "SeniorWeb",
    "klik-en-tik": "UWV",
    "mamacafe": "Consultatiebureau",
    "dbos": "Basisscholen in de gemeente",
}
ALL = list(TARGETS)
PORTFOLIOS = {
    "Kennemerduin": ALL,
    "West-Friesland Oost": ["ido", "taalhuis", "digisterker", "klik-en-tik", "dbos", "boekstart", "mamacafe"],
    "Zaanoever": ["ido", "taalhuis", "digitaal-cafe", "dbos", "mamacafe"],
    "Rijnland": ["ido", "klik-en-tik", "digitaal-cafe", "geldzaken", "voorleesexpress", "dbos"],
    "Groene Hart": ["ido", "taalhuis", "boekstart", "mamacafe"],
    "Delfland": ["ido", "digisterker", "dbos", "ontwikkelplein", "taalhuis", "geldzaken", "mamacafe", "boekstart"],
    "Drechtoever": ["ido", "taalhuis", "ontwikkelplein", "klik-en-tik", "mamacafe", "dbos", "digitaal-cafe"],
}
ARTICLE = [
    (
        "ido",
        "dbos",
        K.PROMOTION,
        S.AD_HOC,
        "Leerkrachten horen veel vragen van ouders. Als zij het IDO kennen, kunnen zij ouders naar het IDO sturen.",
        "Scholen hebben weinig tijd. We moeten een moment vinden in een teamvergadering.",
        "Presentatie over het IDO voor de leerkrachten van de dBos-scholen",
    ),
    (
        "mamacafe",
        "ido",
        K.JOINT_ACTIVITY,
        S.AD_HOC,
        "Ouders in het mamacafé hebben ook vragen over DigiD en toeslagen. Zo leren zij het IDO kennen.",
        "Niet alle ouders spreken goed Nederlands. Houd de uitleg kort en eenvoudig.",
        "Rondleiding langs het IDO voor de deelnemers van het mamacafé",
    ),
]
MORE = [
    (
        "ido",
        "digisterker",
        K.REFERRAL,
        S.STRUCTURAL,
        "Wie bij het IDO vaker hulp nodig heeft, kan de cursus volgen.",
        "",
    ),
    ("taalhuis", "ido", K.SHARED_TARGET_GROUP, S.AD_HOC, "Taalhuis en IDO helpen vaak dezelfde mensen.", ""),
    ("ido", "klik-en-tik", K.REFERRAL, S.AD_HOC, "", "Medewerkers weten niet altijd wat Klik & Tik biedt."),
    ("digitaal-cafe", "ido", K.SHARED_PARTNER, S.STRUCTURAL, "SeniorWeb helpt bij beide.", ""),
    ("boekstart", "mamacafe", K.PROMOTION, S.NONE, "Ouders van BoekStart uitnodigen voor het mamacafé.", ""),
    ("ontwikkelplein", "ido", K.JOINT_ACTIVITY, S.STRUCTURAL, "Het IDO zit op het Ontwikkelplein.", ""),
    ("geldzaken", "ido", K.REFERRAL, S.NONE, "", "Er is nog geen afspraak over doorverwijzen."),
    ("voorleesexpress", "dbos", K.SHARED_TARGET_GROUP, S.AD_HOC, "", ""),
]


@transaction.atomic
def load_emb_demo() -> None:
    seed_catalogue()
    from .models import Programme

    programmes = {p.key: p for p in Programme.objects.filter(library__isnull=True).exclude(key="")}
    libraries = Organisation.objects.filter(is_demo=True, name__startswith="Demobibliotheek ").prefetch_related(
        "locations", "users"
    )
    for library in libraries:
        keys = PORTFOLIOS.get(library.name.removeprefix("Demobibliotheek "))
        if not keys or PortfolioEntry.objects.filter(library=library).exists():
            continue
        coordinator = next((u for u in library.users.all() if u.role == Role.COORDINATOR), None)
        locations = list(library.locations.all())
        entries = {}
        for i, key in enumerate(keys):
            entries[key] = services.entry_create(
                library=library,
                acting_user=None,
                programme=programmes[key],
                locations=locations[: 1 + i % max(len(locations), 1)] if locations else [],
                target_groups=TARGETS[key],
                other_partners=PARTNERS.get(key, ""),
                since=2015 + i % 8,
                responsible=coordinator if key == "ido" else None,
            )
        for source, target, kind, strength, opportunities, challenges, action in ARTICLE:
            if source in entries and target in entries:
                connection = services.connection_create(
                    library=library,
                    acting_user=None,
                    source=entries[source],
                    target=entries[target],
                    kind=kind,
                    strength=strength,
                    opportunities=opportunities,
                    challenges=challenges,
                )
                services.connection_action_create(connection=connection, acting_user=None, title=action)
        for source, target, kind, strength, opportunities, challenges in MORE:
            if source in entries and target in entries:
                services.connection_create(
                    library=library,
                    acting_user=None,
                    source=entries[source],
                    target=entries[target],
                    kind=kind,
                    strength=strength,
                    opportunities=opportunities,
                    challenges=challenges,
                )
    # The largest demo library shares its overview with its theme groups.
    for library in libraries:
        if library.name == "Demobibliotheek Kennemerduin":
            services.sharing_set(library=library, acting_user=None, shared=True)
