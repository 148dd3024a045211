"""HTML fragments for listings and resource pages. Every contributor string passes through
`esc`; nothing here trusts front matter. Fragments are single blocks (no blank lines inside)
so Markdown passes them through untouched."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from .address import Site
from .enrich import is_past, last_day
from .model import Catalogue, Resource, Term
from .strings import Translator, utc_offset
from .urls import UrlStyle, links_from, relative


def esc(text: object) -> str:
    return escape(str(text), quote=True)


@dataclass
class Context:
    """Where a fragment is rendered: the page's language and address."""

    catalogue: Catalogue
    lang: str
    url: str  # site-relative URL of the page being rendered
    style: UrlStyle
    site: Site | None = None  # the public address, for what must be absolute (citations)

    def __post_init__(self) -> None:
        self.t = self.catalogue.translator(self.lang)

    def href(self, stem: str, lang: str | None = None) -> str:
        return relative(self.url, self.style.page(stem, lang or self.lang))

    def href_file(self, path: str) -> str:
        return relative(self.url, self.style.file(path))

    def term(self, term: Term, key: str = "label") -> str:
        """A vocabulary label in the page's language, marked as English when untranslated."""
        text, lang = term.text(key, self.lang)
        return self.in_lang(text, lang)

    def in_lang(self, text: str, lang: str) -> str:
        if lang == self.lang:
            return esc(text)
        return f'<span lang="{esc(lang)}">{esc(text)}</span>'


# Stems of generated pages; the type pages of news and events are their own sections.
def type_stem(type_id: str) -> str:
    return {"news": "news/index", "event": "events/index"}.get(type_id, f"types/{type_id}")


def region_stem(region_id: str) -> str:
    return f"regions/{region_id}"


def topic_stem(topic_id: str) -> str:
    return f"topics/{topic_id}"


def organisation_stem(org_id: str) -> str:
    return f"organisations/{org_id}"


def resource_href(resource: Resource, ctx: Context) -> tuple[str, str]:
    """(link, language of the page linked): the reader's language when translated."""
    version = resource.version(ctx.lang)
    return ctx.href(resource.path_stem, version.lang), version.lang


def lang_badge(lang: str, ctx: Context) -> str:
    """'EN' for the eye, with the name in itself as its tooltip; a screen reader says the language's
    name in the reader's words instead of spelling out two letters. hub-search.js writes search results' alike."""
    return (f'<span class="hub-badge hub-badge--lang" title="{esc(ctx.t.language_name(lang))}">'
            f'<span lang="{esc(lang)}" aria-hidden="true">{esc(lang.upper())}</span>'
            f'<span class="hub-visually-hidden"> ({esc(ctx.t.language_in_text(lang))})</span></span>')


def links(items: list[tuple[str, str]]) -> str:
    return ", ".join(f'<a href="{esc(href)}">{label}</a>' for href, label in items)


def region_links(resource: Resource, ctx: Context) -> str:
    return links([(ctx.href(region_stem(r)), _region_name(r, ctx)) for r in resource.regions])


def _region_name(region_id: str, ctx: Context) -> str:
    return ctx.in_lang(*ctx.catalogue.regions[region_id].name_in(ctx.lang))


def card(resource: Resource, ctx: Context, level: int = 3) -> str:
    """A resource in a listing: type, date, regions, title in the reader's language, summary."""
    href, lang = resource_href(resource, ctx)
    version = resource.version(ctx.lang)
    type_term = ctx.catalogue.types[resource.type]
    badge = "" if lang == ctx.lang else " " + lang_badge(lang, ctx)
    lang_attr = "" if lang == ctx.lang else f' lang="{esc(lang)}" hreflang="{esc(lang)}"'
    event = resource.is_event and resource.start
    when = event_when(resource, ctx) if event else _time(resource.date, ctx)
    # the title first, for a screen reader moving by headings and for the keyboard; hub.css shows
    # the type, date and regions above it
    return (
        f'<li class="hub-card">'
        f'<h{level} class="hub-card__title"><a href="{esc(href)}"{lang_attr}>{esc(version.title)}</a>{badge}</h{level}>'
        f'<p class="hub-card__meta"><span class="hub-type">{ctx.term(type_term)}</span> · {when} · {region_links(resource, ctx)}'
        f'{event_time_line(resource, ctx) if event else ""}</p>'
        f'<p class="hub-card__summary"{"" if lang == ctx.lang else f" lang={chr(34)}{esc(lang)}{chr(34)}"}>{esc(version.summary)}</p>'
        f"</li>"
    )


