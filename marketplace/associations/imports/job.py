"""An import as a background job: the upload page and ``flask missions import --background``
enqueue it, ``flask jobs work`` runs it batch by batch.

"Nothing half-written", batch by batch: each batch of lines is committed together with the job's
state (the last line written and the report so far). A line is written whole or not at all (a
line failing in the database is rolled back alone and reported); a batch is committed whole or
not at all; when the worker dies midway, the committed batches stay (their lines are valid and
reported as such) and the next attempt resumes after the last one, so no line is written twice
and the final report covers every line once. A job failing on an unexpected error keeps the
batches committed before it and says so (its report lists them).
"""

from __future__ import annotations

from typing import Any

from flask import current_app
from flask_babel import force_locale

from marketplace.accounts.models import User
from marketplace.associations.imports.writing import (
    ImportReport,
    LinesDone,
    import_missions,
    line_count,
    lines_in,
    parse_import,
)
from marketplace.associations.models import Association
from marketplace.extensions import db
from marketplace.jobs.models import Job
from marketplace.jobs.queue import Progress, enqueue, register_kind

IMPORT_KIND = "missions-import"


def enqueue_import(text: str, fmt: str, *, by: User | None, association: Association | None = None) -> Job:
    """Queue the import of this file's text (kept in the job row until it is done)."""
    payload = {
        "content": text,
        "format": fmt,
        "by_user_id": by.id if by is not None else None,
        "association_id": association.id if association is not None else None,
    }
    return enqueue(
        IMPORT_KIND,
        payload,
        owner_id=by.id if by is not None else None,
        association_id=association.id if association is not None else None,
        total=line_count(text, fmt),
    )


def job_state(report: ImportReport, last_line: int) -> dict[str, Any]:
    return {"after_line": last_line, "report": report.to_json()}


def report_of(job: Job) -> ImportReport | None:
    """The job's report so far (or final), as the page shows it."""
    if not job.report:
        return None
    return ImportReport.from_json(job.report.get("report", {}))


def run_import_job(payload: dict[str, Any], progress: Progress) -> dict[str, Any]:
    """Run the import, committing each batch with the job's progress; resume after a crash."""
    by = db.session.get(User, payload["by_user_id"]) if payload.get("by_user_id") else None
    association = (
        db.session.get(Association, payload["association_id"]) if payload.get("association_id") else None
    )
    saved = progress.state or {}
    resume = ImportReport.from_json(saved["report"]) if "report" in saved else None
    text, fmt = payload["content"], payload["format"]
    parsed = parse_import(text, fmt)  # read once: its line count is the progress total
    total = lines_in(parsed)
    locale = (by.locale if by is not None else None) or current_app.config["BABEL_DEFAULT_LOCALE"]
    lines_done = LinesDone()

    def batch_done(report: ImportReport, last_line: int) -> None:
        done = lines_done(report)
        progress(done, total, errors=len(report.rejected_lines), state=job_state(report, last_line))
        db.session.commit()

    # Rule messages are lazy strings: a request context gives them the owner's language.
    with current_app.test_request_context(), force_locale(locale):
        report = import_missions(
            text,
            fmt,
            by=by,
            association=association,
            on_batch=batch_done,
            resume=resume,
            resume_after_line=int(saved.get("after_line", 0)),
            parsed=parsed,
        )
        return job_state(report, _max_line(report))


def _max_line(report: ImportReport) -> int:
    lines = [o.line for o in (*report.created, *report.updated)] + report.rejected_lines
    return max(lines, default=0)


def register_import_kind() -> None:
    register_kind(IMPORT_KIND, run_import_job)
