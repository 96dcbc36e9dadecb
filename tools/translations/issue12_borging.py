"""Dutch for borging (issue 12): IDO service profiles, the borging scan and the facilitator overview."""

NL = {
    "From the borging scan": "Uit de borgingsscan",
    "Borging": "Borging",
    "Borging reports": "Borgingsrapporten",
    "Basic: fixed desk or walk-in hours": "Basis: vaste balie of inloopuren",
    "Always available: every staff member helps": "Altijd beschikbaar: iedere medewerker helpt",
    "Broad service: part of a wider information point": "Brede dienstverlening: deel van een breder informatiepunt",
    "Open (staffed desk)": "Open (balie met medewerker)",
    "Walk-in hours": "Inloopspreekuur",
    "Monday": "maandag",
    "Tuesday": "dinsdag",
    "Wednesday": "woensdag",
    "Thursday": "donderdag",
    "Friday": "vrijdag",
    "Saturday": "zaterdag",
    "Sunday": "zondag",
    "in order": "op orde",
    "partly": "deels",
    "not yet": "nog niet",
    "Agreements with the municipality": "Afspraken met de gemeente",
    "The five Spuk functions": "De vijf Spuk-functies",
    "Partner network": "Netwerk van partners",
    "Visibility": "Zichtbaarheid",
    "Registration": "Registratie",
    "Connection with the EMB": "Verbinding met de EMB",
    "Spuk money received from the municipality": "Spuk-geld ontvangen van de gemeente",
    "The amount of the Spuk IDO the municipality passed on to the library this year.": (
        "Het bedrag uit de Spuk IDO dat de gemeente dit jaar aan de bibliotheek gaf."
    ),
    "Amount received (euros)": "Ontvangen bedrag (euro)",
    "Written agreement with the municipality": "Schriftelijke afspraak met de gemeente",
    "An agreement about the IDO is in place, and until when it runs.": (
        "Er is een afspraak over het IDO, en u weet tot wanneer die loopt."
    ),
    "Agreement runs until": "Afspraak loopt tot",
    "Co-financing by the library": "Eigen bijdrage van de bibliotheek",
    "What the library pays for the IDO on top of the Spuk.": "Wat de bibliotheek zelf betaalt voor het IDO, naast de Spuk.",
    "Co-financing (euros)": "Eigen bijdrage (euro)",
    "a. Help with digital dealings with public and private service providers": (
        "a. Hulp bij digitaal contact met publieke en private dienstverleners"
    ),
    "b. Courses in digital skills, and guidance towards them": "b. Cursussen digitale vaardigheden, en de weg ernaartoe",
    "c. Information about the digital society": "c. Voorlichting over de digitale samenleving",
    "d. General information about public and private service providers": (
        "d. Algemene informatie over publieke en private dienstverleners"
    ),
    "e. Referral to the right service provider or a professional helper": (
        "e. Doorverwijzen naar de juiste dienstverlener of een professionele hulpverlener"
    ),
    "Trained staff at every IDO branch": "Getrainde medewerkers op elke IDO-vestiging",
    "Per branch: the IDO e-learning, conversation skills and privacy in het IDO done.": (
        "Per vestiging: de IDO e-learning, gespreksvaardigheden en privacy in het IDO gedaan."
    ),
    "Working agreements with referral partners": "Werkafspraken met partners om naar te verwijzen",
    "From the guide's partners and the EMB portfolio.": "Uit de partners in de handreiking en het EMB-portfolio.",
    "Promotion and signage in the IDO house style": "Promotie en bewegwijzering in de IDO-huisstijl",
    "House-style signage at every branch and a promotion activity this year.": (
        "Bewegwijzering in huisstijl op elke vestiging en dit jaar een promotieactiviteit."
    ),
    "IDO offer up to date in G!DS": "IDO-aanbod actueel in G!DS",
    "The G!DS entry of every branch checked this year.": "De G!DS-gegevens van elke vestiging dit jaar nagekeken.",
    "Questions are registered": "Vragen worden geregistreerd",
    "Branches and weeks without any registration, and the share of questions with a referral.": (
        "Vestigingen en weken zonder registratie, en het deel van de vragen met een doorverwijzing."
    ),
    "The IDO is connected with the library's educational programmes": (
        "Het IDO is verbonden met de educatieve programma's van de bibliotheek"
    ),
    "Connections from and to the IDO in the EMB, and actions done.": (
        "Verbindingen van en naar het IDO in de EMB, en afgeronde acties."
    ),
    "Progress on the Ontwikkelplein route": "Voortgang op de route naar een Ontwikkelplein",
    "How far the library is in the guide's route.": "Hoe ver de bibliotheek is in de route van de handreiking.",
    "Borging: your IDO profile and scan": "Borging: uw IDO-profiel en scan",
    "Borging scans of your libraries": "Borgingsscans van uw bibliotheken",
    "How the IDO works": "Hoe het IDO werkt",
    "Training (numbers of people, no names)": "Training (aantallen mensen, geen namen)",
    "Promotion and G!DS": "Promotie en G!DS",
    "Choose the day.": "Kies de dag.",
    "Give the start time.": "Vul de begintijd in.",
    "Give the end time.": "Vul de eindtijd in.",
    "The end time must be later than the start time.": "De eindtijd moet later zijn dan de begintijd.",
    "These hours overlap other hours on the same day.": "Deze uren overlappen met andere uren op dezelfde dag.",
    "Until and including": "Tot en met",
    "Closed": "Gesloten",
    "Other start time": "Andere begintijd",
    "Other end time": "Andere eindtijd",
    "Note": "Toelichting",
    "For example: Christmas holiday.": "Bijvoorbeeld: kerstvakantie.",
    "Give the first day.": "Vul de eerste dag in.",
    "Give the last day.": "Vul de laatste dag in.",
    "The last day cannot be before the first day.": "De laatste dag kan niet voor de eerste dag liggen.",
    "Give the other start time, or tick closed.": "Vul de andere begintijd in, of vink gesloten aan.",
    "Give the other end time, or tick closed.": "Vul de andere eindtijd in, of vink gesloten aan.",
    "Not assessed yet": "Nog niet beoordeeld",
    "Amount": "Bedrag",
    "What shows this? No personal data of visitors or colleagues.": (
        "Waaruit blijkt dit? Geen persoonsgegevens van bezoekers of collega's."
    ),
    "Link to evidence": "Link naar bewijs",
    "For example the agreement in the municipality's document system. Starts with https://": (
        "Bijvoorbeeld de afspraak in het documentsysteem van de gemeente. Begint met https://"
    ),
    "File as evidence": "Bestand als bewijs",
    "Remove the file": "Bestand verwijderen",
    "Plein proposes: %(status)s. Choose another status to override it.": (
        "Plein stelt voor: %(status)s. Kies een andere status als u het er niet mee eens bent."
    ),
    "IDO e-learning": "IDO e-learning",
    "conversation skills": "gespreksvaardigheden",
    "privacy in het IDO": "privacy in het IDO",
    "branch": "vestiging",
    "scenario": "scenario",
    "in a library building": "in een bibliotheekgebouw",
    "Untick when the IDO is somewhere else, for example in a community centre or town hall.": (
        "Vink uit als het IDO ergens anders is, bijvoorbeeld in een buurthuis of het gemeentehuis."
    ),
    "paid staff": "betaalde medewerkers",
    "How many paid staff work at the IDO.": "Hoeveel betaalde medewerkers werken bij het IDO.",
    "volunteers": "vrijwilligers",
    "How many volunteers work at the IDO.": "Hoeveel vrijwilligers werken bij het IDO.",
    "completed the IDO e-learning": "IDO e-learning gedaan (aantal)",
    "last completed (IDO e-learning)": "laatst gedaan (IDO e-learning)",
    "completed conversation skills": "gespreksvaardigheden gedaan (aantal)",
    "last completed (conversation skills)": "laatst gedaan (gespreksvaardigheden)",
    "completed privacy in het IDO": "privacy in het IDO gedaan (aantal)",
    "last completed (privacy in het IDO)": "laatst gedaan (privacy in het IDO)",
    "signage in the IDO house style": "bewegwijzering in de IDO-huisstijl",
    "A recognisable place with signs and material in the IDO house style.": (
        "Een herkenbare plek met borden en materiaal in de IDO-huisstijl."
    ),
    "last promotion activity": "laatste promotieactiviteit",
    "what was done": "wat er gedaan is",
    "For example: flyer in the local paper.": "Bijvoorbeeld: flyer in de lokale krant.",
    "G!DS entry last checked": "G!DS-gegevens laatst nagekeken",
    "When someone last checked that this branch's IDO offer in G!DS is correct.": (
        "Wanneer iemand voor het laatst heeft nagekeken of het IDO-aanbod van deze vestiging in G!DS klopt."
    ),
    "IDO service profile": "IDO-profiel",
    "IDO service profiles": "IDO-profielen",
    "At most %(total)s: the number of paid staff and volunteers together.": (
        "Hoogstens %(total)s: het aantal betaalde medewerkers en vrijwilligers samen."
    ),
    "This date lies in the future. Give the date it was completed.": (
        "Deze datum ligt in de toekomst. Vul de datum in waarop het gedaan is."
    ),
    "Give how many people completed it, or leave the date empty.": (
        "Vul in hoeveel mensen het gedaan hebben, of laat de datum leeg."
    ),
    "profile": "profiel",
    "from": "van",
    "until": "tot",
    "IDO hours": "IDO-uren",
    "until and including": "tot en met",
    "closed": "gesloten",
    "open from": "open van",
    "open until": "open tot",
    "note": "toelichting",
    "exception to the hours": "uitzondering op de uren",
    "exceptions to the hours": "uitzonderingen op de uren",
    "borging scan": "borgingsscan",
    "borging scans": "borgingsscans",
    "This library already has a borging scan for this year.": "Deze bibliotheek heeft al een borgingsscan voor dit jaar.",
    "scan": "scan",
    "criterion": "criterium",
    "Plein's proposal confirmed": "voorstel van Plein bevestigd",
    "For a criterion Plein works out itself: the coordinator agrees with the proposal.": (
        "Bij een criterium dat Plein zelf uitrekent: de coördinator is het eens met het voorstel."
    ),
    "amount in euros": "bedrag in euro",
    "assessment": "beoordeling",
    "assessments": "beoordelingen",
    "This criterion is already in the scan.": "Dit criterium staat al in de scan.",
    "This criterion does not exist.": "Dit criterium bestaat niet.",
    "action from the borging scan": "actie uit de borgingsscan",
    "actions from the borging scan": "acties uit de borgingsscan",
    "From the borging scan:": "Uit de borgingsscan:",
    "%(trained)s of %(total)s IDO branch has fully trained staff.": (
        "%(trained)s van %(total)s IDO-vestiging heeft volledig getrainde medewerkers.",
        "%(trained)s van %(total)s IDO-vestigingen hebben volledig getrainde medewerkers.",
    ),
    "%(signage)s of %(total)s IDO branch has signage in the house style; "
    "%(promoted)s had a promotion activity in %(year)s.": (
        "%(signage)s van %(total)s IDO-vestiging heeft bewegwijzering in huisstijl; "
        "%(promoted)s had een promotieactiviteit in %(year)s.",
        "%(signage)s van %(total)s IDO-vestigingen hebben bewegwijzering in huisstijl; "
        "%(promoted)s hadden een promotieactiviteit in %(year)s.",
    ),
    "The G!DS entry of %(checked)s of %(total)s IDO branch was checked in %(year)s.": (
        "De G!DS-gegevens van %(checked)s van %(total)s IDO-vestiging zijn in %(year)s nagekeken.",
        "De G!DS-gegevens van %(checked)s van %(total)s IDO-vestigingen zijn in %(year)s nagekeken.",
    ),
    "not assessed": "niet beoordeeld",
    "This branch has no IDO, so it has no IDO service profile.": "Deze vestiging heeft geen IDO, dus ook geen IDO-profiel.",
    "On %(day)s two blocks of hours overlap. Change or remove one of them.": (
        "Op %(day)s overlappen twee blokken uren. Pas er een aan of haal er een weg."
    ),
    "Choose one of the statuses.": "Kies een van de statussen.",
    "Plein makes no proposal for this criterion.": "Plein doet voor dit criterium geen voorstel.",
    "Plein has no proposal for this criterion yet.": "Plein heeft voor dit criterium nog geen voorstel.",
    "Borging: %(criterion)s": "Borging: %(criterion)s",
    "Borging scan %(year)s: %(criterion)s": "Borgingsscan %(year)s: %(criterion)s",
    "(%(stuck)s of %(total)s library not yet or partly)": (
        "(%(stuck)s van %(total)s bibliotheek nog niet of deels)",
        "(%(stuck)s van %(total)s bibliotheken nog niet of deels)",
    ),
    "proposed by Plein": "voorstel van Plein",
    "The criterion becomes a subject on the agenda of the meeting you choose, with a link to this overview.": (
        "Het criterium komt als onderwerp op de agenda van de bijeenkomst die u kiest, met een link naar dit overzicht."
    ),
    "Your theme groups have no coming meetings. Schedule a meeting first.": (
        "Uw themagroepen hebben geen komende bijeenkomsten. Plan eerst een bijeenkomst."
    ),
    "Back to the overview": "Terug naar het overzicht",
    "Plein proposes: %(s)s": "Plein stelt voor: %(s)s",
    "File now": "Bestand nu",
    "Is the IDO secured? The service profile of each IDO branch and the borging scan of the library show it, "
    "criterion by criterion.": (
        "Is het IDO geborgd? Het IDO-profiel van elke vestiging en de borgingsscan van de bibliotheek laten het zien, "
        "criterium voor criterium."
    ),
    "All scans of %(year)s side by side": "Alle scans van %(year)s naast elkaar",
    "Borging scan %(year)s": "Borgingsscan %(year)s",
    "Borging scan %(year)s of %(name)s": "Borgingsscan %(year)s van %(name)s",
    "No libraries.": "Geen bibliotheken.",
    "not filled in yet": "nog niet ingevuld",
    "No IDO branches.": "Geen IDO-vestigingen.",
    "The borging scans of the libraries you coach, side by side. The status is what the library recorded; "
    "where it recorded nothing, Plein's proposal from the IDO profiles and the live data is shown and marked.": (
        "De borgingsscans van de bibliotheken die u begeleidt, naast elkaar. De status is wat de bibliotheek "
        "heeft ingevuld; waar niets is ingevuld, ziet u het voorstel van Plein uit de IDO-profielen en de "
        "actuele gegevens, met een markering."
    ),
    "Other years": "Andere jaren",
    "Scans %(y)s": "Scans %(y)s",
    "You coach no libraries yet.": "U begeleidt nog geen bibliotheken.",
    "Where most libraries get stuck": "Waar de meeste bibliotheken vastlopen",
    "%(n)s not yet, %(m)s partly, of %(total)s library": (
        "%(n)s nog niet, %(m)s deels, van %(total)s bibliotheek",
        "%(n)s nog niet, %(m)s deels, van %(total)s bibliotheken",
    ),
    "No library is stuck on a criterion.": "Geen bibliotheek loopt vast op een criterium.",
    "Status per criterion and library, %(year)s": "Status per criterium en bibliotheek, %(year)s",
    "Criterion": "Criterium",
    "Not yet or partly": "Nog niet of deels",
    "Put on the agenda": "Op de agenda zetten",
    "Change the profile": "Profiel wijzigen",
    "Fill in the profile": "Profiel invullen",
    "This IDO profile is not filled in yet.": "Dit IDO-profiel is nog niet ingevuld.",
    "Scenario": "Scenario",
    "Where the IDO is": "Plek van het IDO",
    "Opens at": "Van",
    "Closes at": "Tot",
    "opens at": "van",
    "closes at": "tot",
    "In a library building": "In een bibliotheekgebouw",
    "Outside a library building": "Buiten een bibliotheekgebouw",
    "No fixed hours.": "Geen vaste uren.",
    "Exceptions": "Uitzonderingen",
    "People and training": "Mensen en training",
    "Paid staff": "Betaalde medewerkers",
    "Volunteers": "Vrijwilligers",
    "%(n)s of %(total)s": "%(n)s van %(total)s",
    "last": "laatst",
    "Conversation skills": "Gespreksvaardigheden",
    "Privacy in het IDO": "Privacy in het IDO",
    "Signage in the IDO house style": "Bewegwijzering in de IDO-huisstijl",
    "Last promotion activity": "Laatste promotieactiviteit",
    "Last changed": "Laatst gewijzigd",
    "Only numbers and dates: no names of colleagues or visitors.": (
        "Alleen aantallen en datums: geen namen van collega's of bezoekers."
    ),
    "IDO hours per week": "IDO-uren per week",
    "One block per row: a day, from and until. More blocks on one day may not overlap. Empty rows are skipped; "
    "save to get more empty rows.": (
        "Eén blok per rij: een dag, van en tot. Blokken op dezelfde dag mogen niet overlappen. Lege rijen slaan we "
        "over; sla op om meer lege rijen te krijgen."
    ),
    "Hours %(n)s": "Uren %(n)s",
    "Exceptions (holidays, other hours)": "Uitzonderingen (vakanties, andere uren)",
    "Exception %(n)s": "Uitzondering %(n)s",
    "Per criterion: how far the library is, what shows it, and what it is going to do. Plein proposes a status "
    "where it can work it out from the IDO profiles or from the registrations, the EMB and the guide; you confirm "
    "it or choose another.": (
        "Per criterium: hoe ver de bibliotheek is, waaruit dat blijkt, en wat ze gaat doen. Waar Plein het kan "
        "uitrekenen uit de IDO-profielen, de registraties, de EMB of de handreiking, stelt Plein een status voor; "
        "u bevestigt die of kiest een andere."
    ),
    "Scan %(y)s": "Scan %(y)s",
    "All libraries side by side": "Alle bibliotheken naast elkaar",
    "Plein's proposal, confirmed": "voorstel van Plein, bevestigd",
    "Plein sees": "Plein ziet",
    "Plein would say: %(s)s": "Plein zou zeggen: %(s)s",
    "In the action plan": "In het actieplan",
    "Assess": "Beoordelen",
    "Confirm “%(s)s”": "Bevestig „%(s)s”",
    "Make it an action": "Maak er een actie van",
    "IDO profile of %(branch)s": "IDO-profiel van %(branch)s",
    "The IDO profile is saved.": "Het IDO-profiel is opgeslagen.",
    "Change the IDO profile of %(branch)s": "IDO-profiel van %(branch)s wijzigen",
    "Borging scan %(year)s of %(library)s": "Borgingsscan %(year)s van %(library)s",
    "Saved: %(criterion)s.": "Opgeslagen: %(criterion)s.",
    "Confirmed: %(criterion)s.": "Bevestigd: %(criterion)s.",
    "Added to the action plan: %(criterion)s. Give it an owner and a date in the plan.": (
        "Toegevoegd aan het actieplan: %(criterion)s. Geef de actie in het plan een verantwoordelijke en een datum."
    ),
    "Borging scans %(year)s of the libraries": "Borgingsscans %(year)s van de bibliotheken",
    "On the agenda of %(meeting)s: %(criterion)s.": "Op de agenda van %(meeting)s: %(criterion)s.",
    "Put on the agenda: %(criterion)s": "Op de agenda zetten: %(criterion)s",
}
