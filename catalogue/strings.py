"""Interface text per language from locales/<lang>.yml, with English as the fallback,
and dates and times formatted the way each language writes them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel import Locale
from babel.dates import format_date, format_time

from .problems import BuildStopped


class MissingText(LookupError, BuildStopped):
    """A text the pages use that locales/en.yml, the fallback of every language, does not have.

    The check before a build catches a text taken out of English that the translations keep; one
    that no language has any more is found only when a page asks for it, and stops the build with
    this message instead of a traceback."""

    def __init__(self, key: str, lang: str):
        self.key, self.lang = key, lang
        which = f"neither this file nor locales/{lang}.yml has" if lang != "en" else "this file no longer has"
        super().__init__(f"locales/en.yml: ui.{key}: the pages use this text, which {which}; "
                         f"add '{key}:' back under 'ui:' with its English text (git log -p locales/en.yml shows the "
                         "one it had)")


class Translator:
    def __init__(self, strings: dict[str, dict[str, Any]], lang: str):
        self.lang = lang
        self._own = strings.get(lang, {}).get("ui", {}) or {}
        self._english = strings.get("en", {}).get("ui", {}) or {}
        # dates, times and numbers as this variety of the language writes them (locales/<lang>.yml
        # `format_locale`, e.g. en_GB: the hub's English is British), else as CLDR's default does
        self._locale = Locale.parse(str(strings.get(lang, {}).get("format_locale") or lang))
        self.language_names = {code: (data.get("name") or code) for code, data in strings.items()}
        self._formatted: dict[tuple[str, Any], str] = {}  # Babel's formatting, once per value: pages repeat dates

    def __call__(self, key: str, count: int | None = None, **values: Any) -> str:
        text = self.lookup(key)
        if isinstance(text, dict):
            form = self._locale.plural_form(count or 0) if count is not None else "other"
            text = text.get(form) or text.get("other") or next(iter(text.values()))
        if count is not None:
            values["count"] = self.number(count)
        return str(text).format(**values) if values else str(text)

    @property
    def format_locale(self) -> str:
        """The locale of dates, times and numbers: 'en_GB', or 'es' where the language's default serves."""
        return str(self._locale)

    def lookup(self, key: str) -> Any:
        if key in self._own:
            return self._own[key]
        if key in self._english:
            return self._english[key]
        raise MissingText(key, self.lang)

    def plural_json(self, key: str) -> str:
        """A plural text as JSON for scripts: {"one": "...", "other": "..."} with {count} left in."""
        import json

        text = self.lookup(key)
        return json.dumps(text if isinstance(text, dict) else {"other": text}, ensure_ascii=False)

    def number(self, value: int) -> str:
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self._locale)

    def _once(self, kind: str, value: Any, make) -> str:
        """Babel's formatting of `value`, made once per translator."""
        key = (kind, value)
        if key not in self._formatted:
            self._formatted[key] = make(value)
        return self._formatted[key]

    def date(self, value: dt.date | str) -> str:
        """A date as this language writes it; accepts ISO text (as templates have it)."""
        return self._once("date", value, lambda v: format_date(dt.date.fromisoformat(v) if isinstance(v, str) else v,
                                                               format="medium", locale=self._locale))

    def time(self, value: dt.datetime) -> str:
        return format_time(value, format="short", locale=self._locale)

    def zone_city(self, zone: str) -> str:
        """The city a time zone is named after, as this language writes it ('Asia/Ho_Chi_Minh' ->
        'Ho Chi Minh City', 'นครโฮจิมินห์'); the zone's id where CLDR has no city for it."""
        return self._once("zone", zone, self._zone_city)

    def _zone_city(self, zone: str) -> str:
        from babel.dates import get_timezone, get_timezone_location

        try:
            return get_timezone_location(get_timezone(zone), locale=self._locale, return_city=True)
        except (LookupError, ValueError):
            return zone

    def size(self, num_bytes: int) -> str:
        return self._once("size", num_bytes, self._size)

    def _size(self, num_bytes: int) -> str:
        from babel.numbers import format_decimal

        if num_bytes < 1000:
            return f"{num_bytes} B"
        if num_bytes < 1_000_000:
            return f"{format_decimal(round(num_bytes / 1000), locale=self._locale)} KB"
        return f"{format_decimal(round(num_bytes / 1_000_000, 1), locale=self._locale)} MB"

    def language_name(self, code: str) -> str:
        """A language's name in its own language, e.g. 'Español' (the reader may not know English)."""
        if code in self.language_names and self.language_names[code] != code:
            return self.language_names[code]
        try:
            name = Locale.parse(code).get_display_name(code) or code
        except Exception:  # unknown to Babel: show the code
            return code
        return name[:1].upper() + name[1:]


    def language_in_text(self, code: str) -> str:
        """A language's name as this language writes it in a sentence ('inglés', 'อังกฤษ'): a word a
        screen reader says in the reader's voice, where the name in itself ('English') would be
        read with the wrong one."""
        name = self._locale.languages.get(code) or self.language_name(code)
        # CLDR capitalises Vietnamese names for menus ('Tiếng Anh'); a sentence writes 'tiếng Anh'
        return name[:1].lower() + name[1:] if self.lang in LOWER_IN_TEXT else name


LOWER_IN_TEXT = {"vi"}


def utc_offset(moment: dt.datetime) -> str:
    """'UTC+07:00' for a zone-aware time."""
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
