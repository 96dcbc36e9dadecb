"""The open data API of the public offer, version 1 (django-ninja, its own NinjaAPI at
/api/aanbod/v1/; OpenAPI at /api/aanbod/v1/openapi.json, docs at /api/aanbod/v1/docs; mounted in urls_open).

Read-only and without a key: every published offer and every branch with one, for a municipal
website, an app or a data portal. It follows the Dutch API Design Rules (Logius): the major
version in the path, the full version in the `API-Version` header of every answer, plural
resource names without a trailing slash, the uuid as stable id, ISO 8601 dates and times,
pages with `page` and `page_size` (at most 100) with links and the total count, and every error
as problem details (RFC 9457, `application/problem+json`, with `invalid-params` for a parameter
to change). Any origin may read it (`Access-Control-Allow-Origin: *`); answers may be cached
for a few minutes. Drafts never appear: everything starts from `selectors.published_offers()`
and `access.locations_visible_to(AnonymousUser(), Purpose.PUBLISHED)`.

Texts (labels, error details) are Dutch whatever the client's language cookie, so a shared
cache can keep one answer per address."""

import datetime
import math
import uuid
from collections import defaultdict
from email.utils import parseaddr
from enum import Enum
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from django.views.decorators.http import conditional_page
from ninja import Field, NinjaAPI, Query, Router, Schema
from ninja.errors import HttpError, ValidationError
from ninja.openapi.docs import DocsBase
from ninja.renderers import JSONRenderer

from plein.access.purposes import Purpose
from plein.access.selectors import locations_visible_to
from plein.api.docs import data_shapes, operations, text
from plein.common import errors

from . import selectors
from .choices import Access, Bring, Facility, Helper, Need, OfferKind, Schedule, Theme
from .ical import offer_url
from .schedule import AMSTERDAM, next_occurrence

VERSION = "1.0.0"
PREFIX = "/api/aanbod/"
MAX_PAGE_SIZE = 100
MAX_PAGE = 10000
CACHE_CONTROL = "public, max-age=300"
HEADERS = {"API-Version": VERSION, "Access-Control-Allow-Origin": "*"}
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
TIME_PATTERN = r"^[0-2][0-9]:[0-5][0-9]$"


def _not_found_text() -> str:
    return _("Not found. Check the address: the open data API lives under /api/aanbod/v1/.")


errors.register_problem_api(PREFIX, not_found=_not_found_text, headers=HEADERS)


class Utf8JSONRenderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}


class OpenDataAPI(NinjaAPI):
    """Every answer may be cached (public, a few minutes); the document declares errors as
    problem+json and the API-Version header on every answer."""

    def create_temporal_response(self, request):
        response = super().create_temporal_response(request)
        response["Cache-Control"] = CACHE_CONTROL
        return response

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        # Paths relative to the server (/offers), the server with the major version in its
        # path (/api/aanbod/v1), as the API Design Rules' linter expects.
        root = self.get_root_path(path_params or {}).rstrip("/")
        schema = super().get_openapi_schema(path_prefix="", path_params=path_params)
        schema["servers"] = [{"url": root, "description": "Plein"}]
        version_header = {
            "description": "De volledige versie van de API (semantic versioning).",
            "required": True,
            "schema": {"type": "string", "example": VERSION},
        }
        for methods in schema["paths"].values():
            for operation in methods.values():
                for status, answer in operation["responses"].items():
                    answer.setdefault("headers", {})["API-Version"] = version_header
                    content = answer.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        answer["content"] = {errors.PROBLEM_JSON: content["application/json"]}
        schema["info"]["contact"] = {
            "name": "Plein",
            "url": settings.PLEIN_SITE_URL,
            "email": parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
        }
        return schema


class OpenDataDocs(DocsBase):
    """The documentation page: the same server-rendered page as Plein's other API (it passes axe
    and the CSP), with examples without a key."""

    template = "offers/open/api_docs.html"

    def render_page(self, request, api, **kwargs):
        with translation.override("nl"):  # Dutch, as the other public pages of the offer
            return self._render(request, api, **kwargs)

    def _render(self, request, api, **kwargs):
        schema = api.get_openapi_schema(path_params=kwargs)
        ops = operations(request, schema)
        server = schema["servers"][0]["url"]
        for op in ops:
            op["path"] = server + op["path"]
            op["example"] = f"curl '{request.build_absolute_uri(op['path'])}'"
        title = _("Open data API of the help and learning offer")
        # The public frame, rendered without the request: no cookie for anyone reading the docs.
        return HttpResponse(
            render_to_string(
                self.template,
                {
                    "api_title": schema["info"]["title"],
                    "api_version": schema["info"]["version"],
                    "api_description": text(schema["info"].get("description")),
                    "openapi_url": self.get_openapi_url(api, kwargs),
                    "operations": ops,
                    "shapes": data_shapes(schema),
                    "page_title": title,
                    "breadcrumbs": [(_("Help and learning"), reverse("offers:index")), (title, None)],
                },
            )
        )


