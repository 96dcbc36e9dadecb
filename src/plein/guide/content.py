"""The first version of the guide ("handreiking voor het werken met een Ontwikkelplein").

Plain B1 Dutch. The tips only use what is known (shared/design/DOMAIN.md section 3): the
definition of the KB, the two roles of partners (doorverwijzen en expertise delen), and the
examples of Bibliotheek AanZet in Dordrecht and the Centrale Bibliotheek in Rotterdam.

Phase: (key, title, intro, steps). Step: (key, title, explanation, tips, aspects, questions,
checklist); questions and checklist items are (key, text). Keys never change between versions.
"""

F, P, V, D, S, PP = "financien", "partners", "verhoudingen", "doelgroepen", "personeel", "projectplan"

GUIDE = [
    (
        "verkennen",
        "Verkennen",
        "U ontdekt wat een Ontwikkelplein is en of het bij uw bibliotheek past.",
        [
            (
                "wat-is-een-ontwikkelplein",
                "Wat is een Ontwikkelplein?",
                "Een Ontwikkelplein is één herkenbare, centrale plek in de bibliotheek. Mensen komen er voor "
                "informatie en advies, praktische hulp en zelf leren, én om elkaar te ontmoeten. Zo hoeven zij "
                "niet van loket naar loket.",
                [
                    "Het Ontwikkelplein is laagdrempelig en informeel. Niets is verplicht.",
                    "Het Ontwikkelplein legt drie verbindingen: tussen de hulpvrager en informele hulp of leren "
                    "(ook de vraag achter de vraag), tussen bibliotheek, gemeente en partners, en tussen wat mensen "
                    "komen halen en wat zij kunnen brengen.",
                    "Elk thema kan een plek krijgen: taal, rekenen, gezondheid, werk en meer.",
                    "Het Ontwikkelplein is een paraplu boven het (digi)Taalhuis en het Informatiepunt Digitale "
                    "Overheid (IDO).",
                    "Bibliotheek AanZet in Dordrecht begon in 2019 met een Ontwikkelplein. Het groeide uit het "
                    "Taalpunt tot een laagdrempelige aanlandplek.",
                ],
                [P, D],
                [
                    ("eigen-woorden", "Wat is een Ontwikkelplein, in uw eigen woorden?"),
                    ("wat-hebben-we-al", "Wat heeft uw bibliotheek al, zoals een Taalhuis of een IDO?"),
                ],
                [
                    ("definitie-gelezen", "We hebben de beschrijving van de KB samen gelezen."),
                    ("voorbeeld-bekeken", "We hebben een voorbeeld bekeken, zoals AanZet of Rotterdam."),
                ],
            ),
            (
                "waarom-bij-ons",
                "Waarom past een Ontwikkelplein bij onze bibliotheek?",
                "Bespreek waarom uw bibliotheek een Ontwikkelplein wil en wat het oplevert voor de inwoners.",
                [
                    "Er is geen blauwdruk. Kijk wat werkt in uw eigen situatie.",
                    "Denk aan de mensen die nu van loket naar loket gaan. Het Ontwikkelplein brengt de hulp bij "
                    "elkaar op één plek.",
                ],
                [V, D, PP],
                [
                    ("waarom", "Waarom wil uw bibliotheek een Ontwikkelplein?"),
                    ("wat-levert-het-op", "Wat levert het op voor de inwoners?"),
                ],
                [("directie-betrokken", "De directie weet ervan en denkt mee.")],
            ),
        ],
    ),
    (
        "ontwerpen",
        "Ontwerpen",
        "U bedenkt voor wie het Ontwikkelplein is, met wie u werkt en hoe het eruitziet.",
        [
            (
                "doelgroepen",
                "Doelgroepen",
                "Bepaal voor wie het Ontwikkelplein er vooral is.",
                [
                    "In Rotterdam heeft elke dag een thema. Maandag is voor anderstaligen: dan zijn het loket "
                    "voor inburgering, het IDO, het Taalcafé en het Leescafé tegelijk open. Dinsdag is voor "
                    "senioren.",
                ],
                [D],
                [("voor-wie", "Voor wie is het Ontwikkelplein er vooral?")],
                [("cijfers-verzameld", "We weten welke vragen mensen nu al in de bibliotheek stellen.")],
            ),
            (
                "partners",
                "Partners",
                "Kies de organisaties die meedoen. Leg vast welke rol zij hebben.",
                [
                    "Partners hebben twee rollen: zij verwijzen mensen door en zij delen hun expertise.",
                    "In Dordrecht werkt de bibliotheek samen met het Leerwerkloket, het Vrijwilligershuis, "
                    "SeniorWeb (inloopspreekuren), WeHelpen en MEE.",
                    "In Rotterdam zitten onder meer het Informatiepunt Inburgering010 van de gemeente, het "
                    "Leerwerkloket (spreekuren) en ANBO op het Ontwikkelplein.",
                ],
                [P, V],
                [
                    ("welke-partners", "Welke partners wilt u erbij hebben?"),
                    ("rol-partners", "Welke partner verwijst door en welke partner deelt expertise?"),
                ],
                [("partners-ingevuld", "We hebben de partners ingevuld in Plein.")],
            ),
            (
                "aanbod",
                "Aanbod",
                "Bepaal wat mensen op het Ontwikkelplein kunnen doen en leren.",
                [
                    "In Dordrecht leren mensen in kleine groepjes of één op één.",
                    "In Rotterdam zijn er taal- en computeractiviteiten, het IDO en hulp bij geld en bankzaken.",
                    "Denk ook aan wat bezoekers zelf kunnen brengen, niet alleen aan wat zij komen halen.",
                ],
                [D, P],
                [("wat-bieden-we", "Wat kunnen mensen op uw Ontwikkelplein doen en leren?")],
                [("aanbod-op-papier", "We hebben een lijst van het aanbod.")],
            ),
            (
                "plek-en-inrichting",
                "Plek en inrichting",
                "Kies een plek in de bibliotheek en bedenk hoe die eruitziet.",
                [
                    "Het Ontwikkelplein is één herkenbare, centrale plek. Mensen moeten het makkelijk vinden.",
                    "Maak de plek informeel en laagdrempelig, zodat mensen gewoon binnenlopen.",
                ],
                [F, PP],
                [("welke-plek", "Waar in de bibliotheek komt het Ontwikkelplein?")],
                [("plek-gekozen", "We hebben een plek gekozen.")],
            ),
            (
                "personeel",
                "Personeel",
                "Bepaal wie op het Ontwikkelplein werkt en wat zij nodig hebben.",
                [
                    "Medewerkers helpen mensen ook met de vraag achter de vraag. Zorg dat zij weten waar zij "
                    "naar kunnen doorverwijzen.",
                ],
                [S],
                [
                    ("wie-werkt-er", "Wie werkt er op het Ontwikkelplein, en hoeveel uur?"),
                    ("wat-nodig", "Wat hebben de medewerkers nodig om goed te helpen?"),
                ],
                [("team-geinformeerd", "Het hele team weet wat het Ontwikkelplein is.")],
            ),
            (
                "financien",
                "Financiën",
                "Maak een begroting: wat kost het en wie betaalt mee?",
                ["Bespreek met de gemeente en de partners wie wat betaalt."],
                [F, V],
                [
                    ("kosten", "Wat kost het Ontwikkelplein per jaar (personeel, inrichting, activiteiten)?"),
                    ("wie-betaalt", "Wie betaalt mee, en hoeveel?"),
                ],
                [("begroting-klaar", "De begroting is klaar.")],
            ),
        ],
    ),
    (
        "realiseren",
        "Realiseren",
        "U schrijft het plan, maakt afspraken en opent het Ontwikkelplein.",
        [
            (
                "projectplan",
                "Projectplan",
                "Zet alles op papier. Plein maakt een eerste versie van het projectplan uit uw antwoorden.",
                ["Download het projectplan als Word-bestand en werk het verder uit met uw collega's."],
                [PP],
                [("doel-plan", "Wat is het doel van het projectplan, en wie leest het?")],
                [("plan-gedeeld", "We hebben het projectplan gedeeld met de directie.")],
            ),
            (
                "afspraken-met-partners",
                "Afspraken met partners",
                "Maak duidelijke afspraken met elke partner.",
                ["Spreek per partner af of die doorverwijst, expertise deelt of een spreekuur houdt."],
                [P, V],
                [("afspraken", "Welke afspraken maakt u met de partners?")],
                [("afspraken-vastgelegd", "De afspraken staan op papier.")],
            ),
            (
                "communicatie",
                "Communicatie",
                "Vertel inwoners, partners en de gemeente over het Ontwikkelplein.",
                ["Gebruik eenvoudige taal. Het Ontwikkelplein is er voor iedereen, zonder verplichtingen."],
                [D, P],
                [("hoe-vertellen", "Hoe vertelt u inwoners over het Ontwikkelplein?")],
                [("folder-klaar", "Er is een folder of poster.")],
            ),
            (
                "opening",
                "Opening",
                "Open het Ontwikkelplein en nodig iedereen uit.",
                ["De Centrale Bibliotheek in Rotterdam opende het Ontwikkelplein op 11 oktober."],
                [P, V],
                [("wanneer-open", "Wanneer en hoe opent het Ontwikkelplein?")],
                [("datum-bekend", "De openingsdatum staat vast.")],
            ),
        ],
    ),
    (
        "borgen",
        "Borgen",
        "U zorgt dat het Ontwikkelplein blijft bestaan en beter wordt.",
        [
            (
                "monitoren",
                "Monitoren",
                "Houd bij hoeveel mensen komen en met welke vragen.",
                ["Tel ook de mensen die u doorverwijst naar een partner."],
                [PP, D],
                [("wat-bijhouden", "Wat houdt u bij, en hoe vaak?")],
                [("registratie-loopt", "We houden de bezoekers en vragen bij.")],
            ),
            (
                "evalueren",
                "Evalueren",
                "Kijk samen met de partners terug: wat werkt en wat kan beter?",
                ["Er is geen blauwdruk. Pas het Ontwikkelplein aan als iets niet werkt."],
                [P, V],
                [("wat-werkt", "Wat werkt goed, en wat wilt u veranderen?")],
                [("evaluatie-gepland", "Er staat een evaluatie met de partners in de agenda.")],
            ),
            (
                "financiering-lange-termijn",
                "Financiering op lange termijn",
                "Zorg voor geld voor de komende jaren.",
                ["Laat de gemeente zien wat het Ontwikkelplein oplevert voor de inwoners."],
                [F, V],
                [("geld-later", "Hoe betaalt u het Ontwikkelplein over drie jaar?")],
                [("gesprek-gemeente", "We hebben met de gemeente gepraat over de jaren hierna.")],
            ),
            (
                "verbinding-ido",
                "Verbinding met IDO en andere programma's",
                "Verbind het Ontwikkelplein met het IDO, het Taalhuis en de andere programma's van de bibliotheek.",
                [
                    "Het Ontwikkelplein is een paraplu boven het (digi)Taalhuis en het IDO.",
                    "In Rotterdam zijn het IDO, het Taalcafé en het loket voor inburgering op dezelfde dag open.",
                ],
                [P, PP],
                [("welke-verbindingen", "Met welke programma's verbindt u het Ontwikkelplein?")],
                [("ido-betrokken", "De medewerkers van het IDO en het Taalhuis denken mee.")],
            ),
        ],
    ),
]
