"""Write the hub's machine-readable files into the built site: Atom feeds in every language,
iCalendar files of the events, the static API (api/v1/), citation files (BibTeX, RIS) and
robots.txt, which names the sitemap for crawlers; and the pages at renamed resources' former
addresses (catalogue.moved).

Events: on_config (priority 90: after hooks/validate_content.py at 100, before any page is
rendered) stops the build with a clear message when `site_url`, which the files and the
citations on resource pages need for absolute addresses, is missing or not absolute;
on_pre_build starts writing the files from `catalogue.feeds`, `ics`, `api` and `citations` in
a second process (hubsite.background), and on_post_build (-200, once, after static-i18n (-100)
has built every language) moves them into the site. The offline build writes them too: they
are plain files, and their addresses lead to the online hub. Feeds excepted: a feed reader
cannot follow a file on disk, so the copy's pages link to the online feeds, and the files would
only make the zip larger (1.6 MB of it at 1,000 resources, whatever their number: a feed holds
the newest 50). Nor the moved pages, nor a renamed event's calendar at its former addresses: links
from elsewhere lead to the online hub, not into a copy.

Pages that link to a data file (the library, the events) say its size, which is known only once
the file is written: on_post_page notes the pages that hold size markers (catalogue.pages,
in every language build, whichever process builds it), and on_post_build fills them in.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

import hubsite
from catalogue import address
from catalogue.api import write_api
from catalogue.citations import write_citations
from catalogue.feeds import write_feeds
from catalogue.history import date_resources, last_changed
from catalogue.ics import write_calendars
from catalogue.model import Catalogue
from catalogue.moved import write_forwarding_pages
from catalogue.pages import fill_data_sizes, has_size_markers
from hubsite import background

SIZED_PAGES = "pages with data file sizes"  # (path in the site, language) of each


@event_priority(90)
def on_config(config):
    catalogue = hubsite.catalogue(config, check=True)
    try:
        hubsite.site(config, catalogue)  # site_url and extra.content_licence, as the data files need them
    except ValueError as err:
        why = "; feeds, calendars, the API and citations need the hub's public address" if "site_url" in str(err) else ""
        raise Abort(f"mkdocs.yml: {err}{why}") from None
    return config


@event_priority(50)  # before hooks/generate_pages.py writes the listings: this needs only the catalogue
def on_pre_build(config):
    if hubsite.all_languages_built(config):
        catalogue = hubsite.catalogue(config, check=True)
        background.start("data", partial(_write, catalogue, hubsite.site(config, catalogue), hubsite.root(config),
                                         not config.extra.get("offline")), config.site_dir)


def on_post_page(output, page, config):
    if has_size_markers(output):
        lang = getattr(page.file, "locale", None) or hubsite.catalogue(config).default_language
        hubsite.gathered(SIZED_PAGES).add((page.file.dest_uri, lang))
    return output


@event_priority(-200)
def on_post_build(config):
    if hubsite.all_languages_built(config):
        background.collect("data", config.site_dir)
        _fill_sizes(Path(config.site_dir), hubsite.catalogue(config))


def _fill_sizes(site: Path, catalogue: Catalogue) -> None:
    def size_of(path: str) -> int | None:
        file = site / path
        return file.stat().st_size if file.is_file() else None

    pages = hubsite.gathered(SIZED_PAGES)
    for dest, lang in sorted(pages):
        page = site / dest
        page.write_text(fill_data_sizes(page.read_text(encoding="utf-8"), size_of, catalogue.translator(lang)),
                        encoding="utf-8")
    pages.clear()


def _write(catalogue: Catalogue, site: address.Site, root: Path, online: bool, folder: Path) -> None:
    # in this process only: the pages' catalogue needs no edit dates
    date_resources(catalogue.resources, last_changed(root, "content"))
    (folder / "robots.txt").write_text(address.robots(site), encoding="utf-8")
    if online:
        write_feeds(catalogue, site, folder)
        write_forwarding_pages(catalogue, site, folder)  # for addresses typed or kept elsewhere, not in the copy
    write_calendars(catalogue, site, folder, former_addresses=online)
    write_api(catalogue, site, folder)
    write_citations(catalogue, site, folder, former_addresses=online)
