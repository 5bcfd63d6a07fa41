"""A short in-process cache of public API answers, so a popular search costs one computation.

The answers are public and already promised cacheable for a minute (``Cache-Control``), so
each worker may keep them for ``API_CACHE_SECONDS`` (default 30; 0 turns the cache off).
Keys hold everything the answer depends on and nothing a client could steer to poison it: the
route, its arguments (the query string, as parsed), the language (error messages are translated,
though only 200 answers are kept) and the database's change stamp (``marketplace.missions.stamp``:
one primary-key query per request). Absolute URLs in answers come from ``PUBLIC_BASE_URL``, never
from the ``Host`` header (``marketplace/public_urls.py``), so the host is not part of the key. Any
worker's commit that changes missions or associations bumps the stamp, so no worker serves an
answer made before it: that is how the others learn about a change at once. The ``api-answers``
subscriber of the change pipeline also empties this worker's cache on such
a commit, which only frees memory sooner. The cache lives in ``app.extensions``, one per app.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from flask import Flask, Response, current_app, has_app_context, request
from flask_babel import get_locale
from sqlalchemy.orm import Session

from marketplace.extensions import this_app
from marketplace.missions import changes
from marketplace.missions.stamp import read_stamp

MAX_ENTRIES = 512
EXTENSION_KEY = "tremplin_api_answers"


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


def answer_cache(app: Flask | None = None) -> AnswerCache:
    """This app's cache (each app object, like each worker process, has its own)."""
    app = app or this_app()
    return app.extensions.setdefault(EXTENSION_KEY, AnswerCache())


def _key() -> tuple:
    args = tuple(sorted(request.args.items(multi=True)))
    path_args = tuple(sorted((request.view_args or {}).items()))
    return (request.endpoint, path_args, args, str(get_locale()), read_stamp())


def _response(answer: CachedAnswer, cache_control: str) -> Response:
    response = Response(answer.body, mimetype="application/json")
    response.headers["Cache-Control"] = cache_control
    response.set_etag(answer.etag, weak=True)
    response.make_conditional(request)  # in place: 304 when the client's ETag matches
    return response


def cached_answer(cache_control: str) -> Callable:
    """Serve a GET view's 200 answers from the cache while they are fresh; 304 on a matching ETag."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            seconds = current_app.config.get("API_CACHE_SECONDS", 0)
            if not seconds:
                return view(*args, **kwargs)
            key, now, answers = _key(), time.monotonic(), answer_cache()
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


def _forget_answers(_session: Session, _changed: changes.Changes) -> None:
    if has_app_context():
        answer_cache().clear()


def init_answer_cache() -> None:
    """Subscribe to the change pipeline (the stamp in the keys does the rest, on every worker)."""
    changes.subscribe("api-answers", _forget_answers, order=30)
