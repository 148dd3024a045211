"""Build the other languages in a second process while the default language builds.

static-i18n builds the languages one after another, at the end of the default language's
build (its on_post_build calls MkDocs' build() once per language). They need only the sources
and the generated pages, which are on disk once on_pre_build has run, so a forked process
(hubsite.background) can build them meanwhile on a second core. It writes into a staging
folder, because the default build cleans the site folder when it starts writing, and returns
what the hooks gathered page by page (hubsite.gathered) and its languages' part of the sitemap
(static-i18n writes one sitemap of the languages built so far, so each process has part of it).
When static-i18n then asks for the first of those languages, the staged languages move into the
site instead; the rest are already there. The second core also runs the search index and the data
files (hubsite.background); measured at 1,000 and 10,000 resources, it still finishes its share
about when the default language's build, the longest, does.

Events: on_pre_build at priority -50, after hooks/generate_pages.py has written the pages;
on_post_build at -200 joins the sitemap as one process would have written it and puts
static-i18n's own build() back. Nothing changes without fork (Windows), with
HUB_SEQUENTIAL_BUILD=1, without static-i18n, or with one language: static-i18n builds as before.
"""

from __future__ import annotations

from pathlib import Path

import mkdocs_static_i18n.plugin as static_i18n
from mkdocs import utils
from mkdocs.plugins import event_priority

import hubsite
from hubsite import background

_build = static_i18n.build  # what static-i18n calls for each language
_staged: _StagedLanguages | None = None


@event_priority(-50)
def on_pre_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or not hubsite.all_languages_built(config) or not background.parallel():
        return
    global _staged
    others = [lang for lang in i18n.build_languages if lang != i18n.current_language]
    if not others:
        return
    i18n.i18n_files_per_language.clear()  # the pages of the sitemap: this build's only (mkdocs serve)
    background.start("languages", lambda folder: _build_languages(config, i18n, others, folder), config.site_dir)
    static_i18n.build = _staged = _StagedLanguages(others)


@event_priority(-200)
def on_post_build(config):
    global _staged
    if not hubsite.all_languages_built(config) or _staged is None:
        return
    static_i18n.build = _build
    if _staged.sitemap_entries:
        _join_sitemap(Path(config.site_dir), _staged.sitemap_entries)
    _staged = None


def _build_languages(config, i18n, languages: list[str], folder: Path) -> tuple[dict[str, set], str]:
    """In the forked process: what static-i18n's on_post_build does, into `folder`."""
    config.site_dir = str(folder)
    utils.clean_directory = lambda path: None  # as static-i18n does: one language must not erase another
    hubsite.all_gathered().clear()
    i18n.building = True
    templates = config.theme.static_templates
    for lang in languages:
        i18n.current_language = lang
        # static-i18n's sitemap lists every language built so far: only the last one is kept
        (templates.add if lang == languages[-1] else templates.discard)(hubsite.SITEMAP)
        _build(config)
    sitemap = folder / hubsite.SITEMAP
    entries = _entries(sitemap.read_text(encoding="utf-8")) if sitemap.is_file() else ""
    sitemap.unlink(missing_ok=True)
    sitemap.with_name(hubsite.SITEMAP + ".gz").unlink(missing_ok=True)
    return hubsite.all_gathered(), entries


def _entries(sitemap: str) -> str:
    """The <url> entries of a sitemap, as written."""
    return sitemap[sitemap.index(">", sitemap.index("<urlset")) + 1: sitemap.rindex("</urlset>")]


def _join_sitemap(site_dir: Path, entries: str) -> None:
    """Put the other process's entries where one process would have written them: after the
    default language's, before </urlset> (hooks/date_pages_from_history.py packs it again)."""
    sitemap = site_dir / hubsite.SITEMAP
    if not sitemap.is_file():
        return
    text = sitemap.read_text(encoding="utf-8")
    at = len(text[:text.rindex("</urlset>")].rstrip("\n"))
    sitemap.write_text(text[:at] + entries.rstrip("\n") + text[at:], encoding="utf-8")


class _StagedLanguages:
    """Stands in for build() in static-i18n's loop: the first call collects every staged language."""

    def __init__(self, staged: list[str]):
        self.staged, self.sitemap_entries, self.collected = set(staged), "", False

    def __call__(self, config, dirty: bool = False):
        i18n = config.plugins["i18n"]
        if i18n.current_language not in self.staged:
            return _build(config, dirty=dirty)
        if not self.collected:
            self.collected = True
            gathered, self.sitemap_entries = background.collect("languages", config.site_dir)
            for name, values in gathered.items():
                hubsite.gathered(name).update(values)
