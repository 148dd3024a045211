"""Whoever deploys learns from the build which common host would refuse the site, and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.host_limits import CLOUDFLARE_FILE_BYTES, SiteSize, measure, notices
from conftest import make_repo, resource, run_build, write

MiB = 2**20


def sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no room on disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        file.write(b"%PDF-1.7\n")
        file.truncate(size)
    return path


def test_the_site_is_measured_with_its_large_files_and_its_copies_per_language(tmp_path):
    write(tmp_path / "index.html", "<p>home</p>")
    write(tmp_path / "es" / "index.html", "<p>inicio</p>")
    sparse(tmp_path / "downloads" / "jet-cr-hub-offline.zip", 30 * MiB)
    sparse(tmp_path / "downloads" / "jet-cr-hub-offline-es.zip", 20 * MiB)
    sparse(tmp_path / "files" / "exactly-the-limit.pdf", CLOUDFLARE_FILE_BYTES)
    size = measure(tmp_path)
    assert size.files == 5
    assert size.bytes == 11 + 13 + 50 * MiB + CLOUDFLARE_FILE_BYTES
    assert size.large == (("downloads/jet-cr-hub-offline.zip", 30 * MiB),)  # the limit itself is allowed
    assert size.language_copies == 20 * MiB


def test_a_site_every_host_takes_gets_no_notice():
    assert notices(SiteSize(files=20_000, bytes=1_000_000_000)) == []


@pytest.mark.parametrize("copies, expected", [
    (400_000_000, "GitHub Pages publishes at most 1 GB; with extra.offline_copies_per_language: false in mkdocs.yml "
                  "it would be 0.70 GB, or publish site/ to a bucket behind a CDN"),
    (50_000_000, "GitHub Pages publishes at most 1 GB; even without the offline copies per language it would be "
                 "1.05 GB: publish site/ to a bucket behind a CDN"),
    (0, "GitHub Pages publishes at most 1 GB; publish site/ to a bucket behind a CDN"),
])
def test_a_site_over_1_gb_is_told_the_way_to_github_pages_or_elsewhere(copies, expected):
    found = notices(SiteSize(files=1_000, bytes=1_100_000_000, language_copies=copies))
    assert found == [f"The site is 1.10 GB: {expected} (README, Deploying)."]


def test_files_over_25_mib_are_named_in_one_sentence_per_kind():
    large = (("downloads/jet-cr-hub-offline-en.zip", 30 * MiB), ("downloads/jet-cr-hub-offline.zip", 40 * MiB),
             ("files/atlas.pdf", 26 * MiB))
    assert notices(SiteSize(files=1_000, bytes=200 * MiB, large=large)) == [
        "site/downloads/jet-cr-hub-offline-en.zip (30.0 MiB) and site/downloads/jet-cr-hub-offline.zip (40.0 MiB) are "
        "over 25 MiB, which Cloudflare Pages refuses; publish the hub where files may be larger (GitHub Pages, "
        "Netlify, a bucket behind a CDN).",
        "site/files/atlas.pdf (26.0 MiB) is over 25 MiB, which Cloudflare Pages refuses; link to the document with "
        "'url' instead of attaching it, or publish the hub elsewhere."]


@pytest.mark.parametrize("files, plan", [(20_001, "on its free plan"), (100_001, "on any plan")])
def test_too_many_files_for_cloudflare_pages_names_the_plan(files, plan):
    [found] = notices(SiteSize(files=files, bytes=10_000))
    assert found.startswith(f"The site has {files:,} files: too many for Cloudflare Pages {plan}")


def test_an_attachment_too_large_for_cloudflare_is_named_in_the_build_log(tmp_path):
    root = make_repo(tmp_path / "repo", {"big-report.md": resource(
        extra="files:\n  - path: files/big-report.pdf\n    title: The whole report\n")})
    sparse(root / "content" / "files" / "big-report.pdf", 30 * MiB)
    result = run_build(root, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 0, result.stdout + result.stderr
    notice = ("site/files/big-report.pdf (30.0 MiB) is over 25 MiB, which Cloudflare Pages refuses; link to the "
              "document with 'url' instead of attaching it, or publish the hub elsewhere.")
    assert f"INFO    -  {notice}" in result.stderr
    assert f"::warning title=A host would refuse this site::{notice}\n" in result.stdout  # on the run's summary
    assert result.stderr.count("Cloudflare") + result.stderr.count("GitHub Pages") == 1  # nothing else is over
