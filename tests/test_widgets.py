"""Widgets: configurator, the framable page (filters, no cookie, CSP), counters, tag, Atom feed."""

from __future__ import annotations

import base64
import hashlib
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from marketplace.candidates.models import Application
from marketplace.domain import DomainError
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.networks.models import NetworkMember
from marketplace.search import services as search
from marketplace.search.documents import DOMAIN_SLUGS, SearchQuery
from marketplace.widgets import services
from marketplace.widgets.models import Widget, WidgetDailyStat
from tests.conftest import text_of
from tests.test_search_backends import BACKENDS

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
ATOM = "{http://www.w3.org/2005/Atom}"
MARSEILLE = {"city": "Marseille", "postcode": "13001", "lat": 43.2965, "lon": 5.3698}
VILLEURBANNE = {"city": "Villeurbanne", "postcode": "69100", "lat": 45.7719, "lon": 4.8902}


@pytest.fixture
def world(make):
    """A Lyon network (département 69) with one member association, and missions in and out of it."""
    admin = make.user("network_admin", email="reseau@example.fr")
    member = make.association("Les Jardins du Rhône", postcode="69007")
    outsider = make.association("Association lyonnaise", postcode="69003")
    southern = make.association("Soleil du Sud", postcode="13001", city="Marseille")
    network = make.network("Maison des associations de Lyon", admin=admin, members=(member,))
    missions = {
        "member": make.mission(member, title="Jardinage partagé", domain="environnement"),
        "outsider": make.mission(outsider, title="Aide aux devoirs", domain="education", kind="support"),
        "villeurbanne": make.mission(outsider, title="Collecte alimentaire", **VILLEURBANNE),
        "marseille": make.mission(
            southern, title="Maraude du soir", domain="solidarite-insertion", **MARSEILLE
        ),
        "remote": make.mission(
            southern, title="Traduction de documents", domain="international", remote=True, lat=None, lon=None
        ),
        "minors": make.mission(member, title="Tri de livres", domain="culture", min_age=16),
        "draft": make.mission(member, title="Jardin secret", status="draft"),
    }
    search.reindex_all()
    return {"admin": admin, "network": network, "member": member, "missions": missions}


def shown_titles(response) -> set[str]:
    page = text_of(response)
    return {title for title in TITLES if title in page}


TITLES = (
    "Jardinage partagé",
    "Aide aux devoirs",
    "Collecte alimentaire",
    "Maraude du soir",
    "Traduction de documents",
    "Tri de livres",
    "Jardin secret",
)


# --- the page and its filters ---------------------------------------------------------------------


def test_network_territory_widget_shows_published_missions_of_the_territory_and_remote_ones(
    client, make, world
):
    widget = make.widget(world["network"])
    response = client.get(f"/widget/{widget.public_id}")
    assert response.status_code == 200
    assert shown_titles(response) == {
        "Jardinage partagé",
        "Aide aux devoirs",
        "Collecte alimentaire",
        "Traduction de documents",
        "Tri de livres",
    }


def test_filters_members_only_minors_no_remote_domains_and_kinds(client, make, world):
    network = world["network"]
    members = make.widget(network, members_only=True)
    assert shown_titles(client.get(f"/widget/{members.public_id}")) == {"Jardinage partagé", "Tri de livres"}
    minors = make.widget(network, minors_only=True, include_remote=False)
    assert shown_titles(client.get(f"/widget/{minors.public_id}")) == {"Tri de livres"}
    by_domain = make.widget(network, domains=["education", "environnement"], include_remote=False)
    assert shown_titles(client.get(f"/widget/{by_domain.public_id}")) == {
        "Jardinage partagé",
        "Aide aux devoirs",
    }
    by_kind = make.widget(network, kinds=["support"])
    assert shown_titles(client.get(f"/widget/{by_kind.public_id}")) == {"Aide aux devoirs"}


def test_a_request_to_join_is_not_membership(client, make, world):
    db.session.add(
        NetworkMember(network=world["network"], association=world["missions"]["outsider"].association)
    )
    db.session.commit()  # status "requested" by default
    widget = make.widget(world["network"], members_only=True)
    assert "Aide aux devoirs" not in shown_titles(client.get(f"/widget/{widget.public_id}"))


