"""The attestation as a PDF (fpdf2), drawn from its stored snapshot only, in the request's language.

Imported only when a PDF is made (fpdf2 pulls in fontTools and lxml: not for every worker start).
Text is set in DejaVu Sans (Debian's ``fonts-dejavu-core``; ``ATTESTATION_FONT_DIR`` to use
another copy), which covers every French character and the typographic ones (« », –, ’).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from flask import current_app
from flask_babel import get_locale
from flask_babel import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from marketplace.attestations.formatting import association_identifiers, hours_text, long_date, period_text
from marketplace.attestations.models import Attestation

FONT = "DejaVu"
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"
DEFAULT_FONT_DIR = "/usr/share/fonts/truetype/dejavu"
INK = (33, 37, 41)
MUTED = (90, 96, 104)
ACCENT = (0, 84, 147)
LOGGER = logging.getLogger(__name__)


# What the working copy of the fonts keeps: Latin (Vietnamese included), punctuation, currency
# and letterlike signs — every French or English text and most names.
COMMON_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0x24F),
    (0x1E00, 0x1EFF),
    (0x2000, 0x206F),
    (0x20A0, 0x20BF),
    (0x2100, 0x214F),
)


def font_dir() -> Path:
    return Path(current_app.config.get("ATTESTATION_FONT_DIR") or DEFAULT_FONT_DIR)


@functools.cache
def working_font(source: str) -> tuple[str, frozenset[int]]:
    """A copy of the font reduced to ``COMMON_RANGES`` and the code points it covers.

    fpdf2 parses the font file again for every document: DejaVu Sans has 6,000 glyphs, this copy
    1,100, which halves a render. Written once per machine under the temporary directory (named
    after the source's path, size and date), then kept per process.
    """
    from fontTools.ttLib import TTFont

    path = Path(source)
    stat = path.stat()
    stamp = f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}:{COMMON_RANGES}"
    target = (
        Path(tempfile.gettempdir())
        / "tremplin-fonts"
        / f"{path.stem}-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}.ttf"
    )
    try:
        if not target.exists():
            _write_working_copy(path, target)
        covered = frozenset(TTFont(str(target), lazy=True).getBestCmap())
    except OSError:  # a temporary directory we may not write to: the whole fonts do the work
        LOGGER.warning("attestation fonts: no working copy under %s", target.parent, exc_info=True)
        return source, frozenset()
    return str(target), covered


def _write_working_copy(path: Path, target: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(path))
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.glyph_names = True
    options.drop_tables += ["FFTM"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[code for first, last in COMMON_RANGES for code in range(first, last + 1)])
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    font.save(str(partial))
    os.replace(partial, target)  # atomic: another process never reads half a file


def _font_files(text: str) -> tuple[str, str]:
    """The working copies when they cover every character of the text, else the whole fonts."""
    folder = font_dir()
    regular, bold = str(folder / REGULAR), str(folder / BOLD)
    needed = {ord(character) for character in text}
    (small_regular, covered_regular), (small_bold, covered_bold) = working_font(regular), working_font(bold)
    if needed <= covered_regular and needed <= covered_bold:
        return small_regular, small_bold
    return regular, bold


def _document(title: str, fonts: tuple[str, str]) -> FPDF:
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font(FONT, "", fonts[0])
    pdf.add_font(FONT, "B", fonts[1])
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


def render_pdf(attestation: Attestation, *, verify_url: str) -> bytes:
    """The PDF of an issued attestation; ``verify_url`` is its public verification page."""
    locale = str(get_locale() or "fr")
    content = attestation.content
    association = content["association"]
    year = content["year"]
    title = _("Volunteering certificate %(year)s", year=year)
    # What varies from one attestation to another; the labels are French or English (Latin).
    printed = json.dumps(content, ensure_ascii=False) + attestation.code + verify_url
    pdf = _document(title, _font_files(printed))

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
        col_widths=(82, 60, 28),
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
