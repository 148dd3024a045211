"""Read a Markdown file's YAML front matter safely, keeping the line of every value.

Content never needs YAML's anchors, aliases or tags, so they are refused: that rules out
alias bombs and object construction. Values are built by hand from the composed node
tree so that each key and list item keeps its line number for error messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import yaml

from . import schema
from .lookalikes import in_structure
from .text import DIRECTION

# Characters no source needs: direction overrides ('moc.knab' shown as 'bank.com') and control
# characters other than tab and line ends (XML refuses them: one would break every feed)
UNSEEN = re.compile(f"{DIRECTION.pattern}|[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ten times faster
MAX_BYTES = 1_000_000  # larger Markdown files are refused: a knowledge product is a summary page
FENCE = "---"


@dataclass
class Document:
    meta: dict[str, Any]
    body: str
    body_line: int  # file line on which the body starts
    lines: dict[tuple, int] = field(default_factory=dict)  # value path -> file line
    source: list[str] = field(default_factory=list)  # the front matter as written, from the file's line 2

    def line_of(self, *path: Any) -> int:
        """The line of a value, or of the closest enclosing key that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class FrontMatterError(Exception):
    def __init__(self, line: int, field_name: str, message: str):
        super().__init__(message)
        self.line, self.field, self.message = line, field_name, message


def read(raw: bytes, require_front_matter: bool = True) -> Document:
    """Split and parse a Markdown document; raise FrontMatterError with a line on any flaw."""
    text = decode(raw)
    if not text.strip():
        raise FrontMatterError(1, "-", "the file is empty; it needs front matter between '---' lines and a text")
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        if not require_front_matter:
            return Document({}, text, 1, {(): 1})
        if lines[0].lstrip().startswith(("```", "~~~")):  # the template copied with the guide's code fence
            raise FrontMatterError(1, "-", f"the file starts with '{lines[0].strip()}', copied with the template: delete "
                                   "that line and the matching ``` line, so that the file starts with '---'")
        raise FrontMatterError(1, "-", "no front matter: the file must start with a line '---', "
                               "then the fields (title: …), then another '---' line")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            yaml_text = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1:])
            _check_lookalikes(lines[1:index])
            try:
                meta, line_map = parse_yaml(yaml_text, first_line=2)
            except FrontMatterError as err:
                raise _unclosed(lines[1:index], err) from None
            return Document(meta, body, index + 2, line_map, lines[1:index])
    raise FrontMatterError(1, "-", "the front matter that opens here is not closed: add a line '---' after the last field")


def _check_lookalikes(head: list[str]) -> None:
    """YAML reads a non-breaking space after 'title:' as part of the key, and blames the next line."""
    key = "-"
    for offset, line in enumerate(head):
        if not line.isascii() and (found := in_structure(line)):
            raise FrontMatterError(offset + 2, key if found[0] == "-" else found[0], found[1])  # a list item: its key's
        key = line.split(":", 1)[0] if line[:1].isalpha() and ":" in line else key


def _unclosed(head: list[str], err: FrontMatterError) -> FrontMatterError:
    """A YAML error past a blank line usually means the closing '---' is missing and a '---' rule
    in the text closed the front matter instead: say so, at the last field."""
    blank = next((i for i, line in enumerate(head) if not line.strip()), None)
    if blank is None or err.line <= blank + 2 or not any(line.strip() for line in head[:blank]):
        return err
    return FrontMatterError(blank + 1, "-", f"the front matter seems to end at line {blank + 1} but is not closed: "
                            f"add a line '---' after line {blank + 1}")


