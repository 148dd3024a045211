"""Checks a schema cannot express: ids exist, events make sense, files exist, nothing is duplicated."""

from __future__ import annotations

import datetime as dt
import os
import re
from difflib import get_close_matches
from html import unescape
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from babel import Locale, UnknownLocaleError

from . import content_files, csv_encoding, gfm
from .address import configured_site_url
from .frontmatter import Document, FrontMatterError, read
from .ids import Label, labels, normalise, same_name, suggest
from .lookalikes import retype_hint
from .markup import ACTIVE_TAGS as ACTIVE_TAG_NAMES
from .markup import (
    heading_levels,
    misleading_links,
    pasted_layout,
    removed_markup,
    undescribed_images,
    unreachable_links,
)
from .model import Attachment, Catalogue, Resource, Version
from .problems import FIX_HINT, ProblemList
from .template import BODY_HINT
from .text import anchors as own_page_anchors
from .write import is_generated

PLACEHOLDER = BODY_HINT.splitlines()[0]  # the text the scaffold writes
PLACEHOLDER_PROBLEM = "this is the scaffold's placeholder; replace it with a few paragraphs on the resource"
EVENT_ONLY = ("start", "end", "timezone", "location", "registration", "livestream", "recording")
EVENT_REQUIRED = ("start", "location")  # what an event must have besides the schema's required fields
MAX_ATTACHMENT_BYTES = 50_000_000
LEEWAY = dt.timedelta(days=1)  # a date written east of the build's clock may be its tomorrow


def vocabularies(catalogue: Catalogue) -> dict[str, dict[str, Label]]:
    """Front-matter key -> {id: its names} for every key whose values are ids: a type, region or topic
    by its name in each of the hub's languages ('Sudáfrica', 'ประเทศไทย' point to their id)."""
    def names(read) -> tuple[str, ...]:
        return tuple(dict.fromkeys(read(lang) for lang in catalogue.languages))
    return {
        "type": {k: names(lambda lang, t=t: t.text("label", lang)[0]) for k, t in catalogue.types.items()},
        "region": {k: names(lambda lang, r=r: r.name_in(lang)[0]) for k, r in catalogue.regions.items()},
        "topic": {k: names(lambda lang, t=t: t.text("label", lang)[0]) for k, t in catalogue.topics.items()},
        "partner": organisation_labels(catalogue.organisations),
    }


def organisation_labels(organisations: dict) -> dict[str, tuple[str, str]]:
    """id -> the names a contributor may write instead: 'ILO' or its full name."""
    return {k: (o.short_name, o.name) for k, o in organisations.items()}


class Failed(set):
    """Paths of front-matter values that failed the schema, e.g. ("region", 0) or ("date",):
    those have their message already, so the checks below leave them out."""

    def has(self, key: str, index: int | None = None) -> bool:
        """Whether the value at `key` (or its item `index`) or anything inside it failed."""
        prefix = (key,) if index is None else (key, index)
        return (key,) in self or any(path[:len(prefix)] == prefix for path in self)


