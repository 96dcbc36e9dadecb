"""Checks for every PDF Plein makes, read with a parser of its own (pikepdf, on qpdf): it parses
without repairs, every font is embedded, it has a title (document info and XMP), it says it is
Dutch (/Lang in the catalog) and it is tagged (a structure tree, /MarkInfo /Marked), so a
screen reader can read it and a PDF/UA checker has something to check.

    info = assert_valid_pdf(response.content, title="Projectplan Ontwikkelplein – Bibliotheek Eigen")
"""

import io
import shutil
import subprocess
from dataclasses import dataclass

import pikepdf


@dataclass
class PdfInfo:
    title: str
    lang: str
    pages: int
    fonts: set  # base font names


def _font_files(font) -> bool:
    """Is this font's program inside the file?"""
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return True  # drawn with PDF operators, nothing to embed
    if subtype == "/Type0":
        return all(_font_files(descendant) for descendant in font.DescendantFonts)
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False  # one of the 14 standard fonts, left to the reader
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _fonts(resources, seen):
    """Every font of a page's resources, also inside forms (XObjects) and patterns."""
    if resources is None or resources.objgen in seen and resources.objgen != (0, 0):
        return
    seen.add(resources.objgen)
    for _name, font in (resources.get("/Font") or {}).items():
        yield font
        if font.get("/Subtype") == "/Type3":
            yield from _fonts(font.get("/Resources"), seen)
    for kind in ("/XObject", "/Pattern"):
        for _name, obj in (resources.get(kind) or {}).items():
            yield from _fonts(obj.get("/Resources"), seen)


def assert_valid_pdf(content: bytes, *, title: str | None = None, lang: str = "nl") -> PdfInfo:
    assert content.startswith(b"%PDF-"), content[:20]
    with pikepdf.open(io.BytesIO(content)) as pdf:
        problems = pdf.check_pdf_syntax()  # qpdf: every object and stream can be read
        assert not problems, problems

        fonts, missing = set(), set()
        seen = set()
        for page in pdf.pages:
            for font in _fonts(page.obj.get("/Resources"), seen):
                name = str(font.get("/BaseFont", "/?"))[1:]
                fonts.add(name)
                if not _font_files(font):
                    missing.add(name)
        assert fonts, "no fonts: is there any text?"
        assert not missing, f"fonts not embedded: {sorted(missing)}"

        info_title = str(pdf.docinfo.get("/Title", "")).strip()
        assert info_title, "no /Title in the document info"
        with pdf.open_metadata() as meta:
            xmp_title = str(meta.get("dc:title", "")).strip()
        assert xmp_title == info_title, f"XMP dc:title {xmp_title!r} is not the /Title {info_title!r}"
        if title is not None:
            assert info_title == title, info_title

        catalog_lang = str(pdf.Root.get("/Lang", ""))
        assert catalog_lang.split("-")[0].lower() == lang, f"/Lang is {catalog_lang!r}"
        assert "/StructTreeRoot" in pdf.Root, "not tagged: no structure tree"
        assert bool(pdf.Root.get("/MarkInfo", {}).get("/Marked", False)), "not tagged: /MarkInfo /Marked is not true"
        return PdfInfo(title=info_title, lang=catalog_lang, pages=len(pdf.pages), fonts=fonts)


def pdf_text(content: bytes) -> str:
    """The text of the PDF as a reader extracts it (poppler's pdftotext; the test is skipped
    on a machine without it)."""
    import pytest

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")
