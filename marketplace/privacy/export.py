"""Everything Tremplin holds about one person, as plain data (GDPR articles 15 and 20).

:func:`personal_data` returns a JSON-ready dict; the views serve it as a JSON file and as a
readable HTML page. It includes what the person gave and what their use produced, and names
other parties only as the person already sees them: associations by name, the association side
of a conversation as « the association », never another volunteer or a team member's name.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from marketplace.accounts.models import User
from marketplace.alerts.services import saved_searches_of
from marketplace.assistant.models import AccompanimentRequest
from marketplace.associations.models import Association, Membership, TeamInvitation
from marketplace.attestations.services import attestations_of
from marketplace.calendar.models import CalendarFeed
from marketplace.candidates.models import Application, KeptMission
from marketplace.extensions import db
from marketplace.matching.models import MissionInvitation
from marketplace.models_base import utcnow
from marketplace.notifications.models import OutboxMessage
from marketplace.notifications.preferences import opted_out
from marketplace.privacy.policy import TERMS_VERSION

FORMAT_VERSION = 1


def _when(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat() + "Z"  # stored as naive UTC
    return value.isoformat()


def _account(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "email_confirmed_at": _when(user.email_verified_at),
        "first_name": user.first_name,
        "role": user.role,
        "language": user.locale,
        "created_at": _when(user.created_at),
        "last_sign_in_at": _when(user.last_login_at),
        "last_visit_on": user.last_seen_at.date().isoformat() if user.last_seen_at else None,
        "terms_version_accepted": user.terms_version,
        "terms_accepted_at": _when(user.terms_accepted_at),
    }


def _profile(user: User) -> dict[str, Any] | None:
    profile = user.profile
    if profile is None:
        return None
    return {
        "age_range": profile.age_range,
        "postcode": profile.postcode,
        "city": profile.city,
        "approximate_position": (
            {"lat": profile.lat, "lon": profile.lon}
            if profile.lat is not None and profile.lon is not None
            else None
        ),
        "radius_km": profile.radius_km,
        "remote_ok": profile.remote_ok,
        "weekly_slots": list(profile.slots or []),
        "flexible_hours": profile.flexible,
        "causes": list(profile.domains or []),
        "skills": list(profile.skills or []),
        "wanted_kinds": list(profile.wanted_kinds or []),
        "avoided_causes": list(profile.avoid_domains or []),
        "avoided_kinds": list(profile.avoid_kinds or []),
        "avoided_situations": list(profile.avoid_contexts or []),
        "about": profile.about,
        "visible_to_associations": profile.visible_to_associations,
        "updated_at": _when(profile.updated_at),
    }


def _side(author_id: int | None, user: User) -> str:
    return "you" if author_id == user.id else "the association"


def _application(application: Application, user: User) -> dict[str, Any]:
    mission = application.mission
    return {
        "mission": {
            "id": mission.id,
            "title": mission.title,
            "association": mission.association.name,
            "city": mission.city,
            "start_date": _when(mission.start_date),
            "end_date": _when(mission.end_date),
        },
        "status": application.status,
        "motivation": application.motivation,
        "decline_reason": application.decline_reason,
        "hours_done": application.hours_done,
        "applied_at": _when(application.created_at),
        "decided_at": _when(application.decided_at),
        "completed_at": _when(application.completed_at),
        "withdrawn_at": _when(application.withdrawn_at),
        "your_mark": application.rating,
        "your_feedback": application.feedback,
        # Private to the association's team on the site, but it is about the person (GDPR art. 15).
        "association_note": application.association_note,
        "history": [
            {
                "at": _when(event.created_at),
                "from": event.from_status,
                "to": event.to_status,
                "by": _side(event.actor_id, user) if event.actor_id else None,
                "note": event.note,
            }
            for event in application.events
        ],
        "messages": [
            {"at": _when(message.created_at), "author": _side(message.author_id, user), "text": message.body}
            for message in application.messages
        ],
    }


def _applications(user: User) -> list[dict[str, Any]]:
    rows = db.session.scalars(
        select(Application).where(Application.candidate_id == user.id).order_by(Application.created_at)
    )
    return [_application(application, user) for application in rows]


def _invitations_received(user: User) -> list[dict[str, Any]]:
    rows = db.session.scalars(
        select(MissionInvitation)
        .where(MissionInvitation.candidate_id == user.id)
        .order_by(MissionInvitation.created_at)
    )
    return [
        {
            "mission": invitation.mission.title,
            "association": invitation.mission.association.name,
            "at": _when(invitation.created_at),
        }
        for invitation in rows
    ]


def _memberships(user: User) -> list[dict[str, Any]]:
    rows = db.session.execute(
        select(Association.name, Membership.role, Membership.created_at)
        .join(Membership, Membership.association_id == Association.id)
        .where(Membership.user_id == user.id)
        .order_by(Association.name)
    )
    return [{"association": name, "role": role, "since": _when(since)} for name, role, since in rows]


def _team_invitations_sent(user: User) -> list[dict[str, Any]]:
    """Addresses the person typed themselves to invite someone to their team."""
    rows = db.session.scalars(
        select(TeamInvitation)
        .where(TeamInvitation.invited_by_id == user.id)
        .order_by(TeamInvitation.created_at)
    )
    return [
        {
            "association": invitation.association.name,
            "email": invitation.email,
            "sent_at": _when(invitation.created_at),
            "accepted": invitation.accepted_at is not None,
            "cancelled": invitation.revoked_at is not None,
        }
        for invitation in rows
    ]


def _accompaniment_requests(user: User) -> list[dict[str, Any]]:
    """Requests sent from the person's address: only once the address is confirmed as theirs."""
    if not user.is_verified:
        return []
    rows = db.session.scalars(
        select(AccompanimentRequest)
        .where(AccompanimentRequest.email == user.email)
        .order_by(AccompanimentRequest.created_at)
    )
    return [
        {
            "first_name": request.first_name,
            "email": request.email,
            "phone": request.phone,
            "call_time": request.call_time,
            "postcode": request.postcode,
            "answers": request.answers,
            "sent_at": _when(request.created_at),
            "network": request.network.name if request.network else None,
            "status": request.status,
        }
        for request in rows
    ]


