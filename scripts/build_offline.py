#!/usr/bin/env python3
"""Build the offline copy of the hub into dist/jet-cr-hub-offline.zip (`make offline`).

The same MkDocs configuration, built with .html addresses (pages open from disk), the
offline search engine instead of Pagefind (which needs a web server), then zipped with a
manifest. Run `make site` afterwards to publish it under site/downloads/.
"""

from __future__ import annotations

import logging
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
from catalogue.offline import ZIP_NAME, manifest, write_zip  # noqa: E402
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

    parser = argparse.ArgumentParser(description="Build the offline copy of the hub as a zip.")
    parser.add_argument("--dist", default=str(DIST), help="folder for the zip (default: dist/)")
    parser.add_argument("--build-dir", default=str(BUILD_DIR), help="scratch folder for the build (default: build/offline/)")
    args = parser.parse_args(argv)
    build_dir = Path(args.build_dir)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    shutil.rmtree(build_dir, ignore_errors=True)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(build_dir), use_directory_urls=False)
    config.extra["offline"] = True
    try:
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
    info = manifest(build_dir, version, commit(), built, catalogue.languages, counts, config.site_url, sample,
                    licence(config), digest(ROOT))
    result = write_zip(build_dir, Path(args.dist) / ZIP_NAME, info, built)
    print(f"Offline copy: {Path(args.dist) / result.name}, {result.size / 1e6:.1f} MB, sha256 {result.sha256}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
