"""Dutch for issue 10 §6/§7 (helper G): login by keyboard, the desk screen, the HTML checker."""

NL = {
    "Forgot your password?": "Wachtwoord vergeten?",
    "A visit has at most %(n)s question.": (
        "Een bezoek heeft hoogstens %(n)s vraag.",
        "Een bezoek heeft hoogstens %(n)s vragen.",
    ),
}
