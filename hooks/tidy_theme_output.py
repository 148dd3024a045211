"""Tidy what the Material theme writes: nothing readers would download for nothing, and
markup that passes the Nu HTML Checker.

Events: on_env strips the templates' indentation; on_files leaves Material's scripts out;
on_post_page and on_post_template (404.html), at priority -90, before the Content-Security-Policy
is added at -100, mend details of Material's markup; on_post_build at priority -200, once,
after static-i18n (-100) has built every language, trims the assets.

- The templates lose their indentation as they are compiled (on_env), and pages their blank
  lines (catalogue/compact_html.py): 0.3 KB gzip of every visit.
- Material puts autocomplete="off" on its hidden checkbox toggles (not allowed on checkboxes),
  and a table-of-contents label for a "__toc" checkbox that only pages in the nav have.
- The <article> that holds the page's text gets the id the skip link of overrides/main.html
  leads to: an element with content, which screen readers (and axe's skip-link rule) need.
  Material's own skip link, which only pages with headings get and which leads past the title
  and the facts to the first heading of the text, is taken out.

- Material's scripts (its bundle, lunr and the search worker), its palette's stylesheet and
  its icon, which no page asks for, are not copied into the site (on_files), and source maps are deleted.
- Material's stylesheet loses the styles of the components the hub never shows
  (hubsite/stylesheet.py): 12 KB gzip less on every first visit, before the page can be drawn.
  The trimmed file is named by its own hash, so that browsers keeping it a year fetch the new
  one when the list or Material changes; pages link to it (on_post_page), and on_post_build
  writes it in place of Material's.
- The hub's own scripts and styles (content/assets/*.js, *.css) are minified: their comments
  are for whoever maintains them, and every reader's first visit was 3 KB (gzip) heavier with them.
- Pages ask for hub.js, hub-search.js and hub.css with a version (`?v=` and the start of their SHA-256), so
  that a browser may keep them a year (site/_headers) and still fetches a new one the day it
  changes. Material's own files have a hash in their names already. The offline copy, read
  from disk, needs none.
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

import jinja2.ext
import rcssmin
import rjsmin
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

import hubsite
from catalogue.compact_html import template_without_indentation, without_blank_lines
from catalogue.security import VERSIONED_ASSETS  # kept a year by site/_headers
from hubsite import stylesheet

TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')
TOC_LABEL = '<label class="md-nav__title" for="__toc">'
ARTICLE = '<article class="md-content__inner md-typeset">'
# Material's files that no page asks for: its scripts (overrides/main.html) and its palette's styles
# (mkdocs.yml sets no palette: the colours are in hub.css); its icon too, while mkdocs.yml names another
NEVER_ASKED_FOR = ("assets/javascripts/", "assets/stylesheets/palette.")
MATERIAL_ICON = "assets/images/favicon.png"
MATERIAL_SKIP = re.compile(r'(<div data-md-component="skip">).*?(</div>)', re.S)


class _WithoutIndentation(jinja2.ext.Extension):
    def preprocess(self, source, name, filename=None):
        return template_without_indentation(source)


def on_env(env, config, files):
    env.add_extension(_WithoutIndentation)
    return env


_versions: dict[str, str] = {}
_stylesheet: dict[str, str] = {}  # Material's stylesheet's path in the site ("from"), the trimmed one's ("to", "text")


def on_config(config):
    _versions.clear()
    if not config.extra.get("offline"):
        for name in VERSIONED_ASSETS:
            source = Path(config.docs_dir) / "assets" / name
            if source.is_file():
                _versions[name] = hashlib.sha256(source.read_bytes()).hexdigest()[:10]
    # the hub's own styles and scripts: the custom properties they read are kept
    own = dict.fromkeys(Path(config.docs_dir) / path for path in [*config.extra_css, *(f"assets/{n}" for n in VERSIONED_ASSETS)])
    readers = "".join(path.read_text(encoding="utf-8") for path in own if path.is_file())
    for folder in map(Path, config.theme.dirs):
        for source in folder.glob("assets/stylesheets/main.*.min.css"):
            _stylesheet.update(_trimmed(folder, source.relative_to(folder).as_posix(), readers))
            return
    raise Abort("Material's stylesheet (assets/stylesheets/main.*.min.css) was not found in the theme: "
                "mkdocs-material changed, update hooks/tidy_theme_output.py")


@functools.cache  # static-i18n configures each language again: trimmed once per process
def _trimmed(folder: Path, path: str, readers: str) -> dict[str, str]:
    text = stylesheet.trim((folder / path).read_text(encoding="utf-8"), stylesheet.UNUSED_COMPONENTS, readers)
    return {"from": path, "to": f"assets/stylesheets/main.{hashlib.sha256(text.encode()).hexdigest()[:8]}.min.css",
            "text": text}


def on_files(files, config):
    unused = NEVER_ASKED_FOR + ((MATERIAL_ICON,) if config.theme.get("favicon") != MATERIAL_ICON else ())
    for file in [file for file in files if file.src_uri.startswith(unused)]:
        files.remove(file)
    material = files.get_file_from_path(_stylesheet["from"])
    if material:  # the default language's build copies the theme's files; on_post_build writes the trimmed one
        files.remove(material)
    return files


@event_priority(-90)
def on_post_page(output, page, config):
    return _tidy(output)


@event_priority(-90)
def on_post_template(output_content, template_name, config):
    return _tidy(output_content) if template_name.endswith(".html") else output_content


def _tidy(output: str) -> str:
    output = output.replace(_stylesheet["from"], _stylesheet["to"], 1)
    for name, version in _versions.items():  # "assets/hub.js" on the home page, "../assets/hub.js" below it
        for start in ('"', "/"):
            output = output.replace(f'{start}assets/{name}"', f'{start}assets/{name}?v={version}"')
    output = TOGGLE.sub(r"\1", output).replace(ARTICLE, ARTICLE[:-1] + ' id="hub-content">', 1)
    output = MATERIAL_SKIP.sub(r"\1\2", output, count=1)
    if TOC_LABEL in output and 'id="__toc"' not in output:
        start = output.index(TOC_LABEL)
        end = output.index("</label>", start)
        output = output[:start] + '<span class="md-nav__title">' + output[start + len(TOC_LABEL):end] + "</span>" \
            + output[end + len("</label>"):]
    return without_blank_lines(output)


@event_priority(-200)
def on_post_build(config):
    if not hubsite.all_languages_built(config):
        return
    site = Path(config.site_dir)
    (site / _stylesheet["to"]).parent.mkdir(parents=True, exist_ok=True)
    (site / _stylesheet["to"]).write_text(_stylesheet["text"], encoding="utf-8")
    for source_map in site.rglob("*.map"):
        source_map.unlink()
    for path in [*site.glob("assets/*.js"), *site.glob("assets/*.css")]:  # Material's are in subfolders
        minify = rjsmin.jsmin if path.suffix == ".js" else rcssmin.cssmin
        path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
