"""Error pages in the user's language, or JSON for API clients."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from marketplace.extensions import db

logger = logging.getLogger(__name__)

MESSAGES = {
    400: (
        _l("Invalid request"),
        _l("The request could not be understood. Check what you entered and try again."),
    ),
    401: (_l("Sign-in required"), _l("Sign in to see this page.")),
    403: (_l("Access denied"), _l("Your account does not give access to this page.")),
    404: (_l("Page not found"), _l("This page does not exist or is no longer available.")),
    405: (_l("Method not allowed"), _l("This action is not possible on this page.")),
    409: (_l("Conflict"), _l("This action conflicts with the current state of the data.")),
    429: (
        _l("Too many attempts"),
        _l("You have made too many attempts in a short time. Wait a few minutes, then try again."),
    ),
    500: (
        _l("Something went wrong"),
        _l("An unexpected error occurred. Our team has been told; try again later."),
    ),
}

CSRF_MESSAGE = _l(
    "Your form has expired or could not be verified (security token). Reload the page and try again: "
    "nothing was saved."
)


def wants_json() -> bool:
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return (
        best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]
    )


def error_response(status: int, *, message: object | None = None, code: str | None = None):
    title, default_message = MESSAGES.get(status, MESSAGES[500 if status >= 500 else 400])
    text = str(message or default_message)
    if wants_json():
        payload = {"error": {"code": code or title_code(status), "message": text, "field": None}}
        return jsonify(payload), status
    return render_template("errors/error.html", status=status, title=title, message=text), status


def title_code(status: int) -> str:
    return {
        400: "bad_request",
        401: "unauthorized",
        403: "forbidden",
        404: "not_found",
        405: "method_not_allowed",
        409: "conflict",
        429: "rate_limited",
    }.get(status, "server_error")


def init_error_handlers(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return error_response(400, message=CSRF_MESSAGE, code="csrf_failed")

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return error_response(error.code or 500)

    @app.errorhandler(InternalServerError)
    def server_error(error: InternalServerError):
        db.session.rollback()
        logger.exception("Unhandled error on %s %s", request.method, request.path)
        return error_response(500)
