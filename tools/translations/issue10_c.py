"""Dutch for issue 10 (helper C): attendance and replies, the waiting list, plurals, meetings
that have not started, the start page, calendar files and page descriptions."""

NL = {
    # attendance: the reply beforehand and presence are two facts
    "reply beforehand": "antwoord vooraf",
    "Empty: the library has not answered.": "Leeg: de bibliotheek heeft niet geantwoord.",
    "Reply beforehand": "Antwoord vooraf",
    "%(library)s (reply: %(reply)s)": "%(library)s (antwoord: %(reply)s)",
    "no answer": "geen antwoord",
    "will come, %(count)s person": ("komt, %(count)s persoon", "komt, %(count)s personen"),
}
NL |= {
    # waiting list: the count shown, the rule and the e-mail agree
    "“%(group)s” still has %(free)s free place (%(taken)s of %(capacity)s taken). Place the library, or decline the sign-up.": (
        "‘%(group)s’ heeft nog %(free)s vrije plaats (%(taken)s van de %(capacity)s bezet). Plaats de bibliotheek, of wijs de aanmelding af.",
        "‘%(group)s’ heeft nog %(free)s vrije plaatsen (%(taken)s van de %(capacity)s bezet). Plaats de bibliotheek, of wijs de aanmelding af.",
    ),
}
NL |= {
    # plurals: a number before a noun goes through ngettext / blocktranslate count
    "The group is full (%(capacity)s place). Put the library on the waiting list, or make the group bigger.": (
        "De groep is vol (%(capacity)s plaats). Zet de bibliotheek op de wachtlijst, of maak de groep groter.",
        "De groep is vol (%(capacity)s plaatsen). Zet de bibliotheek op de wachtlijst, of maak de groep groter.",
    ),
    "%(count)s library from %(provinces)s took part:": (
        "%(count)s bibliotheek uit %(provinces)s deed mee:",
        "%(count)s bibliotheken uit %(provinces)s deden mee:",
    ),
    "We met once:": ("We kwamen één keer bij elkaar:", "We kwamen %(count)s keer bij elkaar:"),
    "Libraries brought in %(count)s local situation:": (
        "Bibliotheken brachten %(count)s lokale situatie in:",
        "Bibliotheken brachten %(count)s lokale situaties in:",
    ),
    "%(count)s action is still running.": ("%(count)s actie loopt nog.", "%(count)s acties lopen nog."),
    "In %(year)s, %(count)s library worked in the theme group “%(group)s”. This is what we did and learned.": (
        "In %(year)s werkte %(count)s bibliotheek in de themagroep ‘%(group)s’. Dit hebben we gedaan en geleerd.",
        "In %(year)s werkten %(count)s bibliotheken samen in de themagroep ‘%(group)s’. Dit hebben we gedaan en geleerd.",
    ),
    "The theme group “%(group)s” starts in %(year)s. This retrospective is written once the year is under way.": "De themagroep ‘%(group)s’ begint in %(year)s. Deze terugblik schrijven we als het jaar begonnen is.",
    "No libraries take part in the theme group “%(group)s” in %(year)s yet.": "Er doen in %(year)s nog geen bibliotheken mee aan de themagroep ‘%(group)s’.",
    "The minutes have been saved. %(count)s action was added to the action plans of the libraries.": (
        "Het verslag is opgeslagen. Er is %(count)s actie toegevoegd aan de actieplannen van de bibliotheken.",
        "Het verslag is opgeslagen. Er zijn %(count)s acties toegevoegd aan de actieplannen van de bibliotheken.",
    ),
    "%(placed)s of %(capacity)s place taken.": (
        "%(placed)s van de %(capacity)s plaats bezet.",
        "%(placed)s van de %(capacity)s plaatsen bezet.",
    ),
    "You can undo a registration for %(minutes)s minute.": (
        "U kunt een registratie %(minutes)s minuut lang ongedaan maken.",
        "U kunt een registratie %(minutes)s minuten lang ongedaan maken.",
    ),
    "The link works for %(days)s day and only once.": (
        "De link werkt %(days)s dag en maar één keer.",
        "De link werkt %(days)s dagen en maar één keer.",
    ),
    "The password was wrong %(failure_limit)s time in a row.": (
        "Het wachtwoord was %(failure_limit)s keer fout.",
        "Het wachtwoord was %(failure_limit)s keer achter elkaar fout.",
    ),
    "To protect the account, you cannot log in for %(minutes)s minute.": (
        "Om het account te beschermen, kunt u %(minutes)s minuut niet inloggen.",
        "Om het account te beschermen, kunt u %(minutes)s minuten niet inloggen.",
    ),
    "Please keep the answer under %(max)s character; it now has %(n)s.": (
        "Houd het antwoord korter dan %(max)s teken. Het heeft er nu %(n)s.",
        "Houd het antwoord korter dan %(max)s tekens. Het heeft er nu %(n)s.",
    ),
    "For DigiD questions, most often the follow-up was %(label)s (%(count)s time).": (
        "Bij DigiD-vragen was het vervolg het vaakst: %(label)s (%(count)s keer).",
        "Bij DigiD-vragen was het vervolg het vaakst: %(label)s (%(count)s keer).",
    ),
    "There was %(total)s referral: %(emb)s to an EMB programme and %(partner)s to a partner; most often to %(label)s (%(count)s).": (
        "Er was %(total)s doorverwijzing: %(emb)s naar een EMB-programma en %(partner)s naar een partner; het vaakst naar %(label)s (%(count)s).",
        "Er waren %(total)s doorverwijzingen: %(emb)s naar een EMB-programma en %(partner)s naar een partner; het vaakst naar %(label)s (%(count)s).",
    ),
    "%(count)s visit": ("%(count)s bezoek", "%(count)s bezoeken"),
    "%(count)s question": ("%(count)s vraag", "%(count)s vragen"),
    "In this period there were %(visits)s with %(questions)s; the busiest %(unit)s was %(label)s with %(busiest)s.": "In deze periode: %(visits)s met %(questions)s. De drukste %(unit)s was %(label)s, met %(busiest)s.",
}
NL |= {
    "at most %(n)s character": ("hoogstens %(n)s teken", "hoogstens %(n)s tekens"),
    "%(min)s to %(max)s item": ("%(min)s tot %(max)s stuk", "%(min)s tot %(max)s stuks"),
    "Use at most %(n)s character.": ("Gebruik hoogstens %(n)s teken.", "Gebruik hoogstens %(n)s tekens."),
    "Too many requests with this API key. Try again in %(seconds)s second.": (
        "Te veel verzoeken met deze API-sleutel. Probeer het over %(seconds)s seconde opnieuw.",
        "Te veel verzoeken met deze API-sleutel. Probeer het over %(seconds)s seconden opnieuw.",
    ),
    "The file has more than %(max)s row. Split it up.": (
        "Het bestand heeft meer dan %(max)s regel. Splits het op.",
        "Het bestand heeft meer dan %(max)s regels. Splits het op.",
    ),
    "Imported: %(visits)s with %(questions)s.": "Geïmporteerd: %(visits)s met %(questions)s.",
}
NL |= {
    # meetings: who was there and minutes only once begun; who takes the lead on an action
    "Who was there can be confirmed once the meeting has started.": "U kunt bevestigen wie er was zodra de bijeenkomst begonnen is.",
    "Minutes can be written once the meeting has started.": "U kunt het verslag schrijven zodra de bijeenkomst begonnen is.",
    "This meeting starts on %(date)s.": "Deze bijeenkomst begint op %(date)s.",
    "lead library": "bibliotheek die het voortouw neemt",
    "lead person": "persoon die het voortouw neemt",
    "Who takes the lead": "Wie neemt het voortouw",
    "A library, or a person at a library. Their library gets the action too; the person is its owner there.": "Een bibliotheek, of een persoon van een bibliotheek. Die bibliotheek krijgt de actie ook; de persoon is daar de eigenaar.",
    "Library": "Bibliotheek",
    "Person": "Persoon",
    "Choose who takes the lead: a library or a person.": "Kies wie het voortouw neemt: een bibliotheek of een persoon.",
    "The lead person must work for the lead library.": "De persoon die het voortouw neemt, moet bij die bibliotheek werken.",
    "The lead library must take part in the group.": "De bibliotheek die het voortouw neemt, moet meedoen in de groep.",
}
NL |= {
    # start page: an open sign-up, and a municipality's own pages
    "Libraries can now sign up for the theme groups of %(names)s, until %(date)s.": (
        "Bibliotheken kunnen zich nu aanmelden voor de themagroepen van %(names)s, tot en met %(date)s.",
        "Bibliotheken kunnen zich nu aanmelden voor de themagroepen van %(names)s. De eerste aanmelding sluit op %(date)s.",
    ),
    "Sign up for a theme group": "Aanmelden voor een themagroep",
    "Sign-up for the theme groups is open": "Aanmelden voor de themagroepen kan nu",
    "See the groups and sign up": "Bekijk de groepen en meld u aan",
    "See the sign-up page": "Bekijk de aanmeldpagina",
    "No account needed.": "U hebt geen account nodig.",
    "You can read how the IDO in your municipality is doing: how many residents came with which questions, and how they were helped. You cannot change anything.": "U kunt lezen hoe het gaat met het IDO in uw gemeente: hoeveel inwoners kwamen, met welke vragen, en hoe ze geholpen zijn. U kunt niets veranderen.",
    "The IDO figures of your municipality": "De IDO-cijfers van uw gemeente",
    "Theme groups are for libraries and the support organisations that coach them; a municipality does not take part itself. What the IDO in your municipality does shows in its figures.": "Themagroepen zijn voor bibliotheken en de steunfunctie-organisaties die hen begeleiden. Een gemeente doet zelf niet mee. Wat het IDO in uw gemeente doet, ziet u in de cijfers.",
    "See the IDO figures of your municipality.": "Bekijk de IDO-cijfers van uw gemeente.",
    "There are no theme groups yet.": "Er zijn nog geen themagroepen.",
}
NL |= {
    # meeting .ics: the agenda in the description
    "Agenda:": "Agenda:",
    "%(minutes)s min.": "%(minutes)s min.",
}
NL |= {
    # meta descriptions of public pages
    "Plein: libraries and their support organisations work together on the Informatiepunt Digitale Overheid (IDO) and learning in the library.": "Plein: bibliotheken en hun steunfunctie-organisaties werken samen aan het Informatiepunt Digitale Overheid (IDO) en leren in de bibliotheek.",
    "Plein helps public libraries and the provincial support organisations that coach them make the Informatiepunt Digitale Overheid (IDO) stronger: theme groups, action plans and IDO figures.": "Plein helpt bibliotheken en steunfunctie-organisaties het Informatiepunt Digitale Overheid (IDO) sterker te maken, met themagroepen, actieplannen en cijfers.",
    "Sign your library up for a theme group: a year of working with other libraries on the IDO and the programmes around it. No account needed.": "Meld uw bibliotheek aan voor een themagroep: een jaar samenwerken met andere bibliotheken aan het IDO en de programma's eromheen. U hebt geen account nodig.",
    "Sign your library up for the theme groups %(year)s of %(poi)s. No account needed.": "Meld uw bibliotheek aan voor de themagroepen %(year)s van %(poi)s. U hebt geen account nodig.",
    "Looking back at the theme group “%(group)s” of %(poi)s.": "Terugblik op de themagroep ‘%(group)s’ van %(poi)s.",
    "Log in to Plein, the workspace of libraries and support organisations for the IDO. You get an account through an invitation.": "Log in bij Plein, de werkplek van bibliotheken en steunfunctie-organisaties voor het IDO. U krijgt een account via een uitnodiging.",
}
