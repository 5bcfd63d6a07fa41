"""French text analysis for the search index: tokens, accent folding, stop words, stems.

The same chain analyses documents and queries, so "benevoles" finds "bénévole" and
"aide aux devoirs" finds "devoirs". Only Whoosh's own analysis classes are used: the
schema (analyzers included) is pickled into the index and must load without this module.

Highlighting lives here too: it re-analyses the stored text to find the words that match.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.lang import stemmer_for_language, stopwords_for_language
from whoosh.support.charset import accent_map

WORD_PATTERN = r"\w+"

# Whoosh's accent map leaves the French ligatures alone; "coeur" must find "cœur".
FOLDING_MAP: dict[int, str] = {**accent_map, ord("œ"): "oe", ord("Œ"): "OE", ord("æ"): "ae", ord("Æ"): "AE"}

# Snowball's list lacks a few very common words of mission texts.
_EXTRA_STOP_WORDS = (
    *("les", "cet", "cette", "ceux", "celle", "celles", "ils", "elles", "leurs", "tout", "tous", "toute"),
    *("toutes", "tres", "plus", "sans", "sous", "chez", "vers", "entre", "afin", "ainsi", "donc", "dont"),
    *("comme", "aussi", "etc"),
)


def fold(text: str) -> str:
    """Lower-case the text and remove its accents."""
    return text.lower().translate(FOLDING_MAP)


FRENCH_STOP_WORDS: frozenset[str] = frozenset(
    fold(word) for word in (*stopwords_for_language("fr"), *_EXTRA_STOP_WORDS)
)


def french_analyzer() -> Analyzer:
    """Tokenize, lower-case, fold accents, drop stop words, then stem (French Snowball).

    Folding comes before stemming so that typed-without-accents words and accented ones
    reach the stemmer as the same string and get the same stem.
    """
    return (
        RegexTokenizer(WORD_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(FOLDING_MAP)
        | StopFilter(stoplist=FRENCH_STOP_WORDS, minsize=2)
        | StemFilter(lang="fr", cachesize=100_000)
    )


@lru_cache(maxsize=1)
def _shared_analyzer() -> Analyzer:
    return french_analyzer()


def analyze(text: str, analyzer: Analyzer | None = None) -> list[str]:
    """Return the terms of ``text`` in order (duplicates kept)."""
    analyzer = analyzer or _shared_analyzer()
    return [token.text for token in analyzer(text, mode="query")]


def query_terms(text: str, analyzer: Analyzer | None = None) -> list[str]:
    """Return the distinct terms of a query, in the order typed."""
    return list(dict.fromkeys(analyze(text, analyzer)))


_WORD = re.compile(WORD_PATTERN)
_stem = stemmer_for_language("fr")


@lru_cache(maxsize=200_000)
def _term(word: str) -> str | None:
    folded = fold(word)
    if len(folded) < 2 or folded in FRENCH_STOP_WORDS:
        return None
    return _stem(folded)


def term_spans(text: str) -> list[tuple[str, int, int]]:
    """Return (term, start, end) for each word of ``text`` that is indexed (stop words left out).

    The same steps as ``french_analyzer`` without Whoosh's per-token generator chain, which
    made highlighting a page of 20 missions cost a few milliseconds; a test keeps both equal.
    """
    spans = []
    for match in _WORD.finditer(text):
        term = _term(match.group())
        if term is not None:
            spans.append((term, match.start(), match.end()))
    return spans


def matching_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Return (start, end) character spans of the words of ``text`` whose term is in ``terms``."""
    wanted = frozenset(terms)
    if not wanted:
        return []
    return [(start, end) for term, start, end in term_spans(text) if term in wanted]


def _marked(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    parts: list[str] = []
    cursor = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        parts.append(html.escape(text[cursor:span_start]))
        parts.append(f"<mark>{html.escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(html.escape(text[cursor:end]))
    return "".join(parts)


def _best_window(spans: list[tuple[int, int]], width: int) -> int:
    """Return the start of the span after which a ``width`` window holds the most matches."""
    best_start, best_count = spans[0][0], 0
    for anchor, _ in spans:
        count = sum(1 for start, end in spans if anchor <= start and end <= anchor + width)
        if count > best_count:
            best_start, best_count = anchor, count
    return best_start


def _cut_points(text: str, anchor: int, width: int, lead: int) -> tuple[int, int]:
    start = max(0, anchor - lead)
    if start > 0:
        # Start on a word boundary rather than in the middle of a word.
        space = text.find(" ", start, anchor)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", max(anchor, start), end)
        end = space if space > anchor else end
    return start, end


def highlight(
    text: str,
    terms: Iterable[str],
    *,
    width: int | None = None,
) -> str | None:
    """Return HTML-escaped ``text`` with ``<mark>`` around matching words, or None if none match.

    With ``width``, return only a fragment of about that many characters around the densest
    group of matches, with "…" where the text was cut.
    """
    spans = matching_spans(text, terms)
    if not spans:
        return None
    if width is None or len(text) <= width:
        return _marked(text, spans, 0, len(text))
    lead = width // 4
    start, end = _cut_points(text, _best_window(spans, width - lead), width, lead=lead)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + _marked(text, spans, start, end).strip() + suffix
