"""Partner HTML → our Markdown (pure): sanitised by nh3 first, then paragraphs, line breaks,
lists, bold, italics and links are rewritten; every other tag keeps only its text."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import nh3

_KEPT_TAGS = {
    "p",
    "br",
    "div",
    "ul",
    "ol",
    "li",
    "strong",
    "b",
    "em",
    "i",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
}
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6"}
_HAS_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
# Characters that Markdown would read as syntax at the start of a line or around words.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]])")


class _MarkdownWriter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.lists: list[list[int | None]] = []  # one [counter] per open list; None for bullets
        self.href: list[str | None] = []

    def _newlines(self, count: int) -> None:
        text = "".join(self.out).rstrip(" ")
        self.out = [text]
        missing = count - (len(text) - len(text.rstrip("\n")))
        if text and missing > 0:
            self.out.append("\n" * missing)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._newlines(2)
            if tag.startswith("h"):
                self.out.append("**")
        elif tag == "br":
            self._newlines(1)
        elif tag in ("ul", "ol"):
            self._newlines(1 if self.lists else 2)
            self.lists.append([0] if tag == "ol" else [None])
        elif tag == "li":
            self._newlines(1)
            marker = self.lists[-1] if self.lists else [None]
            indent = "  " * max(len(self.lists) - 1, 0)
            if marker[0] is None:
                self.out.append(f"{indent}- ")
            else:
                marker[0] += 1
                self.out.append(f"{indent}{marker[0]}. ")
        elif tag in ("strong", "b"):
            self.out.append("**")
        elif tag in ("em", "i"):
            self.out.append("*")
        elif tag == "a":
            self.href.append(dict(attrs).get("href"))
            self.out.append("[")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            if tag.startswith("h"):
                self.out.append("**")
            self._newlines(2)
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._newlines(2 if not self.lists else 1)
        elif tag in ("strong", "b"):
            self.out.append("**")
        elif tag in ("em", "i"):
            self.out.append("*")
        elif tag == "a":
            href = self.href.pop() if self.href else None
            self.out.append(f"]({href})" if href else "]")

    def handle_data(self, data: str) -> None:
        text = _MARKDOWN_SPECIALS.sub(r"\\\1", re.sub(r"\s+", " ", data))
        if "".join(self.out).endswith("\n"):
            text = text.lstrip()
        self.out.append(text)


def html_to_markdown(text: str) -> str:
    """A partner's description as our Markdown; plain text (no tag) keeps its own line breaks."""
    if not _HAS_TAG.search(text or ""):
        return "\n".join(line.strip() for line in html.unescape(text or "").strip().splitlines()).strip()
    clean = nh3.clean(
        text,
        tags=_KEPT_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
    )
    writer = _MarkdownWriter()
    writer.feed(clean)
    writer.close()
    markdown = "".join(writer.out)
    markdown = re.sub(r"\*\*\s*\*\*", "", markdown)  # an empty bold left by an empty tag
    markdown = re.sub(r"[ \t]+\n", "\n", markdown)
    return re.sub(r"\n{3,}", "\n\n", markdown).strip()
