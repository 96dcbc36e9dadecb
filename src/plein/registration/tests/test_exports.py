import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from plein.organisations.tests.factories import LocationFactory
from plein.registration import services

from .factories import category, question, visit_data

pytestmark = pytest.mark.django_db


def _register(world, location, **overrides):
    return services.visit_register(acting_user=world.users["desk_worker"], **visit_data(location=location, **overrides))


def test_csv_has_one_row_per_question_in_the_national_layout_for_the_visible_scope(client, world):
    own = world.location
    own.has_ido = True
    own.save()
    other = LocationFactory(organisation=world.other_library, has_ido=True)
    _register(world, own, questions=[question(), question(topic=category("onderwerp", "toeslagen"))])
    _register(world, other)
    client.force_login(world.users["coordinator"])
    response = client.get(reverse("registration:export") + "?periode=maand&formaat=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows[0][:3] == ["datum", "vestiging", "bibliotheek"]
    assert len(rows) == 3  # header + two questions of the own library; nothing of the other library
    assert {r[2] for r in rows[1:]} == {world.library.name}
    assert {r[8] for r in rows[1:]} == {"digid", "toeslagen"}
    assert rows[1][0] == timezone.localdate().isoformat()


def test_xlsx_export_opens(client, world):
    world.location.has_ido = True
    world.location.save()
    _register(world, world.location)
    client.force_login(world.users["coordinator"])
    response = client.get(reverse("registration:export") + "?periode=maand&formaat=xlsx")
    from openpyxl import load_workbook

    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "datum" and len(rows) == 2


def test_a_scope_the_user_may_not_see_is_404(client, world):
    client.force_login(world.users["coordinator"])
    response = client.get(reverse("registration:export") + f"?bereik=bibliotheek-{world.other_library.uuid}")
    assert response.status_code == 404


def test_the_figures_themselves_export_as_csv_and_excel_with_the_previous_period(client, world):
    world.location.has_ido = True
    world.location.save()
    _register(world, world.location, questions=[question(), question(topic=category("onderwerp", "toeslagen"))])
    _register(world, world.location)
    client.force_login(world.users["coordinator"])
    url = reverse("registration:export") + "?periode=maand&inhoud=cijfers"
    response = client.get(url + "&formaat=csv")
    assert response.status_code == 200
    assert "ido-cijfers-" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["onderdeel", "code", "omschrijving", "aantal", "vorige_periode", "aandeel_procent"]
    by_key = {(r[0], r[1]): r for r in rows[1:]}
    assert by_key[("totaal", "bezoeken")][3] == "2" and by_key[("totaal", "vragen")][3] == "3"
    assert by_key[("onderwerp", "digid")][3:] == ["2", "0", "67"]
    assert by_key[("onderwerp", "toeslagen")][3] == "1"
    assert sum(int(r[3]) for r in rows[1:] if r[0] == "verloop_vragen") == 3
    assert sum(int(r[3]) for r in rows[1:] if r[0] == "verloop_bezoeken") == 2
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(b"".join(client.get(url + "&formaat=xlsx").streaming_content))).active
    assert [list(r) for r in sheet.iter_rows(values_only=True)][1][:4] == ["totaal", "bezoeken", "Bezoeken", 2]


FORMULA = '=HYPERLINK("https://voorbeeld.example","klik")'


def _rows(client, query):
    from openpyxl import load_workbook

    url = reverse("registration:export") + "?periode=maand&" + query
    body = b"".join(client.get(url + "&formaat=csv").streaming_content).decode("utf-8-sig")
    csv_rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    sheet = load_workbook(io.BytesIO(b"".join(client.get(url + "&formaat=xlsx").streaming_content))).active
    xlsx_rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    return csv_rows, xlsx_rows


def test_names_never_run_as_a_spreadsheet_formula(client, world):
    from plein.common.utils import spreadsheet_safe

    branch = LocationFactory(organisation=world.library, name=FORMULA, has_ido=True)
    topic = category("onderwerp", "toeslagen")
    topic.label = "+SUM(A1:A9)"
    topic.save()
    _register(world, branch, questions=[question(topic=topic)])
    client.force_login(world.users["coordinator"])

    # CSV: a leading apostrophe. Excel: a text cell holding exactly what was typed (no visible
    # apostrophe), never a formula.
    csv_rows, xlsx_rows = _rows(client, "")
    assert csv_rows[1][1] == "'" + FORMULA  # vestiging
    assert xlsx_rows[1][1] == FORMULA
    assert csv_rows[1][2] == xlsx_rows[1][2] == world.library.name
    csv_rows, xlsx_rows = _rows(client, "inhoud=cijfers")
    assert [r[2] for r in csv_rows if r[1] == "toeslagen"] == ["'+SUM(A1:A9)"]
    assert [r[2] for r in xlsx_rows if r[1] == "toeslagen"] == ["+SUM(A1:A9)"]
    sheet = _sheet(client, reverse("registration:export") + "?periode=maand&formaat=xlsx")
    cell = sheet["B2"]
    assert cell.value == FORMULA and cell.data_type == "s" and cell.quotePrefix
    content = b"".join(client.get(reverse("registration:export") + "?periode=maand&formaat=xlsx").streaming_content)
    assert b"<f>" not in _sheet_xml(content)
    # One helper for every export (the theme groups' sign-ups use it too).
    assert spreadsheet_safe("-1") == "'-1" and spreadsheet_safe(-1) == -1 and spreadsheet_safe("Delft") == "Delft"


def _sheet(client, url):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(b"".join(client.get(url).streaming_content))).active


def _sheet_xml(content: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def test_xlsx_has_real_dates_widths_a_frozen_header_and_a_filter(client, world):
    import datetime

    world.location.has_ido = True
    world.location.save()
    day = datetime.date(2026, 3, 2)
    _register(world, world.location, day=day)
    _register(world, world.location, day=day)
    client.force_login(world.users["coordinator"])
    url = reverse("registration:export") + "?periode=anders&van=2026-03-01&tot=2026-03-31&formaat=xlsx"
    sheet = _sheet(client, url)
    assert sheet.max_row == 3
    date_cell = sheet["A2"]
    assert date_cell.is_date and date_cell.value.date() == day and date_cell.number_format == "dd-mm-yyyy"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:M3"
    widths = {letter: dim.width for letter, dim in sheet.column_dimensions.items()}
    assert widths["A"] >= 10 and widths["C"] >= len(world.library.name)
    assert sheet["A1"].font.bold
    # The CSV keeps the ISO date.
    body = b"".join(client.get(url.replace("xlsx", "csv")).streaming_content).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(body), delimiter=";"))[1][0] == "2026-03-02"
