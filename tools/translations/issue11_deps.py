"""Dutch for issue 11, dependencies one way: the language kept on the account, the EMB
programme of a referral category."""

NL = {
    "language": "taal",
    "Plein and its e-mails speak to this person in this language; set by the language switch.": (
        "Plein en de e-mails van Plein spreken deze persoon aan in deze taal. U kiest de taal met de taalknop."
    ),
    "Choose one of the languages Plein speaks.": "Kies een van de talen van Plein.",
    # a referral option names the EMB programme it refers to
    "Only for a referral option: the national EMB programme it refers to. The figures count "
    "referrals into EMB programmes by this link.": (
        "Alleen voor een doorverwijzing: het landelijke EMB-programma waar deze naar verwijst. "
        "De cijfers tellen doorverwijzingen naar EMB-programma's via deze koppeling."
    ),
    "Only a referral option can name an EMB programme.": (
        "Alleen bij een doorverwijzing kunt u een EMB-programma kiezen."
    ),
}
