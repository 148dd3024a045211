"""What the search index holds: one record per knowledge product, region and organisation,
in every interface language.

A reader searches the index of their page's language. A resource that is not translated
into it is indexed there too, with its original text and URL and its language in `meta.lang`,
so a Spanish reader still finds English-only work (the page lists own-language hits first).
Filters carry labels in the reader's language, because facets show them as they are.

The records are split into bundles by date, so that a first search downloads the index of the
newest resources only: the index's metadata grows with every record it holds (about 9 bytes
each), and at 10,000 resources it alone would use most of a slow connection's budget. Bundle 0
holds the newest BUNDLE_SIZE resources and every region and organisation; older bundles are
merged into the search when the reader asks for them, or when the newest give too few results.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from .model import Catalogue, Resource
from .render import organisation_stem, region_stem
from .strings import Translator
from .text import plain_text
from .urls import UrlStyle
from .word_breaks import mark_thai_word_breaks

FILTERS = ("region", "topic", "type", "partner", "language", "year")  # shown as facets
INDEXED_TEXT = 2500  # characters of a body in the index: the opening of a text is what search needs, and
# results download it for their excerpts (about 1 KB each)
TEXT_LANGUAGE = "text"  # hidden filter: the language of the indexed text, to list the reader's first
HUB_PAGE = "hub"  # in TEXT_LANGUAGE after the language, on regions' and organisations' pages: in the reader's
# language whatever their text, they earn their place by how well they match (hub-search.js); in the same
# filter as the languages, which every search reads, so that it asks for no file more
BUNDLE_SIZE = 2000  # resources per search bundle: keeps a first search under 150 KB at any size of hub
THAI_WORD_FORMS = "thai-word-forms.json"  # beside the index: the forms a Thai page also searches (word_breaks.py)
ASIDE_WEIGHT = 0.25  # of a word in a region's or organisation's description, against 1 in its name and in
# resources: a common word ("workers", "coal") listed organisations that mention it before the work itself
UNDATED = "0000-00-00"  # sort date of regions and organisations: after every resource, but listed (Pagefind
# leaves out of a sorted search whatever has no value to sort by, while its facets still count it)


@dataclass
class Record:
    url: str  # site-relative, e.g. es/resources/foo/
    content: str
    language: str
    meta: dict[str, str]
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: dict[str, str] = field(default_factory=dict)
    bundle: int = 0  # 0: the newest resources, regions and organisations; 1, 2, ...: older resources
    aside: str = ""  # text that finds the page with less weight (ASIDE_WEIGHT): a region's or organisation's description

    @property
    def text(self) -> str:
        """All the words that find the record, whatever their weight."""
        return f"{self.content} {self.aside}" if self.aside else self.content


def bundle_count(resources: int, size: int = BUNDLE_SIZE) -> int:
    return max(1, -(-resources // size))


def bundle_folder(bundle: int) -> str:
    """Where a bundle goes under the site's pagefind/ folder."""
    return "" if bundle == 0 else f"older-{bundle}/"


def filter_labels(catalogue: Catalogue, lang: str) -> dict[str, dict[str, str]]:
    """id -> value, in `lang`, of the filters whose values are words of a language; the others
    (organisations' short names, languages named in themselves, years) read the same in all six.
    The search page carries them, so that its filters go along to another language's."""
    return {"region": {x: region.name_in(lang)[0] for x, region in catalogue.regions.items()},
            "topic": {x: term.text("label", lang)[0] for x, term in catalogue.topics.items()},
            "type": {x: term.text("label", lang)[0] for x, term in catalogue.types.items()}}


def records(catalogue: Catalogue, style: UrlStyle, bundle_size: int = BUNDLE_SIZE) -> list[Record]:
    texts: dict[tuple[str, str], str] = {}  # (slug, lang) -> plain text, rendered once per version
    out: list[Record] = []
    for lang in catalogue.languages:
        t = Translator(catalogue.strings, lang)
        labels = filter_labels(catalogue, lang)
        for number, resource in enumerate(catalogue.resources):  # newest first
            out.append(_resource_record(catalogue, resource, lang, t, style, texts, labels))
            out[-1].bundle = number // bundle_size
        for region in catalogue.regions.values():
            text, text_lang = region.text(lang)
            out.append(Record(
                url=style.page(region_stem(region.id), lang),
                content=f"{text.name}.", aside=f"{text.description} {plain_text(text.intro)}",
                language=lang,
                # the page is in the reader's language even where its introduction is not: no badge
                meta={"title": text.name, "kind": t("search_kind_region"), "lang": lang},
                # no region filter: the filters list resources, and count what the region's page counts
                filters={TEXT_LANGUAGE: [text_lang, HUB_PAGE]},
                sort={"date": UNDATED},
            ))
        for org in catalogue.organisations.values():
            name, name_lang = catalogue.organisation_name(org, lang)
            # found by its name in any of them, and by the letters the reader's language knows it by
            names = dict.fromkeys((name, org.name, org.short_name, catalogue.organisation_short_name(org, lang)))
            description, description_lang = catalogue.organisation_description(org, lang)
            out.append(Record(
                url=style.page(organisation_stem(org.id), lang),
                content=f"{'. '.join(names)}.", aside=description,
                language=lang,
                # the page is in the reader's language: no badge; the name may be in another (title_lang)
                meta={"title": name, "kind": t("search_kind_organisation"), "lang": lang,
                      **({"title_lang": name_lang} if name_lang != lang else {})},
                filters={TEXT_LANGUAGE: [description_lang, HUB_PAGE]},  # as regions: the filters list resources
                sort={"date": UNDATED},
            ))
    return out


