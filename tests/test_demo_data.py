"""The French demo data set: its floors, the business rules it respects, and its determinism.

One demo load is shared by the module (it takes a couple of seconds); only the determinism and
CLI tests load into fresh databases of their own.
"""

from __future__ import annotations

import os
import re
import string
from collections import Counter
from dataclasses import dataclass
from datetime import date
from itertools import combinations, pairwise

os.environ.setdefault("TREMPLIN_ENV", "testing")

import pytest
from flask import Flask
from sqlalchemy import select

from marketplace import create_app
from marketplace.accounts.models import User
from marketplace.associations.models import Association, Membership, Mission, MissionReview
from marketplace.candidates.models import Application, ApplicationEvent, CandidateProfile, Message
from marketplace.demo import content
from marketplace.demo.cli import demo_cli
from marketplace.demo.loader import (
    ADMIN_ACCOUNT,
    ASSOCIATION_ACCOUNT,
    CANDIDATE_ACCOUNT,
    DEMO_ACCOUNTS,
    DEMO_WIDGET_ID,
    NETWORK_ACCOUNT,
    SHARED_PASSWORD,
    DemoSummary,
    database_is_empty,
    day_parts_said,
    load_demo_data,
)
from marketplace.demo.variants import MORE_PARTS
from marketplace.demo.versions import spread_combinations, versions
from marketplace.extensions import db
from marketplace.networks.models import Network, NetworkAdmin, NetworkMember
from marketplace.reference.slugs import DAY_PART_SLUGS
from marketplace.reference.vocabularies import (
    ACTIVE_APPLICATION_STATUSES,
    AGE_RANGES,
    APPLICATION_STATUSES,
    DOMAIN_SLUGS,
    MISSION_KIND_SLUGS,
    SLOTS,
    age_range_allowed,
)
from marketplace.widgets.models import Widget

TODAY = date(2026, 3, 2)
DEMO_CITIES = {city.name for city in content.CITIES}


def _make_app(path) -> Flask:
    return create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "TESTING": True})


@dataclass
class LoadedDemo:
    app: Flask
    summary: DemoSummary


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> LoadedDemo:
    app = _make_app(tmp_path_factory.mktemp("demo") / "demo.db")
    with app.app_context():
        db.create_all()
        assert database_is_empty()
        summary = load_demo_data(today=TODAY)
        db.session.commit()
    yield LoadedDemo(app, summary)
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def session(demo):
    """The demo database's session, inside an app context pushed for this test only."""
    with demo.app.app_context():
        yield db.session


def _all(session, model) -> list:
    return list(session.scalars(select(model).order_by(model.id)))


def _user(session, email: str) -> User:
    return session.scalar(select(User).where(User.email == email))


