"""Shared fixtures: one app per test session, a clean database per test, factories per role.

The same suite runs on SQLite (default) and PostgreSQL (set TEST_DATABASE_URL).
"""

from __future__ import annotations

import html
import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ["TREMPLIN_ENV"] = "testing"
_TMP = Path(tempfile.mkdtemp(prefix="tremplin-tests-"))
os.environ.setdefault("TEST_DATABASE_URL", f"sqlite:///{_TMP / 'test.db'}")
os.environ.setdefault("INSTANCE_PATH", str(_TMP / "instance"))

import pytest  # noqa: E402
from sqlalchemy import event, select, text  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402
from werkzeug.security import generate_password_hash  # noqa: E402

from marketplace import create_app  # noqa: E402
from marketplace.accounts.models import User  # noqa: E402
from marketplace.associations.models import Association, Membership, Mission  # noqa: E402
from marketplace.candidates.models import Application, CandidateProfile  # noqa: E402
from marketplace.config import normalize_database_url  # noqa: E402
from marketplace.extensions import db, limiter  # noqa: E402
from marketplace.models_base import utcnow  # noqa: E402
from marketplace.networks.models import Network, NetworkAdmin, NetworkMember  # noqa: E402
from marketplace.notifications.mailer import MemoryMailer  # noqa: E402
from marketplace.reference.vocabularies import ROLES  # noqa: E402

DEFAULT_PASSWORD = "correct-horse-battery"
# Hashing is deliberately slow (scrypt): hash the shared test password once.
_DEFAULT_HASH = generate_password_hash(DEFAULT_PASSWORD)
DATABASE_URL = normalize_database_url(os.environ["TEST_DATABASE_URL"])


