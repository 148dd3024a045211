"""Contributor Markdown rendered as GitHub renders it: cmark-gfm, GitHub's own parser.

Contributors write a resource in a pull request and read GitHub's preview of it; the page shows
what they saw there: a list right under a line of text, a list nested by two spaces, a bare
address as a link, ~~struck~~ text, tables, footnotes, task lists, alerts ('> [!NOTE]').
Python-Markdown, which MkDocs uses for the hub's own pages, reads each of those otherwise. It is
also about 35 times faster, which is most of the time a resource page took to build. Headings get the ids the hub's other pages give theirs (Python-Markdown's
`toc`), so '#part' links keep working. Raw HTML is passed on as written: catalogue.sanitize cleans
every page afterwards, and the checks (catalogue.body_checks) refuse what it would remove.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape, unescape

import cmarkgfm
from cmarkgfm.cmark import Options
from markdown.extensions.toc import slugify, strip_tags, unique

from .text import ALERT_KINDS, ELEMENT_ID

# GitHub's extensions, less 'tagfilter', which would show a <script> as text where the sanitiser
# removes it. A task list's boxes ('- [ ]', '- [x]') are form fields, which the sanitiser removes:
# they become the signs ☐ and ☑, which screen readers name in the reader's own language.
EXTENSIONS = ["table", "strikethrough", "autolink", "tasklist"]
_TASK = re.compile(r'<li><input type="checkbox"( checked="")? disabled="" /> ?')
# raw HTML reaches the sanitiser, as with Python-Markdown; footnotes ('[^1]') as GitHub shows them
OPTIONS = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES

_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.DOTALL)  # cmark's own headings have no attributes
_ADDRESS = re.compile(r'(<(?:a|img)\s[^>]*?\b(?:href|src)=")([^"]*)(")')
# a table column's alignment (':--:'): cmark writes align="…", which HTML no longer has; hub.css aligns by class
_ALIGN = re.compile(r'<(th|td) align="(left|center|right)">')
# GitHub's alerts, a quote that opens with '[!NOTE]' alone on its line, are GitHub's addition to
# cmark-gfm, not part of it: they become the box Material draws for the admonition of the nearest
# kind, titled in the text's language: its interface string 'alert_note', 'alert_tip'…
ALERTS = dict(zip(ALERT_KINDS, ("note", "tip", "info", "warning", "danger"), strict=True))
_ALERT = re.compile(r"^<blockquote>\n<p>\[!(" + "|".join(ALERTS) + r")\](\n|</p>\n)", re.MULTILINE | re.IGNORECASE)
_QUOTE_TAG = re.compile(r"<(/?)blockquote>")
_CONTAINER = re.compile(r"<(/?)(?:blockquote|li|section|details|td|th)\b[^>]*>")  # what an alert may not be in


@dataclass
class Rendered:
    html: str
    headings: list[dict] = field(default_factory=list)  # {level, id, name}: Python-Markdown's toc tokens, flat

    def ids(self) -> set[str]:
        """Every id of the text, its headings' and those written in HTML: what '#anchor' can name."""
        return {unescape(found) for found in ELEMENT_ID.findall(self.html)}


Strings = Callable[[str], str]  # the interface strings of the text's language (catalogue.strings.Translator)


def render(text: str, address: Callable[[str], str] | None = None, strings: Strings | None = None) -> Rendered:
    """HTML of a contributor's Markdown, with ids on its headings; `address` rewrites each link's and
    image's address (a relative link to a source file becomes the page's address); `strings` title
    its alerts (in English without)."""
    html = _cmark(text, strings)
    headings: list[dict] = []
    used: set[str] = set()

    def with_id(match: re.Match) -> str:
        level, inner = match.group(1), match.group(2)
        name = strip_tags(inner)
        anchor = unique(slugify(unescape(name), "-"), used)
        headings.append({"level": int(level), "id": anchor, "name": name})
        return f'<h{level} id="{escape(anchor)}">{inner}</h{level}>'

    html = _HEADING.sub(with_id, html)
    if address is not None:
        html = _ADDRESS.sub(lambda m: m.group(1) + escape(address(unescape(m.group(2)))) + m.group(3), html)
    return Rendered(html, headings)


def html(text: str, strings: Strings | None = None) -> str:
    """HTML of a contributor's Markdown embedded in a generated page (the caller sanitises it): no
    ids, which could repeat those of the page around it."""
    return _cmark(text, strings)


def _cmark(text: str, strings: Strings | None) -> str:
    html = cmarkgfm.markdown_to_html_with_extensions(text, options=OPTIONS, extensions=EXTENSIONS)
    if "<table>" in html:
        html = _ALIGN.sub(r'<\1 class="hub-align-\2">', html)
    if '<input type="checkbox"' in html:
        html = _TASK.sub(lambda box: f'<li class="task-list-item">{"☑" if box.group(1) else "☐"} ', html)
    return _alerts(html, strings) if "<blockquote>\n<p>[!" in html else html


def _alerts(html: str, strings: Strings | None) -> str:
    """Each alert's quote as an admonition: its marker becomes the title, its closing tag the box's.
    As on GitHub, only a quote of its own: one in a list, a table or another quote stays a quote."""
    at = 0
    while found := _ALERT.search(html, at):
        at = found.end()
        if sum(-1 if tag.group(1) else 1 for tag in _CONTAINER.finditer(html, 0, found.start())):
            continue
        kind = found.group(1).lower()
        depth, end = 0, len(html)
        for tag in _QUOTE_TAG.finditer(html, found.start()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag.start()
                break
        rest = html[found.end():end]
        # the marker alone in its paragraph ends it; with text under it, that text opens a paragraph
        opening = "<p>" if found.group(2) == "\n" else ""
        html = (f'{html[:found.start()]}<div class="admonition {ALERTS[kind]}">\n'
                f'<p class="admonition-title">{escape(strings(f"alert_{kind}") if strings else kind.title())}</p>\n{opening}{rest}</div>'
                f'{html[end + len("</blockquote>"):]}')
    return html


def anchors(text: str) -> set[str]:
    """The ids of a contributor's text on its page: what '#anchor' in a link can name."""
    return render(text).ids()
