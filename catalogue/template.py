"""Commented front matter: what the scaffold writes and what CONTRIBUTING.md shows.

One function serves both, so the documented template is exactly what contributors get.
Comments come from the schema's descriptions, the single list of fields.
"""

from __future__ import annotations

import json
import re
from typing import Any

from anyascii import anyascii

from . import schema

SLUG_MAX = 60
_PLAIN = re.compile(r"^[\w][\w .,;()'’/&+-]*$", re.UNICODE)
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "~"}


def slugify(title: str) -> str:
    """A file name from a title, transliterating non-Latin scripts: 'Phục hồi đất' -> 'phuc-hoi-dat'."""
    words = re.sub(r"[^a-z0-9]+", " ", anyascii(title).lower()).split()
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > SLUG_MAX:
            break
        slug = candidate
    return slug or (words[0][:SLUG_MAX] if words else "")


def yaml_value(value: Any, in_list: bool = False) -> str:
    """A value as a contributor would write it: plain where safe, quoted where YAML would misread it
    (in a [list], a comma ends the item: "Smith, J." is quoted there)."""
    if isinstance(value, list):
        return "[" + ", ".join(yaml_value(v, in_list=True) for v in value) + "]"
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ][\d:+.Z-]+)?", text) or re.fullmatch(r"https?://[^\s,]+", text):
        return text
    if (_PLAIN.match(text) and text.lower() not in _RESERVED and not re.fullmatch(r"[\d.+-]+", text) and ": " not in text
            and not (in_list and "," in text)):
        return text
    return json.dumps(text, ensure_ascii=False)


def comment(key: str, kind: str = "resource") -> str:
    return schema.fields(kind)[key]["description"]


def front_matter(values: dict[str, Any], commented: bool = True, kind: str = "resource") -> str:
    """Front matter in the schema's key order, each key with its explanation above it; `kind`:
    the schema, "resource" or "translation"."""
    lines = ["---"]
    for key in schema.fields(kind):
        if key not in values:
            continue
        if commented:
            lines.append(f"# {comment(key, kind)}")
        lines.append(f"{key}: {yaml_value(values[key])}")
    lines.append("---")
    return "\n".join(lines) + "\n"


BODY_HINT = """\
Write the page here in Markdown: what the resource is, who it is for and what it finds.
Use ## for headings. Keep it to a few paragraphs; link to the full document with `url`.
"""
