"""Enqueue, claim, run and recover background jobs.

Claiming: on PostgreSQL ``SELECT ... FOR UPDATE SKIP LOCKED`` (each worker takes a row nobody
else holds); on SQLite (one writer at a time) an UPDATE guarded by ``status = 'queued'``, whose
row count tells whether this worker won. A claimed job carries the worker's name and its attempt
number; every progress write is guarded by both, so a worker whose job was taken back (its
heartbeat went stale and another worker re-ran it) stops at its next write instead of writing
alongside the new one.

Progress and transactions: ``progress(done, total, errors=..., state=...)`` updates the job row
in the kind's own transaction. A kind that commits after each batch (the import) therefore
commits its batch and the progress describing it together: after a crash the job's ``state``
says exactly which batches are in the database, and the next attempt resumes after them. A kind
committing once at the end shows its progress when it ends. The runner commits the final report.

Uploaded files are kept in ``payload["content"]`` (no shared disk between nodes is needed), and
dropped from the row once the job is finished.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask import current_app
from sqlalchemy import select, update

from marketplace.domain import DomainError
from marketplace.extensions import db
from marketplace.jobs.models import Job, JobStatus
from marketplace.models_base import utcnow

logger = logging.getLogger(__name__)

DEFAULT_STALE_SECONDS = 300  # no progress for this long: the worker is taken for dead
DEFAULT_MAX_ATTEMPTS = 3  # a job whose worker died this often is failed, not re-queued


class JobLost(Exception):
    """This worker no longer owns the job (it was re-queued): stop without writing."""


class Progress:
    """The callback given to a job kind: records progress, beats the heartbeat, keeps state."""

    def __init__(self, job: Job):
        self.job_id = job.id
        self.worker = job.worker
        self.attempt = job.attempts
        self.state: dict[str, Any] | None = job.report  # what an earlier attempt saved, if any

    def __call__(
        self,
        done: int,
        total: int | None = None,
        *,
        errors: int | None = None,
        state: dict[str, Any] | None = None,
    ) -> None:
        values: dict[str, Any] = {"progress_done": done, "heartbeat_at": utcnow()}
        if total is not None:
            values["progress_total"] = total
        if errors is not None:
            values["errors"] = errors
        if state is not None:
            values["report"] = state
            self.state = state
        result = db.session.execute(
            update(Job)
            .where(Job.id == self.job_id, Job.worker == self.worker, Job.attempts == self.attempt)
            .values(**values)
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise JobLost(f"job {self.job_id} was taken back from {self.worker}")


JobFunction = Callable[[dict[str, Any], Progress], "dict[str, Any] | None"]
_kinds: dict[str, JobFunction] = {}


def register_kind(kind: str, function: JobFunction) -> None:
    """Let workers run jobs of this kind: ``function(payload, progress)`` returns the report."""
    _kinds[kind] = function


def enqueue(
    kind: str,
    payload: dict[str, Any],
    *,
    owner_id: int | None = None,
    association_id: int | None = None,
    total: int | None = None,
) -> Job:
    """Add a queued job in the current transaction (it is seen once the caller commits)."""
    if kind not in _kinds:
        raise ValueError(f"unknown job kind {kind!r}")
    job = Job(
        kind=kind,
        payload=payload,
        owner_id=owner_id,
        association_id=association_id,
        progress_total=total,
        status=JobStatus.QUEUED,
    )
    db.session.add(job)
    db.session.flush()
    return job


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _setting(name: str, default: int) -> int:
    return int(current_app.config.get(name, default))


def _claim_postgres(worker: str) -> Job | None:
    job = db.session.scalars(
        select(Job)
        .where(Job.status == JobStatus.QUEUED)
        .order_by(Job.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    ).first()
    if job is None:
        return None
    _mark_running(job.id, worker)
    return job


def _claim_sqlite(worker: str) -> Job | None:
    while True:
        job_id = db.session.scalar(
            select(Job.id).where(Job.status == JobStatus.QUEUED).order_by(Job.id).limit(1)
        )
        if job_id is None:
            return None
        if _mark_running(job_id, worker):
            return db.session.get(Job, job_id)
        db.session.rollback()  # another worker took it between our SELECT and UPDATE: next one


def _mark_running(job_id: int, worker: str) -> bool:
    now = utcnow()
    result = db.session.execute(
        update(Job)
        .where(Job.id == job_id, Job.status == JobStatus.QUEUED)
        .values(
            status=JobStatus.RUNNING,
            worker=worker,
            attempts=Job.attempts + 1,
            started_at=now,
            heartbeat_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def claim_next(worker: str) -> Job | None:
    """Take the oldest queued job for this worker (committed), or None when there is none."""
    claim = _claim_postgres if db.engine.dialect.name == "postgresql" else _claim_sqlite
    job = claim(worker)
    db.session.commit()
    if job is not None:
        db.session.refresh(job)
    return job


def requeue_stale(now_offset: timedelta | None = None) -> int:
    """Put back in the queue the running jobs whose heartbeat is too old; fail those out of attempts."""
    stale = utcnow() - timedelta(seconds=_setting("JOBS_STALE_SECONDS", DEFAULT_STALE_SECONDS))
    if now_offset is not None:
        stale += now_offset
    max_attempts = _setting("JOBS_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS)
    running_stale = (Job.status == JobStatus.RUNNING, Job.heartbeat_at < stale)
    failed = db.session.execute(
        update(Job)
        .where(*running_stale, Job.attempts >= max_attempts)
        .values(status=JobStatus.FAILED, finished_at=utcnow(), failure="worker died too often")
        .execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]
    requeued = db.session.execute(
        update(Job)
        .where(*running_stale)
        .values(status=JobStatus.QUEUED, worker=None)
        .execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]
    db.session.commit()
    if failed or requeued:
        logger.warning("Jobs with a stale heartbeat: %s re-queued, %s failed", requeued, failed)
    return requeued


def _finish(
    progress: Progress, status: JobStatus, *, report: dict[str, Any] | None = None, failure: str | None = None
) -> None:
    job = db.session.get(Job, progress.job_id)
    if job is None or job.worker != progress.worker or job.attempts != progress.attempt:
        db.session.rollback()
        return  # taken back meanwhile: the new attempt will finish it
    job.status = status
    job.finished_at = job.heartbeat_at = utcnow()
    if report is not None:
        job.report = report
    job.failure = failure
    if job.progress_total is not None and status == JobStatus.DONE:
        job.progress_done = job.progress_total
    job.payload = {key: value for key, value in job.payload.items() if key != "content"}
    db.session.commit()


def run(job: Job) -> None:
    """Run one claimed job to its end: done with its report, or failed (nothing of the failing
    transaction kept: what earlier batches committed stays, as the job's state says)."""
    function = _kinds.get(job.kind)
    progress = Progress(job)
    payload = dict(job.payload)
    if function is None:
        _finish(progress, JobStatus.FAILED, failure=f"unknown job kind {job.kind!r}")
        return
    try:
        report = function(payload, progress)
    except JobLost:
        db.session.rollback()
        logger.warning("Job %s was re-queued while this worker ran it: stopped", progress.job_id)
        return
    except DomainError as error:
        db.session.rollback()
        _finish(progress, JobStatus.FAILED, failure=str(error.message))
        return
    except Exception as error:
        db.session.rollback()
        logger.exception("Job %s (%s) failed", progress.job_id, job.kind)
        _finish(progress, JobStatus.FAILED, failure=type(error).__name__)
        return
    _finish(progress, JobStatus.DONE, report=report if report is not None else progress.state)


def work_once(worker: str | None = None) -> Job | None:
    """Re-queue stale jobs, then claim and run one job; return it (None when the queue is empty)."""
    requeue_stale()
    job = claim_next(worker or worker_name())
    if job is None:
        return None
    run(job)
    db.session.expire_all()
    return db.session.get(Job, job.id)


def work(*, once: bool = False, interval: float = 1.0, echo: Callable[[str], None] = print) -> int:
    """Work the queue: every queued job until it is empty (``once``), or forever; return jobs run."""
    worker = worker_name()
    count = 0
    while True:
        job = work_once(worker)
        if job is not None:
            count += 1
            echo(f"job {job.id} {job.kind}: {job.status} ({job.progress_done}/{job.progress_total})")
            continue
        if once:
            return count
        time.sleep(interval)
