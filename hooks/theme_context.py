"""Give the theme templates the hub's interface text and links in the page's language.

Events: on_page_context and on_template_context (default priority, after static-i18n's
at 50 has set the language). Adds `hub_t`, a callable ({{ hub_t("sample_notice") }}), and
`hub_search_url`, the link from this page to the search page of its language (and
`hub_on_search_page`, whether it is that page),
`hub_alternates`, the translations of this page for hreflang links, `hub_head`, the
page's canonical address, Open Graph tags, JSON-LD and feed (`catalogue.metadata`),
`hub_search_bundles`, how the search index is split by date, `hub_acknowledgements`, the
donors the footer credits, `hub_offline_start` and `hub_offline_copies`, the offline copies the
footer offers (or, in a copy, its home), and on 404.html `hub_not_found`, its text and links in
every language.
"""

from __future__ import annotations

from markupsafe import Markup

import hubsite
from catalogue import address
from catalogue.metadata import Page, head
from catalogue.render import region_stem
from catalogue.search_records import bundle_count
from catalogue.strings import Translator
from catalogue.urls import relative


def on_page_context(context, page, config, nav):
    _language_links(config, page)
    return _add(context, context.get("i18n_page_locale"), page, config)


def _language_links(config, page) -> None:
    """The language menu. static-i18n links a page without translation to '/es/' (or
    '/<site_url path>/es/'): root-relative, which breaks from a sub-folder and from disk. Made
    site-relative, the theme's `url` filter makes them relative. A resource without a translation
    links to its (first) region's page in that language instead of the home page, so that the
    reader stays near what they were reading."""
    root = address.Site(config.site_url).path
    catalogue = hubsite.catalogue(config)
    found = catalogue.version_at(page.file.src_uri) if page is not None else None
    translated = getattr(page.file, "alternates", None) or {} if page is not None else {}
    # static-i18n sets `config.extra.alternate` as an attribute, Material reads it either way
    for links in (getattr(config.extra, "alternate", None), config.extra.get("alternate")):
        for alternate in links or []:
            link = alternate["link"]
            alternate["link"] = (link[len(root):] if link.startswith(root) else link.lstrip("/")) or "./"
            if found and alternate["lang"] not in translated:
                region = region_stem(found[0].regions[0])
                # ?untranslated: the region page says why the reader is there (hub.js)
                alternate["link"] = hubsite.url_style(config, catalogue).page(region, alternate["lang"]) + "?untranslated"


def on_template_context(context, template_name, config):
    """Templates that are not pages, such as 404.html, get the same text."""
    context = _add(context, context.get("i18n_current_language"), None, config)
    if template_name == "404.html":
        catalogue = hubsite.catalogue(config)
        context["hub_not_found"] = not_found(catalogue, hubsite.url_style(config, catalogue),
                                             hubsite.site(config, catalogue).path)
    return context


def _add(context, lang, page, config):
    catalogue = hubsite.catalogue(config)
    lang = lang or catalogue.default_language
    style = hubsite.url_style(config, catalogue)
    url = page.url if page is not None else style.page("index", lang)
    context["hub_t"] = catalogue.translator(lang)
    search_page = style.page("search/index", lang)
    context["hub_search_url"], context["hub_on_search_page"] = relative(url, search_page), url == search_page
    site, offline = hubsite.site(config, catalogue), bool(config.extra.get("offline"))
    context["hub_alternates"] = alternates(page, None if offline else site) if page is not None else []
    context["hub_head"] = None if page is None else head(catalogue, _page(page, lang, context["hub_t"]), site, offline)
    context["hub_acknowledgements"] = acknowledgements(catalogue, lang)
    context["hub_offline_start"] = site.prefix(lang) + "index.html"  # the page's language's home in the offline copy
    context["hub_offline_copies"] = offline_copies(config.extra.get("offline_copies") or {}, lang, context["hub_t"])
    context["hub_search_bundles"] = search_bundles(catalogue, config)
    return context


def offline_copies(copies: dict[str, dict], lang: str, t: Translator) -> list[dict]:
    """The offline copies a page's footer offers (hooks/publish_offline_copy.py): first the copy in
    its language (with the default language), then the complete one, each saying what it holds."""
    return [dict(copies[key], what=t(label)) for key, label in ((lang, "offline_languages"), ("", "offline_all_languages"))
            if key in copies]


def not_found(catalogue, style, root: str) -> list[dict[str, str]]:
    """What the page for missing addresses says, in every language, default first: a static host
    serves that one page for every language's missing addresses, at any depth, so its links
    start at the site's root path (`root`, e.g. '/' or '/knowledge-hub/'), as MkDocs makes them."""
    out = []
    for lang in catalogue.languages:
        t = catalogue.translator(lang)
        out.append({"lang": lang, "title": t("not_found_title"), "text": t("not_found_text"),
                    "home": root + style.page("index", lang), "home_label": t("home_title"),
                    "search": root + style.page("search/index", lang), "search_label": t("search_label")})
    return out


def search_bundles(catalogue, config) -> dict[str, int | str]:
    """How the search index is split (catalogue.search_records), for hub-search.js: the offline copy's
    engine holds every record in one piece."""
    total, size = len(catalogue.resources), hubsite.search_bundle_size(config)
    if config.extra.get("offline"):
        return {"count": 1, "newest": total, "total": total, "tag": ""}
    return {"count": bundle_count(total, size), "newest": min(size, total), "total": total,
            "tag": hubsite.search_tag(config, catalogue)}


def acknowledgements(catalogue, lang: str) -> list[dict[str, str]]:
    """The donors' funding acknowledgements, translated where locales/<lang>.yml has them; `lang`
    is set only where the text's language differs from the page's."""
    texts = [catalogue.acknowledgement(org, lang) for org in catalogue.organisations.values()
             if org.role == "donor" and org.acknowledgement]
    return [{"text": text, "lang": "" if text_lang == lang else text_lang} for text, text_lang in texts]


def _page(page, lang: str, t: Translator) -> Page:
    """The page as plain values. Titles arrive escaped (hooks/sanitise_content.py): unescaped
    here, because the template escapes each value where it writes it."""
    title = page.title or ""
    description = page.meta.get("description") or t("site_description")
    kind = page.meta.get("hub_page") if getattr(page, "hub_generated", False) else ""  # see hooks/generate_pages.py
    return Page(src_uri=page.file.src_uri, lang=lang, kind=kind or "",
                title=str(title.unescape() if isinstance(title, Markup) else title), description=str(description),
                url=page.url, translations=[alternate["lang"] for alternate in alternates(page)])


def alternates(page, site=None) -> list[dict[str, str]]:
    """This page in every language it exists in (static-i18n's `alternates`): absolute addresses
    with `site`, as search engines require of hreflang links; relative ones without (offline)."""
    found = getattr(page.file, "alternates", None) or {}
    return [{"lang": lang, "href": site.at(other.url) if site else relative(page.url, other.url)}
            for lang, other in sorted(found.items()) if other is not None and other.url is not None]
