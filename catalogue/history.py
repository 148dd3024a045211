"""When each source file last changed, from git: the sitemap's lastmod, and when a resource was
last edited (feeds' `updated`, the API's `modified`, calendars' LAST-MODIFIED).

MkDocs gives every page the build date, which tells search engines that the whole hub changed at
every build (and the hub is rebuilt daily for its events). The date of the last commit that
touched a page's file is the truthful one. Where git cannot say (a downloaded archive, a shallow
clone that holds one commit, a file not committed yet) there is no date, and the sitemap leaves
lastmod out, as the protocol allows, rather than give a wrong one.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from .model import Resource

_COMMIT = "\x00"  # git writes %x00 before each commit's date, then the files it touched


def last_changed(root: Path, folder: str) -> dict[str, dt.date]:
    """{path relative to root: date of its last commit} for the files under `folder`."""
    shallow = run_git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.strip() != "false":
        return {}
    log = run_git(root, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--relative", "--", folder)
    dates: dict[str, dt.date] = {}
    date = None
    for line in (log or "").splitlines():
        if line.startswith(_COMMIT):
            date = dt.date.fromisoformat(line[1:])
        elif line and date is not None:
            dates.setdefault(line, date)  # newest commit first: the first date seen is the last change
    return dates


def date_resources(resources: list[Resource], dates: dict[str, dt.date]) -> None:
    """Set each resource's `modified`, for feeds, calendars and the API: the last commit of any of
    its language versions' files (a corrected title, a moved event, a new translation)."""
    for resource in resources:
        known = [dates[v.path] for v in resource.versions.values() if v.path in dates]
        resource.modified = max(known) if known else None


def run_git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None
