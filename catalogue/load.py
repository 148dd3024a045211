"""Load the repository's content into a Catalogue, collecting every problem on the way.

Order: vocabularies, organisations, regions, then knowledge products; cross-checks that a
schema cannot express live in `crosscheck` (with `event_checks`, `body_checks`, `link_checks`).
Nothing is skipped silently: a file that cannot be read becomes a problem, and any problem stops
the build.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from . import interface_texts, schema, settings
from .body_checks import check_body
from .crosscheck import check_resources, check_text_fields, is_language, organisation_labels, unknown_id, vocabularies
from .event_checks import calendar_date_problem
from .frontmatter import Document, FrontMatterError, parse_yaml, read
from .ids import suggest
from .interface_texts import LOCALES_DIR
from .model import Catalogue, Organisation, Region, RegionText, Resource, Term, Version
from .pages import GENERATED_FOLDERS
from .problems import FIX_HINT, ContentError, Failed, ProblemList
from .template import slugify
from .write import is_generated

RESOURCES_DIR = "content/resources"
ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"  # the form of every id: region, type, topic, organisation, file name
REGIONS_DIR = "regions"
PARTNERS_FILE = "partners.yml"
VOCABULARY_FILE = "schema/vocabulary.yml"
FILE_NAME = re.compile(rf"^(?P<slug>{ID})(?:\.(?P<lang>[a-z]{{2}}))?\.md$")


def build_date() -> dt.date:
    """The date the build counts as today: SOURCE_DATE_EPOCH when set, for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def load(root: Path, today: dt.date | None = None) -> Catalogue:
    """The whole catalogue, or ContentError listing every problem."""
    catalogue, problems = collect(root, today)
    if problems:
        raise ContentError(problems.sorted())
    return catalogue


def collect(root: Path, today: dt.date | None = None) -> tuple[Catalogue, ProblemList]:
    """Load what can be loaded and list every problem found: the catalogue holds the resources
    without problems of their own, so that tools can still offer what is known."""
    root = Path(root)
    problems = ProblemList()
    languages, strings, locale_lines = _load_locales(root, problems)
    types, topics, groups = _load_vocabulary(root, strings, problems)
    # A file the others refer to that has problems of its own is reported alone: its ids are not
    # checked elsewhere, where one slip in it would show as hundreds of false problems.
    unchecked = {"type", "topic"} if problems.about(VOCABULARY_FILE) else set()
    organisations = _load_organisations(root, groups if not unchecked else None, problems)
    if problems.about(PARTNERS_FILE):
        unchecked.add("partner")
    else:
        _check_organisation_ids(strings, locale_lines, organisations, problems)
    regions = _load_regions(root, languages, problems)
    region_files = {path.stem for path in (root / REGIONS_DIR).glob("*.md") if "." not in path.stem}
    if set(regions) != region_files:
        unchecked.add("region")
    interface_texts.check(languages, strings, locale_lines, region_files, problems)
    for region in regions.values():  # names and descriptions translated without a whole region file
        region.labels = {lang: (data.get("regions") or {}).get(region.id) or {} for lang, data in strings.items()}
    catalogue = Catalogue(languages, [], regions, organisations, types, topics, groups, today or build_date(), strings,
                          frozenset(unchecked))
    loaded = _load_resources(root, languages, vocabularies(catalogue), problems)
    _check_stray_markdown(root, languages, problems)
    for line, field_name, message in settings.file_problems(root):
        problems.add("mkdocs.yml", line, field_name, message)
    _check_own_pages_translated(root, languages, problems)
    # A resource with schema problems stays out of the catalogue, but its other fields are
    # still checked, so that a contributor sees every problem of a file in one run.
    catalogue.resources = [resource for resource, failed in loaded if not failed]
    check_resources(root, catalogue, problems, rejected=[entry for entry in loaded if entry[1]])
    catalogue.resources.sort(key=Resource.sort_key, reverse=True)
    return catalogue, problems


def rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def read_document(root: Path, path: Path, problems: ProblemList) -> Document | None:
    try:
        doc = read(path.read_bytes())
    except FrontMatterError as err:
        problems.add(rel(root, path), err.line, err.field, err.message)
        return None
    if not isinstance(doc.meta, dict):
        problems.add(rel(root, path), doc.line_of(), "-", "the front matter must be a set of 'key: value' lines, "
                     f"not {schema._type_name(doc.meta)}")
        return None
    return doc


