"""The widget configurator and statistics for network admins (blueprint ``widgets``)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from marketplace.accounts.access import roles
from marketplace.accounts.models import User
from marketplace.commit import attempt
from marketplace.domain import DomainError, NotFound
from marketplace.forms_util import form_status
from marketplace.networks.lookup import network_or_404
from marketplace.networks.models import Network
from marketplace.widgets import services
from marketplace.widgets.forms import DeleteWidgetForm, WidgetForm
from marketplace.widgets.models import Widget
from marketplace.widgets.rendering import render_preview, render_preview_problems

bp = Blueprint("widgets", __name__, url_prefix="/reseau")
NETWORK_ROLES = ("network_admin", "site_admin")


def _user() -> User:
    return current_user._get_current_object()


def _widget_or_404(widget_id: int) -> Widget:
    try:
        return services.managed_widget(widget_id, by=_user())
    except NotFound:
        abort(404)


def snippets(widget: Widget) -> dict[str, str]:
    """The two ways of embedding: our loader script, or a plain iframe for sites that refuse scripts."""
    # The public address (PUBLIC_BASE_URL), never the Host this request happened to name.
    loader = url_for("widget.loader", _external=True)
    page = url_for("widget.page", public_id=widget.public_id, _external=True)
    title = _("Volunteer missions")
    return {
        "script": f'<script src="{loader}" data-widget="{widget.public_id}" async></script>',
        "iframe": (
            f'<iframe src="{page}" title="{title}" width="100%" height="700" '
            'style="border:0;max-width:100%" loading="lazy"></iframe>'
        ),
    }


def _render_editor(network: Network, form: WidgetForm, widget: Widget | None = None):
    return render_template(
        "widgets/edit.html",
        network=network,
        form=form,
        widget=widget,
        snippets=snippets(widget) if widget else None,
        delete_form=DeleteWidgetForm(),
    ), form_status(form)


def _all_problems(form: WidgetForm) -> dict[str, list[str]]:
    """The form's conversion errors plus every rule the settings break, so one submit shows them all."""
    problems = {name: list(messages) for name, messages in form.errors.items()}
    try:
        services.check_settings(form.settings())
    except services.WidgetInvalid as invalid:
        for name, message in invalid.errors.items():
            problems.setdefault(name, []).append(str(message))
    return problems


def _save(form: WidgetForm, save) -> Widget | None:
    """Run the service when the form converts; the form keeps what was typed otherwise."""
    if not form.validate_on_submit():
        if form.is_submitted():
            for name, messages in _all_problems(form).items():
                field = getattr(form, name, None)
                if field is not None and not field.errors:
                    field.errors = list(messages)
        return None
    with attempt(form) as done:
        widget = save(form.settings())
    return widget if done.ok else None


@bp.route("/<int:network_id>/widgets/nouveau", methods=["GET", "POST"])
@roles(*NETWORK_ROLES)
def new(network_id: int):
    network = network_or_404(network_id)
    form = WidgetForm()
    widget = _save(form, lambda settings: services.create_widget(network, settings, by=_user()))
    if widget is not None:
        flash(_("The widget is created: copy its code into your website."), "success")
        return redirect(url_for(".edit", widget_id=widget.id, _anchor="snippet"))
    return _render_editor(network, form)


@bp.route("/widgets/<int:widget_id>", methods=["GET", "POST"])
@roles(*NETWORK_ROLES)
def edit(widget_id: int):
    widget = _widget_or_404(widget_id)
    form = WidgetForm(data=vars(services.settings_of(widget)) if request.method == "GET" else None)
    saved = _save(form, lambda settings: services.update_widget(widget, settings, by=_user()))
    if saved is not None:
        flash(_("The widget is saved. Sites showing it are up to date at once."), "success")
        return redirect(url_for(".edit", widget_id=widget.id))
    return _render_editor(widget.network, form, widget)


@bp.route("/<int:network_id>/widgets/apercu")
@roles(*NETWORK_ROLES)
def preview(network_id: int):
    """The widget as configured but not saved yet: the configurator's iframe follows the form."""
    network = network_or_404(network_id)
    form = WidgetForm(formdata=request.args, meta={"csrf": False})
    if not form.validate():
        return render_preview_problems(_all_problems(form))
    try:
        widget = services.preview_widget(network, form.settings())
    except services.WidgetInvalid as invalid:
        return render_preview_problems({name: [str(message)] for name, message in invalid.errors.items()})
    except DomainError as error:
        return render_preview_problems({error.field or "": [str(error.message)]})
    return render_preview(widget, preview_args=request.args)


@bp.route("/widgets/<int:widget_id>/supprimer", methods=["POST"])
@roles(*NETWORK_ROLES)
def delete(widget_id: int):
    widget = _widget_or_404(widget_id)
    if not DeleteWidgetForm().validate_on_submit():
        abort(400)
    network_id, name = widget.network_id, widget.name
    with attempt():
        services.delete_widget(widget, by=_user())
    flash(_("The widget “%(name)s” is deleted.", name=name), "success")
    return redirect(url_for("networks.space", network_id=network_id))


@bp.route("/widgets/<int:widget_id>/statistiques")
@roles(*NETWORK_ROLES)
def stats(widget_id: int):
    widget = _widget_or_404(widget_id)
    with attempt():  # keeps the impressions this worker had buffered
        stats = services.widget_stats(widget)
    return render_template("widgets/stats.html", widget=widget, stats=stats)
