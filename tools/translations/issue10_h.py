"""Dutch for issue 10, helper H: the scope picker of the figures page, Lighthouse, the EMB map."""

NL = {
    # the figures page: a scope picker that does not list every branch
    "Or search by name": "Of zoek op naam",
    "A municipality, library or branch: type (part of) its name.": (
        "Een gemeente, bibliotheek of vestiging: typ (een deel van) de naam."
    ),
    "No municipality, library or branch has this in its name.": (
        "Geen gemeente, bibliotheek of vestiging heeft dit in de naam."
    ),
    "Names with “%(text)s”: choose one": "Namen met “%(text)s”: kies er een",
    "More names hold this text. Type more of the name to see them.": (
        "Er zijn meer namen met deze tekst. Typ meer van de naam om ze te zien."
    ),
}
