"""Team management and mission import for associations (blueprint ``team``)."""

from __future__ import annotations

from datetime import date

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_user

from marketplace.accounts.access import public, roles
from marketplace.accounts.models import User
from marketplace.accounts.services import find_user_by_email
from marketplace.associations import imports, team
from marketplace.associations.imports import job as import_jobs
from marketplace.associations.models import Association, TeamInvitation
from marketplace.associations.permissions import can_manage_association, can_manage_team, membership_of
from marketplace.associations.team_forms import (
    ImportForm,
    InviteForm,
    JoinForm,
    MemberSignupForm,
    TeamActionForm,
)
from marketplace.commit import attempt
from marketplace.domain import DomainError, NotAllowed
from marketplace.extensions import db, limiter
from marketplace.forms_util import form_status
from marketplace.jobs.models import Job

bp = Blueprint("team", __name__)

IMPORT_ROLES = ("association", "site_admin", "network_admin")


def _invite_limit() -> str:
    return current_app.config.get("INVITE_RATE_LIMIT", "20 per hour")


def _signup_limit() -> str:
    return current_app.config["SIGNUP_RATE_LIMIT"]


def _user_key() -> str:
    # Per inviting account, so one team cannot flood inboxes from several addresses.
    return f"user:{current_user.id}" if current_user.is_authenticated else "anonymous"


def _me() -> User:
    return current_user._get_current_object()


def _chosen_association(requested_id: str | None) -> Association | None:
    """The association the page is about: the requested one (404 if not ours), else our first."""
    associations = team.associations_of_member(_me())
    if requested_id:
        chosen = next((a for a in associations if str(a.id) == str(requested_id)), None)
        if chosen is None:
            abort(404)
        return chosen
    return associations[0] if associations else None


def _render_team(association: Association | None, invite_form: InviteForm | None = None, status: int = 200):
    me = _me()
    if invite_form is None:
        invite_form = InviteForm(formdata=None)
    if association is not None:
        invite_form.association_id.data = str(association.id)
    members = team.team_of(association) if association else []
    return render_template(
        "team/index.html",
        association=association,
        associations=team.associations_of_member(me),
        members=members,
        invitations=team.pending_invitations(association) if association else [],
        is_owner=association is not None and can_manage_team(me, association),
        owner_count=sum(1 for member in members if member.role == "owner"),
        invite_form=invite_form,
        action_form=TeamActionForm(formdata=None),
    ), status


def _back_to_team(association: Association):
    return redirect(url_for("team.index", association=association.id))


@bp.route("/espace/equipe")
@roles("association")
def index():
    return _render_team(_chosen_association(request.args.get("association")))


@bp.route("/espace/equipe/inviter", methods=["POST"])
@roles("association")
@limiter.limit(_invite_limit, methods=["POST"], key_func=_user_key)
def invite():
    form = InviteForm()
    association = _chosen_association(form.association_id.data)
    if association is None:
        abort(404)
    if form.validate_on_submit():
        with attempt(form, abort_on=(NotAllowed,)) as done:
            issued = team.invite_member(association, form.email.data, by=_me())
        if done.ok:
            flash(_("Invitation sent to %(email)s.", email=issued.invitation.email), "success")
            return _back_to_team(association)
    return _render_team(association, form, form_status(form))


def _own_invitation(invitation_id: int) -> TeamInvitation:
    """The invitation, when it belongs to one of our associations; 404 otherwise."""
    invitation = db.session.get(TeamInvitation, invitation_id)
    if invitation is None or membership_of(_me(), invitation.association) is None:
        abort(404)
    return invitation


@bp.route("/espace/equipe/invitations/<int:invitation_id>/annuler", methods=["POST"])
@roles("association")
def revoke(invitation_id: int):
    invitation = _own_invitation(invitation_id)
    with attempt(abort_on=(NotAllowed,)) as done:
        team.revoke_invitation(invitation, by=_me())
    if done.ok:
        flash(_("The invitation to %(email)s is cancelled.", email=invitation.email), "success")
    return _back_to_team(invitation.association)


@bp.route("/espace/equipe/membres/<int:user_id>/proprietaire", methods=["POST"])
@roles("association")
def make_owner(user_id: int):
    form = TeamActionForm()
    association = _chosen_association(form.association_id.data)
    member = db.session.get(User, user_id)
    if association is None or member is None or membership_of(member, association) is None:
        abort(404)
    with attempt(abort_on=(NotAllowed,)) as done:
        team.make_owner(association, member, by=_me())
    if done.ok:
        flash(
            _(
                "%(name)s is now an owner of %(association)s.",
                name=member.first_name or member.email,
                association=association.name,
            ),
            "success",
        )
    return _back_to_team(association)


@bp.route("/espace/equipe/membres/<int:user_id>/retirer", methods=["POST"])
@roles("association")
def remove(user_id: int):
    form = TeamActionForm()
    association = _chosen_association(form.association_id.data)
    member = db.session.get(User, user_id)
    if association is None or member is None or membership_of(member, association) is None:
        abort(404)
    me = _me()
    leaving = member.id == me.id
    name = member.first_name or member.email
    with attempt(abort_on=(NotAllowed,)) as done:
        team.remove_member(association, member, by=me)
    if not done.ok:
        return _back_to_team(association)
    if leaving:
        flash(_("You have left the team of %(name)s.", name=association.name), "success")
        return redirect(url_for("main.dashboard"))
    flash(_("%(name)s is no longer a member of the team.", name=name), "success")
    return _back_to_team(association)


# --- the invitation link (public) ---------------------------------------------------------------


def _start_session(user: User) -> None:
    session.pop("locale", None)
    login_user(user)
    session["locale"] = user.locale


