"""Checks of a language's interface texts (locales/<code>.yml `ui:`) against English's, before a build.

A translator's slip would otherwise pass unseen or stop the build in Python's words: a placeholder
renamed ("{cuenta}") fails when the page is written, or on the day a count is 1; a key misspelt
leaves the English text in place; an empty value shows "None" on the page. English is the reference:
its keys are the texts the pages use, its placeholders what the pages fill in.
"""

from __future__ import annotations

import re
from difflib import get_close_matches
from typing import Any

from .problems import ProblemList

LOCALES_DIR = "locales"
PLACEHOLDER = re.compile(r"{(\w*)}")
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")  # CLDR's plural categories


def check(languages: list[str], strings: dict[str, dict], lines: dict[str, dict], regions: set[str],
          problems: ProblemList) -> None:
    english = (strings.get(languages[0]) or {}).get("ui") or {}
    translated = [set((strings.get(code) or {}).get("ui") or {}) for code in languages[1:]]
    # a text every other language has and English lacks was taken out of English, which the pages read
    lost = sorted(set.intersection(*translated) - set(english)) if translated else []
    for key in lost:
        problems.add(f"{LOCALES_DIR}/{languages[0]}.yml", lines.get(languages[0], {}).get(("ui",), 1), f"ui.{key}",
                     f"'{key}' is missing here, and every other language has it: the pages use it; add it back")
    for code in languages[1:]:
        where = f"{LOCALES_DIR}/{code}.yml"
        own = (strings.get(code) or {}).get("ui") or {}
        for key, value in own.items() if isinstance(own, dict) else ():
            line = lines.get(code, {}).get(("ui", key), 1)
            if key in lost:
                continue
            if key not in english:
                close = get_close_matches(str(key), list(english), n=1, cutoff=0.8)
                # without a near name, English may have lost a text the pages still ask for: deleting
                # this one too would stop the build at the first page that does
                problems.add(where, line, f"ui.{key}", f"locales/en.yml has no text '{key}', so this one is never shown; "
                             + (f"did you mean '{close[0]}'?" if close else
                                "if the pages still use it, add it back to locales/en.yml; if not, delete it here"))
                continue
            problem = _text_problem(value, english[key])
            if problem:
                problems.add(where, line, f"ui.{key}", problem)
        _check_region_names(code, strings.get(code) or {}, lines.get(code, {}), regions, problems)


def _text_problem(value: Any, reference: Any) -> str | None:
    """What is wrong with a translated text, against English's `reference`."""
    if value is None or value == "" or value == {}:
        return "is empty; write the text, or delete the line to show the English one"
    if isinstance(reference, dict):
        if not isinstance(value, dict):
            return (f"takes a form for each number, as locales/en.yml does: {', '.join(reference)} (the forms this "
                    "language has, 'other' always)")
        wrong = [form for form in value if form not in PLURAL_FORMS]
        if wrong:
            return f"'{wrong[0]}' is not a plural form; use {', '.join(PLURAL_FORMS)} (the ones this language has)"
        if "other" not in value:
            return "needs an 'other' form: the one for most numbers"
        for form, text in value.items():
            # a form for one thing may leave the number out ("Un recurso"); 'other' says all English says
            problem = _text_problem(text, reference.get("other", "")) if form == "other" else \
                _placeholder_problem(text, reference.get("other", ""), every=False)
            if problem:
                return f"{form}: {problem}"
        return None
    if not isinstance(value, str):
        return "must be text, as in locales/en.yml (put it in quotes)"
    return _placeholder_problem(value, reference, every=True)


def _placeholder_problem(value: Any, reference: Any, every: bool) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "is empty or not text; write the text"
    own, english = set(PLACEHOLDER.findall(value)), set(PLACEHOLDER.findall(str(reference)))
    unknown = sorted(own - english)
    if unknown:
        return (f"'{{{unknown[0]}}}' is not filled in by the pages; the places for values keep their English names: "
                + (", ".join(f"{{{name}}}" for name in sorted(english)) or "this text has none"))
    missing = sorted(english - own) if every else []
    if missing:
        return f"'{{{missing[0]}}}' is missing; keep every place for a value that the English text has, translated around it"
    return None


REGION_KEYS = ("name", "description")


def _check_region_names(code: str, data: dict, lines: dict[tuple, int], regions: set[str], problems: ProblemList) -> None:
    """`regions:` gives a region's name and description in this language until it has a whole region file."""
    entries = data.get("regions")
    for region, texts in entries.items() if isinstance(entries, dict) else ():
        line = lines.get(("regions", region), 1)
        where = f"{LOCALES_DIR}/{code}.yml"
        if region not in regions:
            close = get_close_matches(str(region), sorted(regions), n=1, cutoff=0.6)
            problems.add(where, line, f"regions.{region}", f"'{region}' is not a region (regions/<id>.md); "
                         + (f"did you mean '{close[0]}'?" if close else f"use one of {', '.join(sorted(regions))}"))
            continue
        for key in texts if isinstance(texts, dict) else ():
            if key not in REGION_KEYS:
                problems.add(where, lines.get(("regions", region, key), line), f"regions.{region}.{key}",
                             f"a region takes {' and '.join(REGION_KEYS)} here; '{key}' is never shown")
