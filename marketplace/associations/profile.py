"""An association's public profile: what its owners edit, and what each visitor may see of it.

Contact for volunteers: the association's e-mail and phone are often a person's own. They are shown
to the volunteers it accepted (or who completed a mission with it), and to everyone only when the
association ticks « show on the public page ». The public API never sends them.

Services flush, never commit; the view commits once. Files (logos) are written before the commit
under a new name each time, so a rolled-back request leaves at worst an unused file, never a row
pointing to a missing one; the view removes the old file once the commit succeeded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from marketplace.accounts.models import User
from marketplace.accounts.validation import (
    clean_rna,
    clean_siren,
    phone_problem,
    postcode_problem,
    rna_problem,
    siren_problem,
    website_problem,
)
from marketplace.associations import logos
from marketplace.associations.models import Association, Membership, Mission
from marketplace.associations.permissions import can_manage_team, membership_of
from marketplace.candidates.models import Application
from marketplace.domain import DomainError, NotAllowed, NotFound
from marketplace.extensions import db
from marketplace.statuses import ENGAGED_APPLICATION_STATUSES, VerificationStatus

MAX_DESCRIPTION = 5000
MAX_ADDRESS = 255
MAX_CITY = 120
_EMAIL_SHAPE = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

LOGO_MESSAGES = {
    "too_large": _l("The logo must weigh at most %(mb)d MB.", mb=logos.MAX_UPLOAD_BYTES // (1024 * 1024)),
    "not_an_image": _l("This file is not an image we can read: send a PNG, JPEG, WebP or GIF file."),
    "too_many_pixels": _l("This image is too large: at most 5000 × 5000 pixels."),
    "too_small": _l("This image is too small: at least 16 × 16 pixels."),
}


class ProfileInvalid(DomainError):
    """Several fields refused at once: each message goes next to its field."""

    def __init__(self, errors: dict[str, object]) -> None:
        super().__init__(next(iter(errors.values())), field=next(iter(errors)))
        self.errors = errors


@dataclass(frozen=True)
class ProfileData:
    """What the profile form edits (registry numbers only while the association is not verified)."""

    description: str = ""
    website: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    contact_public: bool = False
    siren: str = ""
    rna: str = ""

    @classmethod
    def from_association(cls, association: Association) -> ProfileData:
        return cls(
            description=association.description or "",
            website=association.website or "",
            address=association.address or "",
            postcode=association.postcode or "",
            city=association.city or "",
            contact_email=association.contact_email or "",
            contact_phone=association.contact_phone or "",
            contact_public=association.contact_public,
            siren=association.siren or "",
            rna=association.rna or "",
        )


def registry_locked(association: Association) -> bool:
    """Registry numbers cannot change while a verifier reads them or once they were verified."""
    return association.verification_status in (VerificationStatus.REQUESTED, VerificationStatus.VERIFIED)


def editable_association(association_id: int, *, by: User) -> Association:
    """An association this user owns; NotFound otherwise (members and strangers alike)."""
    association = db.session.get(Association, association_id) if 0 < association_id < 2**31 else None
    if association is None or not can_manage_team(by, association):
        raise NotFound(_l("This association does not exist or you do not own it."))
    return association


def _problems(data: ProfileData, association: Association) -> dict[str, object]:
    problems: dict[str, object] = {}
    if len(data.description) > MAX_DESCRIPTION:
        problems["description"] = _l("At most %(n)d characters.", n=MAX_DESCRIPTION)
    if data.website and (problem := website_problem(data.website)):
        problems["website"] = problem
    if len(data.address) > MAX_ADDRESS:
        problems["address"] = _l("At most %(n)d characters.", n=MAX_ADDRESS)
    if problem := postcode_problem(data.postcode):
        problems["postcode"] = problem
    if not data.city or len(data.city) > MAX_CITY:
        problems["city"] = _l("Enter the city (at most %(n)d characters).", n=MAX_CITY)
    if data.contact_email and (
        len(data.contact_email) > 254 or not re.match(_EMAIL_SHAPE, data.contact_email)
    ):
        problems["contact_email"] = _l("Enter a valid email address, like nom@exemple.fr.")
    if data.contact_phone and (problem := phone_problem(data.contact_phone)):
        problems["contact_phone"] = problem
    if data.contact_public and not (data.contact_email or data.contact_phone):
        problems["contact_public"] = _l("Give an email address or a phone number to show.")
    if not registry_locked(association):
        if data.siren and (problem := siren_problem(data.siren)):
            problems["siren"] = problem
        if data.rna and (problem := rna_problem(data.rna)):
            problems["rna"] = problem
    return problems


def update_profile(association: Association, data: ProfileData, *, by: User) -> Association:
    """An owner edits the public profile; every field is checked again here."""
    if not can_manage_team(by, association):
        raise NotAllowed(_l("Only the owners of the association can edit its profile."))
    data = _stripped(data)
    if problems := _problems(data, association):
        raise ProfileInvalid(problems)
    moved = (data.postcode, data.city) != (association.postcode, association.city)
    association.description = data.description
    association.website = data.website or None
    association.address = data.address
    association.postcode, association.city = data.postcode, data.city
    association.contact_email = data.contact_email or None
    association.contact_phone = data.contact_phone or None
    association.contact_public = data.contact_public
    if not registry_locked(association):
        association.siren = clean_siren(data.siren) or None
        association.rna = clean_rna(data.rna) or None
    if moved:
        _locate(association)
    db.session.flush()
    return association


def _locate(association: Association) -> None:
    """New coordinates from the offline reference (none when the place is unknown)."""
    from marketplace.reference.places import place_for

    place = place_for(association.postcode, association.city)
    association.lat, association.lon = (place.lat, place.lon) if place is not None else (None, None)


def _stripped(data: ProfileData) -> ProfileData:
    return ProfileData(
        description=data.description.strip(),
        website=data.website.strip(),
        address=data.address.strip(),
        postcode=data.postcode.strip(),
        city=data.city.strip(),
        contact_email=data.contact_email.strip().lower(),
        contact_phone=data.contact_phone.strip(),
        contact_public=data.contact_public,
        siren=data.siren.strip(),
        rna=data.rna.strip(),
    )


def replace_logo(association: Association, upload: bytes, *, by: User, directory: Path) -> str | None:
    """Check, re-encode and store a new logo; returns the previous file name (to remove after commit)."""
    if not can_manage_team(by, association):
        raise NotAllowed(_l("Only the owners of the association can edit its profile."))
    try:
        encoded = logos.reencode_logo(upload)
    except logos.LogoRejected as rejected:
        raise DomainError(LOGO_MESSAGES[rejected.reason], field="logo") from rejected
    previous = association.logo_name
    name = logos.logo_file_name(association.id, encoded)
    logos.store_logo(directory, name, encoded)
    association.logo_name = name
    db.session.flush()
    return previous if previous != name else None


def remove_logo(association: Association, *, by: User) -> str | None:
    """Drop the logo; returns the file name to remove after commit."""
    if not can_manage_team(by, association):
        raise NotAllowed(_l("Only the owners of the association can edit its profile."))
    previous, association.logo_name = association.logo_name, None
    db.session.flush()
    return previous


def association_with_logo(name: str) -> Association | None:
    """The association whose current logo is this file (an old or made-up name finds none)."""
    if not logos.is_logo_name(name):
        return None
    return db.session.scalar(select(Association).where(Association.logo_name == name))


# --- what a visitor sees --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Contact:
    email: str | None
    phone: str | None
    public: bool  # shown to everyone (the association's choice), or only to this volunteer


def contact_for_engaged(association: Association) -> Contact | None:
    """The contact an engaged volunteer (accepted, now or before) may see, without asking the database."""
    if not (association.contact_email or association.contact_phone):
        return None
    return Contact(association.contact_email, association.contact_phone, public=association.contact_public)


def contact_for(association: Association, viewer: User | None) -> Contact | None:
    """The contact this viewer may see: everyone if public; else its team and its engaged volunteers."""
    if not (association.contact_email or association.contact_phone):
        return None
    if association.contact_public:
        return Contact(association.contact_email, association.contact_phone, public=True)
    if viewer is None or not viewer.is_authenticated:
        return None
    if membership_of(viewer, association) is not None or _engaged_with(viewer, association):
        return Contact(association.contact_email, association.contact_phone, public=False)
    return None


def _engaged_with(user: User, association: Association) -> bool:
    """Accepted by the association for one of its missions (now or in the past)."""
    return (
        db.session.scalar(
            select(Application.id)
            .join(Mission, Mission.id == Application.mission_id)
            .where(
                Application.candidate_id == user.id,
                Mission.association_id == association.id,
                Application.status.in_(ENGAGED_APPLICATION_STATUSES),
            )
            .limit(1)
        )
        is not None
    )


def owned_associations(user: User) -> list[Association]:
    return list(
        db.session.scalars(
            select(Association)
            .join(Membership)
            .where(Membership.user_id == user.id, Membership.role == "owner")
            .order_by(Association.name)
        )
    )
