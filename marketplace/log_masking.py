"""Secret tokens in paths never reach the logs (issue 13, finding 16).

A password-reset link, a team invitation or a calendar feed carries its secret in the path; access
logs (gunicorn's, Werkzeug's development server) and our error log would otherwise keep it in
clear for anyone who reads them. Every route whose path has a ``<token>`` part is masked, so a
new link of that kind is covered without touching this file; ``?token=`` query values too.
The filter sits on the loggers that write request lines (and on the Referer gunicorn logs).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from flask import Flask

MASK = "[masqué]"
LOGGERS = ("werkzeug", "gunicorn.access", "gunicorn.error", "marketplace.errors")
_QUERY_TOKEN = r"((?:^|[?&\s])token=)[^&\s\"']+"  # noqa: S105 - a pattern, not a password


def token_patterns(rules: Iterable[str]) -> re.Pattern[str]:
    """One pattern for every rule path with a ``<token>`` (or ``<converter:token>``) part."""
    prefixes = set()
    for rule in rules:
        match = re.search(r"<(?:[a-z_]+:)?token>", rule)
        if match:
            prefixes.add(re.escape(rule[: match.start()]))
    alternatives = [f"({'|'.join(sorted(prefixes))})[^/?#&\\s\"']+"] if prefixes else []
    return re.compile("|".join([*alternatives, _QUERY_TOKEN]))


class TokenMaskingFilter(logging.Filter):
    """Rewrites a record's message and arguments with every token replaced by a mark."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        super().__init__()
        self.pattern = pattern

    def mask(self, value: object) -> object:
        if not isinstance(value, str):
            return value
        return self.pattern.sub(lambda found: (found.group(1) or found.group(2) or "") + MASK, value)

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.mask(record.msg)
        if isinstance(record.args, dict):
            record.args = {key: self.mask(value) for key, value in record.args.items()}
        elif isinstance(record.args, tuple):
            record.args = tuple(self.mask(value) for value in record.args)
        return True


def init_log_masking(app: Flask) -> None:
    """Install the filter (once per logger: several apps in one process replace it)."""
    token_filter = TokenMaskingFilter(token_patterns(rule.rule for rule in app.url_map.iter_rules()))
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, TokenMaskingFilter)]:
            logger.removeFilter(old)
        logger.addFilter(token_filter)
