"""Pages at the addresses that renamed resources had (front matter `former_names`), so that links
in newsletters, partners' sites, citations and search engines keep leading to the resource.

Each is a small page in the language of the version that stood there: a refresh sends the
browser on at once (any static host serves it, where a server-side redirect would need each
host's own rules), the canonical link tells search engines where the page is now, and a plain
link serves a reader whose browser does not follow refreshes.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from .address import Site
from .model import Catalogue
from .security import policy
from .urls import UrlStyle, relative

GAP = "\x00"  # where the link goes in the translated sentence, which is escaped first


def moved_pages(catalogue: Catalogue, site: Site) -> dict[str, str]:
    """Site-relative file path -> HTML, for every former address of every language version."""
    style = UrlStyle(site.default_language)  # published addresses: folders with index.html
    pages: dict[str, str] = {}
    for resource in catalogue.resources:
        for stem in resource.former_stems():
            for lang, version in resource.versions.items():
                old, new = style.page(stem, lang), style.page(resource.path_stem, lang)
                link = escape(relative(old, new))
                sentence = escape(catalogue.translator(lang)("moved_text", link=GAP))
                title = escape(version.title)
                anchor = f'<a href="{link}">{title}</a>'
                pages[old + "index.html"] = (
                    f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
                    f'<meta http-equiv="Content-Security-Policy" content="{escape(policy([], []), quote=False)}">\n'
                    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                    f'<meta http-equiv="refresh" content="0; url={link}">\n'
                    '<meta name="robots" content="noindex">\n'
                    f'<link rel="canonical" href="{escape(site.at(new))}">\n'
                    f"<title>{title}</title>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n"
                    f"<p>{sentence.replace(GAP, anchor)}</p>\n"
                    "</main>\n</body>\n</html>\n")
    return pages


def write_moved_pages(catalogue: Catalogue, site: Site, folder: Path) -> None:
    for path, html in moved_pages(catalogue, site).items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")


def is_moved_page(html: str) -> bool:
    """Whether a built file is one of these pages rather than a page of the hub."""
    return '<meta http-equiv="refresh"' in html[:1000]
