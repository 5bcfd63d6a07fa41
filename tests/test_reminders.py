"""``flask reminders run``: reminders before missions, once each, with the event attached; e-mail
preferences and the one-click unsubscribe link (issue 15, items 1, 2, 10, 11)."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import func, select

from marketplace.extensions import db
from marketplace.notifications import preferences
from marketplace.notifications.models import EmailOptOut, OutboxMessage
from marketplace.notifications.services import deliver_pending
from marketplace.reminders.services import run
from tests.conftest import build_app, is_postgres

TODAY = date(2027, 3, 1)  # a Monday


@pytest.fixture(autouse=True)
def request_context(app):
    """E-mails are rendered in the volunteer's language and carry absolute links."""
    with app.test_request_context():
        yield


def queued() -> list[OutboxMessage]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def accepted(make, *, volunteer=None, decided_on: date = TODAY - timedelta(days=20), **mission_fields):
    association = make.association(
        name="Secours populaire du 7e", contact_email="benevoles@sp69.example.fr", contact_public=False
    )
    mission = make.mission(
        association, title="Distribution alimentaire", address="12 rue de Gerland", **mission_fields
    )
    return make.application(
        mission,
        volunteer or make.user("candidate", first_name="Nadia", email="nadia@example.fr"),
        status="accepted",
        decided_at=datetime.combine(decided_on, datetime.min.time()),
    )


def test_a_one_off_mission_is_reminded_two_days_before_with_everything_needed(make):
    application = accepted(make, start_date=TODAY + timedelta(days=2), day_parts=["morning"])

    report = run(TODAY)

    assert (report.queued, report.already_queued) == (1, 0)
    (message,) = queued()
    assert message.recipient == "nadia@example.fr" and message.category == "reminders"
    assert message.subject == "Dans deux jours : Distribution alimentaire"
    body = message.body_text
    assert "Bonjour Nadia" in body and "mercredi 3 mars 2027" in body and "(matin)" in body
    assert "12 rue de Gerland, 69007 Lyon" in body
    assert "benevoles@sp69.example.fr" in body  # the engaged volunteer may see the private contact
    assert f"/candidatures/{application.id}/retirer" in body  # free the seat if they cannot come
    assert message.unsubscribe_url and message.unsubscribe_url in body
    assert "<p" in message.body_html and "Distribution alimentaire" in message.body_html
    events = Calendar.from_ical(message.calendar_ics).walk("VEVENT")
    assert [event.decoded("dtstart") for event in events] == [TODAY + timedelta(days=2)]


def test_a_run_sends_nothing_twice_and_the_next_day_says_tomorrow(make):
    accepted(make, start_date=TODAY + timedelta(days=2))
    assert run(TODAY).queued == 1
    again = run(TODAY)
    assert (again.queued, again.already_queued) == (0, 1)
    assert run(TODAY + timedelta(days=1)).queued == 1
    assert [message.subject for message in queued()] == [
        "Dans deux jours : Distribution alimentaire",
        "Demain : Distribution alimentaire",
    ]
    assert run(TODAY + timedelta(days=2)).queued == 0  # the day itself: nothing


def test_only_accepted_participations_of_live_missions_are_reminded(make):
    soon = TODAY + timedelta(days=1)
    pending = make.application(make.mission(start_date=soon), status="pending")
    withdrawn = make.application(make.mission(start_date=soon), status="withdrawn")
    cancelled = accepted(make, start_date=soon)
    cancelled.mission.status = "cancelled"
    db.session.commit()
    assert pending and withdrawn
    assert run(TODAY).due == [] and queued() == []


def test_a_recurring_mission_is_reminded_the_day_before_its_first_session(make):
    application = accepted(
        make,
        schedule="recurring",
        start_date=None,
        slots=["wed_evening"],
        decided_on=TODAY - timedelta(days=1),
    )
    assert run(TODAY).queued == 0  # the first Wednesday is in two days
    assert run(TODAY + timedelta(days=1)).queued == 1
    (message,) = queued()
    assert "première séance" in message.subject.lower() or "premiere" in message.subject.lower()
    assert "mercredi 3 mars 2027" in message.body_text and "Mercredi soir" in message.body_text
    assert application.id and "mission.ics" not in message.body_text
    rule = Calendar.from_ical(message.calendar_ics).walk("VEVENT")[0]["rrule"]
    assert rule["byday"] == ["WE"]


