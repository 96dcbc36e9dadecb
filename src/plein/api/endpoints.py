"""The Plein API, version 1 (django-ninja; OpenAPI at /api/openapi.json, docs at /api/docs).

Another system of a library — its own registration app, a kiosk, a dashboard — registers IDO
visits and reads categories and figures with an API key of that library
(`Authorization: Bearer <key>`). A key acts for its own library only. Every error has the same
JSON shape, `{"detail": "<sentence>", "errors": {"<field>": ["<message>", ...]}}`, in Dutch
unless the client chose English with Plein's language cookie. Each key may make
`PLEIN_API_RATE` requests (default 600 a minute, counted across all processes); more answer 429
with Retry-After.
"""

import datetime
import logging
import time
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from ninja import NinjaAPI, Query, Router
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.renderers import JSONRenderer
from ninja.responses import Status
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from plein.audit.security import REFUSED, log_event
from plein.common import errors as core_errors
from plein.registration import selectors as registration_selectors
from plein.registration.choices import CategoryKind
from plein.registration.services import QUESTION_FIELDS

from . import schemas, selectors, services
from .docs import PleinDocs

logger = logging.getLogger(__name__)

EARLIEST = datetime.date(2000, 1, 1)
MAX_DAYS = 366 * 10
FIELD_FOR_KIND = {CategoryKind.CHANNEL: "channel", CategoryKind.DURATION: "duration", **QUESTION_FIELDS}


class ApiError(Exception):
    """An answer other than 2xx, in the API's one error shape."""

    def __init__(self, status: int, detail: str, errors: dict | None = None):
        self.status, self.detail, self.errors = status, detail, errors or {}
        super().__init__(detail)


# --- who is asking: the API key ------------------------------------------------------------


class ApiKeyAuth(HttpBearer):
    """`Authorization: Bearer <key>`; the key is looked up by the hash of the secret."""

    def authenticate(self, request, token):
        api_token = selectors.token_for_secret(token.strip())
        if api_token is None:
            log_event("api_key_refused", actor="api-key:unknown", result=REFUSED, request=request, reason="unknown")
            raise ApiError(401, _("This API key is not known. Check that you copied the whole key."))
        if not api_token.is_active:
            log_event(
                "api_key_refused", actor=api_token, obj=api_token, result=REFUSED, request=request, reason="revoked"
            )
            raise ApiError(401, _("This API key has been revoked. Ask your coordinator for a new key."))
        maker = api_token.created_by  # a key acts in the name of its maker (a deleted account: None)
        if maker is None or not maker.has_perm("api.act_with_token", api_token):
            log_event(
                "api_key_refused", actor=api_token, obj=api_token, result=REFUSED, request=request, reason="maker"
            )
            raise ApiError(
                401,
                _(
                    "This API key no longer works: the person who made it no longer works for this library "
                    "in Plein. Ask your coordinator for a new key."
                ),
            )
        services.token_touch(token=api_token)
        return api_token


# --- how often: a fixed window per key, counted in the database ----------------------------

PERIODS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """ "600/m" → (600, 60): that many requests per that many seconds."""
    count, _slash, period = rate.partition("/")
    return int(count), PERIODS[period.strip()]


class KeyRateLimit(BaseThrottle):
    """At most PLEIN_API_RATE requests per key per window (read at every request, so a test or
    an operator can change it). The count is a row in the database that every worker process
    and every server shares, raised by one atomic statement (services.rate_count), so requests
    in parallel are counted exactly: the limit lets exactly that many through."""

    def allow_request(self, request) -> bool:
        token = getattr(request, "auth", None)
        if token is None:
            return True
        limit, seconds = parse_rate(settings.PLEIN_API_RATE)
        slot = int(time.time() // seconds)
        return services.rate_count(token=token, length=seconds, slot=slot) <= limit

    def wait(self) -> float:
        _limit, seconds = parse_rate(settings.PLEIN_API_RATE)
        return seconds - (time.time() % seconds)


class Utf8JSONRenderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}  # “Dutch quotes” as they are, not as \u201c


api = NinjaAPI(
    title="Plein API",
    version="1",
    description=gettext_noop(
        "Register IDO visits and read categories and figures for one library. Send the library's API key "
        "as `Authorization: Bearer <key>`; coordinators make keys in Plein under “API keys”. The API is "
        "anonymous by design: it refuses every field it does not list, so there is no field for a name, "
        "BSN, date of birth, address, phone number, e-mail address or notes."
    ),
    urls_namespace="api",
    docs_url="/docs",
    docs=PleinDocs(),
    auth=ApiKeyAuth(),
    throttle=[KeyRateLimit()],
    renderer=Utf8JSONRenderer(),
)
v1 = Router(tags=["IDO registration"])
# Errors every operation may answer, in the one shape: no valid key (401), an address under
# /api/ that does not exist (404), a method the path does not take (405, with Allow), too many
# requests (429, with Retry-After), the database unreachable for a moment (503, with Retry-After).
ERRORS = {status: schemas.ErrorOut for status in (401, 404, 405, 429, 503)}
# A body that is not JSON (400) or too large (413).
BODY_ERRORS = {status: schemas.ErrorOut for status in (400, 413)}