def _unusable(token: str, error: DomainError):
    status = 404 if team.find_invitation(token) is None else 410
    return render_template("team/invitation_unusable.html", message=error.message), status


def _join_as_signed_in_user(invitation: TeamInvitation, token: str):
    me = _me()
    problem = team.acceptance_problem(invitation, me)
    form = JoinForm()
    if request.method == "POST" and problem is None and form.validate_on_submit():
        with attempt(show=False) as done:  # the page says what went wrong
            team.accept_invitation(token, user=me)
        problem = done.error.message if done.error else None
        if done.ok:
            flash(_("Welcome to the team of %(name)s!", name=invitation.association.name), "success")
            return _back_to_team(invitation.association)
    status = 403 if request.method == "POST" and problem else 200
    return render_template(
        "team/invitation.html", invitation=invitation, mode="join", problem=problem, form=form
    ), status


def _sign_up_and_join(invitation: TeamInvitation, token: str):
    form = MemberSignupForm()
    if form.validate_on_submit():
        data = team.MemberSignup(
            first_name=form.first_name.data, password=form.password.data, locale=session.get("locale", "fr")
        )
        with attempt(form) as done:
            user = team.sign_up_and_accept(token, data)
        if done.ok:
            _start_session(user)
            flash(
                _(
                    "Your account is ready. Welcome to the team of %(name)s!",
                    name=invitation.association.name,
                ),
                "success",
            )
            return _back_to_team(invitation.association)
    return render_template(
        "team/invitation.html", invitation=invitation, mode="sign_up", problem=None, form=form
    ), form_status(form)


@bp.route("/invitation/<token>", methods=["GET", "POST"])
@public
@limiter.limit(_signup_limit, methods=["POST"])
def invitation(token: str):
    try:
        found = team.usable_invitation(token)
    except DomainError as error:
        return _unusable(token, error)
    if current_user.is_authenticated:
        return _join_as_signed_in_user(found, token)
    if find_user_by_email(found.email) is not None:
        return render_template(
            "team/invitation.html", invitation=found, mode="sign_in", problem=None, form=None
        )
    return _sign_up_and_join(found, token)


# --- mission import -----------------------------------------------------------------------------


def _uploaded_bytes(form: ImportForm) -> bytes:
    # Read one byte more than allowed, to know the file is too big without reading it all.
    content = form.file.data.stream.read(imports.MAX_UPLOAD_BYTES + 1)
    if len(content) > imports.MAX_UPLOAD_BYTES:
        raise DomainError(_("The file is larger than 2 MB: split it into several files."), field="file")
    return content


def _import_target(form: ImportForm) -> Association | None:
    """For association members, the association chosen in the form (404 when not theirs)."""
    if _me().role != "association":
        return None
    return _chosen_association(form.association_id.data or None)


@bp.route("/espace/import", methods=["GET", "POST"])
@roles(*IMPORT_ROLES)
def import_missions():
    """Upload a file: it is checked as a whole here, then imported by a background job."""
    me = _me()
    form = ImportForm()
    associations = team.associations_of_member(me) if me.role == "association" else []
    form.association_id.choices = [(str(a.id), a.name) for a in associations]
    if form.validate_on_submit():
        with attempt(form, abort_on=(NotAllowed,)) as done:
            content = _uploaded_bytes(form)
            text = imports.decode(content)
            fmt = form.format.data or imports.guess_format(form.file.data.filename, text)
            target = _import_target(form)
            imports.finder_for(me, target)  # refused now (403), not later in the worker
            job = import_jobs.enqueue_import(text, fmt, by=me, association=target)
        if done.ok:
            return redirect(url_for("team.import_job", job_id=job.id))
    return render_template("imports/import.html", form=form, associations=associations), form_status(form)


def _own_import_job(job_id: int) -> Job:
    """The import job, for the user who started it or a member of its association; else 404."""
    job = db.session.get(Job, job_id)
    if job is None or job.kind != import_jobs.IMPORT_KIND:
        abort(404)
    me = _me()
    mine = job.owner_id == me.id
    ours = job.association is not None and can_manage_association(me, job.association)
    if not (mine or ours):
        abort(404)  # as if it did not exist: job numbers say nothing about other people's imports
    return job


@bp.route("/espace/import/<int:job_id>")
@roles(*IMPORT_ROLES)
def import_job(job_id: int):
    """An import's progress while it runs (refreshed by JS, or every few seconds without), then its report."""
    job = _own_import_job(job_id)
    return render_template("imports/job.html", job=job, report=import_jobs.report_of(job))


@bp.route("/espace/import/<int:job_id>/etat.json")
@roles(*IMPORT_ROLES)
def import_job_state(job_id: int):
    """The progress the page's script polls."""
    job = _own_import_job(job_id)
    return {
        "status": job.status,
        "done": job.progress_done,
        "total": job.progress_total,
        "errors": job.errors,
        "percent": job.percent,
        "finished": job.finished,
    }


def _download(content: str, filename: str, mimetype: str) -> Response:
    # Flask adds "; charset=utf-8" to text types itself: naming it here sent it twice.
    return Response(
        content,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.route("/espace/import/modele.csv")
@roles(*IMPORT_ROLES)
def import_example_csv():
    records = imports.example_records(date.today())
    return _download(imports.to_csv(records), "missions-modele.csv", "text/csv")


@bp.route("/espace/import/modele.jsonl")
@roles(*IMPORT_ROLES)
def import_example_jsonl():
    records = imports.example_records(date.today())
    return _download(
        imports.to_jsonl(records), "missions-modele.jsonl", "application/x-ndjson; charset=utf-8"
    )
