"""Write the Pagefind search index into site/pagefind/ (catalogue/search_index.py).

Events: on_pre_build starts it in a second process (hubsite.background) as soon as the
catalogue is loaded, because it needs records, not rendered pages; on_post_build at priority
-200, after static-i18n (-100) has built the other languages, collects it. Both act once per
build: static-i18n's nested language builds call them too, while the i18n plugin reports
`building`. Records come from `catalogue.search_records`, so only knowledge products, regions
and organisations are indexed, with their filters. The offline copy (config.extra.offline) gets
the same records as scripts for search-offline.js instead, because Pagefind cannot run from
file://; online and offline, search/words-<lang>.js holds the words a search may offer for a
misspelt one (catalogue/suggestions.py).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from mkdocs.plugins import event_priority

import hubsite
from catalogue.search_index import write_index
from catalogue.search_records import records, write_offline_data
from catalogue.suggestions import write_word_lists
from hubsite import background


@event_priority(50)  # before hooks/generate_pages.py writes the listings: this needs only the catalogue
def on_pre_build(config):
    if not hubsite.all_languages_built(config) or config.extra.get("offline"):
        return
    catalogue = hubsite.catalogue(config, check=True)
    work = partial(write_index, catalogue, hubsite.url_style(config, catalogue), hubsite.search_bundle_size(config))
    background.start("search", work, config.site_dir)


@event_priority(-200)
def on_post_build(config):
    if not hubsite.all_languages_built(config):
        return
    if config.extra.get("offline"):
        catalogue = hubsite.catalogue(config)
        items = records(catalogue, hubsite.url_style(config, catalogue))
        write_offline_data(items, Path(config.site_dir) / "search")
        write_word_lists(items, catalogue.strings, Path(config.site_dir))
        return
    background.collect("search", config.site_dir)