def test_a_dry_run_lists_and_writes_nothing(make, runner):
    accepted(make, start_date=TODAY + timedelta(days=1))
    result = runner.invoke(args=["reminders", "run", "--dry-run", "--today", TODAY.isoformat()])
    assert result.exit_code == 0, result.output
    assert "would send tomorrow" in result.output and "1 reminder(s) due" in result.output
    assert queued() == []
    result = runner.invoke(args=["reminders", "run", "--today", TODAY.isoformat()])
    assert "1 reminder(s) queued" in result.output
    assert [message.category for message in queued()].count("reminders") == 1


def test_a_volunteer_who_turned_reminders_off_gets_none(make):
    volunteer = make.user("candidate")
    db.session.add(EmailOptOut(user_id=volunteer.id, category="reminders"))
    db.session.commit()
    accepted(make, volunteer=volunteer, start_date=TODAY + timedelta(days=1))
    report = run(TODAY)
    assert (report.queued, report.turned_off) == (0, 1) and queued() == []


def test_the_sent_email_carries_one_click_unsubscribe_headers_text_html_and_the_event(make, sent_emails):
    accepted(make, start_date=TODAY + timedelta(days=1))
    run(TODAY)
    deliver_pending()
    (email,) = sent_emails
    assert email["List-Unsubscribe"].startswith("<http") and "/desabonnement/" in email["List-Unsubscribe"]
    assert email["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Demain" in email.get_body(("plain",)).get_content()
    assert "<html" in email.get_body(("html",)).get_content()
    (attachment,) = list(email.iter_attachments())
    assert attachment.get_content_type() == "text/calendar" and attachment.get_filename() == "mission.ics"


@pytest.mark.skipif(not is_postgres(), reason="real parallel writers: CI runs it in its PostgreSQL pass")
def test_two_runs_at_once_send_each_reminder_once(make):
    for _ in range(20):
        accepted(make, volunteer=make.user("candidate"), start_date=TODAY + timedelta(days=1))
    wide = build_app(SQLALCHEMY_ENGINE_OPTIONS={"pool_size": 4, "max_overflow": 0})
    barrier = threading.Barrier(2, timeout=30)
    reports, errors = [], []

    def one_run() -> None:
        with wide.app_context(), wide.test_request_context("/"):
            try:
                barrier.wait()
                reports.append(run(TODAY))
            except Exception as error:  # noqa: BLE001 - shown by the assertion below
                errors.append(error)

    threads = [threading.Thread(target=one_run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    with wide.app_context():
        db.engine.dispose()
    assert errors == []
    assert sum(report.queued for report in reports) == 20
    assert sum(report.already_queued for report in reports) == 20
    assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == 20


# --- preferences and unsubscribe -------------------------------------------------------------------


def test_the_preferences_page_turns_categories_off_and_on(client, auth, make):
    volunteer = make.user("candidate")
    auth.login_as(volunteer)
    page = client.get("/compte/notifications").get_data(as_text=True)
    assert page.count('type="checkbox"') == len(preferences.CATEGORIES) and page.count("checked") == len(
        preferences.CATEGORIES
    )
    response = client.post("/compte/notifications", data={"reminders": "y", "digests": "y"})
    assert response.status_code == 302
    assert preferences.opted_out(volunteer) == {"alerts"}
    client.post("/compte/notifications", data={category: "y" for category in preferences.CATEGORIES})
    assert preferences.opted_out(volunteer) == set()


def test_the_unsubscribe_link_needs_no_password_and_turns_off_only_its_category(client, make):
    volunteer = make.user("candidate")
    link = preferences.unsubscribe_url(volunteer, "reminders")
    path = link[link.index("/desabonnement/") :]
    assert "Arrêter ces e-mails" in client.get(path).get_data(as_text=True)
    assert preferences.opted_out(volunteer) == set()  # a link scanner's GET changes nothing
    response = client.post(path)  # RFC 8058 one-click: no form token, no session
    assert response.status_code == 200 and preferences.opted_out(volunteer) == {"reminders"}
    client.post(path)  # twice is fine
    assert preferences.opted_out(volunteer) == {"reminders"}


@pytest.mark.parametrize("tamper", ["flip", "other-user", "garbage"])
def test_a_forged_unsubscribe_link_is_refused(client, make, tamper):
    volunteer, other = make.user("candidate"), make.user("candidate")
    token = preferences.unsubscribe_token(volunteer, "alerts")
    forged = {
        "flip": token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        "other-user": token.replace(".", ".x", 1),
        "garbage": "not-a-token",
    }[tamper]
    assert client.post(f"/desabonnement/{forged}").status_code == 404
    assert preferences.opted_out(volunteer) == set() and preferences.opted_out(other) == set()
