"""The job kinds this app knows, registered once (by the app factory and the worker)."""

from __future__ import annotations


def register_all_kinds() -> None:
    """Register every job kind (idempotent)."""
    from marketplace.associations.imports.job import register_import_kind

    register_import_kind()
