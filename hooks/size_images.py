"""Images load lazily and keep their place: width, height, loading="lazy", decoding="async".

Events: on_page_content at priority -60, after the sanitiser (0) and the page blocks (-50),
so every image a page finally holds is covered. Sizes come from the files in the docs folder
(catalogue/images.py); the stylesheet scales images down to the column on small screens.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.plugins import event_priority

from catalogue.images import lazy_images


@event_priority(-60)
def on_page_content(html, page, config, files):
    if "<img" not in html:
        return html
    docs = Path(config.docs_dir)
    # src is already relative to the page's address; static files keep their docs-folder paths
    base = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url)

    def resolve(src: str):
        parts = urlsplit(src)
        if parts.scheme or parts.netloc:
            return None
        path = docs / posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        return path if path.is_file() else None

    return lazy_images(html, resolve)
