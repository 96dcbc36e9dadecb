"""Factories and small, real files of every accepted kind (built here, so the tests need no
binary fixtures in the repository)."""

import io
import struct
import zipfile
import zlib

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from plein.resources.choices import ResourceKind
from plein.resources.models import Resource, ResourceTopic


def pdf_bytes(text: str = "Hulpmiddel") -> bytes:
    """A valid one-page PDF with a correct cross-reference table."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _office_bytes(folder: str, part: str, content_type: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/{folder}{part}" ContentType="{content_type}"/>'
            "</Types>",
        )
        archive.writestr(f"{folder}{part}", '<?xml version="1.0" encoding="UTF-8"?><document/>')
    return buffer.getvalue()


def docx_bytes() -> bytes:
    return _office_bytes(
        "word/", "document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    )


def xlsx_bytes() -> bytes:
    return _office_bytes(
        "xl/", "workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    )


def pptx_bytes() -> bytes:
    return _office_bytes(
        "ppt/", "presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
    )


def png_bytes() -> bytes:
    """A real 1×1 pixel PNG."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x1f\x6e\x7a")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def exe_bytes() -> bytes:
    """The start of a Windows program (MZ header), as an .exe renamed to .pdf would have."""
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program" * 20


def upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    # The browser's content type is deliberately not trusted by Plein; tests send a generic one.
    return SimpleUploadedFile(name, data, content_type=content_type)


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Hulpmiddel {n}")
    description = "Een werkblad om met collega's te gebruiken."
    kind = ResourceKind.FILE
    file = factory.django.FileField(filename="werkblad.pdf", data=pdf_bytes())
    original_filename = "werkblad.pdf"
    content_type = "application/pdf"
    size = factory.LazyFunction(lambda: len(pdf_bytes()))

    class Params:
        link = factory.Trait(
            kind=ResourceKind.LINK,
            file="",
            url="https://www.example.nl/hulpmiddel",
            original_filename="",
            content_type="",
            size=None,
        )
        placeholder = factory.Trait(is_placeholder=True, file="", original_filename="", content_type="", size=None)

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.groups.set(extracted)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            for topic in extracted:
                ResourceTopic.objects.create(resource=obj, topic=topic)


def stored_files(root) -> list[str]:
    """Every file under MEDIA_ROOT, relative to it."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
