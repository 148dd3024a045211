"""hubsite.i18n_file stands in for static-i18n's create_i18n_file in every build: it must give
the same File, attribute for attribute, for every kind of source name."""

from __future__ import annotations

from importlib.metadata import version
from types import SimpleNamespace

import pytest
from mkdocs.structure.files import File
from mkdocs_static_i18n import suffix

from hubsite import i18n_file

LANGUAGES = ["en", "es", "id", "vi", "th", "mn"]
SOURCES = [
    "index.md", "index.es.md", "about.md", "about.th.md", "README.md", "README.vi.md",
    "regions/index.md", "regions/index.mn.md", "regions/colombia.md", "regions/colombia.es.md",
    "regions/colombia/page/2.id.md", "resources/coal-phase-out.md", "resources/coal-phase-out.es.md",
    "resources/only-thai.th.md", "resources/v1.2-report.md", "resources/v1.2-report.es.md",
    "resources/pt-BR.md", "resources/guide.pt_BR.md", "resources/guide.zh-Hant-TW.md",
    "resources/notes.txt.md", "resources/name.with.dots.es.md", "resources/index/index.es.md",
    "sub/README.es.md", "assets/hub.css", "assets/hub.es.css", "files/brief.es.pdf", "files/.hidden",
    "files/.hidden.es", "files/trailing.", "files/noext", "images/map.vi.png", "es.md", "a/es.md",
]


def _state(file: File) -> dict:
    keys = ["src_uri", "src_dir", "dest_dir", "use_directory_urls", "inclusion", "dest_uri", "abs_dest_path",
            "name", "url", "locale", "locale_alternate_of", "localization", "norm_src_uri"]
    state = {key: getattr(file, key) for key in keys}
    state["alternates"] = {lang: alt is file for lang, alt in file.alternates.items()}
    return state


@pytest.mark.skipif(version("mkdocs-static-i18n") != i18n_file.COPIED_FROM, reason="copied from another release")
@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("current", ["en", "es", "th"])
def test_same_file_as_static_i18n(tmp_path, directory_urls, current):
    config = SimpleNamespace(docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"),
                             use_directory_urls=directory_urls)
    for src in SOURCES:
        source = File(src, config.docs_dir, config.site_dir, directory_urls)
        expected = suffix.create_i18n_file(source, current, "en", LANGUAGES, config)
        actual = i18n_file.create_i18n_file(source, current, "en", LANGUAGES, config)
        assert _state(actual) == _state(expected), src


def test_last_suffix_is_pathlibs():
    """hooks/focus_language_build.py tells a translation's language by it, as static-i18n does with pathlib."""
    from pathlib import PurePath

    for src in SOURCES + ["a..es", "..", ".", "x.y.", "..es"]:
        name = src.rsplit("/", 1)[-1]
        for candidate in (name, name.rsplit(".", 1)[0]):
            suffixes = PurePath(candidate).suffixes
            assert i18n_file.last_suffix(candidate) == (suffixes[-1][1:] if suffixes else None), candidate
