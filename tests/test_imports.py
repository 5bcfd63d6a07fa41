"""Bulk import of missions (JSON Lines, CSV): editor rules, line reports, idempotency, who imports where."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from marketplace.associations import imports
from marketplace.associations.cli import missions_cli
from marketplace.associations.imports import ImportFileInvalid, import_missions, parse_missions
from marketplace.associations.missions import MissionData, mission_problems
from marketplace.associations.models import Association, Mission, MissionReview
from marketplace.domain import NotAllowed
from marketplace.extensions import db
from marketplace.jobs.queue import work_once

ROOT = Path(__file__).resolve().parents[1]
SOON = (date.today() + timedelta(days=20)).isoformat()
LATER = (date.today() + timedelta(days=21)).isoformat()
YESTERDAY = (date.today() - timedelta(days=1)).isoformat()
DESCRIPTION = "Accueillir les familles et préparer les colis avec l'équipe de bénévoles."


@pytest.fixture(autouse=True)
def request_context(app):
    """Rule messages are translated strings, which need a request (for the language)."""
    with app.test_request_context():
        yield


def mission_line(**fields) -> dict:
    line = {
        "external_id": "collecte-1",
        "title": "Collecte alimentaire de printemps",
        "description": DESCRIPTION,
        "kind": "ponctual",
        "domain": "aide-alimentaire",
        "skills": ["accueil", "tri"],
        "association": {"name": "Banque alimentaire du Rhône"},
        "city": "Lyon",
        "postcode": "69007",
        "remote": False,
        "schedule": "one_off",
        "start_date": SOON,
        "end_date": LATER,
        "capacity": 8,
        "min_age": 16,
        "status": "draft",  # ignored on input
    }
    line.update(fields)
    return line


def jsonl(*lines: dict | str) -> str:
    return "".join(
        (line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n" for line in lines
    )


CSV_HEADER = (
    "external_id;title;description;kind;domain;skills;association.name;city;postcode;schedule;slots;"
    "hours_per_week;start_date;capacity"
)


def csv_line(external_id: str = "aide-devoirs", **fields) -> str:
    values = {
        "external_id": external_id,
        "title": "Aide aux devoirs du mercredi",
        "description": DESCRIPTION,
        "kind": "support",
        "domain": "education",
        "skills": "pédagogie; mathématiques",
        "association.name": "Banque alimentaire du Rhône",
        "city": "Villeurbanne",
        "postcode": "69100",
        "schedule": "recurring",
        "slots": "wed_afternoon; sat_morning",
        "hours_per_week": "2,5",
        "start_date": "",
        "capacity": "4",
    }
    values.update(fields)
    return ";".join(f'"{value}"' if ";" in value else value for value in values.values())


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def problems_by_line(report) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for problem in report.problems:
        found.setdefault(problem.line, set()).add(problem.field)
    return found


# --- reading -----------------------------------------------------------------------------------


def test_jsonl_import_publishes_missions_with_every_contract_field(make):
    report = import_missions(jsonl(mission_line()), "jsonl", by=None)
    db.session.commit()
    assert report.counts == (1, 0, 0)
    mission = db.session.scalar(select(Mission))
    assert (mission.title, mission.kind, mission.domain, mission.skills) == (
        "Collecte alimentaire de printemps",
        "ponctual",
        "aide-alimentaire",
        ["accueil", "tri"],
    )
    assert (mission.start_date.isoformat(), mission.end_date.isoformat()) == (SOON, LATER)
    assert (mission.capacity, mission.min_age, mission.external_id) == (8, 16, "collecte-1")
    assert mission.status == "published" and mission.published_at is not None
    assert [review.action for review in mission.reviews] == ["imported"]
    assert mission.association.name == "Banque alimentaire du Rhône"


def test_csv_import_reads_lists_separated_by_semicolons_and_decimal_commas():
    text = "\n".join([CSV_HEADER, csv_line()]) + "\n"
    report = import_missions(text, "csv", by=None)
    assert report.counts == (1, 0, 0)
    mission = db.session.scalar(select(Mission))
    assert mission.skills == ["pédagogie", "mathématiques"]
    assert mission.slots == ["wed_afternoon", "sat_morning"]
    assert (mission.schedule, mission.hours_per_week, mission.capacity) == ("recurring", 2.5, 4)


def test_day_parts_of_one_off_missions_are_read_from_json_lines_and_csv():
    header = "title;description;domain;association.name;city;postcode;schedule;start_date;day_parts"
    row = f"Collecte du soir;{DESCRIPTION};aide-alimentaire;Relais;Lyon;69007;one_off;{SOON};evening; morning"
    text = "\n".join([header, row.replace("evening; morning", '"evening; morning"')]) + "\n"
    assert import_missions(text, "csv", by=None).problems == []
    assert db.session.scalar(select(Mission.day_parts)) == ["morning", "evening"]  # in day order
    report = import_missions(
        jsonl(mission_line(external_id="afternoon", day_parts=["afternoon"])), "jsonl", by=None
    )
    assert report.problems == []
    afternoon = db.session.scalar(select(Mission).where(Mission.external_id == "afternoon"))
    assert afternoon.day_parts == ["afternoon"]


def test_an_unknown_day_part_rejects_its_line_with_the_line_number():
    text = jsonl(
        mission_line(external_id="ok", day_parts=["morning"]),
        mission_line(external_id="bad-part", day_parts=["morning", "night"]),
        mission_line(external_id="not-a-list", day_parts=12),
    )
    report = import_missions(text, "jsonl", by=None)
    assert problems_by_line(report) == {2: {"day_parts"}, 3: {"day_parts"}}
    assert "night" in str(next(problem.reason for problem in report.problems if problem.line == 2))
    assert list(db.session.scalars(select(Mission.external_id))) == ["ok"]


def test_a_recurring_mission_keeps_no_day_parts():
    line = mission_line(
        schedule="recurring", slots=["wed_afternoon"], hours_per_week=2, end_date=None, day_parts=["morning"]
    )
    assert import_missions(jsonl(line), "jsonl", by=None).problems == []
    assert db.session.scalar(select(Mission.day_parts)) == []


def test_csv_with_commas_and_an_association_column_is_read_too():
    text = (
        "title,description,kind,domain,association,remote,schedule,slots,hours_per_week,skills\n"
        f'Refaire le site web,"{DESCRIPTION}",support,numerique,Alpha Numérique,oui,recurring,'
        '"[""mon_evening""]",3,"[""web"", ""rédaction""]"\n'
    )
    report = import_missions(text, "csv", by=None)
    assert report.problems == []
    mission = db.session.scalar(select(Mission))
    assert (mission.remote, mission.slots, mission.skills) == (True, ["mon_evening"], ["web", "rédaction"])
    assert mission.association.name == "Alpha Numérique"


def test_a_file_mixing_good_and_bad_lines_keeps_the_good_ones_and_reports_the_others():
    text = jsonl(
        mission_line(external_id="ok-1"),
        "{pas du json",
        mission_line(external_id="bad-domain", domain="jardinage"),
        mission_line(external_id="no-title", title=""),
        mission_line(external_id="bad-date", start_date="14/03/2027"),
        "",
        mission_line(external_id="past", start_date=YESTERDAY, end_date=None),
        mission_line(external_id="minor-leader", kind="leadership", min_age=16),
        mission_line(
            external_id="bad-slot", schedule="recurring", slots=["mon_morning", "lundi"], hours_per_week=2
        ),
        mission_line(external_id="ok-2", title="Deuxième collecte alimentaire"),
    )
    report = import_missions(text, "jsonl", by=None)
    db.session.commit()
    assert problems_by_line(report) == {
        2: {""},
        3: {"domain"},
        4: {"title"},
        5: {"start_date"},
        7: {"start_date"},
        8: {"min_age"},
        9: {"slots"},
    }
    assert report.counts == (2, 0, 7)
    assert sorted(db.session.scalars(select(Mission.external_id))) == ["ok-1", "ok-2"]
    assert all(str(problem.reason) for problem in report.problems)


def test_csv_line_numbers_count_the_header_blank_lines_and_multiline_cells():
    multiline = csv_line(
        "multi", description='"Première ligne de la description\nsuite de la description assez longue"'
    )
    text = "\n".join([CSV_HEADER, csv_line("a"), "", multiline, csv_line("b", domain="inconnu")]) + "\n"
    report = import_missions(text, "csv", by=None)
    assert problems_by_line(report) == {6: {"domain"}}
    assert report.counts == (2, 0, 1)


def test_a_csv_without_a_title_column_is_refused_as_a_whole():
    with pytest.raises(ImportFileInvalid):
        parse_missions("nom;ville\nCollecte;Lyon\n", "csv", today=date.today())


def test_an_empty_file_is_refused_as_a_whole():
    with pytest.raises(ImportFileInvalid):
        parse_missions("\n\n", "jsonl", today=date.today())


def test_unknown_fields_are_ignored_and_status_cannot_be_forced():
    report = import_missions(jsonl(mission_line(status="closed", id=999, url="https://x")), "jsonl", by=None)
    assert report.problems == []
    assert db.session.scalar(select(Mission.status)) == "published"


def warnings_by_line(report) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for warning in report.warnings:
        found.setdefault(warning.line, set()).add(warning.field)
    return found


def test_every_field_an_imported_line_does_not_keep_is_listed_as_a_warning_of_its_line():
    text = jsonl(
        mission_line(external_id="a", id=999, url="https://x", association={"name": "Relais", "id": 4}),
        mission_line(
            external_id="b",
            schedule="recurring",
            slots=["wed_afternoon"],
            hours_per_week=2,
            end_date=None,
            day_parts=["morning"],
        ),
        mission_line(external_id="c", hours_per_week=3),
        {k: v for k, v in mission_line(external_id="d").items() if k != "status"},
    )
    report = import_missions(text, "jsonl", by=None)
    assert report.problems == [] and report.counts == (4, 0, 0)
    assert warnings_by_line(report) == {
        1: {"status", "id", "url", "association.id"},
        2: {"status", "day_parts"},
        3: {"status", "hours_per_week"},
    }
    reasons = {(w.line, w.field): str(w.reason) for w in report.warnings}
    assert "Champ inconnu : ignoré" in reasons[(1, "id")]
    assert "l’import publie lui-même la mission" in reasons[(1, "status")]
    assert "Ignoré pour une mission régulière" in reasons[(2, "day_parts")]


def test_unknown_csv_columns_are_warned_on_each_line_that_fills_them():
    text = "\n".join([CSV_HEADER + ";couleur", csv_line("a") + ";bleu", csv_line("b") + ";"]) + "\n"
    report = import_missions(text, "csv", by=None)
    assert report.counts == (2, 0, 0)
    assert warnings_by_line(report) == {2: {"couleur"}}


def test_a_rejected_line_has_problems_not_warnings():
    report = import_missions(jsonl(mission_line(domain="jardinage", colour="blue")), "jsonl", by=None)
    assert problems_by_line(report) == {1: {"domain"}} and report.warnings == []


def test_a_recurring_line_without_hours_is_imported_with_a_warning_though_the_editor_asks_for_them():
    line = mission_line(
        schedule="recurring", start_date=None, end_date=None, rhythm="Une demi-journée par semaine"
    )
    report = import_missions(jsonl(line), "jsonl", by=None)
    assert report.problems == [] and report.counts == (1, 0, 0)
    assert warnings_by_line(report) == {1: {"status", "hours_per_week"}}
    mission = db.session.scalars(select(Mission)).one()
    assert (mission.hours_per_week, mission.rhythm) == (None, "Une demi-journée par semaine")
    # The editor's rule is unchanged: editing this mission will ask for its hours.
    problems = mission_problems(MissionData.from_mission(mission), today=date.today())
    assert "heures par semaine" in str(problems["hours_per_week"])


def _next_weekday(weekday: int) -> date:
    start = date.today() + timedelta(days=10)
    return start + timedelta(days=(weekday - start.weekday()) % 7)


FRIDAY, SATURDAY, SUNDAY = 4, 5, 6


def test_one_off_slots_become_its_parts_of_the_day_in_json_lines_and_csv(client):
    saturday = _next_weekday(SATURDAY).isoformat()
    line = mission_line(start_date=saturday, end_date=None, slots=["sat_morning", "sat_afternoon"])
    report = import_missions(jsonl(line), "jsonl", by=None)
    assert report.problems == [] and warnings_by_line(report) == {1: {"status"}}
    mission = db.session.scalar(select(Mission))
    assert (mission.day_parts, mission.slots) == (["morning", "afternoon"], [])
    db.session.commit()
    contract = client.get(f"/api/v1/missions/{mission.id}").get_json()
    assert contract["day_parts"] == ["morning", "afternoon"] and contract["schedule"] == "one_off"
    header = "external_id;title;description;domain;association.name;city;postcode;schedule;start_date;slots"
    row = f"csv-1;Collecte du soir;{DESCRIPTION};aide-alimentaire;Relais;Lyon;69007;one_off;{saturday};"
    row += "sat_evening"
    assert import_missions(f"{header}\n{row}\n", "csv", by=None).problems == []
    csv_mission = db.session.scalar(select(Mission).where(Mission.external_id == "csv-1"))
    assert csv_mission.day_parts == ["evening"]


def test_one_off_slots_that_contradict_the_dates_reject_the_line_with_a_clear_message():
    saturday = _next_weekday(SATURDAY)
    text = jsonl(
        mission_line(external_id="ok", start_date=saturday.isoformat(), end_date=None, slots=["sat_morning"]),
        mission_line(
            external_id="wrong-day",
            start_date=saturday.isoformat(),
            end_date=(saturday + timedelta(days=1)).isoformat(),
            slots=["sat_morning", "mon_evening"],
        ),
    )
    report = import_missions(text, "jsonl", by=None)
    assert problems_by_line(report) == {2: {"slots"}}
    reason = str(report.problems[0].reason)
    assert "mon_evening" in reason and "lundi" in reason and saturday.isoformat() in reason
    assert "corrigez les dates ou les créneaux" in reason
    assert list(db.session.scalars(select(Mission.external_id))) == ["ok"]


def test_slots_with_different_parts_on_different_days_are_kept_for_every_date_and_said_so():
    friday = _next_weekday(FRIDAY)
    festival = mission_line(
        start_date=friday.isoformat(),
        end_date=(friday + timedelta(days=2)).isoformat(),
        slots=["fri_evening", "sat_morning", "sat_afternoon", "sun_morning"],
    )
    report = import_missions(jsonl(festival), "jsonl", by=None)
    assert report.problems == []
    assert db.session.scalar(select(Mission.day_parts)) == ["morning", "afternoon", "evening"]
    (warning,) = [w for w in report.warnings if w.field == "slots"]
    assert "matin, après-midi, soir" in str(warning.reason)


def test_a_members_lines_naming_another_association_are_warned(make):
    owner = make.user("association")
    association = make.association("Mon Association", owner=owner)
    report = import_missions(
        jsonl(
            mission_line(external_id="a"),
            mission_line(external_id="b", association={"name": "Mon association"}),
        ),
        "jsonl",
        by=owner,
        association=association,
    )
    assert report.counts == (2, 0, 0)
    assert warnings_by_line(report) == {1: {"status", "association.name"}, 2: {"status"}}
    assert "vos missions vont à Mon Association" in str(report.warnings[1].reason)


def test_the_readme_sample_file_imports_cleanly():
    text = (ROOT / "docs" / "examples" / "missions.jsonl").read_text(encoding="utf-8")
    report = import_missions(text, "jsonl", by=None)
    assert report.problems == [] and report.counts == (5, 0, 0)
    assert count(Association) == 3


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_the_downloadable_examples_import_cleanly(fmt):
    records = imports.example_records(date.today())
    text = imports.to_csv(records) if fmt == "csv" else imports.to_jsonl(records)
    report = import_missions(imports.decode(text.encode()), fmt, by=None)
    assert report.problems == [] and report.counts == (3, 0, 0)


def test_windows_1252_csv_files_are_read():
    text = "\n".join([CSV_HEADER, csv_line()]) + "\n"
    assert imports.decode(text.encode("cp1252")) == text


# --- idempotency and atomicity -----------------------------------------------------------------


def test_importing_the_same_file_twice_updates_instead_of_duplicating():
    first = jsonl(
        mission_line(external_id="a"), mission_line(external_id="b", title="Autre collecte alimentaire")
    )
    assert import_missions(first, "jsonl", by=None).counts == (2, 0, 0)
    db.session.commit()
    second = jsonl(
        mission_line(external_id="a", capacity=20, skills=["logistique"]),
        mission_line(external_id="b", title="Collecte alimentaire d'automne"),
    )
    report = import_missions(second, "jsonl", by=None)
    db.session.commit()
    assert report.counts == (0, 2, 0)
    assert count(Mission) == 2 and count(Association) == 1
    missions = {mission.external_id: mission for mission in db.session.scalars(select(Mission))}
    assert (missions["a"].capacity, missions["a"].skills) == (20, ["logistique"])
    assert missions["b"].title == "Collecte alimentaire d'automne"
    assert [review.action for review in missions["a"].reviews] == ["imported", "imported"]


def test_reimporting_an_unchanged_line_counts_as_updated_and_adds_no_history():
    text = jsonl(mission_line())
    import_missions(text, "jsonl", by=None)
    db.session.commit()
    assert import_missions(text, "jsonl", by=None).counts == (0, 1, 0)
    assert count(MissionReview) == 1


def test_lines_without_external_id_always_create():
    text = jsonl(mission_line(external_id=None))
    import_missions(text, "jsonl", by=None)
    import_missions(text, "jsonl", by=None)
    assert count(Mission) == 2


def test_an_import_does_not_change_closed_missions_or_go_below_accepted_volunteers(make):
    association = make.association("Banque alimentaire du Rhône")
    make.mission(association, external_id="closed", status="closed")
    full = make.mission(association, external_id="full", capacity=5)
    full.seats_taken = 3
    db.session.commit()
    text = jsonl(mission_line(external_id="closed"), mission_line(external_id="full", capacity=2))
    report = import_missions(text, "jsonl", by=None)
    assert problems_by_line(report) == {1: {"external_id"}, 2: {"capacity"}}
    assert db.session.get(Mission, full.id).capacity == 5


def test_a_line_failing_in_the_database_leaves_nothing_behind(monkeypatch):
    original = imports.writing._with_coordinates

    def breaking_the_capacity_check(data, places=None):
        # Valid for the parser, refused by the database's CHECK: the batch's INSERT fails,
        # then the line alone (with the association it created) when retried line by line.
        data = original(data, places)
        return replace(data, capacity=0) if data.external_id == "boom" else data

    monkeypatch.setattr(imports.writing, "_with_coordinates", breaking_the_capacity_check)
    text = jsonl(
        mission_line(external_id="ok"),
        mission_line(external_id="boom", association={"name": "Association créée puis annulée"}),
        mission_line(external_id="ok-2", association={"name": "Les Amis du Parc"}),
    )
    report = import_missions(text, "jsonl", by=None)
    db.session.commit()
    assert problems_by_line(report) == {2: {""}}
    assert sorted(db.session.scalars(select(Association.name))) == [
        "Banque alimentaire du Rhône",
        "Les Amis du Parc",
    ]
    assert sorted(db.session.scalars(select(Mission.external_id))) == ["ok", "ok-2"]
    assert count(MissionReview) == 2


def test_nothing_is_saved_until_the_caller_commits():
    import_missions(jsonl(mission_line(external_id="a"), mission_line(external_id="b")), "jsonl", by=None)
    db.session.rollback()
    assert count(Mission) == 0 and count(Association) == 0


# --- where lines go ----------------------------------------------------------------------------


def test_associations_are_found_by_name_whatever_the_case_and_accents(make):
    existing = make.association("École des Parents")
    report = import_missions(
        jsonl(mission_line(association={"name": "  ÉCOLE des  parents "})), "jsonl", by=None
    )
    assert report.problems == []
    assert db.session.scalar(select(Mission.association_id)) == existing.id
    assert count(Association) == 1


def test_a_new_association_is_created_once_for_several_lines():
    text = jsonl(
        mission_line(external_id="a", association={"name": "Les Amis du Parc"}),
        mission_line(external_id="b", association={"name": "les amis du parc"}),
    )
    import_missions(text, "jsonl", by=None)
    association = db.session.scalar(select(Association))
    assert count(Association) == 1 and association.slug == "les-amis-du-parc"


def test_a_member_imports_every_line_into_their_own_association(make):
    owner = make.user("association")
    association = make.association("Mon Association", owner=owner)
    other = make.association("Banque alimentaire du Rhône")
    text = jsonl(
        mission_line(external_id="a"), mission_line(external_id="b", association={"name": "Inconnue"})
    )
    report = import_missions(text, "jsonl", by=owner, association=association)
    assert report.counts == (2, 0, 0)
    assert set(db.session.scalars(select(Mission.association_id))) == {association.id}
    assert count(Association) == 2 and other.missions == []
    assert {review.actor_id for review in db.session.scalars(select(MissionReview))} == {owner.id}


@pytest.mark.parametrize(
    ("verified", "status", "action"),
    [(False, "pending_review", "submitted"), (True, "published", "imported")],
)
def test_members_of_unverified_associations_send_imports_to_moderation(make, verified, status, action):
    owner = make.user("association")
    association = make.association(owner=owner, verified=verified)
    report = import_missions(jsonl(mission_line(external_id="a")), "jsonl", by=owner, association=association)
    mission = db.session.scalar(select(Mission))
    assert report.counts == (1, 0, 0)
    assert mission.status == status and mission.reviews[-1].action == action


def test_a_member_cannot_import_into_an_association_they_do_not_belong_to(make):
    member = make.user("association")
    make.association(owner=member)
    stranger_association = make.association()
    with pytest.raises(NotAllowed):
        import_missions(jsonl(mission_line()), "jsonl", by=member, association=stranger_association)


def test_volunteers_cannot_import(make):
    with pytest.raises(NotAllowed):
        import_missions(jsonl(mission_line()), "jsonl", by=make.user("candidate"))


def test_a_network_admin_imports_only_into_associations_of_their_network(make):
    admin = make.user("network_admin")
    member = make.association("Banque alimentaire du Rhône")
    outsider = make.association("Association hors réseau")
    make.network(admin=admin, members=(member,))
    text = jsonl(
        mission_line(external_id="a"),
        mission_line(external_id="b", association={"name": "Association hors réseau"}),
        mission_line(external_id="c", association={"name": "Association inexistante"}),
        mission_line(external_id="d", association=None),
    )
    report = import_missions(text, "jsonl", by=admin)
    assert problems_by_line(report) == {
        2: {"association.name"},
        3: {"association.name"},
        4: {"association.name"},
    }
    assert report.counts == (1, 0, 3)
    assert set(db.session.scalars(select(Mission.association_id))) == {member.id}
    assert outsider.missions == [] and count(Association) == 2


def test_a_site_admin_creates_missing_associations(make):
    admin = make.user("site_admin")
    report = import_missions(
        jsonl(mission_line(association={"name": "Nouvelle Association"})), "jsonl", by=admin
    )
    assert report.counts == (1, 0, 0)
    assert db.session.scalar(select(Association.name)) == "Nouvelle Association"


# --- command line ------------------------------------------------------------------------------


def _invoke(runner, path: Path, *args: str):
    db.session.commit()  # the command commits on its own: leave no transaction open here
    return runner.invoke(missions_cli, ["import", str(path), *args])


def test_cli_import_prints_counts_and_exits_0_when_every_line_is_valid(runner, tmp_path):
    path = tmp_path / "missions.jsonl"
    path.write_text(jsonl(mission_line(external_id="a"), mission_line(external_id="b")), encoding="utf-8")
    result = _invoke(runner, path)
    assert result.exit_code == 0, result.output
    assert "created=2 updated=0 rejected=0 warnings=2" in result.output
    assert "avertissement ligne 1 : status : Ignoré" in result.output
    again = _invoke(runner, path)
    assert again.exit_code == 0 and "created=0 updated=2 rejected=0" in again.output
    assert count(Mission) == 2


def test_cli_import_lists_rejected_lines_and_exits_1_but_keeps_valid_lines(runner, tmp_path):
    path = tmp_path / "export.txt"
    path.write_text(
        "\n".join([CSV_HEADER, csv_line("a"), csv_line("b", domain="jardinage")]) + "\n", encoding="utf-8"
    )
    result = _invoke(runner, path, "--format", "csv")
    assert result.exit_code == 1
    assert "created=1 updated=0 rejected=1" in result.output
    assert "ligne 3 : domain : " in result.output
    assert count(Mission) == 1


def test_cli_import_of_an_unreadable_file_exits_1_and_saves_nothing(runner, tmp_path):
    path = tmp_path / "vide.csv"
    path.write_text("nom;ville\n", encoding="utf-8")
    result = _invoke(runner, path)
    assert result.exit_code == 1
    assert count(Mission) == 0


# --- upload page -------------------------------------------------------------------------------


def _post_upload(client, content: str | bytes, filename: str = "missions.csv", **fields):
    data = content.encode() if isinstance(content, str) else content
    return client.post(
        "/espace/import",
        data={"file": (io.BytesIO(data), filename), **fields},
        content_type="multipart/form-data",
    )


def _upload(client, content: str | bytes, filename: str = "missions.csv", **fields):
    """Upload, let a worker run the queued import, then show the job's page (its report)."""
    response = _post_upload(client, content, filename, **fields)
    if response.status_code != 302:
        return response
    work_once()
    return client.get(response.headers["Location"])


