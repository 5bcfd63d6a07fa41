"""schemathesis against the live OpenAPI document: no 500, every answer matches the document.

The app is called through WSGI with the demo data loaded (once for the module). Checks are
the conformance ones; ``positive_data_acceptance`` is left out on purpose: some combinations
that the schema cannot express are refused with a 400 (lat without lon, an unknown postcode,
"to" before "from"), which the document lists.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from marketplace.demo.loader import load_demo_data
from marketplace.extensions import db
from marketplace.search import services as search
from tests.conftest import _empty_all_tables, build_app

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


# The document is read when the tests are collected, so this module has an app of its own; it
# shares the test database with the session's app (which creates the tables).
API_APP = build_app()
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", API_APP)


@pytest.fixture(scope="module")
def demo_world(_session_app):
    """The demo data set behind the API, loaded once for the module."""
    with API_APP.app_context():
        load_demo_data()
        db.session.commit()
        search.reindex_all()
        yield
        db.session.rollback()
        _empty_all_tables()
        db.session.remove()


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_answers_match_the_document(case, demo_world):
    case.call_and_validate(checks=CHECKS)
