"""Absolute addresses, for what is read away from the site: feeds, calendars, the API,
citations and page metadata. Pages link to each other relatively (see urls.py); these cannot.

The base is mkdocs.yml `site_url`. Absolute page addresses always take the published form
(directory URLs), also in the offline copy, whose data files send readers to the online hub.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .urls import UrlStyle


def configured_site_url(root: Path) -> str:
    """mkdocs.yml's `site_url`, read without MkDocs ('' when it has none): the scaffold and the
    content check need it before any build."""
    config = root / "mkdocs.yml"
    found = re.search(r"^site_url:\s*['\"]?([^'\"\s#]+)", config.read_text(encoding="utf-8"), re.M) if config.is_file() else None
    return found.group(1) if found else ""


@dataclass(frozen=True)
class Site:
    url: str  # site_url, e.g. https://jet-cr-hub.example.org/ (or with a sub-folder)
    default_language: str = "en"
    # ((language, its word for "sample"), …) when the content is sample data (mkdocs.yml extra.sample_content)
    sample_marks: tuple[tuple[str, str], ...] = ()
    licence: tuple[str, str] | None = None  # (name, address) of the hub's own texts and data (extra.content_licence)

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"site_url must be an absolute http(s) address, not {self.url!r}")
        if self.licence is not None and (not self.licence[0].strip() or not self.licence[1].startswith(("https://", "http://"))):
            raise ValueError("extra.content_licence needs a name and a url starting with https://, e.g. name: CC BY 4.0, "
                             "url: https://creativecommons.org/licenses/by/4.0/")
        if not self.url.endswith("/"):
            object.__setattr__(self, "url", self.url + "/")

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def path(self) -> str:
        """The sub-folder the hub is published under, e.g. '/knowledge-hub/' ('/' at the root)."""
        return urlsplit(self.url).path or "/"

    def at(self, site_relative: str) -> str:
        """The absolute address of a site-relative path such as 'es/feeds/all.xml' (MkDocs calls
        the home page './')."""
        path = site_relative.lstrip("/").removeprefix("./")
        return self.url + ("" if path == "." else path)

    def page(self, stem: str, lang: str) -> str:
        return self.at(UrlStyle(self.default_language).page(stem, lang))

    def title(self, text: str, lang: str) -> str:
        """A title in a file read away from the site (a feed reader, a calendar, a reference manager, a
        spreadsheet), where the pages' sample notice is not seen: sample data says so in the title,
        in the title's language `lang` (else the default language)."""
        if not self.sample_marks:
            return text
        marks = dict(self.sample_marks)
        return f"[{marks.get(lang) or marks[self.default_language]}] {text}"

    def prefix(self, lang: str) -> str:
        """The folder of a language's tree: '' for the default language, 'es/' for Spanish."""
        return "" if lang == self.default_language else f"{lang}/"


def robots(site: Site) -> str:
    """robots.txt: every page may be crawled (sample pages say noindex themselves), and where the
    sitemap is, which a crawler finds nowhere else on a host's root."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site.at('sitemap.xml')}\n"
