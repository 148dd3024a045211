"""The catalogue's records. Contributor keys keep their front-matter names; computed
values (slug, languages a page exists in, related resources…) are named apart."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .strings import Translator


@dataclass
class Term:
    """An entry of a vocabulary: a type, a topic or a stakeholder group."""

    id: str
    label: str
    description: str
    plural: str = ""
    translations: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> {label, plural, description}

    def text(self, key: str, lang: str) -> tuple[str, str]:
        """(text, language it is in): the translation when there is one, else English."""
        value = self.translations.get(lang, {}).get(key)
        if value:
            return value, lang
        return (getattr(self, key) or self.label), "en"


@dataclass
class RegionText:
    name: str
    description: str
    intro: str  # Markdown
    path: str
    body_line: int = 1  # file line on which the intro starts


@dataclass
class Region:
    id: str
    languages: list[str]
    texts: dict[str, RegionText]  # lang -> text; "en" always present

    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> {name, description} from locales/

    def text(self, lang: str) -> tuple[RegionText, str]:
        """The region in `lang` and the language its introduction is in. Without a translated
        file, the name and description may still come from locales/<lang>.yml."""
        if lang in self.texts:
            return self.texts[lang], lang
        english, label = self.texts["en"], self.labels.get(lang) or {}
        if label:
            return RegionText(label.get("name") or english.name, label.get("description") or english.description,
                              english.intro, english.path, english.body_line), "en"
        return english, "en"

    def name_in(self, lang: str) -> tuple[str, str]:
        """(name, its language): regions are named in every language that has a translation of the name."""
        return self._in(lang, "name")

    def description_in(self, lang: str) -> tuple[str, str]:
        """(description, its language), which may differ from the name's: names are translated first."""
        return self._in(lang, "description")

    def _in(self, lang: str, key: str) -> tuple[str, str]:
        if lang in self.texts:
            return getattr(self.texts[lang], key), lang
        own = (self.labels.get(lang) or {}).get(key)
        return (own, lang) if own else (getattr(self.texts["en"], key), "en")

    @property
    def name(self) -> str:
        return self.texts["en"].name


@dataclass
class Organisation:
    id: str
    name: str
    short_name: str
    role: str
    group: str
    website: str
    description: str
    acknowledgement: str = ""
    logo: str = ""
    name_language: str = "en"


@dataclass
class Attachment:
    path: str  # relative to content/
    title: str
    language: str
    size: int  # bytes


@dataclass
class Version:
    """One language version of a resource: the original or a translation."""

    lang: str
    title: str
    summary: str
    body: str
    path: str  # repository-relative source path
    docs_path: str  # path relative to content/, as MkDocs sees it
    body_line: int = 1  # file line on which the body starts
    location: str = ""  # an event's place as a translation writes it; "" for the original's


@dataclass
class Resource:
    slug: str
    folder: str  # folder under content/resources/, "" when flat
    lang: str  # language of the original
    type: str
    regions: list[str]
    topics: list[str]
    partners: list[str]
    date: dt.date
    languages: list[str]  # languages the product itself is available in
    url: str = ""
    authors: list[str] = field(default_factory=list)
    files: list[Attachment] = field(default_factory=list)
    start: dt.datetime | dt.date | None = None
    end: dt.datetime | dt.date | None = None
    timezone: str = ""
    location: str = ""
    registration: str = ""
    livestream: str = ""
    recording: str = ""
    former_names: list[str] = field(default_factory=list)  # earlier file names, e.g. reports/old-name
    versions: dict[str, Version] = field(default_factory=dict)  # lang -> version, original first
    related: list[Resource] = field(default_factory=list, repr=False)  # computed by enrich
    meta: dict[str, Any] = field(default_factory=dict, repr=False)
    modified: dt.date | None = None  # last commit of any of its files, where git says (history.date_resources)

    @property
    def updated(self) -> dt.date:
        """When it last changed: its publication, or a later edit of its files."""
        return max(self.date, self.modified) if self.modified else self.date

    @property
    def original(self) -> Version:
        return self.versions[self.lang]

    @property
    def title(self) -> str:
        return self.original.title

    @property
    def summary(self) -> str:
        return self.original.summary

    @property
    def is_event(self) -> bool:
        return self.type == "event"

    @property
    def all_day(self) -> bool:
        return self.start is not None and not isinstance(self.start, dt.datetime)

    @property
    def path_stem(self) -> str:
        """Path under content/ without language suffix or extension, e.g. resources/foo."""
        return "/".join(p for p in ("resources", self.folder, self.slug) if p)

    @property
    def name(self) -> str:
        """Its file's name under content/resources/, as `former_names` writes one: folder/slug."""
        return self.path_stem.removeprefix("resources/")

    def former_stems(self) -> list[str]:
        """path_stem of each address it had before its file was renamed."""
        return [f"resources/{name}" for name in self.former_names if isinstance(name, str)]

    @property
    def first_stem(self) -> str:
        """path_stem of the address it was first published at (former names are listed oldest first):
        what identifies it for good in feeds and calendars, which must not see a renamed file as new."""
        return next(iter(self.former_stems()), self.path_stem)

    def version(self, lang: str) -> Version:
        """The reader's language when it exists, else the original."""
        return self.versions.get(lang) or self.original

    def place(self, lang: str) -> tuple[str, str]:
        """(an event's location, its language): the translation's where it gives one."""
        version = self.version(lang)
        return (version.location, version.lang) if version.location else (self.location, self.lang)

    def shown_date(self) -> dt.date:
        """The date a reader sees for it: the day an event starts (in its own zone), else publication."""
        if self.is_event and self.start is not None:
            return self.start.date() if isinstance(self.start, dt.datetime) else self.start
        return self.date

    def sort_key(self) -> tuple:
        return (self.date, self.slug)


