"""Tidy what the Material theme writes: nothing readers would download for nothing, and
markup that passes the Nu HTML Checker.

Events: on_post_page and on_post_template (404.html), at priority -90, before the
Content-Security-Policy is added at -100, mend two details of Material's markup; on_post_build at priority -200, once, after
static-i18n (-100) has built every language, trims the assets.

- Material puts autocomplete="off" on its hidden checkbox toggles (not allowed on checkboxes),
  and a table-of-contents label for a "__toc" checkbox that only pages in the nav have.
- Without a palette in mkdocs.yml (the colours are in hub.css), Material still writes a script
  that restores a reader's palette choice, which the hub does not offer: it is taken out.
- The <article> that holds the page's text gets the id the skip link of overrides/main.html
  leads to: an element with content, which screen readers (and axe's skip-link rule) need.
  Material's own skip link, which only pages with headings get and which leads past the title
  and the facts to the first heading of the text, is taken out.

- Material's bundle fetches `sitemap.xml` next to every `<link rel="alternate">` in the head
  (hreflang translations, feeds) to remap its language links: with per-page alternates that
  is one 404 page per link on every page view. The hub writes exact links at build time, so
  that call is taken out of the bundle. The build stops if the call is not found exactly
  once: check this hook when upgrading mkdocs-material.
- Source maps, and lunr and its worker when Material's search is not used (the online site
  searches with Pagefind), are deleted.
- The hub's own scripts and styles (content/assets/*.js, *.css) are minified: their comments
  are for whoever maintains them, and every reader's first visit was 3 KB (gzip) heavier with them.
- Pages ask for hub.js and hub.css with a version (`?v=` and the start of their SHA-256), so
  that a browser may keep them a year (site/_headers) and still fetches a new one the day it
  changes. Material's own files have a hash in their names already. The offline copy, read
  from disk, needs none.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

import hubsite

ALTERNATE_PREFETCH = "ui({document$:ct});"  # mkdocs-material 9.8.2
TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')
TOC_LABEL = '<label class="md-nav__title" for="__toc">'
ARTICLE = '<article class="md-content__inner md-typeset">'
PALETTE_CHOICE = '<script>var palette=__md_get("__palette")'
MATERIAL_SKIP = re.compile(r'(<div data-md-component="skip">).*?(</div>)', re.S)


OWN_ASSETS = ("hub.js", "hub.css")
_versions: dict[str, str] = {}


def on_config(config):
    _versions.clear()
    if not config.extra.get("offline"):
        for name in OWN_ASSETS:
            source = Path(config.docs_dir) / "assets" / name
            if source.is_file():
                _versions[name] = hashlib.sha256(source.read_bytes()).hexdigest()[:10]


@event_priority(-90)
def on_post_page(output, page, config):
    return _tidy(output)


@event_priority(-90)
def on_post_template(output_content, template_name, config):
    return _tidy(output_content) if template_name.endswith(".html") else output_content


def _tidy(output: str) -> str:
    for name, version in _versions.items():  # "assets/hub.js" on the home page, "../assets/hub.js" below it
        for start in ('"', "/"):
            output = output.replace(f'{start}assets/{name}"', f'{start}assets/{name}?v={version}"')
    output = TOGGLE.sub(r"\1", output).replace(ARTICLE, ARTICLE[:-1] + ' id="hub-content">', 1)
    output = MATERIAL_SKIP.sub(r"\1\2", output, count=1)
    # found with str.find: a pattern starting with \s* was tried at every position, a millisecond a page
    palette = output.find(PALETTE_CHOICE)
    if palette >= 0:
        end = output.index("</script>", palette) + len("</script>")
        output = output[:palette].rstrip() + output[end:]
    if TOC_LABEL in output and 'id="__toc"' not in output:
        start = output.index(TOC_LABEL)
        end = output.index("</label>", start)
        output = output[:start] + '<span class="md-nav__title">' + output[start + len(TOC_LABEL):end] + "</span>" \
            + output[end + len("</label>"):]
    return output


@event_priority(-200)
def on_post_build(config):
    if not hubsite.all_languages_built(config):
        return
    site = Path(config.site_dir)
    for bundle in site.glob("assets/javascripts/bundle.*.min.js"):
        code = bundle.read_text(encoding="utf-8")
        if code.count(ALTERNATE_PREFETCH) != 1:
            raise Abort(f"{bundle}: Material's alternate-link prefetch ({ALTERNATE_PREFETCH}) was not found once; "
                        "mkdocs-material changed: update hooks/tidy_theme_output.py")
        bundle.write_text(code.replace(ALTERNATE_PREFETCH, ""), encoding="utf-8")
    for source_map in site.rglob("*.map"):
        source_map.unlink()
    for path in [*site.glob("assets/*.js"), *site.glob("assets/*.css")]:  # Material's are in subfolders
        minify = rjsmin.jsmin if path.suffix == ".js" else rcssmin.cssmin
        path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
    if "material/search" not in config.plugins and "search" not in config.plugins:
        shutil.rmtree(site / "assets/javascripts/lunr", ignore_errors=True)
        shutil.rmtree(site / "assets/javascripts/workers", ignore_errors=True)
