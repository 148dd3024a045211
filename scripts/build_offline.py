#!/usr/bin/env python3
"""Build the offline copies of the hub into dist/ (`make offline`): jet-cr-hub-offline.zip with
every language, and jet-cr-hub-offline-<lang>.zip with one language and the default one.

The same MkDocs configuration, built once with .html addresses (pages open from disk) and the
offline search engine instead of Pagefind (which needs a web server); each copy is a selection
of that build, zipped with a manifest (catalogue/offline.py), the copies side by side on both
cores. Run `make site` afterwards to publish them under site/downloads/.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import MkDocsException  # noqa: E402

from catalogue.cache import digest  # noqa: E402
from catalogue.load import build_date, load  # noqa: E402
from catalogue.offline import copies_to_make, manifest, write_zip, zip_name  # noqa: E402
from hubsite import licence  # noqa: E402

BUILD_DIR = ROOT / "build" / "offline"
DIST = ROOT / "dist"


def commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Build the offline copies of the hub as zips.")
    parser.add_argument("--dist", default=str(DIST), help="folder for the zips (default: dist/)")
    parser.add_argument("--build-dir", default=str(BUILD_DIR), help="scratch folder for the build (default: build/offline/)")
    args = parser.parse_args(argv)
    build_dir = Path(args.build_dir)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    shutil.rmtree(build_dir, ignore_errors=True)
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(build_dir), use_directory_urls=False)
        config.extra["offline"] = True
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        config.plugins.on_shutdown()
    except MkDocsException as err:
        print(f"Error: {err}", file=sys.stderr)
        return 1
    catalogue = load(ROOT)
    counts = {"resources": len(catalogue.resources), "regions": len(catalogue.regions),
              "organisations": len(catalogue.organisations)}
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    built = build_date()
    sample = catalogue.translator(catalogue.default_language)("sample_notice") if config.extra.get("sample_content") else ""
    info = manifest(version, commit(), built, catalogue.languages, counts, config.site_url, sample, licence(config),
                    digest(ROOT))
    copies = copies_to_make(catalogue.languages, config.extra.get("offline_copies_per_language", True))
    for earlier in Path(args.dist).glob(zip_name("*") + "*"):  # no language's copy from an earlier build is left
        earlier.unlink()
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(min(len(copies), os.cpu_count() or 1)) as pool:
        results = pool.starmap(write_zip, [(build_dir, Path(args.dist), info, built, lang) for lang in copies])
    for lang, result in zip(copies, results, strict=True):
        print(f"Offline copy ({', '.join(result.languages) if lang else 'every language'}): "
              f"{Path(args.dist) / result.name}, {result.size / 1e6:.1f} MB, sha256 {result.sha256}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
