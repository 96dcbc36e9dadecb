"""Error answers that work when the database does not: a self-contained Dutch page for people,
JSON for the API (/api/) and for the desk's script (it asks with `Accept: application/json`),
and problem details (RFC 9457, `application/problem+json`) under the prefix of an API that
registered itself with `register_problem_api` (the open data API at /api/aanbod/).

Nothing here touches the database: the page is rendered without the request, so no context
processor runs (no menu, no `request.user`, no session), and the JSON is built from text alone.
While the database is unreachable every answer is 503 with Retry-After, so a client (the
desk's offline queue, another system using the API) knows to try again and nothing was stored."""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)

# Seconds a client waits before trying again while the database is unreachable.
RETRY_AFTER = 30

DATABASE_DOWN = (OperationalError, InterfaceError)


PROBLEM_JSON = "application/problem+json"


@dataclass(frozen=True)
class ProblemApi:
    """An API under `prefix` whose errors are problem details, not the Plein API's own shape.
    `not_found` gives the text of a 404 (a callable, so it is translated when it is used);
    `headers` go on every answer under the prefix (a version header, CORS)."""

    prefix: str
    not_found: Callable[[], str]
    headers: dict = field(default_factory=dict)


PROBLEM_APIS: dict[str, ProblemApi] = {}


def register_problem_api(prefix: str, *, not_found: Callable[[], str], headers: dict | None = None) -> None:
    PROBLEM_APIS[prefix] = ProblemApi(prefix, not_found, dict(headers or {}))


def problem_api_for(request) -> ProblemApi | None:
    path = request.path_info
    return next((api for prefix, api in PROBLEM_APIS.items() if path.startswith(prefix)), None)


def is_api(request) -> bool:
    return request.path_info.startswith("/api/")


def wants_json(request) -> bool:
    """The API, and the desk's script (which asks for JSON)."""
    return is_api(request) or "application/json" in request.headers.get("Accept", "")


def problem(request, status: int, detail: str, invalid_params: list[dict] | None = None) -> JsonResponse:
    """Problem details (RFC 9457): `type` about:blank, so `title` is the status's own phrase;
    `detail` says in Dutch what went wrong; `invalid-params` names each parameter to change."""
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": str(detail),
        "instance": request.path,
    }
    if invalid_params:
        body["invalid-params"] = invalid_params
    return JsonResponse(body, status=status, content_type=PROBLEM_JSON, json_dumps_params={"ensure_ascii": False})


def json_error(request, status: int, detail: str, errors: dict | None = None) -> JsonResponse:
    """The API's one error shape; the desk's script also reads `ok`. Under a problem API:
    problem details, with `errors` as its invalid-params."""
    if problem_api_for(request) is not None:
        invalid = [{"name": name, "reason": str(m)} for name, messages in (errors or {}).items() for m in messages]
        return problem(request, status, detail, invalid)
    body = {"detail": str(detail), "errors": errors or {}}
    if not is_api(request):
        body = {"ok": False, **body}
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def api_not_found_text(request=None) -> str:
    api = problem_api_for(request) if request is not None else None
    if api is not None:
        return api.not_found()
    return _("Not found. Check the address: the API lives under /api/v1/.")


def api_error_for(request, response) -> JsonResponse:
    """The API's JSON for an error answered in another form (django-ninja's 405 is plain text)."""
    status = response.status_code
    if status == 405:
        allowed = response.get("Allow", "")
        answer = json_error(
            request,
            405,
            _("This address does not take %(method)s. It takes: %(allowed)s.")
            % {"method": request.method, "allowed": allowed},
        )
        answer["Allow"] = allowed
        return answer
    if status == 404:
        return json_error(request, 404, api_not_found_text(request))
    return json_error(request, status, _("The request could not be handled (%(status)s).") % {"status": status})


def page(status: int, title: str, paragraphs: list[str], home_link: bool = True) -> HttpResponse:
    """The error page: error.html on its own (it extends nothing), rendered without the request."""
    html = loader.render_to_string(
        "error.html", {"title": title, "paragraphs": paragraphs, "home_link": home_link, "status": status}
    )
    return HttpResponse(html, status=status)


def answer(request, status: int, title: str, paragraphs: list[str], detail: str | None = None):
    if wants_json(request):
        return json_error(request, status, detail or " ".join([title + ".", *paragraphs]))
    return page(status, title, paragraphs)


def database_unavailable(request, exception=None):
    if exception is not None:  # one line per request, not a traceback: the cause is outside Plein
        logger.error("Database unreachable, answered 503: %s %s: %s", request.method, request.path, exception)
    response = answer(
        request,
        503,
        _("Plein cannot be reached for a moment"),
        [
            _("Plein cannot reach its database. What you sent has not been saved."),
            _("Please try again in a few minutes."),
        ],
        detail=ngettext(
            "Plein cannot reach its database for a moment. Nothing was saved. Try again in %(seconds)s second.",
            "Plein cannot reach its database for a moment. Nothing was saved. Try again in %(seconds)s seconds.",
            RETRY_AFTER,
        )
        % {"seconds": RETRY_AFTER},
    )
    response["Retry-After"] = str(RETRY_AFTER)
    return response


def server_error(request):
    return answer(
        request,
        500,
        _("Something went wrong on our side"),
        [
            _("This is not your fault. Nothing was changed. Please try again in a few minutes."),
            _("Does it keep happening? Tell the administrator what you were doing."),
        ],
        detail=_("Something went wrong on our side. Please try again later."),
    )


def too_large(request):
    return answer(
        request,
        413,
        _("What you sent is too large"),
        [_("Nothing was saved. Send less at once, for example a smaller file or fewer questions per visit.")],
        detail=_("The request is too large. Nothing was saved. Send less at once."),
    )


def too_many_fields(request):
    return answer(
        request,
        400,
        _("What you sent has too many fields"),
        [_("Nothing was saved. Send less at once, for example fewer questions per visit.")],
        detail=_("The request has too many fields. Nothing was saved. Send less at once."),
    )


def bad_request(request):
    return answer(
        request,
        400,
        _("Plein could not read what you sent"),
        [_("Nothing was saved. Go back, reload the page and try again.")],
        detail=_("The request could not be read. Nothing was saved."),
    )


def for_bad_request(request, exception=None):
    """handler400: Django calls it for a SuspiciousOperation, such as a body that is too large."""
    if isinstance(exception, RequestDataTooBig):
        return too_large(request)
    if isinstance(exception, TooManyFieldsSent | TooManyFilesSent):
        return too_many_fields(request)
    return bad_request(request)
