"""Dutch for the EMB in connection (emb): programmes, portfolio, connections, map, story."""

NL = {
    # app, navigation, choices
    "EMB in connection": "EMB in verbinding",
    "EMB programmes": "EMB-programma's",
    "Literate society": "Geletterde samenleving",
    "Participation in the information society": "Participatie in de informatiesamenleving",
    "Lifelong learning": "Leven lang ontwikkelen",
    "Older people": "Ouderen",
    "People with low literacy": "Laaggeletterden",
    "Newcomers": "Nieuwkomers",
    "Parents of young children": "Ouders van jonge kinderen",
    "Children": "Kinderen",
    "Teachers": "Leerkrachten",
    "Job seekers": "Werkzoekenden",
    "People with few digital skills": "Mensen met weinig digitale vaardigheden",
    "All residents": "Alle inwoners",
    "Referral": "Doorverwijzing",
    "Promotion": "Promotie",
    "Joint activity": "Gezamenlijke activiteit",
    "Shared partner": "Gedeelde partner",
    "Shared target group": "Gedeelde doelgroep",
    "None yet": "Nog geen",
    "Ad hoc": "Ad hoc",
    "Structural": "Structureel",
    # models
    "key": "sleutel",
    "Fixed key of a national programme.": "Vaste sleutel van een landelijk programma.",
    "societal tasks": "maatschappelijke opgaven",
    "local programme of": "eigen programma van",
    "programme": "programma",
    "programmes": "programma's",
    "share with my theme groups": "delen met mijn themagroepen",
    "The other libraries in your theme groups can then see your programmes and map.": (
        "De andere bibliotheken in uw themagroepen zien dan uw programma's en kaart."
    ),
    "EMB setting": "EMB-instelling",
    "EMB settings": "EMB-instellingen",
    "target groups": "doelgroepen",
    "partner organisations": "partnerorganisaties",
    "other partners": "andere partners",
    "since (year)": "sinds (jaar)",
    "responsible": "verantwoordelijke",
    "programme in the portfolio": "programma in het portfolio",
    "programmes in the portfolio": "programma's in het portfolio",
    "from programme": "van programma",
    "to programme": "naar programma",
    "kind of connection": "soort verbinding",
    "strength now": "sterkte nu",
    "opportunities": "kansen",
    "challenges": "uitdagingen",
    "connection": "verbinding",
    "connections": "verbindingen",
    "action from a connection": "actie uit een verbinding",
    "actions from connections": "acties uit verbindingen",
    # validation
    "Choose at least one societal task.": "Kies minstens één maatschappelijke opgave.",
    "Choose societal tasks from the list.": "Kies maatschappelijke opgaven uit de lijst.",
    "This is a local programme of another library.": "Dit is een eigen programma van een andere bibliotheek.",
    "Choose target groups from the list.": "Kies doelgroepen uit de lijst.",
    "Give a year between 1900 and this year.": "Vul een jaar in tussen 1900 en dit jaar.",
    "A programme cannot be connected to itself. Choose another programme.": (
        "Een programma kan geen verbinding met zichzelf hebben. Kies een ander programma."
    ),
    "This connection already exists: same programmes, same kind. Change the existing one instead.": (
        "Deze verbinding bestaat al: dezelfde programma's en dezelfde soort. Pas de bestaande verbinding aan."
    ),
    "Your library does not run this programme. Add it to the portfolio first.": (
        "Uw bibliotheek heeft dit programma niet. Zet het eerst in het portfolio."
    ),
    "Choose locations of your own library.": "Kies vestigingen van uw eigen bibliotheek.",
    "This programme is already in your portfolio.": "Dit programma staat al in uw portfolio.",
    # forms
    "In two or three short sentences: what is it and for whom?": "In twee of drie korte zinnen: wat is het en voor wie?",
    "Societal tasks": "Maatschappelijke opgaven",
    "The first one you tick gives the colour on the map.": "De eerste die u aanvinkt, bepaalt de kleur op de kaart.",
    "Locations": "Vestigingen",
    "Partner organisations in Plein": "Partnerorganisaties in Plein",
    "Hold Ctrl (or Cmd) to choose more than one.": "Houd Ctrl (of Cmd) ingedrukt om er meer te kiezen.",
    "Other partners": "Andere partners",
    "Partners that are not in Plein yet, separated by commas.": "Partners die nog niet in Plein staan, met komma's ertussen.",
    "Since (year)": "Sinds (jaar)",
    "Responsible": "Verantwoordelijke",
    "Programme": "Programma",
    "Choose a programme": "Kies een programma",
    "Kind of connection": "Soort verbinding",
    "Strength now": "Sterkte nu",
    "None yet, now and then (ad hoc), or arranged and lasting (structural).": (
        "Nog geen, af en toe (ad hoc), of afgesproken en blijvend (structureel)."
    ),
    "Opportunities": "Kansen",
    "What could this connection bring the residents and the library?": (
        "Wat kan deze verbinding de inwoners en de bibliotheek opleveren?"
    ),
    "Challenges": "Uitdagingen",
    "What stands in the way, or what is difficult?": "Wat staat in de weg, of wat is lastig?",
    "From programme": "Van programma",
    "To programme": "Naar programma",
    "Share with my theme groups": "Delen met mijn themagroepen",
    # map and story
    "EMB map of %(library)s": "EMB-kaart van %(library)s",
    "%(counter)s connection": ("%(counter)s verbinding", "%(counter)s verbindingen"),
    "%(counter)s programme in the portfolio": (
        "%(counter)s programma in het portfolio",
        "%(counter)s programma's in het portfolio",
    ),
    "%(counter)s programme": ("%(counter)s programma", "%(counter)s programma's"),
    "From": "Van",
    "To": "Naar",
    "to": "naar",
    "No connections yet.": "Nog geen verbindingen.",
    "Since": "Sinds",
    "own programme": "eigen programma",
    "No programmes in the portfolio yet.": "Nog geen programma's in het portfolio.",
    "Legend": "Legenda",
    "Colour of a programme: its societal task": "Kleur van een programma: de maatschappelijke opgave",
    "Colour of a line: the kind of connection. Thicker is stronger; dashed is none yet.": (
        "Kleur van een lijn: de soort verbinding. Dikker is sterker; gestreept is nog geen."
    ),
    "Portfolio and connections": "Portfolio en verbindingen",
    "Map": "Kaart",
    "Local EMB story": "Lokaal EMB-verhaal",
    "Conversation about the IDO": "Gesprek over het IDO",
    "Our programmes, by societal task": "Onze programma's, per maatschappelijke opgave",
    "The map: a dot per programme (colour: societal task), a line per connection (colour: kind; thicker is "
    "stronger; dashed is none yet).": (
        "De kaart: een stip per programma (kleur: maatschappelijke opgave), een lijn per verbinding "
        "(kleur: soort; dikker is sterker; gestreept is nog geen)."
    ),
    "Strongest connections": "Sterkste verbindingen",
    "No connections yet that are ad hoc or structural.": "Nog geen verbindingen die ad hoc of structureel zijn.",
    "What we are working on": "Waar we aan werken",
    "No running actions.": "Geen lopende acties.",
    "The maps of a theme group side by side": "De kaarten van een themagroep naast elkaar",
    "The national programmes of the educational and social library (EMB), and the societal task each one serves.": (
        "De landelijke programma's van de educatief maatschappelijke bibliotheek (EMB), en de maatschappelijke "
        "opgave van elk programma."
    ),
    "Add a programme to the catalogue": "Een programma aan de lijst toevoegen",
    "What it is": "Wat het is",
    "Yes, remove": "Ja, verwijderen",
    "Change this connection": "Deze verbinding aanpassen",
    "Remove this connection": "Deze verbinding verwijderen",
    "Actions from this connection": "Acties uit deze verbinding",
    "Add an action to the action plan": "Een actie aan het actieplan toevoegen",
    "To the map": "Naar de kaart",
    "For this conversation the portfolio needs the IDO and at least one other programme.": (
        "Voor dit gesprek moeten het IDO en minstens één ander programma in het portfolio staan."
    ),
    "Add a programme to the portfolio": "Een programma aan het portfolio toevoegen",
    "Talk with your team about each programme: how is it connected to the IDO now, and what could be better? "
    "Fill in what you agree on.": (
        "Praat met uw team over elk programma: hoe is het nu verbonden met het IDO, en wat kan beter? "
        "Vul in wat u afspreekt."
    ),
    "Step %(n)s of %(total)s": "Stap %(n)s van %(total)s",
    "and": "en",
    "Connections you already noted": "Verbindingen die u al hebt genoteerd",
    "None yet.": "Nog geen.",
    "Add a connection from the IDO to %(name)s": "Een verbinding van het IDO naar %(name)s toevoegen",
    "Save this connection": "Deze verbinding opslaan",
    "Previous programme": "Vorig programma",
    "Next programme": "Volgend programma",
    "Done: to the map": "Klaar: naar de kaart",
    "Is your programme not in the list?": "Staat uw programma niet in de lijst?",
    "Add a programme of your own": "Een eigen programma toevoegen",
    "The maps of the libraries in this theme group side by side, and which connections many libraries have "
    "and which only one.": (
        "De kaarten van de bibliotheken in deze themagroep naast elkaar, en welke verbindingen veel "
        "bibliotheken hebben en welke maar één."
    ),
    "Libraries": "Bibliotheken",
    "None.": "Geen.",
    "The map shows the same as the tables below. Click a programme or a line to see the details; with the "
    "keyboard, use the tables.": (
        "De kaart laat hetzelfde zien als de tabellen hieronder. Klik op een programma of een lijn voor de "
        "details; met het toetsenbord gebruikt u de tabellen."
    ),
    "Map of the programmes and connections. Use the arrow keys to go through them one by one; the tables "
    "below hold the same information.": (
        "Kaart van de programma's en verbindingen. Ga met de pijltjestoetsen een voor een langs; de tabellen "
        "hieronder geven dezelfde informatie."
    ),
    "Details": "Details",
    "Choose a programme or a connection on the map.": "Kies een programma of een verbinding op de kaart.",
    "Open this connection": "Deze verbinding openen",
    "Programmes": "Programma's",
    "Connections": "Verbindingen",
    "The overview of the whole EMB service of the library: which programmes it runs, where, for whom and with "
    "whom, and how the programmes are connected.": (
        "Het overzicht van de hele EMB-dienstverlening van de bibliotheek: welke programma's, waar, voor wie en "
        "met wie, en hoe de programma's met elkaar verbonden zijn."
    ),
    "Who can see this?": "Wie kan dit zien?",
    "Shared: the other libraries in your theme groups can see your programmes, map and story.": (
        "Gedeeld: de andere bibliotheken in uw themagroepen zien uw programma's, kaart en verhaal."
    ),
    "Private: only your own library, your advisers and the administrators can see this.": (
        "Niet gedeeld: alleen uw eigen bibliotheek, uw adviseurs en de beheerders zien dit."
    ),
    "Stop sharing": "Niet meer delen",
    "Connections between the programmes": "Verbindingen tussen de programma's",
    "Add a connection": "Een verbinding toevoegen",
    "Start the conversation about the IDO": "Het gesprek over het IDO beginnen",
    "Add at least two programmes to connect them.": "Zet minstens twee programma's in het portfolio om ze te verbinden.",
    "One page to give to colleagues or your municipality: what the library does for education and society, and "
    "how it fits together.": (
        "Eén pagina voor collega's of uw gemeente: wat de bibliotheek doet voor onderwijs en samenleving, en hoe "
        "het samenhangt."
    ),
    "Download as PDF": "Downloaden als pdf",
    "Local EMB story of %(library)s": "Lokaal EMB-verhaal van %(library)s",
    "EMB in connection: %(library)s": "EMB in verbinding: %(library)s",
    # views
    "The programme “%(name)s” has been added.": "Het programma ‘%(name)s’ is toegevoegd.",
    "Change programme “%(name)s”": "Programma ‘%(name)s’ aanpassen",
    "The other libraries in your theme groups can now see your EMB overview.": (
        "De andere bibliotheken in uw themagroepen zien nu uw EMB-overzicht."
    ),
    "Your EMB overview is now only visible to your own library and your advisers.": (
        "Uw EMB-overzicht is nu alleen te zien voor uw eigen bibliotheek en uw adviseurs."
    ),
    "“%(name)s” is now in your portfolio.": "‘%(name)s’ staat nu in uw portfolio.",
    "Change “%(name)s” in the portfolio": "‘%(name)s’ in het portfolio aanpassen",
    "Remove “%(name)s” from the portfolio": "‘%(name)s’ uit het portfolio verwijderen",
    "Its connections to other programmes are removed too. Actions stay in the action plan.": (
        "De verbindingen met andere programma's worden ook verwijderd. Acties blijven in het actieplan."
    ),
    "“%(name)s” has been removed from your portfolio.": "‘%(name)s’ is uit uw portfolio verwijderd.",
    "The connection has been saved.": "De verbinding is opgeslagen.",
    "%(source)s → %(target)s": "%(source)s → %(target)s",
    "Connection %(name)s": "Verbinding %(name)s",
    "Change connection %(name)s": "Verbinding %(name)s aanpassen",
    "Remove connection %(name)s": "Verbinding %(name)s verwijderen",
    "Actions that came from it stay in the action plan.": "Acties die eruit kwamen, blijven in het actieplan.",
    "The connection has been removed.": "De verbinding is verwijderd.",
    "Add an action for %(name)s": "Een actie toevoegen voor %(name)s",
    "The action “%(title)s” is now in your action plan.": "De actie ‘%(title)s’ staat nu in uw actieplan.",
    "Conversation: the IDO and the other programmes": "Gesprek: het IDO en de andere programma's",
    "EMB maps of %(group)s": "EMB-kaarten van %(group)s",
    "Common connections: at more than one library": "Veel voorkomende verbindingen: bij meer dan één bibliotheek",
    "Rare connections: at one library": "Zeldzame verbindingen: bij één bibliotheek",
}
