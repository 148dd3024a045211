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
from html import unescape
from urllib.parse import urlsplit

from .sanitize import ATTRIBUTES, SCHEMES, TAGS, THEME_CLASS

RAW_TAG = re.compile(r"<(?P<tag>[a-zA-Z][a-zA-Z0-9]*)(?P<attrs>\s[^<>]*)?/?>")
ATTRIBUTE = re.compile(r"""(?P<name>[^\s"'=<>/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?""")
# Python-Markdown's attribute lists, {: #id .class key="value"}, which GitHub and the hub show as typed
ATTR_LIST = re.compile(r"""\{:?[ ]*(?P<attrs>(?:[#.][\w-]+|[\w:-]+=(?:"[^"]*"|'[^']*'|[^\s}]+)|[ ])+)\}""")  # one space a
# time: '[ ]+' inside '(…)+' could split a run of spaces every way there is, before failing
ANYWHERE = set(ATTRIBUTES["*"])
# Tags that could run code or change the page around them: refused outright (catalogue.body_checks)
ACTIVE_TAGS = ("script", "style", "iframe", "frame", "object", "embed", "form", "input", "button", "textarea", "select",
               "link", "meta", "base", "svg", "math")
REMOVED_HINTS = {
    "style": "the hub's own styles apply to every page: remove it",
    "font": "the hub's own styles apply to every page: remove the tag (its text stays)",
    "target": "readers choose where a link opens, and links to other sites are marked as such: remove it",
}

# Where a line names an address: a Markdown link or image, a reference definition, an HTML attribute
LINK_TARGET = re.compile(r"""\]\(\s*<?(?P<link>[^)\s>]+)|^ {0,3}\[(?!\^)[^\]]+\]:\s*<?(?P<reference>[^\s>]+)"""
                         r"""|\b(?:href|src)\s*=\s*["']?(?P<attribute>[^"'\s>]+)""", re.IGNORECASE)
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
ON_THIS_COMPUTER = re.compile(r"[a-zA-Z]:[\\/]|\\\\|file:", re.IGNORECASE)  # C:\…, \\server\…, file:///…
SCRIPT_SCHEMES = {"javascript", "data", "vbscript"}  # refused as script, with their own message
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
            if attribute.group("name").lower() == "class":
                yield from _own_classes(attribute.group(0).partition("=")[2].strip("\"' ").split())
    if ATTR_LIST.search(line):
        yield ("'{: …}' is shown on the page as typed, as in GitHub's preview: the hub's Markdown, like GitHub's, has "
               "no attribute lists; remove it (for a link in another language, write "
               "<a href=\"…\" hreflang=\"es\">…</a>)")


def _own_classes(names: list[str]) -> Iterator[str]:
    """The theme's classes (md-…), which the sanitiser removes: some cover the whole screen. The
    hub's (hub-…) style its own blocks and would dress the text as one of them."""
    for name in names:
        if name.startswith((THEME_CLASS, "hub-")):
            owner = "the theme's" if name.startswith(THEME_CLASS) else "the hub's own"
            yield f"the class '{name}' is {owner}, for its layout, not for the text; remove it"


def unreachable_links(line: str) -> Iterator[str]:
    """A message for each address of the line that readers could not follow: a file on the
    contributor's computer, or a scheme the sanitiser removes (the link would keep its text only)."""
    for match in LINK_TARGET.finditer(line):
        target = match.group("link") or match.group("reference") or match.group("attribute")
        scheme = SCHEME.match(target)
        if ON_THIS_COMPUTER.match(target):
            yield (f"the link '{target}' leads to a file on your computer, which readers cannot open: copy the file "
                   "into content/files/ and link to it from here, e.g. '../files/report.pdf'")
        elif scheme and scheme.group(1).lower() not in SCHEMES | SCRIPT_SCHEMES:
            kept = ", ".join(f"{name}:" for name in sorted(SCHEMES))
            yield (f"links starting with '{scheme.group(1)}:' are removed from the page (only {kept} are kept); "
                   "link to a web address instead")


def undescribed_images(line: str) -> Iterator[str]:
    """A message for each HTML <img> without words for readers who cannot see it."""
    for match in RAW_TAG.finditer(line):
        if match.group("tag").lower() != "img":
            continue
        alts = [a.group(0).partition("=") for a in ATTRIBUTE.finditer(match.group("attrs") or "")
                if a.group("name").lower() == "alt"]
        if not any(value.strip(" \"'") for _, _, value in alts):
            yield ("this <img> needs a few words for readers who cannot see it: add alt=\"…\" to it, e.g. "
                   "alt=\"Coal jobs by year in Cesar\", or write it as ![Coal jobs by year in Cesar](../files/chart.png)")