def check_resources(root: Path, catalogue: Catalogue, problems: ProblemList,
                    rejected: list[tuple[Resource, Failed]] = ()) -> None:
    """Check the catalogue's resources, and what is checkable of those the schema rejected."""
    vocab = vocabularies(catalogue)
    titles: dict[tuple[str, str], tuple[str, int, str]] = {}
    addresses: dict[str, tuple[str, int, str]] = {}
    generated = _generated_pages(catalogue)
    own_site = configured_site_url(root)
    for resource, failed in [(r, Failed()) for r in catalogue.resources] + list(rejected):
        doc = resource.meta["_doc"]
        where = resource.original.path
        for key, values in (("type", [resource.type]), ("region", resource.regions),
                            ("topic", resource.topics), ("partner", resource.partners)):
            for index, value in enumerate(values):
                if (key in resource.meta and isinstance(value, str) and not failed.has(key, index) and value not in vocab[key]
                        and key not in catalogue.unchecked):
                    line = doc.line_of(key, index) if isinstance(resource.meta[key], list) else doc.line_of(key)
                    problems.add(where, line, key, unknown_id(key, value, vocab[key]))
        for index, code in enumerate(resource.languages):
            if isinstance(code, str) and not failed.has("language", index) and not is_language(code):
                problems.add(where, doc.line_of("language", index), "language",
                             f"'{code}' is not an ISO 639-1 language code; use codes such as en, es, id, vi, th, mn")
        if not failed.has("type"):
            _check_event(resource, problems, failed)
        if isinstance(resource.date, dt.date) and not failed.has("date") and resource.date > catalogue.today + LEEWAY:
            published = "announced (its own days go in 'start')" if resource.is_event else "published"
            problems.add(where, doc.line_of("date"), "date", f"'date: {resource.date}' is after today ({catalogue.today}); "
                         f"'date' is the day the resource was {published}: check the year")
        original = resource.versions.get(resource.lang)
        for version in resource.versions.values():
            check_body(version.body, version.body_line, version.path, problems)
            if original is not None and version is not original and _copied(version, original):
                problems.add(version.path, version.body_line, "body", f"the summary and the text are those of the "
                             f"original ({original.path}), unchanged; translate them, or delete this file: where a "
                             "language has no translation, its readers are shown the original")
            check_links(root, version.body, version.body_line, version.path, problems, generated, own_site)
            if PLACEHOLDER in version.body:
                line = version.body_line + version.body[:version.body.index(PLACEHOLDER)].count("\n")
                problems.add(version.path, line, "body", PLACEHOLDER_PROBLEM)
        if ("files",) not in failed:
            resource.files = list(_check_files(root, resource, problems, failed))
        for version in resource.versions.values():
            if not version.title:
                continue  # missing or not text: the schema said so
            line = doc.line_of("title") if version.lang == resource.lang else 2
            _once(titles, (version.lang, version.title.casefold()), (version.path, line, "title"), problems,
                  "the same title is used by {other}; is this a duplicate? Otherwise make the title distinct")
        if isinstance(resource.url, str) and resource.url:
            _once(addresses, _same_address(resource.url), (where, doc.line_of("url"), "url"), problems,
                  "{other} links to the same original; is this the same publication? A publication has one page "
                  "here, with its translations and attachments; if this is another resource about it (news of a "
                  "report, say), leave 'url' out here and link to the original in the text")
    _check_former_names([(r, Failed()) for r in catalogue.resources] + list(rejected), problems)
    if generated and not catalogue.unchecked:  # else the pages they link to are not all known: MkDocs checks them
        _check_own_pages_links(root, problems, generated, own_site)
    for region in catalogue.regions.values():
        for text in region.texts.values():
            check_body(text.intro, text.body_line, text.path, problems)
    content_files.check(root, problems)


def _check_former_names(resources: list[tuple[Resource, Failed]], problems: ProblemList) -> None:
    """The names renamed files had: each old address leads to one resource, and none is the
    address of a page today (the page would hide the way on)."""
    current = {resource.name: resource.original.path for resource, _ in resources}
    claimed: dict[str, tuple[str, int, str]] = {}
    for resource, failed in resources:
        doc = resource.meta["_doc"]
        for index, name in enumerate(resource.former_names):
            if not isinstance(name, str) or failed.has("former_names", index):
                continue
            place = (resource.original.path, doc.line_of("former_names", index), "former_names")
            if name == resource.name:
                problems.add(*place, f"'{name}' is this file's name today; list only the names it had before")
            elif name in current:  # told on both files: a pull request may have changed either
                problems.add(*place, f"'{name}' is the name of {current[name]} today, which has its own page at that "
                             f"address; a former name must be free: remove it here, or choose another name for {current[name]}")
                problems.add(current[name], 0, "-", f"{resource.original.path} lists this file's name, '{name}', among "
                             "its former names (former_names), so links to that address are meant for it: choose another "
                             "name for this file, or remove it there")
            else:
                _once(claimed, name, place, problems, f"{{other}} lists '{name}' as a former name too; an old "
                      "address can lead to one resource only: remove it from the file that never had that name")


TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid)$", re.IGNORECASE)


def _same_address(url: str) -> str:
    """What two links to one publication share: http or https, 'www.', a final '/' and the tracking
    parameters of a newsletter or a social post (?utm_source=…) aside."""
    parts = urlsplit(url.strip())
    query = "&".join(q for q in parts.query.split("&") if q and not TRACKING.match(q.split("=", 1)[0]))
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")


def _once(seen: dict, key, place: tuple[str, int, str], problems: ProblemList, message: str) -> None:
    """A value two files must not share: reported on both, each naming the other, so that whichever
    file a pull request changed shows the problem."""
    if key not in seen:
        seen[key] = place
        return
    first = seen[key]
    problems.add(*place, message.format(other=first[0]))
    problems.add(*first, message.format(other=place[0]))