# --- errors: one shape everywhere ----------------------------------------------------------


def error_response(request, status, detail, errors=None):
    return api.create_response(request, {"detail": str(detail), "errors": errors or {}}, status=status)


def _field_message(error: dict) -> str:
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind == "extra_forbidden":
        return _(
            "This field does not exist in the API. Plein stores nothing about the visitor: no name, BSN, "
            "date of birth, address, phone number, e-mail address or notes."
        )
    if kind == "missing":
        return _("This field is required.")
    if kind == "string_too_long":
        n = ctx.get("max_length") or 0
        return ngettext("Use at most %(n)s character.", "Use at most %(n)s characters.", n) % {"n": n}
    if kind == "string_too_short":
        return _("Fill in this field.")
    if kind == "too_short":
        return _("Give at least %(n)s.") % {"n": ctx.get("min_length")}
    if kind == "too_long":
        return _("Give at most %(n)s.") % {"n": ctx.get("max_length")}
    if kind == "string_unicode":
        return _("Give text in UTF-8.")
    if kind == "string_pattern_mismatch":
        return _("Give a code of letters, digits and hyphens, as GET /api/v1/categories lists them.")
    if kind.startswith("uuid"):
        return _("Give an id in the form 123e4567-e89b-12d3-a456-426614174000.")
    if kind.startswith("date"):
        return _("Give a date in the form YYYY-MM-DD, for example 2026-03-31.")
    if kind == "string_type":
        return _("Give a text value.")
    if kind == "list_type":
        return _("Give a list.")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _("Give an object.")
    return _("This value is not valid: %(reason)s") % {"reason": error.get("msg", "")}


def _field_path(loc) -> str:
    """("body", "payload", "questions", 0, "topic") → "questions.0.topic"; ("query", "from") → "from"."""
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header", "cookie", "form"):
        source = parts.pop(0)
        if source == "body" and parts:
            parts.pop(0)  # the view's parameter name: not a field the client sent
    return ".".join(str(p) for p in parts) or "body"


@api.exception_handler(ValidationError)
def _on_invalid_input(request, exc):
    errors = defaultdict(list)
    for error in exc.errors:
        errors[_field_path(error.get("loc", ()))].append(_field_message(error))
    return error_response(request, 422, _("The request is not valid. “errors” says what to change per field."), errors)


@api.exception_handler(DjangoValidationError)
def _on_refused(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"body": exc.messages}
    return error_response(request, 422, _("The request is not valid. “errors” says what to change per field."), errors)


@api.exception_handler(ApiError)
def _on_api_error(request, exc):
    response = error_response(request, exc.status, exc.detail, exc.errors)
    if exc.status == 401:
        response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(AuthenticationError)
def _on_no_key(request, exc):
    response = error_response(request, 401, _("Send your API key in the header “Authorization: Bearer <key>”."))
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(Throttled)
def _on_too_many(request, exc):
    seconds = max(1, round(exc.wait or 1))
    return error_response(
        request,
        429,
        ngettext(
            "Too many requests with this API key. Try again in %(seconds)s second.",
            "Too many requests with this API key. Try again in %(seconds)s seconds.",
            seconds,
        )
        % {"seconds": seconds},
    )


@api.exception_handler(PermissionDenied)
def _on_forbidden(request, exc):
    return error_response(request, 403, str(exc) or _("This API key may not do this."))


@api.exception_handler(Http404)
def _on_not_found(request, exc):
    return error_response(request, 404, _("Not found. Check the address: the API lives under /api/v1/."))


@api.exception_handler(HttpError)
def _on_http_error(request, exc):
    if exc.status_code == 400:
        return error_response(request, 400, _("The body of the request is not valid JSON."))
    return error_response(request, exc.status_code, str(exc))


@api.exception_handler(RequestDataTooBig)
def _on_too_large(request, exc):
    return core_errors.too_large(request)  # 413, not the generic 500


def _on_database_down(request, exc):
    return core_errors.database_unavailable(request, exc)  # 503 with Retry-After, no further query


api.add_exception_handler(OperationalError, _on_database_down)
api.add_exception_handler(InterfaceError, _on_database_down)


@api.exception_handler(Exception)
def _on_error(request, exc):
    if settings.DEBUG:
        raise exc
    logger.exception("API error", exc_info=exc)
    return error_response(request, 500, _("Something went wrong on our side. Please try again later."))


def _refuse_unknown_parameters(request, known=()):
    """Like the bodies, the address takes only the parameters the document lists (422 names
    any other): a client that sends `?naam=…` learns that Plein does not take it."""
    unknown = sorted(set(request.GET) - set(known))
    if unknown:
        message = _field_message({"type": "extra_forbidden"})
        raise ApiError(
            422,
            _("The request is not valid. “errors” says what to change per field."),
            {name: [message] for name in unknown},
        )


# --- categories ----------------------------------------------------------------------------


