"""The static API under api/v1/: the catalogue as data, for anyone who wants to reuse it.

- resources.json: every resource with all its metadata and its language versions;
- regions/<id>.json: a region with its resources;
- vocabulary.json: the ids of types, topics, regions and organisations with their names in each
  language that has them, for a site that shows the hub's data in its readers' language;
- resources.csv: one row per resource for spreadsheets;
- schema/resource.schema.json: the front-matter schema with the real ids as enums;
- schema/resources.json.schema.json and schema/region.json.schema.json: what the JSON files hold.

Only in the default language's tree: labels are the English ones, and every version's title,
summary and page are listed. `generated` is the build date (SOURCE_DATE_EPOCH), not the clock.
Bump SCHEMA_VERSION's major number, and the folder (v2), when a field changes meaning or goes.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from . import citations, ics, schema
from .address import Site
from .feeds import region_feed
from .model import Catalogue, Resource
from .render import region_stem

SCHEMA_VERSION = "1.2"  # 1.1: each version's former_pages; 1.2: vocabulary.json
FOLDER = "api/v1"
RESOURCES_JSON = f"{FOLDER}/resources.json"
RESOURCES_CSV = f"{FOLDER}/resources.csv"
FRONT_MATTER_SCHEMA = f"{FOLDER}/schema/resource.schema.json"
RESOURCES_SCHEMA = f"{FOLDER}/schema/resources.json.schema.json"
REGION_SCHEMA = f"{FOLDER}/schema/region.json.schema.json"
VOCABULARY_JSON = f"{FOLDER}/vocabulary.json"
VOCABULARY_SCHEMA = f"{FOLDER}/schema/vocabulary.json.schema.json"


def region_path(region_id: str) -> str:
    return f"{FOLDER}/regions/{region_id}.json"


# -- records ---------------------------------------------------------------------------------

def resource_record(catalogue: Catalogue, resource: Resource, site: Site) -> dict[str, Any]:
    """Everything known about a resource; absent optional values are null, lists are [] (same keys always)."""
    funders = catalogue.funders(resource)
    return {
        "slug": resource.slug,
        "original_language": resource.lang,
        "type": {"id": resource.type, "label": catalogue.types[resource.type].label},
        "regions": [{"id": r, "name": catalogue.regions[r].name} for r in resource.regions],
        "topics": [{"id": x, "label": catalogue.topics[x].label} for x in resource.topics],
        # a donor funds the work and is credited as its funder, not as its author (Catalogue.creators)
        "partners": [{"id": o.id, "name": o.name, "short_name": o.short_name,
                      "credited_as": "funder" if o in funders else "creator"}
                     for o in (catalogue.organisations[p] for p in resource.partners)],
        "date": resource.date.isoformat(),
        "modified": resource.modified.isoformat() if resource.modified else None,
        "languages": list(resource.languages),
        "url": resource.url or None,
        "authors": list(resource.authors),
        "files": [{"path": f.path, "url": site.at(f.path), "title": f.title, "language": f.language or None,
                   "size": f.size, "format": f.path.rsplit(".", 1)[-1].lower()} for f in resource.files],
        "event": _event(resource, site),
        "page": site.page(resource.path_stem, resource.lang),
        "versions": {lang: {"title": site.title(v.title, lang), "summary": v.summary, "page": site.page(resource.path_stem, lang),
                            "bibtex": site.at(citations.path(resource, lang, site, "bib")),
                            "ris": site.at(citations.path(resource, lang, site, "ris")),
                            "former_pages": [site.page(stem, lang) for stem in resource.former_stems()]}
                     for lang, v in resource.versions.items()},
    }


def _event(resource: Resource, site: Site) -> dict[str, Any] | None:
    if not resource.is_event or resource.start is None:
        return None
    return {
        "start": resource.start.isoformat(),
        "end": resource.end.isoformat() if resource.end else None,
        "all_day": resource.all_day,
        "timezone": resource.timezone or None,
        "location": resource.location or None,
        "registration": resource.registration or None,
        "livestream": resource.livestream or None,
        "recording": resource.recording or None,
        "calendar": site.at(ics.path(resource)),
    }


def resources_document(catalogue: Catalogue, site: Site) -> dict[str, Any]:
    resources = catalogue.resources
    return {
        "schema_version": SCHEMA_VERSION,
        "generated": catalogue.today.isoformat(),
        "licence": _licence(site),
        "site": site.url,
        "counts": {
            "resources": len(resources),
            "events": sum(r.is_event for r in resources),
            "regions": len(catalogue.regions),
            "topics": len(catalogue.topics),
            "organisations": len(catalogue.organisations),
            "by_type": {t: n for t, n in sorted(Counter(r.type for r in resources).items())},
            "by_language": {lang: n for lang, n in sorted(Counter(x for r in resources for x in r.versions).items())},
        },
        "resources": [resource_record(catalogue, r, site) for r in resources],
    }


def region_document(catalogue: Catalogue, region_id: str, site: Site) -> dict[str, Any]:
    region = catalogue.regions[region_id]
    mine = [r for r in catalogue.resources if region_id in r.regions]
    return {
        "schema_version": SCHEMA_VERSION,
        "generated": catalogue.today.isoformat(),
        "licence": _licence(site),
        "region": {
            "id": region.id, "name": region.name, "description": region.texts["en"].description,
            "languages": list(region.languages),
            # as the pages name it: from a translated file or from locales/<lang>.yml
            "names": {lang: name for lang in catalogue.languages
                      for name, name_lang in [region.name_in(lang)] if name_lang == lang},
            "page": site.page(region_stem(region_id), catalogue.default_language),
            "feed": site.at(region_feed(region_id).path),
        },
        "counts": {"resources": len(mine)},
        "resources": [resource_record(catalogue, r, site) for r in mine],
    }


def vocabulary_document(catalogue: Catalogue, site: Site) -> dict[str, Any]:
    """Each id with its names in the languages that have them (no English stand-ins)."""
    def own(read) -> dict[str, str]:
        return {lang: text for lang in catalogue.languages for text, text_lang in [read(lang)] if text_lang == lang}

    def terms(found: dict) -> dict[str, Any]:
        return {x: {"label": own(lambda lang, t=t: t.text("label", lang)),
                    "description": own(lambda lang, t=t: t.text("description", lang))} for x, t in found.items()}
    return {
        "schema_version": SCHEMA_VERSION,
        "generated": catalogue.today.isoformat(),
        "licence": _licence(site),
        "languages": {code: catalogue.translator(code).language_name(code) for code in catalogue.languages},
        "types": terms(catalogue.types),
        "topics": terms(catalogue.topics),
        "regions": {x: {"name": own(region.name_in), "description": own(region.description_in),
                        "data": site.at(region_path(x))} for x, region in catalogue.regions.items()},
        # an official name is keyed by its own language: GIZ's German one by de
        "organisations": {x: {"name": {name_lang: name for name, name_lang in
                                       (catalogue.organisation_name(o, lang) for lang in catalogue.languages)},
                              "short_name": {lang: catalogue.organisation_short_name(o, lang) for lang in catalogue.languages},
                              "role": o.role, "website": o.website} for x, o in catalogue.organisations.items()},
    }


# -- CSV -------------------------------------------------------------------------------------

CSV_COLUMNS = ("slug", "type", "title", "summary", "date", "original_language", "languages", "translations",
               "regions", "region_names", "topics", "partners", "partner_names", "funder_names", "authors", "page", "url", "files",
               "start", "end", "timezone", "location", "registration", "livestream", "recording")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
AFTER_SEMICOLON = re.compile(r";([ ]*)([=+\-@\t\r])")


def csv_text(catalogue: Catalogue, site: Site) -> str:
    """One row per resource, lists joined with ';'. The caller writes it with a byte-order mark
    (utf-8-sig): without one, Excel reads UTF-8 as a legacy code page and garbles Thai,
    Mongolian and Vietnamese titles. csv.reader and pandas read it with encoding='utf-8-sig'."""
    out = io.StringIO()
    # every cell quoted: a spreadsheet that splits at ';' (many countries' setting) keeps a quoted ';' inside
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for resource in catalogue.resources:
        record = resource_record(catalogue, resource, site)
        event = record["event"] or {}
        row = {
            "slug": resource.slug, "type": resource.type, "title": site.title(resource.title, resource.lang),
            "summary": resource.summary,
            "date": record["date"], "original_language": resource.lang, "languages": resource.languages,
            "translations": [lang for lang in resource.versions if lang != resource.lang],
            "regions": resource.regions, "region_names": [r["name"] for r in record["regions"]],
            "topics": resource.topics, "partners": resource.partners,
            "partner_names": [p["short_name"] for p in record["partners"]],
            "funder_names": [p["short_name"] for p in record["partners"] if p["credited_as"] == "funder"],
            "authors": resource.authors,
            "page": record["page"], "url": resource.url, "files": [f["url"] for f in record["files"]],
            **{key: event.get(key) for key in ("start", "end", "timezone", "location", "registration", "livestream",
                                                 "recording")},
        }
        writer.writerow([cell(row[column]) for column in CSV_COLUMNS])
    return out.getvalue()


def cell(value: Any) -> str:
    """A CSV cell. Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP):
    each item of a list too, since a spreadsheet set to split at ';' makes a cell of each."""
    if isinstance(value, list):
        return ";".join(cell(item) for item in value)
    text = "" if value is None else str(value)
    # a text's own ';' splits it there too: what follows one must not start a formula either
    text = AFTER_SEMICOLON.sub(r";\1'\2", text)
    return "'" + text if text.startswith(FORMULA_START) else text


# -- schemas ---------------------------------------------------------------------------------

def front_matter_schema(catalogue: Catalogue, site: Site) -> dict[str, Any]:
    """schema/resource.schema.json with the ids that exist today as enums, for editors and validators."""
    published = copy.deepcopy(schema.load("resource"))
    published["$id"] = site.at(FRONT_MATTER_SCHEMA)
    ids = {"type": list(catalogue.types), "region": list(catalogue.regions), "topic": list(catalogue.topics),
           "partner": list(catalogue.organisations)}
    for key, allowed in ids.items():
        prop = published["properties"][key]
        if "items" in prop:  # one id or a list of ids
            prop["items"]["enum"] = allowed
            prop["if"], prop["then"] = {"type": "string"}, {"enum": allowed}
        else:
            prop["enum"] = allowed
    return published


def _defs() -> dict[str, Any]:
    def nullable(kind: str, **more: Any) -> dict[str, Any]:
        return {"type": [kind, "null"], **more}

    def closed(required: dict[str, Any]) -> dict[str, Any]:
        return {"type": "object", "additionalProperties": False, "required": list(required), "properties": required}

    ident = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
    lang = {"type": "string", "pattern": "^[a-z]{2}$"}
    url = {"type": "string", "format": "uri", "pattern": "^https?://"}
    date = {"type": "string", "format": "date"}
    moment = {"type": "string", "description": "ISO 8601: a date-time with UTC offset, or a date for all-day events"}
    return {
        "id": ident, "language": lang, "url": url,
        "term": closed({"id": {"$ref": "#/$defs/id"}, "label": {"type": "string"}}),
        "region": closed({"id": {"$ref": "#/$defs/id"}, "name": {"type": "string"}}),
        "partner": closed({"id": {"$ref": "#/$defs/id"}, "name": {"type": "string"}, "short_name": {"type": "string"},
                           "credited_as": {"enum": ["creator", "funder"],
                                           "description": "funder: a donor that funded the work, not its author"}}),
        "file": closed({"path": {"type": "string"}, "url": {"$ref": "#/$defs/url"}, "title": {"type": "string"},
                        "language": nullable("string", pattern="^[a-z]{2}$"), "size": {"type": "integer", "minimum": 0},
                        "format": {"type": "string"}}),
        "event": closed({"start": moment, "end": {"anyOf": [moment, {"type": "null"}]}, "all_day": {"type": "boolean"},
                         "timezone": nullable("string"), "location": nullable("string"),
                         "registration": {"anyOf": [url, {"type": "null"}]},
                         "livestream": {"anyOf": [url, {"type": "null"}]},
                         "recording": {"anyOf": [url, {"type": "null"}]}, "calendar": {"$ref": "#/$defs/url"}}),
        "version": closed({"title": {"type": "string", "minLength": 1}, "summary": {"type": "string"},
                           "page": {"$ref": "#/$defs/url"}, "bibtex": {"$ref": "#/$defs/url"},
                           "ris": {"$ref": "#/$defs/url"},
                           "former_pages": {"type": "array", "items": {"$ref": "#/$defs/url"},
                                            "description": "where this page was before its file was renamed: "
                                                           "those addresses lead here"}}),
        "resource": closed({
            "slug": {"$ref": "#/$defs/id"}, "original_language": {"$ref": "#/$defs/language"},
            "type": {"$ref": "#/$defs/term"},
            "regions": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/region"}},
            "topics": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/term"}},
            "partners": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/partner"}},
            "date": date,
            "modified": {"anyOf": [date, {"type": "null"}],
                         "description": "the last change of its files in the repository; null where unknown"},
            "languages": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/language"}},
            "url": {"anyOf": [url, {"type": "null"}]},
            "authors": {"type": "array", "items": {"type": "string"}},
            "files": {"type": "array", "items": {"$ref": "#/$defs/file"}},
            "event": {"anyOf": [{"$ref": "#/$defs/event"}, {"type": "null"}]},
            "page": {"$ref": "#/$defs/url"},
            "versions": {"type": "object", "minProperties": 1, "propertyNames": {"pattern": "^[a-z]{2}$"},
                         "additionalProperties": {"$ref": "#/$defs/version"}},
        }),
    }


def _licence(site: Site) -> dict[str, str] | None:
    return {"name": site.licence[0], "url": site.licence[1]} if site.licence else None


def _head() -> dict[str, Any]:
    """What every JSON file of the API opens with."""
    licence = {"type": "object", "additionalProperties": False, "required": ["name", "url"],
               "properties": {"name": {"type": "string"}, "url": {"type": "string", "format": "uri"}}}
    return {"schema_version": {"type": "string", "pattern": r"^1\.\d+$"},
            "generated": {"type": "string", "format": "date", "description": "the build date"},
            "licence": {"anyOf": [licence, {"type": "null"}],
                        "description": "the licence of the hub's own texts and data; each resource keeps its publisher's terms"}}


def _file_schema(site: Site, path: str, name: str, properties: dict[str, Any], closed: bool = True) -> dict[str, Any]:
    """The schema of one of the API's files: its head (_head) and `properties`, every one required;
    `closed`: no other keys (open_to_new_fields opens the published copy)."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": site.at(path),
            "title": f"JET Coal Regions Knowledge Hub: {name}", "type": "object",
            **({"additionalProperties": False} if closed else {}),
            "required": [*_head(), *properties], "properties": {**_head(), **properties}, "$defs": _defs()}


