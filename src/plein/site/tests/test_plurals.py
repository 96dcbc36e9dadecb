"""A number before a noun is translated with ngettext / {% blocktranslate count %}, so Dutch
reads "1 actie" and "3 acties" (never "1 acties"). This walks every msgid in the catalogue."""

import re
from pathlib import Path

PO = Path(__file__).resolve().parents[2] / "conf" / "locale" / "nl" / "LC_MESSAGES" / "django.po"

# English plural nouns that can follow a number in Plein's texts.
NOUNS = (
    "actions|libraries|situations|times|places|place|days|minutes|seconds|characters|rows|items|visits|"
    "questions|referrals|people|persons|meetings|cases|replies|groups|members|branches|keys|files|hours|weeks"
)
# A placeholder that stands for something other than a count (a name, a date, a size with a unit).
NOT_COUNTS = {"size", "date", "label", "unit", "name", "library", "group", "title", "year", "placed"}


def _entries():
    for block in PO.read_text(encoding="utf-8").split("\n\n"):
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        if msgid:
            text = "".join(re.findall(r'"(.*)"', msgid.group(1)))
            yield text, "msgid_plural" in block


def test_every_number_before_a_noun_has_a_singular_and_a_plural():
    pattern = re.compile(rf"%\((\w+)\)[sd] (?:\w+ )?(?:{NOUNS})\b")
    offenders = [
        msgid
        for msgid, has_plural in _entries()
        if not has_plural and any(m.group(1) not in NOT_COUNTS for m in pattern.finditer(msgid))
    ]
    assert not offenders, "Use ngettext or blocktranslate count for:\n" + "\n".join(offenders)
