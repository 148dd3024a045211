#!/usr/bin/env python3
"""Refresh the generated parts of CONTRIBUTING.md (field list, template, vocabularies) and the
option lists of the issue forms (types, regions, languages).

    make docs                                        # rewrite them
    .venv/bin/python scripts/update_docs.py --check  # exit 1 if one is out of date (run by the tests)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue.docs import update, update_form  # noqa: E402
from catalogue.load import load  # noqa: E402
from catalogue.problems import ContentError  # noqa: E402

DOCS = {ROOT / "CONTRIBUTING.md": update,
        ROOT / ".github" / "ISSUE_TEMPLATE" / "suggest-resource.yml": update_form,
        ROOT / ".github" / "ISSUE_TEMPLATE" / "request-translation.yml": update_form}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the file is up to date")
    args = parser.parse_args(argv)
    try:
        catalogue = load(ROOT)
    except ContentError as err:  # the tables are written from the content: it must load first
        print(f"{err}\nFix the problems above (make validate checks again), then run make docs.", file=sys.stderr)
        return 1
    stale = []
    for path, refresh in DOCS.items():
        current = path.read_text(encoding="utf-8")
        fresh = refresh(current, catalogue)
        if fresh != current:
            stale.append(path.relative_to(ROOT).as_posix())
            if not args.check:
                path.write_text(fresh, encoding="utf-8")
    if not stale:
        print("CONTRIBUTING.md and the issue forms are up to date.")
        return 0
    if args.check:
        print(f"Out of date with the schema or vocabularies: {', '.join(stale)}; run: make docs")
        return 1
    print(f"Updated: {', '.join(stale)}.")
    return 0

if __name__ == "__main__":
    sys.exit(main())
