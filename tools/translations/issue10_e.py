"""Dutch for issue 10 §4/§5 (helper E): error answers when something is down or too big, the
API's errors and its description."""

NL = {
    # plein.core.errors
    "Plein cannot be reached for a moment": "Plein is even niet bereikbaar",
    "Plein cannot reach its database. What you sent has not been saved.": "Plein kan zijn database niet bereiken. Wat u stuurde, is niet opgeslagen.",
    "Please try again in a few minutes.": "Probeer het over een paar minuten opnieuw.",
    "Plein cannot reach its database for a moment. Nothing was saved. Try again in %(seconds)s second.": (
        "Plein kan zijn database even niet bereiken. Er is niets opgeslagen. Probeer het over %(seconds)s seconde opnieuw.",
        "Plein kan zijn database even niet bereiken. Er is niets opgeslagen. Probeer het over %(seconds)s seconden opnieuw.",
    ),
    "What you sent is too large": "Wat u stuurde, is te groot",
    "Nothing was saved. Send less at once, for example a smaller file or fewer questions per visit.": "Er is niets opgeslagen. Stuur minder tegelijk, bijvoorbeeld een kleiner bestand of minder vragen per bezoek.",
    "The request is too large. Nothing was saved. Send less at once.": "Het verzoek is te groot. Er is niets opgeslagen. Stuur minder tegelijk.",
    "What you sent has too many fields": "Wat u stuurde, heeft te veel velden",
    "Nothing was saved. Send less at once, for example fewer questions per visit.": "Er is niets opgeslagen. Stuur minder tegelijk, bijvoorbeeld minder vragen per bezoek.",
    "The request has too many fields. Nothing was saved. Send less at once.": "Het verzoek heeft te veel velden. Er is niets opgeslagen. Stuur minder tegelijk.",
    "Plein could not read what you sent": "Plein kon niet lezen wat u stuurde",
    "Nothing was saved. Go back, reload the page and try again.": "Er is niets opgeslagen. Ga terug, laad de pagina opnieuw en probeer het nog eens.",
    "The request could not be read. Nothing was saved.": "Het verzoek kon niet worden gelezen. Er is niets opgeslagen.",
    # plein.registration.forms
    "You can register at most %(num)d question per visit. Register the rest as a new visit.": (
        "U kunt hoogstens %(num)d vraag per bezoek registreren. Registreer de rest als een nieuw bezoek.",
        "U kunt hoogstens %(num)d vragen per bezoek registreren. Registreer de rest als een nieuw bezoek.",
    ),
}
