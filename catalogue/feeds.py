"""Atom 1.0 feeds of new resources, in every interface language: all resources, each region,
each topic, each type (news above all) and events, each under the language's folder
(es/feeds/all.xml).

An entry is the reader's language version when there is one, else the original, marked with
its `xml:lang`. Entries are newest first by publication date; their `updated` time is the last
commit of the resource's files where git says, else the publication date: never the build's
clock, so the feed changes only when the repository does and builds stay reproducible.
ElementTree writes the XML, so every contributor string is escaped by construction.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from .address import Site
from .model import Catalogue, Resource
from .render import event_when_text, region_stem, topic_stem, type_stem

MAX_ENTRIES = 50
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MEDIA_TYPE = "application/atom+xml"
CLOSE = b"\n</feed>"  # the last line of a feed, after its head's last element or its last entry
ET.register_namespace("", ATOM)


@dataclass(frozen=True)
class Feed:
    key: str  # all, events, regions/<id>, topics/<id> or types/<id>
    page_stem: str  # the listing the feed follows, e.g. regions/colombia

    @property
    def path(self) -> str:
        """Path inside a language's tree, e.g. feeds/regions/colombia.xml."""
        return f"feeds/{self.key}.xml"


def region_feed(region_id: str) -> Feed:
    return Feed(f"regions/{region_id}", region_stem(region_id))


def feeds(catalogue: Catalogue) -> list[Feed]:
    """Every feed of one language. Events have their own feed (not types/event) like their own page."""
    return ([Feed("all", "index"), Feed("events", "events/index")]
            + [region_feed(region) for region in catalogue.regions]
            + [Feed(f"topics/{topic_id}", topic_stem(topic_id)) for topic_id in catalogue.topics]
            + [Feed(f"types/{type_id}", type_stem(type_id)) for type_id in catalogue.types if type_id != "event"])


def feed_for_page(catalogue: Catalogue, stem: str) -> Feed | None:
    """The feed a listing page offers; later pages of a paginated listing offer their first page's."""
    by_page = _feeds_by_page(catalogue)
    first = re.sub(r"/page/\d+$", "", stem)
    return by_page.get(first) or by_page.get(f"{first}/index")


def _feeds_by_page(catalogue: Catalogue) -> dict[str, Feed]:
    by_page = catalogue.derived("feeds by page")  # every page asks
    if not by_page:
        by_page.update((feed.page_stem, feed) for feed in feeds(catalogue))
    return by_page


def entries(catalogue: Catalogue, feed: Feed) -> list[Resource]:
    kind, _, ident = feed.key.partition("/")
    keep = {
        "all": lambda r: True,
        "events": lambda r: r.is_event,
        "regions": lambda r: ident in r.regions,
        "topics": lambda r: ident in r.topics,
        "types": lambda r: r.type == ident,
    }[kind]
    return [r for r in catalogue.resources if keep(r)][:MAX_ENTRIES]  # resources are newest first


def title(catalogue: Catalogue, feed: Feed, lang: str) -> str:
    t = catalogue.translator(lang)
    kind, _, ident = feed.key.partition("/")
    if kind == "regions":
        section = t("feed_region_title", region=catalogue.regions[ident].text(lang)[0].name)
    elif kind == "types":
        section = catalogue.types[ident].text("plural", lang)[0]
    elif kind == "topics":
        section = catalogue.topics[ident].text("label", lang)[0]
    else:
        section = t("events_title" if kind == "events" else "feed_all_title")
    return f"{section} - {t('site_name')}"  # as the page titles are written


