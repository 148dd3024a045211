"""What a page says about itself in its <head>: canonical address, Open Graph, schema.org JSON-LD
and the feed it offers. The theme writes these values; every text is plain here and escaped
there, except the JSON-LD, which `json_ld` makes safe to write inside <script> as it is.

JSON-LD script tags are data, not code: browsers do not run them, so a Content-Security-Policy
needs no exception for them.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from typing import Any

from babel import Locale
from babel.core import get_global

from . import citations, feeds
from .address import Site
from .model import Catalogue, Resource, Version
from .urls import relative

SCHEMA_TYPES = {"report": "Report", "policy-brief": "Report", "research": "ScholarlyArticle",
                "news": "NewsArticle", "event": "Event"}  # other types are CreativeWork
ARTICLES = {"ScholarlyArticle", "NewsArticle"}  # these want a headline
LISTINGS = {"regions", "region-type", "topics", "topic", "types", "type", "news", "organisations", "library", "events"}


@dataclass
class Page:
    """What the theme knows of a page, as plain values."""

    src_uri: str  # e.g. resources/foo.es.md
    lang: str  # the language of the build it is part of
    kind: str  # `hub_page` of generated pages, "" for hand-written ones
    title: str
    description: str
    url: str  # site-relative URL as built (foo/ online, foo.html offline)
    translations: list[str] = field(default_factory=list)  # languages it also exists in


@dataclass
class Head:
    canonical: str
    og: list[tuple[str, str]]  # (property, content)
    json_ld: str  # safe inside <script>
    feed: dict | None  # title, href (relative to the page; absolute offline, then `external`) and the visible label
    citation: list[tuple[str, str]] = field(default_factory=list)  # (name, content) of citation_* meta tags


def stem_of(src_uri: str, languages: list[str]) -> str:
    """'resources/foo.es.md' -> 'resources/foo', as urls.UrlStyle and the catalogue name pages."""
    name = src_uri.removesuffix(".md")
    base, dot, suffix = name.rpartition(".")
    return base if dot and suffix in languages else name


def head(catalogue: Catalogue, page: Page, site: Site, offline: bool = False) -> Head:
    t = catalogue.translator(page.lang)
    stem = stem_of(page.src_uri, catalogue.languages)
    canonical = site.page(stem, page.lang)
    found = catalogue.version_at(page.src_uri)
    title = t("site_name") if page.kind == "home" else page.title
    # a link preview in a chat or a feed is read away from the page and its sample notice
    og = [("og:type", "article" if found else "website"), ("og:site_name", t("site_name")),
          ("og:title", site.title(title, page.lang)),
          ("og:description", page.description), ("og:url", canonical), ("og:locale", og_locale(t.format_locale))]
    og += [("og:locale:alternate", og_locale(catalogue.translator(lang).format_locale))
           for lang in page.translations if lang != page.lang]
    cite: list[tuple[str, str]] = []
    if found:
        og.append(("article:published_time", found[0].date.isoformat()))
        data = resource_data(catalogue, found[0], found[1], site)
        if not found[0].is_event:  # a meeting is not cited; what it published is a resource of its own
            pdf = citations.pdf_of(found[0], found[1].lang)
            cite = citations.meta_tags(citations.citation(catalogue, found[0], found[1].lang, site), site.at(pdf) if pdf else "")
    else:
        data = page_data(catalogue, page, stem, title, canonical, site)
    feed = feeds.feed_for_page(catalogue, stem)
    link = None
    if feed is not None:
        # a feed reader cannot follow a file on disk: the offline copy links to the online feed
        path = site.prefix(page.lang) + feed.path
        link = {"title": feeds.title(catalogue, feed, page.lang), "label": t("feed_subscribe"),
                "href": site.at(path) if offline else relative(page.url, path), "external": offline}
    return Head(canonical, og, json_ld(data), link, cite)


@functools.cache
def og_locale(locale: str) -> str:
    """Open Graph's language_TERRITORY: en_GB as it is, else from CLDR's likely subtags: es -> es_ES."""
    if "_" in locale:
        return locale
    likely = Locale.parse(get_global("likely_subtags").get(locale, locale))
    return f"{locale}_{likely.territory}" if likely.territory else locale


def json_ld(data: dict[str, Any]) -> str:
    """JSON that cannot end its <script> element or open a comment: <, > and & as \\u escapes,
    which every JSON parser reads back as the same characters."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# -- schema.org ------------------------------------------------------------------------------

