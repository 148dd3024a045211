"""Give the theme templates the hub's interface text in the page's language.

Events: on_page_context (default priority, after static-i18n's at 50 has set
`i18n_page_locale`). Adds `hub_t`, a callable: {{ hub_t("sample_notice") }}.
"""

from __future__ import annotations

from pathlib import Path

from catalogue.cache import load_cached
from catalogue.strings import Translator


def on_page_context(context, page, config, nav):
    catalogue = load_cached(Path(config.config_file_path).parent)
    lang = context.get("i18n_page_locale") or catalogue.default_language
    context["hub_t"] = Translator(catalogue.strings, lang)
    return context
