"""Account operations: sign-up, authentication, sessions and password reset.

Services flush but never commit: the view commits once per request.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from flask import current_app, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select

from marketplace.accounts.email_links import send_welcome, tell_owner_of_signup_attempt
from marketplace.accounts.models import User
from marketplace.accounts.validation import (
    clean_rna,
    clean_siren,
    normalize_email,
    password_problem,
    rna_problem,
    siren_problem,
    website_problem,
)
from marketplace.associations.models import Association, Membership
from marketplace.candidates.models import CandidateProfile
from marketplace.domain import DomainError
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.notifications.services import queue_email
from marketplace.privacy.policy import TERMS_VERSION
from marketplace.reference.vocabularies import AGE_RANGES

RESET_SALT = "tremplin-password-reset"


class InvalidCredentials(DomainError):
    status_code = 401


class InvalidToken(DomainError):
    pass


@dataclass(frozen=True)
class CandidateSignup:
    email: str
    password: str
    first_name: str
    age_range: str
    postcode: str = ""
    city: str = ""
    locale: str = "fr"


@dataclass(frozen=True)
class AssociationSignup:
    email: str
    password: str
    first_name: str
    association_name: str
    city: str
    postcode: str
    website: str | None = None
    siren: str | None = None
    rna: str | None = None
    locale: str = "fr"


def load_user_from_session_id(session_id: str) -> User | None:
    """Flask-Login loader: the id carries the session version, so old sessions stop loading."""
    user_id, _sep, version = (session_id or "").partition(":")
    if not (user_id.isdigit() and version.isdigit()):
        return None
    user = db.session.get(User, int(user_id))
    if user is None or user.session_version != int(version) or not user.is_active:
        return None
    return user


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalize_email(email)))


def _check_password(email: str, first_name: str, password: str) -> None:
    problem = password_problem(password, email=email, first_name=first_name)
    if problem:
        raise DomainError(problem, field="password")


def _address_taken(email: str) -> bool:
    """True when the address has an account: its owner is told by e-mail, the page says nothing.

    The hashing a new account would cost is spent here too, so that the answer takes as long.
    """
    owner = find_user_by_email(email)
    if owner is None:
        return False
    User(email="", password_hash="").set_password("not-a-real-password")
    if owner.erased_at is None:
        tell_owner_of_signup_attempt(owner)
    return True


def _new_user(email: str, password: str, first_name: str, role: str, locale: str) -> User:
    now = utcnow()
    user = User(
        email=normalize_email(email),
        first_name=first_name.strip(),
        role=role,
        locale=locale if locale in ("fr", "en") else "fr",
        terms_version=TERMS_VERSION,
        terms_accepted_at=now,
        last_seen_at=now,
    )
    user.set_password(password)
    db.session.add(user)
    return user


def register_candidate(data: CandidateSignup) -> User | None:
    """Create a candidate account with the start of a profile (age range, never a birth date).

    Returns None when the address already has an account (its owner gets an e-mail instead); the
    new account gets the welcome e-mail with its confirmation link.
    """
    _check_password(data.email, data.first_name, data.password)
    if data.age_range not in AGE_RANGES:
        raise DomainError(_l("Choose your age range."), field="age_range")
    if _address_taken(data.email):
        return None
    user = _new_user(data.email, data.password, data.first_name, "candidate", data.locale)
    user.profile = CandidateProfile(age_range=data.age_range, postcode=data.postcode, city=data.city)
    db.session.flush()
    send_welcome(user)
    return user


def register_association(data: AssociationSignup) -> tuple[User, Association] | None:
    """Create an association, its owner account and the owner membership, all or nothing.

    Returns None when the address already has an account (its owner gets an e-mail instead).
    """
    _check_password(data.email, data.first_name, data.password)
    siren = clean_siren(data.siren) if data.siren else None
    rna = clean_rna(data.rna) if data.rna else None
    if siren and (problem := siren_problem(siren)):
        raise DomainError(problem, field="siren")
    if rna and (problem := rna_problem(rna)):
        raise DomainError(problem, field="rna")
    if data.website and (problem := website_problem(data.website)):
        raise DomainError(problem, field="website")
    if _address_taken(data.email):
        return None
    user = _new_user(data.email, data.password, data.first_name, "association", data.locale)
    association = Association(
        name=data.association_name.strip(),
        slug=unique_association_slug(data.association_name),
        city=data.city.strip(),
        postcode=data.postcode.strip(),
        website=(data.website.strip() if data.website else None),
        siren=siren,
        rna=rna,
    )
    _locate(association)
    db.session.add(association)
    db.session.add(Membership(user=user, association=association, role="owner"))
    db.session.flush()
    send_welcome(user)
    return user, association


def _locate(association: Association) -> None:
    """Give the association coordinates from the offline reference, when we have it."""
    from marketplace.reference.places import place_for

    place = place_for(association.postcode, association.city)
    if place is not None:
        association.lat, association.lon = place.lat, place.lon


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "association"


def unique_association_slug(name: str) -> str:
    base = slugify(name)[:160]
    taken = set(
        db.session.scalars(
            select(Association.slug).where((Association.slug == base) | (Association.slug.like(f"{base}-%")))
        )
    )
    if base not in taken:
        return base
    suffix = 2
    while f"{base}-{suffix}" in taken:
        suffix += 1
    return f"{base}-{suffix}"


def authenticate(email: str, password: str) -> User:
    """Return the user for these credentials or raise InvalidCredentials (same message either way)."""
    user = find_user_by_email(email)
    if user is None:
        # Spend the same hashing time as a real check, so timing does not reveal accounts.
        User(email="", password_hash=_dummy_hash()).check_password(password)
        raise InvalidCredentials(_l("Incorrect email or password."))
    if not user.check_password(password) or not user.is_active:
        raise InvalidCredentials(_l("Incorrect email or password."))
    user.last_login_at = user.last_seen_at = utcnow()
    user.inactivity_warned_at = None
    return user


_DUMMY_HASH: str | None = None


def _dummy_hash() -> str:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        from werkzeug.security import generate_password_hash

        _DUMMY_HASH = generate_password_hash("not-a-real-password")
    return _DUMMY_HASH


def end_all_sessions(user: User) -> None:
    """Invalidate every session of this user (used by logout, password change and reset)."""
    user.session_version = (user.session_version or 0) + 1


def change_password(user: User, current_password: str, new_password: str) -> None:
    if not user.check_password(current_password):
        raise DomainError(_l("Your current password is incorrect."), field="current_password")
    problem = password_problem(new_password, email=user.email, first_name=user.first_name)
    if problem:
        raise DomainError(problem, field="new_password")
    user.set_password(new_password)
    end_all_sessions(user)


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=RESET_SALT)


def _password_fingerprint(user: User) -> str:
    # Changing the password changes the fingerprint: a token works once.
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def make_reset_token(user: User) -> str:
    return _serializer().dumps({"uid": user.id, "fp": _password_fingerprint(user)})


def request_password_reset(email: str) -> None:
    """Queue a reset email when the account exists; callers answer the same way in every case."""
    user = find_user_by_email(email)
    if user is None or not user.is_active:
        return
    token = make_reset_token(user)
    link = url_for("accounts.reset_password", token=token, _external=True)
    minutes = current_app.config["PASSWORD_RESET_MAX_AGE"] // 60
    queue_email(
        recipient=user.email,
        subject=_("Reset your Tremplin password"),
        body_text=render_template("emails/password_reset.txt", user=user, link=link, minutes=minutes),
    )


def user_for_reset_token(token: str) -> User:
    try:
        data = _serializer().loads(token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"])
    except SignatureExpired as error:
        raise InvalidToken(_l("This link has expired: ask for a new one.")) from error
    except BadSignature as error:
        raise InvalidToken(_l("This link is not valid: ask for a new one.")) from error
    user = db.session.get(User, data.get("uid")) if isinstance(data, dict) else None
    if user is None or data.get("fp") != _password_fingerprint(user):
        raise InvalidToken(_l("This link has already been used: ask for a new one."))
    return user


def reset_password(token: str, new_password: str) -> User:
    user = user_for_reset_token(token)
    problem = password_problem(new_password, email=user.email, first_name=user.first_name)
    if problem:
        raise DomainError(problem, field="password")
    user.set_password(new_password)
    end_all_sessions(user)
    if user.email_verified_at is None:  # the link reached the address: it is confirmed
        user.email_verified_at = utcnow()
    return user


def count_users_by_role() -> dict[str, int]:
    rows = db.session.execute(select(User.role, func.count()).group_by(User.role))
    return {role: count for role, count in rows}
