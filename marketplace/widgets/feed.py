"""A widget's Atom feed (RFC 4287), written by the ``feedgen`` library from plain values.

No Flask, no database: the view gives the addresses, texts and dates. Dates without a time
zone are UTC (the database stores them so).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class FeedEntry:
    """One mission of the feed."""

    id: str  # the mission's permanent address
    title: str
    updated: datetime
    link: str  # where a reader goes: the widget's counted "apply" address
    author: str
    category: str
    category_label: str
    summary: str


@dataclass(frozen=True)
class Feed:
    """The feed itself: its address, the page it stands for, its title, author and language."""

    id: str
    page: str
    title: str
    author: str
    language: str
    updated: datetime


def _utc(moment: datetime) -> datetime:
    """The moment with its zone (UTC when it has none), to the second as feeds write it."""
    return (moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)).replace(microsecond=0)


def atom_xml(feed: Feed, entries: Sequence[FeedEntry]) -> bytes:
    """The Atom document (UTF-8, with its XML declaration), entries in the given order."""
    # Imported here: feedgen and lxml weigh on a worker's start-up, only feeds need them.
    from feedgen.feed import FeedGenerator

    generator = FeedGenerator()
    generator.id(feed.id)
    generator.title(feed.title)
    generator.updated(_utc(feed.updated))
    generator.author({"name": feed.author})
    generator.link(href=feed.id, rel="self", type="application/atom+xml")
    generator.link(href=feed.page, rel="alternate", type="text/html")
    generator.generator("Tremplin")
    generator.language(feed.language)
    for entry in entries:
        item = generator.add_entry(order="append")
        item.id(entry.id)
        item.title(entry.title)
        item.updated(_utc(entry.updated))
        item.link(href=entry.link, rel="alternate", type="text/html")
        item.author({"name": entry.author})
        item.category(term=entry.category, label=entry.category_label)
        item.summary(entry.summary)
    return generator.atom_str(pretty=True, encoding="utf-8")