ROOT = "\x00site\x00"  # marks a site-relative address in a card rendered once for every page that lists it
_ROOTED = re.compile(ROOT + '([^"]*)')
_ROOTED_LINK = re.compile('<a href="' + ROOT + '([^"]*)">(.*?)</a>')


class RootedContext(Context):
    """Links written as ROOT + site-relative address: a card rendered in it serves every page of its
    language once each address is made relative to that page, instead of being rendered again for
    each of the five or more listings that show it (most of the time spent generating listings)."""

    def href(self, stem: str, lang: str | None = None) -> str:
        return ROOT + self.style.page(stem, lang or self.lang)

    def href_file(self, path: str) -> str:
        return ROOT + self.style.file(path)


class CardCache:
    """Cards of one language, rendered once each (see RootedContext)."""

    def __init__(self, catalogue: Catalogue, lang: str, style: UrlStyle):
        self.ctx = RootedContext(catalogue, lang, "", style)
        self.cards: dict[tuple[str, int], str] = {}

    @staticmethod
    def shared(catalogue: Catalogue, lang: str, style: UrlStyle) -> CardCache:
        """The one cache of a language for every page of the catalogue: the listings and each resource
        page's related resources, which rendered its five cards afresh on every page."""
        caches = catalogue.derived("cards")
        if (lang, style) not in caches:
            caches[lang, style] = CardCache(catalogue, lang, style)
        return caches[lang, style]

    def card(self, resource: Resource, level: int) -> str:
        key = (resource.path_stem, level)
        if key not in self.cards:
            self.cards[key] = card(resource, self.ctx, level)
        return self.cards[key]


def card_list(resources: list[Resource], ctx: Context, level: int = 3) -> str:
    """The cards of `resources` for the page of `ctx`, from its language's shared cache."""
    if not resources:
        return f'<div class="hub-empty"><p>{esc(ctx.t("empty_list"))}</p></div>'
    cache = CardCache.shared(ctx.catalogue, ctx.lang, ctx.style)
    cards = "".join(cache.card(r, level) for r in resources)
    # a card's link to the page it is listed on (a region's name on that region's page) is its name
    # alone: the same link on every card was a dozen stops for the keyboard that lead nowhere new
    cards = _ROOTED_LINK.sub(lambda found: found.group(2) if found.group(1) == ctx.url else found.group(0), cards)
    link = links_from(ctx.url)
    return '<ul class="hub-cards">' + _ROOTED.sub(lambda rooted: link(rooted.group(1)), cards) + "</ul>"


def _time(value: dt.date, ctx: Context) -> str:
    return f'<time datetime="{value.isoformat()}">{esc(ctx.t.date(value))}</time>'


def event_when_text(event: Resource, t: Translator) -> str:
    """'10 Dec 2023, 14:00–15:30 (UTC+04:00, Dubai)' in the event's own zone, as the organisers wrote
    it, the zone named by its city in the reader's language; '10 Dec 2023 – 11 Dec 2023' for days."""
    start, end = event.start, event.end
    if event.all_day:
        return t.date(start) + (f" – {t.date(end)}" if end and end != start else "")
    zone = f", {t.zone_city(event.timezone)}" if event.timezone else ""
    if end and utc_offset(end) != utc_offset(start):  # the clocks change (summer time) between start and end
        return f"{t.date(start)}, {t.time(start)} ({utc_offset(start)}) – {t.date(end)}, {t.time(end)} ({utc_offset(end)}{zone})"
    return f"{_from_to(start, end, t)} ({utc_offset(start)}{zone})"


def _from_to(start: dt.datetime, end: dt.datetime | None, t: Translator) -> str:
    """'10 Dec 2023, 14:00–15:30', or with both dates when it ends on another day, as the clock of
    the moments given reads."""
    text = f"{t.date(start)}, {t.time(start)}"
    if end:
        same_day = end.date() == start.date()
        text += f"–{t.time(end)}" if same_day else f" – {t.date(end)}, {t.time(end)}"
    return text


def event_utc_text(event: Resource, t: Translator) -> str:
    """'UTC: 10 Dec 2023, 10:00–11:30': the line hub.js turns into the reader's own time."""
    return t("event_utc_time", time=_from_to(event.start.astimezone(dt.UTC), event.end and event.end.astimezone(dt.UTC), t))