def _emails(user: User) -> list[dict[str, Any]]:
    """E-mails we keep for the address (subjects only: bodies may hold links that still work)."""
    rows = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.recipient == user.email).order_by(OutboxMessage.created_at)
    )
    return [
        {"subject": row.subject, "queued_at": _when(row.created_at), "status": row.status} for row in rows
    ]


def _calendar(user: User) -> dict[str, Any] | None:
    feed = db.session.scalar(select(CalendarFeed).where(CalendarFeed.user_id == user.id))
    if feed is None:
        return None
    return {"created_at": _when(feed.created_at), "note": "the private link itself is not repeated here"}


def _kept_missions(user: User) -> list[dict[str, Any]]:
    rows = db.session.scalars(
        select(KeptMission).where(KeptMission.user_id == user.id).order_by(KeptMission.created_at)
    )
    return [
        {"mission": row.mission.title, "id": row.mission_id, "since": _when(row.created_at)} for row in rows
    ]


def _attestations(user: User) -> list[dict[str, Any]]:
    return [
        {"code": row.code, "year": row.year, "issued_at": _when(row.issued_at), **row.content}
        for row in attestations_of(user)
    ]


def personal_data(
    user: User, *, saved_answers: dict[str, Any] | None = None, now: datetime | None = None
) -> dict[str, Any]:
    """Everything about ``user``; ``saved_answers`` are the guided search's answers kept in the browser."""
    return {
        "format": {"name": "tremplin-personal-data", "version": FORMAT_VERSION},
        "exported_at": _when(now or utcnow()),
        "terms_version_in_force": TERMS_VERSION,
        "account": _account(user),
        "volunteer_profile": _profile(user),
        "applications": _applications(user),
        "invitations_to_apply": _invitations_received(user),
        "associations": _memberships(user),
        "team_invitations_sent": _team_invitations_sent(user),
        "accompaniment_requests": _accompaniment_requests(user),
        "guided_search_answers_in_this_browser": saved_answers or None,
        "calendar_link": _calendar(user),
        "kept_missions": _kept_missions(user),
        "attestations": _attestations(user),
        "emails_turned_off": sorted(opted_out(user)),
        "saved_searches": [
            {"name": saved.name, "search": saved.query_string, "frequency": saved.frequency}
            for saved in saved_searches_of(user)
        ],
        "emails": _emails(user),
    }


