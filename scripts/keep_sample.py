#!/usr/bin/env python3
"""Keep the sample content as the tests' fixture when the hub goes live (`make keep-sample`).

The tests check the pages of the sample resources: their titles, counts, events and
translations. Once partners replace the sample with real content, those checks cannot hold for
the real hub, and deleting them would leave the build untested. This script copies the sample
(resources, attachments, the hub's own pages, regions, organisations and logos) into
tests/sample/, then removes the sample resources and attachments from content/, as the README's
"Going live" list says. From then on the tests build a sample hub: this repository's engine
(mkdocs.yml, hooks, templates, locales, schema) with tests/sample/'s content, while the
repository's own content is validated and built as it is.

compose() makes that sample hub; tests/conftest.py calls it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = Path("tests") / "sample"
# What the sample consists of: folders replaced whole in the sample hub, and files laid over it
SAMPLE_FOLDERS = ("content/resources", "content/files", "regions", "content/assets/logos")
SAMPLE_FILES = ("partners.yml", "content/about*.md", "content/contribute*.md")
REMOVED_AT_LAUNCH = ("content/resources", "content/files")  # the rest stays, for partners to rewrite
COMMIT_DATE = "2026-11-27T12:00:00+00:00"  # the sample hub's one commit: pages' "last changed" dates


def sample_paths(root: Path) -> list[Path]:
    """The sample's files in `root`, relative to it."""
    found = [p for folder in SAMPLE_FOLDERS for p in (root / folder).rglob("*") if p.is_file()]
    found += [p for pattern in SAMPLE_FILES for p in root.glob(pattern)]
    return sorted(p.relative_to(root) for p in found)


def keep(root: Path) -> str:
    """Copy the sample into tests/sample/ and take its resources out of content/; what to do next."""
    snapshot = root / SNAPSHOT
    if snapshot.exists():
        raise SystemExit(f"{SNAPSHOT.as_posix()}/ exists already: the sample was kept before. Nothing changed.")
    paths = sample_paths(root)
    resources = [p for p in paths if p.parts[:2] == ("content", "resources") and p.suffix == ".md"]
    if not resources:
        raise SystemExit("content/resources/ holds no resources to keep. Nothing changed.")
    for path in paths:
        (snapshot / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / path, snapshot / path)
    for folder in REMOVED_AT_LAUNCH:
        shutil.rmtree(root / folder, ignore_errors=True)
    return (f"Kept {len(paths)} sample files ({len(resources)} resource files) in {SNAPSHOT.as_posix()}/; the tests "
            f"now build the sample hub from there.\nRemoved {' and '.join(f + '/' for f in REMOVED_AT_LAUNCH)}: "
            "the hub is empty until real resources arrive.\nNext: commit both, then replace the hub's own pages, "
            "the regions' introductions and the logos with the real ones (the README's list).")


def compose(root: Path, target: Path) -> Path:
    """The sample hub in `target`: the files of `root` that git would keep (this checkout's engine,
    uncommitted changes included), its sample replaced by tests/sample/'s, committed once so that
    the pages' dates come from git as they do in the real hub."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=root,
                            capture_output=True, text=True, check=True).stdout.split("\0")
    own_sample = set(sample_paths(root))
    for name in filter(None, listed):
        path = Path(name)
        if path.parts[0] == "tests" or path in own_sample or not (root / path).is_file():
            continue
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / path, target / path)
    snapshot = root / SNAPSHOT
    for path in sample_paths(snapshot):
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(snapshot / path, target / path)
    config = target / "mkdocs.yml"
    config.write_text(marked_as_sample(config.read_text(encoding="utf-8")), encoding="utf-8")
    commit_all(target, "The sample hub")
    return target


def commit_all(folder: Path, message: str) -> None:
    """Make `folder` a git repository of one commit, whoever runs it and whatever their git settings."""
    env = dict(os.environ, GIT_AUTHOR_DATE=COMMIT_DATE, GIT_COMMITTER_DATE=COMMIT_DATE, GIT_AUTHOR_NAME="sample",
               GIT_AUTHOR_EMAIL="sample@example.org", GIT_COMMITTER_NAME="sample",
               GIT_COMMITTER_EMAIL="sample@example.org")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "--no-gpg-sign", "--no-verify", "-m", message]):
        subprocess.run(["git", *args], cwd=folder, env=env, capture_output=True, check=True)


def marked_as_sample(config: str) -> str:
    """mkdocs.yml with extra.sample_content on: the sample hub is sample data, and says so as the
    demonstration did (its notice, "[Sample]" in feeds, the newsletter left unconnected)."""
    config = re.sub(r"(?m)^  sample_content:.*\n", "", config)
    marked, found = re.subn(r"(?m)^extra:[ \t]*\n", "extra:\n  sample_content: true  # set by scripts/keep_sample.py\n",
                            config, count=1)
    if not found:
        raise SystemExit("mkdocs.yml has no top-level 'extra:' section for the sample hub's sample_content.")
    return marked


def main() -> int:
    print(keep(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
