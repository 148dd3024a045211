"""Checks a schema cannot express: ids exist, files exist, nothing is duplicated; and, through
catalogue.event_checks, catalogue.body_checks and catalogue.link_checks, events, texts and links."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError

from . import content_files, csv_encoding
from .address import configured_site_url
from .body_checks import check_body
from .event_checks import calendar_date_problem, check_event, moment_problem, parse_moment, time_zone, zone_problem
from .frontmatter import Document, FrontMatterError, read
from .ids import Label, labels, normalise, same_name, suggest
from .link_checks import check_links
from .model import Attachment, Catalogue, Resource, Version
from .problems import FIX_HINT, Failed, ProblemList
from .template import BODY_HINT
from .text import plain_text
from .write import is_generated

PLACEHOLDER = BODY_HINT.splitlines()[0]  # the text the scaffold writes
PLACEHOLDER_PROBLEM = "this is the scaffold's placeholder; replace it with a few paragraphs on the resource"
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
            check_event(resource, problems, failed)
        if isinstance(resource.date, dt.date) and not failed.has("date") and resource.date > catalogue.today + LEEWAY:
            published = "announced (its own days go in 'start')" if resource.is_event else "published"
            problems.add(where, doc.line_of("date"), "date", f"'date: {resource.date}' is after today ({catalogue.today}); "
                         f"'date' is the day the resource was {published}: check the year")
        original = resource.versions.get(resource.lang)
        for version in resource.versions.values():
            check_body(version.body, version.body_line, version.path, problems)
            if original is not None and version is not original:
                _check_translated(resource, original, version, problems)
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


def is_language(code: str) -> bool:
    try:
        Locale.parse(code)
        return True
    except (UnknownLocaleError, ValueError):
        return False



def _check_translated(resource: Resource, original: Version, version: Version, problems: ProblemList) -> None:
    """A translation whose text is still the original's would be published as a page in a language it
    is not written in. Where the resource was written in the translation's language (a Thai case study
    given its English page by `make translate`), the English file is the one waiting for its words."""
    if not _same(version.body, original.body) or sum(c.isalpha() for c in plain_text(original.body)) < COPIED_LETTERS:
        return
    both = _same(version.summary, original.summary)
    what, them = ("the summary and the text are those", "them") if both else ("the text is that", "it")
    if version.lang in resource.languages and original.lang not in resource.languages:
        problems.add(original.path, original.body_line, "body",
                     f"{what} of {version.path}{UNTRANSLATED}: this file is the {original.lang} version of a "
                     f"resource written in {version.lang}; translate {them} into {original.lang} here")
    else:
        problems.add(version.path, version.body_line, "body",
                     f"{what} of the original ({original.path}){UNTRANSLATED}; translate {them}, or delete this "
                     "file: where a language has no translation, its readers are shown the original")


UNTRANSLATED = ", unchanged"  # in both messages: `make translate` leaves them to the next steps it gives
COPIED_LETTERS = 15  # a text with fewer may read the same in two languages (a link, a figure, a name)


def _same(a: object, b: object) -> bool:
    """The same text, give or take spacing."""
    return isinstance(a, str) and isinstance(b, str) and " ".join(a.split()) == " ".join(b.split())


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
        messages.append(moment_problem(value))
    if key == "timezone" and not messages and time_zone(str(value)) is None:
        messages.append(zone_problem(str(value)))
    if key == "date" and not messages:
        try:
            dt.date.fromisoformat(str(value))
        except ValueError:
            messages.append(calendar_date_problem(str(value)))
    return [m.replace(f" ({FIX_HINT})", "") for m in messages]  # nothing is written yet: nothing to repair


