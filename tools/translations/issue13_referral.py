"""Dutch for issue 13 §4 (wt-referral): the desk refers a resident to an offer of the library, the
figures count referrals per offer, the demo offer."""

NL = {
    # registration: the desk
    "referred to offer": "verwezen naar aanbod",
    "Referrals per offer": "Verwijzingen per aanbod",
    "Choose a published offer of your own library.": "Kies aanbod van uw eigen bibliotheek dat gepubliceerd is.",
    "No offer": "Geen aanbod",
    "Referred to an offer of the library": "Verwezen naar aanbod van de bibliotheek",
    "For example a course or walk-in hour. Only the number of referrals is counted.": "Bijvoorbeeld een cursus of een inloopspreekuur. Alleen het aantal verwijzingen wordt geteld.",
    "%(title)s in %(branch)s": "%(title)s in %(branch)s",
    "%(title)s, %(day)s in %(branch)s": "%(title)s, %(day)s in %(branch)s",
    # registration: the figures
    "Offers no longer published": "Aanbod dat niet meer gepubliceerd is",
    "Referrals to offers": "Verwijzingen naar aanbod",
    "How many residents the desk referred to an offer of the library itself: a course, a walk-in hour. Only for the library and its figures: these numbers are never shown on the public pages.": "Hoeveel inwoners de balie heeft verwezen naar aanbod van de bibliotheek zelf: een cursus, een inloopspreekuur. Alleen voor de bibliotheek en haar cijfers: deze aantallen staan nooit op de openbare pagina's.",
    "Per offer, the figures are counted for a library, a municipality or a branch. Choose one of those.": "Per aanbod worden de cijfers geteld voor een bibliotheek, een gemeente of een vestiging. Kies een daarvan.",
    "In this period the desk referred %(total)s resident to an offer.": (
        "In deze periode heeft de balie %(total)s inwoner naar aanbod verwezen.",
        "In deze periode heeft de balie %(total)s inwoners naar aanbod verwezen.",
    ),
    "In this period the desk referred nobody to an offer.": "In deze periode heeft de balie niemand naar aanbod verwezen.",
    "Offer": "Aanbod",
}
NL.update(
    {
        # api: a referral to an offer
        "Id of a published offer of the key's library the visitor was referred to, if any (the id of the offer in the open data).": "Id van gepubliceerd aanbod van de bibliotheek van de sleutel waarnaar de bezoeker is verwezen, als dat zo is (het id van het aanbod in de open data).",
    }
)
