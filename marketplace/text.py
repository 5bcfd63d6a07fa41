"""Safe rendering of user-written Markdown, and its plain text for excerpts (pure: no Flask)."""

from __future__ import annotations

import html
import re

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

# Raw HTML is disabled in the parser and the output is sanitised again: two locks, not one.
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable("image")
ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def render_markdown(text: str | None) -> Markup:
    """Markdown → sanitised HTML; headings are demoted so a description never outranks the page title."""
    html = _MARKDOWN.render(text or "")
    html = (
        html.replace("<h1>", "<h3>")
        .replace("</h1>", "</h3>")
        .replace("<h2>", "<h3>")
        .replace("</h2>", "</h3>")
    )
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
    )
    return Markup(clean)  # noqa: S704 - sanitised by nh3 just above


def plain_text(text: str | None) -> str:
    """Markdown → the words a reader sees, on one line: for excerpts, snippets and feeds.

    A search card or a feed summary cut from the raw text would show ``- **Ce que vous ferez** :``.
    """
    rendered = _MARKDOWN.render(text or "")
    bare = html.unescape(nh3.clean(rendered, tags=set()))
    return re.sub(r"\s+", " ", bare).strip()
