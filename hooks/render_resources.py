"""Add the metadata block, links, attachments and related resources to resource pages.

Events: on_page_markdown (default priority; static-i18n's own handler only translates
admonition titles). Touches only pages under resources/; the fragments come from
`catalogue.render`, which escapes every front-matter string.
"""

from __future__ import annotations

from pathlib import Path

from catalogue.address import Site
from catalogue.cache import load_cached
from catalogue.render import Context, resource_footer, resource_header
from catalogue.urls import UrlStyle


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if not src.startswith("resources/"):
        return markdown
    catalogue = load_cached(Path(config.config_file_path).parent)
    found = catalogue.version_at(src)
    if found is None:
        return markdown
    resource, version = found
    style = UrlStyle(catalogue.default_language, config.use_directory_urls)
    ctx = Context(catalogue, version.lang, style.page(resource.path_stem, version.lang), style,
                  Site(config.site_url, catalogue.default_language))
    page.meta["description"] = version.summary
    return "\n\n".join((resource_header(resource, ctx), markdown.strip(), resource_footer(resource, ctx))) + "\n"