@v1.get(
    "/categories",
    response={200: schemas.CategoriesOut, 422: schemas.ErrorOut, **ERRORS},
    url_name="categories",
    summary=gettext_noop("Read the categories"),
    description=gettext_noop(
        "Every answer option of the registration form, per kind, retired ones too (`active: false`). "
        "A visit and its questions name the options by their `code`."
    ),
)
def categories(request):
    _refuse_unknown_parameters(request)
    by_kind = registration_selectors.categories_by_kind()
    return {
        "kinds": [
            {
                "kind": kind,
                "label": str(CategoryKind(kind).label),
                "field": FIELD_FOR_KIND[CategoryKind(kind)],
                "categories": [
                    {"code": c.code, "label": c.label, "national_code": c.national_code, "active": c.is_active}
                    for c in options
                ],
            }
            for kind, options in by_kind.items()
        ]
    }


# --- visits --------------------------------------------------------------------------------


@v1.post(
    "/visits",
    response={
        200: schemas.VisitOut,
        201: schemas.VisitOut,
        403: schemas.ErrorOut,
        422: schemas.ErrorOut,
        **ERRORS,
        **BODY_ERRORS,
    },
    url_name="visits",
    summary=gettext_noop("Register a visit"),
    description=gettext_noop(
        "Register one IDO visit with its questions at a branch of the key's library. Answers 201 when "
        "the visit is stored, and 200 with the same visit when this `idempotency_key` was stored before "
        "(a retry). Answers 422 with the fields to change otherwise; nothing is stored then."
    ),
)
def register_visit(request, payload: schemas.VisitIn):
    visit, created = services.visit_register_for_token(
        token=request.auth,
        location=payload.location,
        day=payload.day,
        channel=payload.channel,
        duration=payload.duration,
        questions=[question.model_dump() for question in payload.questions],
        idempotency_key=payload.idempotency_key,
    )
    body = {"visit": visit.uuid, "created": created, "questions": visit.questions.count()}
    return Status(201 if created else 200, body)


# --- figures -------------------------------------------------------------------------------


def _plausible(value, field, errors):
    latest = timezone.localdate() + datetime.timedelta(days=366)
    if value is not None and not (EARLIEST <= value <= latest):
        errors[field] = [
            _("Choose a date between 1 January 2000 and %(latest)s.") % {"latest": latest.strftime("%d-%m-%Y")}
        ]


def _period(start, end) -> registration_selectors.Period:
    errors = {}
    _plausible(start, "from", errors)
    _plausible(end, "to", errors)
    if errors:
        raise ApiError(422, _("The request is not valid. “errors” says what to change per field."), errors)
    # A rule about both days is reported on a day the client sent: "to" when it sent one.
    field = "to" if end is not None else "from"
    end = end or timezone.localdate()
    start = start or end.replace(day=1)
    if end < start:
        if field == "to":
            errors[field] = [_("The last day is before the first day. Swap them or choose another day.")]
        else:
            errors[field] = [_("This day is after today. Also send “to”, or choose an earlier day.")]
    elif (end - start).days > MAX_DAYS:
        errors[field] = [_("Choose a period of at most ten years.")]
    if errors:
        raise ApiError(422, _("The request is not valid. “errors” says what to change per field."), errors)
    return registration_selectors.Period(start, end)


@v1.get(
    "/figures",
    response={200: schemas.FiguresOut, 422: schemas.ErrorOut, **ERRORS},
    url_name="figures",
    summary=gettext_noop("Read the figures"),
    description=gettext_noop(
        "Visits and questions of the key's library, or of one of its branches, in a period: totals and "
        "counts per category, each with the same period a year earlier, and a series over time."
    ),
)
def figures(request, query: Query[schemas.FiguresQuery]):
    _refuse_unknown_parameters(request, known=("scope", "from", "to"))
    scopes = selectors.organisation_scopes(request.auth.organisation)
    if query.scope is None:
        current = next(iter(scopes.values()))
    elif query.scope in scopes:
        current = scopes[query.scope]
    else:
        raise ApiError(
            404,
            _("Your library has no figures with this scope. “scopes” in an answer without scope lists them."),
            {"scope": [_("Unknown scope.")]},
        )
    data = registration_selectors.figures(scope=current, period=_period(query.start, query.end))
    return {
        "scope": {"key": current.key, "label": current.label},
        "scopes": [{"key": s.key, "label": s.label} for s in scopes.values()],
        "period": {"start": data.period.start, "end": data.period.end},
        "previous_period": {"start": data.previous.start, "end": data.previous.end},
        "visits": {"count": data.visits.count, "previous": data.visits.previous},
        "questions": {"count": data.questions.count, "previous": data.questions.previous},
        "breakdowns": [
            {
                "kind": str(b.kind),
                "label": str(b.kind.label),
                "counts": str(b.metric),
                "total": b.total,
                "rows": [
                    {"code": r.category.code, "label": r.label, "count": r.count, "previous": r.previous}
                    for r in b.rows
                ],
            }
            for b in data.breakdowns
        ],
        "unit": data.unit,
        "series": [{"start": b.start, "end": b.end, "visits": b.visits, "questions": b.questions} for b in data.series],
    }


api.add_router("/v1", v1)