def decode(raw: bytes) -> str:
    if len(raw) > MAX_BYTES:
        raise FrontMatterError(1, "-", f"the file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}. "
                               "Shorten the text or attach the full document under content/files/")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        # Windows' own encoding is the usual cause: name the character the contributor typed
        typed = raw[err.start:err.start + 1].decode("cp1252", errors="replace")
        shown = f" ({typed} in Windows' encoding)" if typed.isprintable() and typed != "\ufffd" else ""
        raise FrontMatterError(line, "-", f"the file is not valid UTF-8 text (byte 0x{raw[err.start]:02x}{shown}); save it "
                               "with UTF-8 encoding (in Notepad: File, Save as, Encoding: UTF-8)") from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise FrontMatterError(line, "-", "the file contains a NUL byte; is it a binary file saved as .md?")
    if found := UNSEEN.search(text):
        line = text[: found.start()].count("\n") + 1
        what = ("an invisible character that reverses the direction of the text after it, so that it reads "
                "differently than it is written" if DIRECTION.match(found.group())
                else "an invisible control character, which feeds and calendars cannot carry")
        raise FrontMatterError(line, "-", f"line {line} holds {what} (U+{ord(found.group()):04X}); delete it")
    return text.replace("\r\n", "\n").replace("\r", "\n")


_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*)$")
CURLY_QUOTES = "“”‘’„«»"
LIST_KEYS = schema.list_keys("resource")  # the keys whose value is a [list]


def _plain_advice(lines: list[str], index: int) -> tuple[int, str, str]:
    """(the line's index, its key, what to do) for a line YAML could not read, in words for someone who has never
    heard of YAML: most such lines are a title or summary with a colon, a quote or a bracket in it."""
    if unclosed := _unclosed_value(lines):
        return unclosed
    # the parser often points at the line after the mistake: the field before, past the template's comments
    before = next((at for at in range(index - 1, -1, -1) if lines[at].strip() and not lines[at].lstrip().startswith("#")), -1)
    keyed = [(at, _KEY.match(lines[at])) for at in (before, index) if 0 <= at < len(lines)]
    keyed = [(at, found) for at, found in keyed if found]
    if not keyed:
        return index, "-", ("this line could not be read; check quotes, colons and indentation on this line and the "
                     "field before it (text containing ': ' needs quotes)")
    for at, found in keyed:
        advice = _advice(found.group("key"), found.group("value").strip())
        if advice:
            return at, found.group("key"), advice
    at, found = keyed[-1]
    key, value = found.group("key"), found.group("value").strip()
    return at, key, (f"the value of '{key}' could not be read; check quotes, colons and indentation on this line and the "
                 f"field before it (text containing ': ' needs quotes: {_quoted(key, value)})")


_ANY_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*)$")  # at any depth


def _unclosed_value(lines: list[str]) -> tuple[int, str, str] | None:
    """The first field, at any depth, whose quote or bracket is still open when the next field starts.
    YAML reads on past it and stumbles far below, at a field that is fine: the end of the file, say."""
    keys = [at for at, line in enumerate(lines) if _ANY_KEY.match(line)]
    for at, following in pairwise([*keys, len(lines)]):
        found = _ANY_KEY.match(lines[at])
        key, value = found.group("key"), found.group("value").strip()
        if not value or value[0] not in "[{\"'":
            continue
        rest = [line for line in lines[at + 1:following] if not line.lstrip().startswith("#")]
        text = "\n".join([value, *rest]).rstrip()
        if value[0] in "\"'" and _closing(text, value[0]) < 0:
            if "\n" in text.strip():  # a quoted value over several lines: close it where it ends
                return at, key, (f"the quote ({value[0]}) that opens this value is not closed; end the value with "
                                 f"{value[0]}, on the line where it ends")
            return at, key, (f"the quote ({value[0]}) that opens this value is not closed; end it with {value[0]} too: "
                             f"{key}: {value}{value[0]}")
        if value[0] in "[{" and _brackets(text)[1]:
            return at, key, _advice(key, value) or "the list is not closed; end it with ']'"
    return None


def _closing(value: str, quote: str) -> int:
    """Where the quote opening `value` closes, -1 if it does not: YAML writes a quote inside double quotes
    as \\", inside single ones as ''."""
    at = 1
    while at < len(value):
        if quote == '"' and value[at] == "\\":
            at += 2
            continue
        if value[at] == quote:
            if quote == "'" and value[at + 1:at + 2] == "'":
                at += 2
                continue
            return at
        at += 1
    return -1


