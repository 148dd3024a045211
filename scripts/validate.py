#!/usr/bin/env python3
"""Check the hub's content: every problem at once, as PATH:LINE: FIELD: message.

    python scripts/validate.py                 # the whole repository
    python scripts/validate.py content/resources/foo.md ...   # these files, in the repository's context
    python scripts/validate.py --github        # also print GitHub annotations (used in pull requests)
    python scripts/validate.py --fix           # first repair what is safe to repair, and say what changed
    python scripts/validate.py --renamed-since main   # also: files renamed since that commit keep their address,
                                                      # and a note on each resource removed since

Exit status: 0 valid, 1 problems found, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue import csv_encoding  # noqa: E402
from catalogue.crosscheck import vocabularies  # noqa: E402
from catalogue.fix import fix_text  # noqa: E402
from catalogue.load import RESOURCES_DIR, collect  # noqa: E402
from catalogue.problems import Problem, github_summary  # noqa: E402
from catalogue.renames import changed_files, check_renames, removal_notes  # noqa: E402


def repair(root: Path, wanted: set[str]) -> None:
    """Apply the safe repairs to resource files (all, or the ones named) and report each change."""
    catalogue, _ = collect(root)
    vocab = vocabularies(catalogue)
    for path in sorted((root / RESOURCES_DIR).rglob("*.md")):
        name = path.relative_to(root).as_posix()
        if wanted and name not in wanted:
            continue
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue  # reported by the validator
        fixed = fix_text(text, vocab)
        if fixed.changes:
            path.write_bytes(fixed.text.encode("utf-8"))
            for change in fixed.changes:
                print(f"{name}: fixed: {change}")
    # the CSV files attached to those resources (or named themselves)
    attached = {f"content/{file.path}" for resource in catalogue.resources for file in resource.files
                if csv_encoding.is_spreadsheet_text(file.path)
                and (not wanted or f"content/{file.path}" in wanted or {v.path for v in resource.versions.values()} & wanted)}
    for name in sorted(attached):
        if csv_encoding.add_mark(root / name):
            print(f"{name}: fixed: started the file with the UTF-8 mark, so that Excel shows its letters as written")


ANNOTATIONS = 10  # GitHub shows at most ten error annotations per step and drops the rest without notice


def annotate(found: list[Problem], notes: list[Problem]) -> None:
    """Problems as annotations on their lines, notes as warnings on their files, and all of them in
    the job's summary."""
    shown = found if len(found) <= ANNOTATIONS else found[:ANNOTATIONS - 1]
    for problem in shown:
        print(problem.github_annotation())
    if len(found) > len(shown):
        print(f"::error title=Content check::{len(found) - len(shown)} more problems are listed in this check's summary "
              "and in its log")
    for note in notes[:ANNOTATIONS]:  # warnings have their own limit of ten
        print(note.github_annotation("warning"))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(github_summary(found, notes))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the hub's content files.")
    parser.add_argument("paths", nargs="*", help="content files to check (default: everything)")
    parser.add_argument("--github", action="store_true", help="also print GitHub Actions annotations")
    parser.add_argument("--fix", action="store_true",
                        help="repair id case and spacing, single ids written as lists, key order and trailing spaces")
    parser.add_argument("--renamed-since", metavar="COMMIT",
                        help="also check that resources whose file git sees renamed since COMMIT list their old name "
                             "(former_names), so that their old address keeps working, and note resources removed")
    parser.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()

    wanted = set()
    for raw in args.paths:
        path = Path(raw).resolve()
        if not path.exists():
            parser.error(f"{raw}: no such file")
        if not path.is_relative_to(root):
            parser.error(f"{raw}: not inside the repository {root}")
        wanted.add(path.relative_to(root).as_posix())

    if args.fix:
        repair(root, wanted)
    catalogue, problems = collect(root)
    notes = []
    if args.renamed_since:
        changes = changed_files(root, args.renamed_since)
        if changes is None:
            parser.error(f"--renamed-since: git cannot compare the content with '{args.renamed_since}' "
                         "(is it a commit of this repository, fetched?)")
        check_renames(catalogue, changes.renamed, args.renamed_since, problems)
        notes = removal_notes(catalogue, changes.removed, args.renamed_since)
    found = [p for p in problems.sorted() if not wanted or p.path in wanted]
    for problem in found:
        print(problem)
    for note in notes:
        print(f"{note.path}: note: {note.message}")
    if args.github:
        annotate(found, notes)
    checked = f"{len(wanted)} file{'s' if len(wanted) != 1 else ''}" if wanted else "the repository"
    if found:
        print(f"{len(found)} problem{'s' if len(found) != 1 else ''} found in {checked}.")
        if os.environ.get("MAKELEVEL"):  # run by make, which adds a line of its own that reads like a crash
            print(f"Fix {'it' if len(found) == 1 else 'them'} and run the check again. make's own line below, ending in 'Error 1', only repeats that the "
                  "check found problems.")
        return 1
    print(f"No problems found in {checked}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
