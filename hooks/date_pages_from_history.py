"""Date each page by the last commit of its source file, for the sitemap's lastmod.

Events: on_config reads the history once per build (catalogue.history); on_pre_page sets
`page.update_date`, which MkDocs fills with the build date and static-i18n's sitemap prints
as lastmod when it is true. Pages the build writes itself (listings, region pages) and files
git does not know get no date, so their entry has no lastmod. on_post_build (-250, once, after
every language's entries are in sitemap.xml: static-i18n, and the join of
hooks/build_languages_in_parallel.py at -200) packs sitemap.xml.gz again, time-stamped with the
newest of its pages, as MkDocs stamps it for the pages of one build: built one language after
another, or in two processes, MkDocs' own stamp covers one language's pages only, and the two
ways gave different files once a page was committed after the build date.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
from pathlib import Path

from mkdocs import utils
from mkdocs.plugins import event_priority

import hubsite
from catalogue.history import last_changed

LASTMOD = re.compile(r"<lastmod>(\d{4}-\d{2}-\d{2})</lastmod>")

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


@event_priority(-250)
def on_post_build(config):
    sitemap = Path(config.site_dir) / hubsite.SITEMAP
    if not hubsite.all_languages_built(config) or not sitemap.is_file():
        return
    text = sitemap.read_text(encoding="utf-8")
    # undated pages carry the build date, as MkDocs counts them
    newest = max([utils.get_build_datetime().date().isoformat(), *LASTMOD.findall(text)])
    stamp = int(dt.datetime.fromisoformat(newest).replace(tzinfo=dt.UTC).timestamp())
    packed = sitemap.with_name(hubsite.SITEMAP + ".gz")
    with open(packed, "wb") as raw, gzip.GzipFile(fileobj=raw, filename=str(packed), mode="wb", mtime=stamp) as out:
        out.write(text.encode("utf-8"))