def resource_data(catalogue: Catalogue, resource: Resource, version: Version, site: Site) -> dict[str, Any]:
    kind = SCHEMA_TYPES.get(resource.type, "CreativeWork")
    url = site.page(resource.path_stem, version.lang)
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": kind, "@id": url, "url": url,
                            # a harvester reads it away from the page and its sample notice
                            "name": site.title(version.title, version.lang), "description": version.summary,
                            "inLanguage": version.lang}
    # no "license": the data describe the publication, which keeps its publisher's terms; the hub's
    # licence covers its own texts, as the page's footer says, and a harvester would take it for the work's
    organisations = [_organisation(catalogue, org.id) for org in catalogue.creators(resource)]
    funders = [_organisation(catalogue, org.id) for org in catalogue.funders(resource)]
    if funders:
        data["funder"] = funders  # donors fund the work; they are not its authors
    if kind == "Event":
        data.update(_event(resource, url, organisations))
    else:
        data.update({
            "datePublished": resource.date.isoformat(),
            "author": [{"@type": "Organization", "name": name} for name in resource.authors] or organisations,
            "publisher": organisations,
            "keywords": [catalogue.topics[x].text("label", version.lang)[0] for x in resource.topics],
            "spatialCoverage": [{"@type": "Place", "name": catalogue.regions[r].text(version.lang)[0].name}
                                for r in resource.regions],
            "isPartOf": _website(catalogue, version.lang, site),
        })
        if kind in ARTICLES:
            data["headline"] = version.title
    if version.lang != resource.lang:  # events are translated too
        data["translationOfWork"] = {"@id": site.page(resource.path_stem, resource.lang)}
    elif len(resource.versions) > 1:
        data["workTranslation"] = [{"@id": site.page(resource.path_stem, lang)} for lang in resource.versions
                                   if lang != resource.lang]
    if resource.url:
        data["sameAs"] = resource.url  # the original publication
    return data


def _event(event: Resource, url: str, organisations: list[dict]) -> dict[str, Any]:
    """Where and how to attend: 'online' in the location (or a livestream) makes it online or mixed."""
    words = (event.location or "").casefold()
    online = "online" in words or bool(event.livestream)
    # the place without the words that say it is also online: 'Dubai, UAE and online' -> 'Dubai, UAE'
    place = re.sub(r"(?i)[\s,;]*(?:\band\b|&|\+|/)?\s*\bonline\b\s*(?:\band\b|&|\+|/)?[\s,;.]*", " ",
                   event.location or "").strip(" ,;")
    in_person = bool(place)
    mode = "Mixed" if online and in_person else "Online" if online else "Offline"
    places: list[dict[str, Any]] = []
    if in_person:
        places.append({"@type": "Place", "name": place, "address": place})
    if online:
        places.append({"@type": "VirtualLocation", "url": event.livestream or event.registration or url})
    data: dict[str, Any] = {
        "startDate": event.start.isoformat() if event.start else None,
        "endDate": (event.end or event.start).isoformat() if event.start else None,
        "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": places[0] if len(places) == 1 else places,
        "organizer": organisations,
    }
    return {key: value for key, value in data.items() if value is not None}


def page_data(catalogue: Catalogue, page: Page, stem: str, title: str, url: str, site: Site) -> dict[str, Any]:
    """Home: the WebSite; a region: a Place; an organisation: the Organization; other pages: WebPage."""
    parts = stem.split("/")
    if page.kind == "home":
        return {"@context": "https://schema.org", **_website(catalogue, page.lang, site),
                "description": page.description, "potentialAction": {
                    "@type": "SearchAction", "query-input": "required name=search_term_string",
                    "target": {"@type": "EntryPoint",
                               "urlTemplate": site.page("search/index", page.lang) + "?q={search_term_string}"}}}
    base = {"@context": "https://schema.org", "url": url, "description": page.description}
    if page.kind == "region":
        text = catalogue.regions[parts[1]].text(page.lang)[0]
        return {**base, "@type": "Place", "@id": url, "name": text.name, "description": text.description}
    if page.kind == "organisation":
        org = catalogue.organisations[parts[1]]
        description = catalogue.organisation_description(org, page.lang)[0]
        return {**base, **_organisation(catalogue, org.id), "description": description, "mainEntityOfPage": url,
                **({"logo": site.at(org.logo)} if org.logo else {})}
    return {**base, "@type": "CollectionPage" if page.kind in LISTINGS else "WebPage", "name": title,
            "inLanguage": page.lang, "isPartOf": _website(catalogue, page.lang, site)}


def _website(catalogue: Catalogue, lang: str, site: Site) -> dict[str, Any]:
    t = catalogue.translator(lang)
    return {"@type": "WebSite", "name": t("site_name"), "url": site.page("index", lang), "inLanguage": lang}


def _organisation(catalogue: Catalogue, org_id: str) -> dict[str, Any]:
    """An organisation as resources name it; its own page adds description and logo."""
    org = catalogue.organisations[org_id]
    return {"@type": "Organization", "name": org.name, "alternateName": org.short_name, "url": org.website}
