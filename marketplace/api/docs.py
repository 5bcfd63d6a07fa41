"""The readable API documentation (``/api/docs``): our own page rendering the OpenAPI document."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, render_template

from marketplace.accounts.access import public
from marketplace.api.openapi import build_document
from marketplace.api.views import api_server_url

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
    )
