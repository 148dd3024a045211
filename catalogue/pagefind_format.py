"""Pagefind's index files, read and written in their own format: "pagefind_dcd" then CBOR, gzipped.

The hub reads them for two reasons: to make their bytes the same from build to build
(stable_index.py), and to learn which words the indexer kept whole (word_breaks.py).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

MAGIC = b"pagefind_dcd"


def read(path: Path):
    return cbor2.loads(payload(path))


def payload(path: Path) -> bytes:
    """A file's CBOR bytes, unzipped, after the signature."""
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(MAGIC):
        raise ValueError(f"{path.name} is not a Pagefind index file")
    return raw[len(MAGIC):]


def write(data) -> bytes:
    return packed(cbor2.dumps(data))


def packed(cbor: bytes, level: int = 9) -> bytes:
    """CBOR bytes as a Pagefind file holds them."""
    return gzip.compress(MAGIC + cbor, compresslevel=level, mtime=0)


def content_name(lang: str, data: bytes, length: int) -> str:
    """A file's name after its content, as Pagefind names its own: the language, then the hash's start."""
    return f"{lang}_{hashlib.sha256(data).hexdigest()[:length]}"


def written_forms(bundle: Path, lang: str, first: str, last: str) -> dict[str, dict[str, int]]:
    """The words of a bundle's index in `lang` from `first` to `last` (in Unicode's order), each as the
    index keeps it, without accents or marks, with the forms it is written in and the number of records
    that hold each form: {"biobio": {"biobío": 1}}. Only the parts of the index that hold such words are
    read: the metadata lists each part's first and last word.
    An entry is [word without accents or marks, its pages, [[form as written, its pages], ...]]."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    parts = read(bundle / f"pagefind.{entry['languages'][lang]['hash']}.pf_meta")[2]  # [[first, last, file], ...]
    words: dict[str, dict[str, int]] = {}
    for _, _, name in (part for part in parts if part[1] >= first and part[0] <= last):
        for word, pages, *forms in read(bundle / "index" / f"{name}.pf_index")[0]:
            if first <= word <= last:
                words[word] = {written: len(listed) for written, listed in [(word, pages), *(forms[0] if forms else [])]
                               if listed}
    return words


def indexed_words(bundle: Path, lang: str, first: str, last: str) -> dict[str, int]:
    """The words of `written_forms`, in each form they are written in, with the records holding it."""
    return {written: count for forms in written_forms(bundle, lang, first, last).values()
            for written, count in forms.items()}