api = OpenDataAPI(
    title="Plein open data: aanbod",
    version=VERSION,
    description=gettext_noop(
        "The help and learning offer that libraries published, and their branches with such an offer: "
        "read-only, without a key, for any website or app. Only published offers; drafts never appear. "
        "Errors are problem details (RFC 9457)."
    ),
    urls_namespace="offers",
    docs_url="/docs",
    docs=OpenDataDocs(),
    renderer=Utf8JSONRenderer(),
)
v1 = Router(tags=["Aanbod"])


def _dutch(view):
    """Dutch texts whatever the language cookie: one cached answer per address."""

    def wrapped(request, *args, **kwargs):
        with translation.override("nl"):
            return view(request, *args, **kwargs)

    return wrapped


v1.add_decorator(_dutch, mode="view")
# An ETag from the body and 304 on a repeat request, as the public pages (a website polling
# the list gets "nothing changed" without the body).
v1.add_decorator(conditional_page, mode="view")


# --- schemas -------------------------------------------------------------------------------


class ProblemOut(Schema):
    # Problem details (RFC 9457).

    type: str = Field(description=gettext_noop("Kind of problem; `about:blank`: the status says it all."))
    title: str = Field(description=gettext_noop("The status in words, for example `Not Found`."))
    status: int = Field(description=gettext_noop("The HTTP status."))
    detail: str = Field(description=gettext_noop("What went wrong, in one sentence (Dutch)."))
    instance: str = Field(description=gettext_noop("The path that was asked for."))
    invalid_params: list["InvalidParamOut"] | None = Field(
        None,
        alias="invalid-params",
        description=gettext_noop("Per parameter to change: its name and why (400)."),
    )


class InvalidParamOut(Schema):
    name: str = Field(description=gettext_noop("Name of the parameter."))
    reason: str = Field(description=gettext_noop("What to change."))


ProblemOut.model_rebuild()


class CodeOut(Schema):
    # A value from a fixed list: a stable code and its Dutch label.

    code: str = Field(description=gettext_noop("Stable code, as the filters take it."))
    label: str = Field(description=gettext_noop("Name in Dutch."))


class LibraryOut(Schema):
    id: uuid.UUID = Field(description=gettext_noop("Stable id of the library."))
    slug: str = Field(description=gettext_noop("Readable part of the library's addresses; the `library` filter."))
    name: str
    website: str


class MunicipalityOut(Schema):
    id: uuid.UUID
    slug: str = Field(description=gettext_noop("The `municipality` filter."))
    name: str
    cbs_code: str = Field(description=gettext_noop("Code of the municipality at CBS, for example `GM0392`."))


class AddressOut(Schema):
    street: str = Field(description=gettext_noop("Street and number."))
    postcode: str
    city: str


class LocationRefOut(Schema):
    id: uuid.UUID = Field(description=gettext_noop("Stable id of the branch; the `location` filter."))
    name: str
    url: str = Field(description=gettext_noop("This branch in the API."))


class SignupOut(Schema):
    phone: str
    email: str
    url: str


class ProviderOut(Schema):
    name: str = Field(description=gettext_noop("Who offers it: the library, or a partner organisation."))
    is_library: bool


class HoursOut(Schema):
    weekday: int = Field(description=gettext_noop("Day of the week as in ISO 8601: 1 is Monday, 7 is Sunday."))
    day: str = Field(description=gettext_noop("The day in Dutch."))
    # ISO 8601 local time without an offset: a weekly time is in Dutch time, summer or winter.
    opens: str = Field(
        pattern=TIME_PATTERN, description=gettext_noop("From, local time (Europe/Amsterdam), for example `10:00`.")
    )
    closes: str = Field(
        pattern=TIME_PATTERN, description=gettext_noop("Until, local time (Europe/Amsterdam), for example `12:30`.")
    )


