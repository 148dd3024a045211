"""Material's stylesheet without the parts of the theme the hub never shows.

Material's one stylesheet styles every component it offers (its search, tabs, blog, version
menu, tooltips, code annotations…): 23 KB gzip that every first visit downloads before the
page is drawn. The hub uses few of them. `trim` takes out each selector that names a class of
an unused component, the rules left with no selector, and then the custom properties
(`--md-…`) that no remaining rule and none of the hub's own files reads: most of them are the
unused components' icons, written into the stylesheet as SVG.

Which components are unused is the hub's decision (UNUSED_COMPONENTS); a test checks that no
built page uses a class of one, and another that pages look the same, pixel for pixel, with
Material's whole stylesheet. The rest of the stylesheet is kept byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Material's components that no page of the hub has: their styles are taken out of Material's
# stylesheet (hooks/tidy_theme_output.py). tests/test_budgets.py checks the built pages against
# this list; turning on one of Material's features (navigation.tabs, its search, a repository
# link…) means taking it off.
UNUSED_COMPONENTS = (
    "md-search", "md-tabs", "md-source", "md-version", "md-top", "md-path", "md-progress", "md-consent",
    "md-feedback", "md-social", "md-status", "md-input", "md-option", "md-tooltip", "md-tooltip2",
    "md-annotation", "md-clipboard", "md-code",  # code annotations and copy buttons (no pymdownx)
    "md-post", "md-author", "md-profile", "md-draft", "md-pin", "md-pagination", "md-meta", "md-tag",  # blog, tags
    "md-typeset__scrollwrap", "md-typeset__table",  # the frames Material's script puts around tables
    "tabbed",  # content tabs are built of <input>s, which the sanitiser removes
    # Markdown extensions mkdocs.yml does not turn on (the resources' text is GitHub's Markdown:
    # catalogue/gfm.py, whose footnotes, task lists and alerts keep their styles): code highlighting,
    # critic marks, maths, emoji, diagrams, comments
    "highlight", "highlighttable", "critic", "arithmatex", "katex", "twemoji", "emojione", "gemoji",
    "mermaid", "giscus",
    # features of Material's the hub does not turn on: edit buttons, the repository's link, lifted
    # and integrated navigation, tags
    "md-content__button", "md-header__source", "md-nav__source", "md-nav--lifted", "md-nav--integrated",
    "md-header--lifted", "md-sidebar--post", "md-content--post", "md-tags",
)

CUSTOM_PROPERTY = re.compile(r"(--[\w-]+)\s*:")
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
# what the scanners stop at: the character sought, or the start of a string or a comment
_NOTABLE = {char: re.compile("[" + re.escape(char) + r"\"']|/\*") for char in "{;"}
_BRACES = re.compile(r"[{}\"']|/\*")
_NESTING = re.compile(r"[\"'(\[]")
_SPLITTING = {char: re.compile("[" + re.escape(char) + r"\"'()\[\]]") for char in ",;"}


def trim(css: str, unused_components: Iterable[str], readers: str = "") -> str:
    """`css` without the selectors naming a class of `unused_components` (`classes_of`), and
    without the custom properties read neither by what is left nor by `readers` (the hub's own
    CSS and scripts)."""
    unused = classes_of(unused_components)
    kept = _rules(css, lambda selector: not any(unused.match(name) for name in CLASS.findall(selector)))
    while True:  # a property may be read only by another property that goes: repeat until none goes
        read = set(re.findall(r"var\(\s*(--[\w-]+)", kept + readers))
        shorter = _unread_properties_out(kept, read)
        if shorter == kept:
            return kept
        kept = shorter


def classes_of(components: Iterable[str]) -> re.Pattern:
    """Matches the class names of `components`: each name, and the names that start with it and
    "-" or "__" ("md-search" matches "md-search__input" and "md-search-result")."""
    names = "|".join(re.escape(name) for name in components)
    return re.compile(rf"^(?:{names})(?:$|-|__)" if names else r"(?!)")


def _rules(css: str, keep_selector) -> str:
    """The stylesheet with only the selectors `keep_selector` accepts; at-rules (@media,
    @supports) keep what is kept inside them and go when nothing is."""
    out, position = [], 0
    while position < len(css):
        brace = _find(css, "{", position)
        if brace < 0:
            out.append(css[position:])
            break
        prelude = css[position:brace]
        semicolon = _find(css, ";", position, stop=brace)
        if prelude.lstrip().startswith("@") and semicolon >= 0:  # @charset, @import: no block
            out.append(css[position:semicolon + 1])
            position = semicolon + 1
            continue
        end = _matching(css, brace)
        body = css[brace + 1:end]
        if prelude.lstrip().startswith("@"):
            if prelude.lstrip().startswith(("@media", "@supports", "@layer", "@container")):
                inner = _rules(body, keep_selector)
                if inner.strip():
                    out.append(f"{prelude}{{{inner}}}")
            else:  # @keyframes, @font-face, @page: kept whole
                out.append(css[position:end + 1])
        else:
            selectors = [s for s in _split(prelude) if keep_selector(s)]
            if selectors:
                out.append(",".join(selectors) + "{" + body + "}")
        position = end + 1
    return "".join(out)


def _unread_properties_out(css: str, read: set[str]) -> str:
    """The custom properties not in `read` taken out of their rules; a rule left empty goes."""
    def rule(match: re.Match) -> str:
        declarations = [d for d in _split(match.group(2), ";")
                        if not ((m := CUSTOM_PROPERTY.match(d.strip())) and m.group(1) not in read)]
        return match.group(1) + "{" + ";".join(declarations) + "}" if any(d.strip() for d in declarations) else ""

    # a rule's body holds no braces; strings in it may hold anything but an unescaped quote
    return re.sub(r"([^{};]*)\{((?:[^{}\"']|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*')*)\}", rule, css)


def _find(css: str, char: str, start: int, stop: int | None = None) -> int:
    """The position of `char` from `start`, outside strings and comments; -1 if none before `stop`."""
    stop = len(css) if stop is None else stop
    position = start
    while (match := _NOTABLE[char].search(css, position, stop)):
        position = match.start()
        if css[position] == char:
            return position
        position = _skip(css, position)
    return -1


def _matching(css: str, brace: int) -> int:
    """The position of the brace that closes the one at `brace`."""
    depth, position = 0, brace
    while True:
        position = _BRACES.search(css, position).start()
        if css[position] == "{":
            depth += 1
        elif css[position] == "}":
            depth -= 1
            if depth == 0:
                return position
        else:
            position = _skip(css, position) - 1
        position += 1


def _skip(css: str, position: int) -> int:
    """Past the string or comment that starts at `position` (or past the character there)."""
    if css[position] in "\"'":
        return _string_end(css, position) + 1
    if css.startswith("/*", position):
        return css.index("*/", position + 2) + 2
    return position + 1


def _string_end(css: str, start: int) -> int:
    quote, position = css[start], start + 1
    while css[position] != quote:
        position += 2 if css[position] == "\\" else 1
    return position


def _split(text: str, separator: str = ",") -> list[str]:
    """`text` split at `separator` outside brackets and strings (`:is(a, b)`, `[title="a,b"]`)."""
    if not _NESTING.search(text):
        return text.split(separator)
    parts, depth, start, position = [], 0, 0, 0
    while (match := _SPLITTING[separator].search(text, position)):
        position = match.start()
        c = text[position]
        if c in "\"'":
            position = _string_end(text, position)
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif depth == 0:
            parts.append(text[start:position])
            start = position + 1
        position += 1
    parts.append(text[start:])
    return parts
