"""Domain errors raised by services and turned into messages by the views."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the marketplace refused an action; ``message`` is shown to the user."""

    status_code = 400

    def __init__(self, message: object, *, field: str | None = None, code: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.code = code or type(self).__name__


class NotAllowed(DomainError):
    status_code = 403


class NotFound(DomainError):
    status_code = 404


class Conflict(DomainError):
    status_code = 409
