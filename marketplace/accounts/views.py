"""Sign-up (with e-mail verification), sign-in, sign-out, password reset and change, the account
page and change of address, language switch."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm

from marketplace import signals
from marketplace.accounts import email_links, services
from marketplace.accounts.access import public, signed_in
from marketplace.accounts.budgets import (
    EMAIL_LINKS_BY_USER,
    LOGIN_FAILURES_BY_EMAIL,
    SIGNUP_BY_EMAIL,
    SIGNUP_BY_IP,
    Budget,
)
from marketplace.accounts.forms import (
    AssociationSignupForm,
    CandidateSignupForm,
    ChangeEmailForm,
    ChangePasswordForm,
    ForgotPasswordForm,
    LanguageForm,
    LoginForm,
    ResendForm,
    ResetPasswordForm,
)
from marketplace.accounts.validation import normalize_email
from marketplace.commit import attempt
from marketplace.domain import DomainError
from marketplace.extensions import limiter
from marketplace.forms_util import form_status, safe_next_url

bp = Blueprint("accounts", __name__)


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _reset_limit() -> str:
    return current_app.config["RESET_RATE_LIMIT"]


SIGNUP_SENT_KEY = "signup_sent_to"


def _retry_minutes(seconds: int) -> int:
    return max(1, -(-seconds // 60))


def _refused_for_now(form: FlaskForm, template: str, message: str, retry_after: int, **context):
    """A 429 that shows the form again with what was typed, and says when to come back."""
    form.form_errors.append(message)
    response = render_template(template, form=form, **context)
    return response, 429, {"Retry-After": str(retry_after)}


def _over_budget(*spent: tuple[Budget, str]) -> int | None:
    """Seconds to wait when one of these budgets is spent, else None."""
    waits = [budget.retry_after(key) for budget, key in spent if budget.exceeded(key)]
    return max(waits) if waits else None


def _signup_budgets(email: str) -> tuple[tuple[Budget, str], ...]:
    return ((SIGNUP_BY_IP, get_remote_address()), (SIGNUP_BY_EMAIL, normalize_email(email)))


def _signup_refused(form: FlaskForm, template: str, wait: int):
    message = _(
        "Too many sign-ups from this connection or for this address in a short time. "
        "Nothing was lost: try again in %(minutes)d minutes.",
        minutes=_retry_minutes(wait),
    )
    return _refused_for_now(form, template, message, wait)


def _signup_done(email: str):
    """The same page whether the account was created or the address already had one."""
    for budget, key in _signup_budgets(email):
        budget.spend(key)
    session[SIGNUP_SENT_KEY] = normalize_email(email)
    return redirect(url_for("accounts.signup_sent"))


def _start_session(user, *, remember: bool = False) -> None:
    session.pop("locale", None)
    login_user(user, remember=remember)
    session["locale"] = user.locale


@bp.route("/connexion", methods=["GET", "POST"])
@public
@limiter.limit(_login_limit, methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = LoginForm(next=request.args.get("next", ""), email=request.args.get("email", ""))
    if form.validate_on_submit():
        # A second budget per targeted address, so rotating IPs does not help guessing one password.
        # Only wrong passwords spend it, and a password reset empties it: the owner gets back in.
        email = normalize_email(form.email.data)
        wait = _over_budget((LOGIN_FAILURES_BY_EMAIL, email))
        if wait is not None:
            message = _(
                "Too many wrong passwords for this address. Wait %(minutes)d minutes, or choose a new "
                "password with « Forgotten password? »: it lets you in at once.",
                minutes=_retry_minutes(wait),
            )
            return _refused_for_now(form, "accounts/login.html", message, wait)
        with attempt(show=False) as done:
            user = services.authenticate(form.email.data, form.password.data)
        if done.error:
            LOGIN_FAILURES_BY_EMAIL.spend(email)
            form.password.errors = [str(done.error.message)]  # never say which of the two was wrong
        else:
            _start_session(user, remember=form.remember.data)
            flash(_("Welcome, %(name)s!", name=user.first_name or user.email), "success")
            return redirect(safe_next_url(form.next.data, url_for("main.dashboard")))
    return render_template("accounts/login.html", form=form), form_status(form)


@bp.route("/deconnexion", methods=["POST"])
@signed_in
def logout():
    with attempt():
        services.end_all_sessions(current_user._get_current_object())
    logout_user()
    flash(_("You are signed out. See you soon!"), "info")
    return redirect(url_for("main.home"))


@bp.route("/inscription")
@public
def signup():
    return render_template("accounts/signup_choice.html")


@bp.route("/inscription/benevole", methods=["GET", "POST"])
@public
def signup_candidate():
    prefill = signals.merged_values(signals.accounts.signup_prefill) if request.method == "GET" else None
    form = CandidateSignupForm(data=prefill)
    template = "accounts/signup_candidate.html"
    if form.validate_on_submit():
        # Only a valid sign-up spends the budgets: a typo never locks a workshop out.
        wait = _over_budget(*_signup_budgets(form.email.data))
        if wait is not None:
            return _signup_refused(form, template, wait)
        data = services.CandidateSignup(
            email=form.email.data,
            password=form.password.data,
            first_name=form.first_name.data,
            age_range=form.age_range.data,
            postcode=form.postcode.data or "",
            locale=session.get("locale", "fr"),
        )
        with attempt(form) as done:
            user = services.register_candidate(data)
            if user is not None:
                signals.accounts.registered.send(user)  # e.g. the answers of « Trouver ma mission »
        if done.ok:
            return _signup_done(data.email)
    return render_template(template, form=form), form_status(form)


@bp.route("/inscription/association", methods=["GET", "POST"])
@public
def signup_association():
    form = AssociationSignupForm()
    template = "accounts/signup_association.html"
    if form.validate_on_submit():
        wait = _over_budget(*_signup_budgets(form.email.data))
        if wait is not None:
            return _signup_refused(form, template, wait)
        data = services.AssociationSignup(
            email=form.email.data,
            password=form.password.data,
            first_name=form.first_name.data,
            association_name=form.association_name.data,
            city=form.city.data,
            postcode=form.postcode.data,
            website=form.website.data or None,
            siren=form.siren.data or None,
            rna=form.rna.data or None,
            locale=session.get("locale", "fr"),
        )
        with attempt(form) as done:
            services.register_association(data)
        if done.ok:
            return _signup_done(data.email)
    return render_template(template, form=form), form_status(form)


@bp.route("/inscription/verifiez-vos-e-mails")
@public
def signup_sent():
    email = session.get(SIGNUP_SENT_KEY)
    if not email:
        return redirect(url_for("accounts.signup"))
    days = current_app.config["EMAIL_VERIFICATION_MAX_AGE"] // 86400
    return render_template("accounts/signup_sent.html", email=email, days=days)


@bp.route("/mot-de-passe-oublie", methods=["GET", "POST"])
@public
@limiter.limit(_reset_limit, methods=["POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        with attempt():
            services.request_password_reset(form.email.data)
        # The same answer whether or not the account exists.
        flash(
            _(
                "If an account exists for %(email)s, we have sent it a link to choose a new password. "
                "The link is valid for %(minutes)d minutes.",
                email=normalize_email(form.email.data),
                minutes=current_app.config["PASSWORD_RESET_MAX_AGE"] // 60,
            ),
            "info",
        )
        return redirect(url_for("accounts.login"))
    return render_template("accounts/forgot_password.html", form=form), form_status(form)


@bp.route("/mot-de-passe/reinitialiser/<token>", methods=["GET", "POST"])
@public
@limiter.limit(_reset_limit, methods=["POST"])
def reset_password(token: str):
    try:
        services.user_for_reset_token(token)
    except DomainError as error:
        flash(str(error.message), "error")
        return redirect(url_for("accounts.forgot_password"))
    form = ResetPasswordForm()
    if form.validate_on_submit():
        with attempt(form) as done:
            user = services.reset_password(token, form.password.data)
        if done.ok:
            LOGIN_FAILURES_BY_EMAIL.clear(user.email)  # the owner is back: wrong guesses are forgotten
            logout_user()
            flash(_("Your password has been changed. You can sign in with it now."), "success")
            return redirect(url_for("accounts.login", email=user.email))
    return render_template("accounts/reset_password.html", form=form), form_status(form)


@bp.route("/compte/mot-de-passe", methods=["GET", "POST"])
@signed_in
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        with attempt(form) as done:
            services.change_password(user, form.current_password.data, form.new_password.data)
        if done.ok:
            # This session stays open with the new version; every other session ends.
            _start_session(user)
            flash(_("Your password has been changed. Your other sessions have been closed."), "success")
            return redirect(url_for("accounts.account"))
    return render_template("accounts/change_password.html", form=form), form_status(form)


@bp.route("/langue", methods=["POST"])
@public
def set_language():
    form = LanguageForm()
    if form.validate_on_submit() and form.language.data in current_app.config["LANGUAGES"]:
        session["locale"] = form.language.data
        if current_user.is_authenticated:
            with attempt():
                current_user.locale = form.language.data
    return redirect(safe_next_url(form.next.data, url_for("main.home")))


# --- The account page, e-mail verification and change of address --------------------------------


def _me():
    return current_user._get_current_object()


@bp.route("/compte")
@signed_in
def account():
    return render_template("accounts/account.html", user=_me(), resend_form=ResendForm())


def _links_refused() -> int | None:
    return _over_budget((EMAIL_LINKS_BY_USER, str(_me().id)))


def _links_refused_message(wait: int) -> str:
    return _(
        "You asked for several e-mails in a short time: wait %(minutes)d minutes before asking again.",
        minutes=_retry_minutes(wait),
    )


@bp.route("/compte/confirmation/renvoyer", methods=["POST"])
@signed_in
def resend_verification():
    form = ResendForm()
    if not form.validate_on_submit():
        return redirect(url_for("accounts.account"))
    wait = _links_refused()
    if wait is not None:
        flash(_links_refused_message(wait), "error")
        return redirect(safe_next_url(form.next.data, url_for("accounts.account")))
    with attempt() as done:
        email_links.resend_verification(_me())
    if done.ok:
        EMAIL_LINKS_BY_USER.spend(str(_me().id))
        flash(_("A new link was sent to %(email)s. It may take a few minutes.", email=_me().email), "success")
    return redirect(safe_next_url(form.next.data, url_for("accounts.account")))


@bp.route("/compte/confirmer/<token>")
@public
def verify_email(token: str):
    with attempt() as done:
        user = email_links.verify_email(token)
    if not done.ok:
        return redirect(url_for("accounts.account" if current_user.is_authenticated else "accounts.login"))
    flash(_("Your email address is confirmed. You can now apply to missions and publish them."), "success")
    if current_user.is_authenticated and current_user.id == user.id:
        return redirect(url_for("main.dashboard"))
    return redirect(url_for("accounts.login", email=user.email))


@bp.route("/compte/adresse", methods=["GET", "POST"])
@signed_in
def change_email():
    form = ChangeEmailForm()
    if form.validate_on_submit():
        wait = _links_refused()
        if wait is not None:
            return _refused_for_now(form, "accounts/change_email.html", _links_refused_message(wait), wait)
        with attempt(form) as done:
            new_email = email_links.request_email_change(
                _me(), new_email=form.email.data, password=form.password.data
            )
        if done.ok:
            EMAIL_LINKS_BY_USER.spend(str(_me().id))
            hours = current_app.config["EMAIL_CHANGE_MAX_AGE"] // 3600
            flash(
                _(
                    "We sent a link to %(email)s: open it within %(hours)d hours to confirm the change. "
                    "Until then your address stays the same.",
                    email=new_email,
                    hours=hours,
                ),
                "info",
            )
            return redirect(url_for("accounts.account"))
    return render_template("accounts/change_email.html", form=form), form_status(form)


@bp.route("/compte/adresse/confirmer/<token>")
@public
def confirm_email_change(token: str):
    with attempt() as done:
        user = email_links.confirm_email_change(token)
    if not done.ok:
        return redirect(url_for("accounts.account" if current_user.is_authenticated else "accounts.login"))
    flash(_("Your email address is now %(email)s.", email=user.email), "success")
    if current_user.is_authenticated and current_user.id == user.id:
        return redirect(url_for("accounts.account"))
    return redirect(url_for("accounts.login", email=user.email))
