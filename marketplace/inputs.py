"""Input that would crash a lower layer is refused at the edge with a 4xx, in one place each.

Found by probing (issue 13, finding 12): each of these gave anyone a 500.

- ids in paths: ``<int:...>`` is bounded to PostgreSQL's ``integer`` (and SQLite's 64-bit integers
  never overflow then): ``/missions/2147483648`` is a 404, not a database error;
- JSON nested deeper than any of our documents: refused as invalid JSON instead of a RecursionError;
- NUL characters: PostgreSQL cannot store them in text; a request carrying one in its path, query
  string, form or JSON body is refused with a 400 before any view runs (they are never typed by a
  person, so refusing loses nothing);
- one-line header values (e-mail subjects): ``one_line`` folds CR/LF and other controls to spaces.
"""

from __future__ import annotations

import json
import re
from typing import Any

from flask import Flask, abort, request
from flask.json.provider import DefaultJSONProvider
from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1  # PostgreSQL integer; also the largest id SQLite will ever hand out here
MAX_JSON_DEPTH = 32  # our deepest documents (recommendation answers, import lines) have 3 levels
_JSON_NUL = re.compile(rb"\\u0000", re.IGNORECASE)
_CONTROLS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


class IdConverter(IntegerConverter):
    """``<int:...>`` for every route: a non-negative integer that fits an ``integer`` column."""

    def __init__(self, url_map: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def parse_id(value: object) -> int | None:
    """An id read from a form or query string, or None when it is not one (never an overflow)."""
    text = str(value or "").strip()
    if not text.isdigit() or not text.isascii():
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def bounded_page(value: object, *, maximum: int = 10_000) -> int:
    """A page number from the query string: 1 when missing or wrong, at most ``maximum``."""
    number = parse_id(value)
    return min(number, maximum) if number else 1


def _depth_exceeds(value: Any, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


def loads_json(text: str | bytes, **kwargs: Any) -> Any:
    """``json.loads`` that answers a JSONDecodeError (a ValueError) for too deep a document."""
    too_deep = f"JSON nested deeper than {MAX_JSON_DEPTH} levels"
    try:
        value = json.loads(text, **kwargs)
    except RecursionError as error:
        raise json.JSONDecodeError(too_deep, "", 0) from error
    if _depth_exceeds(value, MAX_JSON_DEPTH):
        raise json.JSONDecodeError(too_deep, "", 0)
    return value


class BoundedJSONProvider(DefaultJSONProvider):
    """Flask's JSON, whose ``loads`` (``request.get_json``) refuses too deep documents as invalid."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return loads_json(s, **kwargs)


def one_line(text: object) -> str:
    """A header value: CR, LF and other control characters become single spaces."""
    return _CONTROLS.sub(" ", str(text)).strip()


def _carries_nul() -> bool:
    if "\x00" in request.path or b"\x00" in request.query_string or b"%00" in request.query_string:
        return True
    if any("\x00" in value for value in request.args.values()):
        return True
    if request.is_json:
        return bool(_JSON_NUL.search(request.get_data(cache=True)))
    if request.mimetype in {"application/x-www-form-urlencoded", "multipart/form-data"}:
        fields = request.form.items(multi=True)
        return any("\x00" in key or "\x00" in value for key, value in fields)
    return False


def refuse_nul_characters() -> None:
    """400 for a request carrying a NUL character anywhere it could reach the database."""
    if _carries_nul():
        abort(400)


def init_inputs(app: Flask) -> None:
    """Bound ids and JSON depth, refuse NUL characters (before any view or form reads them)."""
    app.url_map.converters["int"] = IdConverter
    app.json = BoundedJSONProvider(app)
    app.before_request(refuse_nul_characters)
