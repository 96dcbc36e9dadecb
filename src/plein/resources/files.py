"""What an uploaded file really is. The extension is what the person says; the bytes are what
the file is. Both must agree on one of the formats below, or the file is refused: a program
renamed to .pdf must never be handed out to other libraries as a PDF."""

import math
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Format:
    label: str  # shown to people: "PDF", "Word", ...
    content_type: str  # what the download says it is
    signatures: frozenset[str]  # what `filetype` may recognise in the first bytes
    zip_folder: str = ""  # Office files are ZIP archives with this folder inside


OFFICE_SIGNATURES = frozenset({"application/zip"})

FORMATS = {
    "pdf": Format("PDF", "application/pdf", frozenset({"application/pdf"})),
    "docx": Format(
        "Word",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        OFFICE_SIGNATURES | {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        "word/",
    ),
    "xlsx": Format(
        "Excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        OFFICE_SIGNATURES | {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        "xl/",
    ),
    "pptx": Format(
        "PowerPoint",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        OFFICE_SIGNATURES | {"application/vnd.openxmlformats-officedocument.presentationml.presentation"},
        "ppt/",
    ),
    "png": Format("PNG", "image/png", frozenset({"image/png", "image/apng"})),
    "jpg": Format("JPEG", "image/jpeg", frozenset({"image/jpeg"})),
    "jpeg": Format("JPEG", "image/jpeg", frozenset({"image/jpeg"})),
}
ACCEPT = ",".join(f".{ext}" for ext in FORMATS)  # for <input type="file" accept="...">
LABELS = {f.content_type: f.label for f in FORMATS.values()}
SIGNATURE_BYTES = 8192


@dataclass(frozen=True)
class Inspected:
    extension: str
    content_type: str
    size: int
    filename: str  # safe to put in a Content-Disposition header


def max_bytes() -> int:
    return settings.PLEIN_RESOURCE_MAX_MB * 1024 * 1024


def safe_filename(name: str, extension: str) -> str:
    """The person's own file name without folders, control characters or quotes, so it can go
    into a download header as it is; "hulpmiddel.pdf" when nothing readable is left."""
    stem = PurePath(str(name).replace("\\", "/")).name
    stem = unicodedata.normalize("NFC", stem)
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    stem = "".join(ch for ch in stem if unicodedata.category(ch)[0] not in {"C", "Z"} or ch == " ")
    stem = re.sub(r'["\\/:*?<>|;]+', "_", stem).strip(" ._")[:120]
    return f"{stem or 'hulpmiddel'}.{extension}"


def _office_folder_present(upload, folder: str) -> bool:
    # Only the central directory is read: nothing is unpacked, so a "zip bomb" does no harm.
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)


def inspect_upload(upload) -> Inspected:
    """Check the size, the extension and the bytes of an upload; raise a Dutch ValidationError
    that tells the person what to do, or return what the file is."""
    allowed = ", ".join(sorted({f.label for f in FORMATS.values()}))
    size = upload.size or 0
    if size > max_bytes():
        raise ValidationError(
            _("This file is %(size)s MB. A file can be at most %(max)s MB. Make the file smaller, or share a link.")
            % {
                "size": f"{math.ceil(size * 10 / 1024 / 1024) / 10:.1f}".replace(".", ","),
                "max": settings.PLEIN_RESOURCE_MAX_MB,
            },
            code="too_big",
        )
    if size == 0:
        raise ValidationError(_("This file is empty. Choose another file."), code="empty")
    name = str(getattr(upload, "name", "") or "")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    fmt = FORMATS.get(extension)
    if fmt is None:
        raise ValidationError(
            _("Plein accepts these kinds of file: %(allowed)s. This file is not one of them.") % {"allowed": allowed},
            code="extension",
        )
    upload.seek(0)
    head = upload.read(SIGNATURE_BYTES)
    upload.seek(0)
    guess = filetype.guess(head)
    matches = guess is not None and guess.mime in fmt.signatures
    if matches and fmt.zip_folder:
        matches = _office_folder_present(upload, fmt.zip_folder)
    if not matches:
        raise ValidationError(
            _(
                "This file is called .%(extension)s, but it is not a real %(label)s file. "
                "Open it on your computer and save it again as %(label)s, or choose another file."
            )
            % {"extension": extension, "label": fmt.label},
            code="mismatch",
        )
    return Inspected(extension, fmt.content_type, size, safe_filename(name, extension))