class ClosureOut(Schema):
    starts_on: datetime.date
    ends_on: datetime.date = Field(description=gettext_noop("Last closed day, included."))
    note: str


class SessionOut(Schema):
    id: uuid.UUID
    starts_at: datetime.datetime = Field(description=gettext_noop("ISO 8601 with offset (Europe/Amsterdam)."))
    ends_at: datetime.datetime
    note: str
    cancelled: bool


class OccurrenceOut(Schema):
    starts_at: datetime.datetime
    ends_at: datetime.datetime


class OfferOut(Schema):
    # One published offer: what, for whom, where, when and how.

    id: uuid.UUID = Field(description=gettext_noop("Stable id of the offer."))
    url: str = Field(description=gettext_noop("This offer in the API."))
    web_url: str = Field(description=gettext_noop("The offer's page for residents."))
    title: str
    summary: str = Field(description=gettext_noop("What a resident gets here, in one sentence."))
    covered: str = Field(description=gettext_noop("What we help with."))
    not_covered: str = Field(description=gettext_noop("What we do not do."))
    kind: CodeOut = Field(description=gettext_noop("Kind of offer (G!DS); the `kind` filter."))
    need: CodeOut = Field(description=gettext_noop("What the resident comes for; the `need` filter."))
    helper: CodeOut = Field(description=gettext_noop("Who helps."))
    themes: list[CodeOut] = Field(description=gettext_noop("Themes; the `theme` filter."))
    target_group: str = Field(description=gettext_noop("For whom."))
    access: CodeOut = Field(description=gettext_noop("Walk in, or sign up first."))
    signup: SignupOut = Field(description=gettext_noop("How to sign up (empty texts: not that way)."))
    bring: list[CodeOut] = Field(description=gettext_noop("What to bring."))
    bring_other: str
    facilities: list[CodeOut]
    free: bool
    cost: str = Field(description=gettext_noop("What it costs, when it is not free."))
    languages: list[str]
    provider: ProviderOut
    library: LibraryOut
    location: LocationRefOut = Field(description=gettext_noop("The branch where it takes place."))
    address: AddressOut
    schedule: CodeOut = Field(description=gettext_noop("`wekelijks`: weekly hours; `bijeenkomsten`: dated sessions."))
    weekly_hours: list[HoursOut] = Field(description=gettext_noop("Weekly hours (for `wekelijks`)."))
    closed_periods: list[ClosureOut] = Field(
        description=gettext_noop("Coming days without the weekly hours, for example a holiday.")
    )
    sessions: list[SessionOut] = Field(description=gettext_noop("Coming sessions (for `bijeenkomsten`)."))
    next_occurrence: OccurrenceOut | None = Field(description=gettext_noop("The next time it takes place, if known."))
    published_at: datetime.datetime | None
    updated_at: datetime.datetime


class LocationOut(Schema):
    # A branch with at least one published offer.

    id: uuid.UUID = Field(description=gettext_noop("Stable id of the branch; the `location` filter."))
    url: str = Field(description=gettext_noop("This branch in the API."))
    name: str
    library: LibraryOut
    address: AddressOut
    municipality: MunicipalityOut
    accessibility: str = Field(description=gettext_noop("How accessible the branch is, in words."))
    offers_url: str = Field(description=gettext_noop("The published offers of this branch in the API."))
    calendar_url: str = Field(description=gettext_noop("The branch's calendar feed (iCalendar)."))


class LinksOut(Schema):
    self: str
    first: str
    last: str
    previous: str | None = Field(description=gettext_noop("Null on the first page."))
    next: str | None = Field(description=gettext_noop("Null on the last page."))


class OfferPageOut(Schema):
    count: int = Field(description=gettext_noop("Number of results over all pages."))
    page: int
    page_size: int
    pages: int = Field(description=gettext_noop("Number of pages (at least 1)."))
    links: LinksOut
    results: list[OfferOut]


class LocationPageOut(Schema):
    count: int = Field(description=gettext_noop("Number of results over all pages."))
    page: int
    page_size: int
    pages: int = Field(description=gettext_noop("Number of pages (at least 1)."))
    links: LinksOut
    results: list[LocationOut]


# Query parameters. Enums so the document lists the codes.
ThemeCode = Enum("ThemeCode", {c.name: c.value for c in Theme}, type=str)
KindCode = Enum("KindCode", {c.name: c.value for c in OfferKind}, type=str)
NeedCode = Enum("NeedCode", {c.name: c.value for c in Need}, type=str)


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description=gettext_noop("Page number, from 1."))
    page_size: int = Field(
        20, ge=1, le=MAX_PAGE_SIZE, description=gettext_noop("Results per page: 1 to 100, 20 when not given.")
    )