def read_yaml_file(root: Path, path: Path, problems: ProblemList) -> tuple[Any, dict[tuple, int]] | None:
    name = rel(root, path)
    if not path.is_file():
        problems.add(name, 0, "-", "the file is missing")
        return None
    try:
        from .frontmatter import decode

        return parse_yaml(decode(path.read_bytes()), first_line=1)
    except FrontMatterError as err:
        problems.add(name, err.line, err.field, err.message)
        return None


def add_schema_problems(name: str, value: Any, where: str, lines: Document | dict, problems: ProblemList,
                        vocab: dict[str, dict[str, str]] | None = None) -> bool:
    """Check `value` against schema `name`; report with lines. True when it passed."""
    return not schema_failures(name, value, where, lines, problems, vocab)


def schema_failures(name: str, value: Any, where: str, lines: Document | dict, problems: ProblemList,
                    vocab: dict[str, dict[str, str]] | None = None) -> Failed:
    """Check `value` against schema `name` and report with lines; the paths that failed.

    With `vocab`, a badly formed id gets the same suggestion as an unknown one."""
    failed = Failed()
    for path, field_name, message in schema.check(name, value):
        failed.add(path or ("-",))
        if vocab and path and path[0] in vocab and "is not an id" in message:
            message = unknown_id(path[0], value_at(value, path), vocab[path[0]])
        one = value.get(path[0]) if vocab and len(path) == 1 and path[0] in vocab and isinstance(value, dict) else None
        if isinstance(one, list) and len(one) == 1 and isinstance(one[0], str) and one[0] not in vocab[path[0]]:
            hint = suggest(one[0], vocab[path[0]])
            if hint:  # 'type: [Case Study]': the id, not the label, is what goes without brackets
                message = f"takes one value, not a list; write it without brackets, as an id: {path[0]}: {hint} ({FIX_HINT})"
        line = lines.line_of(*path) if isinstance(lines, Document) else _line(lines, path)
        problems.add(where, line, field_name, message)
    return failed


def value_at(value: Any, path: tuple) -> Any:
    for part in path:
        value = value[part]
    return value


def _line(line_map: dict[tuple, int], path: tuple) -> int:
    while path and path not in line_map:
        path = path[:-1]
    return line_map.get(path, 1)


def _load_locales(root: Path, problems: ProblemList) -> tuple[list[str], dict[str, dict], dict[str, dict]]:
    """The languages, each one's texts, and the lines of those texts (for messages)."""
    loaded = read_yaml_file(root, root / LOCALES_DIR / "languages.yml", problems)
    languages = loaded[0] if loaded else ["en"]
    if not (isinstance(languages, list) and languages and all(isinstance(c, str) and re.fullmatch(r"[a-z]{2}", c) for c in languages)):
        problems.add(f"{LOCALES_DIR}/languages.yml", 1, "-", "must be a list of two-letter language codes, default first")
        languages = ["en"]
    if languages[0] != "en":
        problems.add(f"{LOCALES_DIR}/languages.yml", 1, "-", "English (en) must come first: it is the default language")
    strings: dict[str, dict] = {}
    lines: dict[str, dict] = {}
    for code in languages:
        data = read_yaml_file(root, root / LOCALES_DIR / f"{code}.yml", problems)
        if data and not isinstance(data[0], dict):
            problems.add(f"{LOCALES_DIR}/{code}.yml", 1, "-", "must be a set of 'key: value' entries")
        strings[code] = data[0] if data and isinstance(data[0], dict) else {}
        lines[code] = data[1] if data else {}
        _check_format_locale(code, strings[code], lines[code], problems)
        _check_plain_text(code, strings[code], lines[code], problems)
    return languages, strings, lines


