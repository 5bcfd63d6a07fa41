"""The association's weekly digest (issue 15, item 3): what waits, sent only when something does."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from marketplace.associations.models import Membership
from marketplace.extensions import db
from marketplace.notifications.models import EmailOptOut, OutboxMessage
from marketplace.reminders.digests import digests_for, run_digests

TODAY = date(2027, 3, 1)
LONG_AGO = datetime(2027, 2, 20, 9, 0)


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


def outbox() -> list[OutboxMessage]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def test_a_digest_lists_waiting_applications_short_missions_and_participations_to_confirm(make):
    owner = make.user("association", first_name="Claire")
    association = make.association(name="Restos du 7e", owner=owner)
    waiting = make.mission(association, title="Collecte de mars", start_date=TODAY + timedelta(days=30))
    make.application(waiting, status="pending", created_at=LONG_AGO)
    make.application(waiting, status="pending", created_at=LONG_AGO)
    make.application(waiting, status="pending", created_at=datetime(2027, 2, 28, 9))  # only a day: not yet
    make.mission(association, title="Braderie de printemps", start_date=TODAY + timedelta(days=5), capacity=8)
    past = make.mission(association, title="Maraude de février", start_date=TODAY - timedelta(days=3))
    make.application(past, status="accepted")

    digest = digests_for(TODAY)[association.id]
    assert digest.waiting == [("Collecte de mars", 2)]
    assert digest.short == [("Braderie de printemps", 8, TODAY + timedelta(days=5))]
    assert digest.to_confirm == [("Maraude de février", 1)]

    report = run_digests(TODAY)
    assert report.queued == 1
    (message,) = outbox()
    assert message.recipient == owner.email and message.category == "digests"
    assert message.subject == "Votre semaine sur Tremplin : Restos du 7e"
    body = message.body_text
    assert "Collecte de mars : 2 candidatures" in body
    assert "Braderie de printemps : 8 places restantes" in body
    assert "Maraude de février : 1 bénévole" in body


def test_one_digest_a_week_per_member_and_none_when_nothing_waits(make):
    owner, member = make.user("association"), make.user("association")
    association = make.association(owner=owner)
    db.session.add(Membership(user=member, association=association, role="member"))
    quiet = make.association(owner=make.user("association"))
    make.mission(quiet, start_date=TODAY + timedelta(days=40))  # nothing to say
    make.mission(association, start_date=TODAY + timedelta(days=2))
    db.session.commit()

    assert run_digests(TODAY).queued == 2
    assert run_digests(TODAY + timedelta(days=2)).queued == 0  # same ISO week
    assert len(outbox()) == 2
    assert run_digests(TODAY + timedelta(days=7)).queued == 0  # the mission is over: nothing waits


def test_a_member_who_turned_digests_off_gets_none(make):
    owner = make.user("association")
    association = make.association(owner=owner)
    db.session.add(EmailOptOut(user_id=owner.id, category="digests"))
    make.mission(association, start_date=TODAY + timedelta(days=2))
    assert run_digests(TODAY).queued == 0 and outbox() == []