def test_point_and_radius_widget_gives_the_same_missions_as_the_main_search(client, make, world):
    widget = make.widget(
        world["network"], territory="radius", postcode="13001", lat=43.2965, lon=5.3698, radius_km=10
    )
    response = client.get(f"/widget/{widget.public_id}")
    assert shown_titles(response) == {"Maraude du soir", "Traduction de documents"}
    main = client.get("/recherche?postcode=13001&radius_km=10&remote=1&per_page=10")
    assert shown_titles(main) == shown_titles(response)


def test_search_box_and_pages(client, make, world):
    widget = make.widget(world["network"], per_page=2)
    first = client.get(f"/widget/{widget.public_id}")
    assert len(shown_titles(first)) == 2
    assert "Page 1 sur 3" in text_of(first)
    third = client.get(f"/widget/{widget.public_id}?page=3")
    assert len(shown_titles(third)) == 1
    assert not shown_titles(first) & shown_titles(third)
    found = client.get(f"/widget/{widget.public_id}?q=jardinage")
    assert shown_titles(found) == {"Jardinage partagé"}
    assert 'value="jardinage"' in text_of(found)


def test_bad_page_is_a_clear_message_not_a_crash(client, make, world):
    widget = make.widget(world["network"])
    response = client.get(f"/widget/{widget.public_id}?page=abc")
    assert response.status_code == 400
    assert "numéro de page" in text_of(response)


def test_language_layout_and_colour_follow_the_settings(client, make, world):
    widget = make.widget(world["network"], language="en", layout="grid", colour="#aa3300")
    page = text_of(client.get(f"/widget/{widget.public_id}", headers={"Accept-Language": "fr"}))
    assert '<html lang="en">' in page
    assert "Search a mission" in page and "Apply" in page
    assert "widget--grid" in page
    assert "--widget-colour: #aa3300;" in page


def test_widget_page_shows_no_personal_data(client, make, world):
    candidate = make.user("candidate", email="camille.secret@example.fr", first_name="Camille")
    make.application(world["missions"]["member"], candidate)
    widget = make.widget(world["network"])
    page = text_of(client.get(f"/widget/{widget.public_id}"))
    assert "camille.secret@example.fr" not in page
    assert "Camille" not in page
    assert "@" not in page


# --- cookies and framing --------------------------------------------------------------------------


def test_widget_pages_set_no_cookie_even_for_a_signed_in_visitor(client, auth, make, world):
    widget = make.widget(world["network"])
    mission = world["missions"]["member"]
    for path in (
        f"/widget/{widget.public_id}",
        f"/widget/{widget.public_id}/atom.xml",
        "/widget.js",
        "/widget/nope",
    ):
        response = client.get(path)
        assert "Set-Cookie" not in response.headers, path
    auth.login_as(world["admin"])
    for path in (
        f"/widget/{widget.public_id}",
        f"/widget/{widget.public_id}/go/{mission.id}",
        f"/widget/{widget.public_id}/atom.xml",
    ):
        response = client.get(path, headers={"User-Agent": BROWSER})
        assert "Set-Cookie" not in response.headers, path
        assert "csrf_token" not in response.get_data(as_text=True)


def test_the_rest_of_tremplin_sets_its_session_cookie_as_before(client):
    # The guard is specific to the widget pages: a page with forms still sets the session.
    assert "Set-Cookie" in client.get("/connexion").headers


def test_widget_may_be_framed_by_any_site_while_the_rest_of_tremplin_may_not(client, make, world):
    widget = make.widget(world["network"])
    framed = client.get(f"/widget/{widget.public_id}")
    policy = framed.headers["Content-Security-Policy"]
    assert "frame-ancestors *" in policy
    assert "X-Frame-Options" not in framed.headers
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    for path in ("/", "/recherche", f"/missions/{world['missions']['member'].id}", "/connexion"):
        response = client.get(path)
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], path
        assert response.headers["X-Frame-Options"] == "DENY", path