def event_when(event: Resource, ctx: Context) -> str:
    """The event's time for a page; hub.js adds the time in the reader's zone, and says that an
    event still to come when the hub was built has ended, to a reader who opens the page later
    (an offline copy can be months old)."""
    start, end = event.start, event.end
    over = "" if is_past(event, ctx.catalogue.today) else \
        f' data-last-day="{last_day(event).isoformat()}" data-ended="{esc(ctx.t("event_ended"))}"'
    if event.all_day:
        return f'<time datetime="{start.isoformat()}"{over}>{esc(event_when_text(event, ctx.t))}</time>'
    return (f'<time class="hub-event-time" datetime="{start.isoformat()}" data-end="{end.isoformat() if end else ""}" '
            f'data-zone="{esc(event.timezone)}" data-local="{esc(ctx.t("event_local_time"))}"{over}>'
            f'{esc(event_when_text(event, ctx.t))}</time>')


def event_time_line(event: Resource, ctx: Context) -> str:
    """A line of its own, after event_when's, with the time in UTC, where hub.js writes the reader's
    own time. Written by the build, the line holds its place from the first paint: added later, it
    pushed every card below it down (a layout shift of 0.16 on the library). '' for all-day events."""
    if event.all_day:
        return ""
    return f'<span class="hub-local-time">{esc(event_utc_text(event, ctx.t))}</span>'


def pagination(stem: str, page: int, pages: int, ctx: Context) -> str:
    if pages <= 1:
        return ""
    items = []
    if page > 1:
        items.append(f'<a rel="prev" href="{esc(ctx.href(page_stem(stem, page - 1)))}">{esc(ctx.t("previous_page"))}</a>')
    for n in range(1, pages + 1):
        if n == page:
            items.append(f'<span aria-current="page">{ctx.t.number(n)}</span>')
        elif n in (1, pages) or abs(n - page) <= 2:
            items.append(f'<a href="{esc(ctx.href(page_stem(stem, n)))}">{ctx.t.number(n)}</a>')
        elif abs(n - page) == 3:
            items.append("<span>…</span>")
    if page < pages:
        items.append(f'<a rel="next" href="{esc(ctx.href(page_stem(stem, page + 1)))}">{esc(ctx.t("next_page"))}</a>')
    label = esc(ctx.t("pagination_label", page=ctx.t.number(page), pages=ctx.t.number(pages)))
    return f'<nav class="hub-pagination" aria-label="{label}">' + " ".join(items) + "</nav>"


def page_stem(stem: str, page: int) -> str:
    """The stem of page `page` of a paginated listing."""
    return stem if page == 1 else f"{stem.removesuffix('/index')}/page/{page}"


def external_link(url: str, label: str, ctx: Context) -> str:
    domain = shown_domain(url)
    return (f'<a class="hub-external" href="{esc(url)}" rel="noopener noreferrer">{esc(label)} '
            f'<span class="hub-domain">({esc(domain)})</span>'
            f'<span class="hub-external__note"> {esc(ctx.t("external_note"))}</span></a>')


def shown_domain(url: str) -> str:
    """The site a link leads to, as the reader should judge it: a name in other scripts is shown in
    its ASCII form (xn--…), so that 'www.іlo.org' with a Cyrillic 'і' cannot pass for www.ilo.org."""
    host = urlsplit(url).hostname or url
    try:
        return host if host.isascii() else host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def resource_header(resource: Resource, ctx: Context) -> str:
    """The metadata block above a resource's text, each value linked to its listing."""
    cat, t = ctx.catalogue, ctx.t
    rows = [
        (t("label_type"), f'<a href="{esc(ctx.href(type_stem(resource.type)))}">{ctx.term(cat.types[resource.type])}</a>'),
        (t("label_regions"), region_links(resource, ctx)),
        (t("label_topics"), links([(ctx.href(topic_stem(x)), ctx.term(cat.topics[x])) for x in resource.topics])),
        (t("label_organisations"), links([(ctx.href(organisation_stem(x)), esc(cat.organisations[x].short_name)) for x in resource.partners])),
    ]
    if resource.is_event and resource.start:
        rows.append((t("label_when"), event_when(resource, ctx) + event_time_line(resource, ctx)))
        if resource.location:
            rows.append((t("label_where"), ctx.in_lang(*resource.place(ctx.lang))))
    # an event's date is the day it was announced (the validator holds it before 'start')
    rows.append((t("label_announced" if resource.is_event else "label_published"), _time(resource.date, ctx)))
    if resource.authors:
        rows.append((t("label_authors"), ctx.in_lang(", ".join(resource.authors), resource.lang)))
    # each language by its own name, marked as written in it: a screen reader says "Español" in Spanish
    rows.append((t("label_languages"), ", ".join(ctx.in_lang(t.language_name(c), c) for c in resource.languages)))
    body = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows)
    version = resource.version(ctx.lang)
    note = ""
    if version.lang != ctx.lang:
        note = f'<p class="hub-note">{esc(t("only_in_language", language=t.language_name(version.lang)))}</p>'
    return f'<div class="hub-resource-meta">{note}<p class="hub-lead">{esc(version.summary)}</p><dl class="hub-facts">{body}</dl></div>'


