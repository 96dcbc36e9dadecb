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
