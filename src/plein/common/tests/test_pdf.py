"""The one PDF renderer and the one PDF response."""

import copy

import pytest

from plein.common.pdf import content_disposition, pdf_response, render_pdf
from plein.site.tests.pdf import assert_valid_pdf, pdf_text

TEMPLATE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Werkblad {{ name }}</title></head>
<body><h1>Werkblad {{ name }}</h1><p>Samen met de bibliotheek {{ name }}.</p></body></html>"""


@pytest.fixture
def sheet_template(settings, tmp_path):
    (tmp_path / "sheet.html").write_text(TEMPLATE, encoding="utf-8")
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], tmp_path]
    settings.TEMPLATES = templates
    return "sheet.html"


def test_render_pdf_makes_a_tagged_pdf_with_the_text(sheet_template):
    pdf = render_pdf(sheet_template, {"name": "Zuidoost"})
    assert pdf.startswith(b"%PDF")
    assert_valid_pdf(pdf, title="Werkblad Zuidoost")
    assert "Samen met de bibliotheek Zuidoost." in pdf_text(pdf)


def test_pdf_response_is_a_private_download_with_a_safe_and_an_exact_name():
    response = pdf_response(b"%PDF-1.7", filename="verhaal-Café “Zuid”.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="verhaal-Cafe Zuid.pdf"; '
        "filename*=UTF-8''verhaal-Caf%C3%A9%20%E2%80%9CZuid%E2%80%9D.pdf"
    )
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_public_pdf_may_be_shown_inline_and_cached():
    response = pdf_response(b"%PDF-1.7", filename="terugblik-2026.pdf", inline=True, private=False)
    assert response["Content-Disposition"].startswith('inline; filename="terugblik-2026.pdf"')
    assert not response.has_header("Cache-Control")


@pytest.mark.parametrize("name", ['a"b.pdf', "a\\b.pdf", "a;b.pdf", "a\r\nb.pdf", "名前.pdf"])
def test_the_plain_filename_cannot_break_the_header(name):
    plain = content_disposition(name).split('filename="')[1].split('"')[0]
    assert plain.isascii() and not set('"\\;\r\n') & set(plain)
    assert plain.endswith(".pdf") and len(plain) > len(".pdf")
