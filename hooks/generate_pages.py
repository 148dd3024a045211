"""Write the hub's generated pages (home, regions, topics, types, organisations, library,
events, news, search) into the docs folder as Markdown, one file per language.

Events: on_pre_build, which MkDocs runs before it collects files, so the i18n plugin,
the nav and the sitemap treat these pages like any other (File.generated() objects
instead are invisible to static-i18n's language builds, which read the docs folder). Runs again for every language
build: the first writes the pages of all languages, later calls with the same catalogue
skip; a changed catalogue (mkdocs serve) writes again, only the files that changed. The
folders written are git-ignored. The files hold only front matter and a placeholder;
on_page_content renders the page's HTML and puts it in place, skipping Markdown, which was
the slowest part of building listings. Rendering waits until then so that each language's
pages are rendered by the process that builds that language (hooks/build_languages_in_parallel.py).
on_page_markdown spares these pages Markdown altogether: a parser made for a placeholder cost
a fifth of a language build.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

import hubsite
from catalogue.pages import BODY_MARKER, GeneratedPage, generate
from catalogue.write import write_pages

_done: tuple = ()  # (catalogue, style, folder) whose pages are on disk
_pages: dict[str, GeneratedPage] = {}  # docs path -> the page, whose HTML is rendered when needed


def on_pre_build(config):
    global _done
    catalogue = hubsite.catalogue(config, check=True)
    style = hubsite.url_style(config, catalogue)
    if _done and _done[0] is catalogue and _done[1:] == (style, config.docs_dir):
        return
    pages = generate(catalogue, style)
    write_pages(Path(config.docs_dir), pages, catalogue.default_language)
    _pages.clear()
    _pages.update({page.filename(catalogue.default_language): page for page in pages})
    _done = (catalogue, style, config.docs_dir)


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri in _pages:
        page.hub_generated = True  # for hooks/sanitise_content.py and theme_context.py: this build wrote it
        page.render = partial(_render_placeholder, page)
    return markdown


def _render_placeholder(page, config, files) -> None:
    """What MkDocs' Page.render leaves for a page whose Markdown is the placeholder alone:
    the placeholder (an HTML comment, passed through), no headings, no anchors, no links.
    Anything else (another plugin added to it) goes through Markdown as usual."""
    if page.markdown.strip() != BODY_MARKER:
        return Page.render(page, config, files)
    page.content = BODY_MARKER
    page.toc = get_toc([])
    page.present_anchor_ids, page.links_to_anchors = set(), {}


def on_page_content(html, page, config, files):
    """Put a generated page's HTML in place of its placeholder (see GeneratedPage.markdown)."""
    if BODY_MARKER not in html:
        return html
    return hubsite.fill(html, BODY_MARKER, _pages[page.file.src_uri].body)
