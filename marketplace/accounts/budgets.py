"""Rate budgets counted by hand: only the attempts that deserve it spend one.

Flask-Limiter's decorators count every request before the view runs, so a typo in a sign-up
form spends the same budget as a real sign-up, and the refusal is a bare error page. For the
sign-up, accompaniment, login-by-address and resend budgets the view instead asks
``budget.exceeded(key)`` once the form is valid, answers with the form again (what was typed kept)
when it is, and calls ``budget.spend(key)`` only for an attempt that went through.

The counters live in the limiter's storage (memory, or Redis for several nodes), next to the
decorators' own. When that storage fails, the budget lets the request through: a limit that is
down must not take the sign-up page down with it.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from flask import current_app
from limits import RateLimitItem, parse_many

from marketplace.extensions import limiter

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Budget:
    """A named budget whose limits come from a setting (``"40 per hour; 200 per day"``)."""

    name: str
    setting: str

    def _items(self) -> list[RateLimitItem]:
        return list(parse_many(current_app.config[self.setting]))

    def _ids(self, key: str) -> tuple[str, ...]:
        # The deployment's key prefix, as the decorators' limits have it: two sites (or two test
        # runs) sharing one Redis never spend each other's budgets.
        prefix = current_app.config.get("RATELIMIT_KEY_PREFIX") or "tremplin"
        return (f"{prefix}-budget", self.name, key)

    def _guarded(self, operation: Callable[[], object], default: object) -> object:
        if not limiter.enabled:
            return default
        try:
            return operation()
        except Exception:  # the storage is down: never refuse because of it
            log.warning("rate budget %s unavailable", self.name, exc_info=True)
            return default

    def exceeded(self, key: str) -> bool:
        """True when one more attempt with this key would go over one of the limits."""
        return bool(
            self._guarded(
                lambda: any(not limiter.limiter.test(item, *self._ids(key)) for item in self._items()),
                False,
            )
        )

    def spend(self, key: str) -> None:
        """Count one attempt against every limit of the budget."""
        self._guarded(lambda: [limiter.limiter.hit(item, *self._ids(key)) for item in self._items()], None)

    def clear(self, key: str) -> None:
        """Forget what this key spent (a successful password reset clears the sign-in budget)."""

        def clear_all() -> None:
            for item in self._items():
                limiter.limiter.clear(item, *self._ids(key))

        self._guarded(clear_all, None)

    def retry_after(self, key: str) -> int:
        """Seconds until the fullest limit of the budget lets one more attempt in."""

        def seconds() -> int:
            waits = []
            for item in self._items():
                reset_at, remaining = limiter.limiter.get_window_stats(item, *self._ids(key))
                if remaining <= 0:
                    waits.append(max(1, math.ceil(reset_at - time.time())))
            return max(waits, default=1)

        return int(self._guarded(seconds, 1))  # type: ignore[call-overload]


SIGNUP_BY_IP = Budget("signup-ip", "SIGNUP_RATE_LIMIT")
SIGNUP_BY_EMAIL = Budget("signup-email", "SIGNUP_EMAIL_RATE_LIMIT")
ACCOMPANIMENT_BY_IP = Budget("accompaniment-ip", "ACCOMPANIMENT_RATE_LIMIT")
LOGIN_FAILURES_BY_EMAIL = Budget("login-email", "LOGIN_EMAIL_RATE_LIMIT")
EMAIL_LINKS_BY_USER = Budget("email-links", "EMAIL_LINK_RATE_LIMIT")
