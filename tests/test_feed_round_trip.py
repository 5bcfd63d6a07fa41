"""Round trip: our own importer reads our own API Engagement feed back and yields the same missions.

How it is run, honestly: varied published missions are written, ``/flux/api-engagement.xml`` is
rendered through the app, then **every table is emptied** (the test checks that not one row is
left: no association, mission, user or feed), and that XML is imported with the feed importer
(the service, and ``flask feeds import`` on a saved file). The emptied database stands for the
"empty second database": same schema, same engine (SQLite or PostgreSQL via TEST_DATABASE_URL),
nothing the importer could find from the first life of the missions.

Each mission is then compared field by field with what it was. What API Engagement's format cannot
carry is not skipped: ``CHANGES`` states, per mission, the exact value the round trip must give
instead, and why; every other field must come back equal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from typing import Any
from xml.etree import ElementTree

import pytest
from sqlalchemy import func, select

from marketplace.associations.models import Association, Mission
from marketplace.extensions import db
from marketplace.feeds.services import file_feed, import_feed_source
from marketplace.reference.vocabularies import DOMAINS
from marketplace.text import render_markdown
from tests.test_publishing_feed import assert_valid

FEED = "/flux/api-engagement.xml"
TRICKY = '« Ça & <ça> "guillemets" l’apostrophe »'

DESCRIPTION = (
    "## Ce que vous ferez\n\n"
    "Vous **accueillez** les familles et *triez* les dons ; " + TRICKY + ".\n\n"
    "- préparer les colis\n"
    "- tenir le stand « Solidarité »\n"
    "  - le samedi\n\n"
    "1. arriver à 9 h\n"
    "2. repartir à 12 h\n\n"
    "> « Venez comme vous êtes » — la présidente\n\n"
    "Adresse :  \n3 rue de Marseille, code `B12_A*`.\n\n"
    "\\# pas un titre, 5 * 3 = 15, a_b_c, [pas un lien], 100 %\n\n"
    "Plus d’infos sur [notre site](https://restos-quartier.example.org/benevoles?x=1&y=2)."
)

MISSION_FIELDS = (
    "title",
    "kind",
    "domain",
    "schedule",
    "start_date",
    "end_date",
    "day_parts",
    "slots",
    "hours_per_week",
    "rhythm",
    "capacity",
    "min_age",
    "max_age",
    "remote",
    "address",
    "postcode",
    "city",
    "skills",
    "status",
)
ASSOCIATION_FIELDS = ("name", "rna", "siren", "website", "logo_name", "city", "postcode")


@dataclass
class Case:
    """One mission to send round, and what the format changes in it (field → expected value)."""

    key: str
    association: str
    fields: dict[str, Any]
    changes: dict[str, Any] = field(default_factory=dict)


ASSOCIATIONS = {
    "restos": {
        "name": "Les Restos « du quartier » & Cie",
        "rna": "W691234567",
        "siren": "123456789",
        "website": "https://restos-quartier.example.org",
        "logo_name": "restos.png",
        "city": "Lyon",
        "postcode": "69007",
    },
    "cinema": {
        "name": "Ciné’Club <Vaise>",
        "rna": None,
        "siren": "987654321",
        "website": None,
        "logo_name": None,
        "city": "Lyon",
        "postcode": "69009",
    },
    "bureau": {
        "name": "Association des Élèves d’Ailleurs",
        "rna": "W131234567",
        "siren": None,
        "website": "https://eleves.example.fr",
        "logo_name": None,
        "city": "Marseille",
        "postcode": "13001",
    },
}

# The organisation's logo is published as an address (organizationLogo) but the importer does not
# download images (size, format and safety of a third-party file): the logo does not come back.
# An association without a website is published with its page here as organizationUrl, which the
# importer keeps as its website. Both are stated here, per association.
ASSOCIATION_CHANGES: dict[str, dict[str, Any]] = {
    "restos": {"logo_name": None},
    "cinema": {"website": "page"},  # "page": the association's own page on the first site
    "bureau": {},
}

LYON = {"city": "Lyon", "postcode": "69007", "lat": 45.745612, "lon": 4.842734}
MARSEILLE = {"city": "Marseille", "postcode": "13001", "lat": 43.29974, "lon": 5.38417}

CASES = [
    Case(
        "one-off-day",
        "restos",
        {
            "title": 'Collecte « nationale » & tri <du> "week-end" – l’équipe',
            "description": DESCRIPTION,
            "kind": "ponctual",
            "domain": "aide-alimentaire",
            "schedule": "one_off",
            "start_date": date(2030, 3, 14),
            "end_date": None,
            "day_parts": ["morning", "evening"],
            "capacity": 12,
            "min_age": 16,
            "address": "3 rue de Marseille",
            "skills": ["accueil", "logistique"],
            **LYON,
        },
        # A one-day mission is published with endAt = startAt (the day it ends): read back, its
        # end date is that day.
        {"end_date": date(2030, 3, 14)},
    ),
    Case(
        "one-off-weekend",
        "restos",
        {
            "title": "Week-end d’animation pour les enfants du quartier",
            "description": "Jeux, goûter et *grand jeu* de piste pour les 6–11 ans : " + TRICKY,
            "kind": "ponctual",
            "domain": "enfance-jeunesse",
            "schedule": "one_off",
            "start_date": date(2030, 5, 4),
            "end_date": date(2030, 5, 5),
            "day_parts": ["afternoon"],
            "capacity": 6,
            "min_age": 17,
            "remote": True,  # « possible »: done on site or from home
            **LYON,
        },
        # openToMinors is yes or no: any minimum age under 18 comes back as our floor, 16.
        {"min_age": 16},
    ),
    Case(
        "one-off-long",
        "bureau",
        {
            "title": "Chantier international de trois semaines",
            "description": "Restaurer un lavoir avec une équipe de bénévoles venus de cinq pays.",
            "kind": "ponctual",
            "domain": "international",
            "schedule": "one_off",
            "start_date": date(2030, 7, 1),
            "end_date": date(2030, 7, 20),
            "day_parts": [],
            "capacity": 20,
            **MARSEILLE,
        },
        # Their format has no « one-off »: startAt/endAt three weeks apart read as a mission over
        # that period, so it comes back recurring (support), its dates and its schedule in words kept.
        {
            "kind": "support",
            "schedule": "recurring",
            "rhythm": "Du 1 juillet 2030 au 20 juillet 2030",
        },
    ),
    Case(
        "recurring-slots",
        "cinema",
        {
            "title": "Projectionniste du mardi soir",
            "description": "Lancer les films du **ciné-club** et accueillir le public à l’entrée.",
            "kind": "support",
            "domain": "culture",
            "schedule": "recurring",
            "start_date": None,
            "slots": ["tue_evening", "sat_morning"],
            "hours_per_week": 3.0,
            "capacity": 2,
            "remote": True,  # « full »: no place given
            "city": "",
            "postcode": "",
            "lat": None,
            "lon": None,
        },
        # Weekly slots have no element in their format: they travel as words in <schedule>, which
        # comes back as the free-text rhythm (the hours are read back from it); the slots are unknown.
        {"slots": [], "rhythm": "Chaque semaine : mardi soir, samedi matin · 3 h/semaine"},
    ),
    Case(
        "recurring-rhythm",
        "cinema",
        {
            "title": "Visites de convivialité aux aînés",
            "description": "Rendre visite à des personnes âgées isolées, discuter, jouer aux cartes.",
            "kind": "support",
            "domain": "seniors",
            "schedule": "recurring",
            "start_date": date(2030, 1, 6),
            "end_date": date(2030, 12, 20),
            "slots": [],
            "hours_per_week": None,
            "rhythm": "Une demi-journée par semaine, hors vacances scolaires",
            "capacity": 8,
            "min_age": 21,
            "address": "12 La Canebière",
            **MARSEILLE,
        },
        # openToMinors no: any minimum age of 18 or more comes back as 18.
        {"min_age": 18},
    ),
    Case(
        "recurring-started",
        "restos",
        {
            "title": "Maraude du jeudi soir",
            "description": "Aller à la rencontre des personnes sans abri avec un thermos et des couvertures.",
            "kind": "support",
            "domain": "solidarite-insertion",
            "schedule": "recurring",
            "start_date": date(2020, 1, 6),
            "end_date": date(2030, 6, 30),
            "slots": [],
            "hours_per_week": 4.0,
            "capacity": 10,
            **LYON,
        },
        # A start already past says nothing to a volunteer: the importer keeps only a start to come.
        # Without slots nor rhythm, the schedule in words is the week and its hours.
        {"start_date": None, "rhythm": "Chaque semaine · 4 h/semaine"},
    ),
    Case(
        "leadership",
        "bureau",
        {
            "title": "Trésorier·e de l’association",
            "description": "Tenir les comptes, préparer le budget et le présenter à l’assemblée générale.",
            "kind": "leadership",
            "domain": "citoyennete",
            "schedule": "recurring",
            "start_date": None,
            "end_date": date(2030, 12, 31),
            "slots": ["mon_evening"],
            "hours_per_week": 2.0,
            "rhythm": "Réunion de bureau le premier lundi du mois",
            "capacity": 1,
            **MARSEILLE,
        },
        {
            "slots": [],
            "rhythm": "Chaque semaine : lundi soir · 2 h/semaine"
            " · Réunion de bureau le premier lundi du mois",
        },
    ),
]


def _create(make) -> dict[str, int]:
    """The associations and missions of CASES; the missions' ids by case key."""
    associations = {key: make.association(**values) for key, values in ASSOCIATIONS.items()}
    ids = {}
    for case in CASES:
        ids[case.key] = make.mission(associations[case.association], **case.fields).id
    return ids


