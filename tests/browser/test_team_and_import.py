"""Team and import journeys in a real browser: invite by email, join with the link, upload a CSV
(its progress page, then its report once a worker ran the job)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from marketplace.associations.models import Membership
from marketplace.extensions import db
from marketplace.jobs import queue
from marketplace.notifications.models import OutboxMessage
from tests.browser.conftest import screenshot
from tests.conftest import DEFAULT_PASSWORD

pytestmark = pytest.mark.browser

DESCRIPTION = "Accueillir les familles et préparer les colis avec l'équipe de bénévoles."
CSV = "\n".join(
    [
        "external_id;title;description;kind;domain;skills;city;postcode;schedule;slots;hours_per_week",
        f"devoirs;Aide aux devoirs du mercredi;{DESCRIPTION};support;education;pédagogie;Lyon;69007;"
        "recurring;wed_afternoon;2",
        f"jardin;Jardin partagé du quartier;{DESCRIPTION};ponctual;jardinage;;Lyon;69007;"
        "recurring;sat_morning;2",
        f'colis;Préparation des colis du samedi;{DESCRIPTION};ponctual;aide-alimentaire;"tri; accueil";'
        "Lyon;69007;recurring;sat_morning;3",
    ]
)


def _sign_in(page, live_server: str, email: str) -> None:
    page.goto(live_server + "/connexion")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_owner_invites_a_member_who_signs_up_from_the_email_link(browser, page, live_server, make):
    owner = make.user("association", email="nadia@restos-quartier.example.org", first_name="Nadia")
    association = make.association("Les Restos du Quartier", owner=owner)
    _sign_in(page, live_server, owner.email)

    page.goto(live_server + "/espace/equipe")
    page.locator("[data-testid=invite-form] #email").fill("lea@example.fr")
    page.locator("[data-testid=invite-submit]").click()
    expect(page.locator("[data-testid=invitations]")).to_contain_text("lea@example.fr")
    screenshot(page, "team-owner-invited")

    body = db.session.scalar(
        select(OutboxMessage.body_text).where(OutboxMessage.recipient == "lea@example.fr")
    )
    path = re.search(r"https?://[^/\s]+(/invitation/\S+)", body).group(1)

    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    try:
        invitee = context.new_page()
        invitee.set_default_timeout(10_000)
        invitee.goto(live_server + path)
        expect(invitee.locator("[data-testid=invited-email]")).to_have_value("lea@example.fr")
        invitee.locator("#first_name").fill("Léa")
        invitee.locator("#password").fill("un-long-mot-de-passe")
        invitee.locator("#confirm").fill("un-long-mot-de-passe")
        invitee.locator("#accept_terms").check()
        screenshot(invitee, "team-invitation-signup")
        invitee.locator("[data-testid=signup-submit]").click()
        expect(invitee).to_have_url(re.compile(r"/espace/equipe"))
        expect(invitee.locator("[data-testid=members]")).to_contain_text("lea@example.fr")
        expect(invitee.locator("[data-testid=invite-form]")).to_have_count(0)  # members do not invite
        screenshot(invitee, "team-invitee-joined")
    finally:
        context.close()

    roles = dict(
        db.session.execute(
            select(Membership.user_id, Membership.role).where(Membership.association_id == association.id)
        ).all()
    )
    assert sorted(roles.values()) == ["member", "owner"]

    page.reload()
    expect(page.locator("[data-testid=members]")).to_contain_text("Léa")
    expect(page.locator("[data-testid=invitations]")).to_have_count(0)


def test_owner_uploads_a_csv_with_one_bad_line_and_sees_the_report(page, live_server, make):
    owner = make.user("association", email="nadia@restos-quartier.example.org")
    make.association("Les Restos du Quartier", owner=owner)
    _sign_in(page, live_server, owner.email)

    page.goto(live_server + "/espace/import")
    page.locator("#file").set_input_files(
        files=[{"name": "missions.csv", "mimeType": "text/csv", "buffer": CSV.encode("utf-8")}]
    )
    page.locator("[data-testid=import-submit]").click()
    # The upload is a background job: its page shows the waiting job, then the script polling
    # its state brings the report once a worker (here, this test) has run it.
    expect(page.locator("[data-testid=import-progress]")).to_be_visible()
    expect(page.locator("[data-testid=progress-total]")).to_have_text("3")
    screenshot(page, "import-progress")
    assert queue.work_once("browser-worker").status == "done"
    expect(page.locator("[data-testid=count-created]")).to_have_text("2")
    expect(page.locator("[data-testid=count-rejected]")).to_have_text("1")
    rejected = page.locator("[data-testid=rejected-lines] tr[data-line='3']")
    expect(rejected).to_contain_text("domain")
    expect(rejected).to_contain_text("jardinage")
    expect(page.locator("[data-testid=saved-lines]")).to_contain_text("Préparation des colis du samedi")
    screenshot(page, "import-report")
