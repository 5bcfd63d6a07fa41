"""Deterministic demo data: associations, missions, candidates, applications and a network.

``load_demo_data`` builds every object from ``marketplace.demo.content`` with a seeded random
generator, adds them to the session and flushes once; the caller commits. The same ``today``
gives the same data (titles, statuses, dates), whatever the machine.
"""

from __future__ import annotations

import logging
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from flask import current_app
from sqlalchemy import func, select

from marketplace.accounts.models import User
from marketplace.associations.models import Association, Membership, Mission, MissionReview
from marketplace.candidates.models import Application, ApplicationEvent, CandidateProfile, Message
from marketplace.demo import content
from marketplace.demo.content import CITY_BY_NAME, AssociationSeed, MissionTemplate, Neighbourhood
from marketplace.demo.variants import MORE_PARTS
from marketplace.demo.versions import versions
from marketplace.extensions import db
from marketplace.networks.models import Network, NetworkAdmin, NetworkMember
from marketplace.privacy.policy import TERMS_VERSION
from marketplace.reference.vocabularies import (
    ACTIVE_APPLICATION_STATUSES,
    AGE_RANGES,
    APPLICATION_STATUSES,
    DECLINE_REASONS,
    DOMAIN_SLUGS,
    MISSION_KIND_SLUGS,
    MISSION_STATUSES,
    SLOTS,
    age_range_allowed,
)
from marketplace.statuses import ApplicationStatus, MissionStatus, ReviewAction
from marketplace.widgets.models import Widget

logger = logging.getLogger(__name__)

SEED = 2026
EMAIL_DOMAIN = "demo.tremplin.fr"
SHARED_PASSWORD = "tremplin-demo"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    password: str
    role: str
    first_name: str


CANDIDATE_ACCOUNT = DemoAccount("camille@demo.tremplin.fr", "tremplin-candidat", "candidate", "Camille")
ASSOCIATION_ACCOUNT = DemoAccount("asso@demo.tremplin.fr", "tremplin-association", "association", "Nadia")
DEMO_WIDGET_ID = "demo-lyon"
NETWORK_ACCOUNT = DemoAccount("reseau@demo.tremplin.fr", "tremplin-reseau", "network_admin", "Hélène")
ADMIN_ACCOUNT = DemoAccount("admin@demo.tremplin.fr", "tremplin-admin-2026", "site_admin", "Margaux")
DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    CANDIDATE_ACCOUNT,
    ASSOCIATION_ACCOUNT,
    NETWORK_ACCOUNT,
    ADMIN_ACCOUNT,
)

# How many generated candidates fall in each age range (Camille comes on top, in 26-35).
AGE_RANGE_COUNTS: dict[str, int] = {
    "16-17": 10,
    "18-25": 28,
    "26-35": 24,
    "36-50": 25,
    "51-65": 18,
    "66+": 15,
}
# Most candidates live around Lyon, where the demo network and accounts are.
CANDIDATE_CITY_WEIGHTS: dict[str, int] = {
    "Lyon": 30,
    "Villeurbanne": 9,
    "Vénissieux": 4,
    "Paris": 9,
    "Marseille": 5,
    "Lille": 4,
    "Nantes": 4,
    "Bordeaux": 4,
    "Toulouse": 4,
    "Strasbourg": 4,
    "Rennes": 4,
    "Grenoble": 4,
    "Montpellier": 4,
    "Saint-Étienne": 4,
    "Dijon": 3,
}
MISSION_STATUS_WEIGHTS: dict[str, int] = {
    "published": 74,
    "draft": 7,
    "pending_review": 5,
    "closed": 9,
    "cancelled": 5,
}
APPLICATION_STATUS_WEIGHTS: dict[str, int] = {
    "pending": 25,
    "in_review": 14,
    "accepted": 22,
    "declined": 12,
    "withdrawn": 8,
    "completed": 19,
}
# Associations of these cities are accepted members of the Lyon network.
NETWORK_CITIES = ("Lyon", "Villeurbanne")
APPLICATIONS_PER_CANDIDATE: dict[int, int] = {0: 12, 1: 25, 2: 27, 3: 20, 4: 11, 5: 5}
PATHWAY_ASSOCIATIONS = 7
MESSAGE_THREADS = 36

T = TypeVar("T")


@dataclass
class DemoSummary:
    """What a demo load created."""

    users: int
    associations: int
    cities: int
    missions: int
    candidates: int
    applications: int
    messages: int
    networks: int
    mission_reviews: int = 0
    application_events: int = 0
    missions_by_status: dict[str, int] = field(default_factory=dict)
    missions_by_kind: dict[str, int] = field(default_factory=dict)
    applications_by_status: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """Human-readable lines, for the CLI."""

        def detail(counts: dict[str, int]) -> str:
            return ", ".join(f"{name} {count}" for name, count in counts.items())

        return [
            f"users: {self.users}",
            f"associations: {self.associations} in {self.cities} cities",
            f"missions: {self.missions} ({detail(self.missions_by_status)})",
            f"  by kind: {detail(self.missions_by_kind)}",
            f"candidates: {self.candidates}",
            f"applications: {self.applications} ({detail(self.applications_by_status)})",
            f"history: {self.mission_reviews} mission reviews, {self.application_events} application events",
            f"messages: {self.messages}",
            f"networks: {self.networks}",
        ]


def database_is_empty() -> bool:
    """Whether the database holds no user and no association (the demo may be loaded)."""
    users = db.session.scalar(select(func.count()).select_from(User))
    associations = db.session.scalar(select(func.count()).select_from(Association))
    return not users and not associations


def load_demo_data(*, today: date | None = None) -> DemoSummary:
    """Add the demo data set to the session and flush once; the caller commits."""
    builder = _DemoBuilder(today or date.today(), current_app.config.get("GEO_DATA_PATH"))
    with db.session.no_autoflush:
        builder.build()
        db.session.add_all(builder.all_objects())
    db.session.flush()
    return builder.summary()


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


