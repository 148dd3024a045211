"""Load the catalogue once per change of the sources.

MkDocs calls the hooks once per language build and again on every `mkdocs serve` reload:
re-reading a thousand files each time would multiply the build time, while a stale
catalogue would show old content. The cache key is every source file's size and mtime.

Checking that key means a stat() of every source file, so it is done once per build
(`load_cached`, from the first hook of a build); the hooks that run once per page take the
catalogue that check produced (`current`). Per page, it cost n² stats: 80 s at 1,000 resources.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from .enrich import enrich
from .load import build_date, load
from .model import Catalogue

SOURCES = ("content/resources", "content/files", "regions", "locales", "schema", "partners.yml")
_cache: dict[tuple, Catalogue] = {}


def source_files(root: Path) -> list[Path]:
    files = []
    for name in SOURCES:
        path = root / name
        files += [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
    return files


def fingerprint(root: Path) -> tuple:
    return tuple((file.as_posix(), (st := file.stat()).st_size, st.st_mtime_ns) for file in source_files(root))


def digest(root: Path, code: tuple[Path, ...] = (), *settings: object) -> str:
    """A short hash of every source file's bytes, of the code folders' Python files and of the
    settings given: what a build's output is made from. It names output that readers' browsers
    keep (the search index's entry), so it errs towards changing: any edit changes it."""
    sha = hashlib.sha256(repr(settings).encode("utf-8"))
    for file in source_files(root) + [file for folder in code for file in sorted(folder.glob("*.py"))]:
        sha.update(file.as_posix().encode("utf-8") + b"\0" + file.read_bytes())
    return sha.hexdigest()[:16]


def load_cached(root: Path, today: dt.date | None = None) -> Catalogue:
    """The enriched catalogue, reloaded when a source changed; raises ContentError like `load`."""
    key = (str(root), today or build_date(), fingerprint(root))
    if key not in _cache:
        _cache.clear()
        _cache[key] = enrich(load(root, today))
    return _cache[key]


def current(root: Path) -> Catalogue:
    """The catalogue the last `load_cached` of this build returned, without checking the sources."""
    for key, catalogue in _cache.items():
        if key[0] == str(root):
            return catalogue
    return load_cached(root)
