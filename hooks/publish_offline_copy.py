"""Offer the offline copy on every page: its link, size, build date and SHA-256 in the footer.

Events: on_config reads dist/jet-cr-hub-offline.zip (or the one in $HUB_OFFLINE_DIST, where the
tests build theirs, leaving dist/ alone) when `make offline` has written it and
puts its description in config.extra.offline_copy for the footer, saying so when the copy was
built from other content than this build's (`mkdocs build` alone after an edit); on_post_build (-200, once,
after every language) copies it to site/downloads/. In the offline build itself
(config.extra.offline) the footer says when the copy was built instead.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import asdict
from pathlib import Path

from mkdocs.plugins import event_priority

import hubsite
from catalogue.cache import digest
from catalogue.load import build_date
from catalogue.offline import ZIP_NAME, ZipInfo, describe, read_manifest

log = logging.getLogger("mkdocs.hooks.offline_copy")


def _zip(config) -> Path:
    return Path(os.environ.get("HUB_OFFLINE_DIST") or hubsite.root(config) / "dist") / ZIP_NAME


def on_config(config):
    if config.extra.get("offline"):
        config.extra["offline_built"] = build_date().isoformat()
    elif _zip(config).is_file():
        config.extra["offline_copy"] = asdict(_described(_zip(config)))
        # `mkdocs build` alone, after an edit, offers the last copy `make offline` wrote (make site builds both)
        if read_manifest(_zip(config)).get("sources") != digest(hubsite.root(config)):
            log.info(f"The offline copy in {_zip(config).parent} was built from other content than this build's: the "
                     "pages offer it as it is. Run 'make site', which builds the copy first, to offer a current one.")
    return config


_descriptions: dict[tuple, ZipInfo] = {}


def _described(path: Path) -> ZipInfo:
    """describe() hashes the whole zip: once per file version, not once per language build."""
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _descriptions:
        _descriptions.clear()
        _descriptions[key] = describe(path)
    return _descriptions[key]


@event_priority(-200)
def on_post_build(config):
    if not hubsite.all_languages_built(config) or config.extra.get("offline"):
        return
    if config.extra.get("offline_copy"):
        target = Path(config.site_dir) / "downloads"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(_zip(config), target / ZIP_NAME)