def test_registered_origins_limit_who_may_frame_the_widget(client, make, world):
    widget = make.widget(
        world["network"], allowed_origins=["https://www.maison-asso.fr", "http://localhost:8080"]
    )
    policy = client.get(f"/widget/{widget.public_id}").headers["Content-Security-Policy"]
    assert "frame-ancestors 'self' https://www.maison-asso.fr http://localhost:8080;" in policy + ";"
    assert "frame-ancestors *" not in policy


def test_the_colour_style_block_is_allowed_by_its_hash_only(client, make, world):
    widget = make.widget(world["network"], colour="#aa3300")
    response = client.get(f"/widget/{widget.public_id}")
    style = ":root { --widget-colour: #aa3300; }"
    assert f"<style>{style}</style>" in response.get_data(as_text=True)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'self' 'sha256-{digest}'" in response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]


def test_pages_are_cached_until_the_database_changes_and_a_saved_widget_shows_at_once(
    app, client, make, world
):
    widget = make.widget(world["network"])
    path = f"/widget/{widget.public_id}"
    assert "Fête des voisins" not in text_of(client.get(path))
    make.mission(world["member"], title="Fête des voisins")  # a commit through the change pipeline
    search.reindex_all()  # the tests' index is not kept in sync (SEARCH_SYNC off)
    assert "Fête des voisins" in text_of(client.get(path))  # the stamp in the key moved: rendered again
    # A change made behind the pipeline's back (no stamp bump) is not seen: the page is cached.
    search.reindex_all()
    db.session.execute(text("UPDATE missions SET title = 'Vide-grenier solidaire'"))
    db.session.commit()
    search.reindex_all()
    assert "Vide-grenier solidaire" not in text_of(client.get(path))
    settings = services.settings_of(widget)
    settings.per_page = 20
    services.update_widget(widget, settings, by=world["admin"])  # saving empties this worker's cache
    db.session.commit()
    assert "Vide-grenier solidaire" in text_of(client.get(path))
    db.session.execute(text("UPDATE missions SET title = 'Atelier couture'"))
    db.session.commit()
    search.reindex_all()
    app.config["WIDGET_CACHE_SECONDS"] = 0
    try:
        assert "Atelier couture" in text_of(client.get(path))
    finally:
        app.config["WIDGET_CACHE_SECONDS"] = 30.0


def test_loader_script_is_served_at_the_short_address(client):
    response = client.get("/widget.js")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/javascript")
    body = response.get_data(as_text=True)
    assert "event.origin !== origin" in body and "event.source !== frame.contentWindow" in body


# --- counters, click and application tag ----------------------------------------------------------


def _counter(widget: Widget, column: str) -> int:
    return db.session.scalar(
        select(func.coalesce(func.sum(getattr(WidgetDailyStat, column)), 0)).where(
            WidgetDailyStat.widget_id == widget.id
        )
    )


def test_impressions_count_people_not_robots_nor_searches_nor_previews(client, make, world):
    widget = make.widget(world["network"])
    path = f"/widget/{widget.public_id}"
    client.get(path, headers={"User-Agent": BROWSER})
    client.get(path, headers={"User-Agent": BROWSER})
    client.get(path, headers={"User-Agent": GOOGLEBOT})
    client.get(path, headers={"User-Agent": ""})
    client.get(f"{path}?q=jardin", headers={"User-Agent": BROWSER})
    client.get(f"{path}?page=2", headers={"User-Agent": BROWSER})
    client.get(f"{path}?apercu=1", headers={"User-Agent": BROWSER})
    assert _counter(widget, "impressions") == 2


def test_impressions_are_kept_by_the_worker_then_written_in_one_go(app, client, make, world, monkeypatch):
    monkeypatch.setitem(app.config, "WIDGET_STATS_WRITE_SECONDS", 3600)
    services.write_pending_impressions()  # start from an empty buffer
    widget = make.widget(world["network"])
    for _ in range(3):
        client.get(f"/widget/{widget.public_id}", headers={"User-Agent": BROWSER})
    assert _counter(widget, "impressions") == 0  # not written yet: no write per page view
    assert services.widget_stats(widget).days[0].impressions == 3  # the statistics write them first
    db.session.commit()
    assert _counter(widget, "impressions") == 3


