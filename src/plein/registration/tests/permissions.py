"""Permission matrix rows for the IDO figures (see site/tests/test_permission_matrix.py).

The coordinator and desk worker see their own library (world.library, world.location); the
facilitator coaches both world libraries; the world's municipality user works for the
municipality of world.location, so it sees that branch and its municipality, never a library
as a whole (a library may have branches elsewhere) nor other_location; administrators see
everything, including the national, provincial and municipal scopes. A scope the user may not
see is 404. Desk workers see the figures but do not export them (403)."""

from plein.site.tests.matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK, row

# The desk: desk workers and coordinators of a library register visits at their own IDO
# branches; everyone else is 403. The undo URL takes a POST only (GET: 405 for the one who
# registered the visit, 404 for everyone else, who may not see it).
DESK = row(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK, FORBIDDEN)


def _desk_visit(w):
    from plein.registration import services
    from plein.registration.tests.factories import visit_data

    visit, _ = services.visit_register(acting_user=w.users["desk_worker"], **visit_data(location=w.location))
    return {"visit": visit.uuid}


def _import_job(w):
    """An import by the library's coordinator, with a file of bad rows."""
    from django.core.files.base import ContentFile

    from plein.registration.models import ImportJob

    job = ImportJob(created_by=w.users["coordinator"], filename="oud.csv", status="mislukt", error_count=1)
    job.errors_file.save("fouten.csv", ContentFile(b"regel;wat is er fout\n2;x\n"), save=False)
    job.save()
    return {"job": job.uuid}


# An import's pages: its maker and administrators; anyone else who may import gets 404.
IMPORT_JOB = row(LOGIN, OK, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN)


def _scope(key):
    return lambda w: {"scope": key(w)}


ADMIN_ONLY = row(LOGIN, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)

MATRIX = [
    ("registration:figures", "", lambda w: {}, row(LOGIN, OK, OK, OK, OK, OK)),
    # The export of the default scope: not for desk workers (issue 11).
    ("registration:export", "", lambda w: {}, row(LOGIN, OK, OK, OK, FORBIDDEN, OK)),
    ("registration:import", "", lambda w: {}, row(LOGIN, OK, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN)),
    ("registration:import_job", "", _import_job, IMPORT_JOB),
    ("registration:import_status", "", _import_job, IMPORT_JOB),
    ("registration:import_errors", "", _import_job, IMPORT_JOB),
    (
        "registration:figures_scope",
        "own library",
        _scope(lambda w: f"bibliotheek-{w.library.uuid}"),
        row(LOGIN, OK, OK, OK, OK, NOT_FOUND),
    ),
    (
        "registration:figures_scope",
        "other library",
        _scope(lambda w: f"bibliotheek-{w.other_library.uuid}"),
        row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    (
        "registration:figures_scope",
        "own branch",
        _scope(lambda w: f"vestiging-{w.location.uuid}"),
        row(LOGIN, OK, OK, OK, OK, OK),
    ),
    (
        "registration:figures_scope",
        "other branch",
        _scope(lambda w: f"vestiging-{w.other_location.uuid}"),
        row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    (
        "registration:figures_scope",
        "own municipality",
        _scope(lambda w: f"gemeente-{w.location.municipality.uuid}"),
        row(LOGIN, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK),
    ),
    (
        "registration:figures_scope",
        "province",
        _scope(lambda w: f"provincie-{w.location.municipality.province}"),
        ADMIN_ONLY,
    ),
    ("registration:figures_scope", "national", _scope(lambda w: "land"), ADMIN_ONLY),
    (
        "registration:figures_scope",
        "other municipality",
        _scope(lambda w: f"gemeente-{w.other_location.municipality.uuid}"),
        ADMIN_ONLY,
    ),
    (
        "registration:figures_scope",
        "unknown",
        _scope(lambda w: "bibliotheek-00000000-0000-0000-0000-000000000000"),
        row(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    ("registration:desk", "", lambda w: {}, DESK),
    ("registration:desk_branch", "", lambda w: {}, DESK),
    ("registration:desk_undo", "own visit", _desk_visit, row(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, 405, NOT_FOUND)),
]
