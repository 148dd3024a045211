"""Pagefind's word index cut again into smaller parts, each holding whole families of words.

A search downloads, for each word of the query, the one part of the index whose range holds it.
Pagefind (1.5) closes a part once it holds 20,000 word positions (a constant of its indexer),
wherever that falls: at N = 1,000 a search for "coal" downloaded a 20 KB part, of which "coal"
was a third, and "just transition" two parts, 51 KB. A cut could also fall among the words that
start alike ("transit", "transition"), and a word typed in part then found only those on its side.

Here the parts are cut at about a quarter of that size, 16,000 bytes before compression (6 KB
after, on the median), and only between words that share fewer than four first letters: all the
words that start with what a reader typed, four letters or more, are in one part. A family of
words larger than that stays whole in a part of its own ("coal", "coalition", "coalmine"). The
words' bytes are moved as they are, not decoded and written again. The bundle's metadata lists
the new parts; stable_index.py names it.

Each part's range ends with its last word written out. Pagefind shortened it to one letter past
what it shares with the next part's first word ("worke" for "worker" before "workforce"), which
left the last word itself out of every range, found only by a looser second look that Pagefind
takes when no word of a query found a part.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import cbor2

from .pagefind_format import content_name, packed, payload, read, write

PART_BYTES = 16_000  # CBOR bytes of a part before compression
FAMILY = 4  # words sharing this many first letters are never parted
LEVEL = 6  # gzip level of the parts: 1.7% larger than level 9, and a quarter of its time


def regroup(bundle: Path) -> None:
    """Cut every language's word index in a Pagefind bundle folder into new parts, in place."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read(meta_path)
        words: list[tuple[str, bytes]] = []
        for _, _, name in meta[2]:  # [[first word, last word, file name], ...] in the words' order
            path = bundle / "index" / f"{name}.pf_index"
            words += _words(path)
            path.unlink()
        meta[2] = [_write_part(bundle, lang, part, first, last) for part, first, last in _ranges(_cut(words))]
        meta_path.write_bytes(write(meta))


def _words(path: Path) -> list[tuple[str, bytes]]:
    """Each word of an index part with the bytes of its entry: [[word, pages, ...], ...] in CBOR."""
    data = payload(path)
    count, start = _array_head(data, _array_head(data, 0)[1])  # [ [entries...] ]
    stream = io.BytesIO(data)
    stream.seek(start)
    decoder = cbor2.CBORDecoder(stream, read_size=1)  # read_size 1: tell() is where the entry ends
    words = []
    for _ in range(count):
        word = decoder.decode()[0]
        end = stream.tell()
        words.append((word, data[start:end]))
        start = end
    return words


def _array_head(data: bytes, at: int) -> tuple[int, int]:
    """The length of the CBOR array whose head starts at `at`, and where its first item starts."""
    major, info = data[at] >> 5, data[at] & 31
    if major != 4 or info > 27:
        raise ValueError("not a Pagefind index part")
    if info < 24:
        return info, at + 1
    size = 1 << (info - 24)
    return int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size


def _array(length: int) -> bytes:
    if length < 24:
        return bytes([0x80 | length])
    size = next(s for s in (1, 2, 4, 8) if length < 1 << (8 * s))
    return bytes([0x80 | (24 + size.bit_length() - 1)]) + length.to_bytes(size, "big")


def shared_letters(a: str, b: str) -> int:
    """How many first letters two words share."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _cut(words: list[tuple[str, bytes]]) -> list[list[tuple[str, bytes]]]:
    """The words in parts of at most PART_BYTES, but for a family larger than that."""
    parts: list[list[tuple[str, bytes]]] = []
    part: list[tuple[str, bytes]] = []
    size = 0
    for word in words:
        if part and size + len(word[1]) > PART_BYTES and shared_letters(part[-1][0], word[0]) < FAMILY:
            parts.append(part)
            part, size = [], 0
        part.append(word)
        size += len(word[1])
    return parts + [part] if part else parts


def _ranges(parts: list[list[tuple[str, bytes]]]):
    """Each part with the first and last word of its range. A range starts as Pagefind starts it,
    one letter past what its first word shares with the word before it (so that the start of a
    word typed in part looks in the part where words start so), and ends with its last word."""
    previous = None
    for part in parts:
        first = part[0][0]
        if previous is not None:
            first = first[:shared_letters(previous, first) + 1]
        previous = part[-1][0]
        yield part, first, previous


def _write_part(bundle: Path, lang: str, part: list[tuple[str, bytes]], first: str, last: str) -> list[str]:
    data = packed(_array(1) + _array(len(part)) + b"".join(raw for _, raw in part), LEVEL)
    length = 7
    while (bundle / "index" / f"{content_name(lang, data, length)}.pf_index").exists():  # as Pagefind does on a clash
        length += 1
    name = content_name(lang, data, length)
    (bundle / "index" / f"{name}.pf_index").write_bytes(data)
    return [first, last, name]
