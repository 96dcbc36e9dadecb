"""Dutch for issue 10 (helper F): the project plan's metadata, the spreadsheets, the printable
worksheets of the article's two tools."""

NL = {
    # guide: the project plan DOCX's description
    "Draft made by Plein from the answers in the guide.": "Eerste versie, gemaakt door Plein uit de antwoorden in de handreiking.",
    # resources: the article's two tools, in Plein
    "Plein has this format built in: under “EMB in connection” a library's team talks about each programme and its connection with the IDO, one programme at a time, and sees the connections on a map.": "Dit format zit in Plein: bij ‘EMB in verbinding’ praat het team van een bibliotheek over elk programma en de verbinding met het IDO, één programma tegelijk. Daarna ziet u de verbindingen op een kaart.",
    "Plein has this guide built in: under “Ontwikkelplein” a library goes through the phases step by step, answers the questions, ticks the checklists and makes a project plan from it.": "Deze handreiking zit in Plein: bij ‘Ontwikkelplein’ gaat een bibliotheek stap voor stap door de fases. U beantwoordt de vragen, vinkt de checklists af en maakt er een projectplan van.",
    "Hold the conversation in Plein": "Houd het gesprek in Plein",
    "See your library's EMB map in Plein": "Bekijk de EMB-kaart van uw bibliotheek in Plein",
    "Open “EMB in connection” in Plein": "Open ‘EMB in verbinding’ in Plein",
    "Open the Ontwikkelplein guide in Plein": "Open de handreiking Ontwikkelplein in Plein",
    "Work through the guide in Plein": "Werk met de handreiking in Plein",
    "Tool in Plein": "Hulpmiddel in Plein",
    "Tool in Plein, with a worksheet (PDF)": "Hulpmiddel in Plein, met een werkblad (pdf)",
    "Use it in Plein": "Gebruik het in Plein",
    "The interactive version is for library staff and support organisations. The worksheet is for everyone.": "De versie in Plein is voor medewerkers van bibliotheken en ondersteuningsorganisaties. Het werkblad is voor iedereen.",
    "Download the worksheet (PDF)": "Download het werkblad (pdf)",
    "Plein prints the worksheet from its own content when you download it, so it is always up to date.": "Plein maakt het werkblad op het moment dat u het downloadt, uit de inhoud van Plein. Zo is het altijd actueel.",
    "Worksheet (PDF)": "Werkblad (pdf)",
    "worksheet": "werkblad",
    # the EMB worksheet
    "A worksheet for a conversation with your colleagues: how is each programme of your library connected to the IDO now, and what could be better?": "Een werkblad voor een gesprek met uw collega's: hoe is elk programma van uw bibliotheek nu verbonden met het IDO, en wat kan beter?",
    "Choose the programmes your library runs. Skip the others.": "Kies de programma's die uw bibliotheek heeft. Sla de andere over.",
    "Per programme: tick the kind of connection and how strong it is now. Write down the opportunities and the challenges.": "Per programma: kruis aan wat voor verbinding het is en hoe sterk die nu is. Schrijf de kansen en de uitdagingen op.",
    "Put what you agreed into Plein, under “EMB in connection”: then you see it on the map and can make actions of it.": "Zet wat u afspreekt in Plein, bij ‘EMB in verbinding’. Dan ziet u het op de kaart en kunt u er acties van maken.",
    "Printed by Plein on %(date)s from its list of EMB programmes.": "Gemaakt door Plein op %(date)s, uit de lijst met EMB-programma's.",
    "Every conversation starts from the IDO: one programme at a time, you look at its connection with the IDO.": "Elk gesprek begint bij het IDO: u bekijkt één programma tegelijk, en de verbinding met het IDO.",
    "The IDO and %(name)s": "Het IDO en %(name)s",
    "There are no EMB programmes in Plein yet.": "Er staan nog geen EMB-programma's in Plein.",
    # the guide worksheet
    "Per phase: the steps, handy tips, the questions to answer together and a checklist. Write your answers on the lines.": "Per fase: de stappen, handige tips, de vragen om samen te beantwoorden en een checklist. Schrijf uw antwoorden op de lijnen.",
    "Printed by Plein on %(date)s from version %(number)s of the guide. In Plein the same guide keeps your answers and makes a project plan of them.": "Gemaakt door Plein op %(date)s, uit versie %(number)s van de handreiking. In Plein bewaart dezelfde handreiking uw antwoorden en maakt er een projectplan van.",
    "No version of the guide has been published yet.": "Er is nog geen versie van de handreiking gepubliceerd.",
    "Phase %(n)s: %(title)s": "Fase %(n)s: %(title)s",
}
