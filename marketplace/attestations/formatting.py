"""How an attestation's figures and dates read, in French or English (shared by the PDF and the page)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _


def _locale(locale: str | None) -> str:
    return locale or str(get_locale() or "fr")


def hours_number(hours: float, locale: str | None = None) -> str:
    """12.5 -> '12,5' in French, '12.5' in English; at most two decimals, none for whole hours."""
    return format_decimal(round(float(hours), 2), format="#,##0.##", locale=_locale(locale))


def hours_text(hours: float, locale: str | None = None) -> str:
    """'12,5 heures', '1 heure' / '12.5 hours', '1 hour' (in the request's language)."""
    # gettext's plural rules take whole numbers: a fractional amount reads as plural.
    count = int(hours) if float(hours).is_integer() else 2
    return ngettext("%(hours)s hour", "%(hours)s hours", count, hours=hours_number(hours, _locale(locale)))


def long_date(iso_or_date: str | date, locale: str | None = None) -> str:
    """'7 décembre 2026' / 'December 7, 2026'."""
    day = date.fromisoformat(iso_or_date) if isinstance(iso_or_date, str) else iso_or_date
    return format_date(day, "long", locale=_locale(locale))


def period_text(first_day: str, last_day: str, locale: str | None = None) -> str:
    """One day, or 'du 2 au 5 mars 2026'-like ranges written with both dates in full."""
    if first_day == last_day:
        return long_date(first_day, locale)
    return _("%(first)s – %(last)s", first=long_date(first_day, locale), last=long_date(last_day, locale))


def association_identifiers(association: dict) -> str:
    """'RNA W691234567 · SIREN 123456789' (only the numbers known), or ''."""
    parts = []
    if association.get("rna"):
        parts.append(_("RNA %(number)s", number=association["rna"]))
    if association.get("siren"):
        parts.append(_("SIREN %(number)s", number=association["siren"]))
    return " · ".join(parts)
