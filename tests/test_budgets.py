"""Budgets for readers on slow, expensive connections, held on the sample content. The same
measurement (scripts/bench.py) reports them at scale; sizes are gzip bytes on the wire."""

from __future__ import annotations

import zipfile

import pytest

from browser import browser
from conftest import ROOT, script

KB = 1024
pytestmark = pytest.mark.browser


def bench():
    return script("bench")


@pytest.fixture(scope="module")
def measured(real_site):
    tools = bench()
    pages = {"home": "", "region": "regions/colombia/", "resource": "resources/coronel-path-after-coal-power/",
             "event": "resources/hub-launch-cop28/", "translated": "es/resources/coronel-path-after-coal-power/"}
    with tools.GzipServer(real_site) as server, browser() as chromium:
        return {name: tools.measure_page(chromium, server, path) for name, path in pages.items()}


def test_a_resource_page_costs_at_most_80_kb_on_first_visit(measured):
    for name in ("resource", "event", "translated"):
        assert measured[name]["first_visit_bytes"] <= 80 * KB, (name, measured[name]["first_visit_paths"])


def test_a_repeat_visit_costs_at_most_10_kb(measured):
    for name, page in measured.items():
        assert page["repeat_visit_bytes"] <= 10 * KB, (name, page["repeat_visit_paths"])


def test_no_page_asks_another_host_for_anything(measured):
    for name, page in measured.items():
        assert page["offsite_requests"] == 0, (name, page["offsite_urls"])
        assert page["failed_requests"] == [], name


def test_the_hubs_own_scripts_and_styles_arrive_without_their_comments(real_site):
    """Comments are for whoever maintains the files; every reader's first visit would pay for them."""
    import gzip

    for name in ("hub.js", "search-offline.js", "hub.css"):
        source = (ROOT / "content" / "assets" / name).read_text(encoding="utf-8")
        served = (real_site / "assets" / name).read_text(encoding="utf-8")
        assert "/*" in source and "/*" not in served and "\n  " not in served, name
        assert len(gzip.compress(served.encode())) < 0.8 * len(gzip.compress(source.encode())), name


def test_pages_load_no_palette_stylesheet_or_script(real_site):
    """The hub's colours are in hub.css: Material's palette stylesheet (2 KB gzip, render-blocking)
    and its script that restores a palette choice the hub does not offer would be weight for nothing."""
    for path in ("index.html", "resources/hub-launch-cop28/index.html", "th/regions/thailand/index.html", "404.html"):
        html = (real_site / path).read_text(encoding="utf-8")
        assert "palette." not in html and "__palette" not in html, path


def test_pages_run_no_script_but_the_hubs_own(measured, real_site):
    """Material's script bundle (35 KB gzip, nearly half of a first visit) is not sent: the pages
    work as Material's no-script pages do, with hub.js for search, menus and local times."""
    for name, page in measured.items():
        scripts = [path.split("?")[0] for path in page["first_visit_paths"] if path.split("?")[0].endswith(".js")]
        assert [path.rsplit("/", 1)[-1] for path in scripts] == ["hub.js"], (name, scripts)
    assert not (real_site / "assets" / "javascripts").exists(), "Material's scripts are not copied into the site"
    for copy in (real_site / "downloads").glob("*.zip"):  # nor into the offline copies
        with zipfile.ZipFile(copy) as archive:
            assert not [name for name in archive.namelist() if "assets/javascripts/" in name], copy.name