def resources_schema(site: Site) -> dict[str, Any]:
    count = {"type": "integer", "minimum": 0}
    by_key = {"type": "object", "additionalProperties": count}
    return _file_schema(site, RESOURCES_SCHEMA, "resources.json", {
        "site": {"$ref": "#/$defs/url"},
        "counts": {"type": "object", "additionalProperties": False,
                   "required": ["resources", "events", "regions", "topics", "organisations", "by_type",
                                "by_language"],
                   "properties": {"resources": count, "events": count, "regions": count, "topics": count,
                                  "organisations": count, "by_type": by_key, "by_language": by_key}},
        "resources": {"type": "array", "items": {"$ref": "#/$defs/resource"}},
    })


def region_schema(site: Site) -> dict[str, Any]:
    return _file_schema(site, REGION_SCHEMA, "regions/<id>.json", {
        "region": {"type": "object", "additionalProperties": False,
                   "required": ["id", "name", "description", "languages", "names", "page", "feed"],
                   "properties": {"id": {"$ref": "#/$defs/id"}, "name": {"type": "string"},
                                  "description": {"type": "string"},
                                  "languages": {"type": "array", "items": {"$ref": "#/$defs/language"}},
                                  "names": {"type": "object", "additionalProperties": {"type": "string"}},
                                  "page": {"$ref": "#/$defs/url"}, "feed": {"$ref": "#/$defs/url"}}},
        "counts": {"type": "object", "additionalProperties": False, "required": ["resources"],
                   "properties": {"resources": {"type": "integer", "minimum": 0}}},
        "resources": {"type": "array", "items": {"$ref": "#/$defs/resource"}},
    })