@dataclass
class Catalogue:
    languages: list[str]  # interface languages, default first
    resources: list[Resource]  # newest first
    regions: dict[str, Region]
    organisations: dict[str, Organisation]
    types: dict[str, Term]
    topics: dict[str, Term]
    groups: dict[str, Term]
    today: dt.date
    strings: dict[str, dict[str, Any]] = field(default_factory=dict)  # lang -> locale file contents
    # front-matter keys whose ids come from a file with problems of its own (partners.yml…): a resource's
    # id is not checked against it, or one slip there would show as hundreds of false ones elsewhere
    unchecked: frozenset[str] = frozenset()

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def derived(self, name: str) -> dict:
        """A dict kept with this catalogue for what is made from it once and asked for by every page
        (translators, cards, feeds by page): a new catalogue (mkdocs serve after an edit) starts empty."""
        return self.__dict__.setdefault("_derived", {}).setdefault(name, {})

    def translator(self, lang: str) -> Translator:
        """The interface text of `lang`, made once: pages, cards and feeds ask for it all the time."""
        translators = self.derived("translators")
        if lang not in translators:
            translators[lang] = Translator(self.strings, lang)
        return translators[lang]

    def creators(self, resource: Resource) -> list[Organisation]:
        """The organisations behind a resource as authors and publishers: its partners less the
        donors, who fund the work and are credited as funders (all partners if only donors are named)."""
        orgs = [self.organisations[p] for p in resource.partners]
        return [o for o in orgs if o.role != "donor"] or orgs

    def funders(self, resource: Resource) -> list[Organisation]:
        return [o for o in (self.organisations[p] for p in resource.partners) if o.role == "donor" and o not in self.creators(resource)]

    def organisation_name(self, org: Organisation, lang: str) -> tuple[str, str]:
        """(an organisation's full name, its language): its official name in `lang` from
        locales/<lang>.yml where it has one, else the name in partners.yml."""
        return self._in_language("organisations", org, lang, (org.name, org.name_language))

    def organisation_short_name(self, org: Organisation, lang: str) -> str:
        """The letters `lang` knows an organisation by (the ILO is the OIT in Spanish), from
        locales/<lang>.yml where they differ, else partners.yml's short name."""
        return self._in_language("organisation_short_names", org, lang, (org.short_name, "en"))[0]

    def organisation_description(self, org: Organisation, lang: str) -> tuple[str, str]:
        """(an organisation's one-line description, its language), translated or partners.yml's English."""
        return self._in_language("organisation_descriptions", org, lang, (org.description, "en"))

    def acknowledgement(self, org: Organisation, lang: str) -> tuple[str, str]:
        """(a donor's funding acknowledgement, its language), translated or partners.yml's English."""
        return self._in_language("acknowledgements", org, lang, (org.acknowledgement, "en"))

    def _in_language(self, section: str, org: Organisation, lang: str, default: tuple[str, str]) -> tuple[str, str]:
        """An organisation's text from `section` of locales/<lang>.yml, else `default` (text, language)."""
        own = (self.strings.get(lang, {}).get(section) or {}).get(org.id)
        return (own, lang) if own else default

    def by_slug(self, slug: str) -> Resource:
        return next(r for r in self.resources if r.slug == slug)

    def version_at(self, docs_path: str) -> tuple[Resource, Version] | None:
        """The resource and language version whose source is `docs_path`, e.g. 'resources/foo.es.md'."""
        if not hasattr(self, "_by_docs_path"):  # built once: every page asks
            self._by_docs_path = {v.docs_path: (r, v) for r in self.resources for v in r.versions.values()}
        return self._by_docs_path.get(docs_path)
