"""Render the parts of Material's page template that repeat from page to page once, not per page.

Events: on_env, once per language build. Two parts of Material's template were over half of
its cost per page, and most pages get the same output from them:
- `lang.t(key)`, Material's interface strings: a macro that builds the language's whole table
  of strings on every call, sixteen times a page. overrides/partials/language.html asks
  `hub_theme_string` instead, which looks each key up once per language, by the same rule
  (the language's string, else English, else the key), after the corrections in the `theme:`
  section of locales/<lang>.yml.
- the navigation drawer (partials/nav.html). Its output depends on the language, on where the
  page is (its links are relative) and on which item is active. For pages that are not in
  the navigation, which is nearly all of them, it is rendered once for each set of relative
  links and reused; a page in the navigation, or in one of its sections, is rendered as
  Material would. overrides/partials/nav.html calls `hub_nav`, which renders Material's own
  partials/nav.html when it has to, with the site's name in the page's language.
Otherwise the output is the same as without this hook, byte for byte (checked with `diff -r`).
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import material
from markupsafe import escape
from mkdocs.utils import normalize_url

import hubsite

MATERIAL_NAV = "partials/nav.html"


def on_env(env, config, files):
    strings: dict[tuple[str, str], str] = {}
    drawers: dict[tuple, str] = {}
    # Material's own partials/nav.html, which overrides/partials/nav.html hides, as material/partials/nav.html
    originals = jinja2.FileSystemLoader(str(Path(material.__file__).parent / "templates"))
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader({"material": originals})])

    def hub_theme_string(key: str) -> str:
        lang = config.theme["language"]
        if (lang, key) not in strings:
            # locales/<lang>.yml `theme:` corrects Material's string where it is English or ambiguous
            own = (hubsite.catalogue(config).strings.get(lang, {}).get("theme") or {}).get(key) \
                or env.get_template(f"partials/languages/{lang}.html").module.t(key)
            strings[lang, key] = own or env.get_template("partials/languages/en.html").module.t(key) or key
        return strings[lang, key]

    @jinja2.pass_context
    def hub_nav(context) -> str:
        key = _drawer_key(context, config)
        if key is None or key not in drawers:
            template = env.get_template(f"material/{MATERIAL_NAV}")
            html = "".join(template.root_render_func(template.new_context(context.get_all(), shared=True)))
            translate = context.get("hub_t")  # Material titles the drawer with config.site_name, in English
            if translate and translate("site_name") != config.site_name:
                html = html.replace(config.site_name, str(escape(translate("site_name"))))
            if key is None:
                return html
            drawers[key] = html
        return drawers[key]

    env.globals.update(hub_theme_string=hub_theme_string, hub_nav=hub_nav)
    return env


def _drawer_key(context, config) -> tuple | None:
    """What the drawer's output depends on, for a page outside the navigation; None otherwise."""
    page, nav = context.get("page"), context.get("nav")
    if page is None or nav is None:
        return None
    items = list(_walk(nav.items))
    if any(getattr(item, "active", False) for item in items):
        return None
    targets = [item.url for item in items if getattr(item, "url", None) is not None]
    targets += [config.extra.get("homepage") or (nav.homepage.url if nav.homepage else ""), config.theme.get("logo") or ""]
    return (id(nav), config.theme["language"]) + tuple(normalize_url(str(url), page=page) for url in targets)


def _walk(items):
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])