def _check_own_pages_links(root: Path, problems: ProblemList, generated: frozenset[str], own_site: str) -> None:
    """The hub's own pages (about.md…) link to its regions, listings and each other: a broken link
    stopped the build in MkDocs' words, with neither line nor fix. Unreadable front matter is said elsewhere."""
    for path in sorted((root / "content").glob("*.md")):
        raw = path.read_bytes()
        if is_generated(raw):
            continue
        try:
            doc = read(raw, require_front_matter=False)
        except FrontMatterError:
            continue
        check_links(root, doc.body, doc.body_line, path.relative_to(root).as_posix(), problems, generated, own_site)


def _generated_pages(catalogue: Catalogue) -> frozenset[str]:
    """The pages the build will write (regions, listings…), which links may name before they exist.
    Known from the vocabularies; content whose other problems keep it from being listed is left out."""
    from .pages import generated_sources  # pages build on what is checked here

    try:
        return generated_sources(catalogue)
    except (LookupError, AttributeError, TypeError, ValueError):  # a vocabulary or text with problems of its own, reported
        return frozenset()


PLAIN_TEXT_KEYS = ("title", "summary", "location")  # shown as written: no Markdown, no HTML
MARKUP = re.compile(r"\*\*|__|`|\[[^\]]+\]\([^)]*\)|</?[a-zA-Z][^>]*(?:>|$)")  # a tag, closed or not
COMMENT = re.compile(r"^(?P<key>[a-z]+):[ \t]+(?P<value>[^'\"|>\s].*?)?[ \t]+#|^(?P<bare>[a-z]+):[ \t]*#")


def check_text_fields(doc: Document, where: str, problems: ProblemList) -> None:
    """Titles, summaries and places are plain text: a '#' that YAML took for a comment would cut
    them short without a word, and Markdown or HTML would be shown as typed."""
    for offset, raw in enumerate(doc.source):
        match = COMMENT.match(raw)
        key = match and (match.group("key") or match.group("bare"))
        if key in PLAIN_TEXT_KEYS:
            written = raw.split(":", 1)[1].strip().replace('"', '\\"')
            problems.add(where, offset + 2, key, "the text after '#' is read as a comment and left out; put the whole "
                         f"value in quotes: {key}: \"{written}\" (a comment goes on its own line above)")
    for key in PLAIN_TEXT_KEYS + ("authors",):
        value = doc.meta.get(key)
        for text in value if isinstance(value, list) else [value]:
            found = MARKUP.search(text) if isinstance(text, str) else None
            if found:
                problems.add(where, doc.line_of(key), key, f"is shown as plain text, so '{found.group(0)}' would appear "
                             "as typed; remove the Markdown or HTML")


def unknown_id(key: str, value: str, known: dict[str, str]) -> str:
    nouns = {"type": "a type", "region": "a region", "topic": "a topic", "partner": "an organisation"}
    where = {"type": "schema/vocabulary.yml", "region": "regions/", "topic": "schema/vocabulary.yml",
             "partner": "partners.yml"}
    message = f"'{value}' is not {nouns[key]}"
    joined = str(value).split(" - ")  # '- a' and a '- b' indented further read as one item 'a - b'
    if len(joined) > 1 and all(part in known for part in joined):
        return f"'{value}' reads as one item because the '- ' lines are not indented alike; start every '- ' in the same column"
    listed = [suggest(part.strip(), known) for part in str(value).split(",")]
    if len(listed) > 1 and all(listed):
        return f"'{value}' reads as one value; put several in square brackets: {key}: [{', '.join(listed)}]"
    hint = suggest(str(value), known)
    if hint:
        fixable = (normalise(str(value)).replace("-", "") == hint.replace("-", "")
                   or any(same_name(str(value), name) for name in labels(known[hint])))
        return f"{message}; did you mean '{hint}'?" + (f" ({FIX_HINT})" if fixable else "")
    new = {"partner": "; a publisher outside the project goes under 'authors', with here the partner who brings the "
                      "resource to the hub; an organisation that joins the project needs an entry in partners.yml "
                      "(CONTRIBUTING.md: 'Adding a region, an organisation, a type or a topic')"}
    return f"{message}; use one of {', '.join(known)} (defined in {where[key]}){new.get(key, '')}"


def calendar_date_problem(value: str) -> str:
    """For a YYYY-MM-DD that is no date; day and month swapped is the usual cause."""
    message = f"'{value}' is not a real calendar date; write YYYY-MM-DD"
    parts = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if parts and int(parts[2]) > 12 and 1 <= int(parts[3]) <= 12:
        message += f", the month second: {parts[1]}-{parts[3]}-{parts[2]}?"
    return message


def is_language(code: str) -> bool:
    try:
        Locale.parse(code)
        return True
    except (UnknownLocaleError, ValueError):
        return False


