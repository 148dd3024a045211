"""CSV attachments that open in Excel as they were written.

Excel on Windows reads a CSV file as UTF-8 only when it starts with the UTF-8 mark (a byte order
mark); without it, Excel takes the computer's own encoding, and a Spanish reader of a sample
dataset sees 'SudÃ¡frica' for 'Sudáfrica'. Other programs and Python's csv module (utf-8-sig)
read the mark as nothing. A file of English letters alone reads the same either way.
"""

from __future__ import annotations

import re
from pathlib import Path

from .problems import FIX_HINT

SUFFIXES = (".csv", ".tsv")
MARK = b"\xef\xbb\xbf"
_WORD = re.compile(r'[^\s,;\t"]*[^\x00-\x7f][^\s,;\t"]*')  # a cell's word with a letter beyond ASCII


def is_spreadsheet_text(path: str) -> bool:
    return path.lower().endswith(SUFFIXES)


def needs_mark(data: bytes) -> bool:
    """UTF-8 text with letters beyond ASCII, without the mark: what `add_mark` repairs."""
    return not _reads_alike(data) and _utf8(data) is not None


def problem(data: bytes) -> str | None:
    """Why Excel would show the file garbled, and the fix; None when it would not."""
    if _reads_alike(data):
        return None
    text = _utf8(data)
    if text is None:
        return ("the file is not UTF-8 text (Excel's plain 'CSV' format saves in the computer's own encoding, which "
                "readers elsewhere see garbled): save it from Excel as 'CSV UTF-8 (Comma delimited)'")
    word = _WORD.search(text).group()[:40]
    garbled = word.encode("utf-8").decode("cp1252", errors="replace")
    return (f"the file has letters beyond English ('{word}') but does not start with the UTF-8 mark, so Excel on "
            f"Windows shows them garbled ('{garbled}') ({FIX_HINT}; or save it from Excel as 'CSV UTF-8 (Comma delimited)')")


def _reads_alike(data: bytes) -> bool:
    """Marked, or English letters only: Excel reads it as written."""
    return data.startswith(MARK) or data.isascii()


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def add_mark(path: Path) -> bool:
    """Start the file with the UTF-8 mark if it needs one; whether it was changed."""
    data = path.read_bytes()
    if not needs_mark(data):
        return False
    path.write_bytes(MARK + data)
    return True