def test_member_uploads_a_csv_and_sees_the_report(client, auth, make):
    owner = make.user("association")
    association = make.association("Mon Association", owner=owner)
    auth.login_as(owner)
    assert client.get("/espace/import").status_code == 200
    text = "\n".join([CSV_HEADER, csv_line("a"), csv_line("b", title="Non"), csv_line("c")]) + "\n"
    posted = _post_upload(client, text)
    assert posted.status_code == 302 and count(Mission) == 0  # queued: written by the worker
    waiting = client.get(posted.headers["Location"]).get_data(as_text=True)
    assert 'data-testid="import-progress"' in waiting and 'data-testid="progress-total">3<' in waiting
    assert '<meta http-equiv="refresh"' in waiting  # without JavaScript, the page reloads itself
    work_once()
    response = client.get(posted.headers["Location"])
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'data-testid="count-created">2<' in page and 'data-testid="count-rejected">1<' in page
    assert 'data-line="3"' in page
    ignored = page.split('data-testid="ignored-fields"', 1)[1].split("</table>", 1)[0]
    assert ignored.count("<code>association.name</code>") == 2  # the file names another association
    assert set(db.session.scalars(select(Mission.association_id))) == {association.id}


def test_the_upload_report_lists_the_fields_each_imported_line_lost(client, auth, make):
    owner = make.user("association")
    make.association("Mon Association", owner=owner)
    auth.login_as(owner)
    response = _upload(client, jsonl(mission_line(external_id="a", colour="bleu")), filename="m.jsonl")
    page = response.get_data(as_text=True)
    assert 'data-testid="count-created">1<' in page
    table = page.split('data-testid="ignored-fields"', 1)[1].split("</table>", 1)[0]
    assert "<code>colour</code>" in table and "<code>status</code>" in table
    assert "Champs non repris" in page


