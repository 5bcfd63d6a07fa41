"""Settings read from the environment, with development, testing and production variants."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import ClassVar

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_DIR = Path(os.environ.get("INSTANCE_PATH", PROJECT_ROOT / "instance"))
DEV_SECRET_KEY = "dev-only-secret-key-change-me"  # noqa: S105 - refused in production by validate()
DEV_BASE_URL = "http://127.0.0.1:5000"


class InsecureConfiguration(RuntimeError):
    """Raised when the app would start in production with unsafe settings."""


def _bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(name: str) -> list[str] | None:
    value = os.environ.get(name)
    if value is None:
        return None
    return [item.strip() for item in value.split(",") if item.strip()]


def _public_base_url(scheme: str, server_name: str | None) -> str:
    explicit = os.environ.get("PUBLIC_BASE_URL")
    if explicit:
        return explicit
    if server_name:
        return f"{scheme}://{server_name}"
    return DEV_BASE_URL


def normalize_database_url(url: str) -> str:
    """Name the psycopg 3 driver explicitly for PostgreSQL URLs."""
    # Hosted PostgreSQL often hands out postgres:// URLs; SQLAlchemy wants the driver named.
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://") :]
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def _database_url() -> str:
    return normalize_database_url(
        os.environ.get("DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'marketplace.db'}")
    )


class Config:
    ENV_NAME = "development"
    SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
    SQLALCHEMY_DATABASE_URI = _database_url()
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict] = {"pool_pre_ping": True}
    REDIS_URL = os.environ.get("REDIS_URL") or None
    # Partner feeds: https only and public addresses only, unless explicitly allowed (tests).
    FEEDS_ALLOW_LOCAL = os.environ.get("FEEDS_ALLOW_LOCAL", "").lower() in ("1", "true", "yes")
    FEEDS_MAX_BYTES = int(os.environ.get("FEEDS_MAX_BYTES", str(50 * 1024 * 1024)))
    FEEDS_TIMEOUT_SECONDS = float(os.environ.get("FEEDS_TIMEOUT_SECONDS", "30"))

    BABEL_DEFAULT_LOCALE = "fr"
    BABEL_DEFAULT_TIMEZONE = "Europe/Paris"
    LANGUAGES = ("fr", "en")
    BABEL_TRANSLATION_DIRECTORIES = str(PROJECT_ROOT / "marketplace" / "translations")

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _bool("SESSION_COOKIE_SECURE", False)
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    # « Se souvenir de moi » lasts this long; a session without it ends after this much inactivity.
    REMEMBER_COOKIE_DURATION = timedelta(days=int(os.environ.get("REMEMBER_COOKIE_DAYS", "30")))
    SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "120"))
    HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", "0"))  # production: one year unless set
    WTF_CSRF_TIME_LIMIT = 3600 * 8

    RATELIMIT_ENABLED = _bool("RATELIMIT_ENABLED", True)
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI") or (
        REDIS_URL if REDIS_URL else "memory://"
    )
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "10 per minute; 50 per hour")
    RESET_RATE_LIMIT = os.environ.get("RESET_RATE_LIMIT", "5 per minute; 20 per hour")
    # Sign-ups per IP: a workshop of 30 people behind one Wi-Fi signs up within the hour, a robot
    # does not go on for long. Per address: nobody's mailbox is flooded with our e-mails.
    # Only valid sign-ups spend them (marketplace/accounts/budgets.py).
    SIGNUP_RATE_LIMIT = os.environ.get("SIGNUP_RATE_LIMIT", "40 per hour; 200 per day")
    SIGNUP_EMAIL_RATE_LIMIT = os.environ.get("SIGNUP_EMAIL_RATE_LIMIT", "3 per hour; 10 per day")
    # Wrong passwords for one address (from any IP); a successful password reset clears it.
    LOGIN_EMAIL_RATE_LIMIT = os.environ.get("LOGIN_EMAIL_RATE_LIMIT", "10 per hour; 50 per day")
    # Verification and change-of-address e-mails asked for by one account.
    EMAIL_LINK_RATE_LIMIT = os.environ.get("EMAIL_LINK_RATE_LIMIT", "3 per hour; 10 per day")
    INVITE_RATE_LIMIT = os.environ.get("INVITE_RATE_LIMIT", "20 per hour")
    # Public API v1: one budget per client for every /api/v1 route (per IP, or per partner key).
    API_ANONYMOUS_RATE_LIMIT = os.environ.get("API_ANONYMOUS_RATE_LIMIT", "60 per minute")
    API_KEY_RATE_LIMIT = os.environ.get("API_KEY_RATE_LIMIT", "1200 per minute")
    # Seconds each worker keeps a public API answer (they are public for 60 s anyway); 0: off.
    API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "30"))
    RECOMMENDATIONS_RATE_LIMIT = os.environ.get("RECOMMENDATIONS_RATE_LIMIT", "60 per minute; 1000 per hour")
    MISSION_INVITE_RATE_LIMIT = os.environ.get("MISSION_INVITE_RATE_LIMIT", "30 per hour; 100 per day")
    ACCOMPANIMENT_RATE_LIMIT = os.environ.get("ACCOMPANIMENT_RATE_LIMIT", "5 per hour; 20 per day")
    WIDGET_RATE_LIMIT = os.environ.get("WIDGET_RATE_LIMIT", "120 per minute")  # per IP, widget page and feed
    WIDGET_CLICK_RATE_LIMIT = os.environ.get("WIDGET_CLICK_RATE_LIMIT", "30 per minute")  # "apply" clicks
    # Public checks of a certificate code, per IP (the codes are not guessable; this stops trying).
    ATTESTATION_CHECK_RATE_LIMIT = os.environ.get(
        "ATTESTATION_CHECK_RATE_LIMIT", "30 per minute; 300 per hour"
    )
    ATTESTATION_FONT_DIR = os.environ.get("ATTESTATION_FONT_DIR", "/usr/share/fonts/truetype/dejavu")
    # Seconds a worker may keep widget impressions before writing them (one upsert per widget and day).
    WIDGET_STATS_WRITE_SECONDS = float(os.environ.get("WIDGET_STATS_WRITE_SECONDS", "5"))
    WIDGET_CACHE_SECONDS = float(os.environ.get("WIDGET_CACHE_SECONDS", "30"))  # rendered widget pages
    # Uploads (mission imports) are capped at 2 MB by the form; this stops larger bodies early.
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_CONTENT_LENGTH", str(4 * 1024 * 1024)))

    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "file")  # file | smtp
    MAIL_DIR = os.environ.get("MAIL_DIR", str(INSTANCE_DIR / "mail"))
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USE_TLS = _bool("MAIL_USE_TLS", False)
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "Tremplin <ne-pas-repondre@tremplin.local>")
    OUTBOX_MAX_ATTEMPTS = int(os.environ.get("OUTBOX_MAX_ATTEMPTS", "5"))

    PASSWORD_RESET_MAX_AGE = int(os.environ.get("PASSWORD_RESET_MAX_AGE", "3600"))
    EMAIL_VERIFICATION_MAX_AGE = int(os.environ.get("EMAIL_VERIFICATION_MAX_AGE", str(7 * 24 * 3600)))
    EMAIL_CHANGE_MAX_AGE = int(os.environ.get("EMAIL_CHANGE_MAX_AGE", str(24 * 3600)))
    # Accounts unused this long are warned by e-mail, then anonymised after the grace period
    # (`flask privacy purge`, run daily by cron).
    INACTIVITY_DAYS = int(os.environ.get("INACTIVITY_DAYS", str(3 * 365)))
    INACTIVITY_GRACE_DAYS = int(os.environ.get("INACTIVITY_GRACE_DAYS", "30"))

    # Legal notice and privacy policy: who publishes the site, who hosts it, whom to write to.
    LEGAL_PUBLISHER = os.environ.get("LEGAL_PUBLISHER", "")
    LEGAL_PUBLISHER_ADDRESS = os.environ.get("LEGAL_PUBLISHER_ADDRESS", "")
    LEGAL_PUBLISHER_ID = os.environ.get("LEGAL_PUBLISHER_ID", "")  # SIREN/RNA of the publisher
    LEGAL_DIRECTOR = os.environ.get("LEGAL_DIRECTOR", "")  # directeur ou directrice de la publication
    LEGAL_HOST = os.environ.get("LEGAL_HOST", "")
    LEGAL_HOST_ADDRESS = os.environ.get("LEGAL_HOST_ADDRESS", "")
    LEGAL_CONTACT_EMAIL = os.environ.get("LEGAL_CONTACT_EMAIL", "")
    PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", "")  # the DPO, or whoever answers
    SERVER_NAME = os.environ.get("SERVER_NAME") or None
    PREFERRED_URL_SCHEME = os.environ.get("PREFERRED_URL_SCHEME", "http")
    # Every absolute link (e-mails, feeds, widget snippets, API) starts with this, never with the
    # request's Host (marketplace/public_urls.py). Without it, SERVER_NAME gives the address.
    PUBLIC_BASE_URL = _public_base_url(PREFERRED_URL_SCHEME, SERVER_NAME)
    # Host names the site answers to; others get a 400. Production defaults to PUBLIC_BASE_URL's host.
    TRUSTED_HOSTS = _list("TRUSTED_HOSTS")
    # X-Forwarded-For/-Proto/-Host are believed only from this many proxies in front of the app.
    TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

    # "whoosh" (one node: an index on local disk) or "postgres" (several nodes: PostgreSQL full text).
    SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "whoosh")
    # Background jobs (flask jobs work): a running job silent this long is taken for dead and
    # queued again, at most this many times in all.
    JOBS_STALE_SECONDS = int(os.environ.get("JOBS_STALE_SECONDS", "300"))
    JOBS_MAX_ATTEMPTS = int(os.environ.get("JOBS_MAX_ATTEMPTS", "3"))
    SEARCH_SYNC = True  # update the index after each commit that changes missions
    SEARCH_INDEX_DIR = os.environ.get("SEARCH_INDEX_DIR", str(INSTANCE_DIR / "search-index"))
    # Fit the recommendation engine in a background thread when the app starts (each gunicorn
    # worker; without --preload). Otherwise the first recommendation builds it.
    MATCHING_WARM_AT_START = _bool("MATCHING_WARM_AT_START", False)
    GEO_DATA_PATH = os.environ.get(
        "GEO_DATA_PATH", str(PROJECT_ROOT / "marketplace" / "reference" / "data" / "communes.json")
    )

    def validate(self) -> None:
        """Refuse settings that are only acceptable on a developer's machine."""


