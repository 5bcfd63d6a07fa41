"""Partner HTML → our Markdown (pure): sanitised by nh3 first, then paragraphs, line breaks,
lists, headings, quotes, bold, italics, code and links are rewritten; every other tag keeps only
its text. What our own feed publishes (``text.render_markdown``) comes back rendering the same."""

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
    "blockquote",
    "code",
}
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6"}
# Our descriptions show headings at levels 3 and 4 (render_markdown demotes 1 and 2).
_HEADINGS = {"h1": "### ", "h2": "### ", "h3": "### ", "h4": "#### ", "h5": "#### ", "h6": "#### "}
# Marks written while streaming, resolved once the whole text is known (see html_to_markdown).
_BREAK, _QUOTE_START, _QUOTE_END = "\x00B", "\x00Q", "\x00E"
_HAS_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
# Characters that Markdown would read as syntax at the start of a line or around words.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]])")
_LINE_START_SYNTAX = re.compile(r"^(\d{0,9})([#>+\-=]|(?<=\d)[.)])(?=\s|$|[#>=\-])")


class _MarkdownWriter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.lists: list[list[int | None]] = []  # one [counter] per open list; None for bullets
        self.href: list[str | None] = []
        self.in_code = False

    def _newlines(self, count: int) -> None:
        text = "".join(self.out).rstrip(" ")
        self.out = [text]
        missing = count - (len(text) - len(text.rstrip("\n")))
        if text and missing > 0:
            self.out.append("\n" * missing)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._newlines(2)
            self.out.append(_HEADINGS.get(tag, ""))
        elif tag == "br":
            self.out.append(_BREAK)
            self._newlines(1)
        elif tag == "blockquote":
            self._newlines(2)
            self.out.append(_QUOTE_START)
        elif tag == "code":
            self.out.append("`")
            self.in_code = True
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
            self._newlines(2)
        elif tag == "blockquote":
            self.out.append(_QUOTE_END)
            self._newlines(2)
        elif tag == "code":
            self.out.append("`")
            self.in_code = False
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
        text = re.sub(r"\s+", " ", data)
        if self.in_code:  # literal inside backticks: nothing to escape (a backtick ends it early)
            self.out.append(text.replace("`", "'"))
            return
        text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
        written = "".join(self.out)
        if not written or written.endswith(("\n", _QUOTE_START)):
            # At a line's start, words that Markdown would read as a heading, list or quote.
            text = _LINE_START_SYNTAX.sub(r"\1\\\2", text.lstrip())
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
    markdown = _resolve_quotes(_resolve_breaks("".join(writer.out)))
    markdown = re.sub(r"\*\*\s*\*\*", "", markdown)  # an empty bold left by an empty tag
    markdown = re.sub(r"^#{3,4} *$", "", markdown, flags=re.MULTILINE)  # an empty heading
    markdown = re.sub(r"[ \t]+\n", "\n", markdown)
    return re.sub(r"\n{3,}", "\n\n", markdown).strip()


def _resolve_breaks(markdown: str) -> str:
    """``<br>``: two or more in a row start a paragraph, one at a paragraph's end is dropped,
    any other is a hard line break (a backslash before the newline)."""
    markdown = re.sub(f"{_BREAK}\n(?:[ \t]*{_BREAK}\n)+", "\n\n", markdown)
    markdown = re.sub(f"{_BREAK}\n(?=[ \t]*(?:\n|{_QUOTE_END}|$))", "\n", markdown)
    return markdown.replace(f"{_BREAK}\n", "\\\n").replace(_BREAK, "")


def _resolve_quotes(markdown: str) -> str:
    """Each quoted passage, innermost first, with "> " before each of its lines."""
    innermost = re.compile(f"{_QUOTE_START}((?:(?!{_QUOTE_START}).)*?){_QUOTE_END}", re.DOTALL)
    while True:
        quoted = innermost.search(markdown)
        if quoted is None:
            return markdown.replace(_QUOTE_START, "").replace(_QUOTE_END, "")
        lines = quoted.group(1).strip("\n").split("\n")
        block = "\n".join(f"> {line}".rstrip() for line in lines)
        markdown = markdown[: quoted.start()] + block + markdown[quoted.end() :]