def test_apply_link_counts_the_click_and_tags_the_application(client, auth, make, world):
    widget = make.widget(world["network"])
    mission = world["missions"]["member"]
    page = text_of(client.get(f"/widget/{widget.public_id}"))
    go = f"/widget/{widget.public_id}/go/{mission.id}"
    assert f'href="{go}" target="_blank" rel="noopener"' in page

    response = client.get(go, headers={"User-Agent": BROWSER})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/missions/{mission.id}?widget={widget.public_id}"
    client.get(go, headers={"User-Agent": GOOGLEBOT})
    assert _counter(widget, "clicks") == 1

    candidate = make.user("candidate")
    client.get(response.headers["Location"])  # the mission page keeps the tag, before signing in
    auth.login_as(candidate)
    applied = client.post(f"/missions/{mission.id}/postuler", data={"motivation": ""})
    assert applied.status_code == 302
    application = db.session.scalar(select(Application).where(Application.candidate_id == candidate.id))
    assert application.source_widget_id == widget.id
    stats = services.widget_stats(widget)
    assert (stats.impressions, stats.clicks, stats.applications) == (1, 1, 1)


def test_an_untagged_application_is_not_counted_and_a_tag_is_per_mission(client, auth, make, world):
    widget = make.widget(world["network"])
    tagged, other = world["missions"]["member"], world["missions"]["outsider"]
    candidate = make.user("candidate")
    auth.login_as(candidate)
    client.get(f"/missions/{tagged.id}?widget={widget.public_id}")
    client.get(f"/missions/{other.id}?widget=not-a-widget")
    client.post(f"/missions/{other.id}/postuler", data={"motivation": ""})
    client.post(f"/missions/{tagged.id}/postuler", data={"motivation": ""})
    sources = dict(db.session.execute(select(Application.mission_id, Application.source_widget_id)).all())
    assert sources == {tagged.id: widget.id, other.id: None}


def test_click_on_an_unpublished_mission_is_a_404(client, make, world):
    widget = make.widget(world["network"])
    assert client.get(f"/widget/{widget.public_id}/go/{world['missions']['draft'].id}").status_code == 404
    assert _counter(widget, "clicks") == 0


def test_statistics_cover_the_last_30_days_only(make, world):
    widget = make.widget(world["network"])
    today = utcnow().date()
    db.session.add_all(
        [
            WidgetDailyStat(widget_id=widget.id, day=today, impressions=5, clicks=2),
            WidgetDailyStat(widget_id=widget.id, day=today - timedelta(days=29), impressions=3, clicks=1),
            WidgetDailyStat(widget_id=widget.id, day=today - timedelta(days=30), impressions=100, clicks=100),
        ]
    )
    old = make.application(world["missions"]["member"], source_widget_id=widget.id)
    old.created_at = utcnow() - timedelta(days=40)
    make.application(world["missions"]["outsider"], source_widget_id=widget.id)
    db.session.commit()
    stats = services.widget_stats(widget)
    assert len(stats.days) == 30
    assert (stats.impressions, stats.clicks, stats.applications) == (8, 3, 1)
    assert stats.days[0].day == today and stats.days[0].applications == 1


def test_statistics_page_shows_the_totals(client, auth, make, world):
    widget = make.widget(world["network"], name="Site de la Maison")
    db.session.add(WidgetDailyStat(widget_id=widget.id, day=utcnow().date(), impressions=7, clicks=4))
    db.session.commit()
    auth.login_as(world["admin"])
    page = text_of(client.get(f"/reseau/widgets/{widget.id}/statistiques"))
    assert 'data-total="impressions">7<' in page
    assert 'data-total="clicks">4<' in page
    assert 'data-total="applications">0<' in page


# --- the Atom feed --------------------------------------------------------------------------------


def _rfc3339(value: str) -> datetime:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    assert moment.tzinfo is not None, value  # RFC 4287 §3.3: a date-time with its offset
    return moment


def _one(element, tag: str):
    found = element.findall(f"{ATOM}{tag}")
    assert len(found) == 1, tag  # RFC 4287 §4.1.1, §4.1.2: exactly one id, title, updated
    return found[0]


