"""A short-lived, per-process cache of rendered widget pages.

A widget is shown on every page view of a partner's site: the same search for the same settings,
again and again. Each worker keeps the rendered page for ``WIDGET_CACHE_SECONDS`` (30 s by default):
a newly published mission appears within that delay, and a saved change of the widget at once
(its ``updated_at`` is part of the key). Nothing here is needed for correctness: a restart or
another worker simply renders again.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


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


pages = TimedCache()
