"""What a page would lose without a word: markup the sanitiser removes, and headings that skip levels.

The sanitiser (catalogue.sanitize) keeps only its lists of tags and attributes; anything else is
dropped from the page, silently, so a contributor's `style="…"` or `<font>` would vanish between
their editor and the hub. These checks read the same lists and say so beforehand, with the line.
Headings are checked because screen readers list a page by them: a page goes h1 (the title),
h2, h3…, and a skipped level reads as a missing section (Lighthouse's heading-order audit too).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .sanitize import ATTRIBUTES, TAGS

RAW_TAG = re.compile(r"<(?P<tag>[a-zA-Z][a-zA-Z0-9]*)(?P<attrs>\s[^<>]*)?/?>")
ATTRIBUTE = re.compile(r"""(?P<name>[^\s"'=<>/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?""")
# Markdown's attribute lists: {: #id .class key="value"} after a heading, a paragraph, a link…
ATTR_LIST = re.compile(r"""\{:?[ ]*(?P<attrs>(?:[#.][\w-]+|[\w:-]+=(?:"[^"]*"|'[^']*'|[^\s}]+)|[ ]+)+)\}""")
ANYWHERE = set(ATTRIBUTES["*"])
ANY_ELEMENT = set().union(*ATTRIBUTES.values())
# Tags that could run code or change the page around them: refused outright (catalogue.crosscheck)
ACTIVE_TAGS = ("script", "style", "iframe", "frame", "object", "embed", "form", "input", "button", "textarea", "select",
               "link", "meta", "base", "svg", "math")
REMOVED_HINTS = {
    "style": "the hub's own styles apply to every page: remove it",
    "font": "the hub's own styles apply to every page: remove the tag (its text stays)",
    "target": "readers choose where a link opens, and links to other sites are marked as such: remove it",
}

LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|1[.)])[ \t]+\S")  # a list that can start under text (CommonMark: '1.' only)
ANY_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
ATX_HEADING = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?!#)")  # no space needed: '#1 priority' is a heading too
SETEXT_UNDERLINE = re.compile(r"^(?P<mark>=+|-+)[ \t]*$")


def removed_markup(line: str) -> Iterator[str]:
    """A message for each tag or attribute of the line that the sanitiser would remove. Tags and
    attributes that could run code are refused elsewhere, with their own message."""
    for match in RAW_TAG.finditer(line):
        tag = match.group("tag").lower()
        if tag in ACTIVE_TAGS:
            continue  # refused with its own message
        if tag not in TAGS:
            yield f"<{tag}> is removed from the page; " + REMOVED_HINTS.get(tag, "remove the tag (its text stays), or "
                                                                            "write the text in Markdown")
            continue
        allowed = ANYWHERE | ATTRIBUTES.get(tag, set())
        for attribute in ATTRIBUTE.finditer(match.group("attrs") or ""):
            yield from _removed_attribute(attribute.group("name").lower(), allowed, f"<{tag}>")
    for match in ATTR_LIST.finditer(line):
        for attribute in ATTRIBUTE.finditer(match.group("attrs")):
            name = attribute.group("name").lower()
            if not name.startswith(("#", ".")):
                yield from _removed_attribute(name, ANY_ELEMENT, "")


def _removed_attribute(name: str, allowed: set[str], element: str) -> Iterator[str]:
    if name in allowed or name.startswith("on"):  # on…: refused as script
        return
    on = f" of {element}" if element else ""
    yield f"the attribute '{name}'{on} is removed from the page; " + REMOVED_HINTS.get(name, "remove it")


def heading_levels(lines: list[tuple[int, str]]) -> Iterator[tuple[int, int, int]]:
    """(file line, level, level of the heading before it: 1 for the title) of each heading of
    Markdown prose lines: '#' lines, and a block's first line underlined with '=' or '-'."""
    previous, first_of_block = 1, None  # first_of_block: (number, line) while the block has one line
    blank_before = True
    for number, line in lines:
        level = None
        if heading := ATX_HEADING.match(line):
            level = len(heading.group("marks"))
        elif first_of_block is not None and (underline := SETEXT_UNDERLINE.match(line)):
            number, level = first_of_block[0], 1 if underline.group("mark")[0] == "=" else 2
        if level is not None:
            yield number, level, previous
            previous = level
        first_of_block = (number, line) if blank_before and line.strip() and level is None else None
        blank_before = not line.strip()


def lists_under_text(lines: list[tuple[int, str]]) -> Iterator[int]:
    """File lines of lists that start right under a line of text, with no empty line between: the
    hub's Markdown reads them as more of that paragraph, dashes and all, while GitHub's preview,
    which the contributor sees, shows a list. Once for each such block."""
    opened_by_text, reported, previous = False, False, ""
    for number, line in lines:
        if not line.strip():
            opened_by_text, reported, previous = False, False, ""
            continue
        if not previous:  # the first line of a block
            opened_by_text = not ANY_LIST_ITEM.match(line) and not ATX_HEADING.match(line)
        elif opened_by_text and not reported and LIST_ITEM.match(line) and not ATX_HEADING.match(previous):
            reported = True
            yield number
        previous = line