def parse_moment(value: str) -> dt.datetime | dt.date | None:
    """An event time: a date-time with UTC offset, or a plain date for all-day events."""
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _check_event(resource: Resource, problems: ProblemList, failed: Failed) -> None:
    meta, doc, where = resource.meta, resource.meta["_doc"], resource.original.path
    if not resource.is_event:
        for key in EVENT_ONLY:
            if key in meta:
                problems.add(where, doc.line_of(key), key, f"only events have '{key}'; set 'type: event' or remove this key")
        return
    for key in EVENT_REQUIRED:
        if key not in meta:
            problems.add(where, doc.line_of("type"), key, f"an event needs '{key}:'; {_hint(key)}")
    zone = time_zone(resource.timezone) if isinstance(resource.timezone, str) and resource.timezone else None
    for key in ("start", "end"):
        if key in meta and not failed.has(key):
            moment = parse_moment(meta[key])
            if moment is None:
                problems.add(where, doc.line_of(key), key, _moment_problem(meta[key], zone))
            setattr(resource, key, moment)
    start, end = resource.start, resource.end
    if start is not None and end is not None:
        if type(start) is not type(end):
            problems.add(where, doc.line_of("end"), "end", "write start and end the same way: both as dates (all-day) or both as date-times")
        elif (end < start) if resource.all_day else (end <= start):
            problems.add(where, doc.line_of("end"), "end", f"the event ends ({meta['end']}) before it starts ({meta['start']}); check both")
    if start is not None and isinstance(resource.date, dt.date) and not failed.has("date"):
        first_day = start.date() if isinstance(start, dt.datetime) else start
        if first_day < resource.date:  # a year mistyped, in one or the other: the event would be listed as long past
            problems.add(where, doc.line_of("start"), "start",
                         f"the event starts ({first_day}) before it was announced ('date: {resource.date}'); check "
                         "the years. 'date' is the day the event was announced (for a past event added later, its first day)")
    if isinstance(resource.timezone, str) and resource.timezone and not failed.has("timezone"):
        zone = time_zone(resource.timezone)
        if zone is None:
            problems.add(where, doc.line_of("timezone"), "timezone", _zone_problem(resource.timezone))
            return
        for key in ("start", "end"):
            moment = getattr(resource, key)
            if isinstance(moment, dt.datetime) and moment.utcoffset() != moment.astimezone(zone).utcoffset():
                expected = moment.astimezone(zone).strftime("%z")
                problems.add(where, doc.line_of(key), key, f"the offset {moment.strftime('%z')} does not match {resource.timezone}, "
                             f"which is at UTC{expected[:3]}:{expected[3:]} on that date; correct the offset or the time zone")


def time_zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


# The short names of the hub's regions' time zones, which organisers write; a name is what the hub needs
ABBREVIATIONS = {"SAST": "Africa/Johannesburg", "WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura",
                 "ICT": "Asia/Bangkok (or Asia/Ho_Chi_Minh)", "ULAT": "Asia/Ulaanbaatar", "COT": "America/Bogota",
                 "CLT": "America/Santiago", "CLST": "America/Santiago", "CET": "Europe/Berlin", "CEST": "Europe/Berlin"}


def _zone_problem(name: str) -> str:
    hint = ABBREVIATIONS.get(name.strip().upper()) or suggest(name, {z: z for z in available_timezones()})
    return f"'{name}' is not a time zone name" + (f"; did you mean '{hint}'?" if hint else "; use an IANA name such as Asia/Jakarta")


def _moment_problem(value: object, zone: ZoneInfo | None = None) -> str:
    """A time without its offset from UTC gets it, from the event's time zone where there is one."""
    try:
        naive = dt.datetime.fromisoformat(str(value))
    except ValueError:
        naive = None
    if naive is not None and naive.tzinfo is None:
        if zone is not None:
            return (f"'{value}' needs the venue's offset from UTC at the end; in {zone.key} on that day: "
                    f"{naive.replace(tzinfo=zone).isoformat()}")
        return (f"'{value}' needs the venue's offset from UTC at the end, e.g. {naive.isoformat()}+07:00 in Jakarta or "
                "Bangkok, +02:00 in Johannesburg, -05:00 in Bogotá")
    return f"'{value}' is not a date-time with UTC offset; {_hint('start')}{retype_hint(value)}"


def _hint(key: str) -> str:
    return {"start": "write e.g. 2026-03-10T09:00:00+07:00, or 2026-03-10 for an all-day event",
            "location": "write the place, 'online', or both"}[key]


