"""Make static-i18n's handling of files in each language build cost what the build uses.

Events: on_config, and on_files at priority -90, just before static-i18n's (-100).

1. In the build of a language other than the default, a page or file is used only when it
   has a version in that language (`slug.es.md`); static-i18n drops the rest after reading
   each one (with no fallback copies, see mkdocs.yml). Leaving out, before it starts, every
   source without such a version, while keeping all versions of those with one (the language
   switcher and hreflang links need them), gives the same files in a fraction of the time:
   most sources are English-only resources. The theme's own files (Material's scripts and
   styles) are left out too: every language build wrote the same copy over the default
   build's. They are not even listed there (on_config): finding them walks the theme's
   folders, thousands of icons. The default language's build gets every file, as before.
2. static-i18n 1.3.1 finds a page's translations by making a File of every candidate for every
   language and keeping the one in that language: for the generated pages, six languages of
   them, that was a third of a language build. The replacement makes only the File it keeps,
   telling the language from the file name by static-i18n's own rule, and leaves every
   other case (fallback copies, another version of static-i18n) to static-i18n.
3. 404.html is written by the default language's build only. Every build writes it at the site's
   root, where a static host looks for it, so the last language built replaced the default one.
4. With static-i18n 1.3.1, the Files themselves are made by hubsite.i18n_file, the same
   function without pathlib.
"""

from __future__ import annotations

import os
from importlib.metadata import version

from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from hubsite import i18n_file as string_i18n_file

NOT_FOUND = "404.html"


def on_config(config):
    _theme_files_in_default_build_only()


@event_priority(-90)
def on_files(files, config):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return files
    _use_faster_i18n_files(i18n)
    default = i18n.current_language == i18n.default_language
    _write_404_in_default_build_only(config.theme, default)
    if default:
        return files
    languages, docs = set(i18n.all_languages), os.path.join(config.docs_dir, "")
    sources = {file.src_uri: _unsuffixed(file.src_uri, languages) for file in files
               if file.abs_src_path and file.abs_src_path.startswith(docs)}
    wanted = {base for base, lang in sources.values() if lang == i18n.current_language}
    return Files([file for file in files if file.src_uri in sources and sources[file.src_uri][0] in wanted])


def _theme_files_in_default_build_only() -> None:
    add_files_from_theme = Files.add_files_from_theme
    if getattr(add_files_from_theme, "_hub_default_build_only", False):
        return

    def in_default_build_only(files, env, config):
        i18n = config.plugins.get("i18n")
        if i18n is None or i18n.current_language == i18n.default_language:
            add_files_from_theme(files, env, config)

    in_default_build_only._hub_default_build_only = True
    Files.add_files_from_theme = in_default_build_only


def _write_404_in_default_build_only(theme, default: bool) -> None:
    if not hasattr(theme, "_hub_has_404"):  # the theme's own list, before any build changed it
        theme._hub_has_404 = NOT_FOUND in theme.static_templates
    if theme._hub_has_404:
        (theme.static_templates.add if default else theme.static_templates.discard)(NOT_FOUND)


def _unsuffixed(src_uri: str, languages: set[str]) -> tuple[str, str | None]:
    """('resources/mine.md', 'es') for 'resources/mine.es.md'; (src_uri, None) without a suffix."""
    stem, dot, extension = src_uri.rpartition(".")
    base, dot_lang, lang = stem.rpartition(".")
    if dot and dot_lang and lang in languages and "/" not in lang:
        return f"{base}.{extension}", lang
    return src_uri, None


def _use_faster_i18n_files(i18n) -> None:
    if getattr(i18n, "_hub_faster_i18n_files", False) or version("mkdocs-static-i18n") != string_i18n_file.COPIED_FROM:
        return
    from mkdocs_static_i18n import suffix
    from mkdocs_static_i18n.config import RE_LOCALE

    suffix.create_i18n_file = string_i18n_file.create_i18n_file  # looked up there on every reconfigure_files

    slow = i18n.reconfigure_files_alternates

    def locale(file) -> str:
        """create_i18n_file's rule: the last suffix of the name when it is a language code."""
        code = string_i18n_file.last_suffix(file.name)
        return code if code and (code in i18n.all_languages or RE_LOCALE.match(code)) else i18n.default_language

    def reconfigure_files_alternates(i18n_src_uris, i18n_alternate_src_uris, mkdocs_config, create_i18n_file):
        if i18n.config.fallback_to_default:
            return slow(i18n_src_uris, i18n_alternate_src_uris, mkdocs_config, create_i18n_file)
        for build_lang in sorted(i18n.build_languages):
            for src_uri, i18n_file in i18n_src_uris.items():
                if build_lang in i18n_file.alternates:
                    continue
                for candidate in i18n_alternate_src_uris.get(src_uri, []):
                    if locale(candidate) != build_lang:
                        continue
                    alternate = create_i18n_file(candidate, build_lang, i18n.default_language, i18n.all_languages,
                                                 mkdocs_config)
                    if alternate.locale == build_lang:
                        i18n_file.alternates[build_lang] = alternate
                        break
        return None

    i18n.reconfigure_files_alternates = reconfigure_files_alternates
    i18n._hub_faster_i18n_files = True
