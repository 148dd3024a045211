"""Add the metadata block, links, attachments and related resources to resource pages.

Events: on_page_markdown (default priority; static-i18n's own handler only translates
admonition titles) leaves a placeholder before and after the text and renders the blocks;
on_page_content (priority 10, before hooks/sanitise_content.py cleans the page) puts them
in place. The blocks are finished HTML from `catalogue.render`, which escapes every
front-matter string: run through Markdown, whose raw-HTML parsers read them character by
character, they doubled the Markdown time of a resource page. Touches only pages under resources/.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

import hubsite
from catalogue.render import Context, resource_footer, resource_header

HEADER, FOOTER = "<!-- hub:resource-header -->", "<!-- hub:resource-footer -->"
_blocks: dict[str, tuple[str, str]] = {}  # src_uri -> (header, footer), from markdown to content


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if not src.startswith("resources/"):
        return markdown
    catalogue = hubsite.catalogue(config)
    found = catalogue.version_at(src)
    if found is None:
        return markdown
    resource, version = found
    style = hubsite.url_style(config, catalogue)
    ctx = Context(catalogue, version.lang, style.page(resource.path_stem, version.lang), style,
                  hubsite.site(config, catalogue))
    page.meta["description"] = version.summary
    _blocks[src] = (resource_header(resource, ctx), resource_footer(resource, ctx))
    return f"{HEADER}\n\n{markdown.strip()}\n\n{FOOTER}\n"


@event_priority(10)
def on_page_content(html, page, config, files):
    blocks = _blocks.pop(page.file.src_uri, None)
    if blocks is None:
        return html
    return hubsite.fill(hubsite.fill(html, HEADER, blocks[0]), FOOTER, blocks[1])