def resource_footer(resource: Resource, ctx: Context) -> str:
    """Below the text: the original, attachments, other languages, how to cite and related resources."""
    from . import citations, ics

    t, parts = ctx.t, []
    actions = []
    if resource.url:
        actions.append(f"<li>{external_link(resource.url, t('read_original'), ctx)}</li>")
    # registering, watching live and adding to a calendar end with the event, also on a page built
    # before (an offline copy read months later): hub.js hides them after the day in data-until
    upcoming = resource.is_event and _upcoming(resource, ctx)
    until = f' data-until="{last_day(resource).isoformat()}"' if upcoming else ""
    for key in ("registration", "livestream", "recording"):
        url = getattr(resource, key)
        live = key != "recording"
        if url and (upcoming or not live):
            actions.append(f"<li{until if live else ''}>{external_link(url, t('event_' + key), ctx)}</li>")
    if upcoming and resource.start:
        calendar = ctx.href_file(ics.path(resource))
        actions.append(f'<li{until}><a href="{esc(calendar)}" download>{esc(t("add_to_calendar"))}</a></li>')
    if actions:  # under a heading of their own, or a screen reader takes them for the text's last section
        parts.append(f'<h2 class="hub-visually-hidden">{esc(t("actions_heading"))}</h2>'
                     f'<ul class="hub-actions">{"".join(actions)}</ul>')
    if resource.files:
        items = "".join(
            # the size inside the link, so that a list of links says it too
            f'<li><a href="{esc(ctx.href_file(f.path))}" download>{ctx.in_lang(f.title, f.language or resource.lang)} '
            f'<span class="hub-size">({esc(f.path.rsplit(".", 1)[-1].upper())}, {esc(t.size(f.size))}'
            f'{", " + ctx.in_lang(t.language_name(f.language), f.language) if f.language else ""})</span></a></li>'
            for f in resource.files)
        parts.append(f'<h2 id="hub-downloads">{esc(t("downloads"))}</h2><ul class="hub-downloads">{items}</ul>')
    others = [v for lang, v in resource.versions.items() if lang != ctx.lang]
    if others:
        items = "".join(
            f'<li><a href="{esc(ctx.href(resource.path_stem, v.lang))}" hreflang="{esc(v.lang)}" lang="{esc(v.lang)}">'
            f'{esc(t.language_name(v.lang))}: {esc(v.title)}</a></li>' for v in others)
        parts.append(f'<h2 id="hub-other-languages">{esc(t("other_languages"))}</h2><ul class="hub-translations">{items}</ul>')
    if ctx.site is not None:  # a citation gives the page's public address
        cite = citations.citation(ctx.catalogue, resource, ctx.lang, ctx.site)
        files = " · ".join(f'<a href="{esc(ctx.href_file(citations.path(resource, cite.lang, ctx.site, ext)))}" '
                           f'download>{esc(name)}</a>' for ext, name in citations.FORMATS.items())
        parts.append(f'<h2 id="hub-cite">{esc(t("cite_heading"))}</h2>'
                     f'<p class="hub-citation">{esc(citations.suggested(cite))}</p>'
                     f'<p class="hub-citation__files">{esc(t("cite_download"))} {files}</p>')
    if resource.related:
        parts.append(f'<h2 id="hub-related">{esc(t("related"))}</h2>{card_list(resource.related, ctx, level=3)}')
    return f'<div class="hub-resource-more">{"".join(parts)}</div>' if parts else ""


def _upcoming(resource: Resource, ctx: Context) -> bool:
    return not is_past(resource, ctx.catalogue.today)
