"""Pages that send a reader on from an address with no page of its own: the addresses that
renamed resources had (front matter `former_names`), so that links in newsletters, partners'
sites, citations and search engines keep leading to the resource; and the folders in the hub's
addresses, for a reader who shortens an address by hand (resources/ leads to the library, a
listing's page/ to its first page).

Each is a small page in the language of the address: a refresh sends the browser on at once
(any static host serves it, where a server-side redirect would need each host's own rules), the
canonical link tells search engines where the page is, and a plain link serves a reader whose
browser does not follow refreshes.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from . import render
from .address import Site
from .model import Catalogue
from .pages import generate
from .security import policy
from .urls import UrlStyle, relative

GAP = "\x00"  # where the link goes in the translated sentence, which is escaped first
LIBRARY = "library/index"


def moved_pages(catalogue: Catalogue, site: Site) -> dict[str, str]:
    """Site-relative file path -> HTML, for every former address of every language version."""
    style = UrlStyle(site.default_language)  # published addresses: folders with index.html
    pages: dict[str, str] = {}
    for resource in catalogue.resources:
        for stem in resource.former_stems():
            for lang, version in resource.versions.items():
                old, new = style.page(stem, lang), style.page(resource.path_stem, lang)
                pages[old + "index.html"] = _forwarding_page(catalogue, site, lang, old, new, version.title, "moved_text")
    return pages


def folder_pages(catalogue: Catalogue, site: Site) -> dict[str, str]:
    """Site-relative file path -> HTML, for each folder of the hub's addresses that has no page."""
    style = UrlStyle(site.default_language)
    generated = generate(catalogue, style)
    by_second_page = {(page.lang, render.page_stem(page.stem, 2)): page for page in generated}  # -> the first
    pages: dict[str, str] = {}

    def forward(lang: str, folder: str, page) -> None:
        old, new = style.page(folder + "/index", lang), style.page(page.stem, lang)
        pages[old + "index.html"] = _forwarding_page(catalogue, site, lang, old, new, page.title, "folder_text")

    for page in generated:
        if page.stem == LIBRARY:
            forward(page.lang, "resources", page)
        first = by_second_page.get((page.lang, page.stem))
        if first is not None:  # `page` is a listing's second page: its folder page/ leads to the first
            forward(page.lang, page.stem.rsplit("/", 1)[0], first)
    return pages


def _forwarding_page(catalogue: Catalogue, site: Site, lang: str, old: str, new: str, title: str, text: str) -> str:
    link = escape(relative(old, new))
    sentence = escape(catalogue.translator(lang)(text, link=GAP))
    title = escape(title)
    anchor = f'<a href="{link}">{title}</a>'
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{escape(policy([], []), quote=False)}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta http-equiv="refresh" content="0; url={link}">\n'
            '<meta name="robots" content="noindex">\n'
            '<link rel="icon" href="data:,">\n'  # no icon to show: without it, browsers ask the server for /favicon.ico
            f'<link rel="canonical" href="{escape(site.at(new))}">\n'
            f"<title>{title}</title>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n"
            f"<p>{sentence.replace(GAP, anchor)}</p>\n"
            "</main>\n</body>\n</html>\n")


def write_forwarding_pages(catalogue: Catalogue, site: Site, folder: Path) -> None:
    for path, html in {**folder_pages(catalogue, site), **moved_pages(catalogue, site)}.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")


def is_forwarding_page(html: str) -> bool:
    """Whether a built file is one of these pages rather than a page of the hub."""
    return '<meta http-equiv="refresh"' in html[:1000]
