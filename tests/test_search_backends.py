"""The same search behaviour on both backends: Whoosh (one node) and PostgreSQL full-text search.

Missions are created through the factories, then the backend's index is rebuilt and searched
through the app's search service. The PostgreSQL case runs when the suite runs on PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, text

from marketplace.associations.models import Mission
from marketplace.extensions import db
from marketplace.search import services
from marketplace.search.documents import SearchQuery
from tests.conftest import is_postgres

PARIS = (48.8566, 2.3522)
VERSAILLES = (48.8049, 2.1204)  # about 18 km from Paris
LYON = (45.7640, 4.8357)  # about 390 km from Paris
WEDNESDAY = date(2030, 6, 5)
THURSDAY = WEDNESDAY + timedelta(days=1)

BACKENDS = [
    "whoosh",
    pytest.param(
        "postgres",
        marks=pytest.mark.skipif(
            not is_postgres(), reason="the PostgreSQL backend is tested when TEST_DATABASE_URL is PostgreSQL"
        ),
    ),
]


@pytest.fixture(params=BACKENDS)
def backend(request, app):
    previous = app.config.get("SEARCH_BACKEND", "whoosh")
    app.config["SEARCH_BACKEND"] = request.param
    yield request.param
    app.config["SEARCH_BACKEND"] = previous


@pytest.fixture
def association(make):
    return make.association("Les Amis du quartier")


@pytest.fixture
def mission(make, association):
    """Create a published mission in Paris, one-off on a Wednesday, open from 16, with seats."""

    def create(title: str = "Mission", description: str = "", **fields) -> Mission:
        values = {
            "title": title,
            "description": description,
            "domain": "education",
            "kind": "ponctual",
            "schedule": "one_off",
            "start_date": WEDNESDAY,
            "city": "Paris",
            "postcode": "75001",
            "lat": PARIS[0],
            "lon": PARIS[1],
            "min_age": 16,
            "capacity": 3,
            "published_at": datetime(2025, 1, 1),
        }
        values.update(fields)
        return make.mission(association, **values)

    return create


@pytest.fixture
def find(backend):
    """Rebuild the index from the database, then search: ``find(q=..., **filters)``."""

    def run(**query):
        services.reindex_all()
        return services.search(SearchQuery(**query))

    return run


def ids(result) -> list[int]:
    return [hit.id for hit in result.hits]


# --- words ------------------------------------------------------------------------------------


def test_plural_query_finds_singular_text(find, mission):
    wanted = mission(description="Un bénévole motivé")
    mission(description="Jardin")
    assert ids(find(q="bénévoles")) == [wanted.id]


def test_unaccented_query_finds_accented_text_and_the_reverse(find, mission):
    accented = mission("Épicerie solidaire")
    plain = mission("Epicerie du quartier")
    mission("Jardin")
    assert sorted(ids(find(q="epicerie"))) == sorted([accented.id, plain.id])
    assert sorted(ids(find(q="épicerie"))) == sorted([accented.id, plain.id])


def test_ligature_coeur_matches_typed_oe(find, mission):
    wanted = mission("Restos du cœur")
    mission("Jardin")
    assert ids(find(q="coeur")) == [wanted.id]


def test_aide_aux_devoirs_finds_devoirs(find, mission):
    wanted = mission("Devoirs du soir")
    mission("Jardinage")
    assert ids(find(q="aide aux devoirs")) == [wanted.id]


def test_stop_words_alone_search_everything(find, mission):
    first, second = mission("Jardinage"), mission("Cuisine")
    assert sorted(ids(find(q="les"))) == sorted([first.id, second.id])


def test_title_match_outranks_description_match(find, mission):
    in_description = mission("Atelier cuisine", "On parlera de jardinage.")
    in_title = mission("Jardinage", "Atelier.")
    assert ids(find(q="jardinage")) == [in_title.id, in_description.id]


def test_skills_match_outranks_description_match(find, mission):
    in_description = mission("Mission", "Savoir cuisiner.")
    in_skills = mission("Mission", "Rien.", skills=["cuisine"])
    assert ids(find(q="cuisine")) == [in_skills.id, in_description.id]


def test_missions_with_every_word_outrank_those_with_one(find, mission):
    repeated = mission("Soutien soutien soutien", "soutien")
    both = mission("Soutien scolaire")
    mission("Sortie au musée")
    assert ids(find(q="soutien scolaire")) == [both.id, repeated.id]


# --- filters -------------------------------------------------------------------------------


def test_domains_are_or_ed_and_kinds_and_ed_with_them(find, mission):
    education = mission(domain="education", kind="ponctual")
    health = mission(domain="sante", kind="ponctual")
    health_lead = mission(domain="sante", kind="leadership")
    mission(domain="sport", kind="ponctual")
    assert sorted(ids(find(domains=("education", "sante")))) == sorted(
        [education.id, health.id, health_lead.id]
    )
    assert sorted(ids(find(domains=("education", "sante"), kinds=("ponctual",)))) == sorted(
        [education.id, health.id]
    )


def test_distance_filter_keeps_missions_within_the_radius(find, mission):
    paris = mission(lat=PARIS[0], lon=PARIS[1])
    versailles = mission(lat=VERSAILLES[0], lon=VERSAILLES[1])
    mission(lat=LYON[0], lon=LYON[1])
    mission(lat=None, lon=None)
    assert ids(find(lat=PARIS[0], lon=PARIS[1], radius_km=10)) == [paris.id]
    assert sorted(ids(find(lat=PARIS[0], lon=PARIS[1], radius_km=25))) == sorted([paris.id, versailles.id])


def test_distance_sort_puts_nearest_first_remote_last_and_reports_distances(find, mission):
    lyon = mission(lat=LYON[0], lon=LYON[1])
    versailles = mission(lat=VERSAILLES[0], lon=VERSAILLES[1])
    remote = mission(remote=True, lat=PARIS[0], lon=PARIS[1])
    paris = mission(lat=PARIS[0], lon=PARIS[1])
    result = find(lat=PARIS[0], lon=PARIS[1], sort="distance")
    assert ids(result) == [paris.id, versailles.id, lyon.id, remote.id]
    distances = {hit.id: hit.distance_km for hit in result.hits}
    assert distances[paris.id] == 0.0
    assert distances[versailles.id] == pytest.approx(17.9, abs=0.5)
    assert distances[lyon.id] == pytest.approx(392, abs=5)


def test_no_distance_without_a_reference_point(find, mission):
    mission()
    assert [hit.distance_km for hit in find().hits] == [None]


def test_remote_missions_pass_the_distance_filter_only_when_included(find, mission):
    paris = mission(lat=PARIS[0], lon=PARIS[1])
    remote_far = mission(remote=True, lat=LYON[0], lon=LYON[1])
    remote_nowhere = mission(remote=True, lat=None, lon=None)
    near_paris = {"lat": PARIS[0], "lon": PARIS[1], "radius_km": 20}
    assert sorted(ids(find(**near_paris))) == sorted([paris.id, remote_far.id, remote_nowhere.id])
    assert ids(find(include_remote=False, **near_paris)) == [paris.id]
    assert ids(find(include_remote=False)) == [paris.id]


def test_age_range_16_17_only_finds_missions_open_from_16(find, mission):
    from_16 = mission(min_age=16)
    adults = mission(min_age=18)
    assert ids(find(age_range="16-17")) == [from_16.id]
    assert sorted(ids(find(age_range="18-25"))) == sorted([from_16.id, adults.id])


def test_adult_age_ranges_pass_when_they_overlap_the_mission_ages(find, mission):
    young = mission(min_age=18, max_age=30)
    seniors = mission(min_age=60)
    middle = mission(min_age=25, max_age=40)
    assert sorted(ids(find(age_range="26-35"))) == sorted([young.id, middle.id])
    assert ids(find(age_range="66+")) == [seniors.id]


def test_slots_match_recurring_missions_sharing_a_slot(find, mission):
    weekend = mission(schedule="recurring", start_date=None, slots=["mon_morning", "sat_afternoon"])
    mission(schedule="recurring", start_date=None, slots=["tue_evening"])
    flexible = mission(schedule="recurring", start_date=None, slots=[])
    assert sorted(ids(find(slots=("sat_afternoon", "sun_morning")))) == sorted([weekend.id, flexible.id])


def test_slots_match_one_off_missions_by_the_weekday_of_their_date(find, mission):
    wednesday = mission(start_date=WEDNESDAY)
    thursday = mission(start_date=THURSDAY)
    over_the_weekend = mission(
        start_date=WEDNESDAY + timedelta(days=3), end_date=WEDNESDAY + timedelta(days=4)
    )
    assert ids(find(slots=("wed_evening",))) == [wednesday.id]
    assert ids(find(slots=("thu_morning",))) == [thursday.id]
    assert ids(find(slots=("sun_afternoon",))) == [over_the_weekend.id]


def test_a_one_off_mission_with_day_parts_matches_only_slots_of_its_weekday_and_parts(find, mission):
    evening = mission(start_date=WEDNESDAY, day_parts=["evening"])
    morning_or_afternoon = mission(start_date=WEDNESDAY, day_parts=["morning", "afternoon"])
    not_said = mission(start_date=WEDNESDAY, day_parts=[])
    assert sorted(ids(find(slots=("wed_evening",)))) == sorted([evening.id, not_said.id])
    assert sorted(ids(find(slots=("wed_morning",)))) == sorted([morning_or_afternoon.id, not_said.id])
    assert ids(find(slots=("thu_evening",))) == []  # the right part of the day, on another day


def test_each_requested_slot_is_checked_on_its_own_for_one_off_missions(find, mission):
    # Saturday and Sunday, evenings only: neither Saturday morning nor Sunday afternoon is one of
    # its slots, although each has one of its days; Sunday evening is.
    weekend_evenings = mission(
        start_date=WEDNESDAY + timedelta(days=3),
        end_date=WEDNESDAY + timedelta(days=4),
        day_parts=["evening"],
    )
    assert ids(find(slots=("sat_morning", "sun_afternoon"))) == []
    assert ids(find(slots=("sat_morning", "sun_evening"))) == [weekend_evenings.id]


def test_date_window_keeps_overlapping_one_offs_and_running_recurring_missions(find, mission):
    inside = mission(start_date=date(2030, 6, 10))
    mission(start_date=date(2030, 7, 10))
    overlapping = mission(start_date=date(2030, 6, 1), end_date=date(2030, 6, 12))
    open_ended = mission(schedule="recurring", start_date=None, end_date=None, slots=["mon_morning"])
    mission(
        schedule="recurring", start_date=date(2030, 1, 1), end_date=date(2030, 5, 31), slots=["mon_morning"]
    )
    result = find(date_from=date(2030, 6, 8), date_to=date(2030, 6, 15))
    assert sorted(ids(result)) == sorted([inside.id, overlapping.id, open_ended.id])


def test_full_missions_are_hidden_unless_asked(find, mission):
    full = mission(capacity=2, seats_taken=2)
    open_ = mission(capacity=2, seats_taken=1)
    assert ids(find()) == [open_.id]
    assert sorted(ids(find(with_seats=False))) == sorted([full.id, open_.id])


def test_only_published_missions_are_found(find, mission):
    published = mission("Jardin")
    for status in ("draft", "pending_review", "closed", "cancelled"):
        mission("Jardin", status=status)
    assert ids(find(q="jardin")) == [published.id]


# --- pages, sorts, facets ------------------------------------------------------------------------


def test_pages_have_the_total_and_never_overlap(find, mission):
    created = {mission("Collecte de jouets").id for _ in range(25)}
    pages = [find(q="collecte", page=page, per_page=10) for page in (1, 2, 3, 4)]
    assert [result.total for result in pages] == [25, 25, 25, 25]
    assert [len(result.hits) for result in pages] == [10, 10, 5, 0]
    assert pages[0].pages == 3
    seen = [hit for result in pages for hit in ids(result)]
    assert len(seen) == 25 and set(seen) == created


def test_date_sort_puts_soonest_first_and_undated_last(find, mission):
    september = mission(start_date=date(2030, 9, 1))
    undated = mission(start_date=None)
    june = mission(start_date=date(2030, 6, 1))
    assert ids(find(sort="date")) == [june.id, september.id, undated.id]


def test_without_words_newest_missions_come_first(find, mission):
    older = mission(published_at=datetime(2025, 1, 1))
    newer = mission(published_at=datetime(2025, 3, 1))
    assert ids(find()) == [newer.id, older.id]


def test_facets_count_per_domain_and_kind_ignoring_their_own_filter(find, mission):
    mission("Collecte", domain="education", kind="ponctual")
    mission("Collecte", domain="sante", kind="support")
    wanted = mission("Collecte", domain="sante", kind="ponctual")
    mission("Jardin", domain="sport", kind="ponctual")
    result = find(q="collecte", domains=("sante",), kinds=("ponctual",))
    assert ids(result) == [wanted.id]
    assert result.facets["domain"] == {"education": 1, "sante": 1}  # kind filter applied, not domain
    assert result.facets["kind"] == {"ponctual": 1, "support": 1}  # domain filter applied, not kind


def test_facets_follow_the_other_filters(find, mission):
    mission("Collecte", domain="education", capacity=1, seats_taken=1)
    mission("Collecte", domain="sante")
    assert find(q="collecte").facets == {"domain": {"sante": 1}, "kind": {"ponctual": 1}}


# --- highlights and suggestions ---------------------------------------------------------------


def test_highlights_mark_matches_and_keep_html_escaped(find, mission):
    mission("<script>alert('x')</script> Aide aux devoirs", "Des <b>devoirs</b> & du goûter")
    hit = find(q="devoir").hits[0]
    escaped_script = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"
    assert hit.highlights["title"] == f"{escaped_script} Aide aux <mark>devoirs</mark>"
    assert hit.highlights["description"] == "Des &lt;b&gt;<mark>devoirs</mark>&lt;/b&gt; &amp; du goûter"


def test_misspelled_word_gets_a_suggestion_as_written_in_missions(find, mission):
    mission("Aide aux devoirs")
    mission("Jardinage partagé")
    assert find(q="aide aux devoors").total == 1  # "aide" still matches: no suggestion needed
    result = find(q="jardinnage")
    assert (result.total, result.suggestion) == (0, "jardinage")


def test_no_suggestion_when_the_words_exist_but_filters_exclude_them(find, mission):
    mission("Jardinage", domain="sport")
    result = find(q="jardinage", domains=("sante",))
    assert result.total == 0 and result.suggestion is None


def test_an_empty_index_finds_nothing(find):
    result = find(q="jardin", domains=("sante",))
    assert (result.total, result.hits, result.suggestion) == (0, [], None)
    assert result.facets == {"domain": {}, "kind": {}}


# --- keeping in step --------------------------------------------------------------------------


@pytest.mark.skipif(not is_postgres(), reason="PostgreSQL triggers are tested on PostgreSQL")
def test_postgres_search_tables_follow_every_write_without_reindexing(app, mission):
    app.config["SEARCH_BACKEND"] = "postgres"
    try:
        services.reindex_all()  # installs the triggers
        first = mission("Collecte de vêtements chauds")
        draft = mission("Soutien scolaire en mathématiques", status="draft")

        def found(words: str) -> list[int]:
            return ids(services.search(SearchQuery(q=words, with_seats=False)))

        assert found("vetements") == [first.id] and found("mathematiques") == []
        draft.status = "published"
        first.title = "Collecte de jouets pour Noël"
        db.session.commit()
        assert found("mathematiques") == [draft.id]
        assert found("jouets") == [first.id] and found("vetements") == []
        db.session.execute(
            text("UPDATE missions SET seats_taken = capacity WHERE id = :id"), {"id": first.id}
        )
        db.session.commit()
        assert ids(services.search(SearchQuery(q="jouets"))) == []  # full: the seat counter counts
        first.day_parts = ["morning"]
        db.session.commit()
        evening = SearchQuery(q="jouets", with_seats=False, slots=("wed_evening",))
        assert ids(services.search(evening)) == []  # its parts of the day, written by the trigger
        first.status = "closed"
        db.session.delete(draft)
        db.session.commit()
        assert found("jouets") == [] and found("mathematiques") == []
        assert not services.index_is_stale()
    finally:
        app.config["SEARCH_BACKEND"] = "whoosh"


@pytest.mark.skipif(not is_postgres(), reason="PostgreSQL triggers are tested on PostgreSQL")
def test_postgres_reindex_command_repairs_missing_triggers(app, runner, mission):
    app.config["SEARCH_BACKEND"] = "postgres"
    try:
        services.reindex_all()
        db.session.execute(text("DROP TRIGGER search_sync ON missions"))
        db.session.commit()
        mission("Atelier numérique pour seniors")
        assert services.index_is_stale()
        result = runner.invoke(args=["search", "reindex", "--if-stale"])
        assert result.exit_code == 0 and "Indexed 1 published missions" in result.output
        assert not services.index_is_stale()
        published = set(db.session.scalars(select(Mission.id).where(Mission.status == "published")))
        assert {hit.id for hit in services.search(SearchQuery(q="numerique")).hits} == published
    finally:
        app.config["SEARCH_BACKEND"] = "whoosh"


@pytest.mark.skipif(not is_postgres(), reason="the search schema is PostgreSQL's")
def test_postgres_facet_codes_decode_to_their_domain_and_kind(app):
    from marketplace.search import postgres
    from marketplace.search.documents import DOMAIN_SLUGS, MISSION_KIND_SLUGS

    app.config["SEARCH_BACKEND"] = "postgres"
    try:
        services.reindex_all()  # installs search.facet()
        pairs = [(domain, kind) for domain in DOMAIN_SLUGS for kind in MISSION_KIND_SLUGS]
        codes = db.session.execute(
            text("SELECT search.facet(d, k) FROM unnest(CAST(:d AS text[]), CAST(:k AS text[])) AS p(d, k)"),
            {"d": [d for d, _ in pairs], "k": [k for _, k in pairs]},
        ).scalars()
        assert [postgres.facet_pair(code) for code in codes] == pairs
        unknown = db.session.scalar(text("SELECT search.facet('jardinage', 'ponctual')"))
        assert unknown == -1 and postgres.facet_pair(unknown) is None
    finally:
        app.config["SEARCH_BACKEND"] = "whoosh"


def test_postgres_backend_refuses_another_database(app):
    if is_postgres():
        pytest.skip("runs on SQLite only")
    app.config["SEARCH_BACKEND"] = "postgres"
    try:
        with pytest.raises(services.SearchBackendError):
            services.search(SearchQuery(q="jardin"))
    finally:
        app.config["SEARCH_BACKEND"] = "whoosh"