def test_atom_feed_is_valid_and_lists_the_widget_missions(client, make, world):
    widget = make.widget(world["network"], members_only=True)
    response = client.get(f"/widget/{widget.public_id}/atom.xml")
    assert response.headers["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.data)  # noqa: S314 (our own feed)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == widget.language
    assert _one(feed, "id").text.endswith(f"/widget/{widget.public_id}/atom.xml")
    assert _one(feed, "title").text
    _rfc3339(_one(feed, "updated").text)
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Maison des associations de Lyon"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"].endswith(f"/widget/{widget.public_id}/atom.xml")
    assert links["alternate"].endswith(f"/widget/{widget.public_id}")
    entries = feed.findall(f"{ATOM}entry")
    assert {_one(entry, "title").text for entry in entries} == {"Jardinage partagé", "Tri de livres"}
    for entry in entries:
        _rfc3339(_one(entry, "updated").text)
        assert _one(entry, "id").text.startswith("http://localhost/missions/")
        link = entry.find(f"{ATOM}link")
        assert link.get("rel", "alternate") == "alternate"  # RFC 4287 §4.2.7.2: no rel means alternate
        assert link.get("href").startswith(f"http://localhost/widget/{widget.public_id}/go/")
        assert entry.find(f"{ATOM}category").get("term") in DOMAIN_SLUGS
        assert entry.find(f"{ATOM}summary").text.startswith(entry.find(f"{ATOM}author/{ATOM}name").text)


def test_atom_feed_escapes_titles(client, make, world):
    make.mission(world["member"], title="Fête <script> & goûter")
    search.reindex_all()
    widget = make.widget(world["network"])
    feed = ET.fromstring(client.get(f"/widget/{widget.public_id}/atom.xml").data)  # noqa: S314
    assert "Fête <script> & goûter" in {
        entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")
    }


# --- the configurator -----------------------------------------------------------------------------

FORM = {
    "name": "Site de la Maison",
    "domains": ["environnement", "culture"],
    "territory": "network",
    "postcode": "",
    "radius_km": "20",
    "include_remote": "y",
    "layout": "grid",
    "colour": "#AA3300",
    "per_page": "6",
    "language": "fr",
    "allowed_origins": "https://www.maison-asso.fr/\nhttp://localhost:8080",
}


def test_network_admin_creates_a_widget_and_gets_the_snippet(client, auth, world):
    auth.login_as(world["admin"])
    response = client.post(f"/reseau/{world['network'].id}/widgets/nouveau", data=FORM)
    assert response.status_code == 302
    widget = db.session.scalar(select(Widget))
    assert widget.network_id == world["network"].id
    assert (widget.domains, widget.layout, widget.colour, widget.per_page) == (
        ["environnement", "culture"],
        "grid",
        "#aa3300",
        6,
    )
    assert widget.allowed_origins == ["https://www.maison-asso.fr", "http://localhost:8080"]
    assert len(widget.public_id) >= 16 and widget.public_id != str(widget.id)
    page = text_of(client.get(response.headers["Location"]))
    assert (
        f'<script src="http://localhost/widget.js" data-widget="{widget.public_id}" async></script>' in page
    )
    assert f'<iframe src="http://localhost/widget/{widget.public_id}"' in page
    assert f'src="/widget/{widget.public_id}?apercu=1"' in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("colour", "red", "#RRVVBB"),
        ("colour", "#12345g", "#RRVVBB"),
        ("allowed_origins", "javascript:alert(1)", "n’est pas une adresse de site"),
        ("allowed_origins", "https://a.fr; script-src *", "n’est pas une adresse de site"),
        ("per_page", "0", "entre 1 et 50"),
        ("name", "", "Donnez un nom"),
        ("territory", "everywhere", "Choisissez"),
    ],
)
def test_bad_settings_are_refused_with_a_french_message_and_the_form_keeps_them(
    client, auth, world, field, value, message
):
    auth.login_as(world["admin"])
    response = client.post(f"/reseau/{world['network'].id}/widgets/nouveau", data={**FORM, field: value})
    assert response.status_code == 400
    page = text_of(response)
    assert message in page
    assert 'value="Site de la Maison"' in page or field == "name"
    assert db.session.scalar(select(func.count(Widget.id))) == 0


