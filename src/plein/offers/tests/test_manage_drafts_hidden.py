"""A draft (never published, or withdrawn) is never visible outside the library: not in the
published reads every public page, feed and API starts from, not in `Purpose.PUBLISHED`, and
not on any of the offer's public addresses (whatever URLs the public and open-data parts add:
this walks every `offers:` URL that is not a managing page, with every role)."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from plein.access import selectors as access
from plein.access.purposes import Purpose
from plein.conftest import ROLE_KEYS

from .. import services
from ..choices import OfferStatus
from ..selectors import OfferFilters, find_offers, published_offers
from .factories import OfferFactory, OfferHoursFactory, OfferThemeFactory, SessionFactory

pytestmark = pytest.mark.django_db
SECRET = "Geheim concept Zwaluw"


def _public_patterns():
    found = []

    def walk(patterns, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, p.namespace or namespace)
            elif isinstance(p, URLPattern) and namespace == "offers" and p.name and not p.name.startswith("manage_"):
                found.append(p)

    walk(get_resolver().url_patterns, None)
    return found


def _kwargs(pattern, draft, session):
    values = {
        "library_slug": draft.library.slug,
        "offer_slug": draft.slug,
        "slug": draft.slug,
        "municipality_slug": draft.location.municipality.slug,
        "theme": "digitaal",
        "uuid": session.uuid,
        "session_uuid": session.uuid,
        "location_uuid": draft.location.uuid,
        "offer_uuid": draft.uuid,
    }
    names = list(pattern.pattern.regex.groupindex)
    if any(name not in values for name in names):
        return None
    return {name: values[name] for name in names}


@pytest.fixture
def drafts(world):
    """A never-published draft and a withdrawn offer of world.library, each with a theme, hours
    and a coming session; and one published offer, so the library has public pages at all."""
    OfferFactory(location=world.location, title="Openbaar aanbod")
    draft = OfferFactory(location=world.location, title=SECRET, status=OfferStatus.DRAFT, search_text=SECRET.lower())
    withdrawn = OfferFactory(location=world.location, title=f"{SECRET} teruggetrokken", search_text=SECRET.lower())
    services.unpublish(offer=withdrawn, acting_user=world.users["coordinator"])
    for offer in (draft, withdrawn):
        OfferThemeFactory(offer=offer)
        OfferHoursFactory(offer=offer)
    session = SessionFactory(offer=draft)
    return draft, withdrawn, session


def test_drafts_are_not_in_the_published_reads(world, drafts):
    draft, withdrawn, _session = drafts
    assert set(published_offers().values_list("title", flat=True)) == {"Openbaar aanbod"}
    assert not find_offers(OfferFilters(q="zwaluw")).exists()
    assert not find_offers(OfferFilters(themes=("digitaal",), library_id=world.library.pk)).exists()
    # A library, branch or municipality with only drafts is not published.
    OfferFactory(location=world.other_location, status=OfferStatus.DRAFT)
    assert not access.libraries_visible_to(None, Purpose.PUBLISHED).filter(pk=world.other_library.pk).exists()
    assert not access.locations_visible_to(None, Purpose.PUBLISHED).filter(pk=world.other_location.pk).exists()


def test_no_public_address_shows_a_draft_to_anyone(world, drafts):
    draft, withdrawn, session = drafts

    for pattern in _public_patterns():
        for offer in (draft, withdrawn):
            kwargs = _kwargs(pattern, offer, session)
            if kwargs is None:
                continue
            url = reverse(f"offers:{pattern.name}", kwargs=kwargs)
            for role in ["anonymous", *ROLE_KEYS]:
                client = Client()
                if role != "anonymous":
                    client.force_login(world.users[role])
                response = client.get(url)
                body = b"".join(response) if response.streaming else response.content
                assert SECRET not in body.decode(errors="replace"), f"{url} as {role}"

    # The internal page does show it, to the library.
    client = Client()
    client.force_login(world.users["coordinator"])
    assert SECRET in client.get(reverse("offers:manage_detail", args=[draft.uuid])).content.decode()
