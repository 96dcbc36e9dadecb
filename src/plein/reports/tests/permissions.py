"""Permission matrix rows for the borging reports (see site/tests/test_permission_matrix.py).

A draft and its preview are the library's own work (`Purpose.PLAN`): administrators, the
facilitator who coaches the library, its coordinator; desk workers and the municipality get
404. Only the coordinator (and administrators) write and publish. A published version is read
also by the municipality, when the library serves it and the report is about its own
municipality (world.location lies in the municipality user's municipality); a report of the
same library about another municipality is 404 for it. Desk workers read no report. A share
link opens the version for anyone, also without an account, until revoked (410)."""

import datetime

from django.utils import timezone

from plein.site.tests.matrix import EVERYONE, FORBIDDEN, LOGIN, NOT_FOUND, OK, row

YEAR = 2025
NOT_ALLOWED = 405  # a POST-only address asked with GET, by someone who may use it


def _report(w, *, other_library=False, other_municipality=False, published=False):
    from plein.organisations.tests.factories import LocationFactory, MunicipalityFactory
    from plein.reports import services

    library = w.other_library if other_library else w.library
    municipality = (w.other_location if other_library else w.location).municipality
    if other_municipality:
        municipality = MunicipalityFactory(name="Andere Gemeente")
        LocationFactory(organisation=library, municipality=municipality, name="Buitenpost")
    report = services.report_create(acting_user=None, library=library, municipality=municipality, year=YEAR)
    if published:
        services.report_publish(acting_user=None, report=report)
    return report


def _draft(w):
    return {"uuid": _report(w).uuid}


def _other_library_draft(w):
    return {"uuid": _report(w, other_library=True).uuid}


def _version(**kwargs):
    return lambda w: {"uuid": _report(w, published=True, **kwargs).uuid, "number": 1}


def _unpublished_version(w):
    return {"uuid": _report(w).uuid, "number": 1}


def _link(w):
    from plein.reports import services

    report = _report(w, published=True)
    link, _token = services.share_link_create(
        acting_user=None, version=report.versions.get(), expires_on=timezone.localdate() + datetime.timedelta(days=10)
    )
    return link, _token


def _link_uuid(w):
    return {"uuid": _link(w)[0].uuid}


def _token(w):
    return {"token": _link(w)[1]}


def _revoked_token(w):
    from plein.reports import services

    link, token = _link(w)
    services.share_link_revoke(acting_user=None, link=link)
    return {"token": token}


DRAFT_OWN = row(LOGIN, OK, OK, OK, NOT_FOUND, NOT_FOUND)
DRAFT_OTHER = row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND)
CHANGE_OWN = row(LOGIN, OK, FORBIDDEN, OK, NOT_FOUND, NOT_FOUND)
PUBLISHED_OWN = row(LOGIN, OK, OK, OK, NOT_FOUND, OK)
PUBLISHED_OTHER_MUNICIPALITY = row(LOGIN, OK, OK, OK, NOT_FOUND, NOT_FOUND)
GONE = 410

MATRIX = [
    ("reports:list", "", lambda w: {}, row(LOGIN, OK, OK, OK, FORBIDDEN, OK)),
    ("reports:create", "", lambda w: {}, row(LOGIN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN)),
    ("reports:detail", "own draft", _draft, DRAFT_OWN),
    ("reports:detail", "other library", _other_library_draft, DRAFT_OTHER),
    ("reports:detail", "published", lambda w: {"uuid": _version()(w)["uuid"]}, DRAFT_OWN),
    ("reports:preview", "own draft", _draft, DRAFT_OWN),
    ("reports:preview", "other library", _other_library_draft, DRAFT_OTHER),
    ("reports:edit", "own draft", _draft, CHANGE_OWN),
    ("reports:edit", "other library", _other_library_draft, row(LOGIN, OK, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND)),
    ("reports:publish", "own draft", _draft, row(LOGIN, NOT_ALLOWED, FORBIDDEN, NOT_ALLOWED, NOT_FOUND, NOT_FOUND)),
    ("reports:version", "own municipality", _version(), PUBLISHED_OWN),
    ("reports:version", "other municipality", _version(other_municipality=True), PUBLISHED_OTHER_MUNICIPALITY),
    ("reports:version", "other library", _version(other_library=True), DRAFT_OTHER),
    ("reports:version", "not published", _unpublished_version, row(LOGIN, *[NOT_FOUND] * 5)),
    ("reports:version_pdf", "own municipality", _version(), PUBLISHED_OWN),
    ("reports:version_pdf", "other municipality", _version(other_municipality=True), PUBLISHED_OTHER_MUNICIPALITY),
    ("reports:version_csv", "own municipality", _version(), PUBLISHED_OWN),
    ("reports:version_csv", "other municipality", _version(other_municipality=True), PUBLISHED_OTHER_MUNICIPALITY),
    (
        "reports:share_create",
        "own municipality",
        _version(),
        row(LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_FOUND, FORBIDDEN),
    ),
    (
        "reports:share_revoke",
        "own",
        _link_uuid,
        row(LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_FOUND, NOT_FOUND),
    ),
    ("reports:shared", "valid", _token, EVERYONE),
    ("reports:shared", "revoked", _revoked_token, row(*[GONE] * 6)),
    ("reports:shared_pdf", "valid", _token, EVERYONE),
]
