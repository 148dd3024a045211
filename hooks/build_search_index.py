"""Write the Pagefind search index into site/pagefind/.

Events: on_pre_build starts it in a second process (hubsite.background) as soon as the
catalogue is loaded, because it needs records, not rendered pages; on_post_build at priority
-200, after static-i18n (-100) has built the other languages, collects it. Both act once per
build: static-i18n's nested language builds call them too, while the i18n plugin reports
`building`. Records come from `catalogue.search_records`, so only knowledge products, regions
and organisations are indexed, with their filters. Each record is written as a tiny HTML page
for Pagefind's indexer (its Python API waits 0.1 s per record). The offline copy
(config.extra.offline) gets the same records as scripts for search-offline.js instead,
because Pagefind cannot run from file://. Beside the index, pagefind/thai-word-forms.json lists the
Thai words the indexer cut into parts and the words Thai texts hold with accents
(catalogue/word_breaks.py), for the search on Thai pages to look for those forms too; and
search/words-<lang>.js, online and offline, the words a search that finds nothing may suggest
(catalogue/suggestions.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

import hubsite
from catalogue.model import Catalogue
from catalogue.pagefind_format import indexed_words
from catalogue.search_records import THAI_WORD_FORMS, bundle_folder, record_pages, records, write_offline_data
from catalogue.stable_index import stabilise
from catalogue.suggestions import write_word_lists
from catalogue.urls import UrlStyle
from catalogue.word_breaks import THAI, accented_forms, cut_words
from hubsite import background


@event_priority(50)  # before hooks/generate_pages.py writes the listings: this needs only the catalogue
def on_pre_build(config):
    if not hubsite.all_languages_built(config) or config.extra.get("offline"):
        return
    catalogue = hubsite.catalogue(config, check=True)
    work = partial(_index, catalogue, hubsite.url_style(config, catalogue), hubsite.search_bundle_size(config))
    background.start("search", work, config.site_dir)


@event_priority(-200)
def on_post_build(config):
    if not hubsite.all_languages_built(config):
        return
    if config.extra.get("offline"):
        catalogue = hubsite.catalogue(config)
        items = records(catalogue, hubsite.url_style(config, catalogue))
        write_offline_data(items, Path(config.site_dir) / "search")
        write_word_lists(items, catalogue.strings, Path(config.site_dir))
        return
    background.collect("search", config.site_dir)


def _index(catalogue: Catalogue, style: UrlStyle, bundle_size: int, folder: Path) -> None:
    items = records(catalogue, style, bundle_size)
    write_word_lists(items, catalogue.strings, folder)
    bundles = record_pages(items)
    size = max(sum(len(html) for html in pages.values()) for pages in bundles.values())
    forms: dict[str, list[str]] = {}
    for bundle, pages in bundles.items():
        with tempfile.TemporaryDirectory(prefix="hub-search-", dir=_scratch(size)) as tmp:
            source, output = Path(tmp) / "records", Path(tmp) / "bundle"
            for name, html in pages.items():
                path = source / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(html, encoding="utf-8")
            with _one_cpu():
                result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(source), "--output-path",
                                         str(output)], capture_output=True, text=True)
            if result.returncode != 0:
                raise Abort(f"Building the search index failed:\n{result.stdout}{result.stderr}")
            # Pagefind's ready-made UIs are not used: the hub has its own. Older bundles are merged
            # into the newest one's search, which brings the scripts and the WebAssembly.
            unused = ["pagefind-*ui*", "pagefind-highlight.js"] + (["pagefind*.js", "wasm.*"] if bundle else [])
            for pattern in unused:
                for path in output.glob(pattern):
                    path.unlink()
            stabilise(output)
            thai = [record.content for record in items if record.bundle == bundle and record.language == "th"]
            if thai:  # where two bundles hold a word differently, the newest one's form is kept
                forms = cut_words(thai, indexed_words(output, "th", *THAI)) | accented_forms(thai) | forms
            # copyfile, not copytree's copy2: a web folder needs no copied permissions, times or
            # extended attributes, three system calls fewer for each of its 6,000 files at N = 1,000
            shutil.copytree(output, folder / "pagefind" / bundle_folder(bundle), dirs_exist_ok=True,
                            copy_function=shutil.copyfile)
    if any(record.language == "th" for record in items):
        (folder / "pagefind" / THAI_WORD_FORMS).write_text(json.dumps(forms, ensure_ascii=False, separators=(",", ":")),
                                                          encoding="utf-8")


@contextmanager
def _one_cpu():
    """Start Pagefind on one core (it inherits this thread's affinity). Its threads allocate and
    free a compressor for every record; spread over several cores, each free makes the kernel
    interrupt the others. Together with _scratch, this took Pagefind alone from 6.2 to 3.4 s of
    CPU at N = 1,000, and from 4.5 to 3.9 s inside a build, which keeps both cores busy anyway."""
    cpus = os.sched_getaffinity(0) if hasattr(os, "sched_setaffinity") else set()
    if len(cpus) > 1:
        os.sched_setaffinity(0, {max(cpus)})
    try:
        yield
    finally:
        if len(cpus) > 1:
            os.sched_setaffinity(0, cpus)


def _scratch(size: int) -> str | None:
    """A RAM-backed folder for the record pages and Pagefind's bundle when there is room (Linux
    /dev/shm): thousands of small files written once and read once. On disk, Pagefind's threads
    contend for the folder of its results; the bundle is copied into the site afterwards."""
    shm = "/dev/shm"
    try:
        return shm if os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > 4 * size else None
    except OSError:
        return None
