"""Every PDF Plein makes: one HTML template, Plein's print style sheet, WeasyPrint as PDF/UA-1
(tagged, with a title and a language, fonts embedded; see `core/tests/pdf.py` for the checks).

    pdf = render_pdf("guide/plan_pdf.html", {"plan": plan})
    return pdf_response(pdf, filename="projectplan.pdf")
"""

import unicodedata
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

PRINT_CSS = "plein/print.css"


def render_pdf(template_name: str, context: dict, *, request=None, stylesheets=(), base_url=None) -> bytes:
    """The template rendered to a PDF. `stylesheets` are static paths added after Plein's
    print style sheet (e.g. "plein/emb-print.css"); `base_url` resolves relative links and
    images (default: the project folder)."""
    from django.contrib.staticfiles import finders
    from weasyprint import CSS, HTML  # imported here: slow to load, needed only for a PDF

    html = render_to_string(template_name, context, request=request)
    css = [CSS(filename=finders.find(path)) for path in (PRINT_CSS, *stylesheets)]
    base_url = str(base_url if base_url is not None else settings.DJANGO_PROJECT_DIR)
    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=css, pdf_variant="pdf/ua-1")


def ascii_filename(filename: str) -> str:
    """The name for browsers that read only `filename=`: accents dropped, anything that is not
    plain printable ASCII (or would break the header) replaced by "-"."""
    plain = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    safe = "".join(ch if ch.isprintable() and ch not in '"\\;/' else "-" for ch in plain).strip()
    stem, dot, extension = safe.rpartition(".") if "." in safe else (safe, "", "")
    if not stem.strip(" .-"):  # nothing left of the name itself (e.g. all Chinese)
        return f"document.{extension}" if dot else "document"
    return safe


def content_disposition(filename: str, *, inline: bool = False) -> str:
    """`attachment; filename="..."; filename*=UTF-8''...` (RFC 6266 / RFC 5987): the plain
    name for old clients, the exact name for the rest."""
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{ascii_filename(filename)}\"; filename*=UTF-8''{quote(filename, safe='')}"


def pdf_response(pdf: bytes, *, filename: str, inline: bool = False, private: bool = True) -> HttpResponse:
    """A PDF as a download (or shown in the browser with `inline=True`). A private PDF is never
    kept by the browser or a proxy (`Cache-Control: private, no-store`, as every page for a
    logged-in person); pass `private=False` for a PDF anyone may see."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(filename, inline=inline)
    if private:
        patch_cache_control(response, private=True, no_store=True)
    return response
