"""Rendering a widget page: its HTML, its one inline style and the policy that lets it be framed.

Shared by the embedded page (``embed_views``) and the configurator's live preview (``views``).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from typing import Any

from flask import make_response, render_template, request, url_for
from flask_babel import force_locale

from marketplace.reference.vocabularies import DOMAINS, MISSION_KINDS, label_for
from marketplace.search.params import ParamError
from marketplace.security import CONTENT_SECURITY_POLICY
from marketplace.widgets import services
from marketplace.widgets.models import Widget

# Visitor parameters the widget page reads; every other filter comes from the widget's settings.
VISITOR_ARGS = ("q", "page")


def frame_ancestors(widget: Widget) -> str:
    """Any site, or Tremplin itself (the configurator's preview) plus the registered origins."""
    if not widget.allowed_origins:
        return "*"
    return " ".join(["'self'", *widget.allowed_origins])


def colour_style(widget: Widget) -> str:
    """The one inline style of the page; the colour is a checked #rrggbb."""
    return f":root {{ --widget-colour: {widget.colour}; }}"


def embeddable_csp(ancestors: str, style: str) -> str:
    """Tremplin's policy with the given frame-ancestors, allowing exactly this inline style by its hash.

    A hash rather than a nonce keeps the page the same for every visitor, so it can be cached.
    """
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    return CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", f"frame-ancestors {ancestors}").replace(
        "style-src 'self'", f"style-src 'self' 'sha256-{digest}'"
    )


def render_preview(widget: Widget, *, preview_args: Mapping[str, str]):
    """The configurator's live preview of unsaved settings (never cached, never counted)."""
    q = (request.args.get("q") or "").strip()
    page = (request.args.get("page") or "").strip()
    html, status = render_page(widget, q=q, page=page, preview_args=preview_args)
    response = make_response(html, status)
    response.headers["Content-Security-Policy"] = embeddable_csp("'self'", colour_style(widget))
    response.headers["Cache-Control"] = "no-store"
    return response


def render_preview_problems(problems: Mapping[str, list[str]]):
    """The preview of settings that break rules: the list of problems, framable by the configurator.

    A 400 still, but with the same frame-ancestors as a good preview: sent with Tremplin's default
    'none', the configurator's own frame refused to show it and the admin saw a broken frame.
    """
    response = make_response(render_template("widgets/preview_error.html", errors=problems), 400)
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY.replace(
        "frame-ancestors 'none'", "frame-ancestors 'self'"
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def render_page(
    widget: Widget, *, q: str, page: str, preview_args: Mapping[str, str] | None = None
) -> tuple[str, int]:
    with force_locale(widget.language):
        try:
            params, found = services.run_widget_search(widget, q=q, page=page)
            error = None
        except ParamError as problem:
            params, found, error = None, None, problem
        # The preview keeps the configurator's settings in its links and search form.
        kept = {
            name: request.args.getlist(name)
            for name in (preview_args or {})
            if name not in VISITOR_ARGS and name != "csrf_token"
        }
        html = render_template(
            "widgets/page.html",
            widget=widget,
            q=q,
            params=params,
            found=found,
            error=error,
            style=colour_style(widget),
            preview=preview_args is not None,
            kept=kept,
            page_url=lambda number: _page_url(kept, q, number),
            domain_label=lambda slug: label_for(DOMAINS, slug),
            kind_label=lambda slug: label_for(MISSION_KINDS, slug),
        )
    return html, 400 if error else 200


def _page_url(kept: dict[str, list[str]], q: str | None, number: int) -> str:
    """The same widget page with the visitor's filters, at page ``number``."""
    values: dict[str, Any] = {**(request.view_args or {}), **kept}
    values.update(q=q or None, page=number if number > 1 else None)
    return url_for(str(request.endpoint), **values)
