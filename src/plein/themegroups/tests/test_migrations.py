"""The data step of 0003: replies that no one of the library ever gave are set back to "no
answer"; real replies (written by the library's own staff, as the history shows) stay."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def _targets(themegroups_migration):
    """Every app at its latest migration, theme groups at the given one."""
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    return [leaf for leaf in leaves if leaf[0] != "themegroups"] + [("themegroups", themegroups_migration)]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_latest():
    yield
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())  # also when the test failed


@pytest.mark.django_db(transaction=True)
def test_presence_confirmed_without_a_reply_becomes_no_answer(back_to_latest):
    apps = _migrate(_targets("0002_agenda_duration_label"))
    Organisation = apps.get_model("organisations", "Organisation")
    User = apps.get_model("accounts", "User")
    ProgrammeYear = apps.get_model("themegroups", "ProgrammeYear")
    ThemeGroup = apps.get_model("themegroups", "ThemeGroup")
    Meeting = apps.get_model("themegroups", "Meeting")
    Attendance = apps.get_model("themegroups", "Attendance")
    LogEntry = apps.get_model("auditlog", "LogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")

    poi = Organisation.objects.create(name="POI", type="poi")
    silent, declined, coming = (Organisation.objects.create(name=n, type="bibliotheek") for n in "ABC")
    staff = User.objects.create(email="b@b.example", organisation=declined, role="coordinator")
    year = ProgrammeYear.objects.create(
        poi=poi, year=2026, signup_opens=datetime.date(2025, 9, 1), signup_closes=datetime.date(2025, 10, 1)
    )
    group = ThemeGroup.objects.create(programme_year=year, name="G")
    start = datetime.datetime(2026, 3, 1, 10, tzinfo=datetime.UTC)
    meeting = Meeting.objects.create(
        group=group, title="M", kind="online", starts_at=start, ends_at=start + datetime.timedelta(hours=1)
    )
    # The old confirm step created rows with registered=False for a library that never answered.
    never = Attendance.objects.create(meeting=meeting, library=silent, registered=False, attended=True)
    said_no = Attendance.objects.create(meeting=meeting, library=declined, registered=False, attended=True)
    said_yes = Attendance.objects.create(meeting=meeting, library=coming, registered=True, attended=False)
    content_type, _ = ContentType.objects.get_or_create(app_label="themegroups", model="attendance")
    LogEntry.objects.create(
        content_type=content_type,
        object_pk=str(said_no.pk),
        object_repr="x",
        action=0,
        actor=staff,
        changes={"registered": ["None", "False"]},
    )

    apps = _migrate(_targets("0003_attendance_reply_separate_from_presence"))
    Attendance = apps.get_model("themegroups", "Attendance")
    rows = {a.pk: (a.registered, a.attended) for a in Attendance.objects.all()}
    assert rows == {never.pk: (None, True), said_no.pk: (False, True), said_yes.pk: (True, False)}
