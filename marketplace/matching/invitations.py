"""Association side: candidates suggested for a mission, and invitations to apply."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import cast

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from marketplace.accounts.models import User
from marketplace.associations.models import Mission
from marketplace.associations.permissions import can_manage_association
from marketplace.candidates.models import Application, CandidateProfile
from marketplace.domain import Conflict, NotAllowed, NotFound
from marketplace.extensions import db
from marketplace.matching.facts import facts_from_profile, histories_of, mission_facts
from marketplace.matching.holder import current_engine
from marketplace.matching.models import MissionInvitation
from marketplace.matching.render import render_reason_lists
from marketplace.matching.types import CandidateFacts
from marketplace.notifications.services import notify_user


@dataclass(frozen=True)
class SuggestedCandidate:
    """A candidate suggested for a mission: first name and reasons only, never contact details."""

    user_id: int
    first_name: str
    age_range: str
    city: str
    score: float
    reasons: list[str]
    invited: bool


def _check_member(mission: Mission, user: User) -> None:
    if not can_manage_association(user, mission.association):
        raise NotAllowed(_("This mission belongs to another association."))


def _visible_profiles(mission: Mission) -> list[CandidateProfile]:
    already = select(Application.candidate_id).where(Application.mission_id == mission.id)
    return list(
        db.session.scalars(
            select(CandidateProfile)
            .options(joinedload(CandidateProfile.user))
            .join(User, User.id == CandidateProfile.user_id)
            .where(
                CandidateProfile.visible_to_associations.is_(True),
                User.role == "candidate",
                User.is_active_account.is_(True),
                CandidateProfile.user_id.not_in(already),
            )
            .order_by(CandidateProfile.id)
        )
    )


def _invited_ids(mission: Mission) -> set[int]:
    return set(
        db.session.scalars(
            select(MissionInvitation.candidate_id).where(MissionInvitation.mission_id == mission.id)
        )
    )


def suggested_candidates(mission: Mission, *, by: User, limit: int = 10) -> list[SuggestedCandidate]:
    """Visible candidates ranked for one of the association's missions, with reasons."""
    _check_member(mission, by)
    profiles = {profile.user_id: profile for profile in _visible_profiles(mission)}
    histories = histories_of(list(profiles))
    facts: dict[Hashable, CandidateFacts] = {
        user_id: facts_from_profile(p, histories.get(user_id, ())) for user_id, p in profiles.items()
    }
    matches = current_engine().rank_candidates(mission_facts(mission), facts, limit=limit)
    invited = _invited_ids(mission)
    sentences = render_reason_lists([match.reasons for match in matches])
    suggestions = []
    for match, reasons in zip(matches, sentences, strict=True):
        profile = profiles[cast(int, match.candidate_key)]  # the keys passed in are user ids
        suggestions.append(
            SuggestedCandidate(
                user_id=profile.user_id,
                first_name=profile.user.first_name,
                age_range=profile.age_range,
                city=profile.city,
                score=match.score,
                reasons=reasons,
                invited=profile.user_id in invited,
            )
        )
    return suggestions


class AlreadyInvited(Conflict):
    """This candidate was already invited to this mission."""


def invite_candidate(mission: Mission, candidate_id: int, *, by: User) -> MissionInvitation:
    """Invite a visible candidate to apply: one invitation per mission and candidate, by email."""
    _check_member(mission, by)
    if not mission.is_open:
        raise Conflict(_("Only a published mission with seats left can receive applications."))
    profile = db.session.scalar(
        select(CandidateProfile).where(
            CandidateProfile.user_id == candidate_id, CandidateProfile.visible_to_associations.is_(True)
        )
    )
    if profile is None or profile.user.role != "candidate" or not profile.user.is_active_account:
        raise NotFound(_("This volunteer is not available for suggestions."))
    exists = db.session.scalar(
        select(MissionInvitation.id).where(
            MissionInvitation.mission_id == mission.id, MissionInvitation.candidate_id == candidate_id
        )
    )
    if exists is not None:
        raise AlreadyInvited(_("This volunteer was already invited to this mission."))
    invitation = MissionInvitation(mission=mission, candidate=profile.user, invited_by=by)
    db.session.add(invitation)
    notify_user(
        profile.user,
        subject=_l("An association invites you to apply"),
        template="mission_invitation",
        mission=mission,
    )
    try:
        db.session.flush()
    except IntegrityError:  # the same invitation sent twice at once: the unique pair refused one
        raise AlreadyInvited(_("This volunteer was already invited to this mission.")) from None
    return invitation


def invitations_for(user: User) -> list[MissionInvitation]:
    """Invitations to missions still open, newest first (the candidate's dashboard)."""
    return list(
        db.session.scalars(
            select(MissionInvitation)
            .join(Mission, Mission.id == MissionInvitation.mission_id)
            .options(joinedload(MissionInvitation.mission).joinedload(Mission.association))
            .where(MissionInvitation.candidate_id == user.id, Mission.is_listed)
            .order_by(MissionInvitation.created_at.desc(), MissionInvitation.id.desc())
        )
    )