# "de 9 h à 17 h", "à 8 h 45", "minuit" in a template's "En pratique" line; "créneaux de 3 h" and
# "Formation de 2 h" are lengths, not times of day.
_PRACTICAL_LINE = re.compile(r"\*\*En pratique\*\* :([^\n]*)")
_CLOCK_TIME = re.compile(r"(?<!créneaux de )(?<!Formation de )\b(\d{1,2}) h(?: (\d{2}))?|minuit")
MORNING_ENDS, AFTERNOON_STARTS, EVENING_STARTS = 12.0, 13.0, 18.0  # ending at 12 h 30 is a morning
_WEEKDAY_NAMED = re.compile(r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?\b", re.IGNORECASE)


def day_parts_said(body: str) -> list[str]:
    """The parts of the day a one-off mission's text gives by its hours; [] when it gives none.

    Deterministic and drawn from the text, so the data says what volunteers read.
    """
    line = _PRACTICAL_LINE.search(body)
    hours = [
        24.0 if found.group(0) == "minuit" else int(found.group(1)) + int(found.group(2) or 0) / 60
        for found in _CLOCK_TIME.finditer(line.group(1) if line else "")
    ]
    if not hours:
        return []
    start, end = min(hours), max(hours)
    parts = {
        "morning": start < MORNING_ENDS,
        "afternoon": start < EVENING_STARTS and end > AFTERNOON_STARTS,
        "evening": end > EVENING_STARTS,
    }
    return [part for part, said in parts.items() if said]


def _slug(text: str) -> str:
    """'Marie-Hélène Da Silva' -> 'marie-helene-da-silva' (for e-mail local parts)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _weighted(rng: random.Random, weights: dict[T, int]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


class _Locator:
    """Coordinates from the geographic reference, or None when it has no answer."""

    def __init__(self, path: str | None) -> None:
        self._index = None
        self._cache: dict[tuple[str, str], tuple[float, float] | None] = {}
        try:
            from marketplace.reference.geo import get_geo_index

            self._index = get_geo_index(path)
        except (ImportError, OSError, ValueError) as error:
            # Demo data stays usable without `make geo`: every lookup falls back to city centres.
            logger.warning("Demo data without geographic reference (%s): using city centres.", error)

    def coords(self, postcode: str, city: str) -> tuple[float, float] | None:
        key = (postcode, city)
        if key not in self._cache:
            place = self._index.place_for(postcode, city) if self._index is not None else None
            self._cache[key] = (place.lat, place.lon) if place is not None else None
        return self._cache[key]


@dataclass
class _Placed:
    """A mission template placed in one association and one neighbourhood, before and after build."""

    seed: AssociationSeed
    template: MissionTemplate
    domain: str
    hood: Neighbourhood
    title: str = ""
    status: str = MissionStatus.PUBLISHED
    mission: Mission | None = None

    @property
    def city(self) -> str:
        return self.seed.city


@dataclass
class _Candidate:
    user: User
    profile: CandidateProfile


# --------------------------------------------------------------------------------------------
# Builder
# --------------------------------------------------------------------------------------------


class _DemoBuilder:
    """Builds every demo object in memory; nothing touches the database until the single flush.

    The steps run in a fixed order and all draw from one seeded generator: reordering them
    changes the data (still valid, but different), so keep `build` as it is unless you mean to.
    """

    def __init__(self, today: date, geo_path: str | None) -> None:
        self.rng = random.Random(SEED)
        self.today = today
        self.now = _at(today, 12)
        self.locator = _Locator(geo_path)
        self.shared_hash = self._hash(SHARED_PASSWORD)
        self.users: list[User] = []
        self.emails: set[str] = set()
        self.names_used: set[tuple[str, str]] = set()
        self.associations: dict[str, Association] = {}
        self.owners: dict[str, User] = {}
        self.memberships: list[Membership] = []
        self.placed: list[_Placed] = []
        self.candidates: list[_Candidate] = []
        self.camille: _Candidate | None = None
        self.applications: list[Application] = []
        self.applied: set[tuple[int, int]] = set()  # (id(user), id(mission))
        self.messages: list[Message] = []
        self.reviews: list[MissionReview] = []
        self.events: list[ApplicationEvent] = []
        self.network_objects: list[object] = []
        self.pathway_keys: list[str] = []
        self.reachable: dict[int, list[_Placed]] = {}  # id(_Candidate) -> missions near them
        self.admin: User | None = None
        self.network_admin: User | None = None
        self.association_user: User | None = None

    # ---------------------------------------------------------------- orchestration
    def build(self) -> None:
        self._build_fixed_staff()
        self._build_associations()
        self._plan_missions()
        self._assign_statuses()
        self._build_missions()
        self._build_mission_history()
        self._build_candidates()
        self._build_pathways()
        self._build_camille_history()
        self._build_waiting_applications()
        self._build_random_applications()
        self._build_messages()
        self._build_network()

    def all_objects(self) -> list[object]:
        missions = [p.mission for p in self.placed]
        profiles = [c.profile for c in self.candidates]
        return [
            *self.users,
            *self.associations.values(),
            *self.memberships,
            *missions,
            *profiles,
            *self.reviews,
            *self.applications,
            *self.events,
            *self.messages,
            *self.network_objects,
        ]

    def summary(self) -> DemoSummary:
        missions = [p.mission for p in self.placed]
        mission_status = Counter(m.status for m in missions)
        kinds = Counter(m.kind for m in missions)
        app_status = Counter(a.status for a in self.applications)
        return DemoSummary(
            users=len(self.users),
            associations=len(self.associations),
            cities=len({a.city for a in self.associations.values()}),
            missions=len(missions),
            candidates=len(self.candidates),
            applications=len(self.applications),
            messages=len(self.messages),
            networks=sum(isinstance(o, Network) for o in self.network_objects),
            mission_reviews=len(self.reviews),
            application_events=len(self.events),
            missions_by_status={s: mission_status[s] for s in MISSION_STATUSES},
            missions_by_kind={k: kinds[k] for k in MISSION_KIND_SLUGS},
            applications_by_status={s: app_status[s] for s in APPLICATION_STATUSES},
        )

    # ---------------------------------------------------------------- users
    @staticmethod
    def _hash(password: str) -> str:
        # Hashing is deliberately slow (scrypt): once per distinct password, then copied.
        user = User()
        user.set_password(password)
        return user.password_hash

    def _ago(self, low_days: int, high_days: int) -> datetime:
        return self.now - timedelta(
            days=self.rng.randint(low_days, high_days), minutes=self.rng.randint(0, 600)
        )

    def _new_user(self, email: str, role: str, first_name: str, password_hash: str) -> User:
        created = self._ago(30, 700)
        user = User(
            email=email,
            password_hash=password_hash,
            role=role,
            first_name=first_name,
            locale="fr",
            session_version=1,
            is_active_account=True,
            created_at=created,
            updated_at=created,
            # Demo people confirmed their address and accepted the terms when they signed up.
            email_verified_at=created,
            terms_version=TERMS_VERSION,
            terms_accepted_at=created,
        )
        self.users.append(user)
        self.emails.add(email)
        return user

    def _fixed_user(self, account: DemoAccount) -> User:
        return self._new_user(account.email, account.role, account.first_name, self._hash(account.password))

    def _generated_user(self, role: str, generations: Sequence[str], gender: str = "") -> User:
        gender = gender or self.rng.choice("fm")
        first_names = [name for g in generations for name in content.FIRST_NAMES[(g, gender)]]
        while True:
            first = self.rng.choice(first_names)
            last = self.rng.choice(content.SURNAMES)
            if (first, last) not in self.names_used:
                break
        self.names_used.add((first, last))
        base = f"{_slug(first)}.{_slug(last)}"
        email, number = f"{base}@{EMAIL_DOMAIN}", 2
        while email in self.emails:
            email, number = f"{base}{number}@{EMAIL_DOMAIN}", number + 1
        return self._new_user(email, role, first, self.shared_hash)

    def _build_fixed_staff(self) -> None:
        self.admin = self._fixed_user(ADMIN_ACCOUNT)
        self.network_admin = self._fixed_user(NETWORK_ACCOUNT)
        self.association_user = self._fixed_user(ASSOCIATION_ACCOUNT)

    # ---------------------------------------------------------------- associations
    def _city_coords(self, city_name: str) -> tuple[float, float]:
        city = CITY_BY_NAME[city_name]
        return city.lat, city.lon

    def _build_associations(self) -> None:
        for seed in content.ASSOCIATIONS:
            lat, lon = self.locator.coords(seed.postcode, seed.city) or self._city_coords(seed.city)
            created = self._ago(200, 1500)
            association = Association(
                name=seed.name,
                slug=seed.key,
                description=seed.description,
                city=seed.city,
                postcode=seed.postcode,
                lat=lat,
                lon=lon,
                website=seed.website,
                siren=seed.siren,
                rna=seed.rna,
                verified=seed.verified,
                created_at=created,
                updated_at=created,
            )
            self.associations[seed.key] = association
            if seed.key == content.DEMO_ASSOCIATION_KEY:
                owner = self.association_user
            else:
                owner = self._generated_user("association", content.STAFF_GENERATIONS)
            self.owners[seed.key] = owner
            self.memberships.append(Membership(user=owner, association=association, role="owner"))
            if self.rng.random() < 0.3 or seed.key == content.DEMO_ASSOCIATION_KEY:
                member = self._generated_user("association", content.STAFF_GENERATIONS)
                self.memberships.append(Membership(user=member, association=association, role="member"))

    # ---------------------------------------------------------------- missions
    def _templates_for(self, seed: AssociationSeed) -> list[tuple[MissionTemplate, str]]:
        by_domain: dict[str | None, list[MissionTemplate]] = {}
        for template in content.MISSION_TEMPLATES:
            by_domain.setdefault(template.domain, []).append(template)
        primary, *secondary = seed.domains
        chosen: list[tuple[MissionTemplate, str]] = []
        main = by_domain[primary]
        dropped = 0 if seed.key == content.DEMO_ASSOCIATION_KEY else self.rng.randint(0, 2)
        chosen += [(t, primary) for t in self._sample_in_order(main, len(main) - dropped)]
        for domain in secondary:
            chosen += [(t, domain) for t in self._sample_in_order(by_domain[domain], self.rng.randint(2, 3))]
        chosen += [(t, primary) for t in self._sample_in_order(by_domain[None], self.rng.randint(1, 2))]
        return chosen

    def _sample_in_order(self, items: Sequence[T], count: int) -> list[T]:
        picked = sorted(self.rng.sample(range(len(items)), min(count, len(items))))
        return [items[i] for i in picked]

    def _plan_missions(self) -> None:
        taken: set[tuple[str, str]] = set()  # (title, neighbourhood): one mission each
        # Each association publishing a kind of mission writes its own version of it; when every
        # version is taken, the next association does without (never a copy of another's text).
        all_versions = {
            template.title: versions(template, MORE_PARTS.get(template.title))
            for template in content.MISSION_TEMPLATES
        }
        published_by: Counter[str] = Counter()
        for seed in content.ASSOCIATIONS:
            city = CITY_BY_NAME[seed.city]
            home = city.neighbourhood(seed.quartier)
            others = [n for n in city.neighbourhoods if n != home]
            for family, domain in self._templates_for(seed):
                options = all_versions[family.title]
                if published_by[family.title] >= len(options):
                    continue
                template = options[published_by[family.title]]
                preferred = [home, *self.rng.sample(others, len(others))]
                if self.rng.random() < 0.35:
                    preferred = [*preferred[1:], home]
                hood = next((n for n in preferred if (template.title, n.name) not in taken), None)
                if hood is None:
                    continue
                published_by[family.title] += 1
                taken.add((template.title, hood.name))
                self.placed.append(_Placed(seed, template, domain, hood))
        uses = Counter(p.template.title for p in self.placed)
        for placed in self.placed:
            title = placed.template.title
            placed.title = title if uses[title] == 1 else f"{title} — {placed.hood.name}"

    def _assign_statuses(self) -> None:
        for placed in self.placed:
            placed.status = _weighted(self.rng, MISSION_STATUS_WEIGHTS)
        locked: set[int] = set()  # ids of _Placed whose status must not change any more

        def force(placed: _Placed, status: str) -> None:
            placed.status = status
            locked.add(id(placed))

        # Verified associations publish without review (as the mission services do).
        for placed in self.placed:
            if placed.seed.verified and placed.status == MissionStatus.PENDING_REVIEW:
                placed.status = MissionStatus.DRAFT
        # The demo association (verified) has one draft; its other missions take applications.
        demo = [p for p in self.placed if p.seed.key == content.DEMO_ASSOCIATION_KEY]
        for index, placed in enumerate(demo):
            force(placed, MissionStatus.DRAFT if index == 1 else MissionStatus.PUBLISHED)
        # The Lyon network admin has missions to moderate.
        lyon_unverified = [
            seed.key
            for seed in content.ASSOCIATIONS
            if seed.city in NETWORK_CITIES and not seed.verified and seed.key != content.NETWORK_REQUESTED_KEY
        ]
        for key in lyon_unverified[:3]:
            force([p for p in self.placed if p.seed.key == key][-1], MissionStatus.PENDING_REVIEW)
        # Camille's past mission: a one-off of her garden association, now over.
        camille_past = next(
            p
            for p in self.placed
            if p.seed.key == content.CAMILLE_PAST_ASSOCIATION_KEY and p.template.kind == "ponctual"
        )
        force(camille_past, MissionStatus.CLOSED)
        # Pathway associations: two one-off missions in the past, one recurring mission open.
        eligible = [
            seed.key
            for seed in content.ASSOCIATIONS
            if seed.key != content.DEMO_ASSOCIATION_KEY and self._pathway_ready(seed.key)
        ]
        for key in self._sample_in_order(eligible, PATHWAY_ASSOCIATIONS):
            own = [p for p in self.placed if p.seed.key == key]
            for placed in [p for p in own if p.template.schedule == "one_off"][:2]:
                force(placed, MissionStatus.CLOSED)
            recurring = next(
                p for p in own if p.template.schedule == "recurring" and p.template.kind == "support"
            )
            force(recurring, MissionStatus.PUBLISHED)
            self.pathway_keys.append(key)
        # Every kind of every domain must be findable among published missions.
        for domain in DOMAIN_SLUGS:
            for kind in MISSION_KIND_SLUGS:
                group = [p for p in self.placed if p.domain == domain and p.template.kind == kind]
                if group and not any(p.status == MissionStatus.PUBLISHED for p in group):
                    candidate = next((p for p in group if id(p) not in locked), group[0])
                    candidate.status = MissionStatus.PUBLISHED

    def _pathway_ready(self, key: str) -> bool:
        own = [p for p in self.placed if p.seed.key == key]
        one_offs = sum(p.template.schedule == "one_off" for p in own)
        recurring = any(p.template.schedule == "recurring" and p.template.kind == "support" for p in own)
        return one_offs >= 2 and recurring

    def _build_missions(self) -> None:
        for placed in self.placed:
            placed.mission = self._mission(placed)

    def _mission(self, placed: _Placed) -> Mission:
        template, seed, rng = placed.template, placed.seed, self.rng
        association = self.associations[seed.key]
        remote = template.remote_possible and rng.random() < (0.55 if template.kind == "support" else 0.25)
        if remote:
            lat = lon = None
        else:
            coords = self.locator.coords(placed.hood.postcode, seed.city)
            lat, lon = coords or (association.lat, association.lon)
        mission = Mission(
            association=association,
            title=placed.title,
            description=self._description(placed, remote),
            kind=template.kind,
            domain=placed.domain,
            skills=list(template.skills),
            city=seed.city,
            postcode=placed.hood.postcode,
            address=seed.address if placed.hood.name == seed.quartier and not remote else "",
            lat=lat,
            lon=lon,
            remote=remote,
            schedule=template.schedule,
            min_age=template.min_age,
            max_age=template.max_age,
            capacity=rng.randint(*template.capacity),
            seats_taken=0,
            motivation_required=template.motivation_required,
            external_id=None,
            status=placed.status,
        )
        if template.schedule == "one_off":
            self._schedule_one_off(mission, template)
        else:
            self._schedule_recurring(mission, template)
        self._stamp(mission)
        return mission

    @staticmethod
    def _description(placed: _Placed, remote: bool) -> str:
        """The template's text for this place, ending with where the mission happens."""
        hood, city = placed.hood, placed.seed.city
        body = placed.template.body.format(ville=city, lieu=hood.where)
        if remote:
            where = f"à distance, avec quelques réunions {hood.where} ({city})"
        else:
            where = f"{hood.name}, {hood.postcode} {city}"
        return f"{body}\n- **Où** : {where}."

    def _schedule_one_off(self, mission: Mission, template: MissionTemplate) -> None:
        if mission.status == MissionStatus.CLOSED:
            start = self.today - timedelta(days=self.rng.randint(12, 150))
        else:
            start = self.today + timedelta(days=self.rng.randint(4, 80))
        if template.weekday is not None:
            # "un samedi", "un dimanche"...: the date must match what the text says.
            start += timedelta(days=(template.weekday - start.weekday()) % 7)
        mission.start_date = start
        mission.end_date = start + timedelta(days=template.days - 1)
        mission.slots = []
        mission.day_parts = day_parts_said(template.body)
        mission.hours_per_week = None

    def _schedule_recurring(self, mission: Mission, template: MissionTemplate) -> None:
        rng = self.rng
        slots = list(template.slots)
        # A text that names its days ("le mardi soir") keeps exactly them; others may gain one.
        if rng.random() < 0.3 and not _WEEKDAY_NAMED.search(template.body):
            extra = rng.choice(SLOTS)
            if extra not in slots:
                slots.append(extra)
        mission.slots = [slot for slot in SLOTS if slot in slots]  # in week order
        mission.hours_per_week = float(min(6.0, max(1.0, template.hours_per_week or 2.0)))
        if mission.status == MissionStatus.CLOSED:
            mission.start_date = self.today - timedelta(days=rng.randint(200, 320))
            mission.end_date = self.today - timedelta(days=rng.randint(10, 60))
        else:
            roll = rng.random()
            if roll < 0.4:
                mission.start_date = None  # ongoing, join any week
            elif roll < 0.7:
                mission.start_date = self.today - timedelta(days=rng.randint(7, 120))
            else:
                mission.start_date = self.today + timedelta(days=rng.randint(5, 45))
            mission.end_date = None

    def _stamp(self, mission: Mission) -> None:
        """Creation and publication times consistent with the status and dates."""
        rng = self.rng
        if mission.status in (MissionStatus.DRAFT, MissionStatus.PENDING_REVIEW):
            created = self._ago(1, 20)
            mission.published_at = None
        else:
            if mission.start_date is not None:
                latest = min(
                    self.now - timedelta(days=1),
                    _at(mission.start_date, 9) - timedelta(days=rng.randint(5, 30)),
                )
                published = latest - timedelta(days=rng.randint(0, 40), minutes=rng.randint(0, 480))
            else:
                # An ongoing recurring mission may have been open for months.
                published = self.now - timedelta(days=rng.randint(3, 300), minutes=rng.randint(0, 480))
            mission.published_at = published
            created = published - timedelta(days=rng.randint(0, 5), minutes=rng.randint(5, 300))
        mission.created_at = created
        mission.updated_at = mission.published_at or created

    def _moderator_of(self, seed: AssociationSeed) -> User:
        """Who reviews this association's missions: its network's admin, else the site admin."""
        member = seed.city in NETWORK_CITIES and seed.key != content.NETWORK_REQUESTED_KEY
        return self.network_admin if member else self.admin

    def _review(self, mission: Mission, action: str, by: User, at: datetime, comment: str = "") -> None:
        self.reviews.append(
            MissionReview(mission=mission, actor=by, action=action, comment=comment, created_at=at)
        )

    def _build_mission_history(self) -> None:
        """Submissions, moderation decisions, closures and cancellations, as the services record them."""
        rng = self.rng
        for placed in self.placed:
            mission, seed = placed.mission, placed.seed
            owner, moderator = self.owners[seed.key], self._moderator_of(seed)
            created, published = mission.created_at, mission.published_at
            if mission.status == MissionStatus.PENDING_REVIEW:
                self._review(
                    mission, ReviewAction.SUBMITTED, owner, created + timedelta(minutes=rng.randint(5, 90))
                )
                continue
            if mission.status == MissionStatus.DRAFT:
                if not seed.verified and rng.random() < 0.5:
                    submitted = created + timedelta(minutes=rng.randint(5, 60))
                    returned = self._between(submitted + timedelta(hours=2), self.now - timedelta(hours=1))
                    self._review(mission, ReviewAction.SUBMITTED, owner, submitted)
                    self._review(
                        mission, "returned", moderator, returned, rng.choice(content.RETURN_COMMENTS)
                    )
                    mission.updated_at = returned
                continue
            if seed.verified:
                self._review(mission, ReviewAction.AUTO_PUBLISHED, owner, published)
            else:
                self._review(mission, ReviewAction.SUBMITTED, owner, created + (published - created) / 3)
                self._review(mission, ReviewAction.PUBLISHED, moderator, published)
            if mission.status == MissionStatus.CLOSED:
                if mission.schedule == "one_off":
                    closed = _at(mission.end_date + timedelta(days=1), 9)
                else:
                    closed = _at(mission.end_date, 18)
                self._review(mission, ReviewAction.CLOSED, owner, closed)
                mission.updated_at = closed
            elif mission.status == MissionStatus.CANCELLED:
                cancelled = self._between(published + timedelta(days=1), self.now - timedelta(hours=1))
                self._review(
                    mission, ReviewAction.CANCELLED, owner, cancelled, rng.choice(content.CANCEL_REASONS)
                )
                mission.updated_at = cancelled

    # ---------------------------------------------------------------- candidates
    def _build_candidates(self) -> None:
        self.camille = self._camille()
        ranges = [r for r in AGE_RANGES for _ in range(AGE_RANGE_COUNTS[r])]
        self.rng.shuffle(ranges)
        for age_range in ranges:
            self.candidates.append(self._candidate(age_range))

    def _camille(self) -> _Candidate:
        user = self._fixed_user(CANDIDATE_ACCOUNT)
        lat, lon = self.locator.coords("69007", "Lyon") or self._city_coords("Lyon")
        profile = CandidateProfile(
            user=user,
            age_range="26-35",
            postcode="69007",
            city="Lyon",
            lat=lat,
            lon=lon,
            radius_km=10,
            remote_ok=False,
            slots=["wed_evening", "sat_morning", "sat_afternoon"],
            flexible=False,
            domains=["environnement", "aide-alimentaire", "solidarite-insertion"],
            skills=["jardinage", "organisation", "accueil", "permis B"],
            wanted_kinds=["ponctual", "support"],
            about=(
                "Chargée de projet dans un bureau d'études, je suis libre le samedi et certains soirs. "
                "Après une première journée avec les Jardiniers des Pentes, j'ai envie de m'engager "
                "plus régulièrement près de chez moi, à la Guillotière."
            ),
            visible_to_associations=True,
            created_at=user.created_at,
            updated_at=user.created_at,
        )
        candidate = _Candidate(user, profile)
        self.candidates.append(candidate)
        return candidate

    def _candidate(self, age_range: str) -> _Candidate:
        rng = self.rng
        persona = rng.choice([p for p in content.PERSONAS if age_range in p.age_ranges])
        user = self._generated_user("candidate", content.NAME_GENERATIONS[age_range], persona.gender)
        city = CITY_BY_NAME[_weighted(rng, CANDIDATE_CITY_WEIGHTS)]
        hood = rng.choice(city.neighbourhoods)
        domains = list(persona.domains)
        if not domains or rng.random() < 0.4:
            extra = rng.choice(DOMAIN_SLUGS)
            if extra not in domains:
                domains.append(extra)
        note, note_skills = rng.choice(content.PRACTICAL_NOTES)
        if age_range == "16-17" and "permis B" in note_skills:
            note, note_skills = "", ()
        motivation = rng.choice(content.DOMAIN_MOTIVATIONS[domains[0]])
        home = f"J'habite {hood.where}." if rng.random() < 0.6 else ""
        about = " ".join(part for part in (persona.about, home, motivation, note) if part)
        slots = set(persona.slots)
        if rng.random() < 0.35:
            slots.add(rng.choice(SLOTS))
        skills = list(dict.fromkeys([*persona.skills, *note_skills]))
        lat, lon = self.locator.coords(hood.postcode, city.name) or self._city_coords(city.name)
        profile = CandidateProfile(
            user=user,
            age_range=age_range,
            postcode=hood.postcode,
            city=city.name,
            lat=lat,
            lon=lon,
            radius_km=rng.choice((5, 10, 10, 15, 15, 20, 30, 50)),
            remote_ok=persona.remote_ok or rng.random() < 0.15,
            slots=[slot for slot in SLOTS if slot in slots],
            flexible=persona.flexible or rng.random() < 0.1,
            domains=domains,
            skills=skills,
            wanted_kinds=list(persona.kinds),
            about=about,
            visible_to_associations=rng.random() < 0.6,
            created_at=user.created_at,
            updated_at=user.created_at,
        )
        return _Candidate(user, profile)

    # ---------------------------------------------------------------- applications
    def _can_apply(self, candidate: _Candidate, placed: _Placed) -> bool:
        mission = placed.mission
        if (id(candidate.user), id(mission)) in self.applied:
            return False
        if not age_range_allowed(candidate.profile.age_range, mission.min_age, mission.max_age):
            return False
        return placed.city == candidate.profile.city or (mission.remote and candidate.profile.remote_ok)

    def _fits(self, placed: _Placed, status: str) -> bool:
        """Whether an application in `status` makes sense on this mission."""
        mission = placed.mission
        if status == ApplicationStatus.COMPLETED:
            if mission.status == MissionStatus.CLOSED:
                return True
            # Someone finished a recurring mission that has been running for a while.
            open_since = mission.published_at or self.now
            started = mission.start_date is None or mission.start_date < self.today - timedelta(days=30)
            long_open = open_since < self.now - timedelta(days=60)
            return (
                mission.status == MissionStatus.PUBLISHED
                and mission.schedule == "recurring"
                and long_open
                and started
            )
        if status == ApplicationStatus.ACCEPTED:
            return mission.status == MissionStatus.PUBLISHED and mission.seats_taken < mission.capacity
        if status == ApplicationStatus.DECLINED:
            return mission.status in (MissionStatus.PUBLISHED, MissionStatus.CLOSED, MissionStatus.CANCELLED)
        return mission.status == MissionStatus.PUBLISHED

    def _reachable(self, candidate: _Candidate) -> list[_Placed]:
        """Missions in the candidate's city, or remote ones if they accept remote work (cached)."""
        key = id(candidate)
        if key not in self.reachable:
            profile = candidate.profile
            self.reachable[key] = [
                p for p in self.placed if p.city == profile.city or (p.mission.remote and profile.remote_ok)
            ]
        return self.reachable[key]

    def _pick(
        self, candidate: _Candidate, status: str, among: Iterable[_Placed] | None = None
    ) -> _Placed | None:
        """A mission this candidate may apply to in `status`, preferring their domains and kinds."""
        options = self._reachable(candidate) if among is None else among
        pool = [p for p in options if self._fits(p, status) and self._can_apply(candidate, p)]
        if not pool:
            return None
        domains, kinds = candidate.profile.domains, candidate.profile.wanted_kinds
        weights = [1 + 3 * (p.domain in domains) + 2 * (p.template.kind in kinds) for p in pool]
        return self.rng.choices(pool, weights=weights)[0]

    def _apply(
        self, candidate: _Candidate, placed: _Placed, status: str, created: datetime | None = None
    ) -> Application:
        rng, mission = self.rng, placed.mission
        motivation = rng.choice(content.APPLICATION_MOTIVATIONS)
        if mission.motivation_required and not motivation:
            motivation = content.APPLICATION_MOTIVATIONS[0]
        application = Application(
            mission=mission,
            candidate=candidate.user,
            status=status,
            motivation=motivation,
        )
        if created is None:
            created = self._application_time(mission, status)
        application.created_at = created
        if status in (ApplicationStatus.ACCEPTED, ApplicationStatus.DECLINED, ApplicationStatus.COMPLETED):
            decided = created + timedelta(days=rng.randint(1, 4), hours=rng.randint(0, 8))
            application.decided_at = min(decided, max(created + timedelta(hours=1), self._deadline(mission)))
        if status == ApplicationStatus.DECLINED:
            reason = rng.choice(DECLINE_REASONS)
            if mission.status == MissionStatus.CANCELLED:
                reason = "no_longer_available"
            elif mission.seats_taken >= mission.capacity:
                reason = "mission_full"
            application.decline_reason = reason
        elif status == ApplicationStatus.WITHDRAWN:
            application.withdrawn_at = min(created + timedelta(days=rng.randint(1, 6)), self.now)
        elif status == ApplicationStatus.ACCEPTED:
            mission.seats_taken += 1
        elif status == ApplicationStatus.COMPLETED:
            self._complete(application, mission)
        moments = (created, application.decided_at, application.withdrawn_at, application.completed_at)
        application.updated_at = max(moment for moment in moments if moment)
        self._record_history(application, candidate.user, self.owners[placed.seed.key])
        self.applications.append(application)
        self.applied.add((id(candidate.user), id(mission)))
        return application

    def _deadline(self, mission: Mission) -> datetime:
        """Latest moment to apply or decide: now, or before a finished mission started."""
        if mission.status == MissionStatus.CLOSED and mission.start_date is not None:
            return min(self.now - timedelta(hours=1), _at(mission.start_date, 8))
        return self.now - timedelta(hours=1)

    def _between(self, earliest: datetime, latest: datetime) -> datetime:
        if latest <= earliest:
            return latest
        minutes = int((latest - earliest).total_seconds() // 60)
        return earliest + timedelta(minutes=self.rng.randint(0, minutes))

    def _application_time(self, mission: Mission, status: str) -> datetime:
        published = mission.published_at or self.now - timedelta(days=30)
        if status == ApplicationStatus.COMPLETED and mission.status == MissionStatus.PUBLISHED:
            return self._between(published + timedelta(days=1), self.now - timedelta(days=45))
        earliest = published + timedelta(hours=2)
        latest = self._deadline(mission) - timedelta(days=1 if mission.status == MissionStatus.CLOSED else 0)
        if status == ApplicationStatus.PENDING:
            earliest = max(earliest, self.now - timedelta(days=10))
        return self._between(earliest, latest)

    def _complete(self, application: Application, mission: Mission) -> None:
        rng = self.rng
        if mission.schedule == "one_off":
            days = (mission.end_date - mission.start_date).days + 1
            application.completed_at = _at(mission.end_date + timedelta(days=1), 10)
            application.hours_done = float(days * rng.choice((3, 3.5, 4, 5, 6)))
            return
        if mission.status == MissionStatus.CLOSED:
            completed = _at(mission.end_date, 18)
        else:
            completed = self._between(
                application.created_at + timedelta(days=28), self.now - timedelta(days=1)
            )
        weeks = max(1, (completed - application.created_at).days // 7)
        application.completed_at = completed
        application.hours_done = float(round((mission.hours_per_week or 2) * min(weeks, 30)))

    def _build_pathways(self) -> None:
        """Two completed one-off missions with one association, then an accepted recurring one."""
        adults = [c for c in self.candidates[1:] if c.profile.age_range != "16-17"]
        taken: set[int] = set()
        for key in self.pathway_keys:
            own = [p for p in self.placed if p.seed.key == key]
            past = sorted(
                (p for p in own if p.status == MissionStatus.CLOSED and p.template.schedule == "one_off"),
                key=lambda p: p.mission.start_date,
            )[:2]
            recurring = [
                p for p in own if p.status == MissionStatus.PUBLISHED and p.template.schedule == "recurring"
            ]
            for candidate in [c for c in adults if c.profile.city == own[0].city and id(c) not in taken]:
                if all(self._can_apply(candidate, p) for p in past) and any(
                    self._fits(p, ApplicationStatus.ACCEPTED) and self._can_apply(candidate, p)
                    for p in recurring
                ):
                    break
            else:
                continue
            taken.add(id(candidate))
            finished = [self._apply(candidate, p, ApplicationStatus.COMPLETED) for p in past]
            target = next(
                p
                for p in recurring
                if self._fits(p, ApplicationStatus.ACCEPTED) and self._can_apply(candidate, p)
            )
            # They sign up for the recurring mission once it is open and after their second day out.
            created = max(
                finished[-1].completed_at + timedelta(days=self.rng.randint(1, 6)),
                target.mission.published_at + timedelta(hours=self.rng.randint(3, 30)),
            )
            created = min(created, self.now - timedelta(days=1))
            self._apply(candidate, target, ApplicationStatus.ACCEPTED, created=created)
            candidate.profile.wanted_kinds = list(dict.fromkeys([*candidate.profile.wanted_kinds, "support"]))

    def _build_camille_history(self) -> None:
        camille = self.camille
        past = next(
            p
            for p in self.placed
            if p.seed.key == content.CAMILLE_PAST_ASSOCIATION_KEY
            and p.status == MissionStatus.CLOSED
            and p.template.schedule == "one_off"
            and self._can_apply(camille, p)
        )
        self._apply(camille, past, ApplicationStatus.COMPLETED)
        upcoming = next(
            p
            for p in self.placed
            if p.seed.key == content.DEMO_ASSOCIATION_KEY
            and p.status == MissionStatus.PUBLISHED
            and p.template.kind == "ponctual"
            and self._can_apply(camille, p)
        )
        self._apply(
            camille, upcoming, ApplicationStatus.PENDING, created=self.now - timedelta(days=2, hours=3)
        )

    def _build_waiting_applications(self) -> None:
        """Applications the demo association has to answer."""
        demo_key = content.DEMO_ASSOCIATION_KEY
        own = [p for p in self.placed if p.seed.key == demo_key and p.status == MissionStatus.PUBLISHED]
        nearby = [c for c in self.candidates[1:] if c.profile.city in ("Lyon", "Villeurbanne", "Vénissieux")]
        wanted = (
            [ApplicationStatus.PENDING] * 7
            + [ApplicationStatus.IN_REVIEW] * 3
            + [ApplicationStatus.ACCEPTED] * 3
            + [ApplicationStatus.DECLINED, ApplicationStatus.WITHDRAWN]
        )
        for status in wanted:
            for candidate in self.rng.sample(nearby, len(nearby)):
                placed = self._pick(candidate, status, own)
                if placed is not None:
                    self._apply(candidate, placed, status)
                    break

    def _build_random_applications(self) -> None:
        for candidate in self.candidates[1:]:
            for _ in range(_weighted(self.rng, APPLICATIONS_PER_CANDIDATE)):
                status = _weighted(self.rng, APPLICATION_STATUS_WEIGHTS)
                placed = self._pick(candidate, status)
                if placed is None and status == ApplicationStatus.ACCEPTED:
                    status = ApplicationStatus.PENDING
                    placed = self._pick(candidate, status)
                if placed is not None:
                    self._apply(candidate, placed, status)

    def _record_history(self, application: Application, candidate: User, staff: User) -> None:
        """The status changes that led to this application's status, as the services record them."""
        status, created = application.status, application.created_at
        steps: list[tuple[str, User, datetime, str]] = [(ApplicationStatus.PENDING, candidate, created, "")]
        ended = application.decided_at or application.withdrawn_at or self.now - timedelta(minutes=30)
        if status == ApplicationStatus.IN_REVIEW or (
            status != ApplicationStatus.PENDING and self.rng.random() < 0.4
        ):
            reviewed = self._between(created + timedelta(minutes=20), ended - timedelta(minutes=20))
            steps.append(
                (ApplicationStatus.IN_REVIEW, staff, max(reviewed, created + timedelta(minutes=1)), "")
            )
        if status in (ApplicationStatus.ACCEPTED, ApplicationStatus.COMPLETED):
            steps.append((ApplicationStatus.ACCEPTED, staff, application.decided_at, ""))
        elif status == ApplicationStatus.DECLINED:
            steps.append((ApplicationStatus.DECLINED, staff, application.decided_at, ""))
        elif status == ApplicationStatus.WITHDRAWN:
            steps.append((ApplicationStatus.WITHDRAWN, candidate, application.withdrawn_at, ""))
        if status == ApplicationStatus.COMPLETED:
            steps.append(
                (
                    ApplicationStatus.COMPLETED,
                    staff,
                    application.completed_at,
                    f"{application.hours_done:g} h",
                )
            )
        previous = None
        for to_status, actor, at, note in steps:
            self.events.append(
                ApplicationEvent(
                    application=application,
                    actor=actor,
                    from_status=previous,
                    to_status=to_status,
                    note=note,
                    created_at=at,
                )
            )
            previous = to_status

    # ---------------------------------------------------------------- messages
    def _message(self, application: Application, author: User, body: str, at: datetime, read: bool) -> None:
        read_at = min(at + timedelta(hours=self.rng.randint(1, 20)), self.now) if read else None
        self.messages.append(
            Message(application=application, author=author, body=body, created_at=at, read_at=read_at)
        )

    def _owner_of(self, application: Application) -> User:
        return self.owners[application.mission.association.slug]

    def _build_messages(self) -> None:
        rng = self.rng
        active = [a for a in self.applications if a.status in ACTIVE_APPLICATION_STATUSES]
        demo_slug = content.DEMO_ASSOCIATION_KEY
        demo_first = [a for a in active if a.mission.association.slug == demo_slug]
        others = [a for a in active if a.mission.association.slug != demo_slug]
        threads = demo_first[:5] + rng.sample(others, min(len(others), MESSAGE_THREADS - 5))
        for application in threads:
            exchanges = content.MESSAGE_EXCHANGES
            if application.status == ApplicationStatus.ACCEPTED:
                exchanges += content.ACCEPTED_EXCHANGES
            question, answer = rng.choice(exchanges)
            asked = application.created_at + timedelta(hours=rng.randint(1, 30))
            asked = min(asked, self.now - timedelta(hours=3))
            self._message(application, application.candidate, question, asked, read=True)
            if application.status != ApplicationStatus.PENDING or rng.random() < 0.5:
                reply = answer.format(prenom=application.candidate.first_name)
                answered = min(asked + timedelta(hours=rng.randint(2, 40)), self.now - timedelta(minutes=10))
                self._message(
                    application, self._owner_of(application), reply, answered, read=rng.random() < 0.7
                )
        for application in [a for a in self.applications if a.status == ApplicationStatus.DECLINED]:
            if rng.random() < 0.5:
                note = content.DECLINE_NOTES[application.decline_reason]
                owner = self._owner_of(application)
                self._message(application, owner, note, application.decided_at, read=False)

    # ---------------------------------------------------------------- network
    def _build_network(self) -> None:
        network = Network(
            name=content.NETWORK_NAME,
            slug="maison-des-associations-de-lyon",
            description=content.NETWORK_DESCRIPTION,
            territory_postcodes=[],
            territory_departements=["69"],
        )
        self.network_objects.append(network)
        self.network_objects.append(NetworkAdmin(network=network, user=self.network_admin))
        # A ready widget so `make serve` shows one at /widget/demo-lyon (real widgets get random ids).
        self.network_objects.append(
            Widget(network=network, public_id=DEMO_WIDGET_ID, name=content.DEMO_WIDGET_NAME, per_page=6)
        )
        for seed in content.ASSOCIATIONS:
            if seed.key == content.NETWORK_REQUESTED_KEY:
                status = "requested"
            elif seed.city in NETWORK_CITIES:
                status = ApplicationStatus.ACCEPTED
            else:
                continue
            member = NetworkMember(network=network, association=self.associations[seed.key], status=status)
            self.network_objects.append(member)
