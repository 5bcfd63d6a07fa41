"""Import every model so that Alembic and ``db.create_all`` see the whole schema."""

from marketplace.accounts.models import User
from marketplace.alerts.models import SavedSearch
from marketplace.apikeys.models import ApiKey
from marketplace.assistant.models import AccompanimentRequest
from marketplace.associations.models import (
    Association,
    AssociationVerificationEvent,
    Membership,
    Mission,
    MissionReview,
    TeamInvitation,
)
from marketplace.attestations.models import Attestation
from marketplace.calendar.models import CalendarFeed
from marketplace.candidates.models import (
    Application,
    ApplicationEvent,
    CandidateProfile,
    KeptMission,
    Message,
)
from marketplace.feeds.models import Feed, FeedMission, FeedOrganisation
from marketplace.jobs.models import Job
from marketplace.matching.models import MatchingChange, MatchingState, MissionInvitation
from marketplace.networks.models import Network, NetworkAdmin, NetworkMember
from marketplace.notifications.models import EmailOptOut, OutboxMessage
from marketplace.once import SubmittedForm
from marketplace.widgets.models import Widget, WidgetDailyStat

__all__ = [
    "AccompanimentRequest",
    "ApiKey",
    "Application",
    "ApplicationEvent",
    "Association",
    "AssociationVerificationEvent",
    "Attestation",
    "CalendarFeed",
    "CandidateProfile",
    "EmailOptOut",
    "Feed",
    "FeedMission",
    "FeedOrganisation",
    "Job",
    "KeptMission",
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
    "SavedSearch",
    "SubmittedForm",
    "TeamInvitation",
    "User",
    "Widget",
    "WidgetDailyStat",
]