def _check_plain_text(code: str, data: dict, lines: dict[tuple, int], problems: ProblemList, path: tuple = ()) -> None:
    """Interface text is plain text: the templates escape it, and a tag in it would show as typed.
    Refused here too, so that a template that forgets to escape cannot run a translator's markup."""
    for key, value in data.items():
        if isinstance(value, dict):
            _check_plain_text(code, value, lines, problems, path + (key,))
        elif isinstance(value, str) and re.search(r"<\s*/?\s*[a-zA-Z!]", value):
            where = ".".join(map(str, path + (key,)))
            problems.add(f"{LOCALES_DIR}/{code}.yml", lines.get(path + (key,), 1), where,
                         "interface text is plain text: remove the HTML tag (write '<' as a word, e.g. 'less than')")


ORGANISATION_SECTIONS = ("organisations", "organisation_short_names", "organisation_descriptions",
                         "acknowledgements")  # keyed by partners.yml ids


def _check_organisation_ids(strings: dict[str, dict], lines: dict[str, dict], organisations: dict,
                            problems: ProblemList) -> None:
    """A misspelt id in a language's organisation texts would leave that text unused, unseen."""
    for code, data in strings.items():
        for section in ORGANISATION_SECTIONS:
            entries = data.get(section)
            for org_id in entries if isinstance(entries, dict) else {}:
                if org_id not in organisations:
                    close = suggest(str(org_id), organisation_labels(organisations))
                    # a misspelling, or what an organisation removed from partners.yml left behind
                    fix = f"did you mean '{close}'?" if close else "if it was removed from partners.yml, delete this entry"
                    problems.add(f"{LOCALES_DIR}/{code}.yml", lines[code].get((section, org_id), 1), f"{section}.{org_id}",
                                 f"'{org_id}' is not an organisation in partners.yml; {fix}")


def _check_format_locale(code: str, data: dict, lines: dict[tuple, int], problems: ProblemList) -> None:
    """`format_locale: en_GB` writes dates, times and numbers as that variety of the language does."""
    value = data.get("format_locale")
    if value is None:
        return
    try:
        fits = isinstance(value, str) and Locale.parse(value).language == code
    except (ValueError, TypeError, UnknownLocaleError):
        fits = False
    if not fits:
        example = Locale.parse(get_global("likely_subtags").get(code, code))
        problems.add(f"{LOCALES_DIR}/{code}.yml", lines.get(("format_locale",), 1), "format_locale",
                     f"{value!r} is not a locale of this language; write it like {code}_{example.territory or 'GB'} "
                     "(language, underscore, country), or remove the line")
        del data["format_locale"]


def _load_vocabulary(root: Path, strings: dict[str, dict], problems: ProblemList) -> tuple[dict, dict, dict]:
    loaded = read_yaml_file(root, root / VOCABULARY_FILE, problems)
    if loaded is None:  # not read: its one problem is said
        return {}, {}, {}
    result = []
    for section in ("types", "topics", "stakeholder_groups"):
        entries = loaded[0].get(section) if loaded and isinstance(loaded[0], dict) else None
        terms: dict[str, Term] = {}
        if not isinstance(entries, dict):
            problems.add(VOCABULARY_FILE, 1, section, "missing; it must map ids to label and description")
            result.append(terms)
            continue
        for term_id, entry in entries.items():
            line = _line(loaded[1], (section, term_id))
            if not re.fullmatch(ID, str(term_id)):  # 'Skills': make fix would copy it into every resource
                problems.add(VOCABULARY_FILE, line, f"{section}.{term_id}",
                             f"ids are lowercase letters, digits and hyphens: write {slugify(str(term_id)) or 'a-new-id'}")
                continue
            if not isinstance(entry, dict) or not entry.get("label") or not entry.get("description"):
                problems.add(VOCABULARY_FILE, line, f"{section}.{term_id}", "needs a label and a description")
                continue
            if section == "types" and not entry.get("plural"):  # headings and feeds name several: "Case studies (7)"
                problems.add(VOCABULARY_FILE, line, f"{section}.{term_id}", f"needs a plural too, as headings and feeds "
                             f"name several: plural: {entry['label']}s, say")
                continue
            translations = {lang: (data.get(section) or {}).get(term_id) or {} for lang, data in strings.items() if lang != "en"}
            terms[term_id] = Term(term_id, entry["label"], entry["description"], entry.get("plural", ""),
                                  {k: v for k, v in translations.items() if isinstance(v, dict)})
        result.append(terms)
    return result[0], result[1], result[2]


