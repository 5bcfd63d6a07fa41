"""Hard filters of the recommendations (pure): boolean masks over the rows' columns.

A mission is recommendable to a candidate when ALL hold (tests/data/matching/README.md states
the same rules; the labelled sets are checked against them):

- open: published with seats left, not over before today, not already taken or excluded;
- place: remote and the candidate accepts remote, or within the radius (an on-site mission without
  coordinates is kept: we cannot tell);
- age, the WHOLE range: range low >= min_age (16-17: min_age <= 16) and, when max_age is set,
  range high <= max_age ("66+" only without a maximum);
- kind gating: leadership missions from the regular stage on, or when asked for;
- not avoided: domain, kind, and contexts (screen, children, physical) the candidate ruled out;
- availability, only when weekly slots are given and "flexible" is not ticked: a recurring mission
  with slots needs one in common (without slots its rhythm is unknown: kept); a one-off mission
  needs a date whose weekday × part of the day (its parts, or all three when unknown) is free.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from marketplace.matching.context import Context
from marketplace.matching.store import KIND_CODE, LEADERSHIP, View, any_equal
from marketplace.matching.vocabulary import MINIMUM_AGE, age_range_bounds
from marketplace.reference.distance import KM_PER_DEGREE, haversine_km_array


def open_mask(v: View, today: date | None) -> np.ndarray:
    """Live rows, published with seats left, not over before ``today``."""
    mask = v.alive & v.open
    if today is not None:
        mask &= v.last_day >= today.toordinal()
    return mask


def age_mask(age_range: str, v: View) -> np.ndarray:
    """Missions the WHOLE age range may take part in (16-17: only where min_age <= 16)."""
    low, high = age_range_bounds(age_range)
    mask = v.min_age <= (MINIMUM_AGE if low < 18 else low)
    if high is None:
        return mask & (v.max_age >= 1000)  # NO_MAX_AGE: "66+" only without a maximum
    return mask & (v.max_age >= high)


def person_mask(ctx: Context, v: View) -> np.ndarray:
    """Age, leadership gating, not avoided, not already taken."""
    mask = age_mask(ctx.candidate.age_range, v)
    if not ctx.leadership_open:
        mask &= v.kind != LEADERSHIP
    if ctx.excluded.size:
        mask &= ~any_equal(v.id, ctx.excluded)
    mask &= not_avoided(ctx, v)
    return mask


def not_avoided(ctx: Context, v: View) -> np.ndarray:
    """Missions outside the domains, kinds and contexts the candidate ruled out."""
    mask = np.ones(v.id.size, dtype=np.bool_)
    if ctx.avoid_domain_codes.size:
        mask &= ~any_equal(v.domain, ctx.avoid_domain_codes)
    if ctx.avoid_kind_codes.size:
        mask &= ~any_equal(v.kind, ctx.avoid_kind_codes)
    if ctx.avoid_context_bits:
        mask &= (v.contexts & np.int8(ctx.avoid_context_bits)) == 0
    return mask


def available_mask(ctx: Context, v: View) -> np.ndarray:
    """Missions the candidate can attend given their weekly slots (all when the rule does not apply).

    ``slot_mask`` 0 means the mission's days are unknown (a recurring mission without slots, a
    one-off mission without a date): kept.
    """
    if not ctx.availability_applies:
        return np.ones(v.id.size, dtype=np.bool_)
    return (v.slot_mask == 0) | ((v.slot_mask & np.int32(ctx.slot_mask)) != 0)


def step_mask(ctx: Context, v: View) -> np.ndarray:
    """Missions of the candidate's next pathway step (the dashboard's "next step" list)."""
    mask = np.ones(v.id.size, dtype=np.bool_)
    step = ctx.step
    if step.kind is not None:
        mask &= v.kind == KIND_CODE[step.kind]
    if step.schedule is not None:
        mask &= v.recurring == (step.schedule == "recurring")
    return mask


def geo_filter(ctx: Context, v: View, among: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Rows within the radius (or remote, for a candidate who accepts remote), and their distances.

    A remote mission passes for a candidate who accepts remote work, whatever the distance.
    Otherwise a mission must be within the radius; when either side has no coordinates we
    cannot tell, so an on-site mission is kept (not hidden) but a remote one without a place
    is not (the candidate said no to remote work). Distances are NaN where not measured: no
    location, outside the bounding box of the radius, or outside ``among`` (rows that already
    failed another filter).
    """
    candidate = ctx.candidate
    n = v.id.size
    remote_ok = v.remote & candidate.remote_ok
    unknown = np.isnan(v.lat)
    distance = np.full(n, np.nan)
    if candidate.lat is None or candidate.lon is None:
        return remote_ok | ~(v.remote & unknown), distance
    lat, lon = float(candidate.lat), float(candidate.lon)
    radius = float(candidate.radius_km)
    dlat = radius / KM_PER_DEGREE
    dlon = radius / (KM_PER_DEGREE * max(0.05, np.cos(np.radians(lat))))
    # A bounding box first: exact distances only for the rows that can be within the radius.
    measured = (np.abs(v.lat - lat) <= dlat) & (np.abs(v.lon - lon) <= dlon)
    measured |= remote_ok & ~unknown
    if among is not None:
        measured &= among
    distance[measured] = haversine_km_array(v.lat[measured], v.lon[measured], lat, lon)
    keep = (distance <= radius) | remote_ok | (unknown & ~v.remote)
    return keep, distance
