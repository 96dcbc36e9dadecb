"""Dutch for issue 11 §1 (the access layer): the desk worker's start page."""

NL = {
    "Access": "Toegang",
    "You help residents at the Informatiepunt Digitale Overheid (IDO). You register their visits and see the figures of your library, its theme groups and its branches.": "U helpt inwoners bij het Informatiepunt Digitale Overheid (IDO). U registreert hun bezoeken en u ziet de cijfers van uw bibliotheek, haar themagroepen en haar vestigingen.",
}
