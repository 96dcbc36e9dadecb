import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plein.accounts.tests.factories import UserFactory
from plein.organisations.tests.factories import LocationFactory
from plein.registration import services
from plein.registration.models import DailyCount, ImportJob, Question, Visit

from .factories import visit_data
from .test_rollups import _area_counts, _assert_rollups_exact, _rollup_counts

pytestmark = pytest.mark.django_db

HEADER = "datum;vestiging;bezoek;kanaal;duur;domein;onderwerp;organisatie;hulp;digid_vervolg;doorverwijzing"


def _csv(lines):
    return SimpleUploadedFile("oud.csv", ("\n".join([HEADER, *lines]) + "\n").encode("utf-8"), "text/csv")


def _ido(world):
    world.location.has_ido = True
    world.location.save()
    return world.location.name


def test_import_of_good_rows_creates_visits_and_rollups(client, world):
    name = _ido(world)
    good = [
        f"2024-03-04;{name};a1;inloop;10-30;digitale-overheid;digid;;praktische-hulp;geactiveerd;",
        f"2024-03-04;{name};a1;inloop;10-30;digitale-overheid;toeslagen;toeslagen;doorverwijzing;;digisterker",
        f"2024-03-05;{name};a2;telefoon;tot-10;bibliotheek;apparaat;;informatie;;",
    ]
    client.force_login(world.users["coordinator"])
    response = client.post(reverse("registration:import"), {"file": _csv(good)})
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert response.url == reverse("registration:import_job", kwargs={"job": job.uuid})
    assert Visit.objects.count() == 2 and Question.objects.count() == 3
    assert DailyCount.objects.get(metric="bezoeken", day="2024-03-04").value == 1
    html = client.get(response.url).content.decode()
    assert "Geïmporteerd: 2 bezoeken met 3 vragen." in html
    assert not job.file  # the uploaded file is not kept
    # The same file again adds nothing.
    html = client.post(reverse("registration:import"), {"file": _csv(good)}, follow=True).content.decode()
    assert Visit.objects.count() == 2
    assert "Geïmporteerd: 0 bezoeken met 0 vragen." in html and "2 bezoeken waren al eerder" in html


def test_one_bad_row_among_many_imports_nothing_and_names_every_bad_row(client, world):
    name = _ido(world)
    rows = [
        f"2024-01-{(i % 28) + 1:02d};{name};v{i};inloop;10-30;digitale-overheid;digid;;informatie;;"
        for i in range(3000)
    ]
    rows[1234] = f"2024-13-01;{name};x;inloop;10-30;digitale-overheid;digid;;informatie;;"
    rows[2500] = "2024-02-01;Onbekende vestiging;y;fiets;10-30;digitale-overheid;digid;;informatie;;"
    client.force_login(world.users["coordinator"])
    html = client.post(reverse("registration:import"), {"file": _csv(rows)}, follow=True).content.decode()
    assert "Er is niets geïmporteerd: 2 regels moeten worden verbeterd." in html
    assert ">1236<" in html and "geen datum" in html  # header is line 1, so row index 1234 is line 1236
    assert ">2502<" in html and "niet een van uw IDO-vestigingen" in html and "‘fiets’ is geen bekende waarde" in html
    assert not Visit.objects.exists() and not DailyCount.objects.exists()


def test_missing_columns_and_wrong_file_type_are_explained(client, world):
    client.force_login(world.users["coordinator"])
    bad = SimpleUploadedFile("oud.csv", b"datum;vestiging\n2024-01-01;x\n", "text/csv")
    html = client.post(reverse("registration:import"), {"file": bad}).content.decode()
    assert "Deze kolommen ontbreken" in html
    html = client.post(
        reverse("registration:import"), {"file": SimpleUploadedFile("oud.pdf", b"%PDF", "application/pdf")}
    ).content.decode()
    assert "Kies een .csv- of .xlsx-bestand." in html


def test_someone_elses_idempotency_key_stores_nothing_and_reveals_nothing(world):
    other_location = LocationFactory(organisation=world.other_library, has_ido=True)
    other_worker = UserFactory(desk_worker=True, organisation=world.other_library)
    data = visit_data(location=other_location)
    services.visit_register(acting_user=other_worker, **data)
    _ido(world)
    with pytest.raises(ValidationError) as exc:
        services.visit_register(
            acting_user=world.users["desk_worker"],
            **{**visit_data(location=world.location), "idempotency_key": data["idempotency_key"]},
        )
    assert "idempotency_key" in exc.value.message_dict
    assert Visit.objects.count() == 1


