"""What one request knows about the candidate, encoded once for the filters and the features."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

import numpy as np

from marketplace.matching.explain import Explainer
from marketplace.matching.pathway import NextStep, Stage, leadership_open, next_step, stage_of
from marketplace.matching.refusals import read_refusals
from marketplace.matching.store import DOMAIN_CODE, KIND_CODE, context_bits
from marketplace.matching.text import TextModel, candidate_text, skill_key
from marketplace.matching.types import CandidateFacts
from marketplace.matching.vocabulary import slots_mask


@dataclass
class Context:
    candidate: CandidateFacts
    q_idx: np.ndarray
    q_w: np.ndarray
    q_terms: list[str]  # the feature of each q_idx
    text: str  # the candidate's text, to show shared words as the candidate wrote them
    stage: Stage
    step: NextStep
    done: int
    completed_by_assoc: Mapping[int, int]
    helped_ids: np.ndarray
    helped_names: Mapping[int, str]
    excluded: np.ndarray  # mission ids already taken (or excluded by the caller)
    slot_mask: int
    domain_codes: np.ndarray  # codes of the chosen domains
    kind_codes: np.ndarray  # codes of the wanted kinds
    avoid_domain_codes: np.ndarray
    avoid_kind_codes: np.ndarray
    avoid_context_bits: int
    skill_keys: frozenset[str]
    leadership_open: bool
    embedding: np.ndarray | None = None  # the candidate text's embedding (semantic model)
    family_mask: int = 0  # thesaurus families of the candidate's words (bits)
    _explainer: Explainer | None = field(default=None, repr=False)

    @property
    def explainer(self) -> Explainer:
        """Shared words with a mission, as the candidate wrote them (built when a reason needs it)."""
        if self._explainer is None:
            self._explainer = Explainer(self.q_terms, self.q_w, self.text)
        return self._explainer

    @property
    def availability_applies(self) -> bool:
        """Weekly slots given and not flexible: availability is a hard filter."""
        return bool(self.slot_mask) and not self.candidate.flexible


def _codes(values: Collection[str], code_of: Mapping[str, int]) -> np.ndarray:
    return np.array(sorted({code_of[v] for v in values if v in code_of}), dtype=np.int8)


def build_context(text_model: TextModel, candidate: CandidateFacts, exclude: Collection[int] = ()) -> Context:
    """Encode a candidate for one request."""
    history = [item for item in candidate.history if item.status in ("accepted", "completed")]
    completed = [item for item in history if item.status == "completed"]
    stage = stage_of(history)
    # What the person's text refuses is left out of the similarity and avoided for this request
    # only (the saved profile is not touched).
    about, refused = read_refusals(candidate.about)
    text = candidate_text(about, candidate.skills, candidate.domains, [i.title for i in completed])
    q_idx, q_w, q_terms = text_model.vector_with_terms(text)
    counts: dict[int, int] = {}
    for item in completed:
        counts[item.association_id] = counts.get(item.association_id, 0) + 1
    names = {item.association_id: item.association_name for item in history}
    excluded = {item.mission_id for item in history} | set(exclude)
    return Context(
        candidate=candidate,
        q_idx=q_idx,
        q_w=q_w,
        q_terms=q_terms,
        text=text,
        stage=stage,
        step=next_step(stage),
        done=len(completed),
        completed_by_assoc=counts,
        helped_ids=np.fromiter(names, dtype=np.int64, count=len(names)),
        helped_names=names,
        excluded=np.fromiter(excluded, dtype=np.int64, count=len(excluded)),
        slot_mask=slots_mask(candidate.slots),
        domain_codes=_codes(candidate.domains, DOMAIN_CODE),
        kind_codes=_codes(candidate.wanted_kinds, KIND_CODE),
        avoid_domain_codes=_codes(candidate.avoid_domains, DOMAIN_CODE),
        avoid_kind_codes=_codes(candidate.avoid_kinds, KIND_CODE),
        avoid_context_bits=context_bits((*candidate.avoid_contexts, *sorted(refused))),
        skill_keys=frozenset(key for key in (skill_key(s) for s in candidate.skills) if key),
        leadership_open=leadership_open(stage, candidate.wanted_kinds),
    )
