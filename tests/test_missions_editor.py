"""The association side of missions: editor rules, lifecycle actions, preview, dashboard, public page.

Pages are requested in English (the source language) so assertions on messages do not depend on
the French catalogue, which a translator updates separately.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape

import pytest
from sqlalchemy import func, select

from marketplace.associations.dashboard import median_delay, response_time_of
from marketplace.associations.models import Mission, MissionReview
from marketplace.candidates.models import Application, ApplicationEvent
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.notifications.models import OutboxMessage
from marketplace.reference.slugs import DAY_SLUGS

IN_TWO_WEEKS = date.today() + timedelta(days=14)


def valid_form(**changes) -> dict:
    """What an association types for a simple one-off mission; override any field."""
    form = {
        "title": "Servir le petit-déjeuner à l'accueil de jour",
        "kind": "ponctual",
        "domain": "solidarite-insertion",
        "description": "Accueillir les personnes, servir le café et discuter avec elles, en équipe.",
        "skills": "écoute, cuisine, écoute",
        "schedule": "one_off",
        "start_date": IN_TWO_WEEKS.isoformat(),
        "end_date": "",
        "hours_per_week": "",
        "address": "12 rue des Lilas",
        "postcode": "69007",
        "city": "Lyon",
        "min_age": "18",
        "max_age": "",
        "capacity": "4",
        "action": "save",
    }
    form.update(changes)
    return {key: value for key, value in form.items() if value is not None}


def field_error(page: str, field: str) -> str:
    """The text of the error shown under a field ('' when there is none)."""
    match = re.search(rf'id="{re.escape(field)}-error">(.*?)</p>', page, re.S)
    return unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else ""


def mission_count() -> int:
    return db.session.scalar(select(func.count(Mission.id))) or 0


def outbox_to(email: str) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.recipient == email)))


@pytest.fixture
def owner(make, client, auth):
    """An association owner, signed in, reading pages in English."""
    user = make.user("association")
    make.association("Les Restos du Quartier", owner=user)
    auth.login_as(user)
    with client.session_transaction() as session:
        session["locale"] = "en"
    return user


def association_of(user):
    return user.memberships[0].association


# --- Every rule: message on its field, nothing saved ---------------------------------------------

RULES = [
    pytest.param(
        {"start_date": IN_TWO_WEEKS.isoformat(), "end_date": (IN_TWO_WEEKS - timedelta(days=3)).isoformat()},
        "end_date",
        "must come after the start date",
        id="end-before-start",
    ),
    pytest.param({"start_date": ""}, "start_date", "needs a date", id="one-off-without-date"),
    pytest.param(
        {"schedule": "recurring", "start_date": "", "slots": ["sat_morning"], "hours_per_week": ""},
        "hours_per_week",
        "how many hours per week",
        id="recurring-without-hours",
    ),
    pytest.param({"capacity": "0"}, "capacity", "between 1 and 500", id="capacity-0"),
    pytest.param({"capacity": "501"}, "capacity", "between 1 and 500", id="capacity-501"),
    pytest.param({"min_age": "15"}, "min_age", "at least 16", id="min-age-15"),
    pytest.param({"min_age": "25", "max_age": "20"}, "max_age", "greater than or equal", id="max-below-min"),
    pytest.param({"kind": "leadership", "min_age": "16"}, "min_age", "adults only", id="leadership-at-16"),
    pytest.param(
        {"start_date": (date.today() - timedelta(days=1)).isoformat()},
        "start_date",
        "in the past",
        id="past-date",
    ),
    pytest.param({"capacity": "plenty"}, "capacity", "whole number", id="capacity-not-a-number"),
    pytest.param({"start_date": "next tuesday"}, "start_date", "Enter a date", id="date-not-a-date"),
    pytest.param({"remote": None, "postcode": "6900"}, "postcode", "5 digits", id="bad-postcode"),
]


@pytest.mark.parametrize(("changes", "field", "message"), RULES)
def test_each_rule_is_refused_on_its_field_and_nothing_is_saved(client, owner, changes, field, message):
    response = client.post("/espace/missions/nouvelle", data=valid_form(**changes))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in field_error(page, field)
    assert 'id="error-summary"' in page
    assert mission_count() == 0


def test_a_refused_form_keeps_everything_that_was_typed(client, owner):
    typed = valid_form(capacity="0", title="Trier les dons de vêtements", skills="tri, bonne humeur")
    page = client.post("/espace/missions/nouvelle", data=typed).get_data(as_text=True)
    assert 'value="Trier les dons de vêtements"' in page
    assert 'value="tri, bonne humeur"' in page
    assert typed["description"] in unescape(page)


def test_several_problems_are_shown_together(client, owner):
    page = client.post(
        "/espace/missions/nouvelle", data=valid_form(capacity="abc", min_age="15", title="")
    ).get_data(as_text=True)
    assert field_error(page, "capacity") and field_error(page, "min_age") and field_error(page, "title")
    assert mission_count() == 0


# --- Saving, submitting, publishing ----------------------------------------------------------------


def test_a_valid_mission_is_saved_as_a_draft_of_the_members_association(client, owner):
    # The morning of its own weekday (the date moves with today): kept as a part of the day.
    morning = f"{DAY_SLUGS[IN_TWO_WEEKS.weekday()]}_morning"
    response = client.post("/espace/missions/nouvelle", data=valid_form(slots=[morning]))
    mission = db.session.scalar(select(Mission))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/espace/missions/{mission.id}")
    assert mission.status == "draft"
    assert mission.association == association_of(owner)
    assert mission.skills == ["écoute", "cuisine"]  # trimmed, duplicates dropped
    assert mission.slots == []  # a one-off mission says when by its date...
    assert mission.day_parts == ["morning"]  # ...and the part of the day ticked
    assert mission.start_date == IN_TWO_WEEKS
    assert mission.reviews == []
    assert db.session.scalar(select(func.count(OutboxMessage.id))) == 0


def test_a_recurring_mission_keeps_its_slots_and_accepts_a_decimal_comma(client, owner):
    form = valid_form(
        schedule="recurring", start_date="", slots=["sat_morning", "mon_evening"], hours_per_week="1,5"
    )
    assert client.post("/espace/missions/nouvelle", data=form).status_code == 302
    mission = db.session.scalar(select(Mission))
    assert mission.slots == ["mon_evening", "sat_morning"]  # in week order
    assert mission.hours_per_week == 1.5


def test_a_one_off_mission_keeps_its_parts_of_the_day_in_day_order(client, owner):
    assert (
        client.post(
            "/espace/missions/nouvelle", data=valid_form(day_parts=["evening", "morning"])
        ).status_code
        == 302
    )
    assert db.session.scalar(select(Mission.day_parts)) == ["morning", "evening"]


def test_a_recurring_mission_without_weekly_slots_is_saved_and_reads_times_to_be_agreed(client, owner):
    form = valid_form(schedule="recurring", start_date="", hours_per_week="2")
    assert client.post("/espace/missions/nouvelle", data=form).status_code == 302
    mission = db.session.scalar(select(Mission))
    assert (mission.schedule, mission.slots) == ("recurring", [])
    mission.status = "published"
    db.session.commit()
    page = client.get(f"/missions/{mission.id}").get_data(as_text=True)
    assert "Times to be agreed with the association." in page


def test_a_recurring_mission_keeps_its_rhythm_in_words_and_shows_it_on_its_page(client, owner):
    rhythm = "Une demi-journée par semaine, sauf vacances scolaires"
    form = valid_form(schedule="recurring", start_date="", hours_per_week="3", rhythm=f"  {rhythm} ")
    assert client.post("/espace/missions/nouvelle", data=form).status_code == 302
    mission = db.session.scalar(select(Mission))
    assert mission.rhythm == rhythm
    editor = client.get(f"/espace/missions/{mission.id}/modifier").get_data(as_text=True)
    assert re.search(r'name="rhythm"[^>]*value="' + re.escape(rhythm) + '"', unescape(editor))
    mission.status = "published"
    db.session.commit()
    page = unescape(client.get(f"/missions/{mission.id}").get_data(as_text=True))
    assert re.search(r'data-testid="rhythm">' + re.escape(rhythm) + "<", page)


def test_a_rhythm_is_dropped_for_a_one_off_mission_and_a_too_long_one_is_refused(client, owner):
    assert client.post("/espace/missions/nouvelle", data=valid_form(rhythm="Chaque mardi")).status_code == 302
    assert db.session.scalar(select(Mission.rhythm)) == ""  # its dates say when
    form = valid_form(schedule="recurring", start_date="", hours_per_week="2", rhythm="x" * 201)
    page = client.post("/espace/missions/nouvelle", data=form).get_data(as_text=True)
    assert "200" in field_error(page, "rhythm") and mission_count() == 1


def test_a_recurring_mission_keeps_no_parts_of_the_day(client, owner):
    form = valid_form(
        schedule="recurring", start_date="", slots=["sat_morning"], hours_per_week="2", day_parts=["evening"]
    )
    assert client.post("/espace/missions/nouvelle", data=form).status_code == 302
    assert db.session.scalar(select(Mission.day_parts)) == []  # its slots say when


def _next_saturday() -> date:
    return IN_TWO_WEEKS + timedelta(days=(5 - IN_TWO_WEEKS.weekday()) % 7)


def test_weekly_slots_ticked_for_a_one_off_mission_become_its_parts_of_the_day(client, owner):
    saturday = _next_saturday().isoformat()
    form = valid_form(start_date=saturday, slots=["sat_evening", "sat_morning"], day_parts=["afternoon"])
    assert client.post("/espace/missions/nouvelle", data=form).status_code == 302
    mission = db.session.scalar(select(Mission))
    assert (mission.day_parts, mission.slots) == (["morning", "afternoon", "evening"], [])


def test_a_one_off_slot_on_a_day_outside_the_dates_is_refused_not_dropped(client, owner):
    form = valid_form(start_date=_next_saturday().isoformat(), slots=["sat_morning", "tue_evening"])
    response = client.post("/espace/missions/nouvelle", data=form)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Tuesday evening is not one of them" in field_error(page, "slots")
    assert 'value="tue_evening" id="slot-tue_evening" checked' in page
    assert mission_count() == 0


def test_a_refused_form_keeps_the_ticked_parts_of_the_day(client, owner):
    page = client.post(
        "/espace/missions/nouvelle", data=valid_form(capacity="0", day_parts=["afternoon"])
    ).get_data(as_text=True)
    ticked = re.findall(r'<input checked[^>]*name="day_parts"[^>]*value="(\w+)"', page)
    assert ticked == ["afternoon"]
    assert len(re.findall(r'name="day_parts"', page)) == 3  # morning, afternoon, evening
    assert mission_count() == 0


def test_an_unknown_part_of_the_day_is_a_rule_of_the_service():
    from marketplace.associations.missions import MissionData, mission_problems

    data = MissionData(day_parts=["night"])
    assert "day_parts" in mission_problems(data, today=date.today())


def test_the_public_page_says_the_parts_of_the_day_after_the_date(client, make):
    saturday = date.today() + timedelta(days=(5 - date.today().weekday()) % 7 + 7)
    mission = make.mission(start_date=saturday, day_parts=["morning", "evening"])
    with client.session_transaction() as session:
        session["locale"] = "en"
    page = unescape(client.get(f"/missions/{mission.id}").get_data(as_text=True))
    assert re.search(
        r"Saturday, \w+ \d+, \d{4}, <span data-testid=\"day-parts\">morning and evening</span>", page
    )
    with client.session_transaction() as session:
        session["locale"] = "fr"
    page = unescape(client.get(f"/missions/{mission.id}").get_data(as_text=True))
    assert re.search(r"samedi \d+ \w+ \d{4}, <span data-testid=\"day-parts\">matin et soir</span>", page)


def test_submitting_a_new_mission_sends_it_to_review_and_tells_the_moderators(client, owner, make):
    admin = make.user("site_admin")
    response = client.post("/espace/missions/nouvelle", data=valid_form(action="submit"))
    mission = db.session.scalar(select(Mission))
    assert response.status_code == 302
    assert mission.status == "pending_review"
    assert [review.action for review in mission.reviews] == ["submitted"]
    assert mission.reviews[0].actor == owner
    assert len(outbox_to(admin.email)) == 1


def test_a_verified_association_is_published_directly_with_an_auto_published_history(client, make, auth):
    user = make.user("association")
    make.association(owner=user, verified=True)
    auth.login_as(user)
    client.post("/espace/missions/nouvelle", data=valid_form(action="submit"))
    mission = db.session.scalar(select(Mission))
    assert mission.status == "published"
    assert mission.published_at is not None
    assert [review.action for review in mission.reviews] == ["auto_published"]


def test_the_submit_button_of_a_draft_sends_it_to_review(client, owner, make):
    draft = make.mission(association_of(owner), status="draft")
    response = client.post(f"/espace/missions/{draft.id}/soumettre")
    assert response.status_code == 302
    db.session.refresh(draft)
    assert draft.status == "pending_review"


def test_a_draft_whose_date_has_passed_cannot_be_submitted_and_the_editor_says_why(client, owner, make):
    draft = make.mission(association_of(owner), status="draft", start_date=date.today() - timedelta(days=2))
    response = client.post(f"/espace/missions/{draft.id}/soumettre")
    assert response.status_code == 400
    assert "in the past" in field_error(response.get_data(as_text=True), "start_date")
    db.session.refresh(draft)
    assert draft.status == "draft" and draft.reviews == []


def test_submitting_twice_changes_nothing_the_second_time(client, owner, make):
    draft = make.mission(association_of(owner), status="draft")
    client.post(f"/espace/missions/{draft.id}/soumettre")
    response = client.post(f"/espace/missions/{draft.id}/soumettre")
    assert response.status_code == 302
    db.session.refresh(draft)
    assert len(draft.reviews) == 1


def test_editing_saves_the_changes(client, owner, make):
    mission = make.mission(association_of(owner), status="draft", external_id="SI-42")
    page = client.get(f"/espace/missions/{mission.id}/modifier").get_data(as_text=True)
    assert f'value="{mission.title}"' in page
    response = client.post(
        f"/espace/missions/{mission.id}/modifier", data=valid_form(title="Préparer les colis du samedi")
    )
    assert response.status_code == 302
    db.session.refresh(mission)
    assert mission.title == "Préparer les colis du samedi"
    assert mission.external_id == "SI-42"  # fields the form does not show are kept


def test_capacity_cannot_drop_below_the_volunteers_already_accepted(client, owner, make):
    mission = make.mission(association_of(owner), capacity=5)
    make.application(mission, status="accepted")
    make.application(mission, status="accepted")
    response = client.post(f"/espace/missions/{mission.id}/modifier", data=valid_form(capacity="1"))
    assert response.status_code == 400
    assert "already accepted" in field_error(response.get_data(as_text=True), "capacity")
    db.session.refresh(mission)
    assert mission.capacity == 5


def test_a_closed_mission_is_not_editable(client, owner, make):
    mission = make.mission(association_of(owner), status="closed")
    response = client.post(f"/espace/missions/{mission.id}/modifier", data=valid_form(title="Nouveau titre"))
    assert response.status_code == 302
    db.session.refresh(mission)
    assert mission.title != "Nouveau titre"


def test_duplicating_creates_a_draft_copy_and_opens_its_editor(client, owner, make):
    original = make.mission(association_of(owner), title="Collecte de printemps", skills=["tri"])
    response = client.post(f"/espace/missions/{original.id}/dupliquer")
    copy = db.session.scalar(select(Mission).where(Mission.id != original.id))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/espace/missions/{copy.id}/modifier")
    assert copy.status == "draft" and copy.association_id == original.association_id
    assert "Collecte de printemps" in copy.title and copy.skills == ["tri"]
    assert copy.seats_taken == 0 and copy.reviews == []


def test_duplicating_a_past_mission_clears_its_dates(client, owner, make):
    original = make.mission(
        association_of(owner), status="closed", start_date=date.today() - timedelta(days=30)
    )
    client.post(f"/espace/missions/{original.id}/dupliquer")
    copy = db.session.scalar(select(Mission).where(Mission.id != original.id))
    assert copy.start_date is None and copy.end_date is None


def test_closing_stops_applications_and_keeps_accepted_volunteers(client, owner, make):
    mission = make.mission(association_of(owner))
    accepted = make.application(mission, status="accepted")
    response = client.post(f"/espace/missions/{mission.id}/cloturer")
    assert response.status_code == 302
    db.session.refresh(mission)
    db.session.refresh(accepted)
    assert mission.status == "closed" and mission.seats_taken == 1
    assert accepted.status == "accepted"
    assert mission.reviews[-1].action == "closed"


def test_closing_a_draft_is_refused(client, owner, make):
    draft = make.mission(association_of(owner), status="draft")
    client.post(f"/espace/missions/{draft.id}/cloturer")
    db.session.refresh(draft)
    assert draft.status == "draft"


def test_cancelling_declines_active_applications_frees_seats_and_emails_each_applicant(client, owner, make):
    mission = make.mission(association_of(owner), capacity=5)
    active = [
        make.application(mission, status="pending"),
        make.application(mission, status="in_review"),
        make.application(mission, status="accepted"),
    ]
    withdrawn = make.application(mission, status="withdrawn")
    assert mission.seats_taken == 1

    response = client.post(f"/espace/missions/{mission.id}/annuler", data={"reason": "La salle est fermée."})

    assert response.status_code == 302
    db.session.expire_all()
    assert mission.status == "cancelled" and mission.seats_taken == 0
    for application in active:
        assert application.status == "declined"
        assert application.decline_reason == "no_longer_available"
        assert application.events[-1].to_status == "declined"
        assert len(outbox_to(application.candidate.email)) == 1
    assert withdrawn.status == "withdrawn" and outbox_to(withdrawn.candidate.email) == []
    assert db.session.scalar(select(func.count(OutboxMessage.id))) == 3
    assert mission.reviews[-1].action == "cancelled" and mission.reviews[-1].comment == "La salle est fermée."


def test_a_too_long_cancel_reason_is_refused_and_nothing_changes(client, owner, make):
    mission = make.mission(association_of(owner))
    make.application(mission, status="pending")
    response = client.post(f"/espace/missions/{mission.id}/annuler", data={"reason": "x" * 2001})
    assert response.status_code == 400
    assert field_error(response.get_data(as_text=True), "reason")
    db.session.refresh(mission)
    assert mission.status == "published"
    assert db.session.scalar(select(func.count(OutboxMessage.id))) == 0


# --- Preview ------------------------------------------------------------------------------------


def test_preview_formats_markdown_and_escapes_scripts(client, owner):
    markdown = (
        "**Venez nombreux**\n\n- tri\n- accueil\n\n<script>alert('x')</script>\n[lien](javascript:alert(1))"
    )
    response = client.post("/espace/missions/apercu", data={"description": markdown})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert "<strong>Venez nombreux</strong>" in html and "<li>tri</li>" in html
    assert "<script" not in html and "&lt;script&gt;" in html  # shown as text, never run
    assert 'href="javascript' not in html
    assert mission_count() == 0


def test_the_preview_button_shows_the_preview_without_saving(client, owner):
    response = client.post(
        "/espace/missions/nouvelle", data=valid_form(action="preview", description="*Bienvenue*")
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<em>Bienvenue</em>" in page
    assert mission_count() == 0


# --- Other associations, and people without one -----------------------------------------------------


def test_another_associations_mission_is_not_found_and_nothing_changes(client, owner, make):
    theirs = make.mission(make.association("Autre association"), title="Leur mission")
    application = make.application(theirs, status="pending")
    for method, path, data in [
        ("GET", f"/espace/missions/{theirs.id}", None),
        ("GET", f"/espace/missions/{theirs.id}/modifier", None),
        ("POST", f"/espace/missions/{theirs.id}/modifier", valid_form(title="Piratée")),
        ("POST", f"/espace/missions/{theirs.id}/soumettre", None),
        ("POST", f"/espace/missions/{theirs.id}/dupliquer", None),
        ("POST", f"/espace/missions/{theirs.id}/cloturer", None),
        ("POST", f"/espace/missions/{theirs.id}/annuler", {"reason": ""}),
    ]:
        assert client.open(path, method=method, data=data).status_code == 404, path
    db.session.expire_all()
    assert theirs.title == "Leur mission" and theirs.status == "published"
    assert application.status == "pending"
    assert mission_count() == 1


def test_an_association_account_without_association_gets_a_friendly_page(client, make, auth):
    auth.login_as(make.user("association"))
    for path in ("/espace", "/espace/missions", "/espace/missions/nouvelle"):
        response = client.get(path)
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        assert 'data-testid="no-association"' in page and 'id="mission-editor"' not in page
    assert client.post("/espace/missions/nouvelle", data=valid_form()).status_code == 200
    assert mission_count() == 0


def test_a_member_of_two_associations_chooses_which_one_publishes(client, make, auth):
    user = make.user("association")
    first = make.association("Première", owner=user)
    second = make.association("Seconde", owner=make.user("association"))
    db.session.add(type(user.memberships[0])(user=user, association=second, role="member"))
    db.session.commit()
    auth.login_as(user)
    assert 'name="association_id"' in client.get("/espace/missions/nouvelle").get_data(as_text=True)
    client.post("/espace/missions/nouvelle", data=valid_form(association_id=str(second.id)))
    assert db.session.scalar(select(Mission)).association == second
    assert first.missions == []


# --- Mission list, member page, dashboard ----------------------------------------------------------


def test_a_new_association_is_invited_to_write_its_first_mission(client, owner):
    for path in ("/espace", "/espace/missions"):
        response = client.get(path)
        assert response.status_code == 200
        assert 'href="/espace/missions/nouvelle"' in response.get_data(as_text=True)


def test_the_mission_list_groups_missions_by_status_with_waiting_applications(client, owner, make):
    association = association_of(owner)
    make.mission(association, status="draft", title="Brouillon du mois")
    published = make.mission(association, title="Distribution du mardi")
    make.application(published, status="pending", created_at=utcnow() - timedelta(days=3))
    make.application(published, status="in_review")
    page = client.get("/espace/missions").get_data(as_text=True)
    for group in ("draft", "pending_review", "published", "ended"):
        assert f'id="group-{group}"' in page
    published_section = page[page.index('id="group-published"') : page.index('id="group-ended"')]
    assert "Distribution du mardi" in published_section
    assert "2 applications waiting" in published_section and "3 days" in published_section


def test_the_member_page_shows_status_fields_and_history(client, owner, make):
    moderator = make.user("site_admin", first_name="Inès")
    mission = make.mission(association_of(owner), status="draft", skills=["tri"])
    db.session.add(
        MissionReview(mission=mission, actor=moderator, action="returned", comment="Précisez l'horaire.")
    )
    db.session.commit()
    page = unescape(client.get(f"/espace/missions/{mission.id}").get_data(as_text=True))
    assert mission.title in page and "tri" in page
    assert "Précisez l'horaire." in page and "Inès" in page
    assert moderator.email not in page


def test_the_dashboard_lists_applications_waiting_with_their_wait_and_no_contact_details(client, owner, make):
    mission = make.mission(association_of(owner), title="Maraude du jeudi")
    candidate = make.user("candidate", first_name="Yanis", email="yanis@example.fr")
    make.application(mission, candidate, status="pending", created_at=utcnow() - timedelta(days=4))
    page = client.get("/espace").get_data(as_text=True)
    waiting = page[page.index('data-testid="waiting-applications"') :]
    assert "Yanis" in waiting and "Maraude du jeudi" in waiting and "4 days" in waiting
    assert "yanis@example.fr" not in page
    assert f"/espace/missions/{mission.id}/modifier" in page


# --- Public association page: how quickly it answers -------------------------------------------------


def _answered(make, mission, *, after: timedelta, days_ago: int = 10) -> Application:
    created = utcnow() - timedelta(days=days_ago)
    application = make.application(mission, status="declined", created_at=created)
    db.session.add(ApplicationEvent(application=application, to_status="pending", created_at=created))
    db.session.add(
        ApplicationEvent(application=application, to_status="in_review", created_at=created + after / 2)
    )
    db.session.add(
        ApplicationEvent(application=application, to_status="declined", created_at=created + after)
    )
    # A later event does not count: only the first decision does.
    db.session.add(
        ApplicationEvent(application=application, to_status="declined", created_at=created + after * 3)
    )
    db.session.commit()
    return application


def test_median_delay_needs_three_answers():
    hours = [timedelta(hours=h) for h in (1, 5, 30)]
    assert median_delay(hours[:2]) is None
    assert median_delay(hours) == timedelta(hours=5)
    assert median_delay([*hours, timedelta(hours=7)]) == timedelta(hours=6)


def test_response_time_is_the_median_first_decision_over_the_last_twelve_months(app, make):
    association = make.association()
    mission = make.mission(association)
    for after in (timedelta(hours=2), timedelta(days=2), timedelta(days=5)):
        _answered(make, mission, after=after)
    _answered(make, mission, after=timedelta(hours=1), days_ago=400)  # too old
    make.application(mission, status="pending")  # no answer yet
    result = response_time_of(association)
    assert result.answers == 3 and result.median == timedelta(days=2)


def test_public_page_shows_the_response_time_and_no_personal_data(client, make):
    owner = make.user("association", email="presidente@example.fr")
    association = make.association("Les Jardins Partagés", owner=owner, description="Nous **cultivons**.")
    mission = make.mission(association, title="Arroser les semis")
    for _ in range(3):
        _answered(make, mission, after=timedelta(days=1))
    with client.session_transaction() as session:
        session["locale"] = "en"
    page = client.get(f"/associations/{association.slug}").get_data(as_text=True)
    answer = page[page.index('data-testid="response-time"') :]
    assert "1 day" in answer and "3 answers" in answer
    assert "<strong>cultivons</strong>" in page and "Arroser les semis" in page
    assert "presidente@example.fr" not in page
    assert not any(a.candidate.email in page for a in mission.applications)


def test_public_page_says_when_there_are_not_enough_answers(client, make):
    association = make.association()
    _answered(make, make.mission(association), after=timedelta(hours=3))
    with client.session_transaction() as session:
        session["locale"] = "en"
    page = client.get(f"/associations/{association.slug}").get_data(as_text=True)
    assert "Not enough answers yet" in page[page.index('data-testid="response-time"') :]


# --- CSRF: every form of the editor needs its token -------------------------------------------------


def test_editor_forms_and_the_live_preview_refuse_a_missing_csrf_token(make):
    from tests.conftest import build_app

    owner = make.user("association")
    mission = make.mission(make.association(owner=owner), status="draft")
    session_id = owner.get_id()
    csrf_app = build_app(WTF_CSRF_ENABLED=True)
    with csrf_app.app_context():
        client = csrf_app.test_client()
        with client.session_transaction() as session:
            session["_user_id"], session["_fresh"] = session_id, True
        for path in (
            "/espace/missions/nouvelle",
            "/espace/missions/apercu",
            f"/espace/missions/{mission.id}/annuler",
        ):
            assert client.post(path, data=valid_form(description="*x*")).status_code == 400, path
        page = client.get("/espace/missions/nouvelle").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        response = client.post("/espace/missions/apercu", data={"description": "*x*", "csrf_token": token})
        assert response.status_code == 200 and "<em>x</em>" in response.get_data(as_text=True)
        assert client.post("/espace/missions/nouvelle", data=valid_form(csrf_token=token)).status_code == 302
    db.session.expire_all()
    assert mission_count() == 2 and mission.status == "draft"
