"""The national EMB programmes (DOMAIN.md section 2), in plain Dutch. Idempotent: a
programme with the same key is left as it is, so facilitators' changes are kept."""

from .choices import SocietalTask as T
from .models import Programme

IDO = "ido"

CATALOGUE = [
    (
        IDO,
        "IDO (Informatiepunt Digitale Overheid)",
        "Een vaste plek in de bibliotheek waar inwoners gratis hulp krijgen bij de digitale overheid, "
        "zoals DigiD en MijnOverheid. Het IDO lost niet alles op, maar helpt de juiste plek te vinden.",
        [T.PARTICIPATION],
    ),
    (
        "taalhuis",
        "Taalhuis",
        "Een plek en een netwerk van partners voor volwassenen die beter willen lezen, schrijven, rekenen "
        "of met de computer willen werken. Een Taalpunt geeft informatie en verwijst door. In een Taalcafé "
        "oefenen anderstaligen met praten.",
        [T.LITERACY, T.LIFELONG],
    ),
    (
        "digisterker",
        "Digisterker",
        "Een cursus van meestal 4 lessen van 2 uur, voor hoogstens 8 mensen. Deelnemers leren werken met "
        "DigiD en de 'mijn-omgevingen' van de overheid. Docenten volgen eerst een training.",
        [T.PARTICIPATION],
    ),
    (
        "klik-en-tik",
        "Klik & Tik",
        "Een programma van Oefenen.nl om de basis van computer en internet te leren: alleen, in een cursus "
        "of op een inloopspreekuur. Onder andere het UWV verwijst mensen ernaar.",
        [T.PARTICIPATION, T.LIFELONG],
    ),
    (
        "digitaal-cafe",
        "Digitaal café / digitaal spreekuur",
        "Vrijwilligers helpen inwoners zonder afspraak met hun telefoon, tablet of computer, vaak samen met SeniorWeb.",
        [T.PARTICIPATION],
    ),
    (
        "geldzaken",
        "Geldzaken",
        "Cursussen over omgaan met geld, zoals 'Slimmer omgaan met geld' en het programma 'Tel je geld' "
        "van Oefenen.nl.",
        [T.PARTICIPATION, T.LIFELONG],
    ),
    (
        "dbos",
        "de Bibliotheek op school (dBos)",
        "Scholen, bibliotheek en gemeente werken samen aan lezen, taal en mediawijsheid.",
        [T.LITERACY],
    ),
    (
        "boekstart",
        "BoekStart",
        "Leesplezier voor kinderen van 0 tot 4 jaar en hun ouders, ook in de kinderopvang.",
        [T.LITERACY],
    ),
    (
        "voorleesexpress",
        "VoorleesExpress",
        "Vrijwilligers lezen thuis voor aan kinderen van 2 tot 8 jaar uit gezinnen waar weinig taal is.",
        [T.LITERACY],
    ),
    (
        "mamacafe",
        "Mamacafé",
        "Ochtenden om elkaar te ontmoeten en samen te lezen, voor (anderstalige) ouders. Het mamacafé werkt "
        "samen met het consultatiebureau en het Taalhuis.",
        [T.LITERACY],
    ),
    (
        "ontwikkelplein",
        "Ontwikkelplein",
        "Eén herkenbare plek in de bibliotheek voor informatie en advies, praktische hulp, zelf leren en "
        "ontmoeten. Mensen hoeven niet van loket naar loket. Het Ontwikkelplein is een paraplu boven het "
        "Taalhuis en het IDO.",
        [T.LIFELONG, T.PARTICIPATION, T.LITERACY],
    ),
]


def seed_catalogue() -> None:
    for key, name, description, tasks in CATALOGUE:
        Programme.objects.get_or_create(
            key=key, defaults={"name": name, "description": description, "tasks": [str(t) for t in tasks]}
        )


def programme(key) -> Programme:
    return Programme.objects.get(key=key)
