"""Contributor Markdown outside MkDocs: as HTML for embedding, and as plain text for search."""

from __future__ import annotations

import re
from html import unescape

import markdown

EXTENSIONS = ["tables", "attr_list", "def_list"]


def markdown_html(text: str) -> str:
    """HTML of a Markdown text embedded in a generated page (the caller sanitises it)."""
    return markdown.markdown(text, extensions=EXTENSIONS)


def plain_text(text: str) -> str:
    """Readable text of a Markdown body: what search matches and excerpts show."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", markdown_html(text)))).strip()
