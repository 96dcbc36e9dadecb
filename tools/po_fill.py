"""Fill empty msgstr entries of a .po file from a Python dict file of translations.

    python tools/po_fill.py src/plein/conf/locale/nl/LC_MESSAGES/django.po tools/translations

Every .py file in tools/translations/ defines a dict NL (one file per domain, so people working
on different apps do not edit the same file). The dict maps an English msgid to its Dutch
text; a plural msgid maps to a (singular, plural) tuple. A msgid with a context (pgettext,
`msgctxt` in the .po) has the key (context, msgid): {("IDO registration", "Topic"): "Onderwerp"}.
The dict wins over what the .po has (msgmerge's fuzzy guesses included); msgids that have no
Dutch anywhere are listed, so a newcomer sees what still needs translating, and so is a msgid
that two files translate differently (one English text, one Dutch text). Either stops `make`.
"""

import ast
import re
import sys
from pathlib import Path


def unquote(block: str) -> str:
    return "".join(ast.literal_eval(part) for part in re.findall(r'"(?:[^"\\]|\\.)*"', block))


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def load_translations(folder, conflicts=None):
    """Every file's NL dict in one. `conflicts` (a list) receives (key, file, Dutch, other file,
    other Dutch) for every key two files translate differently."""
    translations, source = {}, {}
    for path in sorted(Path(folder).glob("*.py")):
        namespace = {}
        exec(path.read_text(encoding="utf-8"), namespace)  # noqa: S102 - our own translation files
        for key, dutch in namespace["NL"].items():
            if key in translations and translations[key] != dutch and conflicts is not None:
                conflicts.append((key, source[key], translations[key], path.name, dutch))
            translations[key], source[key] = dutch, path.name
    return translations


def describe(key) -> str:
    return f"{key[1]} (context “{key[0]}”)" if isinstance(key, tuple) else key


def main(po_path, folder):
    conflicts = []
    translations = load_translations(folder, conflicts)
    entries = open(po_path, encoding="utf-8").read().split("\n\n")
    missing = []
    out = []
    for entry in entries:
        m = re.search(r'^msgid ((?:".*"\n?)+)', entry, re.M)
        if not m or unquote(m.group(1)) == "":
            out.append(entry)
            continue
        context = re.search(r'^msgctxt ((?:".*"\n?)+)', entry, re.M)
        msgid = (unquote(context.group(1)), unquote(m.group(1))) if context else unquote(m.group(1))
        # A guess by msgmerge ("#, fuzzy" or "#, fuzzy, python-format"): translate again.
        fuzzy = bool(re.search(r"^#,.*\bfuzzy\b", entry, re.M))
        entry = re.sub(r"^#, fuzzy\n", "", entry, flags=re.M)
        entry = re.sub(r"^#, fuzzy, ", "#, ", entry, flags=re.M)
        entry = re.sub(r"^#\| .*\n", "", entry, flags=re.M)
        plural = re.search(r'^msgid_plural ((?:".*"\n?)+)', entry, re.M)
        if plural:
            current = re.findall(r'^msgstr\[\d\] ((?:".*"\n?)+)', entry, re.M)
            if msgid not in translations and not fuzzy and all(unquote(c) for c in current):
                out.append(entry)
                continue
            if msgid not in translations:
                missing.append(msgid)
                if fuzzy:
                    entry = entry[: entry.index("msgstr[0]")] + 'msgstr[0] ""\nmsgstr[1] ""'
                out.append(entry)
                continue
            one, many = translations[msgid]
            head = entry[: entry.index("msgstr[0]")]
            entry = head + f"msgstr[0] {quote(one)}\nmsgstr[1] {quote(many)}"
        else:
            current = re.search(r'^msgstr ((?:".*"\n?)+)', entry, re.M)
            if msgid not in translations and not fuzzy and current and unquote(current.group(1)):
                out.append(entry)
                continue
            if msgid not in translations:
                missing.append(msgid)
                if fuzzy:  # never keep msgmerge's guess as if it were a translation
                    entry = entry[: entry.index("\nmsgstr ")] + '\nmsgstr ""'
                out.append(entry)
                continue
            head = entry[: entry.index("\nmsgstr ")]
            entry = head + f"\nmsgstr {quote(translations[msgid])}"
        out.append(entry)
    text = "\n\n".join(out)
    if not text.endswith("\n"):
        text += "\n"
    open(po_path, "w", encoding="utf-8").write(text)
    for msgid in missing:
        print("no Dutch yet:", describe(msgid))
    for key, first, dutch, second, other in conflicts:
        print(f"two Dutch texts for {describe(key)}: {dutch!r} in {first}, {other!r} in {second}")
    return 1 if missing or conflicts else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
