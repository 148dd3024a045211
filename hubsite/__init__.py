"""What the MkDocs hooks share: where the repository is, the catalogue of this build, the URL
style of this build and whether this is the last of static-i18n's language builds.

With hooks/ and scripts/build_offline.py (which runs a build itself), the only code that knows
about MkDocs; the catalogue does not.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import version
from pathlib import Path

import catalogue as catalogue_module
from catalogue.address import Site
from catalogue.cache import current, digest, load_cached
from catalogue.model import Catalogue
from catalogue.search_records import BUNDLE_SIZE
from catalogue.urls import UrlStyle

SITEMAP = "sitemap.xml"  # MkDocs writes it; the hooks join the languages' and date its entries


def root(config) -> Path:
    """The repository: the folder of mkdocs.yml."""
    return Path(config.config_file_path).parent


def catalogue(config, check: bool = False) -> Catalogue:
    """This build's catalogue; `check` re-reads the sources if they changed (once per build:
    static-i18n's language builds take the catalogue the default language's build checked)."""
    return load_cached(root(config)) if check and all_languages_built(config) else current(root(config))


def url_style(config, catalogue: Catalogue) -> UrlStyle:
    return UrlStyle(catalogue.default_language, config.use_directory_urls)


def search_bundle_size(config) -> int:
    """Resources per search bundle (catalogue.search_records); mkdocs.yml may set
    extra.search_bundle_size, which the tests do to see several bundles with few resources."""
    return int(config.extra.get("search_bundle_size") or BUNDLE_SIZE)


def search_tag(config, catalogue: Catalogue) -> str:
    """A name for this build's search index, which hub-search.js gives Pagefind (`metaCacheTag`): the
    browser then keeps the index's entry file instead of asking for it again on every page that
    searches, one round trip less on a slow connection. It changes with anything that could
    change the index: the sources, the code that turns them into records, the settings, Pagefind."""
    settings = (catalogue.today, catalogue.languages, config.use_directory_urls, search_bundle_size(config),
                *_pagefind_versions())
    if _search_tag.get("catalogue") is not catalogue or _search_tag.get("settings") != settings:
        hooks = {Path(module.__file__).parent for module in config.hooks.values()}
        code = (Path(__file__).parent, Path(catalogue_module.__file__).parent, *sorted(hooks))
        _search_tag.update(catalogue=catalogue, settings=settings, tag=digest(root(config), code, *settings))
    return _search_tag["tag"]


_search_tag: dict = {}  # the last build's: its catalogue, settings and tag


@cache
def _pagefind_versions() -> tuple[str, str]:
    return version("pagefind"), version("pagefind_bin_extended")  # each reads the installed packages' metadata


def site(config, catalogue: Catalogue) -> Site:
    marks = tuple((lang, catalogue.translator(lang)("sample_mark")) for lang in catalogue.languages) \
        if config.extra.get("sample_content") else ()
    return Site(config.site_url or "", catalogue.default_language, marks, licence(config))


def licence(config) -> tuple[str, str] | None:
    """(name, address) of mkdocs.yml extra.content_licence, as written (Site checks it)."""
    given = config.extra.get("content_licence")
    if not given:
        return None
    return (str(given.get("name") or ""), str(given.get("url") or "")) if isinstance(given, dict) else ("", "")


_command = {"name": "build"}  # MkDocs' command; the hooks' modules are loaded anew at each rebuild, this is not


def started(command: str) -> None:
    """on_startup: 'build', or 'serve' for the live preview."""
    _command["name"] = command


def previewing() -> bool:
    """Whether this build is for `mkdocs serve`'s live preview (`make serve`), whose pages are never published."""
    return _command["name"] == "serve"


def all_languages_built(config) -> bool:
    """True in the outermost on_post_build, after static-i18n has built every language: its
    nested builds call on_post_build too, while it reports `building`."""
    i18n = config.plugins.get("i18n")
    return not (i18n is not None and getattr(i18n, "building", False))


def fill(html: str, placeholder: str, content: str) -> str:
    """Put finished HTML where Markdown left a placeholder comment (alone, or wrapped in <p>)."""
    return html.replace(f"<p>{placeholder}</p>", placeholder).replace(placeholder, content, 1)


_gathered: dict[str, set] = {}


def gathered(name: str) -> set:
    """A set that hooks fill page by page over every language build, whichever process builds the
    language: hooks/build_languages_in_parallel.py brings the other process's sets back."""
    return _gathered.setdefault(name, set())


def all_gathered() -> dict[str, set]:
    return _gathered
