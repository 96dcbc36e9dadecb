"""tools/po_fill.py: one Dutch text per English text, and msgids with a context (pgettext)."""

import importlib.util

from django.conf import settings

TOOLS = settings.BASE_DIR / "tools"


def _po_fill():
    spec = importlib.util.spec_from_file_location("po_fill", TOOLS / "po_fill.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_english_text_has_two_dutch_texts():
    conflicts = []
    _po_fill().load_translations(TOOLS / "translations", conflicts)
    assert not conflicts, conflicts


PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#: plein/themegroups/forms.py:1
msgid "Topic"
msgstr ""

#: plein/registration/choices.py:1
msgctxt "IDO registration"
msgid "Topic"
msgstr ""
"""


def test_a_msgid_with_a_context_gets_its_own_dutch(tmp_path, capsys):
    po_fill = _po_fill()
    po = tmp_path / "django.po"
    po.write_text(PO, encoding="utf-8")
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "a.py").write_text('NL = {"Topic": "Thema"}\n', encoding="utf-8")
    # Without Dutch for the context it stops, and says which one.
    assert po_fill.main(str(po), str(folder)) == 1
    assert "no Dutch yet: Topic (context “IDO registration”)" in capsys.readouterr().out
    (folder / "b.py").write_text('NL = {("IDO registration", "Topic"): "Onderwerp"}\n', encoding="utf-8")
    assert po_fill.main(str(po), str(folder)) == 0
    text = po.read_text(encoding="utf-8")
    assert 'msgid "Topic"\nmsgstr "Thema"' in text
    assert 'msgctxt "IDO registration"\nmsgid "Topic"\nmsgstr "Onderwerp"' in text
    # Two files with two Dutch texts for one English text stop it too.
    (folder / "c.py").write_text('NL = {"Topic": "Onderwerp"}\n', encoding="utf-8")
    assert po_fill.main(str(po), str(folder)) == 1
    assert "two Dutch texts for Topic" in capsys.readouterr().out
