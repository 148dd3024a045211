"""The JSON Schemas in schema/: the single list of fields, and messages that say how to fix a value."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .lookalikes import retype_hint
from .problems import FIX_HINT

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"


@cache
def load(name: str) -> dict[str, Any]:
    """The schema `schema/<name>.schema.json` as a dict."""
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


@cache
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(load(name))


def fields(name: str) -> dict[str, dict[str, Any]]:
    """The properties of a schema, in their documented order."""
    return load(name)["properties"]


def required(name: str) -> tuple[str, ...]:
    """The fields every file must have."""
    return tuple(load(name).get("required", ()))


def list_keys(name: str) -> tuple[str, ...]:
    """The fields written as a [list] of words or ids (region, topic, authors…), not of sets of keys."""
    def is_list(spec: dict[str, Any]) -> bool:
        kinds = spec.get("type")
        return "array" in (kinds if isinstance(kinds, list) else [kinds]) and spec.get("items", {}).get("type") == "string"
    return tuple(key for key, spec in fields(name).items() if is_list(spec))


def check(name: str, value: Any) -> Iterator[tuple[tuple, str, str]]:
    """Yield (value path, field name, message) for every way `value` breaks the schema."""
    errors = sorted(_validator(name).iter_errors(value), key=lambda e: [str(p) for p in e.absolute_path])
    seen: set[tuple] = set()
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator == "required":
            missing = error.message.split("'")[1]
            path = path + (missing,)
        elif error.validator == "additionalProperties":
            for key in _extra_keys(error):
                yield path + (key,), _dotted(path + (key,)), _unknown_key(name, path, key)
            continue
        key = path + (error.validator,)
        if key in seen:
            continue
        seen.add(key)
        yield path, _dotted(path), explain(name, error)


def _extra_keys(error: ValidationError) -> list[str]:
    allowed = set(error.schema.get("properties", {}))
    return sorted(k for k in error.instance if k not in allowed)


# Words contributors use for a key by another name (the spelling is too far off for a close match)
OTHER_NAMES = {"link": "url", "links": "url", "website": "url", "web": "url", "source": "url",
               "organisation": "partner", "organization": "partner", "organisations": "partner",
               "organizations": "partner", "partners": "partner", "publisher": "partner",
               "country": "region", "countries": "region", "regions": "region",
               "topics": "topic", "tags": "topic", "theme": "topic", "themes": "topic", "kind": "type",
               "author": "authors", "abstract": "summary", "description": "summary",
               "published": "date", "lang": "language", "languages": "language", "attachments": "files"}


def _unknown_key(name: str, path: tuple, key: str) -> str:
    from difflib import get_close_matches

    known = list(_schema_at(name, path).get("properties", {}))
    other = OTHER_NAMES.get(key.lower())
    hint = [other] if other in known else get_close_matches(key, known, n=1, cutoff=0.6)
    if hint:
        repaired = f" ({FIX_HINT})" if hint[0] == key.lower() else ""  # catalogue.fix writes 'Title' as 'title'
        return f"unknown key '{key}'; did you mean '{hint[0]}'?{repaired}"
    if name == "translation":
        return (f"a translation may only set {', '.join(known)}; '{key}' is inherited from the original, "
                "so remove it here (change it in the original if it is wrong)")
    return f"unknown key '{key}'; the allowed keys are {', '.join(known)}"


def _schema_at(name: str, path: tuple) -> dict[str, Any]:
    node = load(name)
    for part in path:
        if isinstance(part, int):
            node = node.get("items", {})
        elif part in node.get("properties", {}):
            node = node["properties"][part]
        else:
            node = node.get("additionalProperties", {}) if isinstance(node.get("additionalProperties"), dict) else {}
    return node


def _dotted(path: tuple) -> str:
    # list positions are left out: the line number already points at the item
    return ".".join(str(p) for p in path if not isinstance(p, int)) or "-"


TYPE_WORDS = {"string": "text", "array": "a list", "object": "a set of keys", "integer": "a whole number",
              "number": "a number", "boolean": "true or false", "null": "empty"}


def _type_name(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of keys"
    return "text"


def explain(name: str, error: ValidationError) -> str:
    """One sentence saying what is wrong with a value and how to fix it."""
    schema, value, kind = error.schema, error.instance, error.validator
    what = schema.get("description", "")
    if kind == "required":
        missing = error.message.split("'")[1]
        desc = _schema_at(name, tuple(error.absolute_path) + (missing,)).get("description", "")
        return f"missing required key; add '{missing}:' ({desc})"
    if kind == "type":
        wanted = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        words = " or ".join(TYPE_WORDS[w] for w in wanted)
        key = _dotted(tuple(error.absolute_path))
        if isinstance(value, list) and wanted == ["string"] and len(value) == 1:
            return (f"takes one value, not a list; write it without brackets: {value[0]} "
                    f"({FIX_HINT})")
        if isinstance(value, list) and wanted == ["string"] and value:
            return f"takes one value, not a list; choose one and write it without brackets, e.g. {key}: {value[0]}"
        if value is None:
            return f"is empty; write {words} here ({what})" if what else f"is empty; write {words} here"
        if wanted == ["string"] and isinstance(value, (int, float)):  # 'summary: 2025', 'title: 1.5 degrees' is text
            return f"must be text, not {_type_name(value)}; put it in quotes: {key}: \"{value}\""
        if wanted == ["array"] and isinstance(value, str):
            items = schema.get("items", {})
            if items.get("type") == "object":  # files: each a path, a title, a language
                first = (items.get("required") or list(items.get("properties", {})))[0]
                return (f"must be a list, not text; write each item on lines of its own: '{key}:' on one line, then "
                        f"'  - {first}: {value}' below it")
            return f"must be a list, not text; put it in brackets, with a comma between items: {key}: [{value}]"
        hint = " (put text that contains ': ' or starts with a symbol in quotes)" if "string" in wanted else ""
        return f"must be {words}, not {_type_name(value)}{hint}"
    if kind == "maxLength":
        return f"is {len(value)} characters long; shorten it to at most {schema['maxLength']}"
    if kind == "minLength":
        if tuple(error.absolute_path)[-1:] in (("start",), ("end",)):  # '16:00' for an end: the date is missing
            return (f"'{value}' is not a date-time; write the date too, e.g. 2026-03-10T16:00:00+07:00 (date, 'T', time, "
                    "UTC offset), or 2026-03-10 for an all-day event")
        return f"is too short ({len(value)} characters); write at least {schema['minLength']}"
    if kind == "pattern":
        if schema.get("pattern", "").startswith("^[0-9]{4}"):
            return f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2025-03-14{retype_hint(value)}"
        if schema.get("pattern") == "^[a-z]{2}$":
            return f"'{value}' is not a two-letter language code; use ISO 639-1 codes such as en, es, id, vi, th, mn"
        if ("https?" in schema.get("pattern", "") or "https:" in schema.get("pattern", "")) and str(value).startswith("www."):
            return f"'{value}' needs https:// in front: https://{value}"
        if "https?" in schema.get("pattern", "") or "https:" in schema.get("pattern", ""):
            start = "https:// (or http://)" if "https?" in schema.get("pattern", "") else "https://"
            return (f"'{value}' is not a web link; it must start with {start}, contain no spaces or "
                    "backslashes, and have no name@ before the site's address")
        if "a-z0-9-" in schema.get("pattern", ""):
            return f"'{value}' is not an id; ids are lowercase letters, digits and hyphens, e.g. south-africa"
        return f"'{value}' has the wrong form: {what}"
    if kind == "maxItems":
        return f"lists {len(value)} items; keep it to at most {schema['maxItems']}"
    if kind == "minItems":
        return "the list is empty; give at least one value"
    if kind == "uniqueItems":
        return "the list names the same value twice; remove the repeat"
    if kind == "enum":
        return f"'{value}' is not allowed; use one of {', '.join(map(str, schema['enum']))}"
    return f"{error.message}. {what}".strip()
