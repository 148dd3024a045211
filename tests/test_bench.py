"""Smoke test of scripts/bench.py: a small run writes every documented figure, with sane values.

No timing is asserted: the run only has to work and report. About a minute on two cores.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys

import pytest

from browser import require_chromium
from conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BENCH = ROOT / "scripts" / "bench.py"
PAGE_KEYS = ("path", "first_visit_bytes", "first_visit_body_bytes", "first_visit_requests", "browser_requests",
             "offsite_requests", "offsite_urls", "failed_requests", "first_visit_paths", "html_bytes",
             "repeat_visit_bytes", "repeat_visit_requests", "repeat_visit_paths", "by_type")
TOP_KEYS = ("version", "started", "finished", "total_seconds", "machine", "resources", "languages",
            "source_date_epoch", "catalogue_module", "content", "validate", "builds", "en_only", "ratios", "pages",
            "search", "lighthouse", "budgets", "package_modules", "growth")
SITE_KEYS = ("seconds", "cpu_seconds", "load_before", "peak_rss_bytes", "site_bytes", "site_files", "html_files",
             "site_bytes_without_zip", "host_notices", "profile", "rounds")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    require_chromium()
    folder = tmp_path_factory.mktemp("bench")
    out = folder / "tmp.json"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, str(BENCH), "--resources", "30", "--growth-from", "10", "--rounds", "2", "--json", str(out)], cwd=folder,
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return json.loads(out.read_text()), result.stdout


def test_every_documented_key_is_written(run):
    data, _ = run
    doc = BENCH.read_text(encoding="utf-8").split('"""')[1]
    for key in TOP_KEYS:
        assert key in data, key
        assert re.search(rf"^ {{4}}(?:[a-z_]+, )?{key}\b", doc, re.M), f"{key} is not documented in bench.py"
    assert data["version"] == 1 and data["resources"] == 30
    assert data["languages"][0] == "en" and len(data["languages"]) >= 2
    assert data["machine"]["cpus"] > 0 and data["source_date_epoch"] > 0


def test_content_and_builds_have_sane_figures(run):
    data, _ = run
    content = data["content"]
    assert content["resources"] == 30
    assert content["files"] > 30 and content["translations"] > 0 and content["events"] > 0
    assert content["markdown_bytes"] > 0 and content["words"] > 30 * 100
    assert len(content["originals_by_language"]) > 1, "some resources exist only in another language"
    assert content["renamed"] == 1, "one in a hundred, from the eighth on"
    assert data["validate"]["ok"] is True
    builds = data["builds"]
    for name in ("hub", "plain", "hub_en"):
        for key in SITE_KEYS:
            assert key in builds[name], (name, key)
        assert builds[name]["seconds"] > 0 and builds[name]["peak_rss_bytes"] > 0
        assert builds[name]["site_bytes"] > 0 and builds[name]["site_files"] > 0 and builds[name]["html_files"] > 0
        assert builds[name]["profile"]["total"] > 0 and builds[name]["profile"]["parts"]
    for name in ("hub", "plain", "hub_en", "hub_small"):  # every build twice, the figure their median
        rounds = builds[name]["rounds"]
        assert len(rounds) == 2 and all(r["seconds"] > 0 and r["cpu_seconds"] > 0 for r in rounds), name
        assert builds[name]["seconds"] == statistics.median(r["seconds"] for r in rounds), name
        assert builds[name]["cpu_seconds"] == statistics.median(r["cpu_seconds"] for r in rounds), name
    jobs = builds["hub"]["jobs"]  # the forked processes, and Pagefind's indexer run by the search one
    assert set(jobs) == {"languages", "search", "data"}, jobs
    assert all(job["cpu_seconds"] > 0 and job["seconds"] > 0 for job in jobs.values())
    assert 0 < jobs["search"]["tools_cpu_seconds"] <= jobs["search"]["cpu_seconds"]
    assert "search" in builds["hub_en"]["jobs"] and "languages" not in builds["hub_en"]["jobs"]
    offline = builds["offline"]
    assert offline["seconds"] > 0 and offline["peak_rss_bytes"] > 0
    assert offline["zip_bytes"] > 0 and offline["build_bytes"] > offline["zip_bytes"] and offline["build_files"] > 0
    copies = offline["language_zip_bytes"]  # each language's copy holds less than the complete one
    assert set(copies) == set(data["languages"]) and all(0 < size < offline["zip_bytes"] for size in copies.values())
    assert builds["hub"]["site_bytes"] > builds["hub"]["site_bytes_without_zip"], "the zip is published in site/"
    assert builds["hub"]["html_files"] > builds["hub_en"]["html_files"] > 0
    assert builds["hub"]["host_notices"] == [], "30 resources are far from any host's limit"
    for key in ("hub_vs_plain", "languages_vs_english", "english_vs_plain", "site_bytes_languages_vs_english"):
        assert data["ratios"][key] > 0
    ratios = data["ratios"]  # the hub's ratio to plain Material is what the languages cost times what one language costs
    assert abs(ratios["hub_vs_plain"] - ratios["languages_vs_english"] * ratios["english_vs_plain"]) < 0.01 * ratios["hub_vs_plain"]
    assert data["en_only"]["validator_refuses_unconfigured_suffixes"] is True, "the configuration alone decides the languages"
    assert data["en_only"]["deleted_files"] > 0
    assert data["catalogue_module"].endswith("catalogue/__init__.py")
    for name, path in data["package_modules"].items():  # the copy's snapshot, not the repository's files
        assert not path.startswith(str(ROOT) + "/"), (name, path)


