"""One commit point per request: the helpers views use, and the rules about what views import."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from flask import get_flashed_messages
from flask_wtf import FlaskForm
from wtforms import StringField

from marketplace.commit import action, attempt
from marketplace.domain import DomainError, NotAllowed
from marketplace.extensions import db

ROOT = Path(__file__).resolve().parents[1] / "marketplace"


class NameForm(FlaskForm):
    name = StringField()


def _count_users() -> int:
    from sqlalchemy import func, select

    from marketplace.accounts.models import User

    return db.session.scalar(select(func.count(User.id)))


def test_attempt_commits_once_when_the_block_succeeds(app):
    from marketplace.accounts.models import User

    with app.test_request_context():
        with attempt() as done:
            db.session.add(User(email="new@example.fr", role="candidate", password_hash="x"))
        assert done.ok and done.error is None
    db.session.rollback()  # nothing left to roll back: it was committed
    assert _count_users() == 1


def test_attempt_rolls_back_a_refusal_and_shows_it_on_its_field(app):
    from marketplace.accounts.models import User

    with app.test_request_context(method="POST", data={"name": "Camille"}):
        form = NameForm()
        with attempt(form) as done:
            db.session.add(User(email="gone@example.fr", role="candidate", password_hash="x"))
            db.session.flush()
            raise DomainError("Ce nom est déjà pris.", field="name")
        assert not done.ok and done.on_field
        assert form.name.errors == ["Ce nom est déjà pris."] and form.name.data == "Camille"  # kept
        assert get_flashed_messages() == []
    assert _count_users() == 0


def test_attempt_flashes_a_refusal_without_a_field_and_aborts_on_request(app):
    with app.test_request_context():
        with attempt() as done:
            raise DomainError("Impossible maintenant.")
        assert not done.ok and not done.on_field
        assert get_flashed_messages() == ["Impossible maintenant."]
        with pytest.raises(Exception) as raised, attempt(abort_on=(NotAllowed,)):
            raise NotAllowed("Pas à vous.")
        assert getattr(raised.value, "code", None) == 403


def test_attempt_rolls_back_and_reraises_any_other_error(app):
    from marketplace.accounts.models import User

    with app.test_request_context(), pytest.raises(ZeroDivisionError), attempt():
        db.session.add(User(email="boom@example.fr", role="candidate", password_hash="x"))
        db.session.flush()
        _ = 1 / 0
    assert _count_users() == 0


def test_a_refused_one_click_action_drops_its_success_message_and_goes_back(app):
    from flask import flash

    @action(back=lambda item_id: f"/items/{item_id}")
    def view(item_id: int):
        flash("Fait !", "success")
        raise DomainError("Déjà fait.")

    with app.test_request_context("/items/7/do", method="POST"):
        with pytest.raises(DomainError) as raised:
            view(item_id=7)
        response = app.handle_user_exception(raised.value)
        assert response.status_code == 302 and response.headers["Location"] == "/items/7"
        assert get_flashed_messages() == ["Déjà fait."]


def test_the_api_answers_a_domain_error_with_its_json_shape(app):
    with app.test_request_context("/api/v1/anything"):
        response, status = app.handle_user_exception(DomainError("Trop tard.", field="when", code="too_late"))
        assert status == 400
        assert response.get_json() == {
            "error": {"code": "too_late", "message": "Trop tard.", "field": "when"}
        }


def _imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _is_view_module(name: str) -> bool:
    return name.rsplit(".", 1)[-1].endswith("views")


@pytest.mark.parametrize("path", sorted(ROOT.rglob("*views.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_view_imports_another_view(path: Path):
    own = "marketplace." + ".".join(path.relative_to(ROOT).with_suffix("").parts)
    others = {name for name in _imported_modules(path) if _is_view_module(name) and name != own}
    assert not others, f"{own} imports {sorted(others)}: move the shared helper to a service or helper module"


@pytest.mark.parametrize("path", sorted(ROOT.rglob("*views.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_views_do_not_commit_by_hand(path: Path):
    text = path.read_text(encoding="utf-8")
    assert "db.session.commit()" not in text and "db.session.rollback()" not in text