def _load_organisations(root: Path, groups: dict[str, Term] | None, problems: ProblemList) -> dict[str, Organisation]:
    """partners.yml's organisations; `groups`: the stakeholder groups, None when their file has problems."""
    loaded = read_yaml_file(root, root / PARTNERS_FILE, problems)
    if loaded is None:
        return {}
    data, lines = loaded
    if not add_schema_problems("partners", data, PARTNERS_FILE, lines, problems):
        return {}
    organisations = {}
    for org_id, entry in data["organisations"].items():
        if groups is not None and entry["group"] not in groups:
            problems.add(PARTNERS_FILE, _line(lines, ("organisations", org_id, "group")), f"{org_id}.group",
                         f"'{entry['group']}' is not a stakeholder group; use one of {', '.join(groups)}")
        if entry.get("logo") and not (root / "content" / entry["logo"]).is_file():
            hint = (f"paths start inside content/, without '/': write {entry['logo'].lstrip('/')}"
                    if entry["logo"].startswith("/") else "add the image or correct the path")
            problems.add(PARTNERS_FILE, _line(lines, ("organisations", org_id, "logo")), f"{org_id}.logo",
                         f"no file at content/{entry['logo'].lstrip('/')}; {hint}")
        organisations[org_id] = Organisation(id=org_id, **entry)
    return organisations


def _region_text_checked(root: Path, path: Path, doc: Document, problems: ProblemList) -> bool:
    """What the schema cannot say of a region file: its introduction is there, and its languages are
    languages. True when it passed."""
    where, passed = rel(root, path), True
    if not doc.body.strip():  # its page would show none, not even the English one
        problems.add(where, doc.body_line, "body", "the introduction is empty; write a few paragraphs about the region"
                     + (", or delete this translation to show the English one" if path.name.count(".") > 1 else ""))
        passed = False
    for index, code in enumerate(doc.meta.get("languages") or [] if isinstance(doc.meta.get("languages"), list) else []):
        if isinstance(code, str) and re.fullmatch(r"[a-z]{2}", code) and not is_language(code):
            problems.add(where, doc.line_of("languages", index), "languages", f"'{code}' is not a language code; use "
                         "ISO 639-1 codes such as es, id, vi, th, mn")
            passed = False
    return passed


def _load_regions(root: Path, languages: list[str], problems: ProblemList) -> dict[str, Region]:
    folder = root / REGIONS_DIR
    regions: dict[str, Region] = {}
    translations: list[tuple[str, str, Path, Document]] = []
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        named = _read_named(root, path, languages, problems)
        if not named:
            continue
        slug, lang, doc = named
        if lang:
            translations.append((slug, lang, path, doc))
            continue
        # '&', not 'and': both checks run, so that every problem of the file is said at once
        if add_schema_problems("region", doc.meta, rel(root, path), doc, problems) & _region_text_checked(root, path, doc, problems):
            text = RegionText(doc.meta["name"], doc.meta["description"], doc.body, rel(root, path), doc.body_line)
            regions[slug] = Region(slug, doc.meta.get("languages", ["en"]), {"en": text})
    for slug, lang, path, doc in translations:
        where = rel(root, path)
        if slug not in regions:
            if not (folder / f"{slug}.md").is_file():  # else the original's own problems are said
                problems.add(where, 1, "-", f"this translates regions/{slug}.md, which does not exist; "
                             "add the English original or rename this file")
            continue
        if "languages" in doc.meta:
            problems.add(where, doc.line_of("languages"), "languages", "set the region's languages in the English "
                         f"original regions/{slug}.md, not in a translation")
        meta = {k: v for k, v in doc.meta.items() if k != "languages"}
        if add_schema_problems("region", meta, where, doc, problems) & _region_text_checked(root, path, doc, problems):
            regions[slug].texts[lang] = RegionText(meta["name"], meta["description"], doc.body, where, doc.body_line)
    if not regions and not problems:
        problems.add(REGIONS_DIR, 0, "-", "no regions are defined; add regions/<id>.md files")
    # Alphabetical by name, with cross-cutting work after the places
    return dict(sorted(regions.items(), key=lambda item: (item[0] == "global", item[1].name)))


