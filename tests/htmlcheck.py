"""Small helpers to read built pages the way a reader's browser would."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from catalogue.moved import is_forwarding_page


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict[str, str]] = []
        self.ids: set[str] = set()
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag in ("a", "link") and "href" in attrs:
            self.links.append(dict(attrs, tag=tag))
        if tag == "form" and attrs.get("action"):  # where the header search sends its query
            self.links.append(dict(attrs, href=attrs["action"], tag=tag))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def text(html: str) -> str:
    return re.sub(r"\s+", " ", " ".join(parse(html).text)).strip()


def read(site: Path, url_path: str) -> str:
    """The HTML a server would send for a site-relative URL such as 'regions/colombia/'."""
    path = site / url_path
    if url_path == "" or url_path.endswith("/"):
        path = path / "index.html"
    return path.read_text(encoding="utf-8")


def main_html(html: str) -> str:
    """The article of a Material page, without header, nav and footer."""
    match = re.search(r'<article class="md-content__inner[^"]*"[^>]*>(.*?)</article>', html, re.S)
    assert match, "no article in page"
    return match.group(1)


def _site_path() -> str:
    """The path of mkdocs.yml's site_url ('/' or '/knowledge-hub/'), where root-relative links start."""
    found = re.search(r"(?m)^site_url:\s*(\S+)", (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text())
    return (urlsplit(found.group(1)).path or "/") if found else "/"


SITE_PATH = _site_path()


def resolve(site: Path, page: Path, href: str) -> Path | None:
    """The file an internal link leads to, or None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("#", "mailto:")):
        return None
    path = parts.path
    if path.startswith("/"):  # the 404 page links from the site's root, which may be a sub-folder
        path = "/" + path.removeprefix(SITE_PATH) if path.startswith(SITE_PATH) else path
    base = site if path.startswith("/") else page.parent
    target = Path(posixpath.normpath(str(base / unquote(path.lstrip("/"))))) if path else page
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor in the site that leads nowhere."""
    broken, ids_cache = [], {}
    for page in sorted(site.rglob("*.html")):
        for link in parse(page.read_text(encoding="utf-8")).links:
            href = link["href"]
            target = resolve(site, page, href)
            if target is None:
                continue
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {href}")
                continue
            fragment = urlsplit(href).fragment
            if fragment and target.suffix == ".html":
                if target not in ids_cache:
                    ids_cache[target] = parse(target.read_text(encoding="utf-8")).ids
                if unquote(fragment) not in ids_cache[target]:
                    broken.append(f"{page.relative_to(site)} -> {href} (no such anchor)")
    return broken


def hub_pages(site: Path, name: str = "*.html") -> list[Path]:
    """The hub's pages in a built site: its HTML files less those that only send the browser on
    (catalogue.moved: at renamed resources' former addresses, and at folders of the addresses)."""
    return [page for page in sorted(site.rglob(name)) if not is_forwarding_page(page.read_text(encoding="utf-8"))]