def _luhn_ok(number: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(number)):
        digit = int(char) * (2 if position % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


# ------------------------------------------------------------------ hand-written content
def test_content_lists_real_cities_and_invented_associations():
    assert len(content.CITIES) >= 12
    lyon = content.CITY_BY_NAME["Lyon"]
    assert {f"6900{n}" for n in range(1, 10)} <= set(lyon.postcodes)
    assert content.CITY_BY_NAME["Villeurbanne"].postcodes == ("69100",)
    assert len(content.ASSOCIATIONS) >= 30
    assert len({seed.key for seed in content.ASSOCIATIONS}) == len(content.ASSOCIATIONS)
    for seed in content.ASSOCIATIONS:
        assert seed.city in content.CITY_BY_NAME and re.fullmatch(r"\d{5}", seed.postcode)
        assert set(seed.domains) <= set(DOMAIN_SLUGS)
        assert 2 <= seed.description.count(". ") + 1 <= 5, seed.name
        assert seed.website is None or seed.website.endswith(".example.org")


def test_association_identifiers_are_well_formed():
    sirens = [seed.siren for seed in content.ASSOCIATIONS if seed.siren]
    rnas = [seed.rna for seed in content.ASSOCIATIONS if seed.rna]
    assert len(sirens) >= 5 and len(rnas) >= 5
    assert all(re.fullmatch(r"\d{9}", siren) and _luhn_ok(siren) for siren in sirens)
    assert all(re.fullmatch(r"W\d{9}", rna) for rna in rnas)
    assert sum(seed.verified for seed in content.ASSOCIATIONS) >= 5


def test_every_domain_has_several_templates_of_each_kind():
    counts = Counter((t.domain, t.kind) for t in content.MISSION_TEMPLATES)
    for domain in DOMAIN_SLUGS:
        for kind in MISSION_KIND_SLUGS:
            assert counts[(domain, kind)] >= 2, (domain, kind)


def _every_version() -> list[content.MissionTemplate]:
    return [
        version
        for template in content.MISSION_TEMPLATES
        for version in versions(template, MORE_PARTS.get(template.title))
    ]


def test_mission_templates_are_fillable_markdown():
    assert set(MORE_PARTS) <= {template.title for template in content.MISSION_TEMPLATES}
    for template in _every_version():
        fields = {name for _, name, _, _ in string.Formatter().parse(template.body) if name}
        assert fields <= {"ville", "lieu"}, template.title
        assert 3 <= len(template.body.splitlines()) <= 7, template.title
        assert template.skills and set(template.slots) <= set(SLOTS)
        assert (template.schedule == "recurring") == bool(template.slots), template.title
        if template.kind == "leadership":
            assert template.min_age >= 18, template.title


_DAY_WORDS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def test_each_version_names_only_the_days_it_takes_place():
    """A text saying « le mardi » is a mission on Tuesdays: what people read is what the data says."""
    for template in _every_version():
        words = re.findall(r"\w+", f"{template.title} {template.body}".casefold())
        named = {_DAY_WORDS.index(word.rstrip("s")) for word in words if word.rstrip("s") in _DAY_WORDS}
        if template.schedule == "recurring":
            days = {SLOTS.index(slot) // 3 for slot in template.slots}
        elif named:
            assert template.weekday is not None, template.title
            days = {(template.weekday + offset) % 7 for offset in range(min(7, template.days))}
        else:
            continue
        assert named <= days, (template.title, sorted(named), sorted(days))


def test_versions_of_one_kind_of_mission_share_at_most_one_part():
    for sizes in ((1, 1, 1), (2, 2, 2), (3, 3, 3), (2, 3, 2), (4, 4, 4)):
        found = spread_combinations(sizes)
        assert len(set(found)) == len(found)
        for one, other in combinations(found, 2):
            assert sum(a == b for a, b in zip(one, other, strict=True)) <= 1
    assert len(spread_combinations((2, 2, 2))) == 4 and len(spread_combinations((3, 3, 3))) == 9


def test_enough_names_for_the_candidates():
    first_names = {name for names in content.FIRST_NAMES.values() for name in names}
    assert len(first_names) >= 110
    assert len(set(content.SURNAMES)) >= 110
    assert {r for p in content.PERSONAS for r in p.age_ranges} == set(AGE_RANGES)


# ------------------------------------------------------------------ associations
def test_at_least_30_associations_in_10_cities(session):
    associations = _all(session, Association)
    assert len(associations) >= 30
    assert len({a.city for a in associations}) >= 10
    assert any(a.verified for a in associations) and any(a.siren for a in associations)


def test_every_association_has_one_owner_and_coordinates(session):
    for association in _all(session, Association):
        roles = Counter(m.role for m in association.memberships)
        assert roles["owner"] == 1, association.name
        assert association.lat is not None and association.lon is not None
    assert any(m.role == "member" for m in _all(session, Membership))
    owners = {m.user.role for m in _all(session, Membership)}
    assert owners == {"association"}


# ------------------------------------------------------------------ missions
def test_at_least_300_distinct_missions(session):
    missions = _all(session, Mission)
    assert len(missions) >= 300
    assert len({m.title for m in missions}) >= 320
    assert len({m.description for m in missions}) >= 320


# Share of word 3-grams two missions have in common: one template filled by six associations
# scored 0.84; two associations' own versions of the same kind of mission stay under 0.45.
NEAR_IDENTICAL = 0.5


def _three_grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[index : index + 3]) for index in range(len(words) - 2)}


def test_no_two_associations_publish_near_identical_missions(session):
    published = [m for m in _all(session, Mission) if m.status == "published"]
    # The neighbourhood added to a repeated title is left out: it must not hide a copy.
    grams = {m.id: _three_grams(f"{m.title.split(' — ')[0]} {m.description}") for m in published}
    near = []
    for one, other in combinations(published, 2):
        if one.association_id == other.association_id:
            continue
        shared = len(grams[one.id] & grams[other.id]) / len(grams[one.id] | grams[other.id])
        if shared >= NEAR_IDENTICAL:
            near.append((round(shared, 2), one.title, other.title))
    assert near == []


def test_a_kind_of_mission_keeps_few_copies_of_its_title(session):
    titles = Counter(m.title.split(" — ")[0] for m in _all(session, Mission) if m.status == "published")
    assert max(titles.values()) <= 3, titles.most_common(3)


