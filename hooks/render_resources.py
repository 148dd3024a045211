"""Add the metadata block, links, attachments and related resources to resource pages.

Events: on_page_markdown (default priority; static-i18n's own handler only translates
admonition titles). Touches only pages under resources/; the fragments come from
`catalogue.render`, which escapes every front-matter string.
"""

from __future__ import annotations

import hubsite
from catalogue.render import Context, resource_footer, resource_header


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
    return "\n\n".join((resource_header(resource, ctx), markdown.strip(), resource_footer(resource, ctx))) + "\n"
