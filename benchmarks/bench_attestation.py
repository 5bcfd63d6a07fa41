"""Attestation de bénévolat: time to render its PDF (target ≤ 500 ms).

    python benchmarks/bench_attestation.py                  # 50 renders of a 12-mission attestation
    python benchmarks/bench_attestation.py --renders 200 --missions 40

Fills a throwaway SQLite database with one volunteer's completed participations at one
association, issues the attestation once, then renders its PDF ``--renders`` times in a request
context (French, as the download does) and prints the first render (fpdf2 loaded, the fonts'
working copy made or read: cold), then the median and 95th percentile of the others, and the
PDF's size; once with a Latin name (the fonts' working copy), once with a Cyrillic one (whole fonts).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("TREMPLIN_ENV", "testing")

from marketplace import create_app
from marketplace.accounts.models import User
from marketplace.associations.models import Association, Mission
from marketplace.attestations.services import issue_attestation
from marketplace.candidates.models import Application
from marketplace.extensions import db

TARGET_MS = 500
# Latin names use the fonts' working copy; a name in another script, the whole fonts.
NAMES = (("Latin text", "Camille Martin-Lefèvre"), ("a Cyrillic name (whole fonts)", "Анна Кузнецова"))


def fill(missions: int) -> tuple[User, Association]:
    """One volunteer with ``missions`` completed participations at one association, in 2026."""
    db.drop_all()
    db.create_all()
    volunteer = User(email="benevole@example.fr", password_hash="!", role="candidate", first_name="Camille")  # noqa: S106
    association = Association(
        name="Restos du Cœur — Antenne de Lyon 7e",
        slug="restos",
        rna="W691234567",
        siren="123456789",
        verified=True,
    )
    db.session.add_all([volunteer, association])
    for n in range(missions):
        day = date(2026, 1, 10) + timedelta(days=7 * n)
        mission = Mission(
            association=association,
            title=f"Collecte et tri des denrées à l'épicerie solidaire n° {n + 1}",
            kind="ponctual",
            domain="aide-alimentaire",
            schedule="one_off",
            start_date=day,
            status="published",
        )
        db.session.add(mission)
        db.session.add(
            Application(
                mission=mission,
                candidate=volunteer,
                status="completed",
                hours_done=2.5 + n % 4,
                decided_at=datetime(2026, 1, 2),
                completed_at=datetime.combine(day + timedelta(days=1), datetime.min.time()),
            )
        )
    db.session.commit()
    return volunteer, association


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--renders", type=int, default=50)
    parser.add_argument("--missions", type=int, default=12)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.db"})
        with app.app_context():
            volunteer, association = fill(args.missions)
            for label, name in NAMES:
                attestation = issue_attestation(
                    volunteer, association_id=association.id, year=2026, full_name=name
                )
                db.session.commit()
                measure(app, attestation, label, args.renders, args.missions)
    return 0


def measure(app, attestation, label: str, renders: int, missions: int) -> None:
    """Render the attestation ``renders`` + 1 times; print the first, the median and p95 of the rest."""
    url = f"{app.config['PUBLIC_BASE_URL']}/attestations/{attestation.code}"
    timings: list[float] = []
    size = 0
    with app.test_request_context(headers={"Accept-Language": "fr"}):
        from marketplace.attestations.pdf import render_pdf

        for _ in range(renders + 1):
            started = time.perf_counter()
            size = len(render_pdf(attestation, verify_url=url))
            timings.append((time.perf_counter() - started) * 1000)
    first, rest = timings[0], timings[1:]
    median, p95 = statistics.median(rest), percentile(rest, 0.95)
    print(f"attestation PDF, {missions} missions, {label}, {size / 1024:.1f} kB")
    print(f"  first render: {first:.0f} ms")
    print(f"  {len(rest)} renders: median {median:.1f} ms, p95 {p95:.1f} ms (target ≤ {TARGET_MS} ms)")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