def test_published_missions_cover_every_kind_of_every_domain(session):
    published = {(m.domain, m.kind) for m in _all(session, Mission) if m.status == "published"}
    assert published == {(d, k) for d in DOMAIN_SLUGS for k in MISSION_KIND_SLUGS}


def test_mission_statuses_are_mostly_published(session):
    statuses = Counter(m.status for m in _all(session, Mission))
    assert set(statuses) == {"published", "draft", "pending_review", "closed", "cancelled"}
    assert statuses["published"] > sum(statuses.values()) / 2
    for mission in _all(session, Mission):
        assert (mission.published_at is not None) == (mission.status in ("published", "closed", "cancelled"))


def test_one_off_and_recurring_schedules_are_consistent(session):
    missions = _all(session, Mission)
    assert {m.schedule for m in missions} == {"one_off", "recurring"}
    for mission in missions:
        if mission.schedule == "one_off":
            assert mission.start_date and mission.end_date >= mission.start_date
            assert mission.slots == [] and mission.hours_per_week is None
            assert (mission.start_date > TODAY) == (mission.status != "closed"), mission.title
        else:
            assert mission.slots and set(mission.slots) <= set(SLOTS)
            assert 1 <= mission.hours_per_week <= 6
    assert any(m.schedule == "recurring" and m.start_date is None for m in missions)


def test_most_one_off_missions_say_their_parts_of_the_day_as_their_text_does(session):
    one_offs = [m for m in _all(session, Mission) if m.schedule == "one_off"]
    said = [m for m in one_offs if m.day_parts]
    assert len(said) >= 0.75 * len(one_offs)
    assert all(m.day_parts == [p for p in DAY_PART_SLUGS if p in m.day_parts] for m in said)
    reading = next(m for m in one_offs if m.title.startswith("Lecture à voix haute"))
    assert reading.day_parts == ["evening"]  # "une soirée, de 18 h à 22 h"
    assert all(m.day_parts == [] for m in _all(session, Mission) if m.schedule == "recurring")


@pytest.mark.parametrize(
    ("practical", "parts"),
    [
        ("de 9 h à 12 h 30, café à l'arrivée", ["morning"]),
        ("un dimanche de 12 h 30 à 14 h 30", ["afternoon"]),
        ("une soirée de 19 h à minuit", ["evening"]),
        ("créneaux de 3 h entre 14 h et 17 h", ["afternoon"]),
        ("deux jours, créneaux de 4 h", []),
    ],
)
def test_parts_of_the_day_come_from_the_hours_of_the_text(practical, parts):
    assert day_parts_said(f"Texte.\n- **En pratique** : {practical}\n") == parts


def test_mission_ages_capacity_and_places(session):
    missions = _all(session, Mission)
    assert all(m.min_age >= 18 for m in missions if m.kind == "leadership")
    assert any(m.min_age == 16 for m in missions)
    assert any(m.max_age is not None for m in missions)
    assert all(1 <= m.capacity <= 30 and m.external_id is None for m in missions)
    remote = [m for m in missions if m.remote]
    assert remote and Counter(m.kind for m in remote).most_common(1)[0][0] == "support"
    assert all(m.lat is not None and m.lon is not None for m in missions if not m.remote)
    assert {m.postcode for m in missions if m.city == "Lyon"} >= {f"6900{n}" for n in range(1, 10)}


# ------------------------------------------------------------------ candidates
def test_at_least_100_profiles_cover_every_age_range(session):
    profiles = _all(session, CandidateProfile)
    assert len(profiles) >= 100
    assert {p.age_range for p in profiles} == set(AGE_RANGES)
    for profile in profiles:
        assert profile.user.role == "candidate"
        assert profile.city in DEMO_CITIES and re.fullmatch(r"\d{5}", profile.postcode)
        assert 5 <= profile.radius_km <= 50 and profile.lat is not None
        assert profile.slots and profile.domains and profile.wanted_kinds and profile.about
    assert {p.visible_to_associations for p in profiles} == {True, False}


def test_generated_users_have_unique_demo_emails(session):
    users = _all(session, User)
    fixed = {account.email for account in DEMO_ACCOUNTS}
    assert len({u.email for u in users}) == len(users)
    assert all(u.locale == "fr" for u in users)
    generated = [u for u in users if u.email not in fixed]
    assert all(re.fullmatch(r"[a-z-]+\.[a-z-]+\d*@demo\.tremplin\.fr", u.email) for u in generated)
    # One hash for every generated user: the password was hashed once.
    assert len({u.password_hash for u in generated}) == 1
    assert generated[0].check_password(SHARED_PASSWORD)