def _read_named(root: Path, path: Path, languages: list[str], problems: ProblemList) -> tuple[str, str | None, Document] | None:
    """(slug, language suffix, document) of a content file, or None after reporting why not."""
    match = _check_name(root, path, languages, problems)
    doc = read_document(root, path, problems) if match else None
    return (match.group("slug"), match.group("lang"), doc) if doc is not None else None


def _check_name(root: Path, path: Path, languages: list[str], problems: ProblemList) -> re.Match | None:
    """The file name's slug and language, or a problem when the name is unsafe or unknown."""
    where = rel(root, path)
    if path.is_dir():
        return None
    if path.suffix.lower() != ".md":
        if path.name.startswith("."):
            return None
        problems.add(where, 0, "-", "only Markdown (.md) files belong here; put attachments under content/files/")
        return None
    match = FILE_NAME.match(path.name)
    if not match:
        # 'Union report (1).es.md' -> 'union-report-1.es.md': each part of the name as the scaffold would write it
        suggestion = ".".join(part for part in map(slugify, path.name.split(".")) if part)
        # 'report_es.md', 'report-ES.md', 'report (es).md': meant as a translation, whose language follows a dot
        meant = re.fullmatch(r"(.+?)[\W_]+([A-Za-z]{2})\W*", path.name[:-3])
        if meant and meant.group(2).lower() in languages[1:] and (slug := slugify(meant.group(1))):
            suggestion = f"{slug}.{meant.group(2).lower()}.md"
        problems.add(where, 0, "-", "unsafe file name: use lowercase letters, digits and hyphens, then .md "
                     f"(or .<language>.md for a translation), e.g. '{suggestion}'")
        return None
    lang = match.group("lang")
    base, _, code = match.group("slug").rpartition("-")
    if not lang and code in languages[1:] and path.with_name(f"{base}.md").is_file():
        problems.add(where, 0, "-", f"a translation is named {base}.{code}.md, with a dot, so that it joins "
                     f"{base}.md: rename this file")
        return None
    if lang and lang not in languages:
        problems.add(where, 0, "-", f"'.{lang}.md' is not a language of the hub; use one of "
                     f"{', '.join('.' + code + '.md' for code in languages[1:])}")
        return None
    if lang == languages[0]:
        problems.add(where, 0, "-", f"originals in the default language need no suffix: name it {match.group('slug')}.md")
        return None
    return match


def _load_resources(root: Path, languages: list[str], vocab: dict, problems: ProblemList) -> list[tuple[Resource, Failed]]:
    base = root / RESOURCES_DIR
    if not base.is_dir():  # a hub without resources yet: git keeps no empty folder
        return []
    parsed: dict[tuple[str, str | None], tuple[Path, Document, str]] = {}
    for path in sorted(base.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(base).parts) and path.suffix != ".md":
            continue  # editor and system files (.DS_Store…); a hidden .md is reported below
        if path.is_dir():
            if not re.fullmatch(ID, path.name):
                problems.add(rel(root, path), 0, "-", "unsafe folder name: use lowercase letters, digits and hyphens")
            continue
        named = _read_named(root, path, languages, problems)
        if not named:
            continue
        slug, lang, doc = named
        check_text_fields(doc, rel(root, path), problems)
        folder = path.parent.relative_to(base).as_posix().strip(".")
        key = (slug, lang)
        if key in parsed:
            _report_name_twice(root, path, parsed[key][0], slug, "every resource needs its own file name, wherever "
                               "its folder", problems)
            continue
        parsed[key] = (path, doc, folder)

    resources: dict[str, tuple[Resource, Failed]] = {}
    for (slug, lang), (path, doc, folder) in parsed.items():
        is_translation = lang is not None and (slug, None) in parsed
        if is_translation:
            continue
        if lang and set(doc.meta) <= set(schema.fields("translation")):
            _report_orphan_translation(root, path, doc, slug, lang, [s for s, code in parsed if code is None], problems)
            continue
        if slug in resources:  # two originals in other languages, e.g. foo.th.md and foo.vi.md
            _report_name_twice(root, path, root / resources[slug][0].original.path, slug, "an original in another "
                               "language needs its own file name, or make one of them the translation of an original "
                               "foo.md", problems)
            continue
        resources[slug] = _resource_from(root, path, doc, slug, folder, lang or languages[0], vocab, problems)
    for (slug, lang), (path, doc, folder) in parsed.items():
        if lang is None or (slug, None) not in parsed:
            continue
        _add_translation(root, path, doc, resources[slug][0], lang, folder, parsed[(slug, None)], problems)
    return list(resources.values())


