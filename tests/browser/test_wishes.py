"""What people ask for and rule out, in a real browser: support missions with true reasons, never a
mission at hours they are not free (those come apart, « Si vos horaires changent »), never a cause
they avoid — from the profile and from the assistant, on a computer and on a phone."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from marketplace.extensions import db
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

LYON_7 = (45.7456, 4.8427)
WEDNESDAY, SATURDAY = 2, 5
DAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
KIND_LABELS = {"ponctual": "Ponctuelle", "support": "Soutien", "leadership": "Responsabilité"}
NEXT_TITLES = {  # the question that follows each one
    "causes": "Combien de temps aimeriez-vous donner ?",
    "temps": "Quand êtes-vous disponible ?",
    "quand": "Où aimeriez-vous aider ?",
    "ou": "Qu’aimeriez-vous faire ou apprendre ?",
    "envies": "Ce que je ne souhaite pas",
    "avoid": "Quel âge avez-vous ?",
    "age": "Viendriez-vous seul·e ou accompagné·e ?",
}


def _next(page, step: str) -> None:
    """Send this question and wait for the next one (the panel is swapped by JavaScript)."""
    page.get_by_test_id("assistant-next").click()
    # The "where" answer looks the commune up: give a busy machine time.
    expect(page.get_by_role("heading", level=1)).to_have_text(NEXT_TITLES[step], timeout=15_000)


def next_weekday(weekday: int, *, after_days: int = 7) -> date:
    start = date.today() + timedelta(days=after_days)
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def fold(text: str) -> str:
    """Lower case without accents, one space: so facts and reasons compare as people read them."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(bare.casefold().replace("’", "'").split())


def _candidate(make, **profile):
    user = make.user("candidate", first_name="Inès", email=f"ines{make._next()}@example.fr")
    values = {"lat": LYON_7[0], "lon": LYON_7[1], "radius_km": 10, "postcode": "69007", "city": "Lyon"}
    for name, value in {**values, **profile}.items():
        setattr(user.profile, name, value)
    db.session.commit()
    return user


# --- Reasons checked against the mission's own page -----------------------------------------------


def answer_the_assistant(
    page,
    *,
    causes=(),
    words="",
    frequency="Une fois, pour essayer",
    hours=None,
    when=(),
    slots=(),
    skills=(),
    ruled_out=(),
    shot=None,
) -> None:
    """Go through « Trouver ma mission » from its first question to the results, in Lyon 7e.

    ``ruled_out`` are labels ticked at « Ce que je ne souhaite pas »; ``shot`` names a screenshot
    of that question once answered.
    """
    page.goto(page.url.split("/trouver-ma-mission")[0] + "/trouver-ma-mission/causes")
    for label in causes:
        page.get_by_label(label).check()
    if words:
        page.get_by_label("Avec vos mots").fill(words)
    _next(page, "causes")
    page.get_by_label(frequency).check()
    if hours:
        page.locator("#hours").select_option(hours)
    _next(page, "temps")
    for label in when:
        page.get_by_label(label).check()
    if slots:
        page.locator("details.assistant-details summary").click()
        for slot in slots:
            page.locator(f"#slot-{slot}").check()
    _next(page, "quand")
    page.get_by_label("Code postal ou commune").fill("69007")
    _next(page, "ou")
    for label in skills:
        page.get_by_label(label).check()
    _next(page, "envies")
    for label in ruled_out:
        if page.get_by_label(label).is_hidden():  # a cause: the list is folded
            page.locator("#field-avoid_domains summary").click()
        page.get_by_label(label).check()
    if shot:
        screenshot(page, shot)
    _next(page, "avoid")
    page.get_by_label("26 à 35 ans").check()
    _next(page, "age")
    page.get_by_role("radio", name="Seul·e").check()
    page.get_by_test_id("assistant-next").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text(NEXT_TITLES["age"], timeout=15_000)


def mission_facts(page, url: str) -> dict:
    """What the mission's public page says: kind, cause, skills, when, distance, and its text."""
    page.goto(url)
    article = page.locator("article").first
    when = page.locator(".mission-facts dd").nth(1).inner_text()
    distance = page.get_by_test_id("distance-from-home")
    return {
        "kind": article.locator(".badge").first.inner_text(),
        "domain": article.locator(".tag").first.inner_text(),
        "skills": [fold(text) for text in article.locator(".tags .tag").all_inner_texts()],
        "when": fold(when),
        "km": _km(distance.inner_text()) if distance.count() else None,
        "text": fold(article.inner_text()),
    }


def _km(text: str) -> float:
    """'à 1,2 km de chez vous' -> 1.2."""
    found = re.search(r"(\d+(?:[,.]\d+)?) km", text)
    assert found, text
    return float(found.group(1).replace(",", "."))


