"""The hub's settings in mkdocs.yml `extra`, checked before a build: a misspelt key would otherwise
be ignored without a word (`content_license:` publishes no licence at all).

Keys close to one the hub reads are taken for a misspelling of it; others (a setting of the theme,
or of a maintainer's own template) are left alone.
"""

from __future__ import annotations

import re
from difflib import get_close_matches
from pathlib import Path
from typing import Any

import yaml

HUB_KEYS = ("short_name", "sample_content", "content_licence", "repository", "newsletter", "search_bundle_size",
            "offline_copies_per_language")
SWITCHES = ("sample_content", "offline_copies_per_language")  # true or false


ADDRESSES = {"repository": ("repository",), "newsletter.action": ("newsletter", "action")}  # links every page carries


def problems(extra: dict[str, Any]) -> list[str]:
    """Each problem as 'extra.KEY: message'."""
    found = []
    size = extra.get("search_bundle_size")
    if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 1):
        found.append(f"extra.search_bundle_size: '{size}' is not a whole number above 0; write e.g. "
                     "search_bundle_size: 2000 (or remove the line)")
    for name, path in ADDRESSES.items():
        value = extra
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        if value is not None and not (isinstance(value, str) and re.match(r"https?://[^\s/]+\.[^\s]+$", value)):
            found.append(f"extra.{name}: '{value}' is not a web address; write it whole, starting with https://")
    for key, value in extra.items():
        if key in SWITCHES and not isinstance(value, bool):
            found.append(f"extra.{key}: '{value}' is not true or false; write {key}: true or {key}: false, "
                         "without quotes (or remove the line)")
        if key not in HUB_KEYS:
            close = get_close_matches(key, HUB_KEYS, n=1, cutoff=0.8)
            if close:
                found.append(f"extra.{key}: the hub reads no such setting; did you mean '{close[0]}'?")
    return found


class _AnyTags(yaml.SafeLoader):
    """mkdocs.yml may hold MkDocs' own tags (!ENV, !!python/name:…): read here as nothing."""


_AnyTags.add_multi_constructor("", lambda loader, suffix, node: None)


def file_problems(root: Path) -> list[tuple[int, str, str]]:
    """(line, field, message) of each problem of mkdocs.yml's `extra`, for the content check: the
    build stops on them too, and a maintainer runs `make validate` first."""
    path = root / "mkdocs.yml"
    try:
        text = path.read_text(encoding="utf-8")
        extra = (yaml.load(text, Loader=_AnyTags) or {}).get("extra") or {}
    except (OSError, yaml.YAMLError, AttributeError):
        return []  # MkDocs says what is wrong with the file itself
    block = re.search(r"^extra:[^\n]*\n((?:[ \t#][^\n]*\n|\n)*)", text, re.M)
    start = text[:block.start()].count("\n") + 1 if block else 1
    found = []
    for problem in problems(extra if isinstance(extra, dict) else {}):
        field, _, message = problem.partition(": ")
        line, offset = start, 0
        for key in field.removeprefix("extra.").split(".") if block else ():  # newsletter, then its action
            at = re.compile(rf"^[ \t]+{re.escape(key)}\s*:", re.M).search(block.group(1), offset)
            if at:
                line, offset = start + 1 + block.group(1)[:at.start()].count("\n"), at.end()
        found.append((line, field, message))
    return found
