"""Markdown outside MkDocs: the anchors of the hub's own pages, and contributor text as plain text for search."""

from __future__ import annotations

import re
from html import unescape

import markdown

DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")  # bidirectional embeddings, overrides and isolates


# The extensions of mkdocs.yml `markdown_extensions` (tests/test_validation_messages.py keeps them alike):
# the anchors of one of the hub's own pages are the ids its Markdown renders to, as MkDocs checks links
# to them. A resource's text is rendered by catalogue.gfm, with its own anchors.
PAGE_EXTENSIONS = ["toc", "tables", "attr_list", "admonition", "def_list"]
ELEMENT_ID = re.compile(r'\sid="([^"]+)"')  # in rendered HTML; catalogue.gfm reads its own pages' ids with it too
ALERT_KINDS = ("note", "tip", "important", "warning", "caution")  # GitHub's alerts: '> [!NOTE]' (catalogue.gfm)


def anchors(text: str) -> set[str]:
    """The ids one of the hub's own pages gives its headings and elements: what '#anchor' in a link can name."""
    return set(ELEMENT_ID.findall(markdown.markdown(text, extensions=PAGE_EXTENSIONS)))


# Markdown's markup, read off the text instead of rendering it: search needs the words, and
# rendering every body again cost as much as building the resource pages.
_MARKUP = [(re.compile(pattern, flags), replacement) for pattern, replacement, flags in (
    (r"^ {0,3}(```|~~~).*$", " ", re.M),                        # code fences (their code stays)
    (r"^ {0,3}\[(?!\^)[^\]]+\]:\s*\S+.*$", " ", re.M),          # reference definitions (a footnote's text stays)
    (r"\[\^[^\]\s]+\]:?", " ", 0),                              # footnote marks [^1]
    (r"!\[([^\]]*)\]\([^)]*\)", r"\1", 0),                     # images: their alternative text
    (r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])", r"\1", 0),          # links: their text
    (r"<[^>]+>", " ", 0),                                       # raw HTML tags
    (r"\{:?[^}\n]*\}", " ", 0),                                  # attribute lists {: .class }
    (rf"^ {{0,3}}>[ \t]*\[!(?:{'|'.join(ALERT_KINDS)})\][ \t]*$", " ", re.M | re.I),  # alerts' marks
    (r"^ {0,3}(?:(?:#{1,6}|>|[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)+", " ", re.M),  # headings, quotes, list items, tasks
    (r"^ {0,3}([-*_])( *\1){2,} *$", " ", re.M),               # rules
    (r"^[ |:\-]+$", " ", re.M),                                 # table separator rows
    (r"(?<!\w)[*_~`]+|[*_~`]+(?!\w)|\|", " ", 0),                # emphasis, code spans, table cells
)]


def plain_text(text: str, limit: int | None = None) -> str:
    """Readable text of a Markdown body: what search matches and excerpts show; with `limit`, at
    most that many characters."""
    if limit is not None:
        text = text[: limit * 2]  # markup and links take room: twice the limit leaves enough words
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    plain = re.sub(r"\s+", " ", unescape(text)).strip()
    return plain if limit is None else plain[:limit]
