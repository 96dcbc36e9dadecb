"""Dutch for managing the offer (issue 13): /ons-aanbod/, the offer's fields and choices, the
services' messages, the one-step offers from the EMB portfolio and the IDO profile."""

NL = {
    # The offer as data (models and choices).
    # Menu and start page.
    "Our offer": "Ons aanbod",
    "Check the offer (%(count)s)": "Aanbod controleren (%(count)s)",
    # The form.
    "Residents find the offer by these themes. Choose at least one before publishing.": (
        "Inwoners vinden het aanbod via deze thema's. Kies er minstens één voordat u publiceert."
    ),
    "Facilities": "Voorzieningen",
    "Web address": "Webadres",
    "The readable part of the public page's address. Leave empty to make it from the title.": (
        "Het leesbare deel van het adres van de openbare pagina. Laat leeg om het uit de titel te maken."
    ),
    "For whom and who helps": "Voor wie en wie helpt",
    "Where and when": "Waar en wanneer",
    "How to come": "Hoe komt u",
    "What to bring, facilities and cost": "Wat meenemen, voorzieningen en kosten",
    "In Plein": "In Plein",
    "No partner": "Geen partner",
    "A partner of your Ontwikkelplein routes (the guide), if it offers this.": (
        "Een partner uit uw Ontwikkelplein-trajecten (de handreiking), als die dit aanbiedt."
    ),
    "No programme": "Geen programma",
    "Optional: the programme of your EMB portfolio this offer belongs to.": (
        "Niet verplicht: het programma uit uw EMB-portfolio waar dit aanbod bij hoort."
    ),
    "Check again on": "Opnieuw controleren op",
    "After this date Plein asks you to check the offer. Empty: six months from today.": (
        "Na deze datum vraagt Plein u het aanbod te controleren. Leeg: over zes maanden."
    ),
    "Choose a date in the future.": "Kies een datum in de toekomst.",
    # Services.
    "Choose a partner of your own Ontwikkelplein.": "Kies een partner van uw eigen Ontwikkelplein.",
    "Choose a programme from your own EMB portfolio.": "Kies een programma uit uw eigen EMB-portfolio.",
    "Use letters, digits and hyphens for the web address.": "Gebruik letters, cijfers en streepjes voor het webadres.",
    "This web address is used by Plein itself. Choose another one.": (
        "Dit webadres gebruikt Plein zelf. Kies een ander webadres."
    ),
    "Another offer of your library already has this web address.": (
        "Een ander aanbod van uw bibliotheek heeft dit webadres al."
    ),
    "Choose themes from the list.": "Kies thema's uit de lijst.",
    "Choose from the list what to bring.": "Kies uit de lijst wat de inwoner meeneemt.",
    "Choose facilities from the list.": "Kies voorzieningen uit de lijst.",
    "Choose a branch of your own library, so residents know where to go.": (
        "Kies een vestiging van uw eigen bibliotheek, zodat inwoners weten waar ze heen moeten."
    ),
    "Add at least one session on a date in the future.": "Voeg minstens één bijeenkomst toe op een datum in de toekomst.",
    "Add at least one block of weekly hours.": "Voeg minstens één blok met tijden per week toe.",
    "Say how residents sign up: a phone number, an e-mail address or a web address.": (
        "Zeg hoe inwoners zich aanmelden: een telefoonnummer, een e-mailadres of een webadres."
    ),
    "Choose at least one theme, so residents can find the offer.": (
        "Kies minstens één thema, zodat inwoners het aanbod kunnen vinden."
    ),
    "An offer that is %(from)s cannot become %(to)s.": "Een aanbod dat %(from)s is, kan niet %(to)s worden.",
    "Only a published offer has a date to check it again.": "Alleen een gepubliceerd aanbod heeft een controledatum.",
    "A published offer cannot be deleted. Withdraw it first.": (
        "Een gepubliceerd aanbod kunt u niet verwijderen. Trek het eerst terug."
    ),
    "Two blocks of hours on the same day overlap. Change or remove one.": (
        "Twee blokken op dezelfde dag overlappen. Wijzig of verwijder er een."
    ),
    "A published offer needs at least one block of weekly hours. Withdraw it first.": (
        "Een gepubliceerd aanbod heeft minstens één blok per week nodig. Trek het eerst terug."
    ),
    "This is the last coming session of a published offer. Withdraw the offer instead, or add a session.": (
        "Dit is de laatste komende bijeenkomst van een gepubliceerd aanbod. Trek het aanbod terug, "
        "of voeg een bijeenkomst toe."
    ),
    "This branch has no IDO.": "Deze vestiging heeft geen IDO.",
    "Questions about the digital government, such as DigiD, allowances or a form? We help you find the way.": (
        "Vragen over de digitale overheid, zoals DigiD, toeslagen of een formulier? Wij helpen u op weg."
    ),
    "Help with DigiD, the websites of the government and forms. We look it up with you and explain what you can do.": (
        "Hulp bij DigiD, de websites van de overheid en formulieren. We zoeken het samen met u op en leggen "
        "uit wat u kunt doen."
    ),
    "We do not fill in forms for you and do not give legal advice.": (
        "We vullen geen formulieren voor u in en geven geen juridisch advies."
    ),
    "The IDO profile has no weekly hours, so the published offer would have none.": (
        "Het IDO-profiel heeft geen tijden per week, dus het gepubliceerde aanbod zou er geen hebben."
    ),
    # Pages.
    "check": "controleren",
    "Back to the offer": "Terug naar het aanbod",
    "Do you want to delete the draft “%(offer)s” with its hours and sessions? This cannot be undone.": (
        "Wilt u het concept “%(offer)s” met zijn tijden en bijeenkomsten verwijderen? Dit kan niet ongedaan "
        "worden gemaakt."
    ),
    "Delete": "Verwijderen",
    "The review date (%(date)s) has passed. Check that everything is still right.": (
        "De controledatum (%(date)s) is voorbij. Controleer of alles nog klopt."
    ),
    "Residents see it at": "Inwoners zien het op",
    "Residents can find it on the public pages of your library.": (
        "Inwoners vinden het op de openbare pagina's van uw bibliotheek."
    ),
    "A draft: only your library sees it. Before you can publish it:": (
        "Een concept: alleen uw bibliotheek ziet het. Voordat u het kunt publiceren:"
    ),
    "A draft: only your library sees it. It is complete and can be published.": (
        "Een concept: alleen uw bibliotheek ziet het. Het is compleet en kan gepubliceerd worden."
    ),
    "Change the hours": "Tijden wijzigen",
    "Add a session": "Bijeenkomst toevoegen",
    "Checked: still right": "Gecontroleerd: klopt nog",
    "Referred by the IDO": "Verwezen door het IDO",
    "In %(year)s the IDO desk referred %(counter)s resident to this offer.": (
        "In %(year)s verwees de IDO-balie %(counter)s inwoner naar dit aanbod.",
        "In %(year)s verwees de IDO-balie %(counter)s inwoners naar dit aanbod.",
    ),
    "Only visible inside the library, never on the public pages.": (
        "Alleen te zien binnen de bibliotheek, nooit op de openbare pagina's."
    ),
    "In one sentence": "In één zin",
    "What we help with": "Waar we mee helpen",
    "What we do not do": "Wat we niet doen",
    "Kind of offer": "Soort aanbod",
    "What the resident comes for": "Waarvoor de inwoner komt",
    "For whom": "Voor wie",
    "Who helps": "Wie helpt",
    "Languages": "Talen",
    "Offered by": "Aangeboden door",
    "Partner in the Ontwikkelplein": "Partner in het Ontwikkelplein",
    "Where and how to come": "Waar en hoe komt u",
    "Walk in or sign up": "Inloop of aanmelden",
    "Sign up by phone": "Aanmelden per telefoon",
    "Sign up by e-mail": "Aanmelden per e-mail",
    "Sign up on the web": "Aanmelden op internet",
    "Cost": "Kosten",
    "Free of charge": "Gratis",
    "Hours per week": "Tijden per week",
    "No hours yet.": "Nog geen tijden.",
    "Closed periods": "Gesloten periodes",
    "No closed periods.": "Geen gesloten periodes.",
    "Sessions": "Bijeenkomsten",
    "%(counter)s session": ("%(counter)s bijeenkomst", "%(counter)s bijeenkomsten"),
    "past": "voorbij",
    "coming": "komt nog",
    "Take place again": "Laat doorgaan",
    "Cancel the session": "Bijeenkomst afzeggen",
    "No sessions yet.": "Nog geen bijeenkomsten.",
    "Made from": "Gemaakt uit",
    "Published at": "Gepubliceerd op",
    "This branch already has the offer “%(offer)s”. Plein copies the weekly hours and the closed periods of "
    "the IDO profile into it again.": (
        "Deze vestiging heeft het aanbod “%(offer)s” al. Plein kopieert de tijden per week en de gesloten "
        "periodes van het IDO-profiel er opnieuw in."
    ),
    "See the offer": "Bekijk het aanbod",
    "Plein makes the offer “Informatiepunt Digitale Overheid” for this branch: help with forms, with the "
    "weekly hours and the closed periods of the IDO profile. It starts as a draft, so you can check it "
    "before you publish it.": (
        "Plein maakt het aanbod “Informatiepunt Digitale Overheid” voor deze vestiging: hulp bij formulieren, "
        "met de tijden per week en de gesloten periodes van het IDO-profiel. Het begint als concept, zodat u "
        "het kunt controleren voordat u het publiceert."
    ),
    "Copy the hours again": "Tijden opnieuw kopiëren",
    "Make the IDO offer": "IDO-aanbod maken",
    "Plein makes a draft offer from “%(programme)s”: the title, the description and for whom, and a guess "
    "of the kind of offer and its themes. You check and complete it, add when it takes place, and publish "
    "it.": (
        "Plein maakt een concept-aanbod van “%(programme)s”: de titel, de beschrijving en voor wie, en een "
        "gok naar de soort aanbod en de thema's. U controleert en vult aan, zegt wanneer het is, en "
        "publiceert het."
    ),
    "Offers already made from this programme:": "Aanbod dat al van dit programma is gemaakt:",
    "Closed period %(n)s": "Gesloten periode %(n)s",
    "One block per row: a day, from and until. Empty a row to remove it. Save to get more empty rows.": (
        "Eén blok per regel: een dag, van en tot. Maak een regel leeg om hem te verwijderen. Sla op om meer "
        "lege regels te krijgen."
    ),
    "Closed periods (holidays)": "Gesloten periodes (vakanties)",
    "What each library offers residents: help and learning, as residents find it on the public pages. "
    "Drafts are only visible inside the library.": (
        "Wat elke bibliotheek inwoners biedt aan hulp en leren, zoals inwoners het vinden op de openbare "
        "pagina's. Concepten zijn alleen binnen de bibliotheek te zien."
    ),
    "Offers": "Aanbod",
    "To check": "Te controleren",
    "No libraries yet.": "Nog geen bibliotheken.",
    "The help and learning your library offers residents. A draft is only visible inside the library; a "
    "published offer is on the public pages and in the open data.": (
        "De hulp en het leren dat uw bibliotheek inwoners biedt. Een concept is alleen binnen de bibliotheek "
        "te zien; een gepubliceerd aanbod staat op de openbare pagina's en in de open data."
    ),
    "%(counter)s published offer has passed its review date. Check that it is still right.": (
        "%(counter)s gepubliceerd aanbod is over de controledatum. Controleer of het nog klopt.",
        "%(counter)s gepubliceerde onderdelen van het aanbod zijn over de controledatum. Controleer of ze nog kloppen.",
    ),
    "New offer": "Nieuw aanbod",
    "Publish a programme of your EMB portfolio or the IDO of a branch in one step: use the button on the "
    "EMB portfolio or on the IDO profile of the branch.": (
        "Een programma uit uw EMB-portfolio of het IDO van een vestiging publiceert u in één stap: met de "
        "knop in het EMB-portfolio of op het IDO-profiel van de vestiging."
    ),
    "%(counter)s item in the offer": ("%(counter)s onderdeel in het aanbod", "%(counter)s onderdelen in het aanbod"),
    "Offer": "Aanbod",
    "No offers yet.": "Nog geen aanbod.",
    "Write for residents: short sentences, plain words. Saving keeps the offer as it is (a draft stays a draft).": (
        "Schrijf voor inwoners: korte zinnen, gewone woorden. Opslaan verandert de status niet (een concept "
        "blijft een concept)."
    ),
    "This offer is already published.": "Dit aanbod is al gepubliceerd.",
    "Before residents can see this offer:": "Voordat inwoners dit aanbod kunnen zien:",
    "After publishing, residents find this offer on the public pages of your library, and websites of the "
    "municipality can show it through the open data.": (
        "Na publiceren vinden inwoners dit aanbod op de openbare pagina's van uw bibliotheek, en kunnen "
        "websites van de gemeente het tonen via de open data."
    ),
    "Offer of %(library)s": "Aanbod van %(library)s",
    "Offer of the libraries": "Aanbod van de bibliotheken",
    "The offer is saved as a draft. Add when it takes place, then publish it.": (
        "Het aanbod is opgeslagen als concept. Zeg wanneer het is, en publiceer het dan."
    ),
    "Change %(offer)s": "%(offer)s wijzigen",
    "The offer is saved.": "Het aanbod is opgeslagen.",
    "Published: residents can now find %(offer)s. Check it again on %(date)s.": (
        "Gepubliceerd: inwoners kunnen %(offer)s nu vinden. Controleer het opnieuw op %(date)s."
    ),
    "Publish %(offer)s": "%(offer)s publiceren",
    "Withdrawn: residents no longer see this offer. It is a draft again.": (
        "Teruggetrokken: inwoners zien dit aanbod niet meer. Het is weer een concept."
    ),
    "Checked. The next check is on %(date)s.": "Gecontroleerd. De volgende controle is op %(date)s.",
    "The draft is deleted.": "Het concept is verwijderd.",
    "Delete %(offer)s": "%(offer)s verwijderen",
    "The hours are saved.": "De tijden zijn opgeslagen.",
    "Hours of %(offer)s": "Tijden van %(offer)s",
    "The session is added.": "De bijeenkomst is toegevoegd.",
    "Add a session to %(offer)s": "Bijeenkomst toevoegen aan %(offer)s",
    "The session is saved.": "De bijeenkomst is opgeslagen.",
    "Change a session of %(offer)s": "Bijeenkomst van %(offer)s wijzigen",
    "The session is cancelled.": "De bijeenkomst is afgezegd.",
    "The session takes place again.": "De bijeenkomst gaat weer door.",
    "The session is removed.": "De bijeenkomst is verwijderd.",
    "A draft offer is made from %(programme)s. Check what Plein filled in and complete it.": (
        "Er is een concept-aanbod gemaakt van %(programme)s. Controleer wat Plein invulde en vul het aan."
    ),
    "Publish %(programme)s as an offer": "%(programme)s publiceren als aanbod",
    "Make a draft offer": "Concept-aanbod maken",
    "Publish the IDO of %(branch)s as an offer": "Het IDO van %(branch)s publiceren als aanbod",
    "The IDO offer is made as a draft, with the hours of the IDO profile.": (
        "Het IDO-aanbod is gemaakt als concept, met de tijden van het IDO-profiel."
    ),
    "The hours and closed periods of the IDO profile are copied into the offer.": (
        "De tijden en gesloten periodes van het IDO-profiel zijn in het aanbod gekopieerd."
    ),
    "Publish as an offer": "Publiceren als aanbod",
    "Publish as an offer for residents": "Publiceren als aanbod voor inwoners",
}
