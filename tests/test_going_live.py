"""Going live: the sample content becomes the tests' fixture, and the hub's own content is built as it is."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html import escape
from pathlib import Path

import pytest

from catalogue.history import last_changed
from catalogue.load import collect, load
from catalogue.urls import UrlStyle
from conftest import ROOT, SAMPLE, make_repo, mkdocs_config, resource, run_build, script, write
from htmlcheck import broken_links, read

keep_sample = script("keep_sample")


@pytest.fixture
def demonstration(tmp_path) -> Path:
    """A checkout as the repository ships: engine and sample content, committed."""
    root = make_repo(tmp_path / "hub")
    for folder in ("content/resources", "content/files"):
        shutil.copytree(SAMPLE / folder, root / folder, dirs_exist_ok=True)
    for name in ("scripts", "catalogue", "hubsite", ".gitignore"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, root / name)
    keep_sample.commit_all(root, "demonstration")
    return root


def test_keep_sample_moves_the_sample_into_the_tests_and_empties_the_hub(demonstration, tmp_path):
    sample = load(demonstration)
    result = subprocess.run([sys.executable, "scripts/keep_sample.py"], cwd=demonstration, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    kept = len(list((demonstration / "tests/sample/content/resources").glob("*.md")))
    assert f"({kept} resource files) in tests/sample/" in result.stdout and kept == len(list((SAMPLE / "content/resources").glob("*.md")))
    assert "the hub is empty until real resources arrive" in result.stdout
    assert not (demonstration / "content/resources").exists() and not (demonstration / "content/files").exists()
    assert (demonstration / "content/about.md").exists() and (demonstration / "regions").is_dir(), "left for partners to rewrite"
    live, problems = collect(demonstration)
    assert not problems and live.resources == [], "an empty hub is valid"

    # a real resource arrives, the partners rewrite a region and the sample notice goes; the sample
    # hub keeps the sample, and says it is one
    write(demonstration / "content/resources/first-real-report.md", resource(title="First real report"))
    config = (demonstration / "mkdocs.yml").read_text()
    (demonstration / "mkdocs.yml").write_text(re.sub(r"(?m)^  sample_content: true.*\n", "", config))
    assert "sample_content" not in mkdocs_config(demonstration)["extra"]
    (demonstration / "regions/chile.md").write_text((demonstration / "regions/chile.md").read_text().replace(
        sample.regions["chile"].texts["en"].name, "Chile (real text)", 1))
    hub = keep_sample.compose(demonstration, tmp_path / "sample-hub")
    composed = load(hub)
    assert [r.slug for r in composed.resources] == [r.slug for r in sample.resources]
    assert composed.regions["chile"].texts["en"].name == sample.regions["chile"].texts["en"].name
    assert {r.slug for r in load(demonstration).resources} == {"first-real-report"}
    assert mkdocs_config(hub)["extra"]["sample_content"] is True
    assert mkdocs_config(hub)["extra"]["short_name"] == mkdocs_config(demonstration)["extra"]["short_name"]
    dated = last_changed(hub, "content")
    assert all(v.path in dated for r in composed.resources for v in r.versions.values()), "dated by git, as live"

    again = subprocess.run([sys.executable, "scripts/keep_sample.py"], cwd=demonstration, capture_output=True, text=True)
    assert again.returncode == 1 and "tests/sample/ exists already" in again.stderr and "Nothing changed" in again.stderr


def test_keep_sample_refuses_a_hub_without_resources(tmp_path):
    root = make_repo(tmp_path / "empty")
    with pytest.raises(SystemExit, match="content/resources/ holds no resources to keep"):
        keep_sample.keep(root)
    assert not (root / "tests").exists()


@pytest.fixture(scope="module")
def own_site(real_site, tmp_path_factory) -> Path:
    """The hub's own content, built: the sample's site while the repository ships the sample."""
    if SAMPLE == ROOT:
        return real_site
    site = tmp_path_factory.mktemp("own") / "site"
    result = run_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_the_hubs_own_content_builds_with_a_page_for_each_resource_and_no_broken_link(own_site):
    style = UrlStyle()
    for res in load(ROOT).resources:
        for lang, version in res.versions.items():
            assert escape(version.title) in read(own_site, style.page(res.path_stem, lang)), (lang, res.slug)
    if SAMPLE != ROOT:  # before launch this is the sample's site, whose links test_real_site follows
        assert broken_links(own_site) == []


def test_the_sample_hub_is_marked_as_sample_whatever_the_live_setting():
    for live in ("extra:\n  short_name: X\n", "extra:\n  sample_content: false\n  short_name: X\n"):
        assert keep_sample.marked_as_sample("site_name: Hub\n" + live) == (
            "site_name: Hub\nextra:\n  sample_content: true  # set by scripts/keep_sample.py\n  short_name: X\n")
    with pytest.raises(SystemExit, match="no top-level 'extra:' section"):
        keep_sample.marked_as_sample("site_name: Hub\n")