def _split_words(text: str) -> list[str]:
    """'a, b et c' -> ['a', 'b', 'c']."""
    return [part.strip() for part in re.split(r",| et ", text) if part.strip()]


def reason_is_true(reason: str, facts: dict) -> bool:
    """Whether one French reason says something the mission's page confirms (unknown: False)."""
    text = fold(reason)
    if match := re.fullmatch(r"dans un domaine qui vous interesse : (.+)", text):
        return match.group(1) == fold(facts["domain"])
    if match := re.fullmatch(
        r"une mission (de soutien|ponctuelle|de responsabilite), comme vous le souhaitez", text
    ):
        wanted = {"de soutien": "Soutien", "ponctuelle": "Ponctuelle", "de responsabilite": "Responsabilité"}
        # Badges may be upper-cased by CSS.
        return facts["kind"].casefold() == wanted[match.group(1)].casefold()
    if match := re.fullmatch(r"competences? recherchees? : (.+)", text):
        return all(skill in facts["skills"] for skill in _split_words(match.group(1)))
    if match := re.fullmatch(r"vous etes disponible (.+?)(?: \(\d+ \w+\))?", text):
        slots = re.findall(r"le (\w+) (matin|apres-midi|soir)", match.group(1))
        return bool(slots) and all(_takes_place(facts["when"], day, part) for day, part in slots)
    if text == "a moins d'un kilometre de chez vous":
        return facts["km"] is not None and facts["km"] < 1
    if match := re.fullmatch(r"a (\d+) km de chez vous", text):
        return facts["km"] is not None and round(facts["km"]) == int(match.group(1))
    if match := re.fullmatch(r"proche de ce que vous recherchez : (.+)", text):
        return all(fold(term) in facts["text"] for term in _split_words(match.group(1)))
    if text == "une mission ponctuelle, ideale pour une premiere experience":
        return facts["kind"].casefold() == "ponctuelle"
    return text == "ouverte a votre profil"


def _takes_place(when: str, day: str, part: str) -> bool:
    """A weekly slot ("mercredi soir") is listed, or the date falls that day at that part of the day
    (any part when the page names none)."""
    if f"{day} {part}" in when:
        return True
    parts_named = [name for name in ("matin", "apres-midi", "soir") if name in when]
    return day in when and (part in parts_named or not parts_named)


def check_every_reason(page, cards) -> int:
    """Open each recommended mission and check each of its reasons there; returns how many."""
    shown = []
    for index in range(cards.count()):
        card = cards.nth(index)
        link = card.get_by_role("link").first
        reasons = card.locator(".reasons li, .assistant-reasons li").all_inner_texts()
        shown.append((link.get_attribute("href"), reasons))
    checked = 0
    origin = page.url.split("/", 3)[:3]
    for href, reasons in shown:
        facts = mission_facts(page, "/".join(origin) + href)
        for reason in reasons:
            assert reason_is_true(reason, facts), (reason, facts)
            checked += 1
    return checked


# --- A person asking for support missions ------------------------------------------------------------


@pytest.fixture
def support_and_festivals(make):
    epicerie = make.association("Épicerie solidaire de la Guillotière")
    festival = make.association("Festival des Berges")
    support = [
        make.mission(
            epicerie,
            title="Tenir les comptes de l'épicerie solidaire",
            description="Saisir les recettes et les dépenses, préparer les dossiers de subvention et le "
            "budget avec la trésorière : comptabilité associative, tableur.",
            kind="support",
            schedule="recurring",
            start_date=None,
            slots=["wed_evening"],
            hours_per_week=2,
            skills=["comptabilité", "tableur"],
        ),
        make.mission(
            epicerie,
            title="Dossiers de mécénat et de subventions",
            description="Repérer les fondations, rédiger les dossiers de financement et suivre les "
            "subventions de l'épicerie, en lien avec le bureau.",
            kind="support",
            schedule="recurring",
            start_date=None,
            slots=["sat_morning"],
            hours_per_week=3,
            skills=["rédaction", "mécénat"],
        ),
    ]
    festivals = [
        make.mission(
            festival,
            title=f"Buvette du festival, jour {n}",
            description="Servir les boissons, tenir la caisse et ranger : une journée festive pour "
            "financer la collecte de dons et les subventions de l'épicerie.",
            kind="ponctual",
            start_date=next_weekday(SATURDAY) + timedelta(days=7 * n),
            day_parts=["morning"],
            skills=["service", "caisse"],
        )
        for n in range(3)
    ]
    return support, festivals


