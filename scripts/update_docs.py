#!/usr/bin/env python3
"""Refresh the generated parts of CONTRIBUTING.md (field list, template, vocabularies).

    make docs                                        # rewrite CONTRIBUTING.md
    .venv/bin/python scripts/update_docs.py --check  # exit 1 if it is out of date (run by the tests)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue.docs import update  # noqa: E402
from catalogue.load import load  # noqa: E402

DOC = ROOT / "CONTRIBUTING.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the file is up to date")
    args = parser.parse_args(argv)
    current = DOC.read_text(encoding="utf-8")
    fresh = update(current, load(ROOT))
    if fresh == current:
        print("CONTRIBUTING.md is up to date.")
        return 0
    if args.check:
        print("CONTRIBUTING.md is out of date with the schema or vocabularies; run: make docs")
        return 1
    DOC.write_text(fresh, encoding="utf-8")
    print("CONTRIBUTING.md updated.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