def test_radius_needs_a_known_postcode(client, auth, world):
    auth.login_as(world["admin"])
    data = {**FORM, "territory": "radius", "postcode": "99999"}
    response = client.post(f"/reseau/{world['network'].id}/widgets/nouveau", data=data)
    assert response.status_code == 400
    assert "code postal connu" in text_of(response)
    data["postcode"] = "13001"
    assert client.post(f"/reseau/{world['network'].id}/widgets/nouveau", data=data).status_code == 302
    widget = db.session.scalar(select(Widget))
    assert widget.postcode == "13001" and widget.lat == pytest.approx(43.3, abs=0.1)


def test_editing_and_deleting_a_widget(client, auth, make, world):
    widget = make.widget(world["network"], name="Ancien nom")
    auth.login_as(world["admin"])
    form_page = text_of(client.get(f"/reseau/widgets/{widget.id}"))
    assert 'value="Ancien nom"' in form_page
    assert (
        client.post(f"/reseau/widgets/{widget.id}", data={**FORM, "name": "Nouveau nom"}).status_code == 302
    )
    db.session.refresh(widget)
    assert widget.name == "Nouveau nom"
    public_id = widget.public_id
    make.application(world["missions"]["member"], source_widget_id=widget.id)
    assert client.post(f"/reseau/widgets/{widget.id}/supprimer").status_code == 302
    db.session.expire_all()
    assert db.session.get(Widget, widget.id) is None
    assert client.get(f"/widget/{public_id}").status_code == 404
    assert db.session.scalar(select(Application.source_widget_id)) is None


def test_live_preview_renders_unsaved_settings_and_saves_nothing(client, auth, world):
    auth.login_as(world["admin"])
    response = client.get(
        f"/reseau/{world['network'].id}/widgets/apercu",
        query_string={**FORM, "name": "", "domains": ["culture"], "language": "en"},
    )
    assert response.status_code == 200
    assert shown_titles(response) == {"Tri de livres"}
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
    assert db.session.scalar(select(func.count(Widget.id))) == 0
    assert _counter_rows() == 0
    bad = client.get(f"/reseau/{world['network'].id}/widgets/apercu", query_string={**FORM, "colour": "nope"})
    assert bad.status_code == 400


def _counter_rows() -> int:
    return db.session.scalar(select(func.count(WidgetDailyStat.id)))


# --- pure rules -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("agent", "bot"),
    [
        (BROWSER, False),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Safari/604.1", False),
        (GOOGLEBOT, True),
        ("Mozilla/5.0 (compatible; bingbot/2.0)", True),
        ("facebookexternalhit/1.1", True),
        ("curl/8.4.0", True),
        ("python-requests/2.31", True),
        ("", True),
        (None, True),
    ],
)
def test_robots_are_recognised_by_their_user_agent(agent, bot):
    assert services.is_bot(agent) is bot


def test_origins_are_normalised_and_deduplicated():
    assert services.parse_origins("HTTPS://Www.Exemple.fr/ https://www.exemple.fr,http://localhost:8080") == [
        "https://www.exemple.fr",
        "http://localhost:8080",
    ]


# --- rate limits ------------------------------------------------------------------------------------


def test_clicks_are_rate_limited_per_visitor_and_the_429_sets_no_cookie(make, world):
    from tests.conftest import build_app

    widget = make.widget(world["network"])
    mission = world["missions"]["member"]
    limited = build_app(RATELIMIT_ENABLED=True, WIDGET_CLICK_RATE_LIMIT="2 per minute")
    with limited.app_context():
        client = limited.test_client()
        go = f"/widget/{widget.public_id}/go/{mission.id}"
        statuses = [client.get(go, headers={"User-Agent": BROWSER}).status_code for _ in range(3)]
        refused = client.get(go, headers={"User-Agent": BROWSER})
    assert statuses == [302, 302, 429]
    assert int(refused.headers["Retry-After"]) > 0
    assert "Set-Cookie" not in refused.headers
    assert "Trop de tentatives" in text_of(refused)
    assert _counter(widget, "clicks") == 2


# --- both search engines ------------------------------------------------------------------------------


