"""Write the hub's generated pages (home, regions, topics, types, organisations, library,
events, news) into the docs folder as Markdown, one file per language.

Events: on_pre_build, which MkDocs runs before it collects files, so the i18n plugin,
the nav and the sitemap treat these pages like any other (writing File.generated()
objects instead breaks static-i18n, see STACK-NOTES). Runs again for every language
build; unchanged files are not rewritten. The folders written are git-ignored.
"""

from __future__ import annotations

from pathlib import Path

from catalogue.cache import load_cached
from catalogue.pages import generate
from catalogue.urls import UrlStyle
from catalogue.write import write_pages


def on_pre_build(config):
    root = Path(config.config_file_path).parent
    catalogue = load_cached(root)
    style = UrlStyle(catalogue.default_language, config.use_directory_urls)
    write_pages(Path(config.docs_dir), generate(catalogue, style), catalogue.default_language)
