"""Second wall against active content: contributor HTML is cleaned after Markdown rendering.

The validator already refuses scripts, event handlers and dangerous URLs with a message; this
makes sure that whatever slips past a reviewer (or a future Markdown extension) cannot run in
a reader's browser. External links are marked: they need a connection and open another site.
"""

from __future__ import annotations

import re

import nh3

TAGS = (set(nh3.ALLOWED_TAGS) | {"details", "summary", "figure", "figcaption", "mark", "time", "abbr", "dl", "dt", "dd",
                                 "section", "article", "aside", "nav", "picture", "source"}) \
    - {"form", "input", "button", "select", "option", "textarea", "style", "script", "iframe", "object", "embed"}
ATTRIBUTES = {
    "*": {"class", "id", "lang", "dir", "title", "hidden"},
    "a": {"href", "hreflang", "download", "aria-label"},  # a footnote's way back: "Back to reference 1"
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "type", "media", "sizes"},
    "time": {"datetime", "data-end", "data-zone", "data-local", "data-last-day", "data-ended"},  # read as text by hub.js (local times, ended events)
    "li": {"data-until"},  # an event's registration link, hidden by hub.js once the event is over
    "abbr": {"title"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start", "type"},
    "code": set(),
}
SCHEMES = {"http", "https", "mailto"}
# Ids of the parts of a page that the theme and the hub's templates write and that scripts or forms
# look up. A contributor's element with one of them would come first in the page and be taken for
# it: a hidden <p id="__config"> would tell the scripts where to load code from.
# tests/test_hostile_input.py checks the list against built pages and hub.js.
RESERVED_IDS = {"hub-content", "hub-search-page", "hub-search-box", "hub-search-q", "hub-search-suggest", "hub-newsletter-email"}
RESERVED_PREFIX = "__"  # Material's own: __config, __drawer, __search, __toc...
THEME_CLASS = "md-"  # Material's classes, which the text never needs (admonitions and tables have their own)
_EXTERNAL = re.compile(r'<a (?P<attrs>[^>]*?)href="(?P<href>(?:https?:)?//[^"]+)"(?P<rest>[^>]*)>')  # //host: another site too


def clean(html: str) -> str:
    """Only inert HTML: no scripts, styles, frames, forms, event handlers or javascript:/data: URLs."""
    safe = nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES,
                     clean_content_tags={"script", "style", "template"}, strip_comments=False,
                     link_rel=None,  # mark_external adds rel to the links that leave the site
                     attribute_filter=_not_reserved)
    return mark_external(safe)


def _not_reserved(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id" and (value.startswith(RESERVED_PREFIX) or value in RESERVED_IDS):
        return None
    if attribute in ("src", "srcset") and "//" in value:  # an image from another site: the reader's browser
        return None  # would ask that site for it (the validator refuses it; the policy blocks it too)
    if attribute == "class":  # the theme's layout classes (md-…) include full-screen overlays: a link
        kept = [name for name in value.split() if not name.startswith(THEME_CLASS)]  # made one covers the page
        return " ".join(kept) or None
    return value


def mark_external(html: str) -> str:
    """Give links to other sites a class (styled with ↗) and noopener/noreferrer."""
    def mark(match: re.Match) -> str:
        attrs = match.group("attrs") + match.group("rest")
        attrs = re.sub(r'\s*rel="[^"]*"', "", attrs)
        if 'class="' in attrs:
            if not re.search(r'class="(?:[^"]*\s)?hub-external[\s"]', attrs):  # the hub's own external links have it
                attrs = attrs.replace('class="', 'class="hub-external ', 1)
        else:
            attrs += ' class="hub-external"'
        return f'<a href="{match.group("href")}" rel="noopener noreferrer"{(" " + attrs.strip()) if attrs.strip() else ""}>'
    return _EXTERNAL.sub(mark, html)