def _ensure_postgres_database(url: str) -> None:
    """Create the PostgreSQL test database when it does not exist yet."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": target.database}
        )
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


@event.listens_for(Engine, "connect")
def _fast_sqlite_for_tests(dbapi_connection, _record) -> None:
    # The test database is thrown away: skip fsync, which dominates small commits.
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        dbapi_connection.execute("PRAGMA synchronous=OFF")


def is_postgres() -> bool:
    return DATABASE_URL.startswith("postgresql")


def build_app(**overrides):
    config = {"SQLALCHEMY_DATABASE_URI": DATABASE_URL, "WTF_CSRF_ENABLED": False, **overrides}
    return create_app(config)


@pytest.fixture(scope="session")
def _session_app():
    if is_postgres():
        _ensure_postgres_database(DATABASE_URL)
    app = build_app()
    with app.app_context():
        if is_postgres():
            # The search schema lives outside the models: a test database kept from an earlier
            # run may hold an older version of it, which the code rightly refuses to use.
            with db.engine.begin() as connection:
                connection.execute(text("DROP SCHEMA IF EXISTS search CASCADE"))
        db.drop_all()
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _empty_all_tables() -> None:
    tables = [table.name for table in reversed(db.metadata.sorted_tables)]
    # DELETE beats TRUNCATE on PostgreSQL for a handful of rows (TRUNCATE rewrites every table).
    for table in tables:
        db.session.execute(text(f"DELETE FROM {table}"))
    db.session.commit()


@pytest.fixture
def app(_session_app):
    """The app with a pushed context and a database emptied after the test."""
    MemoryMailer.sent.clear()
    MemoryMailer.fail_next = 0
    # The limiter is one shared object: an app built with limits on by an earlier test
    # must not leave them on for this one.
    limiter.enabled = _session_app.config["RATELIMIT_ENABLED"]
    with _session_app.app_context():
        yield _session_app
        db.session.rollback()
        _empty_all_tables()
        db.session.remove()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def sent_emails():
    return MemoryMailer.sent


def text_of(response) -> str:
    """The page as a reader sees it: HTML entities (&#39; for apostrophes...) decoded."""
    return html.unescape(response.get_data(as_text=True))


class Factory:
    """Builds committed rows with sensible defaults; every argument can be overridden."""

    def __init__(self) -> None:
        self.counter = 0

    def _next(self) -> int:
        self.counter += 1
        return self.counter

    def user(
        self,
        role: str = "candidate",
        *,
        email: str | None = None,
        password: str | None = None,
        age_range: str = "26-35",
        first_name: str = "Alex",
        verified: bool = True,
        **fields,
    ) -> User:
        """A user whose address is confirmed unless ``verified=False`` (as after the sign-up link)."""
        assert role in ROLES
        number = self._next()
        if verified:
            fields.setdefault("email_verified_at", utcnow())
        user = User(email=email or f"{role}{number}@example.fr", role=role, first_name=first_name, **fields)
        if password:
            user.set_password(password)
        else:
            user.password_hash = _DEFAULT_HASH
        db.session.add(user)
        if role == "candidate":
            db.session.add(CandidateProfile(user=user, age_range=age_range, postcode="69007", city="Lyon"))
        db.session.commit()
        return user

    def association(
        self, name: str | None = None, *, owner: User | None = None, verified: bool = False, **fields
    ) -> Association:
        number = self._next()
        association = Association(
            name=name or f"Association {number}",
            slug=f"association-{number}",
            city=fields.pop("city", "Lyon"),
            postcode=fields.pop("postcode", "69007"),
            verified=verified,
            **fields,
        )
        db.session.add(association)
        owner = owner or self.user("association")
        db.session.add(Membership(user=owner, association=association, role="owner"))
        db.session.commit()
        return association

    def mission(self, association: Association | None = None, **fields) -> Mission:
        number = self._next()
        values = {
            "title": f"Mission {number}",
            "description": "Accueillir les personnes et préparer les colis.",
            "kind": "ponctual",
            "domain": "aide-alimentaire",
            "schedule": "one_off",
            "start_date": date.today() + timedelta(days=10),
            "city": "Lyon",
            "postcode": "69007",
            "lat": 45.7456,
            "lon": 4.8427,
            "capacity": 5,
            "min_age": 18,
            "status": "published",
        }
        values.update(fields)
        mission = Mission(association=association or self.association(), **values)
        db.session.add(mission)
        db.session.commit()
        return mission

    def application(
        self, mission: Mission | None = None, candidate: User | None = None, status: str = "pending", **fields
    ) -> Application:
        mission = mission or self.mission()
        candidate = candidate or self.user("candidate")
        application = Application(mission=mission, candidate=candidate, status=status, **fields)
        db.session.add(application)
        if status == "accepted":
            mission.seats_taken += 1
        db.session.commit()
        return application

    def network(
        self,
        name: str = "Maison des associations",
        *,
        admin: User | None = None,
        departements: tuple[str, ...] = ("69",),
        members: tuple[Association, ...] = (),
    ) -> Network:
        number = self._next()
        network = Network(name=name, slug=f"reseau-{number}", territory_departements=list(departements))
        db.session.add(network)
        db.session.add(NetworkAdmin(network=network, user=admin or self.user("network_admin")))
        for association in members:
            db.session.add(NetworkMember(network=network, association=association, status="accepted"))
        db.session.commit()
        return network

    # --- widgets ---
    def widget(self, network: Network | None = None, **fields):
        """A saved widget of ``network`` (a new one around Lyon by default) with the given settings."""
        from marketplace.widgets.models import Widget

        values = {"name": f"Widget {self._next()}", "territory": "network", "per_page": 10}
        values.update(fields)
        widget = Widget(network=network or self.network(), **values)
        db.session.add(widget)
        db.session.commit()
        return widget


@pytest.fixture
def make(app) -> Factory:
    return Factory()


class AuthActions:
    """Sign in and out through the real views, as a browser would."""

    def __init__(self, client) -> None:
        self.client = client

    def login(self, user_or_email, password: str = DEFAULT_PASSWORD):
        email = user_or_email if isinstance(user_or_email, str) else user_or_email.email
        return self.client.post("/connexion", data={"email": email, "password": password})

    def login_as(self, user) -> None:
        """Open a session without the (deliberately slow) password check; for role tables."""
        with self.client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True

    def logout(self):
        return self.client.post("/deconnexion")


def outbox_link(address: str, prefix: str) -> str:
    """The path of the newest link starting with ``prefix`` in the outbox e-mails to ``address``."""
    import re

    from marketplace.notifications.models import OutboxMessage

    db.session.expire_all()
    rows = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.recipient == address).order_by(OutboxMessage.id.desc())
    )
    for row in rows:
        found = re.search(r"https?://[^/\s]+(" + re.escape(prefix) + r"\S*)", row.body_text)
        if found:
            return found.group(1)
    raise AssertionError(f"no {prefix} link e-mailed to {address}")


def verification_link(address: str) -> str:
    """The confirmation link of the welcome e-mail sent to ``address`` (path only)."""
    return outbox_link(address, "/compte/confirmer/")


@pytest.fixture
def auth(client) -> AuthActions:
    return AuthActions(client)