def vocabulary_schema(site: Site) -> dict[str, Any]:
    names = {"type": "object", "propertyNames": {"$ref": "#/$defs/language"}, "additionalProperties": {"type": "string"},
             "description": "language code -> the text in that language; languages without one are left out"}
    term = {"type": "object", "required": ["label", "description"], "properties": {"label": names, "description": names}}
    by_id = {"type": "object", "propertyNames": {"$ref": "#/$defs/id"}}
    return _file_schema(site, VOCABULARY_SCHEMA, "vocabulary.json", closed=False, properties={
        "languages": {"type": "object", "propertyNames": {"$ref": "#/$defs/language"},
                      "additionalProperties": {"type": "string"}, "description": "each language named in itself"},
        "types": {**by_id, "additionalProperties": term}, "topics": {**by_id, "additionalProperties": term},
        "regions": {**by_id, "additionalProperties": {
            "type": "object", "required": ["name", "description", "data"],
            "properties": {"name": names, "description": names, "data": {"$ref": "#/$defs/url"}}}},
        "organisations": {**by_id, "additionalProperties": {
            "type": "object", "required": ["name", "short_name", "role", "website"],
            "properties": {"name": names, "short_name": names, "role": {"type": "string"},
                           "website": {"$ref": "#/$defs/url"}}}},
    })


