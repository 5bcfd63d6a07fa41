"""Format checks shared by forms and services (pure, no Flask)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 128
_SIREN = re.compile(r"^\d{9}$")
_RNA = re.compile(r"^W\d{9}$")
_POSTCODE = re.compile(r"^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$")
_POSTCODE_DIGITS = re.compile(r"^\d{5}$")
MAX_WEBSITE_LENGTH = 255
WEBSITE_SCHEMES = ("http", "https")
# A phone number as people type it: digits, spaces, dots, dashes, brackets, a leading +.
_PHONE = re.compile(r"^\+?[\d\s.\-()]{6,25}$")


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


# zxcvbn (Dropbox's estimator, packaged on PyPI) ranks a password against its lists of the most
# common passwords, words, names and keyboard patterns; below this score (fewer than about a
# million guesses) a password is one of those that attackers try first.
MIN_GUESSABILITY_SCORE = 2
# The estimator's cost grows fast with the length (about 0.9 s at 64 characters here, 0.1 s at
# 24): common passwords are short, so the first 24 characters are enough to judge.
_SCORED_LENGTH = 24


def password_is_common(password: str, *, hints: tuple[str, ...] = ()) -> bool:
    """True when the password is common or close to one (a frequent password, a word plus a year...)."""
    from zxcvbn import zxcvbn  # imported on use: its lists take a moment to load

    hints = tuple(hint for hint in hints if hint)
    result = zxcvbn(password[:_SCORED_LENGTH], user_inputs=["tremplin", "benevolat", *hints])
    return int(result["score"]) < MIN_GUESSABILITY_SCORE


def password_problem(password: str, *, email: str = "", first_name: str = "") -> object | None:
    """Return why a password is too weak, or None when it is acceptable."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return _l("Your password must contain at least %(n)d characters.", n=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        return _l("Your password must contain at most %(n)d characters.", n=MAX_PASSWORD_LENGTH)
    if len(set(password)) < 4:
        return _l("Your password repeats the same characters: choose a less predictable one.")
    local_part = normalize_email(email).split("@")[0]
    if local_part and len(local_part) >= 4 and local_part in password.lower():
        return _l("Your password must not contain your email address.")
    if password_is_common(password, hints=(local_part, first_name.strip().lower())):
        return _l(
            "This password is too common or too easy to guess (like « azerty123 » or a first name "
            "followed by a year): choose a longer one, for example three or four unrelated words."
        )
    return None


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def clean_siren(value: str) -> str:
    """Strip the spaces people type in SIREN numbers ("123 456 789")."""
    return re.sub(r"\s+", "", value or "")


def siren_problem(value: str) -> object | None:
    siren = clean_siren(value)
    if not _SIREN.match(siren):
        return _l("A SIREN number has exactly 9 digits.")
    if not luhn_valid(siren):
        return _l("This SIREN number is not valid (check digit mismatch): please check it.")
    return None


def clean_rna(value: str) -> str:
    return re.sub(r"\s+", "", value or "").upper()


def rna_problem(value: str) -> object | None:
    if not _RNA.match(clean_rna(value)):
        return _l("An RNA number is the letter W followed by 9 digits (e.g. W691234567).")
    return None


def postcode_problem(value: str) -> object | None:
    code = (value or "").strip()
    if not _POSTCODE_DIGITS.match(code) or not _POSTCODE.match(code):
        return _l("A French postcode has 5 digits (e.g. 69007).")
    return None


def website_problem(value: str) -> object | None:
    """Why a website address cannot be shown as a link: only http(s) with a host is (no javascript:)."""
    url = (value or "").strip()
    if len(url) > MAX_WEBSITE_LENGTH:
        return _l("At most %(n)d characters.", n=MAX_WEBSITE_LENGTH)
    if any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in url):
        return _l("A web address has no spaces: check it.")
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        host = None
        parts = None
    if parts is None or parts.scheme.lower() not in WEBSITE_SCHEMES or not host or "." not in host:
        return _l("Enter a full address starting with http:// or https://, like https://mon-asso.fr.")
    return None


def safe_website(value: str | None) -> str | None:
    """The website when it is a plain http(s) address, else None: never render or send anything else."""
    if not value or website_problem(value) is not None:
        return None
    return value.strip()


def phone_problem(value: str) -> object | None:
    phone = (value or "").strip()
    digits = sum(char.isdigit() for char in phone)
    if not _PHONE.match(phone) or not 6 <= digits <= 15:
        return _l("Enter a phone number, like 04 72 00 00 00 or +33 4 72 00 00 00.")
    return None