# ------------------------------------------------------------------ applications
def test_every_application_status_appears_with_its_details(session):
    applications = _all(session, Application)
    assert {a.status for a in applications} == set(APPLICATION_STATUSES)
    for application in applications:
        if application.status == "declined":
            assert application.decline_reason and application.decided_at
        if application.status == "withdrawn":
            assert application.withdrawn_at is not None
        if application.status == "completed":
            assert application.hours_done and application.hours_done > 0
            assert application.completed_at >= application.created_at


def test_seats_taken_counts_accepted_applications(session):
    accepted = Counter(a.mission_id for a in _all(session, Application) if a.status == "accepted")
    for mission in _all(session, Mission):
        assert mission.seats_taken == accepted[mission.id] <= mission.capacity, mission.title
    assert sum(accepted.values()) > 0


def test_at_most_one_active_application_per_candidate_and_mission(session):
    active = Counter(
        (a.candidate_id, a.mission_id)
        for a in _all(session, Application)
        if a.status in ACTIVE_APPLICATION_STATUSES
    )
    assert max(active.values()) == 1


def test_no_minor_applies_to_a_mission_for_adults(session):
    applications = _all(session, Application)
    minors = [a for a in applications if a.candidate.profile.age_range == "16-17"]
    assert minors, "the demo should show minors applying where they may"
    assert all(a.mission.min_age <= 16 for a in minors)
    for a in applications:
        assert age_range_allowed(a.candidate.profile.age_range, a.mission.min_age, a.mission.max_age)


def test_some_candidates_show_a_pathway(session):
    pathways = 0
    by_pair: dict[tuple[int, int], list[Application]] = {}
    for a in _all(session, Application):
        by_pair.setdefault((a.candidate_id, a.mission.association_id), []).append(a)
    for history in by_pair.values():
        done = [a for a in history if a.status == "completed" and a.mission.schedule == "one_off"]
        next_step = [a for a in history if a.status == "accepted" and a.mission.schedule == "recurring"]
        if len(done) >= 2 and next_step:
            assert next_step[0].created_at > max(a.completed_at for a in done)
            pathways += 1
    assert pathways >= 3


def test_every_application_has_a_history_ending_in_its_status(session):
    events: dict[int, list[ApplicationEvent]] = {}
    for event in _all(session, ApplicationEvent):
        events.setdefault(event.application_id, []).append(event)
    for application in _all(session, Application):
        history = events[application.id]
        assert (history[0].from_status, history[0].to_status) == (None, "pending")
        assert history[0].actor_id == application.candidate_id
        assert history[-1].to_status == application.status
        for before, after in pairwise(history):
            assert after.from_status == before.to_status
            assert after.created_at >= before.created_at


def test_mission_history_follows_the_moderation_rules(session):
    reviews: dict[int, list[str]] = {}
    for review in _all(session, MissionReview):
        reviews.setdefault(review.mission_id, []).append(review.action)
    network_admin = _user(session, NETWORK_ACCOUNT.email)
    for mission in _all(session, Mission):
        actions, verified = reviews.get(mission.id, []), mission.association.verified
        if mission.status == "pending_review":
            assert not verified and actions[-1] == "submitted"
        if mission.status in ("published", "closed", "cancelled"):
            assert ("auto_published" if verified else "published") in actions
        if mission.status in ("closed", "cancelled"):
            assert actions[-1] == mission.status
    waiting = [
        m
        for m in _all(session, Mission)
        if m.status == "pending_review" and m.association.city in ("Lyon", "Villeurbanne")
    ]
    assert waiting, "the network admin should have missions to moderate"
    published_by = {r.actor_id for r in _all(session, MissionReview) if r.action == "published"}
    assert network_admin.id in published_by


def test_some_applications_have_messages(session):
    messages = _all(session, Message)
    assert len(messages) >= 10
    for message in messages:
        association = message.application.mission.association
        staff = {m.user_id for m in association.memberships}
        assert message.author_id in staff | {message.application.candidate_id}


# ------------------------------------------------------------------ fixed accounts and network
@pytest.mark.parametrize("account", DEMO_ACCOUNTS, ids=lambda account: account.email)
def test_fixed_demo_accounts_can_log_in(session, account):
    user = _user(session, account.email)
    assert user is not None and user.role == account.role and user.locale == "fr"
    assert user.check_password(account.password)


