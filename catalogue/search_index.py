"""The Pagefind search index, written from the catalogue's search records.

Each record is written as a tiny HTML page for Pagefind's indexer (its Python API waits 0.1 s per
record), a bundle of resources at a time (catalogue/search_records.py). Beside the index,
pagefind/thai-word-forms.json lists the Thai words the indexer cut into parts and the words Thai
texts hold with accents (word_breaks.py), for the search on Thai pages to look for those forms
too; and search/words-<lang>.js the words a search may offer for a misspelt one (suggestions.py).
Pagefind's word index is cut again into smaller parts (index_parts.py), as a search downloads one
part for each word. While Pagefind indexes a bundle on one core, the one before it is cut, made
reproducible and copied into the site (and, beside the first, the word lists are written).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import ExitStack, contextmanager
from functools import partial
from pathlib import Path

from .index_parts import regroup
from .model import Catalogue
from .pagefind_format import indexed_words
from .problems import BuildStopped
from .search_records import THAI_WORD_FORMS, Record, bundle_folder, record_pages, records
from .stable_index import stabilise
from .suggestions import write_word_lists
from .urls import UrlStyle
from .word_breaks import THAI, accented_forms, cut_words


class SearchIndexError(BuildStopped):
    """Pagefind's indexer failed; the message holds what it said."""


def write_index(catalogue: Catalogue, style: UrlStyle, bundle_size: int, folder: Path) -> None:
    """The search index of every language into `folder`/pagefind/, a bundle of `bundle_size`
    resources at a time (newest first), with the Thai word forms; and the word lists a search may
    suggest from, into `folder`/search/."""
    items = records(catalogue, style, bundle_size)
    bundles = record_pages(items)
    size = max(sum(len(html) for html in pages.values()) for pages in bundles.values())
    forms: dict[str, list[str]] = {}
    scratch = _scratch(size)
    with ExitStack() as folders:
        publish = None  # the bundle Pagefind indexed last, made ready while it indexes the next on one core
        for bundle, pages in bundles.items():
            tmp = Path(folders.enter_context(tempfile.TemporaryDirectory(prefix="hub-search-", dir=scratch)))
            indexer = _start_pagefind(pages, tmp)
            if publish:
                forms = publish(forms)
            else:  # while Pagefind indexes the first bundle
                write_word_lists(items, catalogue.strings, folder)
            publish = partial(_publish, bundle, _wait_for(indexer, tmp), items, folder)
        forms = publish(forms)
    if any(record.language == "th" for record in items):
        (folder / "pagefind" / THAI_WORD_FORMS).write_text(json.dumps(forms, ensure_ascii=False, separators=(",", ":")),
                                                          encoding="utf-8")


def _start_pagefind(pages: dict[str, str], tmp: Path) -> subprocess.Popen:
    """Pagefind's indexer started on the record pages of a bundle, written into `tmp`/records."""
    for name, html in pages.items():
        path = tmp / "records" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    with _one_cpu(), open(tmp / "pagefind.log", "w", encoding="utf-8") as log:
        return subprocess.Popen([sys.executable, "-m", "pagefind", "--site", str(tmp / "records"), "--output-path",
                                 str(tmp / "bundle")], stdout=log, stderr=subprocess.STDOUT, text=True)


def _wait_for(indexer: subprocess.Popen, tmp: Path) -> Path:
    """The bundle folder Pagefind wrote; the record pages are no longer needed."""
    if indexer.wait() != 0:
        said = (tmp / "pagefind.log").read_text(encoding="utf-8", errors="replace")
        raise SearchIndexError(f"Building the search index failed:\n{said}")
    shutil.rmtree(tmp / "records")
    return tmp / "bundle"


def _publish(bundle: int, output: Path, items: list[Record], folder: Path,
             forms: dict[str, list[str]]) -> dict[str, list[str]]:
    """A bundle Pagefind wrote, cut into small parts, made reproducible and copied into the site; the
    Thai word forms with its own."""
    # Pagefind's ready-made UIs are not used: the hub has its own. Older bundles are merged
    # into the newest one's search, which brings the scripts and the WebAssembly.
    unused = ["pagefind-*ui*", "pagefind-highlight.js"] + (["pagefind*.js", "wasm.*"] if bundle else [])
    for pattern in unused:
        for path in output.glob(pattern):
            path.unlink()
    regroup(output)
    stabilise(output)
    thai = [record.text for record in items if record.bundle == bundle and record.language == "th"]
    if thai:  # where two bundles hold a word differently, the newest one's form is kept
        forms = cut_words(thai, indexed_words(output, "th", *THAI)) | accented_forms(thai) | forms
    # copyfile, not copytree's copy2: a web folder needs no copied permissions, times or
    # extended attributes, three system calls fewer for each of its 6,000 files at N = 1,000
    shutil.copytree(output, folder / "pagefind" / bundle_folder(bundle), dirs_exist_ok=True,
                    copy_function=shutil.copyfile)
    shutil.rmtree(output)
    return forms


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
