"""Make Pagefind's output byte-identical between builds of the same content.

Pagefind (1.5) writes its filter index and the per-language metadata from hash maps, so
their order, and so their file names, change from run to run (Pagefind#638: fragments were
made stable, filters and metadata were not). Reproducible builds need every byte to
match, so the filter files are rewritten with values in sorted order, renamed after their
content, and the metadata and pagefind-entry.json are updated to point at the new names.
The files stay in Pagefind's own format (pagefind_format.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from .pagefind_format import content_name, read, write


def stabilise(bundle: Path) -> None:
    """Rewrite a Pagefind bundle folder in place so that equal input gives equal bytes."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    renamed: dict[str, str] = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        name, values = read(path)
        data = write([name, sorted(values, key=lambda item: item[0])])
        lang = path.stem.split("_", 1)[0]
        new = content_name(lang, data, 7)
        path.unlink()
        (bundle / "filter" / f"{new}.pf_filter").write_bytes(data)
        renamed[path.stem] = new
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read(meta_path)
        meta[3] = sorted([name, renamed.get(ref, ref)] for name, ref in meta[3])  # [[filter name, file]]
        data = write(meta)
        info["hash"] = content_name(lang, data, 10)
        meta_path.unlink()
        (bundle / f"pagefind.{info['hash']}.pf_meta").write_bytes(data)
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, sort_keys=True), encoding="utf-8")
