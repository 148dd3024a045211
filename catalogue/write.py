"""Write generated pages into the docs folder, touching only files whose text changed
(so `mkdocs serve` does not loop) and removing pages that are no longer generated."""

from __future__ import annotations

from pathlib import Path

from .pages import GENERATED_FOLDERS, GeneratedPage

MARKER = b"\nhub_page:"  # a key in the front matter of every page the build writes (GeneratedPage.markdown)


def is_generated(raw: bytes) -> bool:
    """Whether a Markdown file is one the build wrote (its front matter holds the marker)."""
    return MARKER in raw.split(b"\n---", 1)[0]


def write_pages(docs_dir: Path, pages: list[GeneratedPage], default_language: str) -> int:
    """Write `pages` under docs_dir; return how many files changed."""
    wanted = {docs_dir / page.filename(default_language): page.markdown() for page in pages}
    changed = 0
    for path, text in wanted.items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed += 1
    for stale in _owned_files(docs_dir):
        if stale not in wanted:
            stale.unlink()
            changed += 1
    return changed


def _owned_files(docs_dir: Path):
    """Pages an earlier build wrote: only those carry the marker, so a contributor's file that
    landed in one of these folders is kept (and the validator asks to move it)."""
    candidates = [p for folder in GENERATED_FOLDERS if (docs_dir / folder).is_dir() for p in (docs_dir / folder).rglob("*.md")]
    for path in candidates + list(docs_dir.glob("index*.md")):
        if is_generated(path.read_bytes()):
            yield path