def _snapshot(mission: Mission) -> dict[str, Any]:
    values = {name: getattr(mission, name) for name in MISSION_FIELDS}
    values["lat"], values["lon"] = mission.lat, mission.lon
    values["description_html"] = _rendered(mission.description)
    values["association"] = {name: getattr(mission.association, name) for name in ASSOCIATION_FIELDS}
    values["association"]["slug"] = mission.association.slug
    return values


def _rendered(markdown: str) -> str:
    """The description as a reader sees it: our HTML, white space folded as a browser folds it
    (a line break inside a paragraph and a space render alike)."""
    return re.sub(r"\s+", " ", str(render_markdown(markdown))).strip()


def _empty_database() -> None:
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    db.session.commit()
    db.session.expunge_all()  # the objects of the first life are gone with their rows
    left = {
        table.name: count
        for table in db.metadata.sorted_tables
        if (count := db.session.scalar(select(func.count()).select_from(table)))
    }
    assert left == {}, left


def _import(via: str, xml: bytes, runner, tmp_path) -> None:
    if via == "service":
        report = import_feed_source(file_feed("tremplin.xml"), BytesIO(xml))
        db.session.commit()
        assert (report.refused, report.problems) == (0, [])
        assert report.created == len(CASES)
        # Read a second time, our own feed changes nothing: every mission is recognised as unchanged.
        again = import_feed_source(file_feed("tremplin.xml"), BytesIO(xml))
        db.session.commit()
        assert (again.created, again.updated, again.unchanged, again.closed) == (0, 0, len(CASES), 0)
    else:
        path = tmp_path / "tremplin.xml"
        path.write_bytes(xml)
        result = runner.invoke(args=["feeds", "import", str(path)])
        assert result.exit_code == 0, result.output
        assert f"created={len(CASES)} " in result.output
        assert "refused=0" in result.output
        db.session.expire_all()


