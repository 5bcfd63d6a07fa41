"""Bulk import of missions from JSON Lines or CSV files, in three parts along their seams.

- ``parsing``: the file → its records → missions checked with the editor's rules, each bad line
  as (line, field, reason), each field not kept as a warning (pure: no request, no database);
- ``writing``: where each line goes (who imports decides) and one upsert per valid line;
- ``examples``: the example files offered for download.

The names below are what the upload view, the ``flask missions import`` command and the tests use.
"""

from marketplace.associations.imports.examples import EXAMPLE_COLUMNS, example_records, to_csv, to_jsonl
from marketplace.associations.imports.parsing import (
    FORMATS,
    MAX_UPLOAD_BYTES,
    ImportFileInvalid,
    LineProblem,
    LineWarning,
    MissionRow,
    ParsedFile,
    decode,
    guess_format,
    parse_missions,
    read_record,
)
from marketplace.associations.imports.writing import (
    AssociationFinder,
    ImportReport,
    LineOutcome,
    finder_for,
    import_missions,
    needs_moderation,
)

__all__ = [
    "EXAMPLE_COLUMNS",
    "FORMATS",
    "MAX_UPLOAD_BYTES",
    "AssociationFinder",
    "ImportFileInvalid",
    "ImportReport",
    "LineOutcome",
    "LineProblem",
    "LineWarning",
    "MissionRow",
    "ParsedFile",
    "decode",
    "example_records",
    "finder_for",
    "guess_format",
    "import_missions",
    "needs_moderation",
    "parse_missions",
    "read_record",
    "to_csv",
    "to_jsonl",
]
