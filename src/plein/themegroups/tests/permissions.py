"""Permission matrix rows for theme groups (see site/tests/test_permission_matrix.py).

world.library (coordinator, desk worker) is a member of world.group only; world.other_library
of world.other_group only; the facilitator's POI runs both groups."""

from plein.site.tests.matrix import EVERYONE, FORBIDDEN, LOGGED_IN, LOGIN, NOT_FOUND, OK, REDIRECT, row

from .factories import EnrollmentFactory, MeetingFactory, RetrospectiveFactory


def _meeting(w, other=False):
    return {"uuid": MeetingFactory(group=w.other_group if other else w.group).uuid}


def _started_meeting(w, other=False):
    """Who was there and the minutes open once a meeting has begun (before that: a redirect)."""
    import datetime

    from django.utils import timezone

    start = timezone.now() - datetime.timedelta(hours=1)
    group = w.other_group if other else w.group
    return {"uuid": MeetingFactory(group=group, starts_at=start, ends_at=start + datetime.timedelta(hours=2)).uuid}


def _enrollment(w):
    return {"uuid": EnrollmentFactory(group=w.group).uuid, "action": "plaatsen"}


def _token(w, group=None):
    from plein.themegroups.services import calendar_token_for

    kwargs = {"token": calendar_token_for(w.users["coordinator"]).token}
    if group is not None:
        kwargs["group_uuid"] = group.uuid
    return kwargs


def _retrospective(w, published):
    return {"uuid": RetrospectiveFactory(group=w.group, status="gepubliceerd" if published else "concept").uuid}


GROUP_MEMBERS = row(LOGIN, OK, OK, OK, OK, NOT_FOUND)
OUTSIDERS = row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND)
GROUP_MANAGERS = row(LOGIN, OK, OK, FORBIDDEN, FORBIDDEN, NOT_FOUND)
PROGRAMME_MANAGERS = row(LOGIN, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)

MATRIX = [
    ("themegroups:list", "", lambda w: {}, LOGGED_IN),
    # The world's administrator belongs to a library, not a POI: no year of their own to add.
    ("themegroups:year_create", "", lambda w: {}, row(LOGIN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
    ("themegroups:group_create", "", lambda w: {"year_uuid": w.year.uuid}, PROGRAMME_MANAGERS),
    ("themegroups:enrollments_export", "", lambda w: {"year_uuid": w.year.uuid}, PROGRAMME_MANAGERS),
    ("themegroups:group_detail", "own group", lambda w: {"uuid": w.group.uuid}, GROUP_MEMBERS),
    ("themegroups:group_detail", "other group", lambda w: {"uuid": w.other_group.uuid}, OUTSIDERS),
    ("themegroups:group_update", "", lambda w: {"uuid": w.group.uuid}, GROUP_MANAGERS),
    ("themegroups:enrollments", "", lambda w: {"uuid": w.group.uuid}, GROUP_MANAGERS),
    ("themegroups:group_history", "", lambda w: {"uuid": w.group.uuid}, GROUP_MANAGERS),
    ("themegroups:meeting_create", "", lambda w: {"uuid": w.group.uuid}, GROUP_MANAGERS),
    ("themegroups:retrospective", "", lambda w: {"uuid": w.group.uuid}, GROUP_MANAGERS),
    (
        "themegroups:retrospective_pdf",
        "",
        lambda w: {"uuid": RetrospectiveFactory(group=w.group).group.uuid},
        GROUP_MANAGERS,
    ),
    (
        "themegroups:enrollment_action",
        "GET",
        _enrollment,
        row(LOGIN, REDIRECT, REDIRECT, FORBIDDEN, FORBIDDEN, NOT_FOUND),
    ),
    ("themegroups:meeting_detail", "own group", _meeting, GROUP_MEMBERS),
    ("themegroups:meeting_detail", "other group", lambda w: _meeting(w, other=True), OUTSIDERS),
    ("themegroups:meeting_ics", "own group", _meeting, GROUP_MEMBERS),
    ("themegroups:meeting_ics", "other group", lambda w: _meeting(w, other=True), OUTSIDERS),
    ("themegroups:meeting_update", "", _meeting, GROUP_MANAGERS),
    ("themegroups:meeting_delete", "", _meeting, GROUP_MANAGERS),
    ("themegroups:attendance_confirm", "", _started_meeting, GROUP_MANAGERS),
    (
        "themegroups:attendance_confirm",
        "not started",
        _meeting,
        row(LOGIN, REDIRECT, REDIRECT, FORBIDDEN, FORBIDDEN, NOT_FOUND),
    ),
    ("themegroups:minutes", "own group", _started_meeting, GROUP_MANAGERS),
    ("themegroups:minutes", "not started", _meeting, row(LOGIN, REDIRECT, REDIRECT, FORBIDDEN, FORBIDDEN, NOT_FOUND)),
    ("themegroups:minutes", "other group", lambda w: _started_meeting(w, other=True), OUTSIDERS),
    ("themegroups:attendance", "GET", _meeting, row(LOGIN, FORBIDDEN, FORBIDDEN, REDIRECT, REDIRECT, NOT_FOUND)),
    ("themegroups:calendar_links", "", lambda w: {}, LOGGED_IN),
    # A calendar link works without logging in: the secret token is the key.
    ("themegroups:calendar_feed", "", _token, EVERYONE),
    ("themegroups:calendar_feed", "unknown token", lambda w: {"token": "onbekend"}, row(*[NOT_FOUND] * 6)),
    ("themegroups:group_feed", "own group", lambda w: _token(w, w.group), EVERYONE),
    ("themegroups:group_feed", "other group", lambda w: _token(w, w.other_group), row(*[NOT_FOUND] * 6)),
    ("themegroups:signup_index", "", lambda w: {}, EVERYONE),
    ("themegroups:signup", "", lambda w: {"year_uuid": w.year.uuid}, EVERYONE),
    ("themegroups:signup_done", "", lambda w: {"year_uuid": w.year.uuid}, EVERYONE),
    ("themegroups:retrospective_public", "published", lambda w: _retrospective(w, True), EVERYONE),
    ("themegroups:retrospective_public", "draft", lambda w: _retrospective(w, False), row(*[NOT_FOUND] * 6)),
]
