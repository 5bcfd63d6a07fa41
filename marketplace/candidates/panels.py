"""The "apply" block of a public mission page: why this visitor can or cannot apply, and the form.

Used by the mission page (main) and by the apply view when it shows the page again (inbox).
"""

from __future__ import annotations

from dataclasses import dataclass

from marketplace.associations.models import Mission
from marketplace.associations.permissions import can_manage_association
from marketplace.candidates import applications as service
from marketplace.candidates.forms import ApplyForm
from marketplace.candidates.models import Application


@dataclass(frozen=True)
class ApplyPanel:
    """What the mission page shows before the button, for one visitor."""

    state: str  # anonymous | team | other_role | applied | unverified | refused | open
    problem: object | None = None
    application: Application | None = None
    form: ApplyForm | None = None
    guardian_consent_needed: bool = False


def apply_panel(mission: Mission, user, form: ApplyForm | None = None) -> ApplyPanel:
    """Why this visitor can or cannot apply, and the form when they can."""
    if user is None or not user.is_authenticated:
        return ApplyPanel("anonymous")
    if user.role != "candidate":
        return ApplyPanel("team" if can_manage_association(user, mission.association) else "other_role")
    existing = service.active_application(mission, user)
    if existing is not None:
        return ApplyPanel("applied", application=existing)
    problem = service.eligibility_problem(mission, user)
    if problem is not None:
        return ApplyPanel("refused", problem=problem)
    if not user.is_verified:  # eligible, but the address is not confirmed yet: say how to apply
        return ApplyPanel("unverified")
    form = form or ApplyForm()
    if mission.motivation_required:
        form.require_motivation()
    return ApplyPanel("open", form=form, guardian_consent_needed=service.needs_guardian_consent(user))
