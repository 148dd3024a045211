"""Thai words marked for the search indexer, split as the reader's browser splits a query.

Thai is written without spaces between words. Online, Pagefind splits a query into words with
the browser's segmenter (ICU's dictionary), but its indexer splits a text with a dictionary of its
own, which keeps some compounds whole ("งานวิจัย", research, where the browser sees "งาน" and
"วิจัย") and cuts others inside a syllable ("การคุ้มครอง" as "การคุ" and "ครอง"); a result must
hold every word of the query, so such words were never found. A zero-width space between ICU's
words is a word break to the indexer, and invisible in the excerpts it keeps, so the index holds
the words a query holds. (ICU 76, as pinned, splits every Thai run of the sample as Chromium does.)

The indexer still cuts a few of the words so marked: "แม่เมาะ" (Mae Moh, the district of Thailand's
largest lignite mine) is "แม่" + "เมาะ" to it, and a search for the district found only the one
record whose title holds the name. `cut_words` lists such words with the parts the index holds;
the search looks for those parts too (hub-search.js).

A Thai page's search compares marks and accents (Pagefind's exactDiacritics), as Thai needs; but then
"biobio" would not find the Biobío region in a Spanish title, as every other language's page does.
`accented_forms` lists the accented form of such words, and the search looks for it too.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache
from itertools import pairwise

import icu

WORD_BREAK = "\u200b"  # zero-width space: Unicode's own mark for a break between Thai words
THAI = ("\u0E00", "\u0E7F")  # the first and last letters of Unicode's Thai block
THAI_RUN = re.compile(f"[{THAI[0]}-{THAI[1]}]+")
_WORD = re.compile(r"[^\W_]+")  # letters and digits, of any script


@cache
def _words() -> icu.BreakIterator:
    return icu.BreakIterator.createWordInstance(icu.Locale("th"))


def thai_words(run: str) -> list[str]:
    """A run of Thai script split into words by ICU, as Intl.Segmenter("th") splits it."""
    words = _words()
    words.setText(run)
    starts = [0, *words]  # iterating gives each word's end, the last being len(run)
    return [run[a:b] for a, b in pairwise(starts)]


def mark_thai_word_breaks(text: str) -> str:
    """`text` with a zero-width space between each two Thai words; other scripts as they are."""
    return THAI_RUN.sub(lambda run: WORD_BREAK.join(thai_words(in_mark_order(run.group()))), text)


# Thai writes a vowel above or below a letter before its tone mark ("ที่": ท, ี, ่); typed the other
# way round it looks the same, but a search, which compares the marks, would tell the two apart.
_TONE_BEFORE_VOWEL = re.compile("([\u0E48-\u0E4B])([\u0E31\u0E34-\u0E3A\u0E47])")


def in_mark_order(text: str) -> str:
    """Thai `text` with each vowel mark before the tone mark of its letter, as Unicode orders them."""
    return _TONE_BEFORE_VOWEL.sub(r"\2\1", text)


def cut_words(texts: Iterable[str], indexed: dict[str, int]) -> dict[str, list[str]]:
    """The Thai words of `texts` that the index lists for fewer texts than hold them, each with the
    fewest words of the index that spell it: {"แม่เมาะ": ["แม่", "เมาะ"]}.
    `indexed`: each Thai word of the index, as written, with the number of texts that hold it
    (pagefind_format.py). The parts are words of two letters or more: a single letter, a piece of
    a syllable, would match far more texts than the word."""
    holding = Counter(word for text in texts
                      for word in {w for run in THAI_RUN.findall(in_mark_order(text)) for w in thai_words(run)})
    vocabulary = frozenset(word for word, count in indexed.items() if count and _letters(word) > 1)
    cut = {}
    for word, count in sorted(holding.items()):
        if indexed.get(word, 0) < count and (parts := _spelling(word, vocabulary)):
            cut[word] = parts
    return cut


def accented_forms(texts: Iterable[str]) -> dict[str, list[str]]:
    """Each name that `texts` write with accents, under the word a reader types without them, with
    the form most of the texts hold: {"biobio": ["biobío"]}. A name is a word written with a capital
    letter; other words with accents (the Vietnamese or Spanish of a title) are left out, as a Thai
    reader hardly types them, and they would make the list grow with the hub. The accents go as
    Pagefind's index drops them: every mark Unicode writes apart from its letter ("ư" is "u" + horn)."""
    holding: dict[str, Counter] = {}
    for text in texts:
        for form in {word.lower() for word in _WORD.findall(text) if word[0].isupper() and not word.isascii()}:
            if (typed := _without_marks(form)).isascii():
                holding.setdefault(typed, Counter())[form] += 1
    return {typed: [max(sorted(forms), key=forms.__getitem__)] for typed, forms in sorted(holding.items())}


def _without_marks(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def _letters(word: str) -> int:
    """How many letters `word` has, not counting the marks written above and below them."""
    return sum(unicodedata.category(c) != "Mn" for c in word)


def _spelling(word: str, vocabulary: frozenset[str]) -> list[str] | None:
    """`word` as the fewest words of `vocabulary`, two at least; None if they cannot spell it."""
    best: list[list[str] | None] = [None] * len(word) + [[]]  # best[i]: the fewest words spelling word[i:]
    for start in range(len(word) - 1, -1, -1):
        for end in range(start + 1, len(word) + 1):
            rest = best[end]
            if rest is not None and word[start:end] in vocabulary and (start, end) != (0, len(word)):
                if best[start] is None or len(rest) + 1 < len(best[start]):
                    best[start] = [word[start:end], *rest]
    return best[0]
