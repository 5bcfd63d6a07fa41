"""Tremplin: a French volunteer-mission marketplace."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from marketplace.accounts.access import check_every_view_declares_access
from marketplace.config import PROJECT_ROOT, Config, config_from_environment
from marketplace.log_masking import init_log_masking
from marketplace.public_urls import TremplinFlask, init_public_urls


def create_app(config: Config | Mapping[str, Any] | None = None) -> Flask:
    """Build the application: settings, extensions, blueprints, CLI and error handlers."""
    app = TremplinFlask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
        instance_path=str(PROJECT_ROOT / "instance"),
    )
    _load_config(app, config)
    _init_extensions(app)
    _register_blueprints(app)
    _register_cli(app)
    check_every_view_declares_access(app)
    init_log_masking(app)  # after the routes: every path with a <token> is masked in the logs
    return app


def _load_config(app: Flask, config: Config | Mapping[str, Any] | None) -> None:
    base = config if isinstance(config, Config) else config_from_environment()
    base.validate()
    app.config.from_object(base)
    if isinstance(config, Mapping):
        app.config.from_mapping(config)
    app.config.setdefault("ENV_NAME", base.ENV_NAME)
    init_public_urls(app)


def _init_extensions(app: Flask) -> None:
    from marketplace import models  # noqa: F401  (registers every table)
    from marketplace.accounts.access import init_access
    from marketplace.accounts.activity import init_activity
    from marketplace.api.cache import init_answer_cache
    from marketplace.extensions import babel, csrf, db, limiter, login_manager, select_locale
    from marketplace.i18n import init_i18n
    from marketplace.inputs import init_inputs
    from marketplace.jobs.kinds import register_all_kinds
    from marketplace.matching.holder import init_matching
    from marketplace.search.services import init_search_sync
    from marketplace.security import init_security
    from marketplace.sessions import init_sessions
    from marketplace.widgets.page_cache import init_page_cache

    init_inputs(app)  # first: the id converter must be in place before any route is added
    db.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    login_manager.init_app(app)
    init_sessions(app)  # before init_access: an idle session is ended before access is checked
    init_access(app)
    init_activity(app)
    init_security(app)
    init_i18n(app)
    # The change pipeline's subscribers, in the order they run (marketplace/missions/changes.py).
    init_search_sync()
    register_all_kinds()
    init_matching(app)
    init_answer_cache()
    init_page_cache()


def _register_blueprints(app: Flask) -> None:
    from marketplace.accounts.views import bp as accounts_bp
    from marketplace.alerts.views import bp as alerts_bp
    from marketplace.api.docs import bp as api_docs_bp
    from marketplace.api.views import bp as api_bp
    from marketplace.apikeys.views import bp as apikeys_bp
    from marketplace.assistant.views import bp as assistant_bp
    from marketplace.associations.moderation_views import bp as moderation_bp
    from marketplace.associations.profile_views import bp as association_profile_bp
    from marketplace.associations.team_views import bp as team_bp
    from marketplace.associations.verification_views import bp as verification_bp
    from marketplace.associations.views import bp as missions_admin_bp
    from marketplace.attestations.views import bp as attestations_bp
    from marketplace.calendar.views import bp as calendar_bp
    from marketplace.candidates.follow_up_views import bp as follow_up_bp
    from marketplace.candidates.inbox_views import bp as inbox_bp
    from marketplace.candidates.keeping_views import bp as keeping_bp
    from marketplace.candidates.profile_views import bp as profile_bp
    from marketplace.commit import init_commit_point
    from marketplace.errors import init_error_handlers
    from marketplace.feeds.views import bp as feeds_bp
    from marketplace.main.views import bp as main_bp
    from marketplace.matching.views import bp as matching_bp
    from marketplace.networks.views import bp as networks_bp
    from marketplace.notifications.views import bp as preferences_bp
    from marketplace.privacy.views import bp as privacy_bp
    from marketplace.publishing.views import bp as publishing_bp
    from marketplace.search.views import bp as search_bp
    from marketplace.widgets.embed_views import bp as widget_embed_bp
    from marketplace.widgets.views import bp as widgets_bp

    blueprints = (
        main_bp,
        accounts_bp,
        missions_admin_bp,
        moderation_bp,
        team_bp,
        verification_bp,
        association_profile_bp,
        inbox_bp,
        follow_up_bp,
        keeping_bp,
        attestations_bp,
        profile_bp,
        search_bp,
        alerts_bp,
        api_bp,
        api_docs_bp,
        apikeys_bp,
        calendar_bp,
        networks_bp,
        widgets_bp,
        widget_embed_bp,
        assistant_bp,
        matching_bp,
        privacy_bp,
        preferences_bp,
        publishing_bp,
        feeds_bp,
    )
    for blueprint in blueprints:
        app.register_blueprint(blueprint)
    init_error_handlers(app)
    init_commit_point(app)


def _register_cli(app: Flask) -> None:
    from marketplace.cli import register_cli

    register_cli(app)