def _copied(version: Version, original: Version) -> bool:
    """Whether a translation's summary and text are the original's, give or take spacing."""
    def same(a: object, b: object) -> bool:
        return isinstance(a, str) and isinstance(b, str) and " ".join(a.split()) == " ".join(b.split())
    return same(version.summary, original.summary) and same(version.body, original.body)


def _check_files(root: Path, resource: Resource, problems: ProblemList, failed: Failed):
    """The attachments that exist; an entry the schema refused has its message, and the others are still checked."""
    doc, where = resource.meta["_doc"], resource.original.path
    content = (root / "content").resolve()
    for index, entry in enumerate(resource.meta.get("files", [])):
        if failed.has("files", index):
            continue
        line = doc.line_of("files", index, "path")
        target = (content / entry["path"]).resolve()
        if not target.is_relative_to(content) or entry["path"].startswith("/"):
            # '../files/x.pdf' is how the text links to it; here, paths start inside content/
            inside = entry["path"].lstrip("/").removeprefix("../").removeprefix("content/")
            hint = (f"paths here start inside content/, not at this file: write {inside}" if (content / inside).is_file()
                    else "store the file under content/files/ and write its path from there, e.g. files/report.pdf")
            problems.add(where, line, "files.path", f"'{entry['path']}' points outside content/; {hint}")
            continue
        if not target.is_file():
            hint = (f"paths start inside content/: write {entry['path'].removeprefix('content/')}"
                    if entry["path"].startswith("content/") else "add the file or correct the path")
            problems.add(where, line, "files.path", f"no file at content/{entry['path']}; {hint}")
            continue
        size = target.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            problems.add(where, line, "files.path", f"the file is {size / 1e6:.0f} MB, over the limit of {MAX_ATTACHMENT_BYTES / 1e6:.0f} MB for "
                         "an attachment; link to large documents with 'url' instead")
        elif csv_encoding.is_spreadsheet_text(target.name):
            garbled = csv_encoding.problem(target.read_bytes())
            if garbled:
                problems.add(where, line, "files.path", f"content/{entry['path']}: {garbled}")
        yield Attachment(target.relative_to(content).as_posix(), entry.get("title") or target.name,
                         entry.get("language", ""), size)


def check_value(catalogue: Catalogue, key: str, value: object) -> list[str]:
    """Messages for one front-matter value on its own: what the scaffold asks contributors to fix."""
    from . import schema

    messages = [message for path, _field, message in schema.check("resource", {key: value})
                if path and path[0] == key]
    vocab = vocabularies(catalogue)
    values = value if isinstance(value, list) else [value]
    if key in vocab:
        messages = [m for m in messages if "is not an id" not in m]
        messages += [unknown_id(key, v, vocab[key]) for v in values if isinstance(v, str) and v not in vocab[key]]
    if key == "language":
        messages += [f"'{v}' is not an ISO 639-1 language code; use codes such as en, es, id, vi, th, mn"
                     for v in values if isinstance(v, str) and len(v) == 2 and not is_language(v)]
    if key in ("start", "end") and not messages and parse_moment(value) is None:
        messages.append(_moment_problem(value))
    if key == "timezone" and not messages and time_zone(str(value)) is None:
        messages.append(_zone_problem(str(value)))
    if key == "date" and not messages:
        try:
            dt.date.fromisoformat(str(value))
        except ValueError:
            messages.append(calendar_date_problem(str(value)))
    return [m.replace(f" ({FIX_HINT})", "") for m in messages]  # nothing is written yet: nothing to repair


ACTIVE_TAGS = re.compile(r"<\s*(" + "|".join(ACTIVE_TAG_NAMES) + r")\b", re.IGNORECASE)
# <a on…=>, {: on…="…"}; a tag's attributes end at the next '<' or '>', or a line of '<a <a <a…' would take
# the square of its length
EVENT_HANDLER = re.compile(r"<[a-z][^<>]*?\s(on[a-z]+)\s*=|\{:?[^{}]*?(?<![\w-])(on[a-z]+)\s*=\s*[\"']",
                           re.IGNORECASE)
BAD_URL = re.compile(r"(?:\]\(\s*<?|^\s*\[(?!\^)[^\]]+\]:\s*<?|(?:href|src|action|formaction|xlink:href)\s*=\s*[\"']?|<)"
                     r"\s*(javascript|data|vbscript)\s*:",
                     re.IGNORECASE)
