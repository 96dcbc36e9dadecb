"""Permission matrix rows for the open data (site/tests/test_permission_matrix.py): the
calendar feeds, the embeddable listing and the JSON API at /api/aanbod/v1/.

Everyone, also without an account, reads what a library published; the login session changes
nothing. A library, branch or offer without a published offer is 404 for everyone, also for
its own coordinator (drafts live on the managing pages only)."""

from plein.site.tests.matrix import EVERYONE, NOT_FOUND, row

NOBODY = row(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)


def _published(w):
    from .factories import OfferFactory, OfferHoursFactory

    offer = OfferFactory(location=w.location)
    OfferHoursFactory(offer=offer)
    return offer


def _draft(w):
    from ..choices import OfferStatus
    from .factories import OfferFactory

    return OfferFactory(location=w.other_location, status=OfferStatus.DRAFT, published_at=None)


def _lib(offer_of):
    return lambda w: {"library_slug": offer_of(w).library.slug}


def _branch(offer_of):
    def kwargs(w):
        offer = offer_of(w)
        return {"library_slug": offer.library.slug, "location_uuid": offer.location.uuid}

    return kwargs


def _theme(offer_of, theme="digitaal"):
    return lambda w: {"library_slug": offer_of(w).library.slug, "theme": theme}


MATRIX = [
    ("offers:feed_library", "published", _lib(_published), EVERYONE),
    ("offers:feed_library", "only a draft", _lib(_draft), NOBODY),
    ("offers:feed_location", "published", _branch(_published), EVERYONE),
    ("offers:feed_location", "only a draft", _branch(_draft), NOBODY),
    ("offers:feed_theme", "published", _theme(_published), EVERYONE),
    ("offers:feed_theme", "no such theme", _theme(_published, "sport"), NOBODY),
    ("offers:feed_theme", "only a draft", _theme(_draft), NOBODY),
    ("offers:embed", "published", _lib(_published), EVERYONE),
    ("offers:embed", "only a draft", _lib(_draft), NOBODY),
    ("offers:embed_style", "published", _lib(_published), EVERYONE),
    ("offers:embed_style", "only a draft", _lib(_draft), NOBODY),
    # The JSON API: no key, no session; drafts are 404 (problem+json).
    ("offers:api_offers", "", lambda w: {}, EVERYONE),
    ("offers:api_offer", "published", lambda w: {"offer_id": _published(w).uuid}, EVERYONE),
    ("offers:api_offer", "draft", lambda w: {"offer_id": _draft(w).uuid}, NOBODY),
    ("offers:api_locations", "", lambda w: {}, EVERYONE),
    ("offers:api_location", "published", lambda w: {"location_id": _published(w).location.uuid}, EVERYONE),
    ("offers:api_location", "only a draft", lambda w: {"location_id": _draft(w).location.uuid}, NOBODY),
    ("offers:openapi-json", "", lambda w: {}, EVERYONE),
    ("offers:openapi-view", "", lambda w: {}, EVERYONE),
    ("offers:api-root", "", lambda w: {}, NOBODY),
]
