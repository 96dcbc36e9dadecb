"""A simple check that refuses obvious personal data in the texts of a report (foreword,
stories): e-mail addresses, phone numbers, BSN-like numbers of nine digits, and a postcode
with a house number. It cannot find names; the form warns against those."""

import re

from django.utils.translation import gettext_lazy as _

PATTERNS = [
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), _("an e-mail address")),
    # 06-12345678, 010 123 4567, +31 6 12345678, 0031...
    (re.compile(r"(?<![\w])(\+31|0031|0)[\s-]?(\d[\s-]?){9}(?![\d])"), _("a phone number")),
    (re.compile(r"(?<![\d.])\d{4}[ .]?\d{2}[ .]?\d{3}(?![\d])|(?<![\d.])\d{9}(?![\d])"), _("a number like a BSN")),
    (re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b[\s,]*\d{1,5}\b"), _("a postcode with a house number")),
    (re.compile(r"\b\d{1,5}[a-zA-Z]?,?\s+[1-9]\d{3}\s?[A-Z]{2}\b"), _("a postcode with a house number")),
]


def personal_data_in(text: str) -> list[str]:
    """What kinds of personal data the text seems to hold (empty: none found)."""
    found = []
    for pattern, label in PATTERNS:
        if text and pattern.search(text) and str(label) not in found:
            found.append(str(label))
    return found
