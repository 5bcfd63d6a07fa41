"""Declarative parameter specs: one source for a request parser and the OpenAPI document.

A ``Param`` says a parameter's name, type, default, bounds, maximum length, allowed values and
description. The parsers (``search.params``, ``api.recommendations``) read their bounds and
defaults from these specs, and ``api.openapi`` turns the same specs into JSON Schema, so the
document cannot say 20 where the code applies 10. Pure: no Flask, no database (descriptions are
lazy strings, rendered by the document in the reader's language).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# JSON Schema types, plus "date" (a string with format date).
TYPES = ("string", "integer", "number", "boolean", "date", "array")


@dataclass(frozen=True)
class Param:
    """One parameter (query string or JSON body field) of an endpoint."""

    name: str
    type: str
    description: object = ""  # a lazy string
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None  # strings, and each item of an array of strings
    pattern: str | None = None
    enum: tuple[str, ...] | None = None  # allowed values (of each item, for an array)
    item_type: str = "string"  # arrays: the type of their items
    max_items: int | None = None
    repeatable: bool = False  # a query parameter given several times (?kind=a&kind=b)
    required: bool = False

    def __post_init__(self) -> None:
        if self.type not in TYPES or self.item_type not in TYPES:
            raise ValueError(f"unknown type for {self.name!r}")

    @property
    def choices(self) -> tuple[str, ...]:
        """The allowed values (empty when any value is allowed)."""
        return self.enum or ()

    def within(self, value: float) -> bool:
        """Whether ``value`` lies within the bounds (a missing bound does not limit)."""
        above = self.minimum is None or value >= self.minimum
        return above and (self.maximum is None or value <= self.maximum)

    def fits_length(self, text: str) -> bool:
        """Whether ``text`` is short enough (no maximum length: any text fits)."""
        return self.max_length is None or len(text) <= self.max_length

    def fits_count(self, items: object) -> bool:
        """Whether an array has few enough items (no maximum: any count fits)."""
        return self.max_items is None or len(items) <= self.max_items  # type: ignore[arg-type]

    def schema(self) -> dict[str, Any]:
        """The JSON Schema of the parameter's value."""
        if self.type == "array":
            items = _scalar_schema(self.item_type, enum=self.enum, max_length=self.max_length)
            schema: dict[str, Any] = {"type": "array", "items": items}
            if self.max_items is not None:
                schema["maxItems"] = self.max_items
            if self.repeatable:
                schema["uniqueItems"] = True
        else:
            schema = _scalar_schema(self.type, enum=self.enum, max_length=self.max_length)
            if self.pattern is not None:
                schema["pattern"] = self.pattern
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        if self.default is not None:
            schema["default"] = self.default
        return schema


def _scalar_schema(kind: str, *, enum: tuple[str, ...] | None, max_length: int | None) -> dict[str, Any]:
    if kind == "date":
        return {"type": "string", "format": "date"}
    schema: dict[str, Any] = {"type": kind}
    if enum is not None:
        schema["enum"] = list(enum)
    if max_length is not None and kind == "string":
        schema["maxLength"] = max_length
    return schema


class Spec(dict[str, Param]):
    """An endpoint's parameters by name, in the order they are documented."""

    def __init__(self, params: Iterable[Param]) -> None:
        super().__init__((param.name, param) for param in params)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self)

    def required(self) -> list[str]:
        return [param.name for param in self.values() if param.required]
