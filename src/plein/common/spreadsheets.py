"""CSV and Excel downloads, for every export in Plein.

Both take the rows as an iterable and never hold them all: CSV is streamed as it is written,
Excel is written row by row to a temporary file on disk. Text that people typed never runs as a
formula: in CSV it goes through `spreadsheet_safe` (a leading apostrophe), in Excel it is stored
as a text cell, which Excel shows as typed. Rows may hold dates and (naive, local) date-times:
CSV writes them as 2026-03-02 and 2026-03-02 09:30, Excel as real dates."""

import csv
import datetime
import itertools
import tempfile

from django.http import FileResponse, StreamingHttpResponse

from .utils import FORMULA_STARTS, spreadsheet_safe

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
        yield writer.writerow([_csv_value(value) for value in row])


def _csv_value(value):
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return spreadsheet_safe(value)


def csv_response(header, rows, filename) -> StreamingHttpResponse:
    """A CSV download (semicolons, UTF-8 with BOM), streamed."""
    response = StreamingHttpResponse(_csv_lines([str(h) for h in header], rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


DATE_FORMAT = "dd-mm-yyyy"
DATETIME_FORMAT = "dd-mm-yyyy hh:mm"
WIDTH_SAMPLE = 200  # rows read ahead to size the columns
MIN_WIDTH, MAX_WIDTH = 8, 60


def _width(value) -> int:
    if isinstance(value, datetime.datetime):
        return 16
    if isinstance(value, datetime.date):
        return 10
    return max((len(line) for line in str("" if value is None else value).splitlines()), default=0)


def _cell(sheet, value):
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, datetime.datetime):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        # Text, not a formula: openpyxl would store "=..." as one. quotePrefix keeps it text
        # when someone edits the cell in Excel or LibreOffice.
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell
    return value


def xlsx_response(header, rows, filename, title) -> FileResponse:
    """An Excel download with one sheet: a bold, frozen header row with a filter, columns as wide
    as their first rows need, dates as dates, and text that looks like a formula kept as text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header = [str(h) for h in header]
    rows = iter(rows)
    first = list(itertools.islice(rows, WIDTH_SAMPLE))
    workbook = Workbook(write_only=True)  # rows go to disk as they come, not into memory
    sheet = workbook.create_sheet(title=str(title)[:31])
    for index, label in enumerate(header, start=1):
        width = max([_width(label)] + [_width(row[index - 1]) for row in first if len(row) >= index])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for label in header:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    for row in itertools.chain(first, rows):
        sheet.append([_cell(sheet, value) for value in row])
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(header), 1))}{count + 1}"
    spool = tempfile.TemporaryFile()
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX_TYPE)
