"""PostgreSQL spelling suggestion: each word no published mission contains becomes the closest
word of ``search.words`` (trigram candidates, then at most two edits), as Whoosh suggests.

A suggestion is only offered when its word still matches a published mission.
"""

from __future__ import annotations

from sqlalchemy import text

from marketplace.search import analysis
from marketplace.search.postgres.schema import Executor

SUGGESTION_CANDIDATES = 10
SUGGESTION_MAX_EDITS = 2
FREQUENCY_CAP = 500


def edit_distance(first: str, second: str) -> int:
    """Levenshtein distance between two strings."""
    previous = list(range(len(second) + 1))
    for i, left in enumerate(first, 1):
        current = [i]
        for j, right in enumerate(second, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (left != right)))
        previous = current
    return previous[-1]


def _matches(connection: Executor, word: str) -> int:
    """How many published missions contain the word (capped); -1 for a word PostgreSQL ignores."""
    return connection.execute(
        text(
            "WITH q AS (SELECT plainto_tsquery('french'::regconfig, search.unaccent(:word)) AS query)"
            " SELECT CASE WHEN numnode(q.query) = 0 THEN -1 ELSE"
            " (SELECT count(*) FROM (SELECT 1 FROM search.missions AS s WHERE s.document @@ q.query"
            "  LIMIT :cap) AS found) END FROM q"
        ),
        {"word": word, "cap": FREQUENCY_CAP},
    ).scalar_one()


def _closest_word(connection: Executor, word: str) -> str | None:
    """The indexed word nearest to ``word`` (same first letter, at most 2 edits), most used first."""
    folded = analysis.fold(word)
    candidates = connection.execute(
        text(
            "SELECT w.word, w.folded FROM search.words AS w"
            " WHERE w.folded OPERATOR(public.%) :folded AND left(w.folded, 1) = left(:folded, 1)"
            " ORDER BY public.similarity(w.folded, :folded) DESC, w.word LIMIT :limit"
        ),
        {"folded": folded, "limit": SUGGESTION_CANDIDATES},
    ).all()
    by_distance: dict[int, list[str]] = {}
    for candidate, candidate_folded in candidates:
        distance = edit_distance(candidate_folded, folded)
        if 0 < distance <= SUGGESTION_MAX_EDITS:
            by_distance.setdefault(distance, []).append(candidate)
    for distance in sorted(by_distance):  # as Whoosh: the nearest words first, then the most used
        used = {candidate: _matches(connection, candidate) for candidate in sorted(by_distance[distance])}
        best = max(used, key=lambda candidate: used[candidate])
        if used[best] > 0:
            return best
    return None


def suggestion(connection: Executor, text_: str) -> str | None:
    """``text_`` with each word no mission contains replaced by the closest indexed word, or None."""
    pieces, cursor = [], 0
    for _term, start, end in analysis.term_spans(text_):
        word = text_[start:end]
        if _matches(connection, word) != 0:
            continue
        found = _closest_word(connection, word)
        if found:
            pieces += [text_[cursor:start], found]
            cursor = end
    return "".join(pieces) + text_[cursor:] if pieces else None