def test_pages_are_measured_with_no_request_to_other_hosts(run):
    data, _ = run
    for site in ("hub", "plain"):
        for kind in ("home", "region", "resource"):
            page = data["pages"][site][kind]
            for key in PAGE_KEYS:
                assert key in page, (site, kind, key)
            assert page["first_visit_bytes"] > page["first_visit_body_bytes"] > 0
            assert page["first_visit_requests"] > 1 and page["html_bytes"] > 0
            assert page["offsite_requests"] == 0, page["offsite_urls"]
            assert page["failed_requests"] == [], page["failed_requests"]
            assert 0 < page["repeat_visit_bytes"] < page["first_visit_bytes"]
            assert page["repeat_visit_requests"] >= 1
    hub = data["pages"]["hub"]
    for kind in ("home", "region", "resource"):
        assert hub[kind]["repeat_visit_paths"] == [hub[kind]["path"]], "a repeat visit refetches only the HTML"


def test_search_transfer_is_measured(run):
    data, _ = run
    search = data["search"]["hub"]
    assert search["query"] and search["offsite_requests"] == 0
    page = search["search_page"]
    assert page["bytes"] > 0 and page["requests"] > 0 and page["results"] > 0
    assert {"pagefind.js", "wasm", "index", "fragment"} <= set(page["by_kind"])
    assert 0 < page["after_typing_bytes"] <= page["bytes"]
    assert search["header_box"]["bytes"] > 0 and search["header_box"]["requests"] > 0
    plain = data["search"]["plain"]
    assert plain["index_bytes"] > plain["index_gzip_bytes"] > 0
    assert data["lighthouse"] is None


def test_budgets_are_reported_and_printed(run):
    data, stdout = run
    names = [row["name"] for row in data["budgets"]]
    assert len(names) == 9
    growth = next(r for r in data["budgets"] if r["name"] == "hub build at N=30 / at N=10")
    assert growth["limit"] == 3.6 and growth["value"] == data["growth"]["time"] > 0, "linear within a fifth"
    assert data["growth"] == {"from": 10, "to": 30, "time": growth["value"],
                              "cpu": round(data["builds"]["hub"]["cpu_seconds"] / data["builds"]["hub_small"]["cpu_seconds"], 3)}
    assert re.search(r"times above are medians of 2 rounds: hub [\d.]+–[\d.]+s, .*10 resources [\d.]+–[\d.]+s", stdout)
    assert re.search(r"hub at N=30 / at N=10: [\d.]+× time \([\d.]+× CPU\)", stdout)
    assert data["builds"]["hub_small"]["html_files"] < data["builds"]["hub"]["html_files"]
    assert re.search(r"hub, 10 resources\s+[\d.]+s", stdout)
    assert re.search(r"English-only hub / plain: [\d.]+× time \([\d.]+× CPU\)", stdout)
    for row in data["budgets"]:
        assert set(row) == {"name", "value", "limit", "unit", "pass", "note"}
        assert row["pass"] == (row["value"] <= row["limit"])
        assert re.search(rf"(PASS|FAIL)  {re.escape(row['name'])}: ", stdout), row["name"]
    assert "requests to other hosts (hub)" in names
    assert next(r for r in data["budgets"] if r["name"] == "requests to other hosts (hub)")["pass"]
    assert data["total_seconds"] > 0
    assert re.search(r"CPU time of the hub build by process: main [\d.]+s, data [\d.]+s, languages [\d.]+s, "
                     r"search [\d.]+s \(of it [\d.]+s in tools it ran\)", stdout)
    # what the hub would cost if the other languages' pages cost nothing: the floor of any parallel build
    ratios, cores = data["ratios"], data["machine"]["cpus"]
    assert 0 < ratios["hub_without_languages_vs_plain_cpu"] < ratios["hub_vs_plain_cpu"]
    assert (f"without the other languages' pages: {ratios['hub_without_languages_vs_plain_cpu']:.2f}× plain Material's CPU "
            f"(1.5× its time on {cores} cores allows at most {1.5 * cores:.1f}×)") in stdout
