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


@pytest.mark.parametrize(
    "password", ["azerty123456", "motdepasse1", "passwordpassword", "1234567890", "qwertyuiop"]
)
def test_common_passwords_are_recognised(password):
    from marketplace.accounts.validation import password_is_common

    assert password_is_common(password)


@pytest.mark.parametrize(
    "password", ["velo-pluie-tartine", "jardins-partages-2026", "Zq8!kd93jfLa0-xmPq2@vn83"]
)
def test_uncommon_passwords_pass(password):
    from marketplace.accounts.validation import password_is_common

    assert not password_is_common(password)


def test_a_long_password_is_judged_on_its_start_so_a_weak_one_stays_weak():
    from marketplace.accounts.validation import password_is_common

    assert password_is_common("passwordpasswordpassword" + "x" * 100)
    assert password_is_common("camille1990", hints=("camille",))
