"""Saved searches (blueprint ``alerts``): save the current search of /recherche, change, delete."""

from __future__ import annotations

from urllib.parse import parse_qsl

from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import HiddenField, SelectField

from marketplace.accounts.access import roles
from marketplace.alerts import services
from marketplace.commit import action
from marketplace.forms_util import safe_next_url

bp = Blueprint("alerts", __name__)

FREQUENCY_CHOICES = [("daily", _l("Every day")), ("weekly", _l("Every week"))]


class SaveSearchForm(FlaskForm):
    search = HiddenField()  # the query string of the search on screen
    frequency = SelectField(_l("Receive new missions by e-mail"), choices=FREQUENCY_CHOICES, default="weekly")


class FrequencyForm(FlaskForm):
    frequency = SelectField(_l("How often"), choices=FREQUENCY_CHOICES)


bp.add_app_template_global(SaveSearchForm, "SaveSearchForm")
bp.add_app_template_global(FrequencyForm, "FrequencyForm")
bp.add_app_template_global(services.search_url, "saved_search_url")


def _dashboard(**_kwargs) -> str:
    return url_for("main.dashboard") + "#saved-searches"


def _search_page() -> str:
    return url_for("search.missions")


@bp.post("/recherches/enregistrer")
@roles("candidate")
@action(back=_search_page)
def save():
    form = SaveSearchForm()
    args = MultiDict(parse_qsl(form.search.data or ""))
    saved = services.save_search(current_user, args, form.frequency.data or "")
    flash(_("Search saved: new missions will come by e-mail. Manage it from your space."), "success")
    return redirect(safe_next_url(request.form.get("next"), services.search_url(saved)))


@bp.post("/recherches/<int:saved_id>/frequence")
@roles("candidate")
@action(back=_dashboard)
def change_frequency(saved_id: int):
    saved = services.own_saved_search(current_user, saved_id)
    services.set_frequency(saved, FrequencyForm().frequency.data or "")
    flash(_("Alert frequency changed."), "success")
    return redirect(_dashboard())


@bp.post("/recherches/<int:saved_id>/supprimer")
@roles("candidate")
@action(back=_dashboard)
def delete(saved_id: int):
    services.delete_saved_search(current_user, saved_id)
    flash(_("Saved search deleted: no more alerts for it."), "success")
    return redirect(_dashboard())
