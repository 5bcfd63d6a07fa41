"""« Trouver ma mission »: the guided search, one question per screen (blueprint ``assistant``).

Every step is a server-side form (answers kept in the Flask session, CSRF on each POST), so the
assistant works without JavaScript; static/js/assistant.js only swaps the panel without a reload.
Also the accompaniment request and the inbox where networks handle those requests.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_login import current_user

from marketplace import signals
from marketplace.accounts.access import public, roles
from marketplace.accounts.budgets import ACCOMPANIMENT_BY_IP
from marketplace.assistant import flow, services, texts
from marketplace.assistant.forms import AccompanimentForm
from marketplace.assistant.models import AccompanimentRequest
from marketplace.commit import attempt
from marketplace.domain import DomainError
from marketplace.extensions import db
from marketplace.i18n import day_abbreviations

bp = Blueprint("assistant", __name__)

ANSWERS_KEY = services.ANSWERS_SESSION_KEY
SAVE_KEY = "assistant_save"  # set by "Enregistrer mes réponses": the sign-up fills the profile
SENT_KEY = "assistant_accompaniment"
REFINE_ARG = "affiner"


def kept_answers() -> dict[str, Any]:
    """The answers kept in the session (a dict per question)."""
    answers = session.get(ANSWERS_KEY)
    return dict(answers) if isinstance(answers, dict) else {}


def _keep(answers: dict[str, Any]) -> None:
    session[ANSWERS_KEY] = answers


def step_url(step: str | None) -> str:
    if step is None:
        return url_for(".results")
    return url_for(".step", slug=texts.STEP_SLUGS[step])


def _translated(errors: dict[str, Any]) -> dict[str, str]:
    return {name: str(texts.ERRORS.get(key, key)) for name, key in errors.items()}


@bp.route("/trouver-ma-mission")
@public
def start():
    answers = kept_answers()
    return render_template(
        "assistant/start.html",
        resume_url=step_url(flow.first_unanswered(answers)) if answers else None,
        first_url=step_url(flow.STEPS[0]),
        total=len(flow.active_steps(answers)),
    )


def _slot_field(answer: dict[str, Any], errors: dict[str, str]) -> SimpleNamespace:
    """What the profile's weekly grid macro reads from a form field."""
    return SimpleNamespace(
        id="when-slots",
        name="slots",
        data=list(answer.get("slots") or []),
        errors=[],
        label=SimpleNamespace(text=_("Parts of the week")),
    )


def _render_step(step: str, answers: dict[str, Any], answer: dict[str, Any], errors: dict[str, str]):
    previous = flow.previous_step(step, answers)
    status = 400 if errors else 200
    return render_template(
        "assistant/step.html",
        step=step,
        answer=answer,
        errors=errors,
        progress=flow.progress(step, answers),
        back_url=step_url(previous) if previous else url_for(".start"),
        is_last=flow.next_step(step, flow.record(answers, step, answer)) is None,
        slot_field=_slot_field(answer, errors),
        day_abbreviations=day_abbreviations(),
        skill_choices=texts.SKILL_CHOICES,
        kind_choices=texts.KIND_CHOICES,
        age_choices=texts.AGE_CHOICES,
        chosen_domains=list((answers.get(flow.CAUSES) or {}).get("domains") or []),
        flow=flow,
        texts=texts,
    ), status


@bp.route("/trouver-ma-mission/<slug>", methods=["GET", "POST"])
@public
def step(slug: str):
    step = texts.STEP_OF_SLUG.get(slug)
    if step is None:
        abort(404)
    answers = kept_answers()
    if not flow.may_show(step, answers):
        return redirect(step_url(flow.first_unanswered(answers)))
    if request.method == "GET":
        return _render_step(step, answers, answers.get(step) or {}, {})
    result = flow.validate_step(step, request.form, answers)
    errors, answer = _translated(result.errors), result.answer
    if result.ok and step == flow.WHERE:
        try:
            answer = services.resolve_where(answer)
        except services.AnswersInvalid as error:
            errors = {name: str(message) for name, message in error.errors.items()}
    if errors:
        return _render_step(step, answers, answer, errors)
    answers = flow.record(answers, step, answer)
    _keep(answers)
    return redirect(step_url(flow.next_step(step, answers)))


def _refinements() -> list[str]:
    return [value for value in request.args.getlist(REFINE_ARG) if value in flow.REFINEMENTS]


@bp.route("/trouver-ma-mission/resultats")
@public
def results():
    answers = kept_answers()
    missing = flow.first_unanswered(answers)
    if missing is not None:
        return redirect(step_url(missing))
    applied = _refinements()
    found = services.results_for(answers, applied)
    return render_template(
        "assistant/results.html",
        found=found,
        saved_search_query=urlencode(flow.search_args(flow.build_request(answers)), doseq=True),
        applied=applied,
        back_url=step_url(flow.last_step(answers)),
        refine_arg=REFINE_ARG,
        texts=texts,
    )


