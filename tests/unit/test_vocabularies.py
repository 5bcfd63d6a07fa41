"""The fixed vocabularies and the age rule (pure)."""

from __future__ import annotations

import pytest

from marketplace.reference import vocabularies as v


def test_vocabularies_match_the_architecture():
    assert v.MISSION_KIND_SLUGS == ("ponctual", "support", "leadership")
    assert len(v.DOMAIN_SLUGS) == 15 and set(v.DOMAIN_SLUGS) == set(v.DOMAIN_LABELS_FR)
    assert len(v.SLOTS) == 21 and v.SLOTS[0] == "mon_morning" and v.SLOTS[-1] == "sun_evening"
    assert v.AGE_RANGES == ("16-17", "18-25", "26-35", "36-50", "51-65", "66+")
    assert v.SCHEDULE_SLUGS == ("one_off", "recurring")


@pytest.mark.parametrize(
    ("age_range", "min_age", "max_age", "allowed"),
    [
        ("16-17", 16, None, True),
        ("16-17", 17, None, False),
        ("16-17", 18, None, False),
        ("18-25", 18, None, True),
        ("18-25", 21, None, True),  # overlaps: some 18-25 are 21+
        ("18-25", 26, None, False),
        ("66+", 18, 65, False),
        ("51-65", 18, 60, True),
        ("66+", 18, None, True),
        ("16-17", 16, 25, True),
    ],
)
def test_age_range_rule(age_range, min_age, max_age, allowed):
    assert v.age_range_allowed(age_range, min_age, max_age) is allowed


def test_age_range_bounds():
    assert v.age_range_bounds("26-35") == (26, 35)
    assert v.age_range_bounds("66+") == (66, None)
