"""Safe repairs of front matter, done on the text so that comments and layout survive.

Repaired: keys written with capitals ('Title:' -> 'title:'), ids written with capitals or
spaces ('South Africa' -> 'south-africa'), a single id
written as a list for a key that takes one id (`type: [report]`), keys out of the schema's
order, and trailing spaces in the front matter. Anything else is left to the contributor,
with the validator's message saying how.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from . import schema
from .ids import labels, normalise, same_name, suggest
from .template import yaml_value

KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):(?P<rest>.*)$")
SINGLE_ID_KEYS = ("type",)


@dataclass
class Fixed:
    text: str
    changes: list[str] = field(default_factory=list)


def fix_text(text: str, vocab: dict[str, dict[str, str]]) -> Fixed:
    """The repaired document and a sentence per change."""
    newline = "\r\n" if "\r\n" in text else "\n"
    bom = "\ufeff" if text.startswith("\ufeff") else ""  # some Windows editors start files with one; kept as it was
    lines = text[len(bom):].replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        return Fixed(text)
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    except StopIteration:
        return Fixed(text)
    changes: list[str] = []
    head = lines[1:end]
    stripped = [line.rstrip() for line in head]
    if stripped != head:
        changes.append("removed trailing spaces in the front matter")
    blocks = _blocks(stripped)
    order = list(schema.fields("resource"))
    for block in blocks:
        if block.key not in order and block.key.lower() in order:  # 'Title:' is 'title:' misspelt
            _rename_key(block, block.key.lower(), changes)
    for block in blocks:
        if block.key in vocab or block.key == "language":
            _fix_ids(block, vocab, changes)
    keyed = [b for b in blocks if b.key]
    ranked = sorted(keyed, key=lambda b: order.index(b.key) if b.key in order else len(order))
    if [b.key for b in ranked] != [b.key for b in keyed]:
        changes.append("put the keys in the usual order (" + ", ".join(b.key for b in ranked) + ")")
    loose = [b for b in blocks if not b.key]
    new_head = [line for b in loose + ranked for line in b.lines]
    if not changes:
        return Fixed(text)
    return Fixed(bom + newline.join([lines[0]] + new_head + lines[end:]), changes)


def _rename_key(block: _Block, key: str, changes: list[str]) -> None:
    at = next(i for i, line in enumerate(block.lines) if KEY_LINE.match(line))
    block.lines[at] = key + block.lines[at][len(block.key):]
    changes.append(f"key '{block.key}' -> '{key}'")
    block.key = key


@dataclass
class _Block:
    key: str  # "" for comments or blanks before the first key
    lines: list[str]


def _blocks(lines: list[str]) -> list[_Block]:
    """Split front matter into one block per top-level key, comments above a key going with it."""
    blocks: list[_Block] = []
    pending: list[str] = []
    for line in lines:
        match = KEY_LINE.match(line)
        if match:
            blocks.append(_Block(match.group("key"), pending + [line]))
            pending = []
        elif line.startswith((" ", "\t", "-")) and blocks and not pending:
            blocks[-1].lines.append(line)
        else:
            pending.append(line)
    if pending:
        if blocks:
            blocks[-1].lines.extend(pending)
        else:
            blocks.append(_Block("", pending))
    return blocks


def _fix_ids(block: _Block, vocab: dict[str, dict[str, str]], changes: list[str]) -> None:
    key_index = next(i for i, line in enumerate(block.lines) if KEY_LINE.match(line))
    value_lines = block.lines[key_index:]
    source = "\n".join(value_lines)
    try:
        value = yaml.safe_load(source)[block.key]
    except (yaml.YAMLError, TypeError, KeyError):
        return
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) for v in values):
        return
    known = vocab.get(block.key)
    fixed = [_fix_one(v, known) for v in values]
    new_value = fixed if isinstance(value, list) else fixed[0]
    if block.key in SINGLE_ID_KEYS and isinstance(new_value, list) and len(new_value) == 1:
        new_value = new_value[0]
        changes.append(f"{block.key}: a single id needs no list; wrote {new_value}")
    if new_value == value:
        return
    for old, new in zip(values, fixed, strict=True):
        if old != new:
            changes.append(f"{block.key}: '{old}' -> '{new}'")
    comment = re.search(r"\s+#.*$", value_lines[0]) if len(value_lines) == 1 else None
    block.lines[key_index:] = [f"{block.key}: {yaml_value(new_value)}" + (comment.group(0) if comment else "")]


def _fix_one(value: str, known: dict[str, str] | None) -> str:
    """Only repairs that cannot change the meaning: case, spacing, or the exact label of an id."""
    norm = normalise(value)
    if known is None:  # language codes
        return norm if re.fullmatch(r"[a-z]{2}", norm) else value
    if norm in known:
        return norm
    squashed = {k.replace("-", ""): k for k in known}
    if norm.replace("-", "") in squashed:  # spacing only: 'Viet Nam' -> 'vietnam'
        return squashed[norm.replace("-", "")]
    by_label = suggest(value, known)
    if by_label and any(same_name(value, name) for name in labels(known[by_label])):
        return by_label
    return value
