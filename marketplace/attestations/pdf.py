"""The attestation as a PDF (fpdf2), drawn from its stored snapshot only, in the request's language.

Text is set in DejaVu Sans (Debian's ``fonts-dejavu-core``; ``ATTESTATION_FONT_DIR`` to use
another copy), which covers every French character and the typographic ones (« », –, ’).
"""

from __future__ import annotations

from pathlib import Path

from flask import current_app
from flask_babel import get_locale
from flask_babel import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from marketplace.attestations.formatting import hours_text, long_date, period_text
from marketplace.attestations.models import Attestation

FONT = "DejaVu"
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"
DEFAULT_FONT_DIR = "/usr/share/fonts/truetype/dejavu"
INK = (33, 37, 41)
MUTED = (90, 96, 104)
ACCENT = (0, 84, 147)


def font_dir() -> Path:
    return Path(current_app.config.get("ATTESTATION_FONT_DIR") or DEFAULT_FONT_DIR)


def _document(title: str) -> FPDF:
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    folder = font_dir()
    pdf.add_font(FONT, "", str(folder / REGULAR))
    pdf.add_font(FONT, "B", str(folder / BOLD))
    pdf.set_title(title)
    pdf.set_author("Tremplin")
    pdf.set_creator("Tremplin")
    pdf.add_page()
    return pdf


def _paragraph(
    pdf: FPDF, text: str, *, size: float = 11, bold: bool = False, color=INK, gap: float = 2
) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.set_text_color(*color)
    pdf.multi_cell(0, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(gap)


def association_identifiers(association: dict) -> str:
    """'RNA W691234567 · SIREN 123456789' (only the numbers known), or ''."""
    parts = []
    if association.get("rna"):
        parts.append(_("RNA %(number)s", number=association["rna"]))
    if association.get("siren"):
        parts.append(_("SIREN %(number)s", number=association["siren"]))
    return " · ".join(parts)


def render_pdf(attestation: Attestation, *, verify_url: str) -> bytes:
    """The PDF of an issued attestation; ``verify_url`` is its public verification page."""
    locale = str(get_locale() or "fr")
    content = attestation.content
    association = content["association"]
    year = content["year"]
    title = _("Volunteering certificate %(year)s", year=year)
    pdf = _document(title)

    _paragraph(pdf, "Tremplin", size=10, bold=True, color=ACCENT, gap=6)
    _paragraph(pdf, _("Volunteering certificate"), size=20, bold=True, gap=1)
    _paragraph(pdf, _("Year %(year)s", year=year), size=13, color=MUTED, gap=8)

    _paragraph(pdf, _("Volunteer"), size=9, color=MUTED, gap=0)
    _paragraph(pdf, content["volunteer_name"], size=13, bold=True, gap=4)
    _paragraph(pdf, _("Association"), size=9, color=MUTED, gap=0)
    _paragraph(pdf, association["name"], size=13, bold=True, gap=0)
    details = [association_identifiers(association)]
    if association.get("verified"):
        details.append(_("Association verified by Tremplin"))
    if line := " · ".join(part for part in details if part):
        _paragraph(pdf, line, size=10, color=MUTED, gap=0)
    pdf.ln(6)

    _paragraph(
        pdf,
        _(
            "Tremplin certifies that %(name)s volunteered with %(association)s in %(year)s for the "
            "missions below. Each participation and its hours were confirmed by the association.",
            name=content["volunteer_name"],
            association=association["name"],
            year=year,
        ),
        gap=4,
    )

    pdf.set_font(FONT, "", 10)
    pdf.set_text_color(*INK)
    with pdf.table(
        col_widths=(90, 50, 30),
        text_align=("LEFT", "LEFT", "RIGHT"),
        line_height=6,
        first_row_as_headings=True,
    ) as table:
        heading = table.row()
        for label in (_("Mission"), _("Dates"), _("Hours")):
            heading.cell(label)
        for mission in content["missions"]:
            row = table.row()
            row.cell(mission["title"])
            row.cell(period_text(mission["first_day"], mission["last_day"], locale))
            row.cell(hours_text(mission["hours"], locale))
    pdf.ln(4)
    _paragraph(
        pdf,
        _("Total for %(year)s: %(hours)s", year=year, hours=hours_text(content["total_hours"], locale)),
        size=12,
        bold=True,
        gap=8,
    )

    _paragraph(pdf, _("Issued on %(date)s", date=long_date(attestation.issued_at.date(), locale)), gap=6)
    _paragraph(pdf, _("Verification code"), size=9, color=MUTED, gap=0)
    _paragraph(pdf, attestation.code, size=14, bold=True, gap=3)
    _paragraph(
        pdf,
        _("Anyone can check that this certificate is genuine at:"),
        size=10,
        color=MUTED,
        gap=0,
    )
    pdf.set_font(FONT, "", 10)
    pdf.set_text_color(*ACCENT)
    pdf.cell(0, 6, verify_url, link=verify_url, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())
