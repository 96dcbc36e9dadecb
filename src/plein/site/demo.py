"""The demo: clearly labelled example data so a newcomer can try every role.

Everything here is made up and says so ("demo" in the name, example e-mail addresses),
except the facts taken from the article in shared/seed: the two provinces (Noord- and
Zuid-Holland) and Bibliotheek AanZet in Dordrecht, which is a real library. No real person
is named and no real address is used.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from plein.accounts.choices import Role
from plein.common.registry import demo_loaders
from plein.organisations.choices import OrganisationType, Province
from plein.organisations.models import Location, Municipality, Organisation

User = get_user_model()

DEMO_PASSWORD = "plein-demo-2026"
DEMO_DOMAIN = "demo.plein.example"


@dataclass
class DemoContext:
    """What the feature demo loaders get: the demo support organisation."""

    poi: Organisation


@dataclass(frozen=True)
class DemoLogin:
    email: str
    role: str
    organisation: str


# name, province, municipalities served, branches: (name, municipality, street, postcode, city, has IDO)
DEMO_LIBRARIES = [
    (
        "Kennemerduin",
        Province.NOORD_HOLLAND,
        ["Haarlem", "Bloemendaal"],
        [
            ("Centrum", "Haarlem", "Voorbeeldstraat 1", "2011 AA", "Haarlem", True),
            ("Schalkwijk", "Haarlem", "Demolaan 20", "2035 AB", "Haarlem", True),
            ("Bloemendaal", "Bloemendaal", "Proefweg 3", "2061 AC", "Bloemendaal", False),
        ],
    ),
    (
        "West-Friesland Oost",
        Province.NOORD_HOLLAND,
        ["Hoorn", "Enkhuizen"],
        [
            ("Hoorn", "Hoorn", "Voorbeeldplein 4", "1621 AD", "Hoorn", True),
            ("Enkhuizen", "Enkhuizen", "Demokade 5", "1601 AE", "Enkhuizen", True),
        ],
    ),
    (
        "Zaanoever",
        Province.NOORD_HOLLAND,
        ["Zaanstad"],
        [
            ("Zaandam", "Zaanstad", "Voorbeeldgracht 6", "1506 AF", "Zaandam", True),
            ("Krommenie", "Zaanstad", "Demoweg 7", "1561 AG", "Krommenie", False),
        ],
    ),
    (
        "Rijnland",
        Province.ZUID_HOLLAND,
        ["Leiden", "Leiderdorp"],
        [
            ("Leiden Centrum", "Leiden", "Voorbeeldsteeg 8", "2311 AH", "Leiden", True),
            ("Leiderdorp", "Leiderdorp", "Demopad 9", "2351 AJ", "Leiderdorp", False),
        ],
    ),
    (
        "Groene Hart",
        Province.ZUID_HOLLAND,
        ["Gouda", "Waddinxveen"],
        [
            ("Gouda", "Gouda", "Voorbeeldmarkt 10", "2801 AK", "Gouda", True),
            ("Waddinxveen", "Waddinxveen", "Demostraat 11", "2741 AL", "Waddinxveen", True),
        ],
    ),
    (
        "Delfland",
        Province.ZUID_HOLLAND,
        ["Delft"],
        [("Delft Centrum", "Delft", "Voorbeeldkade 12", "2611 AM", "Delft", True)],
    ),
    (
        "Drechtoever",
        Province.ZUID_HOLLAND,
        ["Zwijndrecht", "Papendrecht"],
        [
            ("Zwijndrecht", "Zwijndrecht", "Demoplein 13", "3331 AN", "Zwijndrecht", True),
            ("Papendrecht", "Papendrecht", "Voorbeeldweg 14", "3351 AP", "Papendrecht", False),
        ],
    ),
]

MUNICIPALITY_PROVINCES = {
    "Haarlem": Province.NOORD_HOLLAND,
    "Bloemendaal": Province.NOORD_HOLLAND,
    "Hoorn": Province.NOORD_HOLLAND,
    "Enkhuizen": Province.NOORD_HOLLAND,
    "Zaanstad": Province.NOORD_HOLLAND,
    "Leiden": Province.ZUID_HOLLAND,
    "Leiderdorp": Province.ZUID_HOLLAND,
    "Gouda": Province.ZUID_HOLLAND,
    "Waddinxveen": Province.ZUID_HOLLAND,
    "Delft": Province.ZUID_HOLLAND,
    "Zwijndrecht": Province.ZUID_HOLLAND,
    "Papendrecht": Province.ZUID_HOLLAND,
    "Dordrecht": Province.ZUID_HOLLAND,
}


def slug(name: str) -> str:
    return name.lower().replace(" ", "").replace("-", "")


def demo_is_needed() -> bool:
    return not Organisation.objects.exists() and not User.objects.exists()


@transaction.atomic
def load_demo() -> list[DemoLogin]:
    logins: list[DemoLogin] = []
    municipalities = {
        name: Municipality.objects.get_or_create(name=name, defaults={"province": province})[0]
        for name, province in MUNICIPALITY_PROVINCES.items()
    }

    def org(name, type, province="", served=()):
        organisation, _ = Organisation.objects.get_or_create(
            name=name, defaults={"type": type, "province": province, "is_demo": True}
        )
        organisation.municipalities.set([municipalities[m] for m in served])
        return organisation

    def user(email, name, role, organisation):
        account, created = User.objects.get_or_create(
            email=email,
            defaults={
                "name": name,
                "role": role,
                "organisation": organisation,
                "is_staff": role == Role.ADMINISTRATOR,
                "is_superuser": role == Role.ADMINISTRATOR,
            },
        )
        if created:
            account.set_password(DEMO_PASSWORD)
            account.save(update_fields=["password"])
        logins.append(DemoLogin(email, Role(role).label, organisation.name if organisation else "–"))
        return account

    poi = org(
        "Ondersteuningsorganisatie Noord- en Zuid-Holland (demo)",
        OrganisationType.POI,
        Province.NOORD_HOLLAND,
    )
    user(f"beheerder@{DEMO_DOMAIN}", "Beheerder (demo)", Role.ADMINISTRATOR, poi)
    user(f"facilitator1@{DEMO_DOMAIN}", "Adviseur Basisvaardigheden Een (demo)", Role.FACILITATOR, poi)
    user(f"facilitator2@{DEMO_DOMAIN}", "Adviseur Basisvaardigheden Twee (demo)", Role.FACILITATOR, poi)

    for name, province, served, branches in DEMO_LIBRARIES:
        library = org(f"Demobibliotheek {name}", OrganisationType.LIBRARY, province, served)
        for branch, municipality, street, postcode, city, has_ido in branches:
            Location.objects.get_or_create(
                organisation=library,
                name=f"{branch}",
                defaults={
                    "municipality": municipalities[municipality],
                    "street": street,
                    "postcode": postcode,
                    "city": city,
                    "has_ido": has_ido,
                },
            )
        user(f"coordinator.{slug(name)}@{DEMO_DOMAIN}", f"Coördinator {name} (demo)", Role.COORDINATOR, library)
        user(f"balie.{slug(name)}@{DEMO_DOMAIN}", f"Baliemedewerker {name} (demo)", Role.DESK_WORKER, library)

    # A real library, named in the article (inspiration visit); no people, no address.
    aanzet = org("Bibliotheek AanZet", OrganisationType.LIBRARY, Province.ZUID_HOLLAND, ["Dordrecht"])
    Location.objects.get_or_create(
        organisation=aanzet,
        name="Bibliotheek AanZet Dordrecht",
        defaults={"municipality": municipalities["Dordrecht"], "city": "Dordrecht", "has_ido": True},
    )

    gouda = org("Demogemeente Gouda", OrganisationType.MUNICIPALITY, Province.ZUID_HOLLAND, ["Gouda"])
    user(f"gemeente@{DEMO_DOMAIN}", "Beleidsmedewerker Gouda (demo)", Role.MUNICIPALITY, gouda)

    # Then every feature fills its own demo data (registered in its `entries.py`), in order.
    context = DemoContext(poi=poi)
    for loader in demo_loaders:
        loader.load(context)
    return logins
