"""A short in-process cache of public API answers, so a popular search costs one computation.

The answers are public and already promised cacheable for a minute (``Cache-Control``), so
each worker may keep them for ``API_CACHE_SECONDS`` (default 30; 0 turns the cache off).
A commit that changes missions, associations or their relations in this process empties it at
once; the other workers see the change when their entries expire. Keys hold everything the
answer depends on: the route, its arguments, the host (answers carry absolute URLs) and the
language (error messages are translated, though only 200 answers are kept).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from flask import Response, current_app, request
from flask_babel import get_locale
from sqlalchemy import event
from sqlalchemy.orm import Session

MAX_ENTRIES = 512
# Tables whose rows appear in API answers: a change to one of them makes every entry suspect.
WATCHED_TABLES = frozenset({"missions", "associations"})


@dataclass(frozen=True)
class CachedAnswer:
    body: bytes
    etag: str
    expires_at: float


class AnswerCache:
    """A bounded LRU of answers with a time to live; thread-safe (threaded workers share it)."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: OrderedDict[tuple, CachedAnswer] = OrderedDict()
        self._max_entries = max_entries
        self._lock = threading.Lock()

    def get(self, key: tuple, now: float) -> CachedAnswer | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            if found.expires_at <= now:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return found

    def put(self, key: tuple, answer: CachedAnswer) -> None:
        with self._lock:
            self._entries[key] = answer
            self._entries.move_to_end(key)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


answers = AnswerCache()


def _key() -> tuple:
    args = tuple(sorted(request.args.items(multi=True)))
    path_args = tuple(sorted((request.view_args or {}).items()))
    return (request.endpoint, path_args, args, request.host, str(get_locale()))


def _response(answer: CachedAnswer, cache_control: str) -> Response:
    response = Response(answer.body, mimetype="application/json")
    response.headers["Cache-Control"] = cache_control
    response.set_etag(answer.etag, weak=True)
    return response.make_conditional(request)


def cached_answer(cache_control: str) -> Callable:
    """Serve a GET view's 200 answers from the cache while they are fresh; 304 on a matching ETag."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            seconds = current_app.config.get("API_CACHE_SECONDS", 0)
            if not seconds:
                return view(*args, **kwargs)
            key, now = _key(), time.monotonic()
            found = answers.get(key, now)
            if found is not None:
                return _response(found, cache_control)
            response = current_app.make_response(view(*args, **kwargs))
            etag, _weak = response.get_etag()
            if response.status_code == 200 and etag:
                answers.put(key, CachedAnswer(response.get_data(), etag, now + seconds))
            return response

        return wrapper

    return decorate


# --- invalidation ----------------------------------------------------------------------------------

_listening = False


def _note_changes(session: Session, _context: Any) -> None:
    changed = (*session.new, *session.dirty, *session.deleted)
    if any(getattr(row, "__tablename__", None) in WATCHED_TABLES for row in changed):
        session.info["api_answers_stale"] = True


def _clear_after_commit(session: Session) -> None:
    if session.info.pop("api_answers_stale", False):
        answers.clear()


def init_answer_cache() -> None:
    """Listen to every session once per process."""
    global _listening
    if not _listening:
        event.listen(Session, "after_flush", _note_changes)
        event.listen(Session, "after_commit", _clear_after_commit)
        _listening = True
