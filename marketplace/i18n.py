"""Language helpers exposed to templates."""

from __future__ import annotations

from babel.dates import get_day_names
from flask import Flask
from flask_babel import format_decimal, get_locale, refresh
from flask_babel import lazy_gettext as _l

from marketplace.reference import vocabularies
from marketplace.statuses import ApplicationStatus, MissionStatus
from marketplace.text import plain_text, render_markdown

STATUS_LABELS = {
    # Missions
    MissionStatus.DRAFT: _l("Draft"),
    MissionStatus.PENDING_REVIEW: _l("Awaiting review"),
    MissionStatus.PUBLISHED: _l("Published"),
    MissionStatus.CLOSED: _l("Closed"),
    MissionStatus.CANCELLED: _l("Cancelled"),
    # Applications
    ApplicationStatus.PENDING: _l("Sent"),
    ApplicationStatus.IN_REVIEW: _l("Under review"),
    ApplicationStatus.ACCEPTED: _l("Accepted"),
    ApplicationStatus.DECLINED: _l("Declined"),
    ApplicationStatus.WITHDRAWN: _l("Withdrawn"),
    ApplicationStatus.COMPLETED: _l("Completed"),
    # Network memberships
    "requested": _l("Asked to join"),
    "invited": _l("Invited"),
}


def status_label(status: str) -> str:
    return str(STATUS_LABELS.get(status, status))


def day_abbreviations() -> dict[str, str]:
    """'wed' -> 'Mer.' in the current language, so a week grid fits a phone screen."""
    names = get_day_names("abbreviated", locale=get_locale() or "fr")
    return {day.slug: str(names[number]).capitalize() for number, day in enumerate(vocabularies.DAYS)}


def format_number(value: float | None) -> str:
    """2.5 -> '2,5' in French, '2.5' in English; at most one decimal, none for whole numbers."""
    return format_decimal(round(value or 0, 1), format="#,##0.#")


format_hours = format_number


def person_name(user, fallback: object = "") -> str:
    """How a person is named on a page: « compte supprimé » once their account is erased."""
    if user is not None and getattr(user, "erased_at", None) is not None:
        return str(_l("deleted account"))
    return str(getattr(user, "first_name", "") or fallback)


def init_i18n(app: Flask) -> None:
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["plain_text"] = plain_text

    @app.teardown_request
    def forget_request_locale(_error: BaseException | None) -> None:
        # Flask-Babel caches the locale on `g`: when an app context outlives a request
        # (tests, scripts), the next request must pick its own language again.
        refresh()

    app.jinja_env.globals["status_label"] = status_label
    app.jinja_env.globals["format_hours"] = format_hours
    app.jinja_env.globals["format_number"] = format_number
    app.jinja_env.globals["person_name"] = person_name

    @app.context_processor
    def inject_language() -> dict:
        return {
            "current_locale": str(get_locale() or app.config["BABEL_DEFAULT_LOCALE"]),
            "available_languages": (("fr", "Français"), ("en", "English")),
            "vocab": vocabularies,
        }