_MAY_BE_ACTIVE = re.compile(r"[<&\]={]")  # '{' opens an attribute list
INSTEAD = {
    "script": "scripts cannot run on the hub; link to the tool with 'url' instead",
    "style": "the hub's own styles apply to every page; remove the styling",
    "iframe": "embedded frames load other sites; link to the material instead",
    "frame": "embedded frames load other sites; link to the material instead",
    "object": "embedded objects are not allowed; attach the file under 'files' or link to it",
    "embed": "embedded objects are not allowed; attach the file under 'files' or link to it",
    "svg": "inline SVG can carry scripts; save the image as a file under content/ and use ![text](path)",
    "math": "MathML is not shown on the hub; describe the formula in words or as an image",
    "link": "pages load only the hub's own styles and scripts; remove it",
    "meta": "pages set their own metadata; remove it",
    "base": "it would change where every link of the page leads; remove it",
}
NESTED = re.compile(r"(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))")  # one level of quote or list item
MAX_NESTING = 40  # Python-Markdown recurses once per level and fails at a few hundred
MAX_BRACKETS = 1000  # '[' in one paragraph: Markdown's time for unclosed ones grows with their square
REMOTE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?:https?:)?//|<(?:img|source)\b[^<>]*\b(?:src\s*=\s*[\"']?\s*|srcset\s*=\s*[\"']?[^\"'>]*?)(?:https?:)?//",
                          re.IGNORECASE)


def _check_brackets(text: str, first_line: int, where: str, problems: ProblemList) -> None:
    """A paragraph of thousands of '[' or '<' (a pasted table, a broken export) would hold the build
    for minutes: Markdown tries each as the start of a link or a tag, to the paragraph's end."""
    line = first_line
    for paragraph in re.split(r"(\n[ \t]*\n)", text):
        for char in "[<":
            count = paragraph.count(char)
            if count > MAX_BRACKETS:
                problems.add(where, line, "body", f"this paragraph holds {count} '{char}' characters, which makes the "
                             f"build very slow; keep it under {MAX_BRACKETS} (split the paragraph, or put data in an "
                             "attachment)")
        line += paragraph.count("\n")