class OfferQuery(PageQuery):
    library: str | None = Field(
        None, max_length=120, pattern=SLUG_PATTERN, description=gettext_noop("Only this library (its slug).")
    )
    location: uuid.UUID | None = Field(None, description=gettext_noop("Only this branch (its id)."))
    municipality: str | None = Field(
        None,
        max_length=120,
        pattern=SLUG_PATTERN,
        description=gettext_noop("Only branches in this municipality (its slug)."),
    )
    theme: list[ThemeCode] = Field([], description=gettext_noop("Only these themes (repeat for more than one)."))
    kind: list[KindCode] = Field([], description=gettext_noop("Only these kinds of offer."))
    need: list[NeedCode] = Field([], description=gettext_noop("Only what answers these needs."))
    weekday: int | None = Field(
        None, ge=1, le=7, description=gettext_noop("Only what takes place on this day: 1 is Monday, 7 is Sunday.")
    )
    walk_in: bool | None = Field(None, description=gettext_noop("true: only walk-in; false: only with sign-up."))
    q: str | None = Field(
        None,
        max_length=200,
        description=gettext_noop("Search words: offers that contain every word (Dutch word forms count)."),
    )


class LocationQuery(PageQuery):
    library: str | None = Field(
        None, max_length=120, pattern=SLUG_PATTERN, description=gettext_noop("Only this library (its slug).")
    )
    municipality: str | None = Field(
        None, max_length=120, pattern=SLUG_PATTERN, description=gettext_noop("Only this municipality (its slug).")
    )


# --- errors: problem details ---------------------------------------------------------------

PROBLEMS = {status: ProblemOut for status in (404, 405, 503)}
PARAM_PROBLEMS = {400: ProblemOut, **PROBLEMS}


def _reason(error: dict) -> str:
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("Give a whole number.")
    if kind in ("greater_than_equal", "less_than_equal"):
        return _("Give a number from the range the document states.")
    if kind == "enum":
        return _("Choose one of: %(values)s.") % {"values": ctx.get("expected", "")}
    if kind.startswith("uuid"):
        return _("Give an id in the form 123e4567-e89b-12d3-a456-426614174000.")
    if kind.startswith("bool"):
        return _("Give true or false.")
    if kind == "string_too_long":
        n = ctx.get("max_length") or 0
        return ngettext("Use at most %(n)s character.", "Use at most %(n)s characters.", n) % {"n": n}
    if kind == "string_pattern_mismatch":
        return _("Give a slug: lower-case letters, digits and hyphens.")
    return _("This value is not valid.")


def _param_name(loc) -> str:
    """("query", "page") or ("query", "query", "theme", 0) -> the parameter's own name."""
    names = [str(p) for p in loc if not isinstance(p, int)]
    return names[-1] if names else "query"


def _bad_request(request, invalid: dict[str, list[str]]):
    return errors.problem(
        request,
        400,
        _("The request is not valid. “invalid-params” says what to change."),
        [{"name": name, "reason": reason} for name, reasons in invalid.items() for reason in reasons],
    )


@api.exception_handler(ValidationError)
def _on_invalid(request, exc):
    invalid = defaultdict(list)
    for error in exc.errors:
        reason = _reason(error)
        name = _param_name(error.get("loc", ()))
        if reason not in invalid[name]:
            invalid[name].append(reason)
    return _bad_request(request, invalid)


@api.exception_handler(Http404)
def _on_not_found(request, exc):
    return errors.problem(request, 404, str(exc) or _not_found_text())


@api.exception_handler(HttpError)
def _on_http_error(request, exc):
    return errors.problem(request, exc.status_code, str(exc))


def _on_database_down(request, exc):
    return errors.database_unavailable(request, exc)


api.add_exception_handler(OperationalError, _on_database_down)
api.add_exception_handler(InterfaceError, _on_database_down)


class _Refused(Exception):
    """A 400 with these invalid-params: {name: [reason, ...]}."""

    def __init__(self, invalid):
        self.invalid = invalid


def _refuse_unknown_parameters(request, known):
    """Only the parameters the document lists: a typo (`thema=` for `theme=`) is named, not
    silently ignored."""
    unknown = sorted(set(request.GET) - set(known))
    if unknown:
        raise _Refused({name: [_("This parameter does not exist in this API.")] for name in unknown})


