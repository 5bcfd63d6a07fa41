"""Home page, public mission and association pages, and the per-role dashboard."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_login import current_user

from marketplace.accounts.access import public, signed_in
from marketplace.accounts.services import count_users_by_role
from marketplace.alerts.services import saved_searches_of
from marketplace.associations.dashboard import association_dashboard
from marketplace.associations.team import associations_of_member
from marketplace.candidates.applications import applications_of
from marketplace.candidates.keeping import kept_missions
from marketplace.candidates.panels import apply_panel
from marketplace.main.mission_page import render_mission_page
from marketplace.matching.blocks import candidate_dashboard, similar_for_page
from marketplace.missions import public as public_missions
from marketplace.models_base import utcnow
from marketplace.networks.services import network_members, networks_administered_by
from marketplace.privacy.legal import legal_context
from marketplace.publishing.structured_data import association_json_ld
from marketplace.widgets.tagging import remember_widget_tag

bp = Blueprint("main", __name__)


@bp.route("/")
@public
def home():
    return render_template(
        "main/home.html",
        figures=public_missions.platform_figures(),
        missions=public_missions.latest_open_missions(),
        canonical_url=url_for("main.home", _external=True),
    )


@bp.route("/missions")
@public
def missions():
    """The former mission list: the search page took over; old links keep their filters."""
    target = url_for("search.missions")
    query = request.query_string.decode("utf-8", "replace")
    return redirect(f"{target}?{query}" if query else target, code=301)


@bp.route("/missions/<int:mission_id>")
@public
def mission(mission_id: int):
    found = public_missions.viewable_mission(mission_id)
    if found is None:
        ended = public_missions.ended_mission(mission_id)
        if ended is None:
            abort(404)
        # Cancelled: gone for good (410), but the page still says where to go next.
        return render_template("main/mission_gone.html", mission=ended, similar=similar_for_page(ended)), 410
    remember_widget_tag(request.args.get("widget"), found.id)
    page = render_mission_page(found, apply_panel(found, current_user))
    # A closed mission keeps its page for its volunteers' history, but tells search engines it is gone.
    return page, 410 if found.status == "closed" else 200


@bp.route("/associations/<slug>")
@public
def association(slug: str):
    found = public_missions.association_by_slug(slug)
    if found is None:
        abort(404)
    return render_template(
        "main/association.html",
        association=found,
        missions=public_missions.listed_missions_of(found),
        structured_data=association_json_ld(found),
        canonical_url=url_for("main.association", slug=found.slug, _external=True),
    )


@bp.route("/espace")
@signed_in
def dashboard():
    user = current_user._get_current_object()
    if user.role == "candidate":
        return render_template(
            "main/dashboard_candidate.html",
            applications=applications_of(user, by_last_change=True),
            kept=kept_missions(user, utcnow().date()),
            saved_searches=saved_searches_of(user),
            **candidate_dashboard(user),
        )
    if user.role == "association":
        associations = associations_of_member(user)
        return render_template(
            "main/dashboard_association.html",
            associations=associations,
            board=association_dashboard(associations),
        )
    if user.role == "network_admin":
        networks = networks_administered_by(user)
        return render_template(
            "main/dashboard_network.html",
            networks=[(network, network_members(network)) for network in networks],
        )
    return render_template(
        "main/dashboard_admin.html",
        users_by_role=count_users_by_role(),
        missions_by_status=public_missions.missions_by_status(),
        figures=public_missions.platform_figures(),
    )


def _legal_page(name: str):
    """Legal texts are documents: one template per language (legal/<name>_<lang>.html)."""
    language = "en" if str(get_locale()) == "en" else "fr"
    return render_template(f"legal/{name}_{language}.html", **legal_context())


@bp.route("/mentions-legales")
@public
def legal():
    return _legal_page("notice")


@bp.route("/conditions-generales")
@public
def terms():
    return _legal_page("terms")


@bp.route("/confidentialite")
@public
def privacy():
    return _legal_page("privacy")
