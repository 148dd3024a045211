"""The hub's generated pages, in every interface language: home, regions, topics, types,
organisations, library, events, news and search. Each page is Markdown with HTML fragments; the
MkDocs adapter writes them into the docs folder before files are collected."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from . import gfm
from . import render as r
from .api import RESOURCES_CSV, RESOURCES_JSON
from .enrich import by_shown_date, past_events, upcoming_events
from .ics import ALL_EVENTS
from .model import Catalogue, Resource
from .render import Context, esc
from .sanitize import clean
from .urls import UrlStyle

PAGE_SIZE = 50  # resources per listing page: fewer round trips for readers, fewer pages to build
GROUP_SIZE = 3  # newest resources of each type on a region page: keeps it under 10 KB at 1,000 resources
HOME_LATEST = 6
GENERATED_FOLDERS = ("regions", "topics", "types", "organisations", "library", "events", "news", "search")
BODY_MARKER = "<!-- hub:generated-body -->"


@dataclass
class GeneratedPage:
    stem: str  # path under content/ without suffixes, e.g. regions/colombia
    lang: str
    title: str
    description: str
    render: Callable[[], str]  # the body's HTML: rendered when asked, by the build of its language
    kind: str

    @cached_property
    def body(self) -> str:
        return self.render()

    def filename(self, default_language: str) -> str:
        suffix = "" if self.lang == default_language else f".{self.lang}"
        return f"{self.stem}{suffix}.md"

    def markdown(self) -> str:
        """The file MkDocs reads: front matter and a placeholder. The body is finished HTML, put in
        place after Markdown (BODY_MARKER), because Markdown would only slow down on it."""
        front = {"title": self.title, "description": self.description, "hub_page": self.kind, "hide": ["toc"]}
        lines = ["---"] + [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()] + ["---", ""]
        return "\n".join(lines) + BODY_MARKER + "\n"


def generated_sources(catalogue: Catalogue) -> frozenset[str]:
    """The Markdown files the build writes under content/, in every language: links may lead to them."""
    return frozenset(page.filename(catalogue.default_language) for page in generate(catalogue, UrlStyle()))


def generate(catalogue: Catalogue, style: UrlStyle) -> list[GeneratedPage]:
    """Every generated page of the site, for every language."""
    pages: list[GeneratedPage] = []
    for lang in catalogue.languages:
        builder = _Builder(catalogue, style, lang)
        pages.extend(builder.all())
    return pages


class _Builder:
    def __init__(self, catalogue: Catalogue, style: UrlStyle, lang: str):
        self.cat, self.style, self.lang = catalogue, style, lang
        self.t = Context(catalogue, lang, "", style).t
        self.listed = by_shown_date(catalogue)

    def ctx(self, stem: str) -> Context:
        return Context(self.cat, self.lang, self.style.page(stem, self.lang), self.style)

    def page(self, stem: str, title: str, description: str, body: Callable[[Context], str], kind: str) -> GeneratedPage:
        return GeneratedPage(stem, self.lang, title, description, lambda: body(self.ctx(stem)), kind)

    def all(self) -> Iterator[GeneratedPage]:
        yield self.home()
        yield from self.regions()
        yield from self.topics()
        yield from self.types()
        yield from self.organisations()
        data = [(RESOURCES_CSV, self.t("data_csv"), "text/csv"), (RESOURCES_JSON, self.t("data_json"), "application/json")]
        yield from self.paginated("library/index", self.t("library_title"), self.t("library_description"),
                                  self.listed, "library", lambda ctx: self.library_search(ctx) + _data_links(ctx, data))
        yield from self.events()
        yield self.page("search/index", self.t("search_title"), self.t("search_description"), self.search, "search")

    # -- listings ----------------------------------------------------------------------------

    def paginated(self, stem: str, title: str, description: str, resources: list[Resource], kind: str,
                  before: Callable[[Context], str] = lambda ctx: "", section: str = "",
                  title_lang: str = "", counted: str = "resources_count", role: str = "") -> Iterator[GeneratedPage]:
        """A listing split into pages of PAGE_SIZE; `before` opens the first page only. With a
        `section`, the list sits under that heading on every page and its cards are a level lower.
        A title in another language than the page's (`title_lang`) is marked as such in the heading;
        `counted` is the string that counts the list ("7 resources", "7 events"); a `role` names the
        section for hub.js, and its count carries its plural forms, for hub.js to count again."""
        pages = max(1, -(-len(resources) // PAGE_SIZE))
        for number in range(1, pages + 1):
            chunk = resources[(number - 1) * PAGE_SIZE: number * PAGE_SIZE]
            page_title = title if number == 1 else self.t("page_title_numbered", title=title, page=self.t.number(number))

            def body(ctx: Context, chunk=chunk, number=number) -> str:
                head = before(ctx) if number == 1 else ""
                if title_lang and title_lang != self.lang:  # the theme would write the heading unmarked
                    marked = ctx.in_lang(title, title_lang)
                    heading = marked if number == 1 else esc(self.t(
                        "page_title_numbered", title="\0", page=self.t.number(number))).replace("\0", marked)
                    head = f"<h1>{heading}</h1>{head}"
                plural = f' data-count="{len(resources)}" data-plural="{esc(self.t.plural_json(counted))}"' if role else ""
                count = f'<div class="hub-count"{plural}><p>{esc(self.t(counted, count=len(resources)))}</p></div>'
                cards = r.card_list(chunk, ctx, level=3 if section else 2)
                listing = _section(section, count + cards, role=role) if section else f"{count}\n\n{cards}"
                return "\n\n".join(x for x in (head, listing, r.pagination(stem, number, pages, ctx)) if x)

            yield self.page(r.page_stem(stem, number), page_title, description, body, kind)

    def library_search(self, ctx: Context) -> str:
        """The way to the search page's filters, which a reader of the library would not guess."""
        return f'<p><a href="{esc(ctx.href("search/index"))}">{esc(self.t("library_search"))}</a></p>'

    def home(self) -> GeneratedPage:
        def body(ctx: Context) -> str:
            # what is out already: the events still to come have their own section below
            latest = [res for res in self.listed if res.shown_date() <= self.cat.today][:HOME_LATEST]
            events = upcoming_events(self.cat)[:3]
            return "\n\n".join([
                f'<h1>{esc(self.t("site_name"))}</h1>',
                gfm.html(self.t("home_intro")),
                _section(self.t("latest_resources"), r.card_list(latest, ctx),
                         (ctx.href("library/index"), self.t("see_library", count=len(self.cat.resources)))),
                _upcoming_section(self.t("upcoming_events"), r.card_list(events, ctx) if events else "",
                                  self.t("no_upcoming_events"), (ctx.href("events/index"), self.t("see_events"))),
                _section(self.t("regions_title"), self.region_tiles(ctx)),
                _section(self.t("browse_by_topic"), self.term_list(ctx, "topics")),
            ])
        return self.page("index", self.t("home_title"), self.t("site_description"), body, "home")

    def region_tiles(self, ctx: Context) -> str:
        counts = Counter(region for res in self.cat.resources for region in res.regions)
        items = []
        for region in self.cat.regions.values():
            name, name_lang = region.name_in(self.lang)
            description, description_lang = region.description_in(self.lang)
            items.append(
                f'<li class="hub-tile"><a href="{esc(ctx.href(r.region_stem(region.id)))}">'
                f'<span class="hub-tile__name">{ctx.in_lang(name, name_lang)}</span></a>'
                f'<span class="hub-tile__text">{ctx.in_lang(description, description_lang)}</span>'
                f'<span class="hub-tile__count">{esc(self.t("resources_count", count=counts[region.id]))}</span></li>')
        return f'<ul class="hub-tiles">{"".join(items)}</ul>'

    def term_list(self, ctx: Context, kind: str) -> str:
        terms = getattr(self.cat, kind)
        key = "topics" if kind == "topics" else "type"
        counts = Counter(x for res in self.cat.resources for x in (res.topics if kind == "topics" else [res.type]))
        stem = r.topic_stem if kind == "topics" else r.type_stem
        items = "".join(
            f'<li><a href="{esc(ctx.href(stem(term.id)))}">{ctx.term(term, "plural" if key == "type" else "label")}</a> '
            f'<span class="hub-count">({ctx.t.number(counts[term.id])})</span> '
            f'<span class="hub-term__text">{ctx.term(term, "description")}</span></li>'
            for term in terms.values())
        return f'<ul class="hub-terms">{items}</ul>'

    # -- regions -------------------------------------------------------------------------------

    def regions(self) -> Iterator[GeneratedPage]:
        yield self.page("regions/index", self.t("regions_title"), self.t("regions_description"),
                        lambda ctx: self.region_tiles(ctx), "regions")
        for region in self.cat.regions.values():
            yield from self.region(region.id)

    def region(self, region_id: str) -> Iterator[GeneratedPage]:
        region = self.cat.regions[region_id]
        text, text_lang = region.text(self.lang)
        resources = [res for res in self.listed if region_id in res.regions]
        by_type: dict[str, list[Resource]] = {t: [] for t in self.cat.types}
        for res in resources:
            by_type[res.type].append(res)
        stem = r.region_stem(region_id)

        def body(ctx: Context) -> str:
            intro = f'<div class="hub-intro">{clean(gfm.html(text.intro, self.cat.translator(text_lang)))}</div>'
            if text_lang != self.lang:
                intro = (f'<div class="hub-fallback" lang="{text_lang}">'
                         f'<p class="hub-note" lang="{self.lang}">{esc(self.t("shown_in_english"))}</p>{intro}</div>')
            # shown by hub.js to a reader whom the language menu of an untranslated resource sent here
            arrived = f'<p class="hub-note hub-untranslated" hidden>{esc(self.t("arrived_untranslated"))}</p>'
            parts = [arrived + intro, f'<div class="hub-count"><p>{esc(self.t("resources_count", count=len(resources)))}</p></div>']
            events = upcoming_events(self.cat, region_id)
            if events:
                parts.append(_upcoming_section(self.t("upcoming_events"), r.card_list(events[:GROUP_SIZE], ctx)))
            orgs = Counter(p for res in resources for p in res.partners)
            if orgs:
                items = "".join(f'<li><a href="{esc(ctx.href(r.organisation_stem(o)))}">{esc(self.cat.organisations[o].short_name)}</a> '
                                f'<span class="hub-count">({ctx.t.number(n)})</span></li>'
                                for o, n in sorted(orgs.items(), key=lambda x: (-x[1], x[0])))
                parts.append(_section(self.t("active_organisations"), f'<ul class="hub-inline">{items}</ul>'))
            for type_id, items in by_type.items():
                if not items:
                    continue
                heading = f"{self.cat.types[type_id].text('plural', self.lang)[0]} ({ctx.t.number(len(items))})"
                more = None
                if len(items) > GROUP_SIZE:
                    more = (ctx.href(f"{stem}/{type_id}"), self.t("see_all_count", count=len(items)))
                parts.append(_section(heading, r.card_list(items[:GROUP_SIZE], ctx), more))
            if not resources:
                parts.append(_empty(self.t("empty_list")))
            return "\n\n".join(parts)

        yield self.page(stem, text.name, text.description, body, "region")
        for type_id, items in by_type.items():
            if len(items) > GROUP_SIZE:
                label = self.cat.types[type_id].text("plural", self.lang)[0]
                title = self.t("region_type_title", type=label, region=text.name)
                # the region's description after the page's own title: each page's description is its own
                yield from self.paginated(f"{stem}/{type_id}", title, f"{title}. {text.description}", items, "region-type")

    # -- topics, types, organisations -----------------------------------------------------------

    def topics(self) -> Iterator[GeneratedPage]:
        yield self.page("topics/index", self.t("topics_title"), self.t("topics_description"),
                        lambda ctx: self.term_list(ctx, "topics"), "topics")
        for topic in self.cat.topics.values():
            items = [res for res in self.listed if topic.id in res.topics]
            description = topic.text("description", self.lang)[0]
            yield from self.paginated(r.topic_stem(topic.id), topic.text("label", self.lang)[0], description, items, "topic",
                                      before=lambda ctx, d=description: f'<div class="hub-lead"><p>{esc(d)}</p></div>')

    def types(self) -> Iterator[GeneratedPage]:
        yield self.page("types/index", self.t("types_title"), self.t("types_description"),
                        lambda ctx: self.term_list(ctx, "types"), "types")
        for type_id, term in self.cat.types.items():
            if type_id == "event":
                continue  # the events page lists them, upcoming first
            items = [res for res in self.listed if res.type == type_id]
            description = term.text("description", self.lang)[0]
            yield from self.paginated(r.type_stem(type_id), term.text("plural", self.lang)[0], description, items,
                                      "news" if type_id == "news" else "type",
                                      before=lambda ctx, d=description: f'<div class="hub-lead"><p>{esc(d)}</p></div>')

    def organisations(self) -> Iterator[GeneratedPage]:
        yield self.page("organisations/index", self.t("organisations_title"), self.t("organisations_description"),
                        self.directory, "organisations")
        for org in self.cat.organisations.values():
            items = [res for res in self.listed if org.id in res.partners]
            group = self.cat.groups[org.group]

            def before(ctx: Context, org=org, group=group) -> str:
                facts = (f'<dl class="hub-facts"><dt>{esc(self.t("label_role"))}</dt><dd>{esc(self.t("role_" + org.role))}</dd>'
                         f'<dt>{esc(self.t("label_group"))}</dt><dd>{ctx.term(group)}</dd>'
                         f'<dt>{esc(self.t("label_website"))}</dt><dd>{r.external_link(org.website, org.short_name, ctx)}</dd></dl>')
                ack = self.acknowledgement(org, "p")
                text, text_lang = self.cat.organisation_description(org, self.lang)
                return (f'<div class="hub-org">{logo(org, ctx, lazy=False)}{self.english_note("description_in_english", [text_lang])}'
                        f'<p class="hub-lead"{_lang_attr(text_lang, self.lang)}>{esc(text)}</p>{facts}{ack}</div>')

            name, name_lang = self.cat.organisation_name(org, self.lang)
            description = self.cat.organisation_description(org, self.lang)[0]
            yield from self.paginated(r.organisation_stem(org.id), name, description, items, "organisation", before,
                                      title_lang=name_lang)

    def english_note(self, key: str, text_langs: list[str]) -> str:
        """Says that the text after it is English, on a page in another language, where a description
        in partners.yml has no translation in locales/<lang>.yml yet."""
        shown = "en" in text_langs and self.lang != "en"
        return f'<p class="hub-note">{esc(self.t(key))}</p>' if shown else ""

    def acknowledgement(self, org, tag: str) -> str:
        """A donor's funding acknowledgement in the page's language, or marked with its own."""
        if not org.acknowledgement:
            return ""
        text, text_lang = self.cat.acknowledgement(org, self.lang)
        return f'<{tag} class="hub-ack"{_lang_attr(text_lang, self.lang)}>{esc(text)}</{tag}>'

    def directory(self, ctx: Context) -> str:
        """Organisations by role; implementing partners by the stakeholder group they represent."""
        counts = Counter(p for res in self.cat.resources for p in res.partners)
        def entry(org) -> str:
            ack = self.acknowledgement(org, "span")
            text, text_lang = self.cat.organisation_description(org, self.lang)
            return (f'<li class="hub-org-entry">{logo(org, ctx)}<a href="{esc(ctx.href(r.organisation_stem(org.id)))}">{ctx.in_lang(*self.cat.organisation_name(org, ctx.lang))}</a> '
                    f'<span class="hub-count">({esc(self.t("resources_count", count=counts[org.id]))})</span>'
                    f'<span class="hub-term__text"{_lang_attr(text_lang, self.lang)}>{esc(text)}</span>{ack}</li>')
        langs = [self.cat.organisation_description(org, self.lang)[1] for org in self.cat.organisations.values()]
        parts = [self.english_note("descriptions_in_english", langs)]
        for role in ("implementing-partner", "donor", "circle-of-friends"):
            members = [o for o in self.cat.organisations.values() if o.role == role]
            if role == "implementing-partner":
                groups = "".join(
                    f'<h3>{ctx.term(group)}</h3><ul class="hub-orgs">{"".join(entry(o) for o in members if o.group == gid)}</ul>'
                    for gid, group in self.cat.groups.items() if any(o.group == gid for o in members))
                parts.append(f'<div class="hub-section"><h2>{esc(self.t("role_plural_" + role))}</h2>{groups}</div>')
            elif members:
                parts.append(_section(self.t("role_plural_" + role), f'<ul class="hub-orgs">{"".join(entry(o) for o in members)}</ul>'))
            else:
                parts.append(_section(self.t("role_plural_" + role), _empty(self.t("empty_" + role))))
        return "\n\n".join(part for part in parts if part)

    # -- search ----------------------------------------------------------------------------------

    def search(self, ctx: Context) -> str:
        """The search page: a form that works as a link target, facets filled in by hub-search.js."""
        from .search_records import FILTERS, filter_labels

        browse = ", ".join(f'<a href="{esc(ctx.href(stem))}">{esc(self.t(key))}</a>' for stem, key in (
            ("regions/index", "regions_title"), ("topics/index", "topics_title"), ("types/index", "types_title"),
            ("organisations/index", "organisations_title"), ("library/index", "library_title")))
        # each language is named in itself (Translator.language_name): hub-search.js marks the names with these codes
        codes = sorted({code for res in self.cat.resources for code in res.languages})
        names = esc(json.dumps({self.t.language_name(code): code for code in codes}, ensure_ascii=False))

        # value -> id of the filters that are words of this language: hub-search.js hands them to another
        # language's search page as ids, which that page turns into its own words
        ids = {name: esc(json.dumps({label: x for x, label in values.items()}, ensure_ascii=False))
               for name, values in filter_labels(self.cat, self.lang).items()}

        def facet(name: str) -> str:
            langs = f' data-langs="{names}"' if name == "language" else f' data-ids="{ids[name]}"' if name in ids else ""
            return (f'<fieldset class="hub-facet" data-facet="{name}"{langs} hidden><legend>{esc(self.t("facet_" + name))}'
                    f'</legend><div class="hub-facet__options"></div></fieldset>')
        facets = "".join(facet(name) for name in FILTERS)
        # Where most resources are in another language, a reader with few results learns that their own
        # words search titles, summaries and labels only: words of the resources' language find more
        # (data-few); or, with some in that language among the results, that its search page reads its
        # texts whole (data-few-whole).
        own = sum(1 for res in self.cat.resources if self.lang in res.versions)
        other = Counter(res.lang for res in self.cat.resources if self.lang not in res.versions).most_common(1)
        few = ""
        if other and own * 2 < len(self.cat.resources):
            language = self.t.language_in_text(other[0][0])
            few = (f' data-few="{esc(self.t("search_few", language=language))}" data-few-lang="{esc(other[0][0])}"'
                   f' data-few-whole="{esc(self.t("search_few_whole", language=language, words="{words}"))}"')
        return (
            f'<div class="hub-search-page" id="hub-search-page" data-lang="{esc(self.lang)}" '
            f'data-results="{esc(self.t.plural_json("search_results"))}" data-none="{esc(self.t("search_none"))}" '
            f'data-start="{esc(self.t("search_start"))}" data-missing="{esc(self.t("search_missing", words="{words}"))}"{few}>'
            f'<form class="hub-search-form" role="search" aria-label="{esc(self.t("search_title"))}" '  # not the header's name
            f'action="{esc(ctx.href("search/index"))}">'
            f'<label for="hub-search-q">{esc(self.t("search_label"))}</label> '
            f'<input id="hub-search-q" name="q" type="search" autocomplete="off"> '
            f'<button class="md-button md-button--primary" type="submit">{esc(self.t("search_button"))}</button></form>'
            f'<noscript><p class="hub-note">{esc(self.t("search_noscript"))} {browse}.</p></noscript>'
            f'<div class="hub-search-layout">'
            # Closed until the reader opens it or a link carries filters: the counts come from the
            # index's filter files, the largest part of a search's download.
            f'<details class="hub-facets"><summary>{esc(self.t("search_filters"))}<span class="hub-facets__active"></span></summary>'
            f'<div role="group" aria-label="{esc(self.t("search_filters"))}">{facets}'
            f'<button class="hub-facets__clear" type="button" hidden>{esc(self.t("search_clear"))}</button>'
            # on a phone the open filters fill screens: this closes them and goes to the results
            f' <button class="md-button md-button--primary hub-facets__done" type="button">'
            f'{esc(self.t("search_show_results"))}</button>'
            f'</div></details>'
            f'<div class="hub-search-results"><p class="hub-search-status" role="status" aria-live="polite"></p>'
            f'<button class="md-button hub-everything" type="button" hidden></button>'
            f'<ol class="hub-results"></ol>'
            f'<button class="md-button hub-more" type="button" hidden>{esc(self.t("search_more"))}</button></div>'
            f'</div></div>'
        )

    # -- events ----------------------------------------------------------------------------------

    def events(self) -> Iterator[GeneratedPage]:
        upcoming = upcoming_events(self.cat)
        before = lambda ctx: _upcoming_section(self.t("upcoming_events"),  # noqa: E731
                                               r.card_list(upcoming, ctx) if upcoming else "",
                                               self.t("no_upcoming_events")) \
            + _data_links(ctx, [(ALL_EVENTS, self.t("events_calendar"), "text/calendar")])
        yield from self.paginated("events/index", self.t("events_title"), self.t("events_description"),
                                  past_events(self.cat), "events", before, section=self.t("past_events"),
                                  counted="events_count", role="past")