def _resource_record(catalogue: Catalogue, resource: Resource, lang: str, t: Translator, style: UrlStyle,
                     texts: dict[tuple[str, str], str], labels: dict[str, dict[str, str]]) -> Record:
    version = resource.version(lang)
    key = (resource.slug, version.lang)
    if key not in texts:
        texts[key] = plain_text(version.body, INDEXED_TEXT)
    regions = [labels["region"][r] for r in resource.regions]
    type_label = labels["type"][resource.type]
    topics = [labels["topic"][x] for x in resource.topics]
    # its type, regions, topics and organisations in the reader's words: an Indonesian reader finds
    # an English report by "batu bara" through its topic, and by the ILO's Indonesian name
    names = dict.fromkeys(n for x in resource.partners for n in (catalogue.organisations[x].short_name,
                                                                 catalogue.organisation_short_name(catalogue.organisations[x], lang),
                                                                 catalogue.organisation_name(catalogue.organisations[x], lang)[0]))
    terms = ". ".join((type_label, ", ".join(regions), ", ".join(topics), ", ".join(names)))
    return Record(
        url=style.page(resource.path_stem, version.lang),
        # Full text in its own language's index; elsewhere title and summary find it, without
        # carrying the whole text into five more indexes (their size is what readers download).
        content=f"{version.title}. {version.summary} {terms}."
        + (f" {texts[key]}" if version.lang == lang else ""),
        language=lang,
        meta={"title": version.title, "kind": type_label, "regions": ", ".join(regions),
              "date": t.date(resource.shown_date()), "lang": version.lang,
              # for the result's language badge, as render.lang_badge says it: browsers lack some
              # languages' names (Debian's Chromium says "English" on a Mongolian page)
              **({"lang_name": t.language_in_text(version.lang)} if version.lang != lang else {})},
        filters={
            "region": regions,
            "topic": topics,
            "type": [type_label],
            "partner": [catalogue.organisations[x].short_name for x in resource.partners],
            "language": [t.language_name(code) for code in resource.languages],
            "year": [str(resource.shown_date().year)],  # the year the card shows: an event's own
            TEXT_LANGUAGE: [version.lang],
        },
        # listed as the hub's listings are (enrich.by_shown_date): by the date the card shows, an event's
        # first day; by publication date, a filter's events were out of order
        sort={"date": f"{resource.shown_date().isoformat()} {resource.date.isoformat()} {resource.slug}"},
    )


def record_page(record: Record) -> str:
    """A record as the minimal HTML page Pagefind's indexer reads: body text, meta, filters, sort.
    Pagefind splits the text of its Thai index into words, as it splits a query on a Thai page: there
    the Thai words are marked as the browser finds them (word_breaks.py). The offline copy's data
    keeps the text as written: its engine finds Thai words anywhere in a text."""
    meta = dict(record.meta, href=record.url)
    tags = [f'<span data-pagefind-meta="{escape(k)}">{escape(v)}</span>' for k, v in meta.items() if v]
    tags += [f'<span data-pagefind-filter="{escape(k)}">{escape(v)}</span>' for k, values in record.filters.items() for v in values]
    tags += [f'<span data-pagefind-sort="{escape(k)}">{escape(v)}</span>' for k, v in record.sort.items()]
    def marked(text: str) -> str:
        return escape(mark_thai_word_breaks(text) if record.language == "th" else text)
    aside = f' <span data-pagefind-weight="{ASIDE_WEIGHT}">{marked(record.aside)}</span>' if record.aside else ""
    return (f'<!DOCTYPE html><html lang="{escape(record.language)}"><head><meta charset="utf-8"><title></title></head>'
            f'<body><div hidden>{"".join(tags)}</div>'
            f'<main data-pagefind-body>{marked(record.content)}{aside}</main></body></html>')


def record_pages(items: list[Record]) -> dict[int, dict[str, str]]:
    """The pages for Pagefind's indexer, per bundle: relative path -> HTML, a folder per language."""
    pages: dict[int, dict[str, str]] = defaultdict(dict)
    for number, record in enumerate(items):
        pages[record.bundle][f"{record.language}/{number:07d}.html"] = record_page(record)
    return dict(sorted(pages.items()))


def write_offline_data(items: list[Record], folder: Path) -> None:
    """One script per language for the offline copy: <script> tags load from disk, fetch() does not."""
    by_language: dict[str, list[dict]] = defaultdict(list)
    for record in items:
        by_language[record.language].append({
            "meta": dict(record.meta, href=record.url), "filters": record.filters,
            "content": record.text, "date": record.sort.get("date", "")})  # what the online index holds
    folder.mkdir(parents=True, exist_ok=True)
    for lang, entries in by_language.items():
        (folder / f"offline-{lang}.js").write_text(data_script("__hubSearchData", lang, {"records": entries}), encoding="utf-8")


def data_script(variable: str, lang: str, value: object) -> str:
    """A script that files `value` as window[variable][lang]: data a page loads with a <script> tag,
    which works from disk as well, where fetch() does not."""
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.{variable}=window.{variable}||{{}};window.{variable}[{json.dumps(lang)}]={data};\n"
