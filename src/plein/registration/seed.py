"""The first set of answer options, aligned with the national IDO registration (see
DOMAIN.md, section 1). Administrators change them in the admin; retiring keeps history.
Where the national field list is not public, these are sensible, editable defaults."""

CATEGORIES = {
    "kanaal": [("inloop", "Inloop"), ("afspraak", "Afspraak"), ("telefoon", "Telefoon")],
    "duur": [
        ("tot-10", "Korter dan 10 minuten"),
        ("10-30", "10 tot 30 minuten"),
        ("30-60", "30 tot 60 minuten"),
        ("langer-60", "Langer dan 60 minuten"),
    ],
    "domein": [
        ("digitale-overheid", "Digitale overheid"),
        ("bibliotheek", "Bibliotheekdienstverlening"),
        ("overig", "Overig"),
    ],
    "onderwerp": [
        ("digid", "DigiD"),
        ("apparaat", "Apparaat gebruiken"),
        ("gemeente", "Gemeentelijke zaken"),
        ("toeslagen", "Toeslagen"),
        ("belastingen", "Belastingen"),
        ("mijnoverheid", "MijnOverheid / Berichtenbox"),
        ("zorg", "Zorg en CAK / Wmo"),
        ("werk", "Werk en uitkering"),
        ("aow", "AOW en pensioen"),
        ("studiefinanciering", "Studiefinanciering"),
        ("boetes", "Boetes en CJIB"),
        ("rijbewijs", "Rijbewijs en voertuig"),
        ("inburgering", "Inburgering"),
        ("overig", "Overig"),
    ],
    "organisatie": [
        ("belastingdienst", "Belastingdienst"),
        ("toeslagen", "Dienst Toeslagen"),
        ("uwv", "UWV"),
        ("svb", "SVB"),
        ("duo", "DUO"),
        ("cak", "CAK"),
        ("cjib", "CJIB"),
        ("cbr", "CBR"),
        ("rdw", "RDW"),
        ("gemeente", "Gemeente"),
        ("overig", "Overig"),
    ],
    "hulp": [
        ("informatie", "Informatie"),
        ("praktische-hulp", "Praktische hulp"),
        ("doorverwijzing", "Doorverwijzing"),
    ],
    "digid": [
        ("aangevraagd", "DigiD aangevraagd"),
        ("geactiveerd", "DigiD geactiveerd"),
        ("app", "DigiD-app geïnstalleerd"),
        ("machtiging", "Uitleg over machtigen"),
        ("anders", "Anders"),
    ],
    "doorverwijzing": [
        ("digisterker", "Digisterker (cursus)"),
        ("klik-en-tik", "Klik & Tik (cursus)"),
        ("taalhuis", "Taalhuis"),
        ("digitaal-spreekuur", "Digitaal spreekuur / digicafé"),
        ("geldzaken", "Geldzaken (cursus)"),
        ("sociaal-raadslieden", "Sociaal raadslieden"),
        ("welzijn", "Welzijnsorganisatie"),
        ("uitvoeringsorganisatie", "De uitvoeringsorganisatie zelf"),
        ("gemeente", "Gemeente"),
        ("overig", "Anders"),
    ],
}


def seed_categories(Category=None) -> int:
    """Create missing options; never changes or removes existing ones. Returns how many were added."""
    if Category is None:
        from .models import Category
    added = 0
    for kind, options in CATEGORIES.items():
        for position, (code, label) in enumerate(options):
            _obj, created = Category.objects.get_or_create(
                kind=kind, code=code, defaults={"label": label, "position": position, "national_code": code}
            )
            added += created
    return added
