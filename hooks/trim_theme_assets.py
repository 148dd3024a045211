"""Remove what readers would download or the site would carry for nothing.

Events: on_post_build at priority -200, once, after static-i18n (-100) has built every language.

- Material's bundle fetches `sitemap.xml` next to every `<link rel="alternate">` in the head
  (hreflang translations, feeds) to remap its language links: with per-page alternates that
  is one 404 page per link on every page view. The hub writes exact links at build time, so
  that call is taken out of the bundle. The build stops if the call is not found exactly
  once: check this hook when upgrading mkdocs-material.
- Source maps, and lunr and its worker when Material's search is not used (the online site
  searches with Pagefind), are deleted.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

ALTERNATE_PREFETCH = "ui({document$:ct});"  # mkdocs-material 9.8.2


@event_priority(-200)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    site = Path(config.site_dir)
    for bundle in site.glob("assets/javascripts/bundle.*.min.js"):
        code = bundle.read_text(encoding="utf-8")
        if code.count(ALTERNATE_PREFETCH) != 1:
            raise Abort(f"{bundle}: Material's alternate-link prefetch ({ALTERNATE_PREFETCH}) was not found once; "
                        "mkdocs-material changed: update hooks/trim_theme_assets.py")
        bundle.write_text(code.replace(ALTERNATE_PREFETCH, ""), encoding="utf-8")
    for source_map in site.rglob("*.map"):
        source_map.unlink()
    if "material/search" not in config.plugins and "search" not in config.plugins:
        shutil.rmtree(site / "assets/javascripts/lunr", ignore_errors=True)
        shutil.rmtree(site / "assets/javascripts/workers", ignore_errors=True)