@pytest.fixture(params=BACKENDS)
def engine(request, app):
    """Run the test on each search engine (PostgreSQL's when the tests run on PostgreSQL)."""
    app.config["SEARCH_BACKEND"] = request.param
    yield request.param
    app.config["SEARCH_BACKEND"] = "whoosh"


def test_both_engines_restrict_a_search_to_the_given_missions(engine, client, make, world):
    search.reindex_all()
    member, minors = world["missions"]["member"], world["missions"]["minors"]
    result = search.search(SearchQuery(mission_ids=frozenset({member.id, minors.id, 999_999})))
    assert {hit.id for hit in result.hits} == {member.id, minors.id}
    assert result.total == 2
    assert sum(result.facets["domain"].values()) == 2
    assert search.search(SearchQuery(mission_ids=frozenset())).total == 0
    widget = make.widget(world["network"], members_only=True)
    assert shown_titles(client.get(f"/widget/{widget.public_id}")) == {"Jardinage partagé", "Tri de livres"}


# --- configurator fixes: framable error preview, all errors at once, contrast, origins trimmed -------


def test_preview_of_invalid_settings_can_be_framed_by_the_configurator(client, auth, world):
    auth.login_as(world["admin"])
    bad = client.get(
        f"/reseau/{world['network'].id}/widgets/apercu",
        query_string={**FORM, "colour": "nope", "per_page": "0"},
    )
    assert bad.status_code == 400
    policy = bad.headers["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy and "frame-ancestors 'none'" not in policy
    assert "X-Frame-Options" not in bad.headers
    page = text_of(bad)
    assert "#RRVVBB" in page and "entre 1 et 50" in page


def test_one_submit_shows_every_problem(client, auth, world):
    auth.login_as(world["admin"])
    data = {
        **FORM,
        "name": "",
        "colour": "#ffff00",
        "per_page": "0",
        "territory": "radius",
        "postcode": "99999",
        "allowed_origins": "javascript:alert(1)",
    }
    response = client.post(f"/reseau/{world['network'].id}/widgets/nouveau", data=data)
    assert response.status_code == 400
    page = text_of(response)
    for message in (
        "Donnez un nom",
        "contraste",
        "entre 1 et 50",
        "code postal connu",
        "n’est pas une adresse de site",
    ):
        assert message in page, message
    assert db.session.scalar(select(func.count(Widget.id))) == 0


def test_a_light_colour_is_refused_with_a_darker_suggestion_that_passes(client, auth, world):
    auth.login_as(world["admin"])
    response = client.post(
        f"/reseau/{world['network'].id}/widgets/nouveau", data={**FORM, "colour": "#ffff00"}
    )
    assert response.status_code == 400
    suggestion = services.darker_shade("#ffff00")
    assert suggestion in text_of(response)
    assert services.contrast_with_white(suggestion) >= services.MIN_CONTRAST
    accepted = client.post(
        f"/reseau/{world['network'].id}/widgets/nouveau", data={**FORM, "colour": suggestion}
    )
    assert accepted.status_code == 302


@pytest.mark.parametrize(
    ("colour", "ratio"),
    [("#ffffff", 1.0), ("#000000", 21.0), ("#0000ff", 8.59), ("#ffff00", 1.07), ("#767676", 4.54)],
)
def test_contrast_with_white_follows_wcag(colour, ratio):
    assert services.contrast_with_white(colour) == pytest.approx(ratio, abs=0.02)


def test_darker_shade_keeps_a_dark_colour_and_darkens_a_light_one():
    assert services.darker_shade("#000091") == "#000091"
    shade = services.darker_shade("#ff9900")
    assert shade != "#ff9900" and services.contrast_with_white(shade) >= 4.5
    # Just enough: one step lighter would fail.
    assert services.contrast_with_white(shade) < 5.5


def test_a_page_address_as_allowed_site_is_trimmed_to_its_origin():
    assert services.parse_origins("http://Asso.example.fr/agenda/benevolat?x=1\nhttps://b.fr:8443/page") == [
        "http://asso.example.fr",
        "https://b.fr:8443",
    ]
    for bad in ("ftp://a.fr", "https://user:pw@a.fr", "https://*.a.fr", "https://a.fr:99999"):
        with pytest.raises(DomainError):
            services.parse_origins(bad)
