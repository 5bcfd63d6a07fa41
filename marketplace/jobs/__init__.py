"""Background jobs: a table-backed queue worked by ``flask jobs work`` (no threads in web workers).

- ``models``: the ``Job`` row (kind, payload, status, progress, report, owner, heartbeat);
- ``queue``: enqueue, claim (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, an atomic conditional
  UPDATE on SQLite), run with a progress callback, re-queue jobs whose worker died;
- ``cli``: ``flask jobs work [--once]``.

A job kind is any callable ``function(payload, progress) -> report`` registered with
``register_kind``; ``progress(done, total, errors=...)`` records how far it is and beats the
heartbeat. See ``queue`` for what a kind must do for its progress to be seen and resumed.
"""
