"""Fill the marker lines of the hub's hand-written pages (`<!-- hub:newsletter -->` and others).

Events: on_page_content at priority -50, after hooks/sanitise_content.py (0) has cleaned the
page: the blocks hold a form and links built from mkdocs.yml `extra`, not contributor text.
An unknown marker stops the build with the page's name. In the offline copy, the newsletter
block links to the page online instead of posting a form from disk.
"""

from __future__ import annotations

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

import hubsite
from catalogue.metadata import stem_of
from catalogue.render import Context
from catalogue.sections import fill


@event_priority(-50)
def on_page_content(html, page, config, files):
    # the hub's own pages only (about.md, contribute.md…, at the top of content/): a marker in a
    # resource's or a region's text stays a comment, or a contributor could place a form anywhere
    if "<!-- hub:" not in html or "/" in page.file.src_uri:
        return html
    catalogue = hubsite.catalogue(config)
    lang = getattr(page.file, "locale", None) or catalogue.default_language
    ctx = Context(catalogue, lang, page.url, hubsite.url_style(config, catalogue))
    online = None  # the offline copy links to the page on the web for what needs a connection
    if config.extra.get("offline"):
        online = hubsite.site(config, catalogue).page(stem_of(page.file.src_uri, catalogue.languages), lang)
    try:
        return fill(html, dict(config.extra), ctx, online)
    except KeyError as err:
        raise Abort(f"{page.file.src_uri}: {err.args[0]}") from None
