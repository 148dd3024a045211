"""Pages without the indentation and blank lines of the templates that wrote them.

Material's templates and the hub's indent their markup for whoever reads them; on the page it was
3 to 4 KB of spaces and blank lines, 0.3 KB or more of every page's download once compressed, on
every visit. A run of spaces and line breaks between two pieces of text or tags shows as one
space, whatever it holds: it can be one line break. Inside elements that show their white space
as written (pre, textarea, and code and kbd, which Material styles so), nothing changes.

The templates lose their indentation as they are compiled (hooks/tidy_theme_output.py), at no
cost per page, with every line break kept so that a template's error still names its line; the
blank lines left where a line held a statement alone ({% if … %}) go from each page.
"""

from __future__ import annotations

import re

_AS_WRITTEN = re.compile(r"(<(pre|textarea|code|kbd)\b.*?</\2>)", re.S | re.I)
_INDENTATION = re.compile(r"[ \t]*\n[ \t]*")
_BLANK_LINES = re.compile(r"\n\n+")  # (not \n{2,}: fourteen times slower in re)


def _outside_as_written(html: str, pattern: re.Pattern, replacement: str) -> str:
    parts = _AS_WRITTEN.split(html)
    # split() gives text, then for each match the element and its tag name
    return "".join(pattern.sub(replacement, part) if index % 3 == 0 else part if index % 3 == 1 else ""
                   for index, part in enumerate(parts))


def template_without_indentation(source: str) -> str:
    """A template's source without indentation or trailing spaces, each line where it was."""
    return _outside_as_written(source, _INDENTATION, "\n")


def without_blank_lines(html: str) -> str:
    """A page without blank lines, but in the elements that show their white space as written."""
    if "<pre" not in html and "<textarea" not in html:  # (inline code holds no blank line: it would end a paragraph)
        return _BLANK_LINES.sub("\n", html)  # most pages: one pass
    return _outside_as_written(html, _BLANK_LINES, "\n")