def _report_name_twice(root: Path, path: Path, first: Path, slug: str, rule: str, problems: ProblemList) -> None:
    """On both files: in a pull request the one added is marked, whichever of them sorts first."""
    problems.add(rel(root, path), 0, "-", f"the name '{slug}' is already used by {rel(root, first)}; {rule}")
    problems.add(rel(root, first), 0, "-", f"the name '{slug}' is also used by {rel(root, path)}; {rule}")


def _report_orphan_translation(root: Path, path: Path, doc: Document, slug: str, lang: str, originals: list[str],
                               problems: ProblemList) -> None:
    """A file with only a translation's fields whose original is missing: usually a misspelt name,
    sometimes a resource that exists only in this language and needs the full front matter."""
    from difflib import get_close_matches

    folder = rel(root, path.parent)
    close = get_close_matches(slug, originals, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]}.{lang}.md?" if close else ""
    problems.add(rel(root, path), 1, "-", f"this looks like a translation of {folder}/{slug}.md, which does "
                 f"not exist{hint} (a resource that exists only in this language needs the full front matter, "
                 "like an original)")
    check_body(doc.body, doc.body_line, rel(root, path), problems)


def _check_own_pages_translated(root: Path, languages: list[str], problems: ProblemList) -> None:
    """The hub's own pages (about.md, contribute.md…) in every language: the menu of each language
    links to them, and a language without one got a menu entry named 'None' that led nowhere."""
    content = root / "content"
    reported = {problem.path for problem in problems.sorted()}  # e.g. a resource put there by mistake: moved first
    own = [path for path in sorted(content.glob("*.md")) if path.name.count(".") == 1 and rel(root, path) not in reported
           and not path.name.startswith("index") and not is_generated(path.read_bytes())]
    for path in own:
        for lang in languages[1:]:
            if not path.with_name(f"{path.stem}.{lang}.md").is_file():
                problems.add(rel(root, path), 0, "-", f"there is no {path.stem}.{lang}.md: every language's menu links to "
                             f"this page; copy {path.name} to content/{path.stem}.{lang}.md and translate it")


def _check_stray_markdown(root: Path, languages: list[str], problems: ProblemList) -> None:
    """Markdown outside content/resources/ that looks like a resource: built there, it would be a
    page no listing, search or feed knows; in a folder the build does not read, it would be lost.
    The hub's own pages (about.md…) get their names and front matter checked: MkDocs publishes
    front matter it cannot read as the page's text, and a page in no language of the hub unlinked."""
    content = root / "content"
    folders = [f for f in (content.iterdir() if content.is_dir() else []) if f.is_dir() and f.name != "resources"]
    folders += [root / "resources"] if (root / "resources").is_dir() else []
    found = list(content.glob("*.md")) + [path for folder in folders for path in folder.rglob("*.md")]
    for path in sorted(found):
        raw = path.read_bytes()
        inside = path.relative_to(content).parts if path.is_relative_to(content) else ()
        # the build writes listings in its folders and the home pages (index.md, index.es.md…) beside them
        written_by_build = bool(inside) and (inside[0] in GENERATED_FOLDERS or len(inside) == 1 and path.name.startswith("index"))
        if is_generated(raw) and written_by_build:
            continue  # written by the build (catalogue.write): over a thousand files once a hub has grown
        if is_generated(raw):  # the build's own marker: its pages skip the sanitiser, which a contributor's may not
            line = raw[:raw.index(b"\nhub_page:")].count(b"\n") + 2
            problems.add(rel(root, path), line, "hub_page", "'hub_page' marks the pages the build writes itself; remove it")
            continue
        try:
            doc = read(raw, require_front_matter=False)
        except FrontMatterError as err:
            doc = None
            if path.parent == content:
                problems.add(rel(root, path), err.line, err.field, err.message)
        move = f"move it to {RESOURCES_DIR}/{path.name}"
        if path.parent == content and not _check_name(root, path, languages, problems):
            continue
        if path.parent == content:  # the hub's own pages (about.md…) sit here
            keys = [k for k in ("type", "region", "topic", "partner") if doc is not None and k in doc.meta]
            if keys:
                problems.add(rel(root, path), doc.line_of(keys[0]), "-", f"this looks like a resource but sits among the "
                             f"hub's own pages; {move}")
        else:
            problems.add(rel(root, path), 0, "-", f"resources are only read from {RESOURCES_DIR}/, and the hub's own "
                         f"pages sit directly in content/; {move} (or next to about.md if it is a page of the hub)")