def test_a_person_asking_for_support_missions_gets_them_with_true_reasons(
    page, phone_page, live_server, make, support_and_festivals
):
    support, festivals = support_and_festivals
    user = _candidate(
        make,
        wanted_kinds=["support"],
        domains=["aide-alimentaire"],
        skills=["comptabilité", "tableur", "rédaction"],
        slots=["wed_evening", "sat_morning"],
        about="Comptable de métier, je veux aider une association : budget, subventions, mécénat.",
    )
    sign_in(page, live_server, user.email)
    page.goto(live_server + "/espace")
    cards = page.get_by_test_id("recommended").get_by_test_id("recommendation")
    expect(cards).to_have_count(len(support))
    for index in range(cards.count()):
        expect(cards.nth(index).locator(".badge").first).to_have_text(KIND_LABELS["support"])
    for mission in festivals:
        expect(page.get_by_test_id("recommended")).not_to_contain_text(mission.title)
    screenshot(page, "wishes-support-dashboard-desktop")
    assert check_every_reason(page, cards) >= len(support)

    sign_in(phone_page, live_server, user.email)
    phone_page.goto(live_server + "/espace")
    expect(phone_page.get_by_test_id("recommended").get_by_test_id("recommendation")).to_have_count(
        len(support)
    )
    screenshot(phone_page, "wishes-support-dashboard-phone")


def test_the_assistant_gives_support_missions_to_someone_who_asks_for_them(
    page, live_server, support_and_festivals
):
    support, festivals = support_and_festivals
    page.goto(live_server + "/trouver-ma-mission")
    answer_the_assistant(
        page,
        causes=["Aide alimentaire"],
        words="comptabilité, budget, subventions",
        frequency="Chaque semaine",
        hours="4",  # the mecenat mission asks 3 hours a week
        when=["Le week-end"],
        slots=["wed_evening"],
        skills=["La comptabilité", "Mettre mes compétences professionnelles au service d’une association"],
    )
    results = page.get_by_test_id("recommendations").get_by_test_id("assistant-result")
    expect(results).to_have_count(len(support))
    for index in range(results.count()):
        expect(results.nth(index).locator(".badge").first).to_have_text(KIND_LABELS["support"])
    for mission in festivals:
        expect(page.get_by_test_id("recommendations")).not_to_contain_text(mission.title)
    screenshot(page, "wishes-support-assistant-results")
    assert check_every_reason(page, results) >= len(support)


# --- Free only on Wednesday afternoons -----------------------------------------------------------------


@pytest.fixture
def wednesday_and_saturday(make):
    maison = make.association("Maison de quartier de Gerland")
    wednesday = make.mission(
        maison,
        title="Aide aux devoirs du mercredi",
        kind="support",
        domain="education",
        schedule="recurring",
        start_date=None,
        slots=["wed_afternoon"],
        hours_per_week=2,
    )
    saturdays = [
        make.mission(
            maison,
            title="Sortie au musée du samedi",
            domain="education",
            start_date=next_weekday(SATURDAY),
            day_parts=["afternoon"],
        ),
        make.mission(
            maison,
            title="Atelier lecture du samedi matin",
            kind="support",
            domain="education",
            schedule="recurring",
            start_date=None,
            slots=["sat_morning"],
            hours_per_week=2,
        ),
    ]
    return wednesday, saturdays


def test_someone_free_only_on_wednesday_afternoons_never_gets_a_saturday_mission(
    page, phone_page, live_server, make, wednesday_and_saturday
):
    wednesday, saturdays = wednesday_and_saturday
    user = _candidate(make, slots=["wed_afternoon"], flexible=False, domains=["education"])
    sign_in(page, live_server, user.email)
    page.goto(live_server + "/espace")
    recommended = page.get_by_test_id("recommended")
    expect(recommended.get_by_test_id("recommendation")).to_have_count(1)
    expect(recommended).to_contain_text(wednesday.title)
    for mission in saturdays:
        expect(recommended).not_to_contain_text(mission.title)

    # Fewer than three missions fit: the Saturday ones come apart, labelled and explained.
    apart = page.get_by_test_id("other-times")
    expect(apart.get_by_role("heading", level=2)).to_have_text("Si vos horaires changent")
    expect(apart).to_contain_text("pas aux moments où vous avez dit être disponible")
    for mission in saturdays:
        expect(apart).to_contain_text(mission.title)
    expect(apart).to_contain_text("samedi")  # when each one takes place is spelled out
    screenshot(page, "wishes-other-times-dashboard-desktop")

    # Every mission of the main list takes place on a Wednesday afternoon, as its own page says.
    cards = recommended.get_by_test_id("recommendation")
    hrefs = [cards.nth(i).get_by_role("link").first.get_attribute("href") for i in range(cards.count())]
    for href in hrefs:
        facts = mission_facts(page, live_server + href)
        assert "samedi" not in facts["when"] and "mercredi apres-midi" in facts["when"], facts["when"]

    sign_in(phone_page, live_server, user.email)
    phone_page.goto(live_server + "/espace")
    expect(phone_page.get_by_test_id("other-times")).to_be_visible()
    screenshot(phone_page, "wishes-other-times-dashboard-phone")


