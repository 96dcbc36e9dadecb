"""The API's documentation page at /api/docs: a Plein page of its own, rendered on the server
from the OpenAPI schema (api.get_openapi_schema()), with a link to /api/openapi.json.

Why not Swagger UI (which django-ninja ships)? Measured in Chromium: it runs without CSP
violations when served locally, but axe-core finds violations in it that Plein cannot fix from
outside (nested interactive controls, contrast, no main landmark or page language). This page
passes axe and the CSP, works without JavaScript, and is Dutch: the schema's English
descriptions are gettext_noop msgids, translated here."""

import json
import re

from django.shortcuts import render
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja.openapi.docs import DocsBase

STATUS_TEXT = {
    "200": "OK",
    "201": "Created",
    "400": "Bad Request",
    "401": "Unauthorized",
    "403": "Forbidden",
    "404": "Not Found",
    "405": "Method Not Allowed",
    "413": "Content Too Large",
    "422": "Unprocessable Entity",
    "429": "Too Many Requests",
    "503": "Service Unavailable",
}


def text(value) -> str:
    """A description from the schema, in the page's language, with `code` as <code>."""
    if not value:
        return ""
    html = re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(_(value)))
    return mark_safe(html)  # noqa: S308 - escaped above; only <code> added


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def type_label(schema: dict) -> str:
    """A field's type in words, with a link to a data shape it refers to."""
    if "$ref" in schema:
        name = _ref_name(schema["$ref"])
        return format_html('<a class="utrecht-link" href="#schema-{}">{}</a>', name, name)
    if "anyOf" in schema:
        options = [type_label(s) for s in schema["anyOf"] if s.get("type") != "null"]
        label = mark_safe(" | ".join(options))  # noqa: S308 - parts are format_html/escaped
        if any(s.get("type") == "null" for s in schema["anyOf"]):
            return format_html("{} {}", label, _("or null"))
        return label
    kind, fmt = schema.get("type"), schema.get("format")
    if kind == "array":
        return format_html(_("list of {}"), type_label(schema.get("items", {})))
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        return format_html(_("object: field → {}"), type_label(schema["additionalProperties"]))
    if fmt == "uuid":
        return _("id (UUID)")
    if fmt == "date":
        return _("date (YYYY-MM-DD)")
    return {"string": _("text"), "integer": _("whole number"), "boolean": _("true or false")}.get(
        kind, escape(kind or "")
    )


def _constraints(schema: dict) -> str:
    notes = []
    if "maxLength" in schema:
        notes.append(
            ngettext("at most %(n)s character", "at most %(n)s characters", schema["maxLength"])
            % {"n": schema["maxLength"]}
        )
    if "minItems" in schema and "maxItems" in schema:
        notes.append(
            ngettext("%(min)s to %(max)s item", "%(min)s to %(max)s items", schema["maxItems"])
            % {"min": schema["minItems"], "max": schema["maxItems"]}
        )
    return ", ".join(notes)


def _fields(schema: dict) -> list[dict]:
    required = set(schema.get("required", []))
    return [
        {
            "name": name,
            "type": type_label(prop),
            "required": name in required,
            "description": text(prop.get("description")),
            "constraints": _constraints(prop),
        }
        for name, prop in schema.get("properties", {}).items()
    ]


def _body_ref(operation: dict) -> str | None:
    content = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
    ref = content.get("schema", {}).get("$ref")
    return _ref_name(ref) if ref else None


def _responses(operation: dict) -> list[dict]:
    result = []
    for status, response in sorted(operation.get("responses", {}).items()):
        ref = response.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref")
        result.append(
            {
                "status": status,
                "text": STATUS_TEXT.get(status, response.get("description", "")),
                "schema": _ref_name(ref) if ref else None,
            }
        )
    return result


EXAMPLE_QUERY = {"/api/v1/figures": "?from=2026-01-01&to=2026-03-31"}
EXAMPLE_BODY = {
    "location": "…",
    "channel": "inloop",
    "duration": "10-30",
    "questions": [{"domain": "digitale-overheid", "topic": "digid", "help": "praktische-hulp"}],
    "idempotency_key": "a3f1c2d4-0b6e-4c55-9d1e-2f7a8b9c0d11",
}


def example(request, method: str, path: str, has_body: bool) -> str:
    """A curl command that calls the operation, for copying."""
    url = request.build_absolute_uri(path) + EXAMPLE_QUERY.get(path, "")
    auth = f"-H 'Authorization: Bearer {_('<key>')}'"
    lines = [f"curl {auth} \\" if method == "GET" else f"curl -X {method} {auth} \\"]
    if has_body:
        lines.append("     -H 'Content-Type: application/json' \\")
        body = {**EXAMPLE_BODY, "location": _("<id of your IDO branch>")}
        lines.append(f"     -d '{json.dumps(body, ensure_ascii=False)}' \\")
    lines.append(f"     '{url}'")
    return "\n".join(lines)


def operations(request, schema: dict) -> list[dict]:
    result = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            result.append(
                {
                    "anchor": op["operationId"],
                    "method": method.upper(),
                    "path": path,
                    "summary": _(op.get("summary", "")),
                    "description": text(op.get("description")),
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "type": type_label(p.get("schema", {})),
                            "description": text(p.get("description")),
                        }
                        for p in op.get("parameters", [])
                    ],
                    "body": _body_ref(op),
                    "responses": _responses(op),
                    "secured": bool(op.get("security")),
                    "example": example(request, method.upper(), path, bool(_body_ref(op))),
                }
            )
    return result


def data_shapes(schema: dict) -> list[dict]:
    shapes = schema.get("components", {}).get("schemas", {})
    return [
        {"name": name, "fields": _fields(shape), "closed": shape.get("additionalProperties") is False}
        for name, shape in shapes.items()
    ]


class PleinDocs(DocsBase):
    template = "api/docs.html"

    def render_page(self, request, api, **kwargs):
        schema = api.get_openapi_schema(path_params=kwargs)
        ops = operations(request, schema)
        context = {
            "api_title": schema["info"]["title"],
            "api_version": schema["info"]["version"],
            "api_description": text(schema["info"].get("description")),
            "openapi_url": self.get_openapi_url(api, kwargs),
            "operations": ops,
            "shapes": data_shapes(schema),
            "page_title": _("Plein API for developers"),
            "breadcrumbs": [(_("Plein API for developers"), None)],
        }
        return render(request, self.template, context)
