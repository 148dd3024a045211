"""Offer the offline copies on every page: links, sizes, build date and SHA-256 in the footer.

Events: on_config reads the copies `make offline` wrote into dist/ (or into $HUB_OFFLINE_DIST,
where the tests build theirs, leaving dist/ alone): the complete one, jet-cr-hub-offline.zip,
and each language's. It puts their descriptions in config.extra.offline_copies (keyed by
language, '' for the complete one) for the footer, which offers a page's language's copy first
(hooks/theme_context.py), saying so when the copies were built from other content than this
build's (`mkdocs build` alone after an edit); on_post_build (-200, once, after every language)
copies them to site/downloads/. In the offline build itself (config.extra.offline) the footer
says when the copy was built instead.
"""

from __future__ import annotations

import logging
import os
import shutil
import zipfile
from dataclasses import asdict
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

import hubsite
from catalogue.cache import digest
from catalogue.load import build_date
from catalogue.offline import ZIP_NAME, ZipInfo, describe, read_manifest, zip_name

log = logging.getLogger("mkdocs.hooks.offline_copy")


def _dist(config) -> Path:
    return Path(os.environ.get("HUB_OFFLINE_DIST") or hubsite.root(config) / "dist")


def _copies(config) -> dict[str, Path]:
    """The copies to offer: the complete one, when there is one, and the languages' that exist."""
    complete = _dist(config) / ZIP_NAME
    if not complete.is_file():
        return {}
    info = _read(complete)[0]
    found = {lang: _dist(config) / zip_name(lang) for lang in info["languages"]}
    # a language's copy left from another build is not offered (with offline_copies_per_language: false, none is made)
    return {"": complete} | {lang: path for lang, path in found.items()
                             if path.is_file() and _same_build(_read(path)[0], info)}


def _same_build(one: dict, other: dict) -> bool:
    return all(one.get(key) == other.get(key) for key in ("sources", "commit", "built", "version"))


def on_config(config):
    if config.extra.get("offline"):
        config.extra["offline_built"] = build_date().isoformat()
    elif copies := _copies(config):
        config.extra["offline_copies"] = {lang: asdict(_read(path)[1]) for lang, path in copies.items()}
        # `mkdocs build` alone, after an edit, offers the last copies `make offline` wrote (make site builds both)
        if _read(copies[""])[0].get("sources") != digest(hubsite.root(config)):
            log.info(f"The offline copy in {_dist(config)} was built from other content than this build's: the "
                     "pages offer it as it is. Run 'make site', which builds the copy first, to offer a current one.")
    return config


_copies_read: dict[tuple, tuple[dict, ZipInfo]] = {}


def _read(path: Path) -> tuple[dict, ZipInfo]:
    """A copy's manifest and description, read once per file version rather than in every
    language's build: each read opens the zip's directory, and describe() may hash the zip."""
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _copies_read:
        try:
            manifest = read_manifest(path)
        except (zipfile.BadZipFile, KeyError, ValueError) as err:  # an interrupted `make offline`, a copy from elsewhere
            raise Abort(f"{path}: this offline copy cannot be read ({err}); run 'make offline' to build it "
                        "again, or delete it to build the site without offline copies") from None
        _copies_read[key] = (manifest, describe(path, manifest))
    return _copies_read[key]


@event_priority(-200)
def on_post_build(config):
    if not hubsite.all_languages_built(config) or config.extra.get("offline"):
        return
    if config.extra.get("offline_copies"):
        target = Path(config.site_dir) / "downloads"
        target.mkdir(parents=True, exist_ok=True)
        for path in _copies(config).values():
            shutil.copy2(path, target / path.name)