def logo(org, ctx: Context, lazy: bool = True) -> str:
    """An organisation's logo: a small local file, its name as the text alternative. Loaded when
    scrolled to in a list; at the top of the organisation's own page, at once."""
    if not org.logo:
        return ""
    loading = ' loading="lazy"' if lazy else ' loading="eager"'  # said, or catalogue.images would make it lazy
    return (f'<img class="hub-logo" src="{esc(ctx.href_file(org.logo))}" alt="{esc(org.short_name)}" '
            f'width="160" height="48"{loading} decoding="async">')


def _section(title: str, content: str, more: tuple[str, str] | None = None, role: str = "", empty: str = "") -> str:
    """A titled part of a listing; `role` names it for hub.js (hub-upcoming, hub-past), `empty` is
    what an upcoming list says once hub.js has taken every event out of it."""
    link = f'<p class="hub-more"><a href="{esc(more[0])}">{esc(more[1])}</a></p>' if more else ""
    kind = f" hub-{role}" if role else ""
    data = f' data-empty="{esc(empty)}"' if empty else ""
    return f'<div class="hub-section{kind}"{data}><h2>{esc(title)}</h2>{content}{link}</div>'


def _upcoming_section(title: str, cards: str, empty: str = "", more: tuple[str, str] | None = None) -> str:
    """Upcoming events. An offline copy ages, as a page does between two builds: hub.js moves the
    events over by the reader's calendar to the page's past list (or takes them out, on a page
    without one), then says `empty`, or hides the section without it, once none is left."""
    return _section(title, cards if cards else _empty(empty), more, role="upcoming" if cards else "", empty=empty if cards else "")