def _quoted(key: str, value: str) -> str:
    """The line as it would read in quotes: double ones, or single ones around text with a double quote
    or a backslash. Quotes around the whole value are taken off first, curly ones always."""
    text = value.strip().strip(CURLY_QUOTES).strip()
    if len(text) > 1 and text[0] in "\"'" and text[-1] == text[0]:
        text = text[1:-1]
    elif text[:1] in "\"'" and _closing(text, text[0]) < 0:  # opened, never closed
        text = text[1:]
    if '"' in text or "\\" in text:
        return f"{key}: '{text.replace(chr(39), chr(39) * 2)}'"
    return f'{key}: "{text}"'


def _advice(key: str, value: str) -> str | None:
    if any(mark in value for mark in CURLY_QUOTES):
        return (f"the value is in curly quotes (“ ” or ‘ ’), which word processors put in; only straight quotes "
                f"(\" or ') hold text together: retype them, e.g. {_quoted(key, value)}")
    quote = value[:1]
    if quote in ("'", '"') and 0 < _closing(value, quote) < len(value) - 1:
        after = value[_closing(value, quote) + 1:].strip()
        if after and not after.startswith("#"):  # '"Just transition" in Mpumalanga': the text ends at the quote
            return (f"the value starts with a quote ({quote}), so it ends where that quote closes; put it in the "
                    f"other kind of quotes: {_quoted(key, value)}")
    if quote in "[{" and not value.endswith("]" if quote == "[" else "}"):
        if key in LIST_KEYS and quote == "[":
            return f"the list is not closed; end it with ']', as in {key}: {value.rstrip(', ')}]"
        if key == "type":
            return f"'type' takes one id, without brackets: type: {value.strip('[{ ,')}"
        return f"a value that starts with '{quote}' is read as a list; if it is text, put it in quotes: {_quoted(key, value)}"
    if quote and quote not in "'\"" and (": " in value or value.endswith(":")):
        return f"the text after '{key}:' contains ': ', which would start a new key; put the whole value in quotes: {_quoted(key, value)}"
    if quote and quote in "@`%&*!|>":
        return f"a value may not start with '{quote}'; put it in quotes: {_quoted(key, value)}"
    return None


MAX_DEPTH = 50  # of [ and { in front matter: content needs two; YAML parsers take minutes over thousands


def _brackets(text: str) -> tuple[int, int]:
    """How deep '[' and '{' nest outside quotes, and how many are still open at the end (a quote ends
    with its line, as an apostrophe may)."""
    depth = deepest = 0
    quote = ""
    for char in text:
        if quote:
            quote = "" if char in (quote, "\n") else quote
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    return deepest, depth