def test_absurd_dates_on_the_figures_page_get_a_message(client, world):
    client.force_login(world.users["coordinator"])
    for query in [
        "periode=maand&datum=9999-12-31",
        "periode=jaar&datum=0001-01-01",
        "periode=anders&van=0001-01-01&tot=0001-01-05",
    ]:
        response = client.get(reverse("registration:figures") + "?" + query)
        assert response.status_code == 200, query
        assert "Kies een datum tussen 1 januari 2000" in response.content.decode()


def test_an_administrator_names_the_library_when_branch_names_repeat(client, world):
    from plein.organisations.tests.factories import OrganisationFactory

    third = OrganisationFactory(name="Bibliotheek Derde")
    own = LocationFactory(organisation=world.library, name="Centrum", has_ido=True)
    other = LocationFactory(organisation=third, name="centrum", has_ido=True)
    header = HEADER.replace("vestiging;", "vestiging;bibliotheek;")
    rows = [
        f"2024-03-04;Centrum;{world.library.name};a1;inloop;10-30;digitale-overheid;digid;;informatie;;",
        f"2024-03-04;Centrum;{third.name.upper()};a1;inloop;10-30;digitale-overheid;digid;;informatie;;",
        "2024-03-05;Centrum;;a2;inloop;10-30;digitale-overheid;digid;;informatie;;",
        f"2024-03-05;Centrum;{world.other_library.name};a3;inloop;10-30;digitale-overheid;digid;;informatie;;",
    ]
    upload = SimpleUploadedFile("oud.csv", ("\n".join([header, *rows]) + "\n").encode(), "text/csv")
    client.force_login(world.users["administrator"])
    html = client.post(reverse("registration:import"), {"file": upload}, follow=True).content.decode()
    assert "Er is niets geïmporteerd: 2 regels moeten worden verbeterd." in html
    assert ">4<" in html and "meer IDO-vestigingen met de naam ‘Centrum’" in html and "‘bibliotheek’" in html
    assert ">5<" in html and f"vestiging ‘Centrum’ van ‘{world.other_library.name}’" in html
    assert not Visit.objects.exists()

    upload = SimpleUploadedFile("oud.csv", ("\n".join([header, *rows[:2]]) + "\n").encode(), "text/csv")
    assert client.post(reverse("registration:import"), {"file": upload}).status_code == 302
    assert Visit.objects.filter(location=own).count() == 1 and Visit.objects.filter(location=other).count() == 1


def test_an_exported_branch_name_that_looked_like_a_formula_imports_again(client, world):
    world.location.name = "=Centrum"
    world.location.save()
    rows = ["2024-03-04;'=Centrum;a1;inloop;10-30;digitale-overheid;digid;;informatie;;"]
    client.force_login(world.users["coordinator"])
    assert client.post(reverse("registration:import"), {"file": _csv(rows)}).status_code == 302
    assert Visit.objects.filter(location=world.location).count() == 1


# --- issue 10: the import in the background, streaming, in bulk -------------------------


def _rows(name, n, *, start=0, days=28):
    return [
        f"2024-01-{(i % days) + 1:02d};{name};v{i};inloop;10-30;digitale-overheid;digid;;informatie;;"
        for i in range(start, start + n)
    ]


def _xlsx(data_rows, *, dimension=True):
    """An Excel file with the export's header and `data_rows` rows of one number each, written
    as raw XML (openpyxl would take minutes for 400,000 rows): about 1 MB for 400,000 rows."""
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["x"])
    plain = io.BytesIO()
    book.save(plain)
    columns = HEADER.split(";")
    header = "".join(f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{c}</t></is></c>' for i, c in enumerate(columns))
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(2, data_rows + 2))
    size = f'<dimension ref="A1:K{data_rows + 1}"/>' if dimension else '<dimension ref="A1"/>'
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'{size}<sheetData><row r="1">{header}</row>{rows}</sheetData></worksheet>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = sheet.encode() if item.filename == "xl/worksheets/sheet1.xml" else source.read(item)
            target.writestr(item.filename, data)
    return out.getvalue()


