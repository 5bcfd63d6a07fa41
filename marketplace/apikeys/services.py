"""Create, list, revoke and recognise partner API keys.

A key is shown once, at creation; the database keeps its SHA-256 hash (the key is 256 random
bits, so a fast hash is enough) and a short prefix that lets people tell their keys apart.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from marketplace.accounts.models import User
from marketplace.apikeys.models import ApiKey
from marketplace.domain import DomainError, NotAllowed, NotFound
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.networks.models import Network, NetworkAdmin

KEY_PREFIX = "tpk_"
DISPLAY_CHARS = 12
MAX_NAME = 120
# Writing last_used_at on every call would turn each keyed GET into a write.
LAST_USED_PRECISION = timedelta(minutes=5)


def hash_key(secret: str) -> str:
    """The stored form of a key."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_secret() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def manageable_networks(user: User) -> list[Network]:
    """The networks whose keys ``user`` manages: their own, or all for a site admin."""
    query = select(Network).order_by(Network.name)
    if user.role != "site_admin":
        query = query.join(NetworkAdmin).where(NetworkAdmin.user_id == user.id)
    return list(db.session.scalars(query))


def can_manage(user: User, network_id: int | None) -> bool:
    """Site admins manage every key; network admins those of their networks (never site-wide ones)."""
    if user.role == "site_admin":
        return True
    if user.role != "network_admin" or network_id is None:
        return False
    return network_id in {network.id for network in manageable_networks(user)}


def keys_visible_to(user: User) -> list[ApiKey]:
    """The keys ``user`` may see and revoke, newest first."""
    query = select(ApiKey).order_by(ApiKey.created_at.desc(), ApiKey.id.desc())
    if user.role != "site_admin":
        network_ids = [network.id for network in manageable_networks(user)]
        query = query.where(ApiKey.network_id.in_(network_ids))
    return list(db.session.scalars(query))


def create_key(name: str, *, network_id: int | None, by: User) -> tuple[ApiKey, str]:
    """Add a key and return it with its secret, which is never stored nor shown again."""
    name = " ".join(name.split())
    if not name:
        raise DomainError(_l("Give the key a name, for example the partner's site."), field="name")
    if len(name) > MAX_NAME:
        raise DomainError(_l("Use at most %(num)d characters.", num=MAX_NAME), field="name")
    if not can_manage(by, network_id):
        raise NotAllowed(_l("You cannot create a key for this network."), field="owner")
    secret = new_secret()
    key = ApiKey(
        name=name,
        network_id=network_id,
        created_by_id=by.id,
        prefix=secret[:DISPLAY_CHARS],
        secret_hash=hash_key(secret),
    )
    db.session.add(key)
    db.session.flush()
    return key, secret


def revoke_key(key_id: int, *, by: User) -> ApiKey:
    """Revoke a key at once (the next request with it is refused); revoking twice is harmless."""
    key = db.session.get(ApiKey, key_id)
    if key is None or not can_manage(by, key.network_id):
        raise NotFound(_l("This key does not exist."))
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        db.session.flush()
    return key


def active_key_for(secret: str) -> ApiKey | None:
    """The live key matching a secret sent by a client, or None (unknown or revoked)."""
    if not secret.startswith(KEY_PREFIX):
        return None
    key = db.session.scalar(select(ApiKey).where(ApiKey.secret_hash == hash_key(secret)))
    if key is None or key.revoked_at is not None:
        return None
    return key


def note_use(key: ApiKey) -> bool:
    """Record that a key was used, at most once per few minutes; True when a write is pending."""
    now = utcnow()
    if key.last_used_at is not None and now - key.last_used_at < LAST_USED_PRECISION:
        return False
    key.last_used_at = now
    db.session.flush()
    return True