@pytest.mark.parametrize("via", ["service", "cli"])
def test_our_feed_read_back_by_our_importer_gives_the_same_missions(client, make, runner, tmp_path, via):
    ids = _create(make)
    before = {key: _snapshot(db.session.get_one(Mission, mission_id)) for key, mission_id in ids.items()}
    response = client.get(FEED)
    assert response.status_code == 200
    assert_valid(response)  # against their elements and vocabularies (tests/data/api-engagement-feed.xsd)
    xml = response.get_data()
    _assert_published_as_stated(xml, ids)

    _empty_database()
    _import(via, xml, runner, tmp_path)

    after = {mission.external_id: mission for mission in db.session.scalars(select(Mission))}
    assert set(after) == {str(mission_id) for mission_id in ids.values()}  # clientId = our old id
    assert db.session.scalar(select(func.count(Association.id))) == len(ASSOCIATIONS)  # never twice
    # Identity: the missions of one association come back under one association, and only theirs.
    owners = {
        case.association: {
            after[str(ids[c.key])].association_id for c in CASES if c.association == case.association
        }
        for case in CASES
    }
    assert all(len(found) == 1 for found in owners.values()), owners
    assert len({next(iter(found)) for found in owners.values()}) == len(ASSOCIATIONS)
    differences = {}
    for case in CASES:
        old, new = before[case.key], after[str(ids[case.key])]
        differences[case.key] = _differences(old, new, case, ids[case.key])
    assert differences == {case.key: {} for case in CASES}


