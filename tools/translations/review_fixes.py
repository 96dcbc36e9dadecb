"""Dutch for the review fixes: removing a branch with registrations, the import's library
column, the topic of an IDO question, the import link, API keys whose maker left."""

NL = {
    # organisations: a branch with IDO registrations stays
    "The branch “%(name)s” cannot be removed, because IDO visits have been registered there and the figures need them. Does this branch no longer have an IDO? Then change the branch and untick “has an IDO”.": "De vestiging ‘%(name)s’ kan niet worden verwijderd. Er zijn IDO-bezoeken geregistreerd in deze vestiging, en die zijn nodig voor de cijfers. Heeft deze vestiging geen IDO meer? Wijzig dan de vestiging en zet het vinkje bij ‘heeft een IDO’ uit.",
    # registration: import by (library, branch)
    "branch “%(value)s” of “%(library)s” is not one of your IDO branches": "vestiging ‘%(value)s’ van ‘%(library)s’ is niet een van uw IDO-vestigingen",
    "there are several IDO branches called “%(value)s”: fill in the column “bibliotheek” to say which one": "er zijn meer IDO-vestigingen met de naam ‘%(value)s’: vul de kolom ‘bibliotheek’ in om te zeggen welke",
    # registration: the topic of a question (a theme group's "Topic" is a "Thema")
    ("IDO registration", "Topic"): "Onderwerp",
    # registration: the figures page links to the import
    "Import registrations from before Plein": "Registraties van vóór Plein importeren",
    # api: a key stops when its maker no longer works for the library
    "This API key no longer works: the person who made it no longer works for this library in Plein. Ask your coordinator for a new key.": "Deze API-sleutel werkt niet meer: de persoon die hem maakte, werkt niet meer voor deze bibliotheek in Plein. Vraag uw coördinator om een nieuwe sleutel.",
}
