"""PostgreSQL full-text search backend: the same ``search(query) -> SearchResult`` as the Whoosh index.

For deployments with several app nodes: the search data lives in the database, so every node
sees the same thing and nothing has to be synchronised after commits.

- ``schema``: the DDL of the ``search`` schema, ``install()`` (this version from nothing, or a
  repair; upgrades are Alembic's), ``rebuild()`` and maintenance figures;
- ``query``: the plan of one search, facet counts and one page of hits;
- ``suggestion``: the spelling suggestion.

The names below are the backend's interface for ``search.services``, the CLI and benchmarks.
"""

from marketplace.search.postgres.query import facet_pair, search
from marketplace.search.postgres.schema import (
    BLOCK_BITS,
    SCHEMA_VERSION,
    SchemaOutdatedError,
    bit_tables_size_bytes,
    index_size_bytes,
    indexed_ids,
    install,
    installed_version,
    is_installed,
    rebuild,
)
from marketplace.search.postgres.suggestion import suggestion

__all__ = [
    "BLOCK_BITS",
    "SCHEMA_VERSION",
    "SchemaOutdatedError",
    "bit_tables_size_bytes",
    "facet_pair",
    "index_size_bytes",
    "indexed_ids",
    "install",
    "installed_version",
    "is_installed",
    "rebuild",
    "search",
    "suggestion",
]
