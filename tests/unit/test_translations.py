"""The French catalog is complete: every string of the code and templates has a translation."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
PO_FILE = ROOT / "marketplace" / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}


def _msgid(message_id) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def _translated(message) -> bool:
    strings = [message.string] if isinstance(message.string, str) else list(message.string)
    return not message.fuzzy and all(strings)


def source_messages() -> set[str]:
    found: set[str] = set()
    method_map = [
        ("marketplace/**.py", "python"),
        ("templates/**.html", "jinja2"),
        ("templates/**.txt", "jinja2"),
    ]
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map=method_map, keywords=KEYWORDS
    ):
        found.add(_msgid(message))
    return found


def test_every_french_entry_is_translated_and_not_fuzzy():
    catalog = read_po(PO_FILE.open("rb"))
    missing = [_msgid(message.id) for message in catalog if message.id and not _translated(message)]
    assert missing == []


def test_every_string_in_the_code_has_a_french_entry():
    catalog = read_po(PO_FILE.open("rb"))
    known = {_msgid(message.id) for message in catalog if message.id}
    assert sorted(source_messages() - known) == []
