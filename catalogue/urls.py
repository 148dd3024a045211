"""Page addresses. Every link the catalogue writes is relative, so the site works from a
sub-folder (GitHub project pages) and from disk (the offline copy, with .html addresses)."""

from __future__ import annotations

import posixpath
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
    """The link from the page at `from_url` to `to_url`, both site-relative."""
    from_dir = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    to_dir, to_name = (to_url, "") if to_url.endswith("/") or not to_url else posixpath.split(to_url)
    rel = posixpath.relpath("/" + to_dir, "/" + from_dir) if to_dir or from_dir else "."
    rel = "" if rel == "." else rel + "/"
    if to_name:
        return (rel + to_name) if rel else to_name
    return rel or "./"