def _removed_attribute(name: str, allowed: set[str], element: str) -> Iterator[str]:
    if name in allowed or name.startswith("on"):  # on…: refused as script
        return
    on = f" of {element}" if element else ""
    yield f"the attribute '{name}'{on} is removed from the page; " + REMOVED_HINTS.get(name, "remove it")


def prose_lines(text: str, first_line: int):
    """(file line, line) of a Markdown text, leaving out code samples, which are shown as written."""
    in_code = False
    for offset, line in enumerate(text.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        if not (in_code or line.startswith("    ")):
            yield first_line + offset, line


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


WORD_BULLET = re.compile(r"^[ \t]*[•●▪◦‣·][ \t]")
TAB_INDENTED = re.compile(r"^ {0,3}\t")  # four spaces are a code sample on purpose; a tab comes from a paste


def pasted_layout(text: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(file line, message) for the layout a paste from a word processor brings, which Markdown
    reads otherwise: its bullets ('•'), which stay text in one paragraph, and a paragraph indented
    by a tab, which becomes a grey box of code. Once each: a pasted text repeats them."""
    in_code, blank_before, in_list, told = False, True, False, set()
    for offset, line in enumerate(text.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        if not line.strip():
            blank_before = True
            continue
        indented = line.startswith((" " * 4, "\t")) or bool(TAB_INDENTED.match(line))
        if not indented:  # a list item opens a list; a paragraph after an empty line closes it
            in_list = bool(ANY_LIST_ITEM.match(line)) or (in_list and not blank_before)
        if WORD_BULLET.match(line) and "bullet" not in told:
            told.add("bullet")
            yield first_line + offset, (f"this line starts with '{line.strip()[0]}', a word processor's bullet, which "
                                        "the page shows as text: start each item with '- ' instead")
        elif TAB_INDENTED.match(line) and blank_before and not in_list and "indent" not in told:
            told.add("indent")
            yield first_line + offset, ("this paragraph is indented by a tab, so the page shows it as a grey box of "
                                        "code: remove the indent (to show code on purpose, put a line ``` before and "
                                        "after it)")
        blank_before = False


# Link text that reads as an address: 'https://www.ilo.org/x', 'www.ilo.org', 'ilo.org/report'
SHOWN_ADDRESS = re.compile(r"^\s*<?(?:https?:)?(?://)?(?P<host>(?:[\w-]+\.)+[a-z]{2,})(?::\d+)?(?:[/?#]\S*)?>?\s*$", re.IGNORECASE)
INLINE_LINK = re.compile(r"(?<!!)\[(?P<text>[^\[\]]{1,300})\]\(\s*<?(?P<target>[^)\s>]+)")
REFERENCE_LINK = re.compile(r"(?<!!)\[(?P<text>[^\[\]]{1,300})\]\[(?P<label>[^\[\]]{0,300})\]")
REFERENCE = re.compile(r"^ {0,3}\[(?!\^)(?P<label>[^\]]{1,300})\]:\s*<?(?P<target>\S+?)>?(?:\s|$)")
HTML_LINK = re.compile(r"<a\b[^<>]*?\bhref\s*=\s*[\"']?(?P<target>[^\"'\s>]+)[^<>]*>(?P<text>[^<]{1,300})</a>", re.IGNORECASE)


def misleading_links(lines: list[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(file line, message) for each link whose text reads as one site's address while it leads to
    another: inline, by reference or in HTML, entities decoded ('https&#58;//' is 'https://')."""
    references = {m["label"].strip().lower(): m["target"] for _, line in lines if (m := REFERENCE.match(line))}
    for number, line in lines:
        found = [(m["text"], m["target"]) for m in INLINE_LINK.finditer(line)]
        found += [(m["text"], references.get((m["label"] or m["text"]).strip().lower(), "")) for m in REFERENCE_LINK.finditer(line)]
        found += [(unescape(m["text"]), unescape(m["target"])) for m in HTML_LINK.finditer(line)]
        for text, target in found:
            shown = SHOWN_ADDRESS.match(unescape(text))
            goes = urlsplit(target if "//" in target else "").hostname
            if shown and goes and shown["host"].lower().removeprefix("www.") != goes.removeprefix("www."):
                yield number, (f"the link shows {text.strip()} but leads to {goes}; make the text and the address agree")
