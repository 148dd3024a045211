"""What may be published from content/: the checks on the files that are not Markdown.

MkDocs copies every file under content/ into the site as it is, and the hub's address vouches
for it. So there are no symbolic links (the build would publish whatever they point to on the
build machine), and only documents, data and images that a browser does not run: an HTML, SVG,
XML or script file served from the hub's address could act as the hub, and GitHub Pages sends
no Content-Security-Policy header to stop it. Images must be light enough for a slow connection
and small enough in pixels for a phone to open. The hub's own stylesheet, scripts and logos
under content/assets/ are code, reviewed as code; its images are held to the same weight.
"""

from __future__ import annotations

import os
from pathlib import Path

from .images import size
from .problems import ProblemList
from .text import DIRECTION

DOCUMENTS = {".pdf", ".doc", ".docx", ".odt", ".rtf", ".txt", ".csv", ".tsv", ".xls", ".xlsx", ".ods",
             ".ppt", ".pptx", ".odp", ".epub", ".zip", ".json", ".geojson"}
IMAGES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"}
MAX_IMAGE_BYTES = 300_000
MAX_IMAGE_SIDE = 4_000  # pixels: a phone decodes the whole picture, whatever its file size
OWN_CODE = Path("content") / "assets"
CHECKED_FOLDERS = ("content", "regions")


def check(root: Path, problems: ProblemList) -> None:
    for folder in CHECKED_FOLDERS:
        for here, dirs, files in os.walk(root / folder):  # does not follow links into folders
            here = Path(here)
            for name in sorted(dirs + files):
                if (here / name).is_symlink():
                    problems.add((here / name).relative_to(root).as_posix(), 0, "-",
                                 "this is a symbolic link, and the build would publish whatever it points to; "
                                 "put the file itself here")
            dirs[:] = sorted(d for d in dirs if not (here / d).is_symlink())
            place = here.relative_to(root)
            if folder != "content":
                continue
            own = place == OWN_CODE or OWN_CODE in place.parents
            for name in sorted(files):
                path = here / name
                if name.startswith(".") or path.is_symlink():
                    continue
                if here == root / "content" and path.suffix.lower() != ".md":  # robots.txt, a verification file…
                    problems.add(path.relative_to(root).as_posix(), 0, "-", "files beside the hub's own pages would be "
                                 "published at the root of the site, where web servers and crawlers look for their "
                                 "settings; put documents and data under content/files/")
                    continue
                if not own:
                    _check_file(path, path.relative_to(root).as_posix(), problems)
                elif path.suffix.lower() in IMAGES:  # a logo is downloaded by readers like any image
                    _check_image(path, path.relative_to(root).as_posix(), problems)


def _check_file(path: Path, where: str, problems: ProblemList) -> None:
    if DIRECTION.search(path.name):  # 'report\u202efdp.exe' shows as 'reportexe.pdf'
        problems.add(where, 0, "-", "the file name holds an invisible character that reverses the direction of the "
                     "text after it, so the name reads differently than it is; rename the file")
        return
    suffix = path.suffix.lower()
    if suffix == ".md" or suffix in DOCUMENTS:
        return
    if suffix not in IMAGES:
        problems.add(where, 0, "-", f"{_kind(suffix)} cannot be published: a browser could run it as part of the hub. "
                     "Offer documents as PDF, Word, OpenDocument, spreadsheets, CSV or text, images as PNG, JPEG, "
                     "WebP, GIF or AVIF, or link to the file with 'url'")
        return
    _check_image(path, where, problems)


def _check_image(path: Path, where: str, problems: ProblemList) -> None:
    bytes_ = path.stat().st_size
    if bytes_ > MAX_IMAGE_BYTES:
        problems.add(where, 0, "-", f"the image is {bytes_ // 1000} KB; the limit is {MAX_IMAGE_BYTES // 1000} KB. "
                     "Resize it (1600 px wide is plenty) and compress it, e.g. as WebP")
    dimensions = size(path)
    if dimensions and max(dimensions) > MAX_IMAGE_SIDE:
        problems.add(where, 0, "-", f"the image is {dimensions[0]}×{dimensions[1]} pixels; the limit is {MAX_IMAGE_SIDE} "
                     "on either side, because a phone must decode all of them. Resize it (1600 px wide is plenty)")


def _kind(suffix: str) -> str:
    return {"": "a file without an extension", ".svg": "an SVG image (it can carry scripts; save it as PNG or WebP)"}.get(
        suffix, f"a '{suffix}' file")
