"""Applications from both sides: apply, review, accept, decline, withdraw, complete, talk.

Capacity rule: seats_taken counts accepted applications; completing, withdrawing or declining
an accepted application gives its seat back.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from flask_babel import force_locale
from sqlalchemy import func, select
from sqlalchemy.orm.attributes import set_committed_value

from marketplace.associations.models import Membership
from marketplace.candidates import applications as service
from marketplace.candidates.models import Application, ApplicationEvent, Message
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.notifications.models import OutboxMessage
from tests.conftest import text_of

MOTIVATION = "J'aime cuisiner et je suis disponible le samedi matin."


# --- Helpers -----------------------------------------------------------------------------------


def _count(model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model)) or 0


def _emails_to(user) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.recipient == user.email)))


def _fresh(obj):
    db.session.expire_all()
    return db.session.get(type(obj), obj.id)


@pytest.fixture
def world(make):
    """Association A (owner + member) with a published mission of 2 seats, and a candidate."""
    owner = make.user("association", first_name="Nadia")
    association = make.association("Les Restos du Cœur", owner=owner)
    member = make.user("association", first_name="Paul")
    db.session.add(Membership(user=member, association=association, role="member"))
    db.session.commit()
    mission = make.mission(association, capacity=2, title="Collecte de printemps")
    candidate = make.user("candidate", first_name="Camille", email="camille@example.fr")
    candidate.profile.slots = ["sat_morning", "mon_evening", "sat_afternoon"]
    db.session.commit()
    return {
        "owner": owner,
        "member": member,
        "association": association,
        "mission": mission,
        "candidate": candidate,
    }


@pytest.fixture
def in_request(app):
    """Services build links and pick a language: they run inside a request, as in the views."""
    with app.test_request_context():
        yield


def _apply(client, mission, motivation: str = MOTIVATION):
    return client.post(f"/missions/{mission.id}/postuler", data={"motivation": motivation})


# --- Applying ----------------------------------------------------------------------------------


def test_applying_creates_a_pending_application_with_its_event_and_tells_the_association_team(
    client, auth, world
):
    auth.login_as(world["candidate"])
    response = _apply(client, world["mission"])

    application = db.session.scalar(select(Application))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/candidatures/{application.id}")
    assert (application.status, application.motivation) == ("pending", MOTIVATION)
    assert [event.to_status for event in application.events] == ["pending"]
    for team_member in (world["owner"], world["member"]):
        emails = _emails_to(team_member)
        assert len(emails) == 1 and f"/candidatures/{application.id}" in emails[0].body_text
    # The association learns the first name, never the email, from the notification.
    assert world["candidate"].email not in _emails_to(world["owner"])[0].body_text
    assert _emails_to(world["candidate"]) == []


def test_the_mission_page_invites_anonymous_visitors_to_sign_in_to_apply(client, world):
    page = text_of(client.get(f"/missions/{world['mission'].id}"))
    assert 'data-state="anonymous"' in page
    assert "/connexion?next=" in page and "/postuler" not in page


def test_a_signed_in_candidate_sees_the_motivation_field_required_when_the_mission_asks(
    client, auth, make, world
):
    mission = make.mission(world["association"], motivation_required=True)
    auth.login_as(world["candidate"])
    page = text_of(client.get(f"/missions/{mission.id}"))
    assert 'data-state="open"' in page
    assert f'action="/missions/{mission.id}/postuler"' in page
    textarea = re.search(r"<textarea[^>]*>", page).group(0)
    assert 'name="motivation"' in textarea and " required" in textarea


def _set_up_refusal(case: str, make, world, client):
    """Build the situation of one refusal; return the mission the candidate will apply to."""
    mission = world["mission"]
    candidate = world["candidate"]
    if case == "draft":
        return make.mission(world["association"], status="draft")
    if case == "closed":
        return make.mission(world["association"], status="closed")
    if case == "full":
        full = make.mission(world["association"], capacity=1)
        make.application(full, make.user("candidate"), status="accepted")
        return full
    if case == "age_range":
        candidate.profile.age_range = "16-17"
        db.session.commit()
        return make.mission(world["association"], min_age=18)
    if case == "twice":
        make.application(mission, candidate, status="pending")
        return mission
    if case == "withdrew_today":
        make.application(mission, candidate, status="withdrawn", withdrawn_at=utcnow())
        return mission
    if case == "past":
        return make.mission(world["association"], start_date=date.today() - timedelta(days=1))
    raise AssertionError(case)


@pytest.mark.parametrize(
    ("case", "status"),
    [
        ("draft", 404),
        ("closed", 302),
        ("full", 302),
        ("age_range", 302),
        ("twice", 302),
        ("withdrew_today", 302),
        ("past", 302),
    ],
)
def test_a_refused_application_leaves_nothing_behind_and_says_why(client, auth, make, world, case, status):
    mission = _set_up_refusal(case, make, world, client)
    applications_before, outbox_before = _count(Application), _count(OutboxMessage)
    auth.login_as(world["candidate"])

    response = _apply(client, mission)

    assert response.status_code == status
    assert (_count(Application), _count(OutboxMessage)) == (applications_before, outbox_before)
    if status == 302:
        assert response.headers["Location"].endswith(f"/missions/{mission.id}#apply")
        page = client.get(response.headers["Location"])
        assert 'class="alert alert--error"' in text_of(page)  # the reason, flashed


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("closed", "not open to applications"),
        ("full", "full"),
        ("age_range", "age range"),
        ("twice", "already applied"),
        ("withdrew_today", "withdrew"),
        ("past", "already taken place"),
    ],
)
def test_the_service_names_each_refusal(in_request, make, world, case, expected):
    mission = _set_up_refusal(case, make, world, None)
    with force_locale("en"), pytest.raises(service.NotEligible) as refused:
        service.apply(mission, world["candidate"], motivation=MOTIVATION)
    assert expected in str(refused.value)  # the English source text, fixed when raised


def test_a_missing_motivation_is_refused_on_its_field_and_what_was_typed_stays(client, auth, make, world):
    mission = make.mission(world["association"], motivation_required=True)
    auth.login_as(world["candidate"])

    response = _apply(client, mission, motivation="Trop court")

    assert response.status_code == 400
    page = text_of(response)
    assert 'id="error-summary"' in page and 'aria-invalid="true"' in page
    assert "Trop court</textarea>" in page
    assert (_count(Application), _count(OutboxMessage)) == (0, 0)


def test_a_volunteer_may_apply_again_the_day_after_withdrawing(in_request, make, world):
    make.application(
        world["mission"], world["candidate"], status="withdrawn", withdrawn_at=utcnow() - timedelta(days=1)
    )
    application = service.apply(world["mission"], world["candidate"], motivation="")
    assert application.status == "pending"


def test_a_second_active_application_written_in_a_race_meets_the_unique_index(in_request, world, monkeypatch):
    make_pending = Application(mission=world["mission"], candidate=world["candidate"], status="pending")
    db.session.add(make_pending)
    db.session.commit()
    # As if the eligibility check ran before the other request committed its row.
    monkeypatch.setattr(service, "eligibility_problem", lambda *args, **kwargs: None)

    with pytest.raises(service.AlreadyApplied):
        service.apply(world["mission"], world["candidate"], motivation="")
    db.session.rollback()

    assert _count(Application) == 1


# --- Accepting ---------------------------------------------------------------------------------


def test_accepting_takes_a_seat_records_the_event_and_tells_the_candidate(client, auth, make, world):
    application = make.application(world["mission"], world["candidate"])
    auth.login_as(world["member"])

    response = client.post(f"/candidatures/{application.id}/accepter")

    assert response.status_code == 302
    application, mission = _fresh(application), _fresh(world["mission"])
    assert application.status == "accepted" and application.decided_at is not None
    assert mission.seats_taken == 1 and mission.seats_left == 1
    assert [event.to_status for event in application.events] == ["accepted"]
    assert application.events[0].actor_id == world["member"].id
    emails = _emails_to(world["candidate"])
    assert len(emails) == 1 and f"/candidatures/{application.id}" in emails[0].body_text


def test_accepting_beyond_capacity_raises_mission_full_and_the_application_stays_pending(
    in_request, make, world
):
    mission = make.mission(world["association"], capacity=1)
    make.application(mission, make.user("candidate"), status="accepted")
    waiting = make.application(mission, world["candidate"], status="in_review")

    with pytest.raises(service.MissionFull):
        service.accept(waiting, by=world["owner"])
    db.session.rollback()

    assert _fresh(waiting).status == "in_review"
    assert _fresh(mission).seats_taken == 1
    assert db.session.scalar(select(func.count()).select_from(ApplicationEvent)) == 0
    assert _count(OutboxMessage) == 0


def test_accepting_a_full_mission_from_the_page_explains_and_changes_nothing(client, auth, make, world):
    mission = make.mission(world["association"], capacity=1)
    make.application(mission, make.user("candidate"), status="accepted")
    waiting = make.application(mission, world["candidate"])
    auth.login_as(world["owner"])

    response = client.post(f"/candidatures/{waiting.id}/accepter", follow_redirects=True)

    assert response.status_code == 200
    assert 'class="alert alert--error"' in text_of(response)
    assert _fresh(waiting).status == "pending" and _fresh(mission).seats_taken == 1


def test_a_double_click_on_accept_takes_one_seat_only(client, auth, make, world):
    application = make.application(world["mission"], world["candidate"])
    auth.login_as(world["owner"])

    first = client.post(f"/candidatures/{application.id}/accepter")
    second = client.post(f"/candidatures/{application.id}/accepter", follow_redirects=True)

    assert first.status_code == 302 and second.status_code == 200
    assert 'class="alert alert--error"' in text_of(second)
    assert _fresh(world["mission"]).seats_taken == 1
    assert [event.to_status for event in _fresh(application).events] == ["accepted"]
    assert len(_emails_to(world["candidate"])) == 1


def test_a_stale_copy_of_an_application_cannot_be_accepted_twice(in_request, make, world):
    application = make.application(world["mission"], world["candidate"])
    service.accept(application, by=world["owner"])
    db.session.commit()
    # Another request read the application before the first accept committed.
    set_committed_value(application, "status", "pending")

    with pytest.raises(service.StaleApplication):
        service.accept(application, by=world["member"])
    db.session.rollback()

    assert _fresh(world["mission"]).seats_taken == 1
    assert _count(ApplicationEvent) == 1


def test_accepting_from_the_inbox_returns_to_it_and_never_to_another_site(client, auth, make, world):
    first = make.application(world["mission"], world["candidate"])
    second = make.application(world["mission"], make.user("candidate"))
    auth.login_as(world["owner"])

    back = client.post(
        f"/candidatures/{first.id}/accepter", data={"next": "/espace/candidatures/recues?sort=oldest"}
    )
    away = client.post(f"/candidatures/{second.id}/accepter", data={"next": "https://evil.example/phish"})

    assert back.headers["Location"].endswith("/espace/candidatures/recues?sort=oldest")
    assert away.headers["Location"].endswith(f"/candidatures/{second.id}")
    assert _fresh(world["mission"]).seats_taken == 2


def test_putting_in_review_tells_the_candidate(client, auth, make, world):
    application = make.application(world["mission"], world["candidate"])
    auth.login_as(world["owner"])
    client.post(f"/candidatures/{application.id}/examiner")
    assert _fresh(application).status == "in_review"
    assert len(_emails_to(world["candidate"])) == 1


def test_the_search_index_learns_the_seats_left_after_accept_and_withdraw(app, client, auth, make, world):
    from marketplace.search.documents import SearchQuery
    from marketplace.search.services import reindex_all, search

    app.config["SEARCH_SYNC"] = True
    try:
        mission = make.mission(world["association"], capacity=1, title="Maraude du jeudi soir")
        application = make.application(mission, world["candidate"])
        reindex_all()

        def with_seats() -> list[int]:
            return [hit.id for hit in search(SearchQuery(q="maraude", with_seats=True)).hits]

        assert with_seats() == [mission.id]
        auth.login_as(world["owner"])
        client.post(f"/candidatures/{application.id}/accepter")
        assert with_seats() == []  # full: the seat counter changed by a bulk UPDATE reached the index
        auth.login_as(world["candidate"])
        client.post(f"/candidatures/{application.id}/retirer", data={"confirmed": "yes"})
        assert with_seats() == [mission.id]
    finally:
        app.config["SEARCH_SYNC"] = False


# --- Declining ---------------------------------------------------------------------------------


def test_declining_records_the_reason_adds_the_message_and_tells_the_candidate(client, auth, make, world):
    application = make.application(world["mission"], world["candidate"])
    auth.login_as(world["owner"])

    response = client.post(
        f"/candidatures/{application.id}/refuser",
        data={"reason": "requirements_not_met", "message": "Il faut le permis B, désolée !"},
    )

    assert response.status_code == 302
    application = _fresh(application)
    assert (application.status, application.decline_reason) == ("declined", "requirements_not_met")
    assert [message.body for message in application.messages] == ["Il faut le permis B, désolée !"]
    emails = _emails_to(world["candidate"])
    assert len(emails) == 1 and "Il faut le permis B" in emails[0].body_text


def test_declining_an_accepted_volunteer_frees_the_seat(in_request, make, world):
    application = make.application(world["mission"], world["candidate"], status="accepted")
    service.decline(application, by=world["owner"], reason="no_longer_available")
    db.session.commit()
    assert _fresh(world["mission"]).seats_taken == 0


def test_declining_without_a_reason_is_refused_on_its_field(client, auth, make, world):
    application = make.application(world["mission"], world["candidate"])
    auth.login_as(world["owner"])

    response = client.post(
        f"/candidatures/{application.id}/refuser", data={"reason": "", "message": "Un mot"}
    )

    assert response.status_code == 400
    page = text_of(response)
    assert 'id="error-summary"' in page and "Un mot</textarea>" in page
    assert _fresh(application).status == "pending" and _count(Message) == 0


# --- Withdrawing -------------------------------------------------------------------------------


def test_withdrawing_an_accepted_application_frees_the_seat_and_a_full_mission_reopens(
    client, auth, make, world
):
    mission = make.mission(world["association"], capacity=1)
    application = make.application(mission, world["candidate"], status="accepted")
    other = make.user("candidate")
    auth.login_as(other)
    assert 'data-state="refused"' in text_of(client.get(f"/missions/{mission.id}"))  # mission full

    auth.login_as(world["candidate"])
    response = client.post(f"/candidatures/{application.id}/retirer", data={"confirmed": "yes"})

    assert response.status_code == 302
    assert _fresh(application).status == "withdrawn" and _fresh(mission).seats_left == 1
    assert len(_emails_to(world["owner"])) == 1
    auth.login_as(other)
    assert 'data-state="open"' in text_of(client.get(f"/missions/{mission.id}"))
    assert _apply(client, mission).status_code == 302
    assert _count(Application) == 2


def test_withdrawing_twice_is_refused_the_second_time(in_request, make, world):
    application = make.application(world["mission"], world["candidate"])
    service.withdraw(application, by=world["candidate"])
    db.session.commit()
    with pytest.raises(service.StaleApplication):
        service.withdraw(application, by=world["candidate"])


def test_after_withdrawing_the_mission_page_says_to_come_back_tomorrow(client, auth, make, world):
    application = make.application(world["mission"], world["candidate"])
    auth.login_as(world["candidate"])
    client.post(f"/candidatures/{application.id}/retirer", data={"confirmed": "yes"})
    page = text_of(client.get(f"/missions/{world['mission'].id}"))
    assert 'data-state="refused"' in page
    assert _count(Application) == 1


# --- Completing --------------------------------------------------------------------------------


def test_completing_records_the_hours_returns_the_seat_and_thanks_the_volunteer(client, auth, make, world):
    world["mission"].start_date = date.today() - timedelta(days=1)  # it has taken place
    application = make.application(world["mission"], world["candidate"], status="accepted")
    auth.login_as(world["owner"])

    response = client.post(f"/candidatures/{application.id}/terminer", data={"hours_done": "3.5"})

    assert response.status_code == 302
    application = _fresh(application)
    assert (application.status, application.hours_done) == ("completed", 3.5)
    assert _fresh(world["mission"]).seats_taken == 0
    assert [event.to_status for event in application.events] == ["completed"]
    assert len(_emails_to(world["candidate"])) == 1


@pytest.mark.parametrize("status", ["pending", "in_review", "declined", "withdrawn"])
def test_only_an_accepted_application_can_be_completed(client, auth, make, world, status):
    application = make.application(world["mission"], world["candidate"], status=status)
    auth.login_as(world["owner"])

    response = client.post(f"/candidatures/{application.id}/terminer", data={"hours_done": "2"})

    assert response.status_code == 302
    assert 'class="alert alert--error"' in text_of(client.get(response.headers["Location"]))
    application = _fresh(application)
    assert application.status == status and application.hours_done is None
    assert (_count(ApplicationEvent), _count(OutboxMessage)) == (0, 0)


@pytest.mark.parametrize("hours", ["", "-1", "abc", "5000"])
def test_completing_needs_sensible_hours(client, auth, make, world, hours):
    application = make.application(world["mission"], world["candidate"], status="accepted")
    auth.login_as(world["owner"])
    response = client.post(f"/candidatures/{application.id}/terminer", data={"hours_done": hours})
    assert response.status_code == 400
    assert _fresh(application).status == "accepted" and _fresh(world["mission"]).seats_taken == 1


# --- Messages and contact details --------------------------------------------------------------


def test_messages_go_both_ways_and_notify_the_other_side(client, auth, make, world):
    application = make.application(world["mission"], world["candidate"])

    auth.login_as(world["candidate"])
    response = client.post(f"/candidatures/{application.id}/messages", data={"body": "Faut-il venir tôt ?"})
    assert response.status_code == 302
    assert len(_emails_to(world["owner"])) == 1 and len(_emails_to(world["member"])) == 1

    auth.login_as(world["member"])
    client.post(f"/candidatures/{application.id}/messages", data={"body": "Oui, 8 h 30 devant la salle."})
    assert len(_emails_to(world["candidate"])) == 1
    assert len(_emails_to(world["member"])) == 1  # nobody is told of their own message

    page = text_of(client.get(f"/candidatures/{application.id}"))
    assert "Faut-il venir tôt ?" in page and "Oui, 8 h 30 devant la salle." in page
    assert [message.author_id for message in _fresh(application).messages] == [
        world["candidate"].id,
        world["member"].id,
    ]


def test_an_empty_message_is_refused_and_nothing_is_sent(client, auth, make, world):
    application = make.application(world["mission"], world["candidate"])
    auth.login_as(world["candidate"])
    response = client.post(f"/candidatures/{application.id}/messages", data={"body": "   "})
    assert response.status_code == 400
    assert (_count(Message), _count(OutboxMessage)) == (0, 0)


def test_contact_details_are_hidden_before_acceptance_and_shown_after(client, auth, make, world):
    application = make.application(world["mission"], world["candidate"], motivation=MOTIVATION)
    auth.login_as(world["owner"])
    email = world["candidate"].email

    for path in (
        f"/candidatures/{application.id}",
        "/espace/candidatures/recues",
        f"/espace/missions/{world['mission'].id}/candidatures",
    ):
        page = text_of(client.get(path))
        assert "Camille" in page and email not in page, path
    assert service.contact_visible(application) is False

    client.post(f"/candidatures/{application.id}/accepter")

    page = text_of(client.get(f"/candidatures/{application.id}"))
    assert f'href="mailto:{email}"' in page
    assert service.contact_visible(_fresh(application)) is True


# --- Pages -------------------------------------------------------------------------------------


def test_the_candidate_sees_each_application_with_its_status_mission_and_association(
    client, auth, make, world
):
    other_mission = make.mission(make.association("Secours populaire"), title="Tri de vêtements")
    make.application(world["mission"], world["candidate"], status="accepted")
    make.application(other_mission, world["candidate"], status="declined")
    make.application(other_mission, make.user("candidate"))  # someone else's
    auth.login_as(world["candidate"])

    page = text_of(client.get("/espace/candidatures"))

    assert page.count('data-testid="application-row"') == 2
    assert "Collecte de printemps" in page and "Tri de vêtements" in page
    assert "Les Restos du Cœur" in page and "Secours populaire" in page
    assert 'data-status="accepted"' in page and 'data-status="declined"' in page


def test_the_inbox_shows_age_range_availability_motivation_and_waiting_time(client, auth, make, world):
    make.application(world["mission"], world["candidate"], motivation=MOTIVATION)
    auth.login_as(world["owner"])

    page = text_of(client.get("/espace/candidatures/recues"))

    assert page.count('data-testid="inbox-row"') == 1
    assert "Camille" in page and "26-35" in page and "Collecte de printemps" in page
    assert 'data-testid="candidate-availability"' in page
    availability = page.split('data-testid="candidate-availability"')[1].split("</dd>")[0]
    assert availability.count("<li>") == 2  # Monday, Saturday
    assert MOTIVATION[:30] in page and 'data-testid="waiting"' in page


def test_the_inbox_filters_by_status_and_sorts_by_date(client, auth, make, world):
    first = make.application(world["mission"], make.user("candidate", first_name="Aline"))
    second = make.application(world["mission"], make.user("candidate", first_name="Bruno"), status="accepted")
    first.created_at = utcnow() - timedelta(days=3)
    db.session.commit()
    auth.login_as(world["owner"])

    accepted = text_of(client.get("/espace/candidatures/recues?status=accepted"))
    oldest = text_of(client.get("/espace/candidatures/recues?sort=oldest"))
    recent = text_of(client.get("/espace/candidatures/recues?sort=recent"))

    assert f'data-application="{second.id}"' in accepted and f'data-application="{first.id}"' not in accepted
    assert oldest.index("Aline") < oldest.index("Bruno")
    assert recent.index("Bruno") < recent.index("Aline")
    assert client.get("/espace/candidatures/recues?status=nonsense").status_code == 400
    assert client.get("/espace/candidatures/recues?sort=nonsense").status_code == 400


def test_the_inbox_never_lists_another_associations_applications(client, auth, make, world):
    elsewhere = make.mission(make.association("Autre asso"))
    make.application(elsewhere, make.user("candidate", first_name="Zoé"))
    make.application(world["mission"], world["candidate"])
    auth.login_as(world["owner"])

    page = text_of(client.get("/espace/candidatures/recues"))

    assert page.count('data-testid="inbox-row"') == 1 and "Zoé" not in page


def test_the_mission_inbox_shows_its_seats_left(client, auth, make, world):
    make.application(world["mission"], world["candidate"], status="accepted")
    auth.login_as(world["owner"])
    page = text_of(client.get(f"/espace/missions/{world['mission'].id}/candidatures"))
    assert 'data-testid="mission-seats" data-seats-left="1"' in page


def test_the_application_page_shows_history_and_the_actions_of_each_side(client, auth, make, world):
    auth.login_as(world["candidate"])
    _apply(client, world["mission"])
    application = db.session.scalar(select(Application))
    candidate_page = text_of(client.get(f"/candidatures/{application.id}"))
    assert 'data-testid="withdraw"' in candidate_page and 'data-testid="accept"' not in candidate_page
    assert candidate_page.count("<li>\n              <time") == 1  # the history: sent

    auth.login_as(world["owner"])
    association_page = text_of(client.get(f"/candidatures/{application.id}"))
    for action in ("accept", "review", "decline"):
        assert f'data-testid="{action}"' in association_page
    assert (
        'data-testid="withdraw"' not in association_page and 'data-testid="complete"' not in association_page
    )


# --- Another association -----------------------------------------------------------------------


def test_a_member_of_another_association_gets_404_everywhere_and_nothing_changes(client, auth, make, world):
    application = make.application(world["mission"], world["candidate"], status="accepted")
    stranger = make.user("association")
    make.association("Association B", owner=stranger)
    auth.login_as(stranger)
    base = f"/candidatures/{application.id}"

    responses = [
        client.get(base),
        client.get(f"/espace/missions/{world['mission'].id}/candidatures"),
        client.post(f"{base}/examiner"),
        client.post(f"{base}/accepter"),
        client.post(f"{base}/refuser", data={"reason": "other"}),
        client.post(f"{base}/terminer", data={"hours_done": "2"}),
        client.post(f"{base}/messages", data={"body": "Bonjour"}),
    ]

    assert [response.status_code for response in responses] == [404] * len(responses)
    assert _fresh(application).status == "accepted" and _fresh(world["mission"]).seats_taken == 1
    assert (_count(Message), _count(ApplicationEvent), _count(OutboxMessage)) == (0, 0, 0)
    assert world["candidate"].email not in text_of(client.get("/espace/candidatures/recues"))


def test_services_refuse_outsiders_too(in_request, make, world):
    application = make.application(world["mission"], world["candidate"])
    stranger = make.user("association")
    make.association("Association B", owner=stranger)
    for action in (
        lambda: service.accept(application, by=stranger),
        lambda: service.put_in_review(application, by=stranger),
        lambda: service.decline(application, by=stranger, reason="other"),
        lambda: service.complete(application, by=stranger, hours_done=1),
        lambda: service.withdraw(application, by=stranger),
        lambda: service.post_message(application, by=stranger, body="Bonjour"),
    ):
        with pytest.raises(service.NotAllowed):
            action()
    assert service.can_read(application, stranger) is False


# --- Pure helpers ------------------------------------------------------------------------------


def test_availability_is_grouped_by_day_in_week_order():
    slots = ["sat_afternoon", "mon_evening", "sat_morning", "bogus"]
    assert service.availability_by_day(slots) == [("mon", ["evening"]), ("sat", ["morning", "afternoon"])]
    assert service.availability_by_day(None) == []


@pytest.mark.parametrize(
    ("status", "side", "seats_left", "expected"),
    [
        ("pending", "association", 1, ("review", "accept", "decline")),
        ("pending", "association", 0, ("review", "decline")),
        ("in_review", "association", 1, ("accept", "decline")),
        ("accepted", "association", 0, ("complete", "decline")),
        ("completed", "association", 1, ()),
        ("accepted", "candidate", 0, ("withdraw",)),
        ("declined", "candidate", 1, ()),
        ("pending", None, 1, ()),
    ],
)
def test_each_side_is_offered_only_the_actions_its_status_allows(status, side, seats_left, expected):
    assert service.actions_for(status, side=side, seats_left=seats_left) == expected


def test_the_mission_page_tells_a_volunteer_how_far_it_is_from_home(client, auth, make):
    from tests.conftest import text_of

    mission = make.mission(lat=45.7640, lon=4.8357)  # Lyon, place Bellecour area
    volunteer = make.user("candidate")
    volunteer.profile.lat, volunteer.profile.lon = 45.7719, 4.8902  # Villeurbanne
    db.session.commit()
    assert "distance-from-home" not in text_of(client.get(f"/missions/{mission.id}"))
    auth.login_as(volunteer)
    page = text_of(client.get(f"/missions/{mission.id}"))
    assert 'data-testid="distance-from-home"' in page and "à 4,3 km de chez vous" in page
