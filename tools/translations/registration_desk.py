"""Dutch for the IDO desk (registration: registering a visit, undo, working offline)."""

NL = {
    # navigation, pages
    "Registering": "Registreren",
    "Register a visit": "Bezoek registreren",
    "Choose your IDO branch": "Kies uw IDO-vestiging",
    "IDO branch where you work": "IDO-vestiging waar u werkt",
    "Choose the branch where you work.": "Kies de vestiging waar u werkt.",
    "Use this branch": "Deze vestiging gebruiken",
    "Your library has no branch with an IDO yet. Your coordinator can mark a branch as an IDO on the page of your organisation.": "Uw bibliotheek heeft nog geen vestiging met een IDO. Uw coördinator kan een vestiging als IDO aanwijzen op de pagina van uw organisatie.",
    "Choose the branch where you work today. This computer remembers it; you can change it at any time.": "Kies de vestiging waar u vandaag werkt. Deze computer onthoudt dat; u kunt het altijd veranderen.",
    "You register visits at %(branch)s.": "U registreert bezoeken bij %(branch)s.",
    "At <strong>%(branch)s</strong>.": "Bij <strong>%(branch)s</strong>.",
    "Change branch": "Andere vestiging kiezen",
    # the form
    "The visit": "Het bezoek",
    "How did the visitor come?": "Hoe kwam de bezoeker?",
    "How long did the help take?": "Hoe lang duurde de hulp?",
    "Question %(n)s": "Vraag %(n)s",
    "Topic of the question": "Onderwerp",
    "Organisation": "Organisatie",
    "Choose the domain.": "Kies het domein.",
    "Choose the topic.": "Kies het onderwerp.",
    "Choose the help you gave.": "Kies welke hulp u gaf.",
    "None": "Geen",
    "Not applicable": "Niet van toepassing",
    "Register visit": "Bezoek registreren",
    "Add another question": "Nog een vraag toevoegen",
    "Visit registered: %(count)s question": (
        "Bezoek geregistreerd: %(count)s vraag",
        "Bezoek geregistreerd: %(count)s vragen",
    ),
    # recent registrations, undo
    "Your last registrations here": "Uw laatste registraties hier",
    "You can undo a registration for %(minutes)s minutes.": "U kunt een registratie %(minutes)s minuten lang ongedaan maken.",
    "Time": "Tijd",
    "Undo": "Ongedaan maken",
    "Undo the registration of %(time)s": "Registratie van %(time)s ongedaan maken",
    "You have not registered any visits here yet.": "U hebt hier nog geen bezoeken geregistreerd.",
    "The registration has been undone.": "De registratie is ongedaan gemaakt.",
    # offline
    "Saved on this device; it will be sent as soon as there is a connection again": "Opgeslagen op dit apparaat; wordt verstuurd zodra er weer verbinding is",
    "The registrations saved on this device have been sent.": "De registraties die op dit apparaat waren opgeslagen, zijn verstuurd.",
    "Registrations waiting on this device:": "Registraties die op dit apparaat wachten:",
    "A registration saved on this device could not be stored:": "Een registratie die op dit apparaat was opgeslagen, kon niet worden bewaard:",
}
