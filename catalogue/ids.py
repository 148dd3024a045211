"""Id spelling: normalising near-misses and suggesting the id that was meant."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from difflib import get_close_matches


def normalise(value: str) -> str:
    """'  South Africa ' -> 'south-africa': the safe repair for case and spacing."""
    text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[\s_]+", "-", text.strip().lower()).strip("-")


Label = str | tuple[str, ...]  # an id's names: an organisation has a short one and a full one


def labels(label: Label) -> tuple[str, ...]:
    return (label,) if isinstance(label, str) else tuple(label)


def same_name(value: str, name: str) -> bool:
    """Whether `value` is `name` give or take case, spacing and accents; in a script without Latin
    letters (ประเทศไทย, Монгол Улс), give or take case and spacing."""
    norm = normalise(value)
    return norm == normalise(name) if norm else " ".join(value.split()).casefold() == " ".join(name.split()).casefold()


def suggest(value: str, known: dict[str, Label] | Iterable[str]) -> str | None:
    """The id closest to `value`, comparing ids and (for dicts) their labels, in any of the hub's languages."""
    candidates = dict(known) if isinstance(known, dict) else {k: k for k in known}
    norm = normalise(value)
    if norm in candidates:
        return norm
    named = next((key for key, label in candidates.items() for name in labels(label) if same_name(value, name)), None)
    if named:
        return named
    by_label = {normalise(name): key for key, label in candidates.items() for name in labels(label) if normalise(name)}
    squashed = {k.replace("-", ""): k for k in candidates}
    if norm.replace("-", "") in squashed:
        return squashed[norm.replace("-", "")]
    match = get_close_matches(norm, list(candidates) + list(by_label), n=1, cutoff=0.6)
    if match:
        return by_label.get(match[0], match[0]) if match[0] not in candidates else match[0]
    # an id with words added, e.g. 'giz-gmbh' or 'ilo-geneva': the one id it starts with
    starts = [key for key in candidates if norm.startswith(key + "-")]
    return starts[0] if len(starts) == 1 else None
