"""Links of contributor Markdown to the hub's own pages and files: each must lead to something the
build publishes, and a '#part' to one of the page's headings. Each message names the likely meant
target, written relative to the linking file.
"""

from __future__ import annotations

import os
import re
from difflib import get_close_matches
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from . import gfm
from .frontmatter import FrontMatterError, read
from .markup import prose_lines
from .problems import ProblemList
from .text import anchors as own_page_anchors

# Links to the hub's own pages and files: Markdown links and images, reference definitions, raw <a href>
_LOCAL = r"(?P<target>(?![a-zA-Z][a-zA-Z0-9+.-]*:|//)[^)\s>\"']+)"
_LINK_STARTS = (r"\]\(\s*<?", r"^ {0,3}\[(?!\^)[^\]]+\]:\s*<?", r"(?i:<a\b[^>]*?\bhref\s*=\s*[\"']?)")
LOCAL_LINKS = tuple(re.compile(start + _LOCAL) for start in _LINK_STARTS)
WEB_LINKS = tuple(re.compile(start + r"(?P<target>https?://[^)\s>\"']+)") for start in _LINK_STARTS)


def check_links(root: Path, text: str, first_line: int, where: str, problems: ProblemList,
                generated: frozenset[str] = frozenset(), own_site: str = "") -> None:
    """Links and images to pages and files of the hub must lead to something that exists, and a
    '#part' of a page to one of its headings: the strict build would stop on them anyway, with a
    message that names neither the line nor the fix. `generated`: the pages the build writes
    (listings, regions…), as paths under content/. `own_site`: the hub's address (site_url): a
    link that starts with it is written relative instead, to be checked, previewed and read offline."""
    if "](" not in text and "]:" not in text and "href" not in text.lower():
        return  # most texts link nowhere
    folder = (root / where).parent
    for number, line in prose_lines(text, first_line):
        for pattern in LOCAL_LINKS:
            for match in pattern.finditer(line):
                problem = _link_problem(root, folder, text, match.group("target"), generated)
                if problem:
                    problems.add(where, number, "body", problem)
        for pattern in WEB_LINKS if own_site else ():
            for match in pattern.finditer(line):
                if match.group("target").startswith(own_site):
                    problems.add(where, number, "body", _own_site_problem(root, folder, match.group("target"), own_site))


def _own_site_problem(root: Path, folder: Path, target: str, own_site: str) -> str:
    """A link to a page of the hub by its full address works online only, and is not checked."""
    path = target[len(own_site):].split("#")[0].split("?")[0].strip("/") or "index"
    page = path if "." in path.rsplit("/", 1)[-1] else f"{path}.md"
    relative = os.path.relpath((root / "content" / page).resolve(), folder.resolve()).replace(os.sep, "/")
    return (f"the link '{target}' is the hub's own address; write it relative to this file, so that it is checked "
            f"and works in previews and offline copies too: '{relative}'")


