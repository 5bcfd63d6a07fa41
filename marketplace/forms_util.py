"""Helpers shared by views that turn domain errors into form messages."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import flash, request
from flask_wtf import FlaskForm

from marketplace.domain import DomainError


def show_domain_error(form: FlaskForm, error: DomainError) -> None:
    """Attach the error to its field when the form has it, else flash it; typed data stays."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, str(error.message)]
    else:
        flash(str(error.message), "error")


def safe_next_url(target: str | None, default: str) -> str:
    """Only follow local paths, so a crafted ?next= cannot send people elsewhere.

    Control characters (CR/LF would split the Location header) and backslashes (browsers read
    ``/\\evil.example`` as ``//evil.example``) are refused as well.
    """
    if not target:
        return default
    if any(character < " " or character in "\x7f\\" for character in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target


def form_status(form: FlaskForm) -> int:
    """400 for a rejected submission (the page still shows the form and what was typed)."""
    return 400 if request.method == "POST" and form.errors else 200
