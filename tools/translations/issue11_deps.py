"""Dutch for issue 11, dependencies one way: the language kept on the account, the EMB
programme of a referral category."""

NL = {
    "language": "taal",
    "Plein and its e-mails speak to this person in this language; set by the language switch.": (
        "Plein en de e-mails van Plein spreken deze persoon aan in deze taal. U kiest de taal met de taalknop."
    ),
    "Choose one of the languages Plein speaks.": "Kies een van de talen van Plein.",
}