# -- files -----------------------------------------------------------------------------------

def open_to_new_fields(schema: Any) -> Any:
    """A schema as published: without its "additionalProperties": false, which the tests hold the files
    to, so that a copy a reuser keeps still validates the files once v1 gains a field, as promised."""
    if isinstance(schema, dict):
        return {key: open_to_new_fields(value) for key, value in schema.items()
                if not (key == "additionalProperties" and value is False)}
    return [open_to_new_fields(value) for value in schema] if isinstance(schema, list) else schema


def write_api(catalogue: Catalogue, site: Site, folder: Path) -> int:
    """Every file of the API under `folder` (the built site); returns how many."""
    documents = {RESOURCES_JSON: resources_document(catalogue, site),
                 FRONT_MATTER_SCHEMA: front_matter_schema(catalogue, site),
                 RESOURCES_SCHEMA: open_to_new_fields(resources_schema(site)),
                 REGION_SCHEMA: open_to_new_fields(region_schema(site)),
                 VOCABULARY_JSON: vocabulary_document(catalogue, site), VOCABULARY_SCHEMA: vocabulary_schema(site)}
    documents.update({region_path(r): region_document(catalogue, r, site) for r in catalogue.regions})
    for name, document in documents.items():
        _write(folder / name, json.dumps(document, ensure_ascii=False, indent=1) + "\n", "utf-8")
    _write(folder / RESOURCES_CSV, csv_text(catalogue, site), "utf-8-sig")
    return len(documents) + 1


def _write(path: Path, text: str, encoding: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding, newline="")
