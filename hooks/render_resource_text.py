"""Render a resource's text as GitHub's preview showed it to its contributor (catalogue.gfm).

Events: on_page_markdown marks each page under resources/; MkDocs then calls the page's render,
which this replaces with catalogue.gfm's: the same HTML as GitHub's, the same heading ids, table of
contents and anchors as MkDocs' own render would give, and every link and image address rewritten
by MkDocs' own rule (a source file's path becomes its page's address; a missing target stops the
strict build, as before). The hub's own pages keep MkDocs' Markdown and its extensions.
"""

from __future__ import annotations

from functools import partial

from markdown.extensions.toc import nest_toc_tokens
from mkdocs.structure.pages import _RelativePathTreeprocessor  # MkDocs' link rule; pinned, tests/test_build_fixture.py
from mkdocs.structure.toc import get_toc

import hubsite
from catalogue import gfm


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri.startswith("resources/"):
        page.render = partial(_render, page)
    return markdown


def _render(page, config, files) -> None:
    links = _RelativePathTreeprocessor(page.file, files, config)
    catalogue = hubsite.catalogue(config)
    found = catalogue.version_at(page.file.src_uri)
    text_lang = found[1].lang if found else catalogue.default_language
    rendered = gfm.render(page.markdown, links.path_to_url, catalogue.translator(text_lang))
    page.content = rendered.html
    page.toc = get_toc(nest_toc_tokens(rendered.headings))
    page.present_anchor_ids = rendered.ids()
    page.links_to_anchors = links.links_to_anchors