def test_a_big_excel_file_is_refused_from_its_size_before_its_rows_are_read(client, world):
    """A 1 MB .xlsx with 400,000 rows kept a worker busy 23 s: now the dimension the file
    declares refuses it in the request, before a single row is read."""
    import time

    content = _xlsx(400_000)
    assert len(content) < 4_000_000  # a few MB
    client.force_login(world.users["coordinator"])
    started = time.perf_counter()
    html = client.post(
        reverse("registration:import"), {"file": SimpleUploadedFile("groot.xlsx", content)}
    ).content.decode()
    assert time.perf_counter() - started < 5
    assert "Het bestand heeft meer dan 200.000 regels. Splits het op." in html
    assert not ImportJob.objects.exists() and not Visit.objects.exists()


def test_an_excel_file_that_hides_its_size_is_read_no_further_than_the_limit(client, world, monkeypatch):
    from plein.registration import imports

    monkeypatch.setattr(imports, "MAX_ROWS", 100)
    cells = []
    original = imports._cell
    monkeypatch.setattr(imports, "_cell", lambda v: cells.append(v) or original(v))
    client.force_login(world.users["coordinator"])
    upload = SimpleUploadedFile("verstopt.xlsx", _xlsx(5_000, dimension=False))
    html = client.post(reverse("registration:import"), {"file": upload}, follow=True).content.decode()
    assert "Het bestand heeft meer dan 100 regels. Splits het op." in html
    assert len(cells) < 200  # row 101 is the last one read, of 5,000
    assert ImportJob.objects.get().status == "mislukt" and not Visit.objects.exists()


def test_a_csv_file_is_read_as_a_stream_and_no_further_than_the_limit(monkeypatch):
    from plein.registration import imports

    monkeypatch.setattr(imports, "MAX_ROWS", 100)
    data = ("\n".join([HEADER, *_rows("Centrum", 20_000)]) + "\n").encode()
    stream = io.BytesIO(data)
    rows = imports.Rows(stream, "oud.csv")
    assert rows.header[:3] == ["datum", "vestiging", "bezoek"]
    read = []
    with pytest.raises(imports.FileProblem, match="meer dan 100 regels"):
        for line, _values in rows:
            read.append(line)
    assert read[-1] == 101  # line 1 is the header
    assert stream.tell() < len(data) / 10  # the rest of the file was never read


def test_a_file_with_many_bad_rows_shows_the_first_and_offers_all_as_a_csv_file(client, world):
    name = _ido(world)
    rows = [f"2024-02-30;{name};v{i};fiets;10-30;digitale-overheid;digid;;informatie;;" for i in range(500)]
    client.force_login(world.users["coordinator"])
    response = client.post(reverse("registration:import"), {"file": _csv(rows)}, follow=True)
    html = response.content.decode()
    assert "Er is niets geïmporteerd: 500 regels moeten worden verbeterd." in html
    assert "Regels om te verbeteren (de eerste 20)" in html
    assert html.count('scope="row"') == 20  # not 500 rows on the page
    job = ImportJob.objects.get()
    download = reverse("registration:import_errors", kwargs={"job": job.uuid})
    assert f'href="{download}"' in html and "Alle 500 regels om te verbeteren downloaden (CSV)" in html
    response = client.get(download)
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == "regel;wat is er fout" and len(lines) == 501
    assert lines[1].startswith("2;") and lines[-1].startswith("501;") and "‘fiets’ is geen bekende waarde" in lines[1]
    assert not Visit.objects.exists() and not DailyCount.objects.exists()
    # Someone else cannot read the list.
    client.force_login(world.users["administrator"])
    assert client.get(download).status_code == 200
    other = UserFactory(role="coordinator", organisation=world.library)
    client.force_login(other)
    assert client.get(download).status_code == 404


