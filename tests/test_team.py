"""Team management: invitations by one-time link, joining, cancelling, removing members."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from marketplace.accounts.models import User
from marketplace.associations import team
from marketplace.associations.models import Membership, TeamInvitation
from marketplace.domain import Conflict, DomainError, NotAllowed
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.notifications.models import OutboxMessage
from tests.conftest import build_app

STRONG_PASSWORD = "un-long-mot-de-passe"


@pytest.fixture(autouse=True)
def request_context(app):
    """Services raise errors with translated messages, which need a request (for the language)."""
    with app.test_request_context():
        yield


@pytest.fixture
def owner(make):
    return make.user("association", first_name="Nadia")


@pytest.fixture
def association(make, owner):
    return make.association("Les Restos du Quartier", owner=owner)


def _member(make, association, *, role="member", **fields) -> User:
    user = make.user("association", **fields)
    db.session.add(Membership(user=user, association=association, role=role))
    db.session.commit()
    return user


def _invite(association, owner, email="lea@example.fr") -> team.IssuedInvitation:
    issued = team.invite_member(association, email, by=owner)
    db.session.commit()
    return issued


def _link_path(body: str) -> str:
    return re.search(r"https?://[^/\s]+(/invitation/\S+)", body).group(1)


def _memberships(association) -> dict[str, str]:
    rows = db.session.execute(
        select(User.email, Membership.role)
        .join(Membership)
        .where(Membership.association_id == association.id)
    )
    return dict(rows.all())


# --- services ----------------------------------------------------------------------------------


def test_invitation_stores_only_the_hash_of_its_token_and_expires_in_seven_days(association, owner):
    issued = _invite(association, owner, " Lea@Example.FR ")
    invitation = issued.invitation
    assert invitation.email == "lea@example.fr"
    assert invitation.token_hash == hashlib.sha256(issued.token.encode()).hexdigest()
    assert issued.token not in (invitation.token_hash,)
    assert len(issued.token) >= 43  # 32 random bytes
    assert timedelta(days=6, hours=23) < invitation.expires_at - utcnow() <= timedelta(days=7)
    assert invitation.invited_by_id == owner.id


def test_invitation_queues_an_email_with_the_one_time_link(association, owner):
    issued = _invite(association, owner)
    message = db.session.scalar(select(OutboxMessage))
    assert message.recipient == "lea@example.fr"
    assert _link_path(message.body_text) == f"/invitation/{issued.token}"
    assert "Les Restos du Quartier" in message.body_text and "Nadia" in message.body_text


def test_only_owners_invite(make, association):
    member = _member(make, association)
    with pytest.raises(NotAllowed):
        team.invite_member(association, "lea@example.fr", by=member)
    stranger = make.user("association")
    with pytest.raises(NotAllowed):
        team.invite_member(association, "lea@example.fr", by=stranger)


def test_inviting_someone_already_in_the_team_is_refused(make, association, owner):
    member = _member(make, association, email="deja@example.fr")
    with pytest.raises(Conflict) as caught:
        team.invite_member(association, member.email.upper(), by=owner)
    assert caught.value.field == "email"


def test_inviting_an_invalid_address_is_refused_on_the_email_field(association, owner):
    with pytest.raises(DomainError) as caught:
        team.invite_member(association, "pas-une-adresse", by=owner)
    assert caught.value.field == "email"


def test_inviting_the_same_address_again_replaces_the_previous_link(association, owner):
    first = _invite(association, owner)
    second = _invite(association, owner)
    assert first.invitation.revoked_at is not None
    assert team.pending_invitations(association) == [second.invitation]
    with pytest.raises(team.InvitationUnusable):
        team.usable_invitation(first.token)


def test_invited_association_user_joins_as_member_and_the_link_works_once(make, association, owner):
    invitee = make.user("association", email="lea@example.fr")
    issued = _invite(association, owner)
    membership = team.accept_invitation(issued.token, user=invitee)
    db.session.commit()
    assert membership.role == "member"
    assert issued.invitation.accepted_at is not None and issued.invitation.accepted_by_id == invitee.id
    with pytest.raises(team.InvitationUnusable):
        team.accept_invitation(issued.token, user=invitee)


def test_someone_signed_in_with_another_address_cannot_use_the_invitation(make, association, owner):
    issued = _invite(association, owner)
    other = make.user("association", email="autre@example.fr")
    with pytest.raises(NotAllowed):
        team.accept_invitation(issued.token, user=other)
    assert issued.invitation.accepted_at is None


def test_a_volunteer_account_with_the_invited_address_cannot_join(make, association, owner):
    issued = _invite(association, owner)
    volunteer = make.user("candidate", email="lea@example.fr")
    with pytest.raises(NotAllowed):
        team.accept_invitation(issued.token, user=volunteer)
    assert _memberships(association) == {owner.email: "owner"}


@pytest.mark.parametrize("state", ["expired", "revoked", "unknown"])
def test_expired_revoked_or_unknown_invitations_cannot_be_used(make, association, owner, state):
    invitee = make.user("association", email="lea@example.fr")
    issued = _invite(association, owner)
    token = issued.token
    if state == "expired":
        issued.invitation.expires_at = utcnow() - timedelta(minutes=1)
    elif state == "revoked":
        team.revoke_invitation(issued.invitation, by=owner)
    else:
        token = "not-a-real-token"
    db.session.commit()
    with pytest.raises(team.InvitationUnusable):
        team.accept_invitation(token, user=invitee)
    assert _memberships(association) == {owner.email: "owner"}


def test_sign_up_and_accept_creates_an_association_member_bound_to_the_invited_address(association, owner):
    issued = _invite(association, owner)
    user = team.sign_up_and_accept(
        issued.token, team.MemberSignup(first_name=" Léa ", password=STRONG_PASSWORD)
    )
    db.session.commit()
    assert (user.email, user.role, user.first_name) == ("lea@example.fr", "association", "Léa")
    assert user.check_password(STRONG_PASSWORD)
    assert _memberships(association) == {owner.email: "owner", "lea@example.fr": "member"}


def test_sign_up_with_a_weak_password_creates_nothing(association, owner):
    issued = _invite(association, owner)
    with pytest.raises(DomainError) as caught:
        team.sign_up_and_accept(issued.token, team.MemberSignup(first_name="Léa", password="court"))
    db.session.rollback()
    assert caught.value.field == "password"
    assert team.find_invitation(issued.token).accepted_at is None
    assert db.session.scalar(select(func.count(User.id)).where(User.email == "lea@example.fr")) == 0


def test_sign_up_is_refused_when_the_address_already_has_an_account(make, association, owner):
    make.user("association", email="lea@example.fr")
    issued = _invite(association, owner)
    with pytest.raises(Conflict):
        team.sign_up_and_accept(issued.token, team.MemberSignup(first_name="Léa", password=STRONG_PASSWORD))


def test_accepted_invitations_cannot_be_revoked(make, association, owner):
    invitee = make.user("association", email="lea@example.fr")
    issued = _invite(association, owner)
    team.accept_invitation(issued.token, user=invitee)
    with pytest.raises(Conflict):
        team.revoke_invitation(issued.invitation, by=owner)


def test_members_cannot_revoke_invitations(make, association, owner):
    issued = _invite(association, owner)
    member = _member(make, association)
    with pytest.raises(NotAllowed):
        team.revoke_invitation(issued.invitation, by=member)


def test_owner_removes_a_member(make, association, owner):
    member = _member(make, association)
    team.remove_member(association, member, by=owner)
    assert _memberships(association) == {owner.email: "owner"}


def test_the_last_owner_cannot_be_removed_even_by_themselves(association, owner):
    with pytest.raises(Conflict):
        team.remove_member(association, owner, by=owner)


def test_an_owner_may_leave_when_another_owner_stays(make, association, owner):
    second_owner = _member(make, association, role="owner")
    team.remove_member(association, owner, by=owner)
    assert _memberships(association) == {second_owner.email: "owner"}


def test_a_member_may_leave_but_not_remove_others(make, association, owner):
    member = _member(make, association)
    other = _member(make, association)
    with pytest.raises(NotAllowed):
        team.remove_member(association, other, by=member)
    team.remove_member(association, member, by=member)
    assert member.email not in _memberships(association)


# --- views -------------------------------------------------------------------------------------


def test_team_page_lists_members_and_pending_invitations_with_owner_controls(
    client, auth, make, association, owner
):
    member = _member(make, association, email="membre@example.fr")
    issued = _invite(association, owner, "invitee@example.fr")
    auth.login_as(owner)
    page = client.get("/espace/equipe").get_data(as_text=True)
    assert "membre@example.fr" in page and "invitee@example.fr" in page
    assert 'data-testid="invite-form"' in page
    assert f'data-testid="remove-{member.id}"' in page
    assert f'data-testid="revoke-{issued.invitation.id}"' in page
    assert f'data-testid="remove-{owner.id}"' not in page  # the last owner has no remove button


def test_members_see_the_team_without_owner_controls(client, auth, make, association, owner):
    member = _member(make, association)
    other = _member(make, association)
    issued = _invite(association, owner, "invitee@example.fr")
    auth.login_as(member)
    page = client.get("/espace/equipe").get_data(as_text=True)
    assert "invitee@example.fr" in page
    assert 'data-testid="invite-form"' not in page
    assert f'data-testid="revoke-{issued.invitation.id}"' not in page
    assert f'data-testid="remove-{other.id}"' not in page
    assert f'data-testid="remove-{member.id}"' in page  # leaving is always possible


def test_owner_invites_through_the_form(client, auth, association, owner):
    auth.login_as(owner)
    response = client.post("/espace/equipe/inviter", data={"email": "lea@example.fr"})
    assert response.status_code == 302
    invitation = db.session.scalar(select(TeamInvitation))
    assert (invitation.email, invitation.association_id) == ("lea@example.fr", association.id)
    assert db.session.scalar(select(func.count(OutboxMessage.id))) == 1


def test_inviting_a_member_again_shows_the_error_and_keeps_the_address(
    client, auth, make, association, owner
):
    _member(make, association, email="deja@example.fr")
    auth.login_as(owner)
    response = client.post("/espace/equipe/inviter", data={"email": "deja@example.fr"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'id="email-error"' in page and 'value="deja@example.fr"' in page
    assert db.session.scalar(select(func.count(TeamInvitation.id))) == 0
    assert db.session.scalar(select(func.count(OutboxMessage.id))) == 0


def test_members_cannot_invite_through_the_form(client, auth, make, association):
    auth.login_as(_member(make, association))
    assert client.post("/espace/equipe/inviter", data={"email": "lea@example.fr"}).status_code == 403
    assert db.session.scalar(select(func.count(TeamInvitation.id))) == 0


def test_owner_cannot_invite_into_another_association(client, auth, make, owner):
    make.association(owner=owner)
    other = make.association()
    auth.login_as(owner)
    response = client.post(
        "/espace/equipe/inviter", data={"email": "lea@example.fr", "association_id": other.id}
    )
    assert response.status_code == 404


def test_invitee_without_account_creates_it_and_joins(client, association, owner):
    issued = _invite(association, owner)
    path = _link_path(db.session.scalar(select(OutboxMessage)).body_text)
    page = client.get(path)
    assert page.status_code == 200 and 'data-testid="member-signup-form"' in page.get_data(as_text=True)
    response = client.post(
        path,
        data={
            "first_name": "Léa",
            "password": STRONG_PASSWORD,
            "confirm": STRONG_PASSWORD,
            "accept_terms": "y",
        },
    )
    assert response.status_code == 302 and "/espace/equipe" in response.headers["Location"]
    assert _memberships(association)["lea@example.fr"] == "member"
    assert client.get("/espace/equipe").status_code == 200  # signed in as the new member
    assert client.get(f"/invitation/{issued.token}").status_code == 410


def test_a_rejected_sign_up_keeps_what_was_typed_and_creates_nothing(client, association, owner):
    issued = _invite(association, owner)
    response = client.post(
        f"/invitation/{issued.token}",
        data={"first_name": "Léa", "password": "court", "confirm": "court", "accept_terms": "y"},
    )
    assert response.status_code == 400
    assert 'value="Léa"' in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(User.id)).where(User.email == "lea@example.fr")) == 0


def test_signed_in_invitee_joins_with_one_button(client, auth, make, association, owner):
    invitee = make.user("association", email="lea@example.fr")
    issued = _invite(association, owner)
    auth.login_as(invitee)
    assert 'data-testid="join-submit"' in client.get(f"/invitation/{issued.token}").get_data(as_text=True)
    assert client.post(f"/invitation/{issued.token}").status_code == 302
    assert _memberships(association)["lea@example.fr"] == "member"


def test_signed_in_user_with_another_address_is_told_and_refused(client, auth, make, association, owner):
    issued = _invite(association, owner)
    auth.login_as(make.user("association", email="autre@example.fr"))
    page = client.get(f"/invitation/{issued.token}").get_data(as_text=True)
    assert 'data-testid="invitation-problem"' in page and 'data-testid="join-submit"' not in page
    assert client.post(f"/invitation/{issued.token}").status_code == 403
    assert "autre@example.fr" not in _memberships(association)


def test_anonymous_invitee_with_an_account_is_asked_to_sign_in(client, make, association, owner):
    make.user("association", email="lea@example.fr")
    issued = _invite(association, owner)
    page = client.get(f"/invitation/{issued.token}").get_data(as_text=True)
    assert 'data-testid="sign-in-to-join"' in page
    client.post(
        f"/invitation/{issued.token}",
        data={
            "first_name": "X",
            "password": STRONG_PASSWORD,
            "confirm": STRONG_PASSWORD,
            "accept_terms": "y",
        },
    )
    assert "lea@example.fr" not in _memberships(association)


def test_unknown_and_used_links_answer_404_and_410(client, make, association, owner):
    assert client.get("/invitation/nimporte-quoi").status_code == 404
    issued = _invite(association, owner)
    team.revoke_invitation(issued.invitation, by=owner)
    db.session.commit()
    response = client.get(f"/invitation/{issued.token}")
    assert response.status_code == 410 and 'data-testid="invitation-unusable"' in response.get_data(
        as_text=True
    )


def test_owner_cancels_an_invitation_and_its_link_stops_working(client, auth, association, owner):
    issued = _invite(association, owner)
    auth.login_as(owner)
    assert client.post(f"/espace/equipe/invitations/{issued.invitation.id}/annuler").status_code == 302
    assert client.get(f"/invitation/{issued.token}").status_code == 410


def test_invitations_of_another_association_are_not_found(client, auth, make, association, owner):
    issued = _invite(association, owner)
    auth.login_as(make.association().memberships[0].user)
    assert client.post(f"/espace/equipe/invitations/{issued.invitation.id}/annuler").status_code == 404
    assert team.find_invitation(issued.token).revoked_at is None


def test_owner_removes_a_member_through_the_form(client, auth, make, association, owner):
    member = _member(make, association)
    auth.login_as(owner)
    response = client.post(
        f"/espace/equipe/membres/{member.id}/retirer", data={"association_id": association.id}
    )
    assert response.status_code == 302
    assert member.email not in _memberships(association)


def test_removing_the_last_owner_is_refused_with_a_message(client, auth, association, owner):
    auth.login_as(owner)
    response = client.post(f"/espace/equipe/membres/{owner.id}/retirer", follow_redirects=True)
    assert response.status_code == 200 and 'class="alert alert--error"' in response.get_data(as_text=True)
    assert _memberships(association) == {owner.email: "owner"}


def test_members_cannot_remove_others_and_strangers_get_404(client, auth, make, association, owner):
    member = _member(make, association)
    auth.login_as(member)
    assert client.post(f"/espace/equipe/membres/{owner.id}/retirer").status_code == 403
    auth.login_as(make.association().memberships[0].user)
    assert client.post(f"/espace/equipe/membres/{member.id}/retirer").status_code == 404
    assert _memberships(association) == {owner.email: "owner", member.email: "member"}


def test_invitations_are_rate_limited_per_account(app, association, owner):
    limited = build_app(RATELIMIT_ENABLED=True, INVITE_RATE_LIMIT="2 per hour")
    with limited.app_context():
        client = limited.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = owner.get_id()
        statuses = [
            client.post("/espace/equipe/inviter", data={"email": f"p{n}@example.fr"}).status_code
            for n in range(3)
        ]
    assert statuses == [302, 302, 429]


def test_team_forms_refuse_a_missing_csrf_token(app, association, owner):
    issued = _invite(association, owner)
    csrf_app = build_app(WTF_CSRF_ENABLED=True)
    with csrf_app.app_context():
        client = csrf_app.test_client()
        assert client.post(f"/invitation/{issued.token}", data={"first_name": "Léa"}).status_code == 400
        with client.session_transaction() as session:
            session["_user_id"] = owner.get_id()
        for path in (
            "/espace/equipe/inviter",
            f"/espace/equipe/invitations/{issued.invitation.id}/annuler",
            f"/espace/equipe/membres/{owner.id}/retirer",
            "/espace/import",
        ):
            assert client.post(path, data={"email": "x@example.fr"}).status_code == 400
    assert team.find_invitation(issued.token).revoked_at is None
