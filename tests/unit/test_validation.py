"""Identifier and password rules (pure)."""

from __future__ import annotations

import pytest

from marketplace.accounts import validation as val


@pytest.mark.parametrize("siren", ["732829320", "732 829 320", "552100554"])
def test_valid_sirens(siren):
    assert val.siren_problem(siren) is None


@pytest.mark.parametrize("siren", ["73282932", "7328293201", "73282932A", "732829321", ""])
def test_invalid_sirens(siren):
    assert val.siren_problem(siren) is not None


@pytest.mark.parametrize(
    ("rna", "ok"),
    [
        ("W691234567", True),
        ("w691234567", True),
        ("W69123456", False),
        ("X691234567", False),
        ("W69123456A", False),
    ],
)
def test_rna_format(rna, ok):
    assert (val.rna_problem(rna) is None) is ok


@pytest.mark.parametrize(
    ("postcode", "ok"),
    [
        ("69007", True),
        ("20000", True),
        ("97400", True),
        ("00100", False),
        ("6900", False),
        ("69 007", False),
        ("99000", False),
    ],
)
def test_postcode_format(postcode, ok):
    assert (val.postcode_problem(postcode) is None) is ok


def test_password_rules():
    assert val.password_problem("court") is not None
    assert val.password_problem("x" * 129) is not None
    assert val.password_problem("abababababab") is not None
    assert val.password_problem("camille-2026-secret", email="camille@example.fr") is not None
    assert val.password_problem("un-long-mot-de-passe", email="camille@example.fr") is None


def test_emails_are_normalised():
    assert val.normalize_email("  Camille@Example.FR ") == "camille@example.fr"
