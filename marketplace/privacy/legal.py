"""What the legal pages say that comes from settings (publisher, host, contacts) or from the code
(retention periods, link lifetimes, cookie durations), so the texts cannot drift from what runs."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import current_app

from marketplace.privacy import policy


def _days(value: Any, default_days: int) -> int:
    if isinstance(value, timedelta):
        return max(1, value.days)
    if isinstance(value, int | float):
        return max(1, int(value) // 86400)
    return default_days


def legal_context() -> dict[str, Any]:
    """Values the terms, the privacy policy and the legal notice show."""
    config = current_app.config
    return {
        "legal": {
            "publisher": config.get("LEGAL_PUBLISHER", ""),
            "publisher_address": config.get("LEGAL_PUBLISHER_ADDRESS", ""),
            "publisher_id": config.get("LEGAL_PUBLISHER_ID", ""),
            "director": config.get("LEGAL_DIRECTOR", ""),
            "host": config.get("LEGAL_HOST", ""),
            "host_address": config.get("LEGAL_HOST_ADDRESS", ""),
            "contact": config.get("LEGAL_CONTACT_EMAIL", ""),
            "privacy_contact": config.get("PRIVACY_CONTACT_EMAIL") or config.get("LEGAL_CONTACT_EMAIL", ""),
            "site": config.get("PUBLIC_BASE_URL", ""),
        },
        "terms_version": policy.TERMS_VERSION,
        "inactivity_years": round(config["INACTIVITY_DAYS"] / 365),
        "inactivity_grace_days": config["INACTIVITY_GRACE_DAYS"],
        "accompaniment_days": policy.ACCOMPANIMENT_REQUEST_DAYS,
        "outbox_days": policy.OUTBOX_SENT_DAYS,
        "reset_minutes": config["PASSWORD_RESET_MAX_AGE"] // 60,
        "verification_days": config["EMAIL_VERIFICATION_MAX_AGE"] // 86400,
        "change_hours": config["EMAIL_CHANGE_MAX_AGE"] // 3600,
        "remember_days": _days(config.get("REMEMBER_COOKIE_DURATION"), 365),
    }
