"""Make contributor text inert wherever it is written.

Events: on_page_markdown escapes the page title once (Material writes `page.title` and
`page.meta.title` raw into <title>, the header and the nav; MkDocs does not autoescape);
on_page_content cleans the rendered HTML of every page written by people with
`catalogue.sanitize.clean`. The pages hooks/generate_pages.py writes (it marks each page object:
`hub_page` in front matter alone proves nothing, anyone can write it) are built from escaped
fragments and keep their forms (search), so they are left as they are.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from catalogue.sanitize import clean


def on_page_markdown(markdown, page, config, files):
    title = page.meta.get("title")
    if isinstance(title, str) and not isinstance(title, Markup):
        page.meta["title"] = Markup(escape(title, quote=True))
    return markdown


def on_page_content(html, page, config, files):
    if getattr(page, "hub_generated", False):  # set by hooks/generate_pages.py: not a front-matter key anyone can write
        return html
    return clean(html)
