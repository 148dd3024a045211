"""The hub's settings in mkdocs.yml `extra`, checked before a build: a misspelt key would otherwise
be ignored without a word (`content_license:` publishes no licence at all).

Keys close to one the hub reads are taken for a misspelling of it; others (a setting of the theme,
or of a maintainer's own template) are left alone.
"""

from __future__ import annotations

from difflib import get_close_matches
from typing import Any

HUB_KEYS = ("short_name", "sample_content", "content_licence", "repository", "newsletter", "search_bundle_size",
            "offline_copies_per_language")
SWITCHES = ("sample_content", "offline_copies_per_language")  # true or false


def problems(extra: dict[str, Any]) -> list[str]:
    """Each problem as 'extra.KEY: message'."""
    found = []
    for key, value in extra.items():
        if key in SWITCHES and not isinstance(value, bool):
            found.append(f"extra.{key}: '{value}' is not true or false; write {key}: true or {key}: false, "
                         "without quotes (or remove the line)")
        if key not in HUB_KEYS:
            close = get_close_matches(key, HUB_KEYS, n=1, cutoff=0.8)
            if close:
                found.append(f"extra.{key}: the hub reads no such setting; did you mean '{close[0]}'?")
    return found