def _check_nesting(text: str, first_line: int, where: str, problems: ProblemList) -> None:
    """Lists and quotes within each other, as levels of '>', '- ' or '1. ' and of four-space indents."""
    in_code = False
    for offset, line in enumerate(text.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        if in_code:
            continue
        depth, at = 0, 0
        while (level := NESTED.match(line, at)) and level.end() > at:
            depth, at = depth + 1, level.end()
        indent = line[:len(line) - len(line.lstrip(" \t"))].expandtabs(4)
        depth = max(depth, len(indent) // 4)
        if depth > MAX_NESTING:
            problems.add(where, first_line + offset, "body", f"lists or quotes are nested {depth} levels deep here; "
                         f"keep to a few levels (at most {MAX_NESTING})")
            return  # once is enough: the next lines are as deep


CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")  # `<script>`, shown as typed


def _prose(text: str, first_line: int):
    """(file line, line) of a Markdown text, leaving out code samples, which are shown as written."""
    in_code = False
    for offset, line in enumerate(text.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        if not (in_code or line.startswith("    ")):
            yield first_line + offset, line


# Links to the hub's own pages and files: Markdown links and images, reference definitions, raw <a href>
_LOCAL = r"(?P<target>(?![a-zA-Z][a-zA-Z0-9+.-]*:|//)[^)\s>\"']+)"
_LINK_STARTS = (r"\]\(\s*<?", r"^ {0,3}\[(?!\^)[^\]]+\]:\s*<?", r"(?i:<a\b[^>]*?\bhref\s*=\s*[\"']?)")
LOCAL_LINKS = tuple(re.compile(start + _LOCAL) for start in _LINK_STARTS)
WEB_LINKS = tuple(re.compile(start + r"(?P<target>https?://[^)\s>\"']+)") for start in _LINK_STARTS)


def check_links(root: Path, text: str, first_line: int, where: str, problems: ProblemList,
                generated: frozenset[str] = frozenset(), own_site: str = "") -> None:
    """Links and images to pages and files of the hub must lead to something that exists, and a
    '#part' of a page to one of its headings: the strict build would stop on them anyway, with a
    message that names neither the line nor the fix. `generated`: the pages the build writes
    (listings, regions…), as paths under content/. `own_site`: the hub's address (site_url): a
    link that starts with it is written relative instead, to be checked, previewed and read offline."""
    if "](" not in text and "]:" not in text and "href" not in text.lower():
        return  # most texts link nowhere
    folder = (root / where).parent
    for number, line in _prose(text, first_line):
        for pattern in LOCAL_LINKS:
            for match in pattern.finditer(line):
                problem = _link_problem(root, folder, text, match.group("target"), generated)
                if problem:
                    problems.add(where, number, "body", problem)
        for pattern in WEB_LINKS if own_site else ():
            for match in pattern.finditer(line):
                if match.group("target").startswith(own_site):
                    problems.add(where, number, "body", _own_site_problem(root, folder, match.group("target"), own_site))


def _own_site_problem(root: Path, folder: Path, target: str, own_site: str) -> str:
    """A link to a page of the hub by its full address works online only, and is not checked."""
    path = target[len(own_site):].split("#")[0].split("?")[0].strip("/") or "index"
    page = path if "." in path.rsplit("/", 1)[-1] else f"{path}.md"
    relative = os.path.relpath((root / "content" / page).resolve(), folder.resolve()).replace(os.sep, "/")
    return (f"the link '{target}' is the hub's own address; write it relative to this file, so that it is checked "
            f"and works in previews and offline copies too: '{relative}'")


def _link_problem(root: Path, folder: Path, text: str, target: str, generated: frozenset[str]) -> str | None:
    content = (root / "content").resolve()
    files = os.path.relpath(content / "files", folder.resolve())
    address, _, anchor = target.split("?")[0].partition("#")
    address = unquote(address)
    if address.startswith("/"):
        page = address.strip("/") or "index"  # '/' is the home page
        instead = os.path.relpath(content / page, folder.resolve()) + ("" if "." in page else ".md")
        return (f"the link '{target}' starts with '/', which leads to the web server's root, not the hub's: write it "
                f"relative to this file, e.g. '{instead}'")
    if "\\" in address:
        return f"the link '{target}' uses '\\'; addresses on the web use '/': write '{target.replace(chr(92), '/')}'"
    if address.lower().startswith("www."):
        return f"the link '{target}' needs https:// in front, or it is read as a file of the hub: 'https://{target}'"
    if not address:
        own = gfm.anchors(text) if anchor else set()
        if anchor and anchor not in own:
            return f"the link '#{anchor}' names no heading of this page; {_anchor_hint(own)}"
        return None
    path = (folder / address).resolve()
    inside = path.relative_to(content).as_posix() if path.is_relative_to(content) else None
    if inside is None and path.exists():  # the repository's own files (README.md, partners.yml…) are not published
        return (f"the link '{address}' leads outside content/, to a file the hub does not publish; link to a page or "
                f"to a file under content/files/ ('{files}/name.pdf')")
    if address.endswith("/"):
        page = path.with_suffix(".md") if path.name else path
        if inside is not None and (page.is_file() or f"{inside.rstrip('/')}.md" in generated):
            return f"the link '{target}' is a web address; link to the page's file instead: '{address.rstrip('/')}.md'"
        return (f"the link '{target}' leads to a folder; link to a page ('name.md') or a file "
                f"('{files}/name.pdf') instead")
    if path.is_file():
        if anchor and path.suffix == ".md":
            found = _anchors_of(path, resource=inside is not None and inside.startswith("resources/"))
            if anchor not in found:
                return f"the page '{address}' has no heading with the anchor '#{anchor}'; {_anchor_hint(found)}"
        return None
    if inside is not None and inside in generated:
        return None  # a listing or region page: the build writes it
    shown = path.relative_to(root.resolve()).as_posix() if path.is_relative_to(root.resolve()) else address
    if meant := _meant(content, folder.resolve(), address) or _meant_page(content, folder.resolve(), inside, generated):
        return (f"the link '{address}' leads to {shown}, which does not exist; the path is relative to this file: "
                f"did you mean '{meant}'?")
    return (f"the link '{address}' leads to {shown}, which does not exist; the path is relative to this file: a "
            f"resource beside it is 'name.md', a file under content/files/ is '{files}/name.pdf'")


def _meant(content: Path, folder: Path, address: str) -> str | None:
    """The file under content/ a broken link most likely means, relative to the linking file: the same
    name in other capitals (which Windows and macOS forgive, and the web does not), or the same path
    with one '../' too many or too few."""
    parts = [part for part in PurePosixPath(address).parts if part not in ("..", ".")]
    written = (folder / address).resolve()
    tries = [written.relative_to(content).parts] if written.is_relative_to(content) else []
    for found in (_any_case(content, tail) for tail in [*tries, *(parts[start:] for start in range(len(parts)))]):
        if found:
            return os.path.relpath(found, folder).replace(os.sep, "/")
    return None


def _meant_page(content: Path, folder: Path, inside: str | None, generated: frozenset[str]) -> str | None:
    """The page the build writes (a region, a listing) whose name is closest to a broken link's:
    'regions/chille.md' for regions/chile.md."""
    close = get_close_matches(inside, sorted(generated), n=1, cutoff=0.85) if inside else []
    return os.path.relpath(content / close[0], folder).replace(os.sep, "/") if close else None


def _any_case(base: Path, parts) -> Path | None:
    """The file at `parts` under `base`, each part matched whatever its capitals."""
    here = base
    for part in parts:
        if not here.is_dir():
            return None
        here = here / part if (here / part).exists() else next(
            (child for child in sorted(here.iterdir()) if child.name.lower() == part.lower()), None)
        if here is None:
            return None
    return here if here.is_file() and here != base else None


def _anchor_hint(found: set[str]) -> str:
    if not found:
        return "it has no headings to link to: link to the page without '#…'"
    names = sorted(found)
    return "its anchors are " + ", ".join(f"'#{name}'" for name in names[:8]) + (", …" if len(names) > 8 else "")


def _anchors_of(path: Path, resource: bool) -> set[str]:
    """The anchors of a page: a resource's text is rendered as GitHub does, the hub's own pages by MkDocs."""
    from .frontmatter import FrontMatterError, read

    try:
        body = read(path.read_bytes(), require_front_matter=False).body
        return gfm.anchors(body) if resource else own_page_anchors(body)
    except (OSError, FrontMatterError):
        return set()  # reported where that file is checked


UNDESCRIBED_IMAGE = re.compile(r"!\[\s*\]\(")


def check_body(text: str, first_line: int, where: str, problems: ProblemList) -> None:
    """Refuse in contributor Markdown what would run code in readers' browsers, mislead them about
    where a link leads, show them a broken image or none at all, or hold the build for minutes."""
    _check_nesting(text, first_line, where, problems)
    _check_brackets(text, first_line, where, problems)
    prose = list(_prose(text, first_line))
    for number, level, previous in heading_levels(prose):
        if level == 1:  # the theme would show it instead of the title, as the page's name
            problems.add(where, number, "body", "the title is the page's only '#' heading; start headings in the text "
                         "with '##'")
        elif level > previous + 1:
            after = "the title" if previous == 1 else f"a level-{previous} heading ('{'#' * previous}')"
            problems.add(where, number, "body", f"this heading skips a level: it is '{'#' * level}' right after {after}; "
                         f"make it '{'#' * (previous + 1)}' (screen readers list a page by its headings, and a skipped "
                         "level sounds like a missing section)")
    for number, message in (*pasted_layout(text, first_line), *misleading_links(prose)):
        problems.add(where, number, "body", message)
    for number, line in prose:
        if "<!-- hub:" in line:  # hooks/fill_page_sections.py fills them on the hub's own pages only
            problems.add(where, number, "body", "'<!-- hub:… -->' markers work on the hub's own pages only; remove it")
        if UNDESCRIBED_IMAGE.search(line):
            problems.add(where, number, "body", "the image needs a few words between its brackets for readers who "
                         "cannot see it, e.g. ![Coal jobs by year in Cesar](../files/chart.png)")
        if REMOTE_IMAGE.search(line):
            problems.add(where, number, "body", "images from other sites are not shown (readers' browsers fetch nothing "
                         "from other sites); save the image under content/files/ and link to that file")
        if not _MAY_BE_ACTIVE.search(line):
            continue  # every pattern below needs one of these, or an entity that decodes to one
        # a tag named in a code span is shown as typed (the sanitiser would strip a real one anyway);
        # attributes are checked on the whole line, where a code span could hide a quote
        for match in ACTIVE_TAGS.finditer(CODE_SPAN.sub(" ", line) if "`" in line else line):
            tag = match.group(1).lower()
            hint = INSTEAD.get(tag, "forms and form fields are not allowed; link to the form on its own site instead")
            problems.add(where, number, "body", f"raw <{tag}> is not allowed in content: {hint}")
        shown = CODE_SPAN.sub(" ", line) if "`" in line else line
        for message in (*removed_markup(shown), *unreachable_links(shown), *undescribed_images(shown)):
            problems.add(where, number, "body", message)
        for match in EVENT_HANDLER.finditer(line):
            problems.add(where, number, "body", f"the attribute '{match.group(1) or match.group(2)}' runs script and is not "
                         "allowed; remove it")
        # browsers decode entities and skip tabs and newlines inside a URL's scheme
        decoded = re.sub(r"[\t\r\n]", "", unescape(unescape(line)))
        for match in BAD_URL.finditer(decoded):
            problems.add(where, number, "body", f"'{match.group(1).lower()}:' links are not allowed; "
                         "link to an https:// address or a file under content/ instead")