@bp.route("/trouver-ma-mission/recommencer", methods=["POST"])
@public
def restart():
    session.pop(ANSWERS_KEY, None)
    session.pop(SAVE_KEY, None)
    return redirect(step_url(flow.STEPS[0]))


@bp.route("/trouver-ma-mission/enregistrer", methods=["POST"])
@public
def save():
    """Keep the answers: in the volunteer's profile, or for the sign-up that follows."""
    answers = kept_answers()
    if flow.first_unanswered(answers) is not None:
        return redirect(url_for(".start"))
    if not current_user.is_authenticated:
        session[SAVE_KEY] = True
        flash(_("Create your account: your answers will fill in your profile."), "info")
        return redirect(url_for("accounts.signup_candidate", depuis="assistant"))
    if current_user.role != "candidate":
        flash(_("Only volunteer accounts have a profile to fill in."), "error")
        return redirect(url_for(".results"))
    with attempt():
        saved = services.save_answers_to_profile(current_user._get_current_object(), answers)
    if saved:
        flash(_("Your answers are saved in your profile."), "success")
    return redirect(url_for("profile.edit"))


@signals.accounts.registered.connect
def apply_answers_after_signup(user, **_kwargs) -> None:
    """After a candidate sign-up: fill the new profile when the visitor asked to save their answers."""
    if session.pop(SAVE_KEY, False):
        services.save_answers_to_profile(user, kept_answers())


@signals.accounts.signup_prefill.connect
def signup_prefill(_sender=None, **_kwargs) -> dict[str, str]:
    """Age range and postcode for the candidate sign-up form, from answers being saved."""
    return services.signup_prefill(kept_answers()) if session.get(SAVE_KEY) else {}


def _accompaniment_data(form: AccompanimentForm, answers: dict[str, Any]) -> services.AccompanimentData:
    return services.AccompanimentData(
        first_name=form.first_name.data or "",
        email=form.email.data or "",
        phone=form.phone.data or "",
        call_time=form.call_time.data or "",
        consent=bool(form.consent.data),
        postcode=form.postcode.data or services.signup_prefill(answers)["postcode"],
    )


def _accompaniment_refused(form: AccompanimentForm, answers: dict[str, Any], wait: int):
    """Over budget: the form again with what was typed (429), saying when to try again."""
    minutes = max(1, -(-wait // 60))
    form.form_errors.append(
        _(
            "Too many requests from this connection today. Nothing was lost: try again in %(minutes)d "
            "minutes, or call the Maison des associations near you.",
            minutes=minutes,
        )
    )
    page = render_template("assistant/accompaniment.html", form=form, has_answers=bool(answers))
    return page, 429, {"Retry-After": str(wait)}


@bp.route("/trouver-ma-mission/accompagnement", methods=["GET", "POST"])
@public
def accompaniment():
    answers = kept_answers()
    form = AccompanimentForm()
    if request.method == "GET":
        form.postcode.data = services.signup_prefill(answers)["postcode"]
    elif form.validate_on_submit():
        # Only a request that goes through spends the budget: a typo costs nothing.
        address = get_remote_address()
        if ACCOMPANIMENT_BY_IP.exceeded(address):
            return _accompaniment_refused(form, answers, ACCOMPANIMENT_BY_IP.retry_after(address))
        with attempt(form) as done:
            sent = services.request_accompaniment(_accompaniment_data(form, answers), answers)
        if done.ok:
            ACCOMPANIMENT_BY_IP.spend(address)
            session[SENT_KEY] = sent.id
            return redirect(url_for(".accompaniment_sent"))
    status = 400 if request.method == "POST" else 200
    return render_template("assistant/accompaniment.html", form=form, has_answers=bool(answers)), status


@bp.route("/trouver-ma-mission/accompagnement/envoye")
@public
def accompaniment_sent():
    sent = db.session.get(AccompanimentRequest, session.get(SENT_KEY) or 0)
    if sent is None:
        return redirect(url_for(".accompaniment"))
    return render_template("assistant/accompaniment_sent.html", promise=services.callback_promise(sent))


@bp.route("/reseau/accompagnements", endpoint="requests")
@roles("network_admin", "site_admin")
def request_inbox():
    user = current_user._get_current_object()
    without_network = request.args.get("filtre") == "sans-reseau"
    status = request.args.get("statut") or None
    return render_template(
        "assistant/requests.html",
        requests=services.requests_for(user, without_network=without_network, status=status),
        without_network=without_network,
        status=status,
        texts=texts,
        answers_summary=texts.readable_answers,
    )


@bp.route("/reseau/accompagnements/<int:request_id>/traitee", methods=["POST"])
@roles("network_admin", "site_admin")
def mark_handled(request_id: int):
    with attempt(abort_on=(DomainError,)):
        services.mark_handled(request_id, by=current_user._get_current_object())
    flash(_("The request is marked as handled."), "success")
    return redirect(url_for(".requests"))
