"""The PDF checks (core/tests/pdf.py) themselves: they pass Plein's way of printing and reject
what a reader or screen reader would trip over."""

import io

import pikepdf
import pytest

from .pdf import assert_valid_pdf


def _weasyprint(html, **options) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf(**options)


PLEIN_WAY = (
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Werkblad</title></head>'
    '<body style="font-family: DejaVu Sans"><h1>Werkblad</h1><p>Tekst.</p></body></html>'
)


def test_plein_way_of_printing_passes():
    info = assert_valid_pdf(_weasyprint(PLEIN_WAY, pdf_variant="pdf/ua-1"), title="Werkblad")
    assert info.lang.startswith("nl") and info.pages == 1 and info.fonts


def test_an_untagged_pdf_fails():
    with pytest.raises(AssertionError, match="not tagged|XMP dc:title"):
        assert_valid_pdf(_weasyprint(PLEIN_WAY))


def test_a_pdf_without_title_or_language_fails():
    untitled = PLEIN_WAY.replace("<title>Werkblad</title>", "")
    with pytest.raises(AssertionError, match="Title"):
        assert_valid_pdf(_weasyprint(untitled, pdf_variant="pdf/ua-1"))
    english = PLEIN_WAY.replace('lang="nl"', 'lang="en"')
    with pytest.raises(AssertionError, match="/Lang"):
        assert_valid_pdf(_weasyprint(english, pdf_variant="pdf/ua-1"))


def test_a_font_left_to_the_reader_fails():
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    )
    page = pdf.add_blank_page()
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(b"BT /F1 12 Tf 72 720 Td (Hallo) Tj ET")
    pdf.docinfo["/Title"] = "Hallo"
    out = io.BytesIO()
    pdf.save(out)
    with pytest.raises(AssertionError, match="not embedded: \\['Helvetica'\\]"):
        assert_valid_pdf(out.getvalue())