def test_the_rollups_change_by_one_upsert_per_key_whatever_the_number_of_rows(world):
    """The rollup changes are summed per rollup row first: 40 and 1,000 rows on the same days,
    branch and options write the same number of upsert rows and statements (before: one
    upsert statement set per visit, growing with the file)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from plein.registration import imports

    name = _ido(world)
    upserts = []
    for n, start in ((40, 0), (1_000, 100)):
        with CaptureQueriesContext(connection) as queries:
            job = imports.start_import(
                uploaded=_csv(_rows(name, n, start=start, days=4)), acting_user=world.users["coordinator"]
            )
        assert job.status == "klaar" and job.visits == n
        upserts.append([q["sql"].count("), (") for q in queries.captured_queries if "ON CONFLICT" in q["sql"]])
    assert upserts[0] == upserts[1]
    _assert_rollups_exact()


def test_an_import_keeps_every_rollup_exact_and_equal_to_a_rebuild(world):
    from plein.registration import imports
    from plein.registration.rollups import rebuild_rollups

    name = _ido(world)
    worker = world.users["desk_worker"]
    for _n in range(3):
        services.visit_register(acting_user=worker, **visit_data(location=world.location))
    header = HEADER
    rows = [
        f"2024-0{1 + i % 3}-{1 + i % 27:02d};{name};v{i // 2};{('inloop', 'telefoon')[i % 2]};10-30;"
        f"digitale-overheid;{('digid', 'toeslagen')[i % 2]};{('', 'toeslagen')[i % 2]};informatie;;"
        for i in range(300)
    ]
    upload = SimpleUploadedFile("oud.csv", ("\n".join([header, *rows]) + "\n").encode(), "text/csv")
    job = imports.start_import(uploaded=upload, acting_user=world.users["coordinator"])
    assert job.status == "klaar" and job.questions == 300
    _assert_rollups_exact()
    before = (_rollup_counts(), _area_counts())
    rebuild_rollups()
    assert (_rollup_counts(), _area_counts()) == before


def test_a_failing_import_leaves_nothing_and_its_rows_count_nowhere_while_it_runs(world, monkeypatch):
    from plein.registration import imports
    from plein.registration.exports import question_rows
    from plein.registration.rollups import rebuild_rollups
    from plein.registration.selectors import Period, scope_choices

    name = _ido(world)
    monkeypatch.setattr(imports, "CHUNK_ROWS", 50)
    monkeypatch.setattr(imports, "PG_CHUNK_ROWS", 50)
    seen = {}

    def publish(job, written):
        # Written in chunks, but not visible: no rollup, no export, not counted by a rebuild.
        seen["pending"] = Visit.objects.filter(import_job=job, pending=True).count()
        rebuild_rollups()
        seen["rollups"] = DailyCount.objects.count()
        scope = scope_choices(user=world.users["coordinator"]).default
        import datetime

        period = Period(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
        seen["exported"] = len(list(question_rows(scope=scope, period=period)))
        raise RuntimeError("the worker stopped")

    monkeypatch.setattr(imports, "publish", publish)
    job = imports.start_import(uploaded=_csv(_rows(name, 300)), acting_user=world.users["coordinator"])
    assert seen == {"pending": 300, "rollups": 0, "exported": 0}
    assert job.status == "mislukt" and "gestopt door een fout" in job.problem
    assert not Visit.objects.exists() and not Question.objects.exists() and not DailyCount.objects.exists()


def test_a_desk_key_equal_to_an_import_key_does_not_collide(client, world):
    """Desk (and API) keys and import keys live apart. Before, the import stored its visits
    under "import:<branch>:<day>:<visit>" among the desk's keys: a desk that sent that key
    first made the import skip (or refuse) the visit."""
    from plein.registration import imports

    name = _ido(world)
    coordinator = world.users["coordinator"]
    day = __import__("datetime").date(2024, 3, 4)
    for key in (f"import:{world.location.pk}:2024-03-04:a1", imports.import_key(world.location.pk, day, "a1")):
        services.visit_register(
            acting_user=coordinator, **{**visit_data(location=world.location), "idempotency_key": key}
        )
    good = [f"2024-03-04;{name};a1;inloop;10-30;digitale-overheid;digid;;praktische-hulp;;"]
    client.force_login(coordinator)
    client.post(reverse("registration:import"), {"file": _csv(good)})
    job = ImportJob.objects.get()
    assert job.status == "klaar" and job.visits == 1
    assert Visit.objects.filter(origin="import", day=day).count() == 1
    assert Visit.objects.count() == 3
    # And the other way round: a desk key equal to an imported visit's key is a new desk visit.
    _visit, created = services.visit_register(
        acting_user=coordinator,
        **{**visit_data(location=world.location), "idempotency_key": imports.import_key(world.location.pk, day, "a1")},
    )
    assert created is False  # the desk's own earlier visit with that key, not the imported one
    assert Visit.objects.count() == 3


def test_the_import_page_shows_progress_and_a_status_url_while_it_runs(client, world):
    from plein.registration.models import ImportJob as Job

    job = Job.objects.create(
        created_by=world.users["coordinator"],
        filename="oud.csv",
        status="bezig",
        phase="schrijven",
        rows_total=200_000,
        rows_written=42_000,
        rows_checked=200_000,
    )
    client.force_login(world.users["coordinator"])
    html = client.get(reverse("registration:import_job", kwargs={"job": job.uuid})).content.decode()
    status_url = reverse("registration:import_status", kwargs={"job": job.uuid})
    assert f'data-status-url="{status_url}"' in html and "registration-import.js" in html
    assert "Opslaan: regel 42.000 van 200.000." in html and 'value="21000"' in html
    assert "Opnieuw kijken" in html  # without script
    data = client.get(status_url).json()
    assert data["status"] == "bezig" and data["finished"] is False and data["rows_written"] == 42_000
    assert data["progress"] == "Opslaan: regel 42.000 van 200.000."


def test_an_import_that_fails_while_adding_to_the_figures_is_withdrawn_with_its_rollups(world, monkeypatch):
    """On SQLite the import reaches the figures in ranges of days; when a later range fails,
    the ranges already added leave the figures again: nothing stays, the rollups are exact."""
    from plein.registration import imports

    name = _ido(world)
    services.visit_register(acting_user=world.users["desk_worker"], **visit_data(location=world.location))
    before = (_rollup_counts(), _area_counts())
    monkeypatch.setattr(imports, "PUBLISH_ROWS", 20)
    monkeypatch.setattr(imports, "PG_PUBLISH_ROWS", 20)
    calls = []
    original = imports.apply_deltas

    def failing(deltas, areas=None):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return original(deltas, areas)

    monkeypatch.setattr(imports, "apply_deltas", failing)
    job = imports.start_import(uploaded=_csv(_rows(name, 200)), acting_user=world.users["coordinator"])
    assert job.status == "mislukt" and len(calls) > 3  # two ranges added, then withdrawn
    assert Visit.objects.count() == 1 and Question.objects.count() == 1
    assert (_rollup_counts(), _area_counts()) == before
    _assert_rollups_exact()


def test_an_import_whose_worker_stopped_is_withdrawn_before_the_next_one(world):
    import datetime

    from django.utils import timezone

    from plein.registration import imports

    name = _ido(world)
    job = imports.start_import(uploaded=_csv(_rows(name, 30)), acting_user=world.users["coordinator"])
    # As if the worker stopped half-way: running, no progress for an hour, visits left behind.
    ImportJob.objects.filter(pk=job.pk).update(status="bezig", updated_at=timezone.now() - datetime.timedelta(hours=1))
    pending = list(Visit.objects.filter(import_job=job).order_by("pk").values_list("pk", flat=True)[:10])
    Visit.objects.filter(pk__in=pending).update(pending=True)
    from plein.registration.rollups import rebuild_rollups

    rebuild_rollups()  # the rollups of the 20 published visits, as publishing left them
    assert imports.recover_stale_imports() == 1
    assert not Visit.objects.exists() and not _rollup_counts()  # rows left hold 0
    assert ImportJob.objects.get(pk=job.pk).status == "mislukt"
    _assert_rollups_exact()


def test_a_range_of_rollup_changes_is_one_upsert_statement_per_table_on_postgresql(world):
    """An import adds tens of thousands of rollup rows per range of days. On PostgreSQL they go
    in as one `unnest` statement per table (before: one statement per 1,000 rows, each with a
    VALUES list of thousands of parameters: most of the 150 s the import spent adding to the
    figures). SQLite keeps statements of UPSERT_BATCH rows (its limit on parameters)."""
    import datetime
    from collections import Counter

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from plein.registration.rollups import apply_deltas

    first = datetime.date(2020, 1, 1)
    deltas = Counter(
        {(first + datetime.timedelta(days=i), world.location.pk, "bezoeken", None): 2 for i in range(2_500)}
    )
    for _n in range(2):  # the second time every row exists already: added to
        with CaptureQueriesContext(connection) as queries:
            apply_deltas(deltas)
        daily = [q for q in queries.captured_queries if "ON CONFLICT" in q["sql"] and "dailycount" in q["sql"]]
        assert len(daily) == (1 if connection.vendor == "postgresql" else 3)
    assert set(DailyCount.objects.values_list("value", flat=True)) == {4}
    assert DailyCount.objects.count() == 2_500
