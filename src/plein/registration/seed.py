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
    """Create missing options; never changes or removes existing ones. Returns how many were added.
    Called without a model (not from a migration), it also links the referral options to the
    EMB programmes that exist (`link_referral_programmes`)."""
    at_runtime = Category is None  # not a migration's historical model (0008 links those)
    if Category is None:
        from .models import Category
    added = 0
    for kind, options in CATEGORIES.items():
        for position, (code, label) in enumerate(options):
            _obj, created = Category.objects.get_or_create(
                kind=kind, code=code, defaults={"label": label, "position": position, "national_code": code}
            )
            added += created
    if at_runtime:
        link_referral_programmes(Category)
    return added


# Referral options that are national EMB programmes: category code -> programme key
# (plein.emb.seed.CATALOGUE). The codes differ where the names do ("digitaal-spreekuur").
REFERRAL_PROGRAMMES = {
    "digisterker": "digisterker",
    "klik-en-tik": "klik-en-tik",
    "taalhuis": "taalhuis",
    "digitaal-spreekuur": "digitaal-cafe",
    "geldzaken": "geldzaken",
}


def link_referral_programmes(Category=None, Programme=None) -> int:  # noqa: N803 - models, as in a migration
    """Link the referral options to the national EMB programme they refer to, where no link is
    set yet (an administrator's choice stays). Creates nothing. Returns how many were linked."""
    if Category is None:
        from .models import Category
    if Programme is None:
        from django.apps import apps

        Programme = apps.get_model("emb", "Programme")  # noqa: N806
    programmes = dict(
        Programme.objects.filter(key__in=REFERRAL_PROGRAMMES.values(), library__isnull=True).values_list("key", "pk")
    )
    linked = 0
    for code, key in REFERRAL_PROGRAMMES.items():
        if key in programmes:
            linked += Category.objects.filter(kind="doorverwijzing", code=code, programme__isnull=True).update(
                programme_id=programmes[key]
            )
    return linked