def _data_links(ctx: Context, files: list[tuple[str, str, str]]) -> str:
    """Links to the hub's data files (site-relative path, label, media type) for those who want the
    listing in a spreadsheet, a calendar program or their own code. Each says its size, which is
    known once the files are written: a marker holds its place (fill_data_sizes)."""
    links = " · ".join(f'<a href="{esc(ctx.href_file(path))}" type="{media}">{esc(label)}{size_marker(path)}</a>'
                       for path, label, media in files)
    return f'<p class="hub-data">{links}</p>'


_SIZE_MARKER = re.compile(r"<!-- hub:size ([\w./-]+) -->")


def size_marker(path: str) -> str:
    return f"<!-- hub:size {path} -->"


def fill_data_sizes(html: str, size_of: Callable[[str], int | None], t) -> str:
    """Put each data file's size where size_marker left its place, in the page's language (`t`);
    a file that was not written loses its marker and says nothing."""
    def size(match: re.Match) -> str:
        num_bytes = size_of(match.group(1))
        return "" if num_bytes is None else f' <span class="hub-size">({esc(t.size(num_bytes))})</span>'
    return _SIZE_MARKER.sub(size, html)


def has_size_markers(html: str) -> bool:
    return "<!-- hub:size " in html


def _lang_attr(text_lang: str, page_lang: str) -> str:
    return "" if text_lang == page_lang else f' lang="{esc(text_lang)}"'


def _empty(text: str) -> str:
    return f'<div class="hub-empty"><p>{esc(text)}</p></div>'
