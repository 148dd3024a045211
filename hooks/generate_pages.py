"""Write the hub's generated pages (home, regions, topics, types, organisations, library,
events, news) into the docs folder as Markdown, one file per language.

Events: on_pre_build, which MkDocs runs before it collects files, so the i18n plugin,
the nav and the sitemap treat these pages like any other (writing File.generated()
objects instead breaks static-i18n, see STACK-NOTES). Runs again for every language
build: the first writes the pages of all languages, later calls with the same catalogue
skip; a changed catalogue (mkdocs serve) writes again, only the files that changed. The
folders written are git-ignored.
"""

from __future__ import annotations

from pathlib import Path

import hubsite
from catalogue.pages import generate
from catalogue.write import write_pages

_done: tuple = ()  # (catalogue, style, folder) whose pages are on disk


def on_pre_build(config):
    global _done
    catalogue = hubsite.catalogue(config, check=True)
    style = hubsite.url_style(config, catalogue)
    if _done and _done[0] is catalogue and _done[1:] == (style, config.docs_dir):
        return
    write_pages(Path(config.docs_dir), generate(catalogue, style), catalogue.default_language)
    _done = (catalogue, style, config.docs_dir)
