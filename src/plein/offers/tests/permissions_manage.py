"""Permission matrix rows for managing the offer (/ons-aanbod/; see site/tests/test_permission_matrix.py).

The offer of a library, drafts included, is the library's own work (`Purpose.PLAN`): its
coordinator and administrators keep it; the facilitators who coach the library look but do not
change (403); desk workers and municipalities get 404, and so does the coordinator of another
library ("other": world.other_library). "far": a library no theme group of the world's
facilitator holds, so the facilitator of another support organisation's library gets 404 too.
Anonymous visitors go to the login page. POST-only addresses answer a GET with a redirect."""

from plein.emb.tests.factories import PortfolioEntryFactory
from plein.organisations.tests.factories import LocationFactory, OrganisationFactory
from plein.site.tests.matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK, REDIRECT, row

from ..choices import OfferStatus
from .factories import OfferFactory, SessionFactory


def _library(w, which):
    if which == "own":
        return w.library
    if which == "other":
        return w.other_library
    return OrganisationFactory(name="Bibliotheek Ver")


def _location(w, which):
    library = _library(w, which)
    if which == "own":
        return w.location
    if which == "other":
        return w.other_location
    return LocationFactory(organisation=library)


def _offer(which, status=OfferStatus.DRAFT):
    return lambda w: {"uuid": OfferFactory(location=_location(w, which), status=status).uuid}


def _session(which):
    return lambda w: {"uuid": SessionFactory(offer__location=_location(w, which)).uuid}


def _lib(which):
    return lambda w: {"uuid": _library(w, which).uuid}


def _entry(which):
    return lambda w: {"uuid": PortfolioEntryFactory(library=_library(w, which)).uuid}


def _ido(which):
    return lambda w: {"uuid": _location(w, which).uuid}


def _no_ido(w):
    return {"uuid": LocationFactory(organisation=w.library, municipality=w.location.municipality, has_ido=False).uuid}


VIEW = {
    "own": row(LOGIN, OK, OK, OK, NOT_FOUND, NOT_FOUND),
    "other": row(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    "far": row(LOGIN, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
}
CHANGE = {
    "own": row(LOGIN, OK, FORBIDDEN, OK, NOT_FOUND, NOT_FOUND),
    "other": row(LOGIN, OK, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    "far": row(LOGIN, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
}
POST = {
    "own": row(LOGIN, REDIRECT, FORBIDDEN, REDIRECT, NOT_FOUND, NOT_FOUND),
    "other": row(LOGIN, REDIRECT, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    "far": row(LOGIN, REDIRECT, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
}
WHICH = ("own", "other", "far")

MATRIX = [
    ("offers:manage_list", "", lambda w: {}, row(LOGIN, OK, OK, OK, FORBIDDEN, FORBIDDEN)),
    *[("offers:manage_library", which, _lib(which), VIEW[which]) for which in WHICH],
    *[("offers:manage_create", which, _lib(which), CHANGE[which]) for which in WHICH],
    *[("offers:manage_detail", f"draft, {which}", _offer(which), VIEW[which]) for which in WHICH],
    *[
        ("offers:manage_detail", f"published, {which}", _offer(which, OfferStatus.PUBLISHED), VIEW[which])
        for which in WHICH
    ],
    *[("offers:manage_edit", which, _offer(which), CHANGE[which]) for which in WHICH],
    *[("offers:manage_publish", which, _offer(which), CHANGE[which]) for which in WHICH],
    *[("offers:manage_delete", which, _offer(which), CHANGE[which]) for which in WHICH],
    *[("offers:manage_hours", which, _offer(which), CHANGE[which]) for which in WHICH],
    *[("offers:manage_session_add", which, _offer(which), CHANGE[which]) for which in WHICH],
    *[("offers:manage_session_edit", which, _session(which), CHANGE[which]) for which in WHICH],
    *[
        ("offers:manage_unpublish", f"GET, {which}", _offer(which, OfferStatus.PUBLISHED), POST[which])
        for which in WHICH
    ],
    *[
        ("offers:manage_reviewed", f"GET, {which}", _offer(which, OfferStatus.PUBLISHED), POST[which])
        for which in WHICH
    ],
    *[("offers:manage_session_cancel", f"GET, {which}", _session(which), POST[which]) for which in WHICH],
    *[("offers:manage_session_delete", f"GET, {which}", _session(which), POST[which]) for which in WHICH],
    *[("offers:manage_from_programme", which, _entry(which), CHANGE[which]) for which in WHICH],
    *[("offers:manage_from_ido", which, _ido(which), CHANGE[which]) for which in WHICH],
    (
        "offers:manage_from_ido",
        "no IDO",
        _no_ido,
        row(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    (
        "offers:manage_detail",
        "unknown",
        lambda w: {"uuid": "00000000-0000-4000-8000-000000000000"},
        row(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
]
