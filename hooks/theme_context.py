"""Give the theme templates the hub's interface text and links in the page's language.

Events: on_page_context (default priority, after static-i18n's at 50 has set
`i18n_page_locale`). Adds `hub_t`, a callable ({{ hub_t("sample_notice") }}), and
`hub_search_url`, the link from this page to the search page of its language, and
`hub_alternates`, the translations of this page for hreflang links.
"""

from __future__ import annotations

from pathlib import Path

from catalogue.cache import load_cached
from catalogue.strings import Translator
from catalogue.urls import UrlStyle, relative


def on_page_context(context, page, config, nav):
    catalogue = load_cached(Path(config.config_file_path).parent)
    lang = context.get("i18n_page_locale") or catalogue.default_language
    style = UrlStyle(catalogue.default_language, config.use_directory_urls)
    context["hub_t"] = Translator(catalogue.strings, lang)
    context["hub_search_url"] = relative(page.url, style.page("search/index", lang))
    context["hub_alternates"] = alternates(page)
    return context


def alternates(page) -> list[dict[str, str]]:
    """This page in every language it exists in (static-i18n's `alternates`), as relative links."""
    found = getattr(page.file, "alternates", None) or {}
    return [{"lang": lang, "href": relative(page.url, other.url)} for lang, other in sorted(found.items())
            if other is not None and other.url is not None]
