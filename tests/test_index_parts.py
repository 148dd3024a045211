"""The search index's parts (catalogue/index_parts.py): a search downloads, for each word, the part
whose range holds it; the parts are small, and words that start alike are never parted."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import cbor2

from catalogue import index_parts
from catalogue.pagefind_format import read, write


def parts(bundle: Path) -> dict[str, list[tuple[str, str, list]]]:
    """Each language's parts in the metadata's order: (first, last, [[word, pages, ...], ...])."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return {lang: [(first, last, read(bundle / "index" / f"{name}.pf_index")[0])
                   for first, last, name in read(bundle / f"pagefind.{info['hash']}.pf_meta")[2]]
            for lang, info in entry["languages"].items()}


def part_for(word: str, ranges: list[tuple[str, str, list]]) -> int | None:
    """The part Pagefind downloads for a word: the first whose range holds it."""
    return next((i for i, (first, last, _) in enumerate(ranges) if first <= word <= last), None)


def test_a_search_for_each_word_of_the_index_downloads_the_part_that_holds_it(real_site):
    """Pagefind ended each range one letter past what its last word shares with the next part's first
    ("technic" before "tha…" ended "te"), so the last word of a part was in no range: found only by a
    second, looser look that Pagefind takes when no word of a query found a part."""
    for lang, ranges in parts(real_site / "pagefind").items():
        assert len(ranges) > 1, lang
        for i, (_, _, words) in enumerate(ranges):
            for word, *_ in words:
                assert part_for(word, ranges) == i, (lang, word, i, part_for(word, ranges))


def test_words_that_start_alike_are_never_parted(real_site):
    """A word typed in part ("transi") finds the words starting so in the part where it falls alone."""
    for lang, ranges in parts(real_site / "pagefind").items():
        for (_, _, before), (_, _, after) in pairwise(ranges):
            last, first = before[-1][0], after[0][0]
            assert index_parts.shared_letters(last, first) < index_parts.FAMILY, (lang, last, first)


def _bundle(folder: Path, chunks: list[list[str]]) -> Path:
    """A Pagefind bundle of one language whose index is cut as `chunks` (words in order)."""
    (folder / "index").mkdir(parents=True)
    meta_parts = []
    for n, words in enumerate(chunks):
        entries = [[word, [[page, list(range(page * 3, page * 3 + 40))] for page in range(4)]] for word in words]
        (folder / "index" / f"en_old{n}.pf_index").write_bytes(write([entries]))
        meta_parts.append([words[0], words[-1], f"en_old{n}"])
    (folder / "pagefind.en_meta.pf_meta").write_bytes(write(["1.5.2", [["en_aaaaaaa", 100]] * 4, meta_parts, [], [], []]))
    (folder / "pagefind-entry.json").write_text(json.dumps({"languages": {"en": {"hash": "en_meta", "page_count": 4}}}))
    return folder


def test_regroup_moves_every_word_whole_and_cuts_only_between_families(tmp_path, monkeypatch):
    words = ["apple", "applied", "apply", "band", "bandage", "bandwidth", "banner", "cat", "catalogue", "dog"]
    bundle = _bundle(tmp_path, [words[:4], words[4:8], words[8:]])  # Pagefind's cut: "band" | "bandage"
    before = [entry for _, _, entries in parts(bundle)["en"] for entry in entries]
    largest = max(len(cbor2.dumps(entry)) for entry in before)
    monkeypatch.setattr(index_parts, "PART_BYTES", 2 * largest)  # two words a part where a cut may fall
    index_parts.regroup(bundle)
    after = parts(bundle)["en"]
    assert [entry for _, _, entries in after for entry in entries] == before
    assert [[word for word, *_ in entries] for _, _, entries in after] == [
        ["apple", "applied", "apply"], ["band", "bandage", "bandwidth"], ["banner", "cat"], ["catalogue", "dog"]]
    assert [(first, last) for first, last, _ in after] == [
        ("apple", "apply"), ("b", "bandwidth"), ("bann", "cat"), ("cata", "dog")]
    assert sorted(path.name for path in (bundle / "index").iterdir()) == sorted(
        f"{name}.pf_index" for *_, name in read(bundle / "pagefind.en_meta.pf_meta")[2])
    assert not list((bundle / "index").glob("en_old*")), "the parts Pagefind wrote are gone"