def test_the_assistant_keeps_other_days_apart_even_when_asked(page, live_server, wednesday_and_saturday):
    wednesday, saturdays = wednesday_and_saturday
    page.goto(live_server + "/trouver-ma-mission")
    answer_the_assistant(
        page, causes=["Éducation et soutien scolaire"], frequency="De temps en temps", slots=["wed_afternoon"]
    )
    results = page.get_by_test_id("recommendations")
    expect(results).to_contain_text(wednesday.title)
    apart = page.get_by_test_id("other-times")
    expect(apart.get_by_role("heading", level=2)).to_have_text("Si vos horaires changent")
    for mission in saturdays:
        expect(results).not_to_contain_text(mission.title)
        expect(apart).to_contain_text(mission.title)
    screenshot(page, "wishes-other-times-assistant")


# --- A cause ruled out ------------------------------------------------------------------------------------


@pytest.fixture
def sport_and_food(make):
    club = make.association("Club sportif de Gerland")
    epicerie = make.association("Épicerie solidaire de la Guillotière")
    sport = [
        make.mission(
            club, title=f"Tournoi de quartier n° {n}", domain="sport", start_date=next_weekday(SATURDAY)
        )
        for n in range(1, 3)
    ]
    food = make.mission(
        epicerie,
        title="Accueil des familles à l’épicerie",
        description="Accueillir les familles à l'entrée, assis au bureau d'accueil, et noter leur passage.",
        start_date=next_weekday(SATURDAY),
    )
    return sport, food


def test_a_cause_ruled_out_in_the_profile_is_never_recommended(
    page, phone_page, live_server, make, sport_and_food
):
    sport, food = sport_and_food
    user = _candidate(make, slots=["sat_morning", "sat_afternoon"], age_range="26-35")
    sign_in(page, live_server, user.email)
    page.goto(live_server + "/espace")
    expect(page.get_by_test_id("recommended")).to_contain_text(sport[0].title)

    page.goto(live_server + "/espace/profil")
    not_wanted = page.get_by_test_id("profile-not-wanted")
    expect(not_wanted.get_by_role("group").first).to_be_visible()
    not_wanted.get_by_text("Pas devant un écran").click()
    not_wanted.locator("summary").click()
    not_wanted.locator("label[for='avoid_domains-sport']").click()
    screenshot(page, "wishes-profile-not-wanted-desktop")
    page.get_by_test_id("profile-save").click()
    expect(page.get_by_text("Votre profil est enregistré.")).to_be_visible()
    expect(page.locator("#avoid_domains-sport")).to_be_checked()

    page.goto(live_server + "/espace")
    recommended = page.get_by_test_id("recommended")
    expect(recommended).to_contain_text(food.title)
    expect(recommended.locator(".tag", has_text="Sport")).to_have_count(0)
    for mission in sport:
        expect(page.locator("main")).not_to_contain_text(mission.title)
    answer = page.request.get(live_server + "/api/v1/me/recommendations").json()
    assert {item["mission"]["domain"] for item in answer["items"] + answer["other_times"]} == {
        "aide-alimentaire"
    }

    # Avoiding a cause also chosen is refused, in French, and what was ticked stays ticked.
    page.goto(live_server + "/espace/profil")
    page.locator("label[for='domains-sport']").click()
    page.get_by_test_id("profile-save").click()
    expect(page.locator("#error-summary")).to_contain_text(
        "Vous choisissez et évitez la même cause : « Sport »"
    )
    expect(page.locator("#domains-sport")).to_be_checked()
    expect(page.locator("#avoid_domains-sport")).to_be_checked()
    screenshot(page, "wishes-profile-not-wanted-error")

    sign_in(phone_page, live_server, user.email)
    phone_page.goto(live_server + "/espace/profil")
    phone_page.get_by_test_id("profile-not-wanted").scroll_into_view_if_needed()
    screenshot(phone_page, "wishes-profile-not-wanted-phone")


def test_a_cause_ruled_out_in_the_assistant_is_never_shown(page, phone_page, live_server, sport_and_food):
    sport, food = sport_and_food
    for current, name in ((page, "desktop"), (phone_page, "phone")):
        current.goto(live_server + "/trouver-ma-mission")
        answer_the_assistant(
            current,
            when=["Le week-end"],
            ruled_out=["Pas d’effort physique", "Sport"],
            shot=f"wishes-assistant-not-wanted-{name}",
        )
        expect(current.get_by_test_id("recommendations")).to_contain_text(food.title)
        for mission in sport:
            expect(current.locator("main")).not_to_contain_text(mission.title)
        screenshot(current, f"wishes-assistant-not-wanted-results-{name}")
