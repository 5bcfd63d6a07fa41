"""Import every model so that Alembic and ``db.create_all`` see the whole schema."""

from marketplace.accounts.models import User
from marketplace.assistant.models import AccompanimentRequest
from marketplace.associations.models import Association, Membership, Mission, MissionReview, TeamInvitation
from marketplace.candidates.models import Application, ApplicationEvent, CandidateProfile, Message
from marketplace.matching.models import MatchingChange, MatchingState, MissionInvitation
from marketplace.networks.models import Network, NetworkAdmin, NetworkMember
from marketplace.notifications.models import OutboxMessage

__all__ = [
    "AccompanimentRequest",
    "Application",
    "ApplicationEvent",
    "Association",
    "CandidateProfile",
    "MatchingChange",
    "MatchingState",
    "Membership",
    "Message",
    "Mission",
    "MissionInvitation",
    "MissionReview",
    "Network",
    "NetworkAdmin",
    "NetworkMember",
    "OutboxMessage",
    "TeamInvitation",
    "User",
]
