"""Pages without the indentation of the templates that wrote them.

Material's templates and the hub's indent their markup for whoever reads them; on the page it is
3 to 4 KB of spaces and blank lines, 0.3 KB or more of every page's download once compressed, on
every visit. A run of spaces and line breaks between two pieces of text or tags shows as one
space, whatever it holds: it becomes one line break. Inside elements that show their white space
as written (pre, textarea, and code and kbd, which Material styles so), nothing changes.
"""

from __future__ import annotations

import re

_AS_WRITTEN = re.compile(r"(<(pre|textarea|code|kbd)\b.*?</\2>)", re.S | re.I)
_INDENTED_BREAK = re.compile(r"[ \t]*\n[ \t\n]*")


def without_indentation(html: str) -> str:
    parts = _AS_WRITTEN.split(html)
    # split() gives text, then for each match the element and its tag name
    return "".join(_INDENTED_BREAK.sub("\n", part) if index % 3 == 0 else part if index % 3 == 1 else ""
                   for index, part in enumerate(parts))
