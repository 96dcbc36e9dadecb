"""Permission matrix rows for the public pages for residents (site/tests/test_permission_matrix.py).

Everyone, also without an account, reads what a library published; a draft is 404 for
everyone (also for the library's own coordinator: they see it on the managing pages), and so
is an offer asked under another library's address."""

from plein.site.tests.matrix import EVERYONE, NOT_FOUND, row

NOBODY = row(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)


def _data(w):
    from .public_data import public_offer

    return public_offer(library=w.library, location=w.location, other_location=w.other_location)


def _lib(w):
    return {"library_slug": _data(w).library.slug}


def _offer(slug):
    def kwargs(w):
        data = _data(w)
        return {"library_slug": data.library.slug, "offer_slug": slug}

    return kwargs


def _ics(slug, when):
    def kwargs(w):
        return {**_offer(slug)(w), "when": when}

    return kwargs


def _need(w):
    return {**_lib(w), "need": "praktische_hulp"}


def _municipality(w):
    return {"municipality_slug": _data(w).location.municipality.slug}


def _draft_library(w):
    from .factories import OfferFactory

    OfferFactory(library=w.other_library, location=w.other_location, status="concept")
    return {"library_slug": w.other_library.slug}


MATRIX = [
    ("offers:index", "", lambda w: {}, EVERYONE),
    ("offers:about", "", lambda w: {}, EVERYONE),
    ("offers:library", "", _lib, EVERYONE),
    ("offers:library", "only drafts", _draft_library, NOBODY),
    ("offers:need", "", _need, EVERYONE),
    ("offers:list", "", _lib, EVERYONE),
    ("offers:week", "", _lib, EVERYONE),
    ("offers:municipality", "", _municipality, EVERYONE),
    ("offers:offer", "published", _offer("hulp-bij-digid"), EVERYONE),
    ("offers:offer", "draft", _offer("geheim-concept"), NOBODY),
    ("offers:offer", "of another library", _offer("digid-buren"), NOBODY),
    ("offers:offer_print", "published", _offer("hulp-bij-digid"), EVERYONE),
    ("offers:offer_print", "draft", _offer("geheim-concept"), NOBODY),
    ("offers:occurrence_ics", "session", _ics("klik-en-tik", "20261207T1400"), EVERYONE),
    ("offers:occurrence_ics", "of a draft", _ics("geheim-concept", "20261209T1000"), NOBODY),
]
