"""Links sent by e-mail to prove an address: verification at sign-up, and change of address.

A link is a token signed with ``SECRET_KEY`` under a salt per purpose (a verification link is
no change-of-address link), that expires (``EMAIL_VERIFICATION_MAX_AGE``,
``EMAIL_CHANGE_MAX_AGE``) and carries the user's ``email_token_nonce``: using a link replaces the
nonce, so it works once, and asking for a new change of address kills the previous links.
Services flush, never commit.
"""

from __future__ import annotations

import secrets

from flask import current_app, render_template, url_for
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from marketplace.accounts.models import User
from marketplace.accounts.validation import normalize_email
from marketplace.domain import Conflict, DomainError
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.notifications.services import queue_email

VERIFY = "verify-email"
CHANGE = "change-email"
_MAX_AGE_SETTING = {VERIFY: "EMAIL_VERIFICATION_MAX_AGE", CHANGE: "EMAIL_CHANGE_MAX_AGE"}


class InvalidEmailLink(DomainError):
    pass


class EmailNotVerified(DomainError):
    status_code = 403
    code = "email_not_verified"

    def __init__(self) -> None:
        super().__init__(
            _l(
                "Confirm your email address first: open the link we sent you "
                "(or ask for a new one from « My account »)."
            )
        )


def contact_address() -> str:
    """Where people write about their account or their data (settings; may be empty)."""
    config = current_app.config
    return str(config.get("PRIVACY_CONTACT_EMAIL") or config.get("LEGAL_CONTACT_EMAIL") or "")


def require_verified(user: User) -> None:
    """Applying, submitting and publishing need a confirmed address."""
    if not user.is_verified:
        raise EmailNotVerified()


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"tremplin-{purpose}")


def new_nonce() -> str:
    return secrets.token_hex(16)


def _make_token(user: User, purpose: str, email: str) -> str:
    if not user.email_token_nonce:
        user.email_token_nonce = new_nonce()
    return str(_serializer(purpose).dumps({"uid": user.id, "email": email, "n": user.email_token_nonce}))


def _read_token(token: str, purpose: str) -> tuple[User, str]:
    """The user and the address a link was made for; refused when expired, forged or already used."""
    max_age = current_app.config[_MAX_AGE_SETTING[purpose]]
    try:
        data = _serializer(purpose).loads(token, max_age=max_age)
    except SignatureExpired as error:
        raise InvalidEmailLink(_l("This link has expired: ask for a new one.")) from error
    except BadSignature as error:
        raise InvalidEmailLink(_l("This link is not valid: ask for a new one.")) from error
    user = db.session.get(User, data.get("uid")) if isinstance(data, dict) else None
    if user is None or user.erased_at is not None or not user.email_token_nonce:
        raise InvalidEmailLink(_l("This link is not valid: ask for a new one."))
    if data.get("n") != user.email_token_nonce:
        raise InvalidEmailLink(_l("This link has already been used: ask for a new one."))
    return user, str(data.get("email") or "")


def _spend_links(user: User) -> None:
    user.email_token_nonce = new_nonce()


def _mail(user: User, recipient: str, subject: object, template: str, **context: object) -> None:
    """Queue an e-mail in the person's own language (to ``recipient``: the old or new address too)."""
    with force_locale(user.locale or "fr"):
        queue_email(
            recipient=recipient,
            subject=str(subject),
            body_text=render_template(f"emails/{template}.txt", user=user, **context),
        )


# --- Verification at sign-up --------------------------------------------------------------------


def send_welcome(user: User) -> None:
    """The welcome e-mail, with the link that confirms the address."""
    token = _make_token(user, VERIFY, user.email)
    _mail(
        user,
        user.email,
        _l("Welcome to Tremplin: confirm your email address"),
        "welcome_verify",
        link=url_for("accounts.verify_email", token=token, _external=True),
        days=current_app.config["EMAIL_VERIFICATION_MAX_AGE"] // 86400,
    )


def resend_verification(user: User) -> None:
    """Send the confirmation link again (callers rate-limit this)."""
    if user.is_verified:
        raise Conflict(_l("Your email address is already confirmed."))
    send_welcome(user)


def verify_email(token: str) -> User:
    """Mark the address of this link as confirmed; the link then stops working."""
    user, email = _read_token(token, VERIFY)
    if email != user.email:
        raise InvalidEmailLink(_l("This link was sent to an address you no longer use."))
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
    _spend_links(user)
    db.session.flush()
    return user


# --- Someone signs up with an address that already has an account --------------------------------


def tell_owner_of_signup_attempt(user: User) -> None:
    """The sign-up page answers as for a new account; the owner of the address is told instead."""
    _mail(
        user,
        user.email,
        _l("Someone tried to create a Tremplin account with your address"),
        "signup_attempt",
        login_link=url_for("accounts.login", _external=True),
        reset_link=url_for("accounts.forgot_password", _external=True),
    )


# --- Change of address ----------------------------------------------------------------------------


def email_taken(email: str, *, by: User) -> bool:
    from sqlalchemy import select

    return (
        db.session.scalar(select(User.id).where(User.email == normalize_email(email), User.id != by.id))
        is not None
    )


def request_email_change(user: User, *, new_email: str, password: str) -> str:
    """Send a confirmation link to the new address and tell the old one; returns the new address.

    The new address is not said to be taken: the link is sent all the same and refused on use,
    so this form cannot be used to find out who has an account.
    """
    if not user.check_password(password):
        raise DomainError(_l("Your current password is incorrect."), field="password")
    new_email = normalize_email(new_email)
    if new_email == user.email:
        raise DomainError(_l("This is already your email address."), field="email")
    user.email_token_nonce = new_nonce()  # an earlier change of address stops working
    token = _make_token(user, CHANGE, new_email)
    hours = current_app.config["EMAIL_CHANGE_MAX_AGE"] // 3600
    _mail(
        user,
        new_email,
        _l("Confirm your new email address on Tremplin"),
        "email_change_confirm",
        link=url_for("accounts.confirm_email_change", token=token, _external=True),
        new_email=new_email,
        hours=hours,
    )
    _mail(
        user,
        user.email,
        _l("A change of email address was asked for your Tremplin account"),
        "email_change_notice",
        new_email=new_email,
        hours=hours,
        reset_link=url_for("accounts.forgot_password", _external=True),
    )
    db.session.flush()
    return new_email


def confirm_email_change(token: str) -> User:
    """Switch the account to the address the link was sent to (which is then confirmed)."""
    user, new_email = _read_token(token, CHANGE)
    if email_taken(new_email, by=user):
        raise Conflict(_l("Another account already uses this address: the change cannot be made."))
    old_email = user.email
    user.email = new_email
    user.email_verified_at = utcnow()
    _spend_links(user)
    _mail(
        user,
        old_email,
        _l("Your Tremplin email address was changed"),
        "email_changed",
        new_email=new_email,
        contact=contact_address(),
    )
    db.session.flush()
    return user