def atom(catalogue: Catalogue, feed: Feed, lang: str, site: Site, written: dict[str, bytes] | None = None) -> bytes:
    """The feed as an Atom document in UTF-8. `written` keeps each entry's XML for the language's
    other feeds, which share most entries (a resource is in the feeds of its regions, topics and
    type): serialising the same entries again was most of the time the feeds took."""
    items = entries(catalogue, feed)
    written = {} if written is None else written
    root = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: lang})
    _text(root, "id", site.at(site.prefix(lang) + feed.path))
    _text(root, "title", title(catalogue, feed, lang))
    if site.licence:
        _text(root, "rights", f"{site.licence[0]} ({site.licence[1]})", type="text")
    _text(root, "updated", timestamp(max(r.updated for r in items) if items else catalogue.today))
    _link(root, "self", site.at(site.prefix(lang) + feed.path), MEDIA_TYPE)
    _link(root, "alternate", site.page(feed.page_stem, lang), "text/html")
    ET.SubElement(ET.SubElement(root, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = \
        catalogue.translator(lang)("site_name")
    ET.indent(root)
    head = ET.tostring(root, encoding="utf-8", xml_declaration=True).removesuffix(CLOSE)
    for resource in items:
        if resource.path_stem not in written:
            written[resource.path_stem] = _serialised(_entry(catalogue, resource, lang, site))
    return head + b"".join(b"\n  " + written[resource.path_stem] for resource in items) + CLOSE + b"\n"


def _serialised(entry: ET.Element) -> bytes:
    """An entry's XML as ElementTree writes it inside the feed (indented one level, the feed's
    default namespace declared on the feed alone)."""
    ET.indent(entry, level=1)
    return ET.tostring(entry, encoding="utf-8").replace(b' xmlns="' + ATOM.encode() + b'"', b"", 1)


def _entry(catalogue: Catalogue, resource: Resource, lang: str, site: Site) -> ET.Element:
    version = resource.version(lang)
    url = site.page(resource.path_stem, version.lang)
    entry = ET.Element(f"{{{ATOM}}}entry", {XML_LANG: version.lang} if version.lang != lang else {})
    _text(entry, "id", site.page(resource.first_stem, version.lang))  # for good, renamed or not
    _text(entry, "title", site.title(version.title, version.lang), type="text")
    _link(entry, "alternate", url, "text/html", hreflang=version.lang)
    _text(entry, "published", timestamp(resource.date))
    _text(entry, "updated", timestamp(resource.updated))  # a later edit, where git says (history.date_resources)
    for name in resource.authors or [org.short_name for org in catalogue.creators(resource)]:
        _text(ET.SubElement(entry, f"{{{ATOM}}}author"), "name", name)
    # labels in the feed's language, which an entry in another language must say
    labels = {XML_LANG: lang} if version.lang != lang else {}
    type_label = catalogue.types[resource.type].text("label", lang)[0]
    _category(entry, resource.type, type_label, site.page("types/index", lang), **labels)
    for region in resource.regions:
        _category(entry, region, catalogue.regions[region].name_in(lang)[0], site.page("regions/index", lang), **labels)
    for topic in resource.topics:
        _category(entry, topic, catalogue.topics[topic].text("label", lang)[0], site.page("topics/index", lang), **labels)
    summary = version.summary
    if resource.is_event and resource.start:  # when and where, which a reader of the feed needs first
        when = event_when_text(resource, catalogue.translator(version.lang))
        summary = " · ".join(part for part in (when, resource.place(version.lang)[0], summary) if part)
    _text(entry, "summary", summary, type="text")
    return entry


def timestamp(day: dt.date) -> str:
    """A publication date as an RFC 3339 time: noon UTC, which is the same day from UTC-11 to UTC+11
    (midnight UTC would be the day before in the Americas), never the clock of the build."""
    return f"{day.isoformat()}T12:00:00Z"


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    element.text = text
    return element


def _link(parent: ET.Element, rel: str, href: str, media_type: str, **attrs: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"rel": rel, "type": media_type, "href": href, **attrs})


def _category(parent: ET.Element, term: str, label: str, scheme: str, **attrs: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}category", {"term": term, "label": label, "scheme": scheme, **attrs})


def write_feeds(catalogue: Catalogue, site: Site, folder: Path) -> int:
    """Every feed in every language under `folder` (the built site); returns how many."""
    count = 0
    for lang in catalogue.languages:
        written: dict[str, bytes] = {}
        for feed in feeds(catalogue):
            path = folder / site.prefix(lang) / feed.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(atom(catalogue, feed, lang, site, written))
            count += 1
    return count
