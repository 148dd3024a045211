"""The offline copy: a zip of the whole hub that works from disk, with a manifest.

Plain Python: the MkDocs build itself is run by scripts/build_offline.py. The zip is
reproducible: entries sorted, timestamps set to the build date, no source maps.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

ZIP_NAME = "jet-cr-hub-offline.zip"
ROOT_FOLDER = "jet-cr-hub"  # everything unzips into one folder
LEFT_OUT = (".map",)


@dataclass(frozen=True)
class ZipInfo:
    name: str
    size: int
    sha256: str
    built: str  # YYYY-MM-DD


def manifest(site: Path, version: str, commit: str, built: dt.date, languages: list[str], counts: dict[str, int]) -> dict:
    files = sorted(p for p in site.rglob("*") if p.is_file() and p.suffix not in LEFT_OUT)
    return {
        "name": "JET Coal Regions Knowledge Hub, offline copy",
        "version": version,
        "commit": commit,
        "built": built.isoformat(),
        "open": "index.html",
        "languages": languages,
        "contents": counts,
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
    }


def readme(info: dict) -> str:
    return (
        f"{info['name']}\n\nVersion {info['version']} ({info['commit']}), built {info['built']}.\n\n"
        "Open index.html in a web browser. Everything works without a connection: pages, links,\n"
        "downloads, the language menu and search. Links marked with an arrow lead to other sites\n"
        "and need a connection.\n\nWhat it holds: "
        + ", ".join(f"{n} {k}" for k, n in info["contents"].items()) + f"; languages: {', '.join(info['languages'])}.\n"
    )


def write_zip(site: Path, target: Path, info: dict, built: dt.date) -> ZipInfo:
    """Zip `site` into `target` reproducibly, with MANIFEST.json and README.txt at the top."""
    stamp = (max(built.year, 1980), built.month, built.day, 0, 0, 0)
    target.parent.mkdir(parents=True, exist_ok=True)
    extra = {"MANIFEST.json": json.dumps(info, indent=2, ensure_ascii=False) + "\n", "README.txt": readme(info)}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in sorted(extra.items()):
            _add(archive, f"{ROOT_FOLDER}/{name}", text.encode("utf-8"), stamp)
        for path in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix not in LEFT_OUT):
            _add(archive, f"{ROOT_FOLDER}/{path.relative_to(site).as_posix()}", path.read_bytes(), stamp)
    return describe(target, built)


def _add(archive: zipfile.ZipFile, name: str, data: bytes, stamp: tuple) -> None:
    entry = zipfile.ZipInfo(name, date_time=stamp)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    archive.writestr(entry, data, compresslevel=9)


def describe(path: Path, built: dt.date | None = None) -> ZipInfo:
    data = path.read_bytes()
    if built is None:
        with zipfile.ZipFile(path) as archive:
            built = dt.date.fromisoformat(json.loads(archive.read(f"{ROOT_FOLDER}/MANIFEST.json"))["built"])
    return ZipInfo(path.name, len(data), hashlib.sha256(data).hexdigest(), built.isoformat())
