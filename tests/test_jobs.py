"""Background jobs: claiming, progress, failure midway, a dead worker's job resumed, no double run."""

from __future__ import annotations

import json
import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from marketplace.associations.cli import missions_cli
from marketplace.associations.imports import job as import_job
from marketplace.associations.imports import writing
from marketplace.associations.models import Mission
from marketplace.extensions import db
from marketplace.jobs import queue
from marketplace.jobs.cli import jobs_cli
from marketplace.jobs.models import Job, JobStatus
from marketplace.models_base import utcnow
from tests.conftest import is_postgres
from tests.test_imports import jsonl, mission_line


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


@pytest.fixture
def counting_kind():
    """A job kind that reports progress three times and returns what it saw."""
    seen: list[tuple[int, int | None]] = []

    def count(payload, progress):
        for done in range(1, payload["steps"] + 1):
            progress(done, payload["steps"], errors=done // 2)
            db.session.commit()
            with Session(db.engine) as other:  # what the page would read meanwhile
                row = other.get(Job, progress.job_id)
                seen.append((row.progress_done, row.progress_total))
        return {"counted": payload["steps"]}

    queue.register_kind("test-count", count)
    yield seen
    queue._kinds.pop("test-count", None)


def queued(kind: str = "test-count", **payload) -> Job:
    job = queue.enqueue(kind, payload or {"steps": 3})
    db.session.commit()
    return job


def file_of(count: int, *, with_ids: bool = True) -> str:
    return jsonl(
        *(
            mission_line(external_id=f"m-{n}" if with_ids else None, title=f"Collecte alimentaire numéro {n}")
            for n in range(1, count + 1)
        )
    )


def missions() -> int:
    return db.session.scalar(select(func.count(Mission.id)))


# --- the queue ---------------------------------------------------------------------------------


def test_a_worker_runs_the_oldest_queued_job_and_records_its_progress_and_report(counting_kind):
    first, second = queued(), queued()
    ran = queue.work_once("worker-a")
    assert ran.id == first.id and ran.status == JobStatus.DONE
    assert counting_kind == [(1, 3), (2, 3), (3, 3)]  # each step visible to other sessions
    assert (ran.progress_done, ran.errors, ran.report) == (3, 1, {"counted": 3})
    assert ran.attempts == 1 and ran.finished_at is not None
    assert db.session.get(Job, second.id).status == JobStatus.QUEUED


def test_work_once_on_an_empty_queue_does_nothing():
    assert queue.work_once("worker-a") is None


def test_a_failing_job_is_marked_failed_and_the_worker_goes_on(counting_kind):
    def broken(payload, progress):
        progress(1, 2)
        db.session.add(Mission(title="never saved"))  # rolled back with the failure
        raise RuntimeError("boom")

    queue.register_kind("test-broken", broken)
    failing, fine = queued("test-broken", x=1), queued()
    assert queue.work(once=True, echo=lambda _line: None) == 2
    db.session.expire_all()
    assert db.session.get(Job, failing.id).status == JobStatus.FAILED
    assert db.session.get(Job, failing.id).failure == "RuntimeError"
    assert db.session.get(Job, fine.id).status == JobStatus.DONE
    assert missions() == 0
    queue._kinds.pop("test-broken")


def test_a_claimed_job_cannot_be_claimed_again(counting_kind):
    job = queued()
    assert queue._mark_running(job.id, "worker-a") is True
    assert queue._mark_running(job.id, "worker-b") is False  # the guarded UPDATE lost the race
    db.session.commit()
    assert queue.claim_next("worker-b") is None


def test_a_worker_whose_job_was_taken_back_stops_at_its_next_progress_write(counting_kind):
    job = queued()
    claimed = queue.claim_next("worker-a")
    stale_progress = queue.Progress(claimed)
    _age_heartbeat(job.id)
    assert queue.requeue_stale() == 1
    assert queue.claim_next("worker-b").id == job.id
    with pytest.raises(queue.JobLost):
        stale_progress(1, 3)


def test_a_job_whose_worker_keeps_dying_is_failed_not_requeued_forever(app, counting_kind):
    job = queued()
    for _attempt in range(queue.DEFAULT_MAX_ATTEMPTS):
        queue.claim_next("worker-a")
        _age_heartbeat(job.id)
        queue.requeue_stale()
    db.session.expire_all()
    assert db.session.get(Job, job.id).status == JobStatus.FAILED


def _age_heartbeat(job_id: int) -> None:
    old = utcnow() - timedelta(seconds=queue.DEFAULT_STALE_SECONDS + 60)
    db.session.execute(update(Job).where(Job.id == job_id).values(heartbeat_at=old))
    db.session.commit()


@pytest.mark.skipif(not is_postgres(), reason="SKIP LOCKED is PostgreSQL's")
def test_on_postgresql_a_worker_skips_the_job_another_one_holds(app, counting_kind):
    first, second = queued(), queued()
    with db.engine.connect() as other:
        other.execute(text("SELECT id FROM jobs WHERE id = :id FOR UPDATE"), {"id": first.id})
        assert queue.claim_next("worker-b").id == second.id  # not blocked, not the held one
        other.rollback()


@pytest.mark.skipif(not is_postgres(), reason="concurrent sessions need a server database")
def test_on_postgresql_two_workers_never_claim_the_same_job(app, counting_kind):
    ids = {queued().id for _ in range(20)}
    claims: dict[str, list[int]] = {"a": [], "b": []}

    def claim_all(name: str) -> None:
        with app.app_context():
            while (job := queue.claim_next(f"worker-{name}")) is not None:
                claims[name].append(job.id)
            db.session.remove()

    threads = [threading.Thread(target=claim_all, args=(name,)) for name in claims]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    together = claims["a"] + claims["b"]
    assert sorted(together) == sorted(ids)  # every job claimed exactly once


# --- imports as jobs ---------------------------------------------------------------------------


def test_an_import_job_reports_progress_by_batch_and_ends_with_the_report(monkeypatch):
    monkeypatch.setattr(writing, "DEFAULT_BATCH_SIZE", 2)
    text_ = file_of(5) + json.dumps({"title": "x"}) + "\n"  # line 6 is rejected
    job = import_job.enqueue_import(text_, "jsonl", by=None)
    db.session.commit()
    assert job.progress_total == 6
    done = queue.work_once("worker-a")
    assert done.status == JobStatus.DONE and (done.progress_done, done.errors) == (6, 1)
    report = import_job.report_of(done)
    assert report.counts == (5, 0, 1) and report.rejected_lines == [6]
    assert "content" not in done.payload  # the uploaded file is not kept once done
    assert missions() == 5


def test_an_import_failing_midway_keeps_whole_batches_only_and_says_which(monkeypatch):
    monkeypatch.setattr(writing, "DEFAULT_BATCH_SIZE", 3)
    real_write = writing._write_batch
    calls = []

    def write_then_fail(planned, **kwargs):
        calls.append(len(planned))
        written = real_write(planned, **kwargs)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")  # after the second batch's rows were flushed
        return written

    monkeypatch.setattr(writing, "_write_batch", write_then_fail)
    job = import_job.enqueue_import(file_of(8), "jsonl", by=None)
    db.session.commit()
    failed = queue.work_once("worker-a")
    assert failed.id == job.id and failed.status == JobStatus.FAILED
    assert missions() == 3  # the first batch, whole; nothing of the second
    titles = set(db.session.scalars(select(Mission.external_id)))
    assert titles == {"m-1", "m-2", "m-3"}
    assert import_job.report_of(failed).counts == (3, 0, 0)  # the report names what was saved
    assert failed.progress_done == 3


def test_an_import_job_survives_a_worker_restart_and_resumes_after_its_last_batch(monkeypatch):
    monkeypatch.setattr(writing, "DEFAULT_BATCH_SIZE", 2)

    class WorkerKilled(BaseException):
        """The process dies: no except clause of the worker runs."""

    real_import_batch = writing._import_batch
    batches = []

    def die_on_the_third_batch(rows, finder, **kwargs):
        batches.append([row.line for row in rows])
        if len(batches) == 3:
            raise WorkerKilled
        return real_import_batch(rows, finder, **kwargs)

    # Lines without external_id: only resuming (not the content digest) avoids duplicates.
    job = import_job.enqueue_import(file_of(7, with_ids=False), "jsonl", by=None)
    db.session.commit()
    claimed = queue.claim_next("worker-a")
    monkeypatch.setattr(writing, "_import_batch", die_on_the_third_batch)
    with pytest.raises(WorkerKilled):
        queue.run(claimed)
    db.session.rollback()
    assert missions() == 4
    assert db.session.get(Job, job.id).status == JobStatus.RUNNING

    monkeypatch.setattr(writing, "_import_batch", real_import_batch)
    assert queue.work_once("worker-b") is None  # heartbeat still fresh: nothing to take
    db.session.expire_all()
    assert db.session.get(Job, job.id).status == JobStatus.RUNNING
    _age_heartbeat(job.id)
    finished = queue.work_once("worker-b")
    assert finished.id == job.id and finished.status == JobStatus.DONE and finished.attempts == 2
    assert missions() == 7  # lines 1-4 once, then 5-7
    report = import_job.report_of(finished)
    assert sorted(o.line for o in report.created) == [1, 2, 3, 4, 5, 6, 7]


def test_the_cli_queues_an_import_and_the_worker_command_runs_it(runner, tmp_path):
    path = tmp_path / "missions.jsonl"
    path.write_text(file_of(3), encoding="utf-8")
    db.session.commit()
    queued_out = runner.invoke(missions_cli, ["import", str(path), "--background"])
    assert queued_out.exit_code == 0 and "queued (3 lines)" in queued_out.output
    assert missions() == 0
    worked = runner.invoke(jobs_cli, ["work", "--once"])
    assert worked.exit_code == 0 and "jobs run: 1" in worked.output
    assert missions() == 3


def test_the_state_json_follows_the_job(client, auth, make):
    owner = make.user("association")
    association = make.association("Mon Association", owner=owner)
    job = import_job.enqueue_import(file_of(2), "jsonl", by=owner, association=association)
    db.session.commit()
    auth.login_as(owner)
    before = client.get(f"/espace/import/{job.id}/etat.json").get_json()
    assert before == {"status": "queued", "done": 0, "total": 2, "errors": 0, "percent": 0, "finished": False}
    queue.work_once("worker-a")
    after = client.get(f"/espace/import/{job.id}/etat.json").get_json()
    assert after["finished"] is True and after["done"] == 2 and after["percent"] == 100
    page = client.get(f"/espace/import/{job.id}").get_data(as_text=True)
    assert 'data-testid="count-created">2<' in page and "http-equiv" not in page


def test_an_unverified_associations_import_says_sent_to_moderation_not_published(client, auth, make):
    owner = make.user("association")
    association = make.association("Mon Association", owner=owner, verified=False)
    job = import_job.enqueue_import(file_of(2), "jsonl", by=owner, association=association)
    db.session.commit()
    queue.work_once("worker-a")
    auth.login_as(owner)
    page = client.get(f"/espace/import/{job.id}").get_data(as_text=True)
    assert 'data-testid="count-moderation">2<' in page
    assert set(db.session.scalars(select(Mission.status))) == {"pending_review"}


def test_reimporting_an_unchanged_file_writes_nothing_and_says_unchanged():
    writing.import_missions(file_of(3), "jsonl", by=None)
    db.session.commit()
    stamps = dict(db.session.execute(select(Mission.id, Mission.updated_at)).all())
    report = writing.import_missions(file_of(3), "jsonl", by=None)
    db.session.commit()
    assert report.counts == (0, 3, 0) and report.unchanged == 3
    assert dict(db.session.execute(select(Mission.id, Mission.updated_at)).all()) == stamps


def test_a_mission_edited_since_its_import_is_written_again_by_a_reimport():
    writing.import_missions(file_of(1), "jsonl", by=None)
    db.session.commit()
    mission = db.session.scalars(select(Mission)).one()
    mission.capacity = 30  # an edit in the editor: its digest follows
    db.session.commit()
    report = writing.import_missions(file_of(1), "jsonl", by=None)
    db.session.commit()
    assert report.unchanged == 0 and db.session.get(Mission, mission.id).capacity == 8


def test_missions_inserted_by_a_batch_reach_the_change_pipeline():
    """Bulk INSERTs escape the ORM's flush hooks: the batch declares them (journal, index)."""
    from marketplace.matching.models import MatchingChange

    writing.import_missions(file_of(3), "jsonl", by=None)
    db.session.commit()
    journaled = set(db.session.scalars(select(MatchingChange.mission_id)))
    assert set(db.session.scalars(select(Mission.id))) <= journaled