def test_a_network_admin_upload_cannot_reach_a_non_member_association(client, auth, make):
    admin = make.user("network_admin")
    make.network(admin=admin, members=(make.association("Banque alimentaire du Rhône"),))
    make.association("Association hors réseau")
    auth.login_as(admin)
    text = jsonl(mission_line(external_id="x", association={"name": "Association hors réseau"}))
    response = _upload(client, text, "missions.jsonl")
    assert response.status_code == 200
    assert 'data-line="1"' in response.get_data(as_text=True)
    assert count(Mission) == 0


def test_an_oversized_upload_is_refused_on_the_file_field(client, auth, make):
    admin = make.user("site_admin")
    auth.login_as(admin)
    response = _upload(client, b"x" * (imports.MAX_UPLOAD_BYTES + 1))
    assert response.status_code == 400
    assert 'id="file-error"' in response.get_data(as_text=True)
    assert count(Mission) == 0


def test_an_upload_without_a_file_or_with_an_unreadable_one_is_refused(client, auth, make):
    auth.login_as(make.user("site_admin"))
    assert client.post("/espace/import", data={}, content_type="multipart/form-data").status_code == 400
    assert _upload(client, "nom;ville\n").status_code == 400


def test_example_files_are_downloadable(client, auth, make):
    auth.login_as(make.user("site_admin"))
    for path, fmt in (("/espace/import/modele.csv", "csv"), ("/espace/import/modele.jsonl", "jsonl")):
        response = client.get(path)
        assert response.status_code == 200
        assert "attachment" in response.headers["Content-Disposition"]
        parsed = parse_missions(imports.decode(response.data), fmt, today=date.today())
        assert parsed.problems == [] and len(parsed.rows) == 3


