"""Date each page by the last commit of its source file, for the sitemap's lastmod.

Events: on_config reads the history once per build (catalogue.history); on_pre_page sets
`page.update_date`, which MkDocs fills with the build date and static-i18n's sitemap prints
as lastmod when it is true. Pages the build writes itself (listings, region pages) and files
git does not know get no date, so their entry has no lastmod.
"""

from __future__ import annotations

from pathlib import Path

import hubsite
from catalogue.history import last_changed

_dates: dict = {}


class Undated(str):
    """Still the build date, which MkDocs takes the newest of for sitemap.xml.gz's time stamp
    (and fails on an empty one), but false for the sitemap templates' `{% if page.update_date %}`."""

    def __bool__(self) -> bool:
        return False


def on_config(config):
    root = hubsite.root(config)
    _dates.clear()
    _dates.update(last_changed(root, Path(config.docs_dir).relative_to(root).as_posix()))


def on_pre_page(page, config, files):
    source = page.file.abs_src_path
    date = _dates.get(Path(source).relative_to(hubsite.root(config)).as_posix()) if source else None
    page.update_date = date.isoformat() if date else Undated(page.update_date)
    return page
