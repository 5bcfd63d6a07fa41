"""Sign-up, sign-in, sign-out, password reset and change, language switch."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from marketplace import signals
from marketplace.accounts import services
from marketplace.accounts.access import public, signed_in
from marketplace.accounts.forms import (
    AssociationSignupForm,
    CandidateSignupForm,
    ChangePasswordForm,
    ForgotPasswordForm,
    LanguageForm,
    LoginForm,
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


def _signup_limit() -> str:
    return current_app.config["SIGNUP_RATE_LIMIT"]


def _email_key() -> str:
    # A second bucket per targeted account, so rotating IPs does not help guessing one password.
    return "email:" + normalize_email(request.form.get("email", ""))


def _start_session(user, *, remember: bool = False) -> None:
    session.pop("locale", None)
    login_user(user, remember=remember)
    session["locale"] = user.locale


@bp.route("/connexion", methods=["GET", "POST"])
@public
@limiter.limit(_login_limit, methods=["POST"])
@limiter.limit(_login_limit, methods=["POST"], key_func=_email_key)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        with attempt(show=False) as done:
            user = services.authenticate(form.email.data, form.password.data)
        if done.error:
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
@limiter.limit(_signup_limit, methods=["POST"])
def signup_candidate():
    prefill = signals.merged_values(signals.accounts.signup_prefill) if request.method == "GET" else None
    form = CandidateSignupForm(data=prefill)
    if form.validate_on_submit():
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
            signals.accounts.registered.send(user)  # e.g. the answers of « Trouver ma mission »
        if done.ok:
            _start_session(user)
            flash(_("Your volunteer account is ready. Welcome to Tremplin!"), "success")
            return redirect(url_for("main.dashboard"))
    return render_template("accounts/signup_candidate.html", form=form), form_status(form)


@bp.route("/inscription/association", methods=["GET", "POST"])
@public
@limiter.limit(_signup_limit, methods=["POST"])
def signup_association():
    form = AssociationSignupForm()
    if form.validate_on_submit():
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
            user, association = services.register_association(data)
        if done.ok:
            _start_session(user)
            flash(
                _("%(name)s is registered. You can now publish your first mission.", name=association.name),
                "success",
            )
            return redirect(url_for("main.dashboard"))
    return render_template("accounts/signup_association.html", form=form), form_status(form)


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
            services.reset_password(token, form.password.data)
        if done.ok:
            logout_user()
            flash(_("Your password has been changed. You can sign in with it now."), "success")
            return redirect(url_for("accounts.login"))
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
            return redirect(url_for("main.dashboard"))
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
