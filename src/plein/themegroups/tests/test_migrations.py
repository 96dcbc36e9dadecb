"""Data steps of the theme-group migrations: 0003 (replies that no one of the library ever gave
are set back to "no answer"; real replies, written by the library's own staff, stay) and 0005
(the links from actions to meeting action items move into theme groups)."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def _targets(themegroups_migration, **apps_at):
    """Theme groups at the given migration (and other apps where given), every other app at the
    newest migration that does not need a later one of those (actions 0004 needs themegroups
    0005, say), so the plan goes one way only."""
    graph = MigrationExecutor(connection).loader.graph
    fixed = {"themegroups": themegroups_migration, **apps_at}
    allowed = {node for app, name in fixed.items() for node in graph.forwards_plan((app, name))}

    def fits(node):
        return all(dep[0] not in fixed or dep in allowed for dep in graph.forwards_plan(node))

    targets = list(fixed.items())
    for app, name in graph.leaf_nodes():
        if app in fixed:
            continue
        node = (app, name)
        while node is not None and not fits(node):
            parents = [p for p in graph.node_map[node].parents if p[0] == app]
            node = parents[0].key if parents else None
        targets.append(node or (app, None))
    return targets


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


@pytest.mark.django_db(transaction=True)
def test_links_from_actions_to_meeting_items_are_copied_into_theme_groups(back_to_latest):
    apps = _migrate(_targets("0004_action_item_owner", actions="0003_more_origins"))
    Organisation = apps.get_model("organisations", "Organisation")
    ProgrammeYear = apps.get_model("themegroups", "ProgrammeYear")
    ThemeGroup = apps.get_model("themegroups", "ThemeGroup")
    Meeting = apps.get_model("themegroups", "Meeting")
    MeetingActionItem = apps.get_model("themegroups", "MeetingActionItem")
    Action = apps.get_model("actions", "Action")

    poi = Organisation.objects.create(name="POI", type="poi")
    first, second = (Organisation.objects.create(name=n, type="bibliotheek") for n in "AB")
    year = ProgrammeYear.objects.create(
        poi=poi, year=2026, signup_opens=datetime.date(2025, 9, 1), signup_closes=datetime.date(2025, 10, 1)
    )
    group = ThemeGroup.objects.create(programme_year=year, name="G")
    start = datetime.datetime(2026, 3, 1, 10, tzinfo=datetime.UTC)
    meeting = Meeting.objects.create(
        group=group, title="M", kind="online", starts_at=start, ends_at=start + datetime.timedelta(hours=1)
    )
    item = MeetingActionItem.objects.create(meeting=meeting, title="Folder")
    from_meeting = [
        Action.objects.create(library=lib, title="Folder", origin="bijeenkomst", meeting_action_item=item)
        for lib in (first, second)
    ]
    own = Action.objects.create(library=first, title="Eigen idee")

    apps = _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    MeetingActionLink = apps.get_model("themegroups", "MeetingActionLink")
    Action = apps.get_model("actions", "Action")
    links = {(link.action_id, link.item_id, link.library_id) for link in MeetingActionLink.objects.all()}
    assert links == {(a.pk, item.pk, a.library_id) for a in from_meeting}
    assert "meeting_action_item" not in {f.name for f in Action._meta.get_fields()}
    assert Action.objects.filter(pk=own.pk, meeting_link__isnull=True).exists()
