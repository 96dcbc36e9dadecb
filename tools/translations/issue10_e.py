"""Dutch for issue 10 §4/§5 (helper E): error answers when something is down or too big, the
API's errors and its description."""

NL = {
    # plein.common.errors
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
    # plein.common.errors for the API, plein.api
    "This address does not take %(method)s. It takes: %(allowed)s.": "Dit adres neemt geen %(method)s aan. Het neemt wel: %(allowed)s.",
    "The request could not be handled (%(status)s).": "Het verzoek kon niet worden afgehandeld (%(status)s).",
    "This day is after today. Also send “to”, or choose an earlier day.": "Deze dag ligt na vandaag. Stuur ook ‘to’ mee, of kies een eerdere dag.",
    "First day, from 2000-01-01 up to a year after today. Empty: the 1st of the month of `to`.": "Eerste dag, vanaf 2000-01-01 tot een jaar na vandaag. Leeg: de 1e van de maand van `to`.",
    "Last day, included, from 2000-01-01 up to a year after today and at most ten years after `from`. Empty: today.": "Laatste dag, telt mee, vanaf 2000-01-01 tot een jaar na vandaag en hoogstens tien jaar na `from`. Leeg: vandaag.",
    "Date of the visit, from 2000-01-01, not in the future. Empty: today.": "Datum van het bezoek, vanaf 2000-01-01, niet in de toekomst. Leeg: vandaag.",
    "400: the body is not valid JSON. 404 also for an address under /api/ that does not exist. 405: this address does not take this method; the header Allow lists the ones it takes. 413: the body is too large. 503: Plein cannot reach its database for a moment; nothing was stored, and the header Retry-After says when to try again.": "400: de inhoud is geen geldige JSON. 404 ook voor een adres onder /api/ dat niet bestaat. 405: dit adres neemt deze methode niet aan; de kop Allow noemt de methodes die het wel aanneemt. 413: de inhoud is te groot. 503: Plein kan zijn database even niet bereiken; er is niets opgeslagen, en de kop Retry-After zegt wanneer u het opnieuw kunt proberen.",
    "Give a code of letters, digits and hyphens, as GET /api/v1/categories lists them.": "Geef een code van letters, cijfers en streepjes, zoals GET /api/v1/categories ze noemt.",
    "Give text in UTF-8.": "Geef tekst in UTF-8.",
}
