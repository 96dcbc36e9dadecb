"""CSV and Excel downloads, for every export in Plein.

Both take the rows as an iterable and never hold them all: CSV is streamed as it is written,
Excel is written row by row to a temporary file on disk. Every cell goes through
`spreadsheet_safe`, so text that people typed never runs as a formula."""

import csv
import tempfile

from django.http import FileResponse, StreamingHttpResponse

from .utils import spreadsheet_row

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Echo:
    """A file for csv.writer that hands back what it is given, so each row can be streamed."""

    def write(self, value):
        return value


def _csv_lines(header, rows):
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff"  # so Excel reads the file as UTF-8
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow(spreadsheet_row(row))


def csv_response(header, rows, filename) -> StreamingHttpResponse:
    """A CSV download (semicolons, UTF-8 with BOM), streamed."""
    response = StreamingHttpResponse(_csv_lines([str(h) for h in header], rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(header, rows, filename, title) -> FileResponse:
    """An Excel download with one sheet."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)  # rows go to disk as they come, not into memory
    sheet = workbook.create_sheet(title=str(title))
    sheet.append([str(h) for h in header])
    for row in rows:
        sheet.append(spreadsheet_row(row))
    spool = tempfile.TemporaryFile()
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX_TYPE)
