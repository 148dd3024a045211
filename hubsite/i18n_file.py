"""static-i18n 1.3.1's `suffix.create_i18n_file`, with string operations instead of pathlib.

static-i18n makes one of these Files for every source of every language build, and again for
every translation it links (the language switcher): about 2,700 calls in a language build at
1,000 resources, where pathlib's objects took a seventh of the build. Same rules, same
attributes, same values: tests/test_i18n_file.py compares both on every kind of name.
Used only with the static-i18n release it copies (hooks/focus_language_build.py checks).
"""

from __future__ import annotations

import os
import posixpath
from pathlib import PurePath
from urllib.parse import quote as urlquote

from mkdocs.structure.files import File
from mkdocs_static_i18n.config import RE_LOCALE

COPIED_FROM = "1.3.1"


def _split_suffix(name: str) -> tuple[str, str]:
    """(stem, suffix) of one path component by pathlib's rule: a leading dot or a trailing one
    is not a suffix."""
    at = name.rfind(".")
    if 0 < at < len(name) - 1:
        return name[:at], name[at:]
    return name, ""


def last_suffix(name: str) -> str | None:
    """PurePath(name).suffixes[-1] without its dot, None where pathlib finds no suffix."""
    if name.endswith("."):
        return None
    parts = name.lstrip(".").split(".")
    return parts[-1] if len(parts) > 1 else None


def _join(parent: str, name: str) -> str:
    return f"{parent}/{name}" if parent not in ("", ".") else name


def _without_suffix(path: str) -> str:
    """PurePath(path).with_suffix('') as a string."""
    parent, name = posixpath.split(path)
    return _join(parent, _split_suffix(name)[0])


def create_i18n_file(file: File, current_language: str, default_language: str, all_languages: list,
                     config) -> File:
    # File(file.src_path, config.docs_dir, file.dest_path, ...) as static-i18n makes it, without
    # the pathlib round trip File.__init__ gives src_uri (it is already a clean posix path)
    new = File.__new__(File)
    new.src_uri, new.src_dir, new.dest_dir = file.src_uri, config.docs_dir, file.dest_path
    new.use_directory_urls, new.inclusion = config.use_directory_urls, file.inclusion
    dest = file.dest_uri
    locale, localization = default_language, None
    locale_site_dir = current_language if current_language != default_language else ""

    code = last_suffix(new.name)
    if code is not None:
        if code in all_languages or RE_LOCALE.match(code):
            parent, filename = posixpath.split(dest)
            stem, suffix = _split_suffix(filename)
            dest = _join(parent, _split_suffix(stem)[0]) + suffix
            new.name = _split_suffix(new.name)[0]
            locale = localization = code
        else:
            locale = default_language

    if config.use_directory_urls and localization:
        parent, filename = posixpath.split(dest)
        if parent:
            dest = _join(_without_suffix(parent), filename)
            parent, filename = posixpath.split(dest)
            if posixpath.basename(parent) in ("index", "README"):
                dest = _join(posixpath.dirname(parent), filename)

    if dest.endswith("README.html"):
        dest = _join(posixpath.dirname(dest), "index.html")

    new.dest_uri = _join(locale_site_dir, dest) if locale_site_dir else dest
    new.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, new.dest_path))
    if new.name == "README":
        new.name = "index"
    new.url = new._get_url(config.use_directory_urls)
    if locale_site_dir and (not new.url or new.url.startswith(".")) and PurePath(new.url).as_posix() == ".":
        new.url = urlquote(locale_site_dir + "/")

    new.alternates = {current_language: new}
    new.locale = locale
    new.locale_alternate_of = current_language
    new.localization = localization
    new.norm_src_uri = new.src_uri
    if localization:
        new.norm_src_uri = new.src_uri.replace(f".{localization}", "", 1)
    return new
