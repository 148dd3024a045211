"""The words a search offers in place of a misspelt one: "Did you mean Mpumalanga?".

A misspelt place name is the commonest search that finds nothing, and on a slow connection each
try costs the reader a wait. Per language, the list holds the names the filters use, the names the
texts write with a capital (places, organisations), then the words the texts use most, each as it
is most often written: about 4 KB compressed, bounded whatever the number of resources. It is a
script (search/words-<lang>.js), not JSON, so that the offline copy reads it from disk as well.
hub-search.js loads it only when a search has found nothing for a word, or results that mark
nothing like it (Pagefind's results for the longest start of the word its index holds), and
offers the closest word.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from .search_records import Record, data_script
from .strings import Translator
from .word_breaks import mark_thai_word_breaks

FOLDER = "search"
LIMIT = 1000  # words a language's list holds: about 10 KB, 4 KB compressed
NAMES = 400  # of which names written with a capital, however rarely used
SHORTEST, LONGEST = 4, 24  # shorter words are a typo away from too many others; longer ones are not words


def path(lang: str) -> str:
    """Site-relative path of a language's list."""
    return f"{FOLDER}/words-{lang}.js"


def word_list(items: list[Record], lang: str) -> list[str]:
    """The words of `lang`'s records a search may suggest, names first, then by use."""
    used: Counter[str] = Counter()  # each word as written, as many times as the texts use it
    values: Counter[str] = Counter()  # the filters' values: regions, topics, types, organisations' short names
    for record in items:
        if record.language == lang:
            used.update(words(record.text, lang))
            values.update(value for listed in record.filters.values() for value in listed)
    labels: Counter[str] = Counter()  # their words
    for value, times in values.items():
        for word in words(value, lang):
            labels[word] += times
    counts: Counter[str] = Counter()
    written: dict[str, Counter[str]] = defaultdict(Counter)  # how each word is written: 'Mpumalanga', 'mpumalanga'
    for word, times in (used + labels).items():
        written[word.lower()][word] += times
        if word in used:
            counts[word.lower()] += used[word]
    names = dict.fromkeys(word.lower() for word in labels)
    frequent = sorted(counts, key=lambda key: (-counts[key], key))
    # places and people, written with a capital: what readers look for by name, and misspell
    proper = [key for key in frequent if written[key].most_common(1)[0][0][:1].isupper()][:NAMES]
    chosen = list(dict.fromkeys([*names, *proper, *frequent]))[:LIMIT]
    return [written[key].most_common(1)[0][0] for key in chosen]


def words(text: str, lang: str) -> list[str]:
    """The words of `text`: runs of letters and the marks written on them (Thai's vowels and tones,
    Vietnamese accents), SHORTEST to LONGEST letters long; Thai split into words as the index is."""
    if lang == "th":
        text = mark_thai_word_breaks(text)
    return [word for word in _WORD.findall(text) if len(word) <= LONGEST]


# letters, and the marks Unicode writes on them (re has no class for those: listed once)
_MARKS = "".join(chr(code) for code in range(0x300, 0x10000) if unicodedata.category(chr(code)) in ("Mn", "Mc"))
_WORD = re.compile(f"(?:[^\\W\\d_]|[{re.escape(_MARKS)}]){{{SHORTEST},}}")


def write_word_lists(items: list[Record], strings: dict[str, dict], site_folder: Path) -> None:
    """search/words-<lang>.js for each language the records are in, into the site (or its staging
    folder): the words, the sentence that offers one, and the one that says results hold only words that
    start like the reader's (which no page need carry)."""
    (site_folder / FOLDER).mkdir(parents=True, exist_ok=True)
    for lang in dict.fromkeys(record.language for record in items):
        t = Translator(strings, lang)
        offer = {"sentence": t("search_suggestion", words="{words}"), "near": t("search_near", words="{words}"),
                 "words": word_list(items, lang)}
        (site_folder / path(lang)).write_text(data_script("__hubWords", lang, offer), encoding="utf-8")