def parse_yaml(text: str, first_line: int = 1, loader: type = LOADER) -> tuple[Any, dict[tuple, int]]:
    """Parse YAML text into plain values and a map of value paths to file lines."""
    offset = first_line - 1
    if loader is LOADER and text.count("[") + text.count("{") > MAX_DEPTH and _brackets(text)[0] > MAX_DEPTH:
        raise FrontMatterError(first_line, "-", DEEP)
    try:
        for event in yaml.parse(text, Loader=loader):
            line = event.start_mark.line + 1 + offset
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise FrontMatterError(line, "-", "YAML anchors and aliases (& and *) are not allowed; write the value out")
            if getattr(event, "tag", None) and not isinstance(event, (yaml.DocumentStartEvent,)):
                raise FrontMatterError(line, "-", f"YAML tags such as '{event.tag}' are not allowed; write a plain value")
        nodes = list(yaml.compose_all(text, Loader=loader))
    except yaml.MarkedYAMLError as err:
        if loader is not yaml.SafeLoader:  # the pure-Python parser points closer to the mistake
            return parse_yaml(text, first_line, yaml.SafeLoader)
        mark = err.problem_mark or err.context_mark
        line = (mark.line + 1 + offset) if mark else first_line
        problem = (err.problem or "invalid YAML").strip()
        if "'\\t'" in problem:
            raise FrontMatterError(line, "-", "a tab is used for indentation here; YAML needs spaces: replace the tab "
                                   "with spaces") from None
        at, field_name, advice = _plain_advice(text.split("\n"), mark.line if mark else 0)
        raise FrontMatterError(at + 1 + offset, field_name, f"{advice} (YAML: {problem})") from None
    except yaml.YAMLError as err:
        raise FrontMatterError(first_line, "-", f"the front matter is not valid YAML ({err})") from None
    except RecursionError:
        raise FrontMatterError(first_line, "-", DEEP) from None
    if len(nodes) > 1:
        raise FrontMatterError(nodes[1].start_mark.line + 1 + offset, "-", "only one YAML document is allowed in front matter")
    if not nodes:
        raise FrontMatterError(first_line, "-", "the front matter is empty; add the required fields")
    line_map: dict[tuple, int] = {}
    try:
        value = _build(nodes[0], (), line_map, offset)
    except RecursionError:
        raise FrontMatterError(first_line, "-", DEEP) from None
    except _RepeatedKey as err:
        hint = _unindented(text.split("\n"), err.line - 1 - offset)
        raise FrontMatterError(err.line, err.field, f"this key appears twice (first on line {err.first}); "
                               + (f"{hint}; otherwise keep one" if hint else "keep one")) from None
    return value, line_map


class _RepeatedKey(FrontMatterError):
    def __init__(self, line: int, field_name: str, first: int):
        super().__init__(line, field_name, "this key appears twice")
        self.first = first


def _unindented(lines: list[str], index: int) -> str:
    """Where a repeated key follows a list item ('- path: …'), it was most likely meant for that item and
    lost its indentation: how far to indent it (the 'title' of an attached file, say)."""
    before = next((line for line in reversed(lines[:index]) if line.strip() and not line.lstrip().startswith("#")), "")
    item = re.match(r"^(\s*-\s+)([A-Za-z_][\w-]*)\s*:", before)
    if not item or lines[index][:1].isspace():
        return ""
    return (f"if it belongs to the item above ({before.strip()}), indent it by {len(item.group(1))} spaces, "
            f"under '{item.group(2)}'")


DEEP = "the front matter is nested too deeply; write plain values and simple [lists]"


def _build(node: yaml.Node, path: tuple, line_map: dict[tuple, int], offset: int) -> Any:
    line_map.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1 + offset
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:null":
                raise FrontMatterError(key_line, "-", "a key must be a plain word such as 'title'")
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise FrontMatterError(key_line, "-", "YAML merge keys (<<) are not allowed")
            key = key_node.value
            dotted = ".".join(str(p) for p in path + (key,))
            if key in result:
                first = line_map[path + (key,)]
                raise _RepeatedKey(key_line, dotted, first)
            line_map[path + (key,)] = key_line
            result[key] = _build(value_node, path + (key,), line_map, offset)
            line_map[path + (key,)] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), line_map, offset) for i, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> Any:
    """Resolve a scalar the way a contributor expects (YAML 1.2 core, dates kept as text)."""
    tag, value = node.tag, node.value
    if node.style or tag == "tag:yaml.org,2002:str" or tag == "tag:yaml.org,2002:timestamp":
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        # YAML 1.1 reads yes/no/on/off as booleans; only true/false mean that here
        return value.lower() == "true" if value.lower() in ("true", "false") else value
    if tag == "tag:yaml.org,2002:int":
        try:
            return int(value.replace("_", ""), 0) if value.lower().startswith(("0x", "0o")) else int(value.replace("_", ""))
        except ValueError:
            return value
    if tag == "tag:yaml.org,2002:float":
        try:
            return float(value.replace("_", ""))
        except ValueError:
            return value
    return value