@api.exception_handler(_Refused)
def _on_refused(request, exc):
    return _bad_request(request, exc.invalid)


# --- building the answers ------------------------------------------------------------------


def _code(choices, value) -> dict:
    try:
        return {"code": value, "label": str(choices(value).label)}
    except ValueError:
        return {"code": value, "label": value}


def _library(library) -> dict:
    return {"id": library.uuid, "slug": library.slug, "name": library.name, "website": library.website}


def _address(location) -> dict:
    return {"street": location.street, "postcode": location.postcode, "city": location.city}


def _offer(request, offer, now) -> dict:
    today = now.astimezone(AMSTERDAM).date()
    location = offer.location
    upcoming = next_occurrence(offer, now)
    is_sessions = offer.schedule == Schedule.SESSIONS
    return {
        "id": offer.uuid,
        "url": request.build_absolute_uri(reverse("offers:api_offer", args=[offer.uuid])),
        "web_url": offer_url(offer, request.build_absolute_uri("/")),
        "title": offer.title,
        "summary": offer.summary,
        "covered": offer.covered,
        "not_covered": offer.not_covered,
        "kind": _code(OfferKind, offer.kind),
        "need": _code(Need, offer.need),
        "helper": _code(Helper, offer.helper),
        "themes": [_code(Theme, t.theme) for t in offer.themes.all()],
        "target_group": offer.target_group,
        "access": _code(Access, offer.access),
        "signup": {"phone": offer.signup_phone, "email": offer.signup_email, "url": offer.signup_url},
        "bring": [_code(Bring, code) for code in offer.bring or []],
        "bring_other": offer.bring_other,
        "facilities": [_code(Facility, code) for code in offer.facilities or []],
        "free": offer.free,
        "cost": "" if offer.free else offer.cost,
        "languages": [part.strip() for part in offer.languages.split(",") if part.strip()],
        "provider": {"name": offer.provider, "is_library": not offer.provider_name},
        "library": _library(offer.library),
        "location": {
            "id": location.uuid,
            "name": location.name,
            "url": request.build_absolute_uri(reverse("offers:api_location", args=[location.uuid])),
        },
        "address": _address(location),
        "schedule": _code(Schedule, offer.schedule),
        "weekly_hours": []
        if is_sessions
        else [
            {
                "weekday": block.weekday + 1,
                "day": block.get_weekday_display(),
                "opens": f"{block.opens:%H:%M}",
                "closes": f"{block.closes:%H:%M}",
            }
            for block in offer.hours.all()
        ],
        "closed_periods": []
        if is_sessions
        else [
            {"starts_on": c.starts_on, "ends_on": c.ends_on, "note": c.note}
            for c in offer.closures.all()
            if c.ends_on >= today
        ],
        "sessions": [
            {
                "id": s.uuid,
                "starts_at": s.starts_at.astimezone(AMSTERDAM),
                "ends_at": s.ends_at.astimezone(AMSTERDAM),
                "note": s.note,
                "cancelled": s.cancelled,
            }
            for s in offer.sessions.all()
            if is_sessions and s.ends_at > now
        ],
        "next_occurrence": {"starts_at": upcoming.starts_at, "ends_at": upcoming.ends_at} if upcoming else None,
        "published_at": offer.published_at.astimezone(AMSTERDAM) if offer.published_at else None,
        "updated_at": offer.updated_at.astimezone(AMSTERDAM),
    }


def _location(request, location) -> dict:
    municipality = location.municipality
    return {
        "id": location.uuid,
        "url": request.build_absolute_uri(reverse("offers:api_location", args=[location.uuid])),
        "name": location.name,
        "library": _library(location.organisation),
        "address": _address(location),
        "municipality": {
            "id": municipality.uuid,
            "slug": municipality.slug,
            "name": municipality.name,
            "cbs_code": municipality.cbs_code,
        },
        "accessibility": location.accessibility,
        "offers_url": request.build_absolute_uri(
            reverse("offers:api_offers") + "?" + urlencode({"location": location.uuid})
        ),
        "calendar_url": request.build_absolute_uri(
            reverse("offers:feed_location", args=[location.organisation.slug, location.uuid])
        ),
    }