class DevelopmentConfig(Config):
    pass


class TestingConfig(Config):
    ENV_NAME = "testing"
    TESTING = True
    # Tests serve feeds from a local HTTP server.
    FEEDS_ALLOW_LOCAL = True
    SECRET_KEY = "testing-secret-key"  # noqa: S105 - tests only
    SQLALCHEMY_DATABASE_URI = normalize_database_url(os.environ.get("TEST_DATABASE_URL", "sqlite://"))
    RATELIMIT_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    MAIL_BACKEND = "memory"
    SERVER_NAME = "localhost"
    PUBLIC_BASE_URL = "http://localhost"
    TRUSTED_HOSTS = None
    PASSWORD_RESET_MAX_AGE = 3600
    # Most tests do not search: the search tests switch index updates back on.
    SEARCH_SYNC = False
    # Tables are emptied with plain DELETEs between tests, which the cache cannot see.
    API_CACHE_SECONDS = 0
    WIDGET_STATS_WRITE_SECONDS = 0.0  # every impression written at once: tests read them right away


class ProductionConfig(Config):
    ENV_NAME = "production"
    SESSION_COOKIE_SECURE = _bool("SESSION_COOKIE_SECURE", True)
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    PREFERRED_URL_SCHEME = os.environ.get("PREFERRED_URL_SCHEME", "https")
    PUBLIC_BASE_URL = _public_base_url(PREFERRED_URL_SCHEME, Config.SERVER_NAME)
    HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600)))

    def validate(self) -> None:
        key = self.SECRET_KEY
        if not key or key == DEV_SECRET_KEY or len(key) < 32:
            raise InsecureConfiguration(
                "SECRET_KEY must be set to a random value of at least 32 characters in production."
            )
        if self.PUBLIC_BASE_URL == DEV_BASE_URL:
            raise InsecureConfiguration(
                "PUBLIC_BASE_URL (or SERVER_NAME) must give the site's public address in production: "
                "every link sent by e-mail is built from it."
            )


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_from_environment() -> Config:
    """Pick the variant named by TREMPLIN_ENV (development by default)."""
    name = os.environ.get("TREMPLIN_ENV", "development")
    if name not in CONFIGS:
        raise InsecureConfiguration(f"Unknown TREMPLIN_ENV {name!r}; use one of {sorted(CONFIGS)}.")
    return CONFIGS[name]()
