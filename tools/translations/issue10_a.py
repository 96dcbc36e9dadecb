"""Dutch for issue 10 §1 (helper A): who may give access to a library after a public sign-up,
what the facilitator may manage, lockout."""

NL = {
    # themegroups: a sign-up for an existing library gives nobody access by itself
    "[Plein] Your library has been signed up for a theme group": "[Plein] Uw bibliotheek is aangemeld voor een themagroep",
    "Someone has signed up %(library)s for the theme groups %(year)s of %(poi)s. You get this e-mail because you are a coordinator of %(library)s in Plein.": "Iemand heeft %(library)s aangemeld voor de themagroepen %(year)s van %(poi)s. U krijgt deze e-mail omdat u coördinator bent van %(library)s in Plein.",
    "Signed up by:": "Aangemeld door:",
    "Theme groups:": "Themagroepen:",
    "Signing up does not give this person access to your library in Plein. You decide who of your library gets an account.": "Door deze aanmelding krijgt deze persoon geen toegang tot uw bibliotheek in Plein. U beslist wie van uw bibliotheek een account krijgt.",
    "Should this person work in Plein for your library? Ask the facilitator to invite them.": "Moet deze persoon in Plein werken voor uw bibliotheek? Vraag dan de facilitator om hem of haar uit te nodigen.",
    "Did you not know about this sign-up? Tell the facilitator, so they do not place it.": "Wist u niets van deze aanmelding? Laat het de facilitator weten. Dan wordt de aanmelding niet geplaatst.",
    "Mail %(email)s.": "Mail naar %(email)s.",
    "Your library's coordinator in Plein decides who of your library gets an account. Ask them if you want to work in Plein.": "De coördinator van uw bibliotheek in Plein beslist wie van uw bibliotheek een account krijgt. Wilt u in Plein werken? Vraag het dan aan de coördinator.",
    "The facilitator will contact you about an account in Plein.": "De facilitator neemt contact met u op over een account in Plein.",
    "%(library)s already has a coordinator in Plein. The coordinator decides who of the library gets access; ask them.": "%(library)s heeft al een coördinator in Plein. De coördinator beslist wie van de bibliotheek toegang krijgt. Vraag het aan de coördinator.",
    "Tick the box to confirm that you know %(name)s works at %(library)s.": "Vink aan dat u weet dat %(name)s bij %(library)s werkt.",
    "Coordinator in Plein": "Coördinator in Plein",
    "none yet": "nog niet",
    "%(library)s has no coordinator in Plein yet. You can invite %(name)s as its coordinator. A coordinator sees and changes everything of the library: its action plan, its figures and its people. Anyone can fill in the sign-up form, so only do this when you know this person works at %(library)s, for example because you called the library.": "%(library)s heeft nog geen coördinator in Plein. U kunt %(name)s uitnodigen als coördinator. Een coördinator ziet en wijzigt alles van de bibliotheek: het actieplan, de cijfers en de mensen. Iedereen kan het aanmeldformulier invullen. Doe dit dus alleen als u weet dat deze persoon bij %(library)s werkt. Bijvoorbeeld omdat u de bibliotheek hebt gebeld.",
    "I know that %(name)s works at %(library)s": "Ik weet dat %(name)s bij %(library)s werkt",
    "The coordinator of this library decides who of the library gets an account; they have been told about this sign-up.": "De coördinator van deze bibliotheek beslist wie van de bibliotheek een account krijgt. De coördinator heeft bericht gekregen over deze aanmelding.",
    # accounts: a facilitator adds people only to the organisations they manage
    "You may not add people to “%(name)s”.": "U mag geen mensen toevoegen aan ‘%(name)s’.",
    # accounts: the slower lockout per account
    "Someone typed a wrong password for this account %(failure_limit)s time, maybe from several places.": (
        "Iemand heeft voor dit account %(failure_limit)s keer een verkeerd wachtwoord ingevuld, misschien vanaf verschillende plekken.",
        "Iemand heeft voor dit account %(failure_limit)s keer een verkeerd wachtwoord ingevuld, misschien vanaf verschillende plekken.",
    ),
    "To protect the account, nobody can log in to it for %(minutes)s minute. Try again later.": (
        "Om het account te beschermen, kan niemand er %(minutes)s minuut mee inloggen. Probeer het later nog eens.",
        "Om het account te beschermen, kan niemand er %(minutes)s minuten mee inloggen. Probeer het later nog eens.",
    ),
}
