"""Thai words marked for the search indexer, split as the reader's browser splits a query.

Thai is written without spaces between words. Online, Pagefind splits a query into words with
the browser's segmenter (ICU's dictionary), but its indexer splits a text with a dictionary of its
own, which keeps some compounds whole ("งานวิจัย", research, where the browser sees "งาน" and
"วิจัย") and cuts others inside a syllable ("การคุ้มครอง" as "การคุ" and "ครอง"); a result must
hold every word of the query, so such words were never found. A zero-width space between ICU's
words is a word break to the indexer, and invisible in the excerpts it keeps, so the index holds
the words a query holds. (ICU 76, as pinned, splits every Thai run of the sample as Chromium does.)
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

import icu

WORD_BREAK = "\u200b"  # zero-width space: Unicode's own mark for a break between Thai words
THAI_RUN = re.compile(r"[\u0E00-\u0E7F]+")


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
    return THAI_RUN.sub(lambda run: WORD_BREAK.join(thai_words(run.group())), text)
