"""Give the theme templates the hub's interface text and links in the page's language.

Events: on_page_context and on_template_context (default priority, after static-i18n's
at 50 has set the language). Adds `hub_t`, a callable ({{ hub_t("sample_notice") }}), and
`hub_search_url`, the link from this page to the search page of its language, and
`hub_alternates`, the translations of this page for hreflang links.
"""

from __future__ import annotations

from pathlib import Path

from catalogue.cache import load_cached
from catalogue.strings import Translator
from catalogue.urls import UrlStyle, relative


def on_page_context(context, page, config, nav):
    _relative_language_links(config)
    return _add(context, context.get("i18n_page_locale"), page, config)


def _relative_language_links(config) -> None:
    """static-i18n links a page without translation to '/es/': root-relative, which breaks from a
    sub-folder and from disk. Made site-relative, the theme's `url` filter makes them relative."""
    # static-i18n sets `config.extra.alternate` as an attribute, Material reads it either way
    for links in (getattr(config.extra, "alternate", None), config.extra.get("alternate")):
        for alternate in links or []:
            alternate["link"] = alternate["link"].lstrip("/") or "./"


def on_template_context(context, template_name, config):
    """Templates that are not pages, such as 404.html, get the same text."""
    return _add(context, context.get("i18n_current_language"), None, config)


def _add(context, lang, page, config):
    catalogue = load_cached(Path(config.config_file_path).parent)
    lang = lang or catalogue.default_language
    style = UrlStyle(catalogue.default_language, config.use_directory_urls)
    url = page.url if page is not None else style.page("index", lang)
    context["hub_t"] = Translator(catalogue.strings, lang)
    context["hub_search_url"] = relative(url, style.page("search/index", lang))
    context["hub_alternates"] = alternates(page) if page is not None else []
    context["hub_acknowledgements"] = acknowledgements(catalogue, lang)
    return context


def acknowledgements(catalogue, lang: str) -> list[dict[str, str]]:
    """The donors' funding acknowledgements, translated where locales/<lang>.yml has them."""
    own = catalogue.strings.get(lang, {}).get("acknowledgements") or {}
    return [{"text": own.get(org.id) or org.acknowledgement, "lang": "" if own.get(org.id) or lang == "en" else "en"}
            for org in catalogue.organisations.values() if org.role == "donor" and org.acknowledgement]


def alternates(page) -> list[dict[str, str]]:
    """This page in every language it exists in (static-i18n's `alternates`), as relative links."""
    found = getattr(page.file, "alternates", None) or {}
    return [{"lang": lang, "href": relative(page.url, other.url)} for lang, other in sorted(found.items())
            if other is not None and other.url is not None]
