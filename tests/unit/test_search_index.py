"""Behaviour of the pure Whoosh mission index (no Flask app, no database)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from whoosh.filedb.filestore import FileStorage

from marketplace.search import documents as vocab
from marketplace.search import index as index_module
from marketplace.search.analysis import analyze, french_analyzer, highlight, term_spans
from marketplace.search.documents import MissionDocument, SearchQuery
from marketplace.search.index import INDEX_NAME, MissionIndex, read_postings, whoosh_query

PARIS = (48.8566, 2.3522)
VERSAILLES = (48.8049, 2.1204)  # about 18 km from Paris
LYON = (45.7640, 4.8357)  # about 390 km from Paris
WEDNESDAY = date(2025, 6, 4)


def make_doc(id: int, title: str = "Mission", description: str = "", **overrides) -> MissionDocument:
    """A published mission in Paris, one-off on a Wednesday, open from 16, with seats left."""
    fields = {
        "id": id,
        "title": title,
        "description": description,
        "skills": (),
        "domain": "education",
        "kind": "ponctual",
        "association_id": 1,
        "association_name": "Les Amis",
        "city": "Paris",
        "postcode": "75001",
        "lat": PARIS[0],
        "lon": PARIS[1],
        "remote": False,
        "schedule": "one_off",
        "start_date": WEDNESDAY,
        "end_date": None,
        "slots": (),
        "min_age": 16,
        "max_age": None,
        "seats_left": 3,
        "published_at": datetime(2025, 1, 1),
    }
    fields.update(overrides)
    return MissionDocument(**fields)


@pytest.fixture
def index(tmp_path):
    mission_index = MissionIndex(tmp_path / "index").create()
    yield mission_index
    mission_index.close()


@pytest.fixture
def search(index):
    """Index documents, then search: ``search(docs, q=..., **filters)`` returns the result."""

    def run(docs=None, **query):
        if docs is not None:
            index.rebuild(docs)
        return index.search(SearchQuery(**query))

    return run


def ids(result) -> list[int]:
    return [hit.id for hit in result.hits]


# --- analysis --------------------------------------------------------------------------------


def test_singular_and_plural_share_a_stem():
    assert analyze("bénévole") == analyze("bénévoles") == analyze("benevoles")


def test_highlighting_tokenizer_matches_the_index_analyzer():
    text = "L'Œuvre d'Aide aux Devoirs recrute 3 bénévoles : soutien scolaire, cœur à l'ouvrage, ÉTÉ 2025!"
    analyzer = french_analyzer()
    expected = [(t.text, t.startchar, t.endchar) for t in analyzer(text, chars=True, mode="index")]
    assert term_spans(text) == expected
    assert [term for term, _, _ in expected] == analyze(text)


def test_stop_words_are_dropped_so_aide_aux_devoirs_finds_devoirs(search):
    result = search([make_doc(1, "Devoirs du soir"), make_doc(2, "Jardinage")], q="aide aux devoirs")
    assert ids(result) == [1]


def test_plural_query_finds_singular_text(search):
    docs = [make_doc(1, description="Un bénévole motivé"), make_doc(2, description="Jardin")]
    result = search(docs, q="bénévoles")
    assert ids(result) == [1]


def test_unaccented_query_finds_accented_text(search):
    assert ids(search([make_doc(1, "Épicerie solidaire"), make_doc(2, "Jardin")], q="epicerie")) == [1]


def test_accented_query_finds_unaccented_text(search):
    assert ids(search([make_doc(1, "Epicerie solidaire"), make_doc(2, "Jardin")], q="épicerie")) == [1]


def test_ligature_coeur_matches_typed_oe(search):
    assert ids(search([make_doc(1, "Restos du cœur"), make_doc(2, "Jardin")], q="coeur")) == [1]


# --- relevance ---------------------------------------------------------------------------


def test_title_match_outranks_description_match(search):
    docs = [make_doc(1, "Atelier cuisine", "On parlera de jardinage."), make_doc(2, "Jardinage", "Atelier.")]
    assert ids(search(docs, q="jardinage")) == [2, 1]


def test_skills_match_outranks_description_match(search):
    docs = [make_doc(1, "Mission", "Savoir cuisiner."), make_doc(2, "Mission", "Rien.", skills=("cuisine",))]
    assert ids(search(docs, q="cuisine")) == [2, 1]


def test_missions_with_every_word_outrank_those_with_one(search):
    docs = [
        make_doc(1, "Soutien soutien soutien", "soutien"),
        make_doc(2, "Soutien scolaire", ""),
        make_doc(3, "Sortie au musée", ""),
    ]
    assert ids(search(docs, q="soutien scolaire")) == [2, 1]


def test_text_matches_agree_with_the_equivalent_whoosh_query(index, search):
    pairs = [("cuisine", "jardin"), ("jardin", "devoirs"), ("sport", "chat")]
    docs = [
        make_doc(i, f"Mission {word}", f"Aide {other}", skills=(word,))
        for i, (word, other) in enumerate(pairs, 1)
    ]
    index.rebuild(docs)
    storage_index = FileStorage(str(index.directory)).open_index(INDEX_NAME)
    with storage_index.searcher() as searcher:
        for text in ("jardin", "devoirs cuisine", "aide", "chats sports"):
            expected = len(set(searcher.docs_for_query(whoosh_query(text, storage_index.schema))))
            assert index.search(SearchQuery(q=text)).total == expected, text


# --- filters ------------------------------------------------------------------------------


def test_domains_are_or_ed_and_kinds_and_ed_with_them(search):
    docs = [
        make_doc(1, domain="education", kind="ponctual"),
        make_doc(2, domain="sante", kind="ponctual"),
        make_doc(3, domain="sante", kind="leadership"),
        make_doc(4, domain="sport", kind="ponctual"),
    ]
    assert sorted(ids(search(docs, domains=("education", "sante")))) == [1, 2, 3]
    assert sorted(ids(search(domains=("education", "sante"), kinds=("ponctual",)))) == [1, 2]


def test_distance_filter_keeps_missions_within_the_radius(search):
    docs = [
        make_doc(1, lat=PARIS[0], lon=PARIS[1]),
        make_doc(2, lat=VERSAILLES[0], lon=VERSAILLES[1]),
        make_doc(3, lat=LYON[0], lon=LYON[1]),
        make_doc(4, lat=None, lon=None),
    ]
    assert sorted(ids(search(docs, lat=PARIS[0], lon=PARIS[1], radius_km=10))) == [1]
    assert sorted(ids(search(lat=PARIS[0], lon=PARIS[1], radius_km=25))) == [1, 2]


def test_distance_sort_puts_nearest_first_remote_last_and_reports_distances(search):
    docs = [
        make_doc(1, lat=LYON[0], lon=LYON[1]),
        make_doc(2, lat=VERSAILLES[0], lon=VERSAILLES[1]),
        make_doc(3, remote=True, lat=PARIS[0], lon=PARIS[1]),
        make_doc(4, lat=PARIS[0], lon=PARIS[1]),
    ]
    result = search(docs, lat=PARIS[0], lon=PARIS[1], sort="distance")
    assert ids(result) == [4, 2, 1, 3]
    distances = {hit.id: hit.distance_km for hit in result.hits}
    assert distances[4] == 0.0
    assert distances[2] == pytest.approx(17.9, abs=0.5)
    assert distances[1] == pytest.approx(392, abs=5)


def test_remote_missions_pass_the_distance_filter_only_when_included(search):
    docs = [
        make_doc(1, lat=PARIS[0], lon=PARIS[1]),
        make_doc(2, remote=True, lat=LYON[0], lon=LYON[1]),
        make_doc(3, remote=True, lat=None, lon=None),
    ]
    near_paris = {"lat": PARIS[0], "lon": PARIS[1], "radius_km": 20}
    assert sorted(ids(search(docs, **near_paris))) == [1, 2, 3]
    assert ids(search(include_remote=False, **near_paris)) == [1]
    assert ids(search(include_remote=False)) == [1]


def test_age_range_16_17_only_finds_missions_open_from_16(search):
    docs = [make_doc(1, min_age=16), make_doc(2, min_age=18), make_doc(3, min_age=14, max_age=15)]
    assert ids(search(docs, age_range="16-17")) == [1]
    assert sorted(ids(search(age_range="18-25"))) == [1, 2]


def test_adult_age_ranges_pass_when_they_overlap_the_mission_ages(search):
    docs = [make_doc(1, min_age=18, max_age=30), make_doc(2, min_age=60), make_doc(3, min_age=25, max_age=40)]
    assert sorted(ids(search(docs, age_range="26-35"))) == [1, 3]
    assert sorted(ids(search(age_range="66+"))) == [2]


def test_slots_match_recurring_missions_sharing_a_slot(search):
    docs = [
        make_doc(1, schedule="recurring", start_date=None, slots=("mon_morning", "sat_afternoon")),
        make_doc(2, schedule="recurring", start_date=None, slots=("tue_evening",)),
    ]
    assert ids(search(docs, slots=("sat_afternoon", "sun_morning"))) == [1]


def test_slots_match_one_off_missions_by_the_weekday_of_their_date(search):
    docs = [make_doc(1, start_date=WEDNESDAY), make_doc(2, start_date=date(2025, 6, 5))]  # a Thursday
    assert ids(search(docs, slots=("wed_evening",))) == [1]
    assert ids(search(slots=("thu_morning",))) == [2]


def test_a_one_off_mission_covers_its_weekdays_at_its_parts_of_the_day():
    weekend = make_doc(1, start_date=date(2025, 6, 7), end_date=date(2025, 6, 8), day_parts=("evening",))
    assert vocab.one_off_slots(weekend) == ("sat_evening", "sun_evening")
    whole_day = make_doc(2, start_date=WEDNESDAY)
    assert vocab.one_off_slots(whole_day) == ("wed_morning", "wed_afternoon", "wed_evening")
    assert vocab.one_off_slots(make_doc(3, start_date=None)) == ()  # no date: flexible
    recurring = make_doc(4, schedule="recurring", start_date=None, slots=("mon_morning",))
    assert vocab.one_off_slots(recurring) == ()
    with pytest.raises(ValueError):
        make_doc(5, day_parts=("night",))


def test_slots_match_one_off_missions_by_their_weekday_and_part_of_the_day(search):
    docs = [make_doc(1, day_parts=("morning",)), make_doc(2, day_parts=("evening",)), make_doc(3)]
    assert ids(search(docs, slots=("wed_evening",))) == [2, 3]
    assert ids(search(slots=("thu_evening", "wed_morning"))) == [1, 3]


def test_date_window_keeps_overlapping_one_offs_and_running_recurring_missions(search):
    docs = [
        make_doc(1, start_date=date(2025, 6, 10)),
        make_doc(2, start_date=date(2025, 7, 10)),
        make_doc(3, start_date=date(2025, 6, 1), end_date=date(2025, 6, 12)),
        make_doc(4, schedule="recurring", start_date=None, end_date=None, slots=("mon_morning",)),
        make_doc(5, schedule="recurring", start_date=date(2025, 1, 1), end_date=date(2025, 5, 31)),
    ]
    result = search(docs, date_from=date(2025, 6, 8), date_to=date(2025, 6, 15))
    assert sorted(ids(result)) == [1, 3, 4]


def test_full_missions_are_hidden_unless_asked(search):
    docs = [make_doc(1, seats_left=0), make_doc(2, seats_left=2)]
    assert ids(search(docs)) == [2]
    assert sorted(ids(search(with_seats=False))) == [1, 2]


# --- pages, sorts, facets ------------------------------------------------------------------


def test_pages_have_the_total_and_never_overlap(search):
    docs = [make_doc(i, "Collecte de jouets") for i in range(1, 46)]
    search(docs)
    pages = [search(q="collecte", page=page, per_page=20) for page in (1, 2, 3, 4)]
    assert [r.total for r in pages] == [45, 45, 45, 45]
    assert [len(r.hits) for r in pages] == [20, 20, 5, 0]
    assert pages[0].pages == 3
    seen = [hit for r in pages for hit in ids(r)]
    assert sorted(seen) == list(range(1, 46))


def test_date_sort_puts_soonest_first_and_undated_last(search):
    docs = [
        make_doc(1, start_date=date(2025, 9, 1)),
        make_doc(2, start_date=None),
        make_doc(3, start_date=date(2025, 6, 1)),
    ]
    assert ids(search(docs, sort="date")) == [3, 1, 2]


def test_without_words_newest_missions_come_first(search):
    docs = [make_doc(1, published_at=datetime(2025, 1, 1)), make_doc(2, published_at=datetime(2025, 3, 1))]
    assert ids(search(docs)) == [2, 1]


def test_facets_count_matches_per_domain_and_kind_ignoring_their_own_filter(search):
    docs = [
        make_doc(1, "Collecte", domain="education", kind="ponctual"),
        make_doc(2, "Collecte", domain="sante", kind="support"),
        make_doc(3, "Collecte", domain="sante", kind="ponctual"),
        make_doc(4, "Jardin", domain="sport", kind="ponctual"),
    ]
    result = search(docs, q="collecte", domains=("sante",), kinds=("ponctual",))
    assert ids(result) == [3]
    assert result.facets["domain"] == {"education": 1, "sante": 1}  # kind filter applied, not domain
    assert result.facets["kind"] == {"support": 1, "ponctual": 1}  # domain filter applied, not kind


# --- highlights and suggestions --------------------------------------------------------------


def test_highlights_mark_matches_and_keep_html_escaped(search):
    doc = make_doc(1, "<script>alert('x')</script> Aide aux devoirs", "Des <b>devoirs</b> & du goûter")
    hit = search([doc], q="devoir").hits[0]
    escaped_script = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"
    assert hit.highlights["title"] == f"{escaped_script} Aide aux <mark>devoirs</mark>"
    assert hit.highlights["description"] == "Des &lt;b&gt;<mark>devoirs</mark>&lt;/b&gt; &amp; du goûter"


def test_long_descriptions_are_cut_around_the_matches():
    text = "Début. " + "Phrase sans intérêt. " * 20 + "Ici le jardinage partagé. " + "Fin du texte. " * 20
    snippet = highlight(text, analyze("jardinage"), width=120)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>jardinage</mark>" in snippet
    assert len(snippet) < 160


def test_misspelled_word_gets_a_suggestion(search):
    result = search([make_doc(1, "Aide aux devoirs"), make_doc(2, "Jardinage")], q="aide aux devoors")
    assert result.total == 1  # "aide" still matches: no suggestion needed
    result = search(q="jardinnage")
    assert result.total == 0
    assert result.suggestion == "jardinage"


def test_no_suggestion_when_the_words_exist_but_filters_exclude_them(search):
    result = search([make_doc(1, "Jardinage", domain="sport")], q="jardinage", domains=("sante",))
    assert result.total == 0 and result.suggestion is None


# --- writes -----------------------------------------------------------------------------


def test_upsert_replaces_without_duplicates_after_many_updates_and_merges(index):
    index.rebuild([make_doc(1, "Version 0"), make_doc(2, "Autre"), make_doc(3, "Encore")])
    for version in range(1, 31):  # one commit each: segments pile up and get merged
        index.upsert([make_doc(1, f"Version {version} jardin")])
        result = index.search(SearchQuery(q="jardin"))
        assert ids(result) == [1]
        assert result.hits[0].highlights["title"] == f"Version {version} <mark>jardin</mark>"
    assert index.count() == 3
    assert index.all_ids() == {1, 2, 3}


def test_upsert_batch_with_a_repeated_id_keeps_the_last_version(index):
    assert index.upsert([make_doc(7, "Premier"), make_doc(7, "Second"), make_doc(8, "Autre")]) == 2
    assert index.count() == 2
    assert ids(index.search(SearchQuery(q="second"))) == [7]
    assert index.search(SearchQuery(q="premier")).total == 0


def test_delete_removes_missions(index):
    index.rebuild([make_doc(1, "Jardin"), make_doc(2, "Jardin"), make_doc(3, "Jardin")])
    assert index.delete([2, 99]) == 1
    assert sorted(ids(index.search(SearchQuery(q="jardin")))) == [1, 3]
    assert index.all_ids() == {1, 3}


def test_rebuild_replaces_the_previous_content(index):
    index.rebuild([make_doc(1, "Jardin"), make_doc(2, "Cuisine")])
    index.rebuild([make_doc(3, "Sport")])
    assert index.all_ids() == {3}


def test_writes_from_another_instance_are_seen_by_the_next_search(tmp_path):
    reader, writer = MissionIndex(tmp_path).create(), MissionIndex(tmp_path).open()
    assert reader.search(SearchQuery(q="jardin")).total == 0  # keeps a searcher open
    writer.upsert([make_doc(1, "Jardin")])
    assert ids(reader.search(SearchQuery(q="jardin"))) == [1]


def test_an_empty_index_finds_nothing(index):
    result = index.search(SearchQuery(q="jardin", domains=("sante",)))
    assert (result.total, result.hits, result.suggestion) == (0, [], None)
    assert index.count() == 0 and index.all_ids() == set()


# --- plumbing ---------------------------------------------------------------------------


def test_fast_posting_reader_agrees_with_the_public_matcher_api(index, monkeypatch):
    index.rebuild([make_doc(i, "Jardin " * (i % 3 + 1), "Aide") for i in range(1, 400)])
    index.delete(range(1, 400, 7))  # the segment now has deletions
    storage_index = FileStorage(str(index.directory)).open_index(INDEX_NAME)
    with storage_index.searcher() as searcher:
        reader = searcher.reader()
        expected = dict(zip(*index_module._postings_public(reader, "title", "jardin"), strict=True))

        def fail(*args):
            raise AssertionError("the fast path should have been used")

        monkeypatch.setattr(index_module, "_postings_public", fail)
        docnums, freqs = read_postings(reader, "title", "jardin")
        live = {
            docnum: freq
            for docnum, freq in zip(docnums.tolist(), freqs.tolist(), strict=True)
            if not reader.is_deleted(docnum)
        }
    assert live == expected and len(docnums) == 399
    assert index.search(SearchQuery(q="jardin", per_page=1)).total == 399 - 57


def test_search_vocabularies_match_the_reference_ones():
    reference = pytest.importorskip("marketplace.reference.vocabularies")
    assert vocab.DOMAIN_SLUGS == reference.DOMAIN_SLUGS
    assert vocab.MISSION_KIND_SLUGS == reference.MISSION_KIND_SLUGS
    assert vocab.SLOTS == reference.SLOTS
    assert vocab.AGE_RANGES == reference.AGE_RANGES
    assert vocab.SCHEDULE_SLUGS == reference.SCHEDULE_SLUGS


@pytest.mark.parametrize(
    "bad",
    [
        {"domains": ("cuisine",)},
        {"sort": "price"},
        {"age_range": "12-15"},
        {"slots": ("wed_night",)},
        {"radius_km": 10.0},
        {"page": 0},
        {"per_page": 500},
    ],
)
def test_queries_with_unknown_values_are_rejected(bad):
    with pytest.raises(ValueError):
        SearchQuery(**bad)
