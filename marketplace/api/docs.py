"""The readable API documentation (``/api/docs``): our own page rendering the OpenAPI document."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, current_app, render_template
from flask_babel import gettext as _
from limits import parse_many

from marketplace.accounts.access import public
from marketplace.api.links import api_server_url
from marketplace.api.openapi import build_document

bp = Blueprint("api_docs", __name__)

METHODS = ("get", "post")


def operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Each operation with its method and path, in the document's order."""
    found = []
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                found.append({"method": method.upper(), "path": path, **item[method]})
    return found


def curl_example(base_url: str, operation: dict[str, Any]) -> str:
    """A command to paste in a terminal; the key comes from an environment variable."""
    if operation["method"] == "POST":
        body = json.dumps(operation.get("x-example-body", {}), ensure_ascii=False)
        return (
            f"curl -X POST -H 'Content-Type: application/json' -H \"X-API-Key: $TREMPLIN_API_KEY\" "
            f"-d '{body}' '{base_url}{operation['path']}'"
        )
    if "sessionCookie" in json.dumps(operation.get("security", [])):
        return f"curl -b 'session=…' '{base_url}{operation['x-example']}'"
    return f"curl -H \"X-API-Key: $TREMPLIN_API_KEY\" '{base_url}{operation['x-example']}'"


def schema_summary(schema: dict[str, Any]) -> str:
    """'integer, 1 to 100' or 'list of: a, b, c': how a reader sees a parameter's values."""
    if schema.get("type") == "array":
        return "[" + schema_summary(schema.get("items", {})) + ", …]"
    if "enum" in schema:
        return " | ".join(str(value) for value in schema["enum"])
    text = schema.get("format") or str(schema.get("type", ""))
    if "minimum" in schema and "maximum" in schema:
        text += f" ({schema['minimum']}–{schema['maximum']})"
    if "pattern" in schema:
        text += f" {schema['pattern']}"
    return text


def rate_limit_text(value: str) -> str:
    """'60 per minute' -> '60 requêtes par minute' in the reader's language."""
    per_one = {
        "second": _("per second"),
        "minute": _("per minute"),
        "hour": _("per hour"),
        "day": _("per day"),
    }
    per_many = {"second": _("seconds"), "minute": _("minutes"), "hour": _("hours"), "day": _("days")}
    parts = []
    for item in parse_many(value):
        name = item.GRANULARITY.name
        if item.multiples == 1:
            period = per_one.get(name, name)
        else:
            period = _("every %(num)d %(unit)s", num=item.multiples, unit=per_many.get(name, name))
        parts.append(_("%(num)d requests %(period)s", num=item.amount, period=period))
    return ", ".join(parts)


@bp.get("/api/docs")
@public
def docs():
    base_url = api_server_url()
    document = build_document(base_url)
    found = operations(document)
    for operation in found:
        operation["curl"] = curl_example(base_url, operation)
    return render_template(
        "api/docs.html",
        document=document,
        operations=found,
        schema_summary=schema_summary,
        schemas=document["components"]["schemas"],
        anonymous_limit=rate_limit_text(current_app.config["API_ANONYMOUS_RATE_LIMIT"]),
        keyed_limit=rate_limit_text(current_app.config["API_KEY_RATE_LIMIT"]),
    )
