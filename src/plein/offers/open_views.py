"""Views of the open data (thin; reads in `feeds.py`): the calendar feeds per library, branch
and theme, and the embeddable listing for an iframe on a municipal or library website. All
public, without cookies, cacheable for a few minutes. The JSON API is in `api.py`."""

import re
import uuid
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import conditional_page, require_safe

from . import feeds
from .ical import build_calendar, offer_url
from .schedule import next_occurrence

# Colours a website may choose in the iframe's address: parameter -> CSS variable.
EMBED_COLOURS = {
    "kleur": "--plein-embed-link-color",
    "achtergrond": "--plein-embed-background",
    "tekstkleur": "--plein-embed-color",
    "rand": "--plein-embed-border-color",
    "vlak": "--plein-embed-item-background",
}
HEX_COLOUR = re.compile(r"^[0-9a-fA-F]{6}$")

MAX_AGE = 300  # seconds a browser or proxy may keep a feed or the listing
EMBED_LIMIT = 50


def _calendar(name: str, offers) -> HttpResponse:
    now = timezone.now()
    body = build_calendar(feeds.coming_occurrences(offers, now), name=name, site_url=settings.PLEIN_SITE_URL)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


@require_safe
@conditional_page  # an ETag from the body; 304 when a calendar app or browser has it already
def feed_library(request, library_slug):
    library = feeds.published_library(library_slug)
    with translation.override("nl"):
        return _calendar(_("%(library)s: help and learning") % {"library": library.name}, feeds.library_offers(library))


@require_safe
@conditional_page  # an ETag from the body; 304 when a calendar app or browser has it already
def feed_location(request, library_slug, location_uuid):
    library = feeds.published_library(library_slug)
    location = feeds.published_location(library, location_uuid)
    with translation.override("nl"):
        name = _("%(library)s %(branch)s: help and learning") % {"library": library.name, "branch": location.name}
        return _calendar(name, feeds.location_offers(location))


@require_safe
@conditional_page  # an ETag from the body; 304 when a calendar app or browser has it already
def feed_theme(request, library_slug, theme):
    library = feeds.published_library(library_slug)
    theme = feeds.theme_of(theme)
    with translation.override("nl"):
        name = _("%(library)s: %(theme)s") % {"library": library.name, "theme": theme.label}
        return _calendar(name, feeds.theme_offers(library, theme))


def _framable(view):
    """The listing's own frame-ancestors (PLEIN_EMBED_FRAME_ANCESTORS, django-csp per view) and
    no X-Frame-Options, also on a 304: a browser updates the kept answer's headers with it."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response._csp_replace = {"frame-ancestors": list(settings.PLEIN_EMBED_FRAME_ANCESTORS)}
        response.xframe_options_exempt = True
        return response

    return wrapped


@require_safe
@_framable  # outside the 304: a revalidated listing keeps its frame-ancestors
@conditional_page
def embed(request, library_slug):
    """The published offer of one library as a small standalone page for an iframe (optionally
    of one theme, `?thema=`, or one branch, `?vestiging=<id>`). Links open the offer's page in a
    new tab. Its own frame-ancestors (PLEIN_EMBED_FRAME_ANCESTORS) instead of 'none'."""
    library = feeds.published_library(library_slug)
    theme = feeds.theme_of(request.GET["thema"]) if request.GET.get("thema") else None
    location = None
    if request.GET.get("vestiging"):
        try:
            location = feeds.published_location(library, uuid.UUID(request.GET["vestiging"]))
        except ValueError as exc:
            raise Http404 from exc
    offers = list(feeds.embed_offers(library, theme=theme, location=location)[: EMBED_LIMIT + 1])
    now = timezone.now()
    site_url = settings.PLEIN_SITE_URL
    items = [
        {"offer": offer, "url": offer_url(offer, site_url), "next": next_occurrence(offer, now)}
        for offer in offers[:EMBED_LIMIT]
    ]
    colours = embed_colours(request.GET)
    style_url = reverse("offers:embed_style", args=[library.slug]) + "?" + urlencode(colours) if colours else ""
    with translation.override("nl"):
        # Without the request: no context processor reads the user, the session or the menu.
        response = HttpResponse(
            render_to_string(
                "offers/open/embed.html",
                {
                    "library": library,
                    "theme": theme,
                    "location": location,
                    "items": items,
                    "more": len(offers) > EMBED_LIMIT,
                    "all_url": site_url.rstrip("/") + reverse("offers:library", args=[library.slug]),
                    "style_url": style_url,
                },
            )
        )
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def embed_colours(params) -> dict:
    """The colours chosen in the address that are six hex digits; anything else is left out."""
    return {name: params[name] for name in EMBED_COLOURS if HEX_COLOUR.match(params.get(name, ""))}


@require_safe
@conditional_page  # an ETag from the body; 304 when a calendar app or browser has it already
def embed_style(request, library_slug):
    """The listing's colours as CSS variables (no inline style: the CSP forbids it)."""
    feeds.published_library(library_slug)
    colours = embed_colours(request.GET)
    lines = [f"  {EMBED_COLOURS[name]}: #{value.lower()};" for name, value in colours.items()]
    response = HttpResponse(":root {\n" + "\n".join(lines) + "\n}\n", content_type="text/css; charset=utf-8")
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
