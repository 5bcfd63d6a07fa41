"""The numbers of the engine: the learnable blend (``Blend``, read from weights.json) and the
hand-set shaping of each feature, reasons and "missions similaires" (``Weights``)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np


class SemanticModel(Protocol):
    """What the engine uses of ``marketplace.matching.semantic.SemanticModel`` (the nlp module)."""

    def tokens(self, text: str) -> list[str]: ...

    def embed(
        self,
        texts: Sequence[str],
        idf: Mapping[str, float] | None = None,
        *,
        default_weight: float | None = None,
    ) -> np.ndarray: ...

    def embed_tokens(
        self,
        token_lists: Sequence[Sequence[str]],
        idf: Mapping[str, float] | None = None,
        *,
        default_weight: float | None = None,
    ) -> np.ndarray: ...

    def has_vector(self, lemma: str) -> bool: ...


WEIGHTS_FILE = Path(__file__).with_name("weights.json")

# Feature names, in the order of ``FeatureMatrix.values``' columns. Stable: the offline fit
# (weights.json) refers to them by name. Each is in [0, 1] except ``missing_skill`` (0 or 1, meant
# to be weighed negatively).
FEATURE_NAMES: tuple[str, ...] = (
    "text",  # TF-IDF cosine, saturated (Weights.text_saturation)
    "semantic",  # embedding cosine of the profile and the mission (0 without the model)
    "families",  # shared skill families of the thesaurus (0 without it)
    "skills",  # share of the mission's skills the candidate declared
    "domain",  # mission in one of the chosen domains
    "kind",  # mission of a kind the candidate asked for
    "pathway",  # next pathway step among what was asked, associations already helped
    "availability",  # 1 a known slot fits, neutral when unknown, flexible in between
    "distance",  # e^(-d / scale); neutral when unknown; remote for who accepts remote
    "missing_skill",  # 1 for a support mission none of whose skills the candidate declared
)


@dataclass(frozen=True)
class Blend:
    """score = features @ weights, one weight per feature name (names not given weigh 0)."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    note: str = ""

    def vector(self, names: Sequence[str] = FEATURE_NAMES) -> np.ndarray:
        """The weights in the order of ``names`` (float32), 0 for a feature the blend does not name."""
        by_name = dict(zip(self.names, self.weights, strict=True))
        unknown = set(by_name) - set(names)
        if unknown:
            raise ValueError(f"weights for unknown features: {sorted(unknown)}")
        return np.asarray([by_name.get(name, 0.0) for name in names], dtype=np.float32)

    def weight(self, name: str) -> float:
        """Weight of one feature (0 if not named)."""
        return dict(zip(self.names, self.weights, strict=True)).get(name, 0.0)

    @classmethod
    def of(cls, weights: Mapping[str, float], note: str = "") -> Blend:
        """A blend from {name: weight}."""
        return cls(tuple(weights), tuple(float(v) for v in weights.values()), note)

    @classmethod
    def load(cls, path: Path | str | None = None) -> Blend:
        """Read weights.json ({"names": [...], "weights": [...], "note": ...})."""
        data = json.loads(Path(path or WEIGHTS_FILE).read_text(encoding="utf-8"))
        names, weights = tuple(data["names"]), tuple(float(v) for v in data["weights"])
        if len(names) != len(weights):
            raise ValueError("weights.json: names and weights differ in length")
        blend = cls(names, weights, str(data.get("note", "")))
        blend.vector()  # unknown names fail at load, not on the first request
        return blend

    def dump(self, path: Path | str) -> None:
        """Write weights.json."""
        data = {"names": list(self.names), "weights": list(self.weights), "note": self.note}
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Weights:
    """Shaping of the features, reasons and "missions similaires": set by reasoning, not fitted."""

    text_saturation: float = 0.35
    """Cosine at which text similarity counts in full (1-2-gram cosines rarely exceed 0.5)."""
    families_saturation: float = 2.0
    """Shared thesaurus families at which the families feature counts in full."""
    neutral: float = 0.5
    """Value of a signal we cannot compute for this pair."""
    flexible_availability: float = 0.8
    """Availability of a candidate who said their hours are flexible."""
    distance_scale: float = 0.5
    """Decay length as a fraction of the candidate's radius (e^-1 at half the radius)."""
    min_distance_scale_km: float = 2.0
    """Floor of the decay length, so a 3 km radius does not punish 2 km too hard."""
    remote_distance: float = 0.8
    """Distance signal of a remote mission for a candidate who accepts remote work."""

    # Pathway feature.
    pathway_step: float = 0.7
    """Mission matching the next step (recurring after one-offs, support after regular...)."""
    pathway_known: float = 0.3
    """Added when the mission's association is one the candidate already helped."""
    pathway_first: float = 0.3
    """One-off mission for someone with no history yet: a gentle nudge."""

    # Reasons.
    reason_min_contribution: float = 0.02
    """A feature must add at least this much to the score to be given as a reason."""
    minors_reason_priority: float = 0.05
    """'Ouverte dès 16 ans' ranks like a signal worth this much for a 16-17 candidate."""

    # "Missions similaires" blend (sums to 1).
    similar_text: float = 0.55
    similar_domain: float = 0.15
    similar_skills: float = 0.10
    similar_association: float = 0.08
    similar_distance: float = 0.12
    similar_distance_km: float = 10.0
    """Decay length of the distance between two missions."""
    similar_min_score: float = 0.15
    """Below this (less than a shared domain alone) a mission is not "similar", just another one."""
