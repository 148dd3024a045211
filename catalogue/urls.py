"""Page addresses. Every link the catalogue writes is relative, so the site works from a
sub-folder (GitHub project pages) and from disk (the offline copy, with .html addresses)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class UrlStyle:
    default_language: str = "en"
    directory_urls: bool = True  # False for the offline copy: pages are foo.html

    def page(self, stem: str, lang: str) -> str:
        """Site-relative URL of the page whose source is content/<stem>.md in `lang`."""
        prefix = "" if lang == self.default_language else f"{lang}/"
        if stem == "index" or stem.endswith("/index"):
            folder = stem[: -len("index")]
            return prefix + folder + ("" if self.directory_urls else "index.html")
        return prefix + stem + ("/" if self.directory_urls else ".html")

    def file(self, path: str) -> str:
        """Site-relative URL of a static file under content/ (attachments are not translated)."""
        return path


def relative(from_url: str, to_url: str) -> str:
    """The link from the page at `from_url` to `to_url`, both site-relative (MkDocs addresses:
    no '..' in them): up to the folders they share, then down. What posixpath.relpath gives,
    without its cost, which showed in listings of thousands of links."""
    return _link(_folders(from_url), to_url)


def links_from(from_url: str) -> Callable[[str], str]:
    """relative(from_url, ...) for the many links of one page: its folders are split once and
    an address that comes back (a region in every card) is worked out once."""
    here, known = _folders(from_url), {}

    def link(to_url: str) -> str:
        if to_url not in known:
            known[to_url] = _link(here, to_url)
        return known[to_url]
    return link


def _folders(from_url: str) -> list[str]:
    from_dir = from_url if from_url.endswith("/") or not from_url else from_url.rpartition("/")[0]
    return [part for part in from_dir.split("/") if part not in ("", ".")]


def _link(here: list[str], to_url: str) -> str:
    to_dir, _, to_name = to_url.rpartition("/")
    there = [part for part in to_dir.split("/") if part not in ("", ".")]
    shared = 0
    while shared < len(here) and shared < len(there) and here[shared] == there[shared]:
        shared += 1
    path = "/".join([".."] * (len(here) - shared) + there[shared:])
    rel = path + "/" if path else ""
    return rel + to_name if to_name else rel or "./"