# Names of the sections and fields in the readable page (the JSON keeps the English keys).
LABELS: dict[str, object] = {
    "account": _l("Account"),
    "volunteer_profile": _l("Volunteer profile"),
    "applications": _l("Applications"),
    "invitations_to_apply": _l("Invitations to apply"),
    "associations": _l("Associations"),
    "team_invitations_sent": _l("Team invitations sent"),
    "accompaniment_requests": _l("Requests for accompaniment"),
    "guided_search_answers_in_this_browser": _l("Answers of « Find my mission » kept in this browser"),
    "calendar_link": _l("Calendar link"),
    "kept_missions": _l("Missions I keep"),
    "your_mark": _l("Your mark"),
    "your_feedback": _l("Your feedback"),
    "association_note": _l("The association's note about you"),
    "attestations": _l("My certificates"),
    "code": _l("Verification code"),
    "year": _l("Year"),
    "issued_at": _l("Issued on"),
    "volunteer_name": _l("Name printed"),
    "missions": _l("Missions"),
    "total_hours": _l("Total hours"),
    "first_day": _l("First day"),
    "last_day": _l("Last day"),
    "hours": _l("Hours"),
    "confirmed_on": _l("Confirmed on"),
    "confirmed_by_association": _l("Confirmed by the association"),
    "name": _l("Name"),
    "verified": _l("Verified"),
    "rna": _l("RNA number"),
    "siren": _l("SIREN number"),
    "emails_turned_off": _l("Optional e-mails turned off"),
    "saved_searches": _l("My saved searches"),
    "search": _l("Search"),
    "frequency": _l("How often"),
    "emails": _l("Emails"),
    "email": _l("Email address"),
    "email_confirmed_at": _l("Address confirmed on"),
    "first_name": _l("First name"),
    "role": _l("Role"),
    "language": _l("Language"),
    "created_at": _l("Created on"),
    "last_sign_in_at": _l("Last sign-in"),
    "last_visit_on": _l("Last visit"),
    "terms_version_accepted": _l("Version of the terms accepted"),
    "terms_accepted_at": _l("Terms accepted on"),
    "age_range": _l("Age range"),
    "postcode": _l("Postcode"),
    "city": _l("City"),
    "approximate_position": _l("Approximate position"),
    "radius_km": _l("Radius (km)"),
    "remote_ok": _l("Remote missions"),
    "weekly_slots": _l("Weekly availability"),
    "flexible_hours": _l("Flexible hours"),
    "causes": _l("Causes"),
    "skills": _l("Skills"),
    "wanted_kinds": _l("Kinds of missions wanted"),
    "avoided_causes": _l("Causes avoided"),
    "avoided_kinds": _l("Kinds of missions avoided"),
    "avoided_situations": _l("Situations avoided"),
    "about": _l("About me"),
    "visible_to_associations": _l("Visible to associations"),
    "updated_at": _l("Updated on"),
    "mission": _l("Mission"),
    "status": _l("Status"),
    "motivation": _l("Motivation"),
    "decline_reason": _l("Reason for declining"),
    "hours_done": _l("Hours done"),
    "applied_at": _l("Applied on"),
    "decided_at": _l("Decided on"),
    "completed_at": _l("Completed on"),
    "withdrawn_at": _l("Withdrawn on"),
    "history": _l("History"),
    "messages": _l("Messages"),
    "association": _l("Association"),
    "since": _l("Since"),
    "sent_at": _l("Sent on"),
    "accepted": _l("Accepted"),
    "cancelled": _l("Cancelled"),
    "phone": _l("Phone"),
    "call_time": _l("Time to call"),
    "answers": _l("Answers"),
    "network": _l("Network"),
    "subject": _l("Subject"),
    "queued_at": _l("Written on"),
    "at": _l("Date"),
    "from": _l("From"),
    "author": _l("Written by"),
    "to": _l("To"),
    "by": _l("By"),
    "note": _l("Note"),
    "text": _l("Text"),
    "title": _l("Title"),
    "start_date": _l("Start date"),
    "end_date": _l("End date"),
    "id": _l("Number"),
}


def label(key: str) -> str:
    return str(LABELS.get(key, key.replace("_", " ")))