# --- search sees what an import wrote ------------------------------------------------------------


@pytest.fixture(params=["whoosh", "postgres"])
def search_backend(request, app):
    """Each search backend this database can serve, kept in step as in production."""
    from marketplace.search import services
    from tests.conftest import is_postgres

    if request.param == "postgres" and not is_postgres():
        pytest.skip("the PostgreSQL search backend needs PostgreSQL")
    app.config.update(SEARCH_BACKEND=request.param, SEARCH_SYNC=True)
    services.reindex_all()
    yield request.param
    app.config.update(SEARCH_BACKEND="whoosh", SEARCH_SYNC=False)


def test_search_finds_imported_missions_right_after_the_import(make, search_backend, monkeypatch):
    from marketplace.search.documents import SearchQuery
    from marketplace.search.services import search

    monkeypatch.setattr(imports.writing, "DEFAULT_BATCH_SIZE", 2)  # several batches, each committed

    def found(words: str) -> set[str]:
        ids = [hit.id for hit in search(SearchQuery(q=words, with_seats=False, per_page=50)).hits]
        return set(db.session.scalars(select(Mission.external_id).where(Mission.id.in_(ids))))

    lines = [mission_line(external_id=f"v-{n}", title=f"Collecte de vélos numéro {n}") for n in range(5)]
    import_missions(jsonl(*lines), "jsonl", by=None, on_batch=lambda *_: db.session.commit())
    db.session.commit()
    assert found("vélos") == {f"v-{n}" for n in range(5)}

    # A re-import: two missions change their titles, the others are left alone.
    lines[1] = mission_line(external_id="v-1", title="Réparation de trottinettes")
    lines[3] = mission_line(external_id="v-3", title="Réparation de trottinettes électriques")
    report = import_missions(jsonl(*lines), "jsonl", by=None, on_batch=lambda *_: db.session.commit())
    db.session.commit()
    assert report.unchanged == 3
    assert found("vélos") == {"v-0", "v-2", "v-4"}
    assert found("trottinettes") == {"v-1", "v-3"}