def _link_problem(root: Path, folder: Path, text: str, target: str, generated: frozenset[str]) -> str | None:
    content = (root / "content").resolve()
    files = os.path.relpath(content / "files", folder.resolve())
    address, _, anchor = target.split("?")[0].partition("#")
    address = unquote(address)
    if address.startswith("/"):
        page = address.strip("/") or "index"  # '/' is the home page
        instead = os.path.relpath(content / page, folder.resolve()) + ("" if "." in page else ".md")
        return (f"the link '{target}' starts with '/', which leads to the web server's root, not the hub's: write it "
                f"relative to this file, e.g. '{instead}'")
    if "\\" in address:
        return f"the link '{target}' uses '\\'; addresses on the web use '/': write '{target.replace(chr(92), '/')}'"
    if address.lower().startswith("www."):
        return f"the link '{target}' needs https:// in front, or it is read as a file of the hub: 'https://{target}'"
    if not address:
        own = gfm.anchors(text) if anchor else set()
        if anchor and anchor not in own:
            return f"the link '#{anchor}' names no heading of this page; {_anchor_hint(own)}"
        return None
    path = (folder / address).resolve()
    inside = path.relative_to(content).as_posix() if path.is_relative_to(content) else None
    if inside is None and path.exists():  # the repository's own files (README.md, partners.yml…) are not published
        return (f"the link '{address}' leads outside content/, to a file the hub does not publish; link to a page or "
                f"to a file under content/files/ ('{files}/name.pdf')")
    if address.endswith("/"):
        page = path.with_suffix(".md") if path.name else path
        if inside is not None and (page.is_file() or f"{inside.rstrip('/')}.md" in generated):
            return f"the link '{target}' is a web address; link to the page's file instead: '{address.rstrip('/')}.md'"
        return (f"the link '{target}' leads to a folder; link to a page ('name.md') or a file "
                f"('{files}/name.pdf') instead")
    if path.is_file():
        if anchor and path.suffix == ".md":
            found = _anchors_of(path, resource=inside is not None and inside.startswith("resources/"))
            if anchor not in found:
                return f"the page '{address}' has no heading with the anchor '#{anchor}'; {_anchor_hint(found)}"
        return None
    if inside is not None and inside in generated:
        return None  # a listing or region page: the build writes it
    shown = path.relative_to(root.resolve()).as_posix() if path.is_relative_to(root.resolve()) else address
    if meant := _meant(content, folder.resolve(), address) or _meant_page(content, folder.resolve(), inside, generated):
        return (f"the link '{address}' leads to {shown}, which does not exist; the path is relative to this file: "
                f"did you mean '{meant}'?")
    return (f"the link '{address}' leads to {shown}, which does not exist; the path is relative to this file: a "
            f"resource beside it is 'name.md', a file under content/files/ is '{files}/name.pdf'")


def _meant(content: Path, folder: Path, address: str) -> str | None:
    """The file under content/ a broken link most likely means, relative to the linking file: the same
    name in other capitals (which Windows and macOS forgive, and the web does not), or the same path
    with one '../' too many or too few."""
    parts = [part for part in PurePosixPath(address).parts if part not in ("..", ".")]
    written = (folder / address).resolve()
    tries = [written.relative_to(content).parts] if written.is_relative_to(content) else []
    for found in (_any_case(content, tail) for tail in [*tries, *(parts[start:] for start in range(len(parts)))]):
        if found:
            return os.path.relpath(found, folder).replace(os.sep, "/")
    return None


def _meant_page(content: Path, folder: Path, inside: str | None, generated: frozenset[str]) -> str | None:
    """The page the build writes (a region, a listing) whose name is closest to a broken link's:
    'regions/chille.md' for regions/chile.md."""
    close = get_close_matches(inside, sorted(generated), n=1, cutoff=0.85) if inside else []
    return os.path.relpath(content / close[0], folder).replace(os.sep, "/") if close else None


def _any_case(base: Path, parts) -> Path | None:
    """The file at `parts` under `base`, each part matched whatever its capitals."""
    here = base
    for part in parts:
        if not here.is_dir():
            return None
        here = here / part if (here / part).exists() else next(
            (child for child in sorted(here.iterdir()) if child.name.lower() == part.lower()), None)
        if here is None:
            return None
    return here if here.is_file() and here != base else None


def _anchor_hint(found: set[str]) -> str:
    if not found:
        return "it has no headings to link to: link to the page without '#…'"
    names = sorted(found)
    return "its anchors are " + ", ".join(f"'#{name}'" for name in names[:8]) + (", …" if len(names) > 8 else "")


def _anchors_of(path: Path, resource: bool) -> set[str]:
    """The anchors of a page: a resource's text is rendered as GitHub does, the hub's own pages by MkDocs."""
    try:
        body = read(path.read_bytes(), require_front_matter=False).body
        return gfm.anchors(body) if resource else own_page_anchors(body)
    except (OSError, FrontMatterError):
        return set()  # reported where that file is checked
