"""Characters pasted from word processors that look like the ones front matter needs.

Word, Outlook and web pages turn '-' into dashes and spaces into non-breaking spaces: the file
looks right and reads wrong, and YAML's own message points at the wrong thing. These messages
name the character, so that the fix (retype it) is plain.
"""

from __future__ import annotations

import re

SPACES = {"\u00a0": "a non-breaking space", "\u202f": "a narrow non-breaking space", "\u2007": "a figure space",
          "\u3000": "a wide (ideographic) space", "\u200b": "a zero-width space", "\u2060": "an invisible word joiner",
          "\ufeff": "an invisible byte-order mark", "\u00ad": "an invisible soft hyphen"}
DASHES = {"\u2013": "an en dash (–)", "\u2014": "an em dash (—)", "\u2212": "a minus sign (−)",
          "\u2010": "a typographic hyphen (‐)", "\u2011": "a non-breaking hyphen (‑)"}
# A front-matter line's structure: indentation, an optional '- ', the key, ':' and the space after it.
# Python's \s includes the non-breaking spaces, so they land in the parts that must hold plain spaces.
_STRUCTURE = re.compile(r"(?P<indent>[\s\u200b\u2060\ufeff]*)(?P<item>-[\s\u200b\u2060\ufeff]*)?"
                        r"(?:(?P<key>[^\s:'\"#{\[][^:'\"#]*?)(?P<gap>[\s\u200b\u2060\ufeff]*):(?=\s|$)(?P<after>\s*))?")


def first(text: str, names: dict[str, str]) -> str | None:
    """The name of the first of `names` in `text`."""
    return next((names[c] for c in text if c in names), None)


def in_structure(line: str) -> tuple[str, str] | None:
    """(the key, a message) when a look-alike of a space sits where YAML needs a plain one."""
    match = _STRUCTURE.match(line)
    key = (match.group("key") or "").strip()
    parts = [("at the start of the line", match.group("indent") + (match.group("item") or "")),
             (f"in the key '{key}'" if key else "", (match.group("key") or "") + match.group("gap") if key else ""),
             (f"after '{key}:'", match.group("after") or "")]
    for where, text in parts:
        name = first(text, SPACES)
        if name:
            return key or "-", (f"there is {name} {where}, which looks like a space (or like nothing) but does not "
                                "read as one: retype that part of the line (such characters come from copying out of a "
                                "word processor or a web page)")
    return None


def retype_hint(value: object) -> str:
    """'; it has an en dash (–) where '-' belongs: retype it' for a date typed in a word processor."""
    if not isinstance(value, str):
        return ""
    dash, space = first(value, DASHES), first(value, SPACES)
    if dash:
        return f"; it has {dash} where a plain hyphen (-) belongs: retype the hyphens"
    if space:
        return f"; it has {space} in it: retype the spaces"
    return ""