def test_camille_has_a_completed_mission_and_a_pending_application(session):
    camille = _user(session, CANDIDATE_ACCOUNT.email)
    assert camille.first_name == "Camille"
    assert (camille.profile.age_range, camille.profile.city, camille.profile.postcode) == (
        "26-35",
        "Lyon",
        "69007",
    )
    applications = list(session.scalars(select(Application).where(Application.candidate_id == camille.id)))
    assert sorted(a.status for a in applications) == ["completed", "pending"]
    completed = next(a for a in applications if a.status == "completed")
    assert completed.mission.schedule == "one_off"


def test_demo_association_has_missions_and_applications_waiting(session):
    owner = _user(session, ASSOCIATION_ACCOUNT.email)
    (membership,) = owner.memberships
    association = membership.association
    assert membership.role == "owner" and association.city == "Lyon"
    statuses = Counter(a.status for m in association.missions for a in m.applications)
    assert statuses["pending"] >= 3 and statuses["in_review"] >= 1
    assert sum(m.status == "published" for m in association.missions) >= 5


def test_lyon_network_with_its_admin_and_members(session):
    (network,) = _all(session, Network)
    assert network.name == "Maison des associations de Lyon"
    assert network.territory_departements == ["69"]
    (admin,) = _all(session, NetworkAdmin)
    assert admin.user.email == NETWORK_ACCOUNT.email and admin.user.role == "network_admin"
    members = _all(session, NetworkMember)
    accepted = {m.association_id for m in members if m.status == "accepted"}
    lyon_area = {a.id for a in _all(session, Association) if a.city in ("Lyon", "Villeurbanne")}
    assert accepted == lyon_area
    requested = [m for m in members if m.status == "requested"]
    assert len(requested) == 1 and network.covers_postcode(requested[0].association.postcode)
    site_admin = _user(session, ADMIN_ACCOUNT.email)
    assert site_admin.role == "site_admin"
    (widget,) = _all(session, Widget)
    assert widget.network_id == network.id and widget.public_id == DEMO_WIDGET_ID


def test_summary_counts_what_was_loaded(demo, session):
    summary = demo.summary
    assert summary.associations == len(_all(session, Association))
    assert summary.missions == len(_all(session, Mission))
    assert summary.applications == len(_all(session, Application))
    assert summary.candidates == len(_all(session, CandidateProfile))
    assert summary.users == len(_all(session, User))
    assert sum(summary.missions_by_status.values()) == summary.missions


# ------------------------------------------------------------------ determinism and CLI
def _fingerprint(session) -> tuple:
    missions = [(m.title, m.status, m.start_date, m.capacity, m.seats_taken) for m in _all(session, Mission)]
    users = [u.email for u in _all(session, User)]
    applications = [(a.candidate.email, a.mission.title, a.status) for a in _all(session, Application)]
    return missions, users, applications


def test_loading_twice_gives_the_same_data(demo, session, tmp_path):
    first = _fingerprint(session)
    other = _make_app(tmp_path / "again.db")
    with other.app_context():
        db.create_all()
        load_demo_data(today=TODAY)
        db.session.commit()
        second = _fingerprint(db.session)
        db.engine.dispose()
    assert [m[0] for m in first[0]] == [m[0] for m in second[0]]  # same titles, same order
    assert first == second


def test_cli_loads_an_empty_database_then_refuses(tmp_path):
    app = _make_app(tmp_path / "cli.db")
    with app.app_context():
        db.create_all()
    runner = app.test_cli_runner()

    result = runner.invoke(demo_cli, ["load"])
    assert result.exit_code == 0, result.output
    assert "missions:" in result.output and CANDIDATE_ACCOUNT.email in result.output
    with app.app_context():
        assert not database_is_empty()
        assert db.session.scalar(select(Association).limit(1)) is not None  # committed

    refused = runner.invoke(demo_cli, ["load"])
    assert refused.exit_code == 1
    assert "not empty" in refused.output

    skipped = runner.invoke(demo_cli, ["load", "--if-empty"])
    assert skipped.exit_code == 0
    assert "skipped" in skipped.output
    with app.app_context():
        db.engine.dispose()


def test_demo_users_have_confirmed_their_address_and_accepted_the_terms(session):
    from marketplace.privacy.policy import TERMS_VERSION

    users = _all(session, User)
    assert users and all(user.is_verified for user in users)
    assert {user.terms_version for user in users} == {TERMS_VERSION}