def _assert_published_as_stated(xml: bytes, ids: dict[str, int]) -> None:
    """The elements the round trip relies on, as API Engagement itself reads them."""
    root = ElementTree.fromstring(xml)  # noqa: S314 - our own test document
    missions = {item.findtext("clientId"): item for item in root.findall("mission")}
    published = {
        key: {name: missions[str(mission_id)].findtext(name) for name in ("endAt", "remote", "activity")}
        for key, mission_id in ids.items()
    }
    assert published["one-off-day"]["endAt"] == "2030-03-14T00:00:00Z"  # a one-day mission ends that day
    assert published["one-off-weekend"]["remote"] == "possible"  # remote, and a place is given
    assert published["recurring-slots"]["remote"] == "full"  # remote, no place
    assert published["one-off-day"]["remote"] == "no"
    assert published["one-off-weekend"]["activity"] == "animation"  # youth work, folded into education
    assert published["leadership"]["activity"] == "responsabilites-associatives"


def _differences(old: dict[str, Any], new: Mission, case: Case, old_id: int) -> dict[str, tuple]:
    """Every field that did not come back as stated: {field: (got, expected)}."""
    expected = {name: old[name] for name in MISSION_FIELDS}
    expected.update(case.changes)
    got = {name: getattr(new, name) for name in MISSION_FIELDS}
    # Coordinates travel with 6 decimals (about 10 cm).
    for name in ("lat", "lon"):
        expected[name] = None if old[name] is None else round(old[name], 6)
        got[name] = None if getattr(new, name) is None else round(getattr(new, name), 6)
    # The description travels as HTML and comes back as Markdown: it must render the same.
    expected["description_html"] = old["description_html"]
    got["description_html"] = _rendered(new.description)
    # Applications happen on the first site: the imported mission sends volunteers to its page.
    expected["application_url"] = f"http://localhost/missions/{old_id}"
    got["application_url"] = new.application_url
    wanted = {name: old["association"][name] for name in ASSOCIATION_FIELDS}
    wanted.update(ASSOCIATION_CHANGES[case.association])
    if wanted["website"] == "page":
        wanted["website"] = f"http://localhost/associations/{old['association']['slug']}"
    for name in ASSOCIATION_FIELDS:
        expected[f"association.{name}"] = wanted[name]
        got[f"association.{name}"] = getattr(new.association, name)
    return {name: (got[name], expected[name]) for name in expected if got[name] != expected[name]}


# Our 15 causes onto their 20 slugs and back: every cause must come back as itself. The fold
# (several of ours onto one of theirs) is undone by the activity and audience the export adds.
EXPECTED_CAUSE_AFTER_ROUND_TRIP = {choice.slug: choice.slug for choice in DOMAINS}


def test_every_cause_comes_back_as_itself(client, make):
    association = make.association()
    ids = {choice.slug: make.mission(association, domain=choice.slug).id for choice in DOMAINS}
    xml = client.get(FEED).get_data()
    _empty_database()
    import_feed_source(file_feed("tremplin.xml"), BytesIO(xml))
    db.session.commit()
    back = {mission.external_id: mission.domain for mission in db.session.scalars(select(Mission))}
    assert {
        slug: back[str(mission_id)] for slug, mission_id in ids.items()
    } == EXPECTED_CAUSE_AFTER_ROUND_TRIP