def _page(request, qs, query: PageQuery, build) -> dict:
    """One page of `qs`: the count, the rows of this page (built by `build`) and the links."""
    count = qs.count()
    pages = max(1, math.ceil(count / query.page_size))
    start = (query.page - 1) * query.page_size
    rows = list(qs[start : start + query.page_size]) if start < count else []

    def link(page):
        params = [(k, v) for k, v in request.GET.lists() for v in v if k != "page"]
        params.append(("page", page))
        return request.build_absolute_uri(request.path + "?" + urlencode(params))

    return {
        "count": count,
        "page": query.page,
        "page_size": query.page_size,
        "pages": pages,
        "links": {
            "self": link(query.page),
            "first": link(1),
            "last": link(pages),
            "previous": link(min(query.page - 1, pages)) if query.page > 1 else None,
            "next": link(query.page + 1) if query.page < pages else None,
        },
        "results": [build(row) for row in rows],
    }


def _published_locations():
    return locations_visible_to(AnonymousUser(), Purpose.PUBLISHED).select_related("organisation", "municipality")


# --- operations ----------------------------------------------------------------------------

OFFER_PARAMS = ("page", "page_size", "library", "location", "municipality", "theme", "kind", "need", "weekday")
OFFER_PARAMS += ("walk_in", "q")


@v1.get(
    "/offers",
    response={200: OfferPageOut, **PARAM_PROBLEMS},
    url_name="api_offers",
    summary=gettext_noop("List the published offers"),
    description=gettext_noop(
        "Every published offer, by title (best match first when searching with `q`), a page at a time. "
        "Filters combine: an offer must match all of them; a repeated filter (`theme=taal&theme=digitaal`) "
        "matches any of its values."
    ),
)
def list_offers(request, query: Query[OfferQuery]):
    _refuse_unknown_parameters(request, OFFER_PARAMS)
    qs = selectors.published_offers()
    if query.library:
        qs = qs.filter(library__slug=query.library)
    if query.location:
        qs = qs.filter(location__uuid=query.location)
    if query.municipality:
        qs = qs.filter(location__municipality__slug=query.municipality)
    filters = selectors.OfferFilters(
        q=(query.q or "").replace("\x00", " "),
        themes=tuple(t.value for t in query.theme),
        kinds=tuple(k.value for k in query.kind),
        needs=tuple(n.value for n in query.need),
        weekday=query.weekday - 1 if query.weekday else None,
        walk_in=query.walk_in,
    )
    qs = selectors.with_schedule(selectors.find_offers(filters, qs=qs))
    now = timezone.now()
    return _page(request, qs, query, lambda offer: _offer(request, offer, now))


@v1.get(
    "/offers/{offer_id}",
    response={200: OfferOut, **PARAM_PROBLEMS},
    url_name="api_offer",
    summary=gettext_noop("Read one published offer"),
    description=gettext_noop("The offer with this id; 404 when there is none or it is not published."),
)
def get_offer(request, offer_id: uuid.UUID):
    _refuse_unknown_parameters(request, ())
    offer = selectors.with_schedule(selectors.published_offers()).filter(uuid=offer_id).first()
    if offer is None:
        raise Http404(_("There is no published offer with this id."))
    return _offer(request, offer, timezone.now())


@v1.get(
    "/locations",
    response={200: LocationPageOut, **PARAM_PROBLEMS},
    url_name="api_locations",
    summary=gettext_noop("List the branches with a published offer"),
    description=gettext_noop("Every branch with at least one published offer, with its address and accessibility."),
)
def list_locations(request, query: Query[LocationQuery]):
    _refuse_unknown_parameters(request, ("page", "page_size", "library", "municipality"))
    qs = _published_locations()
    if query.library:
        qs = qs.filter(organisation__slug=query.library)
    if query.municipality:
        qs = qs.filter(municipality__slug=query.municipality)
    qs = qs.order_by("organisation__name", "name", "pk")
    return _page(request, qs, query, lambda location: _location(request, location))


@v1.get(
    "/locations/{location_id}",
    response={200: LocationOut, **PARAM_PROBLEMS},
    url_name="api_location",
    summary=gettext_noop("Read one branch"),
    description=gettext_noop("The branch with this id; 404 when it has no published offer."),
)
def get_location(request, location_id: uuid.UUID):
    _refuse_unknown_parameters(request, ())
    location = _published_locations().filter(uuid=location_id).first()
    if location is None:
        raise Http404(_("There is no branch with a published offer with this id."))
    return _location(request, location)


api.add_router("", v1)
