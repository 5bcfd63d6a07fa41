"""The per-process cache of rendered widget pages: freshness, size bound, no caching at 0 s."""

from __future__ import annotations

from marketplace.widgets import page_cache
from marketplace.widgets.page_cache import TimedCache


def test_a_fresh_entry_is_served_without_rendering_again():
    cache, calls = TimedCache(), []
    make = lambda: calls.append(1) or len(calls)  # noqa: E731
    assert cache.get_or_make("page", 30, make) == 1
    assert cache.get_or_make("page", 30, make) == 1
    assert cache.get_or_make("other", 30, make) == 2


def test_an_expired_entry_is_rendered_again(monkeypatch):
    cache, now = TimedCache(), [1000.0]
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: now[0])
    assert cache.get_or_make("page", 30, lambda: "old") == "old"
    now[0] += 29
    assert cache.get_or_make("page", 30, lambda: "new") == "old"
    now[0] += 2
    assert cache.get_or_make("page", 30, lambda: "new") == "new"


def test_zero_seconds_means_no_cache_and_the_least_recently_used_leaves_first():
    cache = TimedCache(size=2)
    assert cache.get_or_make("a", 0, lambda: 1) == 1
    assert cache.get_or_make("a", 0, lambda: 2) == 2
    cache.get_or_make("a", 30, lambda: "a")
    cache.get_or_make("b", 30, lambda: "b")
    cache.get_or_make("a", 30, lambda: "again")  # a is used again: b is now the oldest
    cache.get_or_make("c", 30, lambda: "c")
    assert cache.get_or_make("a", 30, lambda: "new") == "a"
    assert cache.get_or_make("b", 30, lambda: "new b") == "new b"
