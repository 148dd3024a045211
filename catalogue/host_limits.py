"""What the common static hosts refuse, checked against a built site before a deployment fails.

Plain Python over a folder of files. The limits are those the hosts document (read on
2026-11-29): GitHub Pages publishes sites of at most 1 GB; Cloudflare Pages takes at most
20,000 files on its free plan and 100,000 on paid plans, and no file over 25 MiB. Netlify and a
bucket behind a CDN have no limit the hub comes near. Each notice names the figure, the limit
and the way out, because the one who reads it is whoever deploys, often not the one who added
the resources that crossed the line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from fnmatch import fnmatchcase as fnmatch
from pathlib import Path

from catalogue.offline import zip_name

GITHUB_PAGES_BYTES = 1_000_000_000
CLOUDFLARE_FREE_FILES = 20_000
CLOUDFLARE_PAID_FILES = 100_000
CLOUDFLARE_FILE_BYTES = 25 * 1024 * 1024
LANGUAGE_COPIES = zip_name("*")  # in downloads/: the offline copies per language, which a setting leaves out


@dataclass(frozen=True)
class SiteSize:
    files: int
    bytes: int
    large: tuple[tuple[str, int], ...] = ()  # (path inside the site, bytes): files over Cloudflare's limit
    language_copies: int = 0  # bytes of the offline copies per language


def measure(site: Path) -> SiteSize:
    files = total = copies = 0
    large = []
    folders = [(str(site), "")]
    while folders:  # os.scandir, and names only where needed: about 100,000 files at 10,000 resources
        folder, inside = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, inside + entry.name + "/"))
                    continue
                size = entry.stat(follow_symlinks=False).st_size
                files, total = files + 1, total + size
                if size > CLOUDFLARE_FILE_BYTES:
                    large.append((inside + entry.name, size))
                if inside == "downloads/" and fnmatch(entry.name, LANGUAGE_COPIES):
                    copies += size
    return SiteSize(files, total, tuple(sorted(large)), copies)


def notices(size: SiteSize) -> list[str]:
    """One sentence per limit the site passes; none for a site every host takes."""
    found = []
    if size.bytes > GITHUB_PAGES_BYTES:
        bucket = "publish site/ to a bucket behind a CDN (README, Deploying)"
        without = size.bytes - size.language_copies
        if not size.language_copies:
            way_out = bucket
        elif without <= GITHUB_PAGES_BYTES:
            way_out = (f"with extra.offline_copies_per_language: false in mkdocs.yml it would be {_gb(without)}, "
                       f"or {bucket}")
        else:
            way_out = f"even without the offline copies per language it would be {_gb(without)}: {bucket}"
        found.append(f"The site is {_gb(size.bytes)}: GitHub Pages publishes at most 1 GB; {way_out}.")
    if size.files > CLOUDFLARE_FREE_FILES:
        plans = ("on any plan (at most 100,000 files)" if size.files > CLOUDFLARE_PAID_FILES else
                 "on its free plan (at most 20,000 files; 100,000 on paid plans, with the build variable "
                 "PAGES_WRANGLER_MAJOR_VERSION=4)")
        found.append(f"The site has {size.files:,} files: too many for Cloudflare Pages {plans}. "
                     "Netlify or a bucket behind a CDN take them.")
    copies = [file for file in size.large if file[0].startswith("downloads/")]  # the offline copies the footer links to
    others = [file for file in size.large if file not in copies]  # attachments, mostly
    if copies:
        found.append(_too_large(copies, "publish the hub where files may be larger (GitHub Pages, Netlify, "
                                        "a bucket behind a CDN)"))
    if others:
        found.append(_too_large(others, "link to the document with 'url' instead of attaching it, "
                                        "or publish the hub elsewhere"))
    return found


def _too_large(files: list[tuple[str, int]], way_out: str) -> str:
    """One sentence for all the files of one kind: at 10,000 resources, seven offline copies."""
    names = [f"site/{path} ({bytes_ / 2**20:.1f} MiB)" for path, bytes_ in files]
    subject = f"{names[0]} is" if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]} are"
    return f"{subject} over 25 MiB, which Cloudflare Pages refuses; {way_out}."


def _gb(bytes_: int) -> str:
    return f"{bytes_ / 1e9:.2f} GB"
