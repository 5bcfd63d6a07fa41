"""One commit point per request, as Indico's request handler does: commit once, roll back on any error.

Views never write ``try: service() except DomainError: rollback ... else: commit`` by hand:

- a form view wraps its service call in ``with attempt(form) as done:``. Success commits; a domain
  error rolls back and is shown on its field (or flashed), and the form keeps what was typed;
  any other exception rolls back and propagates. The view then reads ``done.ok``;
- a one-click POST action is decorated with ``@action(back=...)``: the view calls its service,
  flashes its success and returns its redirect, and the commit happens once it returned. A domain
  error rolls back, drops the success message the view may have queued, and becomes a flashed
  message in the user's language and a redirect to ``back`` (the form's local ``next`` first);
- the API answers a domain error with its JSON error shape (``errors.error_response``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps
from typing import Any

from flask import Flask, abort, flash, g, jsonify, redirect, request, session, url_for
from flask_wtf import FlaskForm

from marketplace.domain import DomainError
from marketplace.extensions import db
from marketplace.forms_util import safe_next_url


@dataclass
class Attempt:
    """What became of a write: committed (``ok``), or refused with ``error`` (on a field or flashed)."""

    ok: bool = False
    error: DomainError | None = None
    on_field: bool = False


@contextmanager
def attempt(
    form: FlaskForm | None = None, *, abort_on: tuple[type[DomainError], ...] = (), show: bool = True
) -> Iterator[Attempt]:
    """Run the block's writes and commit them once; a domain error is rolled back and shown.

    Errors of the ``abort_on`` classes become their HTTP status instead (``NotAllowed``: a 403 page);
    ``show=False`` leaves the error to the view (``done.error``) when its page says it its own way.
    """
    outcome = Attempt()
    try:
        yield outcome
        db.session.commit()
    except DomainError as error:
        db.session.rollback()
        if isinstance(error, abort_on):
            abort(error.status_code)
        outcome.error = error
        outcome.on_field = _show(form, error) if show else False
    except BaseException:
        db.session.rollback()
        raise
    else:
        outcome.ok = True


def _show(form: FlaskForm | None, error: DomainError) -> bool:
    """Each refusal next to its field when the form has it, else flashed; True if one was on a field."""
    problems = getattr(error, "errors", None) or {error.field: error.message}  # MissionInvalid: several
    on_field = False
    for name, message in problems.items():
        field = getattr(form, name, None) if form is not None and name else None
        if field is not None:
            field.errors = [*field.errors, str(message)]
            on_field = True
        else:
            flash(str(message), "error")
    return on_field


_BACK = "tremplin_action_back"


def action(back: Callable[..., str]) -> Callable:
    """A one-click POST: commit when the view returns; on a domain error, flash it and go ``back``.

    ``back`` gets the view's URL arguments and returns the page to return to; a local ``next``
    sent with the form wins, as for the view's own redirect.
    """

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            g.setdefault(_BACK, lambda: back(**kwargs))
            queued = list(session.get("_flashes", []))
            try:
                response = view(*args, **kwargs)
                db.session.commit()
            except BaseException:
                db.session.rollback()
                if session.get("_flashes", []) != queued:  # no "done!" for what was undone
                    session["_flashes"] = queued
                raise
            return response

        return wrapper

    return decorate


def _domain_error(error: DomainError):
    """Roll back, then: the JSON error shape for the API, else a flashed message and a redirect."""
    from marketplace.errors import wants_json

    db.session.rollback()
    if wants_json():
        payload = {"error": {"code": error.code, "message": str(error.message), "field": error.field}}
        return jsonify(payload), error.status_code
    flash(str(error.message), "error")
    back = g.get(_BACK)
    default = back() if back is not None else url_for("main.dashboard")
    return redirect(safe_next_url(request.form.get("next"), default))


def init_commit_point(app: Flask) -> None:
    """Domain errors that leave a view become a message (HTML) or the API's error shape (JSON)."""
    app.register_error_handler(DomainError, _domain_error)
