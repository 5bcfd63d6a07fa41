"""A short-lived, per-process cache of rendered widget pages.

A widget is shown on every page view of a partner's site: the same search for the same settings,
again and again. Each worker keeps the rendered page for ``WIDGET_CACHE_SECONDS`` (30 s by default).
Keys carry the database's change stamp (``marketplace.missions.stamp``, one primary-key query per
page view): a mission change committed by any worker shows at once on every worker. A saved
change of the widget itself empties the saving worker's cache (``clear``); the other workers
follow within the delay. The ``widget-pages`` subscriber of the change pipeline empties this
worker's cache on a mission commit too (memory back sooner). Nothing
here is needed for correctness: a restart or another worker simply renders again. The cache
lives in ``app.extensions``, one per app.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from flask import Flask, has_app_context
from sqlalchemy.orm import Session

from marketplace.extensions import this_app
from marketplace.missions import changes
from marketplace.missions.stamp import read_stamp

T = TypeVar("T")
EXTENSION_KEY = "tremplin_widget_pages"


class TimedCache:
    """At most ``size`` entries, each kept ``seconds``; the least recently used leaves first."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_make(self, key: Hashable, seconds: float, make: Callable[[], T]) -> T:
        """The cached value for ``key`` if fresh, else ``make()`` (kept when ``seconds`` > 0)."""
        if seconds <= 0:
            return make()
        now = time.monotonic()
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] > now:
                self._entries.move_to_end(key)
                return entry[1]  # type: ignore[return-value]
        value = make()  # outside the lock: two threads may render the same page once each
        with self._lock:
            self._entries[key] = (now + seconds, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def pages(app: Flask | None = None) -> TimedCache:
    """This app's cache of rendered pages (each app object, like each worker, has its own)."""
    app = app or this_app()
    return app.extensions.setdefault(EXTENSION_KEY, TimedCache())


def get_or_make(key: Hashable, seconds: float, make: Callable[[], T]) -> T:
    """The page for ``key`` made since the database last changed, if fresh; else ``make()``."""
    if seconds <= 0:
        return make()
    return pages().get_or_make((read_stamp(), key), seconds, make)


def clear() -> None:
    """Forget this worker's pages (a widget or a network changed: render them again)."""
    pages().clear()


def _forget_pages(_session: Session, _changed: changes.Changes) -> None:
    if has_app_context():
        clear()


def init_page_cache() -> None:
    """Subscribe to the change pipeline."""
    changes.subscribe("widget-pages", _forget_pages, order=40)
