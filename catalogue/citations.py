"""How to cite a resource: a suggested citation on its page, and BibTeX and RIS files for
reference managers, one per language version (es/citations/<slug>.bib beside es/resources/).

The names are the authors, or the organisations' short names when no author is given (never a
donor: funding is not authorship). A resource published elsewhere (its `url`) is cited at that
address, the hub's page beside it, so that a researcher cites the publication and not the
catalogue; one published on the hub has the hub, named in the page's language, as its container
and the page as its address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.lists import format_list

from .address import Site
from .model import Catalogue, Resource
from .strings import Translator

FOLDER = "citations"
FORMATS = {"bib": "BibTeX", "ris": "RIS"}
BIBTEX_TYPES = {"report": "techreport", "research": "techreport", "policy-brief": "techreport",
                "case-study": "techreport", "guide": "techreport", "op-ed": "article", "commentary": "article"}
RIS_TYPES = {"techreport": "RPRT", "article": "JOUR", "news": "NEWS", "tool": "ELEC", "misc": "GEN"}


@dataclass
class Citation:
    key: str
    type_id: str
    names: list[str]
    title: str
    date: str  # YYYY-MM-DD
    container: str  # the hub's name in the version's language
    publishers: list[str]  # the organisations' short names
    url: str  # where the publication is: its own address, or the hub's page when it has none
    lang: str
    summary: str
    keywords: list[str]
    kind: str = ""  # the type's label, e.g. Case study: what a report-like entry is
    listed: str = ""  # the hub's page, for a publication cited at its own address

    @property
    def year(self) -> str:
        return self.date[:4]

    @property
    def bibtex_type(self) -> str:
        kind = BIBTEX_TYPES.get(self.type_id, "misc")
        return "misc" if kind == "article" and self.listed else kind  # an op-ed elsewhere: its journal is not the hub

    @property
    def where_listed(self) -> str:
        """'JET Coal Regions Knowledge Hub: https://…' for a publication cited at its own address."""
        return f"{self.container}: {self.listed}" if self.listed else ""


def citation(catalogue: Catalogue, resource: Resource, lang: str, site: Site) -> Citation:
    """The citation of the language version `lang` of `resource` (the original when there is none)."""
    version = resource.version(lang)
    t = Translator(catalogue.strings, version.lang)
    publishers = [org.short_name for org in catalogue.creators(resource)]
    page = site.page(resource.path_stem, version.lang)
    original = resource.url if isinstance(resource.url, str) and resource.url else ""
    first = resource.first_stem.rpartition("/")[2]  # the name it was first published under: a renamed file keeps its key
    return Citation(
        key=first if version.lang == resource.lang else f"{first}-{version.lang}",
        type_id=resource.type, names=list(resource.authors) or publishers, title=site.title(version.title, version.lang),
        date=resource.date.isoformat(), container=t("site_name"), publishers=publishers,
        url=original or page, lang=version.lang, summary=version.summary,
        keywords=[catalogue.topics[x].text("label", version.lang)[0] for x in resource.topics],
        kind=catalogue.types[resource.type].text("label", version.lang)[0], listed=page if original else "")


def path(resource: Resource, lang: str, site: Site, extension: str, slug: str = "") -> str:
    """Site-relative path of a version's citation file, e.g. es/citations/foo.bib (`slug`: a former name's)."""
    return f"{site.prefix(lang)}{FOLDER}/{slug or resource.slug}.{extension}"


def suggested(cite: Citation) -> str:
    """'ILO, GIZ (2025). Title. https://… (JET Coal Regions Knowledge Hub: https://…)' for a publication
    elsewhere, 'ILO, GIZ (2025). Title. JET Coal Regions Knowledge Hub. https://…' for one on the hub,
    with the list written the way the language writes lists."""
    names = format_list(cite.names, locale=cite.lang)
    # Thai joins words with 'และ' unspaced; beside Latin names it needs the spaces Latin words take
    if re.search(r"[A-Za-z]", names):
        names = re.sub(r"\s*และ\s*", " และ ", names)
    if cite.listed:
        return f"{names} ({cite.year}). {_sentence(cite.title)} {cite.url} ({cite.where_listed})"
    return f"{names} ({cite.year}). {_sentence(cite.title)} {_sentence(cite.container)} {cite.url}"


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!", "。")) else text + "."


def bibtex(cite: Citation) -> str:
    """A BibTeX entry; names are institutions, so each is braced and never split into first and last."""
    fields = [("author", " and ".join("{" + _tex(name) + "}" for name in cite.names)),
              ("title", "{" + _tex(cite.title) + "}")]
    # the hub is named once: as the journal, where it is published, or in a note (with its page, for
    # a publication cited at its own address)
    hub = _tex(cite.where_listed or cite.container)
    fields += {"techreport": [("institution", _tex(", ".join(cite.publishers))), ("type", _tex(cite.kind)), ("note", hub)],
               "article": [("journal", hub)],
               "misc": [("howpublished", hub), ("organization", _tex(", ".join(cite.publishers)))],
               }[cite.bibtex_type]
    fields += [("year", cite.year), ("date", cite.date), ("url", cite.url.replace("{", "%7B").replace("}", "%7D")),
               ("language", language_name(cite.lang)), ("keywords", _tex(", ".join(cite.keywords))),
               ("abstract", _tex(cite.summary))]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{cite.bibtex_type}{{{cite.key},\n{body}\n}}\n"


def language_name(code: str) -> str:
    """biblatex's name of a language ('english', 'spanish'), which its styles and babel understand."""
    try:
        return Locale.parse(code).get_language_name("en").lower()
    except (ValueError, UnknownLocaleError):
        return code


_TEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$", "#": r"\#",
        "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _tex(text: str) -> str:
    return "".join(_TEX.get(char, char) for char in " ".join(text.split()))


def ris(cite: Citation) -> str:
    """An RIS record (tag, two spaces, hyphen, space, value), lines ending in CRLF."""
    kind = RIS_TYPES.get(cite.type_id) or RIS_TYPES[cite.bibtex_type]
    where = [("N1", cite.where_listed)] if cite.listed else [("T2", cite.container)]
    tags = [("TY", kind)] + [("AU", name) for name in cite.names] + [("TI", cite.title)] + where + [
        ("PY", cite.year), ("DA", cite.date.replace("-", "/")),
        ("PB", ", ".join(cite.publishers)), ("LA", cite.lang), ("UR", cite.url), ("AB", cite.summary)]
    tags += [("KW", keyword) for keyword in cite.keywords] + [("ER", "")]
    return "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in tags)


def meta_tags(cite: Citation, pdf: str = "") -> list[tuple[str, str]]:
    """The citation as a page's <meta name="citation_…"> tags (Highwire Press), which Google Scholar
    and reference managers (Zotero, Mendeley) read when a researcher saves the page; `pdf` is the
    absolute address of the resource's PDF, if it has one. Dates as Scholar asks: 2025/03/31."""
    tags = [("citation_title", cite.title)] + [("citation_author", name) for name in cite.names]
    tags += [("citation_publication_date", cite.date.replace("-", "/")), ("citation_language", cite.lang)]
    publishers = ", ".join(cite.publishers)
    tags += {"techreport": [("citation_technical_report_institution", publishers)],
             "article": [("citation_journal_title", cite.container)]}.get(cite.bibtex_type, [])
    if publishers:
        tags.append(("citation_publisher", publishers))
    if cite.keywords:
        tags.append(("citation_keywords", "; ".join(cite.keywords)))
    if pdf:
        tags.append(("citation_pdf_url", pdf))
    return tags


def pdf_of(resource: Resource, lang: str) -> str:
    """The site path of the resource's PDF in `lang`, else of one in no stated language or the original's."""
    pdfs = [f for f in resource.files if f.path.lower().endswith(".pdf")]
    for wanted in (lang, "", resource.lang):
        found = next((f.path for f in pdfs if (f.language or "") == wanted), "")
        if found:
            return found
    return ""


def write_citations(catalogue: Catalogue, site: Site, folder: Path, former_addresses: bool = False) -> int:
    """A .bib and an .ris file for every language version of every resource; returns how many.
    With `former_addresses` (online), a renamed resource's are at its former names too, where a
    researcher's saved link leads: the same entry, under the key it was first published with."""
    count = 0
    current = {resource.slug for resource in catalogue.resources}
    for resource in catalogue.resources:
        former = [stem.rpartition("/")[2] for stem in resource.former_stems()] if former_addresses else []
        for lang in resource.versions:
            cite = citation(catalogue, resource, lang, site)
            for extension, text in (("bib", bibtex(cite)), ("ris", ris(cite))):
                for slug in (resource.slug, *(name for name in former if name not in current)):
                    target = folder / path(resource, lang, site, extension, slug)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(text, encoding="utf-8", newline="")
                count += 1
    return count
