"""Permission matrix rows for borging (see site/tests/test_permission_matrix.py).

A scan (object: the library) is read like the action plan: administrators, the facilitator
who coaches the library, its coordinator; desk workers and the municipality get 404. Only the
coordinator (and administrators) change it. An IDO profile (object: the branch) is read by
everyone who sees the branch's figures (desk workers and the municipality the branch serves
too) and kept by the library's coordinator and administrators. The overview and "put on the
agenda" are for facilitators and administrators. world.location lies in the municipality of
the municipality user; world.other_location does not."""

from django.core.files.uploadedfile import SimpleUploadedFile

from plein.organisations.tests.factories import LocationFactory
from plein.site.tests.matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK, REDIRECT, row

from .factories import AssessmentFactory, ScanFactory

YEAR = 2026


def _scan(w, other=False, criterion=None):
    kwargs = {"uuid": (w.other_library if other else w.library).uuid, "year": YEAR}
    if criterion:
        kwargs["criterion"] = criterion
    return kwargs


def _location(w, other=False):
    return {"uuid": (w.other_location if other else w.location).uuid}


def _no_ido(w):
    return {"uuid": LocationFactory(organisation=w.library, municipality=w.location.municipality, has_ido=False).uuid}


def _evidence(w, other=False):
    library = w.other_library if other else w.library
    assessment = AssessmentFactory(scan=ScanFactory(library=library, year=YEAR), criterion="agreement")
    assessment.file.save("bewijs.pdf", SimpleUploadedFile("bewijs.pdf", b"%PDF-1.4 demo"), save=True)
    assessment.original_filename = "bewijs.pdf"
    assessment.content_type = "application/pdf"
    assessment.save()
    return _scan(w, other, "agreement")


VIEW_OWN = row(LOGIN, OK, OK, OK, NOT_FOUND, NOT_FOUND)
VIEW_OTHER = row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND)
CHANGE_OWN = row(LOGIN, OK, FORBIDDEN, OK, NOT_FOUND, NOT_FOUND)
CHANGE_OTHER = row(LOGIN, OK, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND)
POST_OWN = row(LOGIN, REDIRECT, FORBIDDEN, REDIRECT, NOT_FOUND, NOT_FOUND)
POST_OTHER = row(LOGIN, REDIRECT, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND)
OVERVIEW = row(LOGIN, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)
ALL_NOT_FOUND = row(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)

MATRIX = [
    ("borging:index", "", lambda w: {}, row(LOGIN, OK, OK, OK, FORBIDDEN, FORBIDDEN)),
    # Profiles: read with the branch's figures, kept by the library.
    ("borging:profile", "own", _location, row(LOGIN, OK, OK, OK, OK, OK)),
    ("borging:profile", "other", lambda w: _location(w, True), row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND)),
    ("borging:profile", "no IDO", _no_ido, ALL_NOT_FOUND),
    (
        "borging:profile_edit",
        "own",
        _location,
        row(LOGIN, OK, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN),
    ),
    (
        "borging:profile_edit",
        "other",
        lambda w: _location(w, True),
        row(LOGIN, OK, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    # The scan: the library's own work.
    ("borging:scan", "own", _scan, VIEW_OWN),
    ("borging:scan", "other", lambda w: _scan(w, True), VIEW_OTHER),
    ("borging:assessment_edit", "own", lambda w: _scan(w, criterion="agreement"), CHANGE_OWN),
    ("borging:assessment_edit", "other", lambda w: _scan(w, True, "agreement"), CHANGE_OTHER),
    (
        "borging:assessment_edit",
        "unknown criterion",
        lambda w: _scan(w, criterion="onbekend"),
        row(LOGIN, NOT_FOUND, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    # POST only; a GET goes back to the scan.
    ("borging:proposal_confirm", "GET, own", lambda w: _scan(w, criterion="trained_staff"), POST_OWN),
    ("borging:proposal_confirm", "GET, other", lambda w: _scan(w, True, "trained_staff"), POST_OTHER),
    ("borging:assessment_action", "GET, own", lambda w: _scan(w, criterion="function_a"), POST_OWN),
    ("borging:assessment_action", "GET, other", lambda w: _scan(w, True, "function_a"), POST_OTHER),
    ("borging:evidence", "own", _evidence, VIEW_OWN),
    ("borging:evidence", "other", lambda w: _evidence(w, True), VIEW_OTHER),
    (
        "borging:evidence",
        "no file",
        lambda w: _scan(w, criterion="agreement"),
        row(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    # The facilitator's overview.
    ("borging:overview_current", "", lambda w: {}, row(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT)),
    ("borging:overview", "", lambda w: {"year": YEAR}, OVERVIEW),
    ("borging:agenda_add", "", lambda w: {"year": YEAR, "criterion": "agreement"}, OVERVIEW),
    (
        "borging:agenda_add",
        "unknown criterion",
        lambda w: {"year": YEAR, "criterion": "onbekend"},
        row(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ),
]