def _resource_from(root: Path, path: Path, doc: Document, slug: str, folder: str, lang: str, vocab: dict,
                   problems: ProblemList) -> tuple[Resource, Failed]:
    """The resource a file describes, and the paths of its values that failed the schema (then
    the resource only serves to check the rest of the file)."""
    where = rel(root, path)
    failed = schema_failures("resource", doc.meta, where, doc, problems, vocab)
    meta = doc.meta
    date = _parse_date(meta["date"], where, doc, "date", problems) if not failed.has("date") else None
    if date is None:
        failed.add(("date",))
    as_list = lambda value: value if isinstance(value, list) else [value]  # noqa: E731
    version = Version(lang, _text(meta, "title"), _text(meta, "summary"), doc.body, where,
                      rel(root, path).removeprefix("content/"), doc.body_line)
    resource = Resource(
        slug=slug, folder=folder, lang=lang, type=meta.get("type", ""), regions=as_list(meta.get("region", [])),
        topics=as_list(meta.get("topic", [])), partners=as_list(meta.get("partner", [])), date=date or dt.date.min,
        languages=as_list(meta.get("language", [lang])), url=meta.get("url", ""),
        authors=meta.get("authors", []), timezone=meta.get("timezone", ""), location=meta.get("location", ""),
        registration=meta.get("registration", ""), livestream=meta.get("livestream", ""),
        recording=meta.get("recording", ""), former_names=as_list(meta.get("former_names", [])),
        versions={lang: version}, meta=meta,
    )
    resource.meta["_doc"] = doc
    return resource, failed


def _add_translation(root: Path, path: Path, doc: Document, original: Resource, lang: str, folder: str,
                     original_entry: tuple[Path, Document, str], problems: ProblemList) -> None:
    where = rel(root, path)
    original_path, original_doc, original_folder = original_entry
    if folder != original_folder:
        problems.add(where, 0, "-", f"a translation must sit beside its original {rel(root, original_path)}")
        return
    meta = dict(doc.meta)
    # Repeating the original's value is harmless; a different value is a conflict.
    for key in list(meta):
        if key in ("title", "summary"):
            continue
        if key == "location" and original.is_event:
            continue  # a place is named in the reader's language too
        if key in original_doc.meta and meta[key] == original_doc.meta[key]:
            del meta[key]
        elif key in schema.fields("resource"):
            problems.add(where, doc.line_of(key), key, f"conflicts with the original {rel(root, original_path)}; "
                         f"a translation inherits '{key}' from the original: remove it here ({path.name} beside "
                         f"{original_path.name} is its translation; a resource of its own needs a name of its own)")
            del meta[key]
    add_schema_problems("translation", meta, where, doc, problems)
    # Added even when it has problems (they stop the build): its text is checked with the original's.
    original.versions[lang] = Version(lang, _text(meta, "title"), _text(meta, "summary"), doc.body, where,
                                      rel(root, path).removeprefix("content/"), doc.body_line, _text(meta, "location"))


def _text(meta: dict[str, Any], key: str) -> str:
    """A text field, or "" when it is missing or not text (the schema has said so)."""
    return meta[key].strip() if isinstance(meta.get(key), str) else ""


def _parse_date(value: str, where: str, doc: Document, key: str, problems: ProblemList) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.add(where, doc.line_of(key), key, calendar_date_problem(value))
        return None
