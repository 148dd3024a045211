"""The offline copy: unzipped and opened from disk in Chromium, with no server and no network."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from browser import browser
from catalogue.offline import ROOT_FOLDER, ZIP_NAME
from conftest import BUILD_DATE_EPOCH, ROOT
from htmlcheck import broken_links, parse


@pytest.fixture(scope="module")
def offline_zip(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    env = dict(os.environ, SOURCE_DATE_EPOCH=BUILD_DATE_EPOCH)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_offline.py"), "--dist", str(dist)],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return dist / ZIP_NAME


@pytest.fixture(scope="module")
def unzipped(offline_zip, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / ROOT_FOLDER


def test_zip_holds_a_manifest_and_no_source_maps(offline_zip):
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read(f"{ROOT_FOLDER}/MANIFEST.json"))
        readme = archive.read(f"{ROOT_FOLDER}/README.txt").decode()
    assert all(name.startswith(f"{ROOT_FOLDER}/") for name in names)
    assert not [n for n in names if n.endswith(".map")]
    assert not [n for n in names if "/pagefind/" in n or "/lunr/" in n], "no unused search engines"
    assert manifest["built"] == "2026-11-28" and manifest["version"] and manifest["open"] == "index.html"
    assert manifest["contents"]["resources"] >= 50 and manifest["languages"][0] == "en"
    assert "Open index.html" in readme


def test_nothing_in_the_copy_loads_from_another_host(unzipped):
    for page in unzipped.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        loaded = re.findall(r'<(?:script|img|iframe|source|link(?![^>]*rel="(?:alternate|canonical)"))\b[^>]*?'
                            r'(?:src|href)="(https?:[^"]+)"', html)
        assert loaded == [], f"{page}: {loaded}"
    assert broken_links(unzipped) == []


def test_external_links_are_marked(unzipped):
    html = (unzipped / "resources" / "hub-launch-cop28.html").read_text(encoding="utf-8")
    external = [a for a in parse(html).links if a["href"].startswith("http") and a["tag"] == "a"]
    assert external and all("hub-external" in a.get("class", "") for a in external)


def test_browsing_search_and_languages_work_from_disk(unzipped):
    with browser() as chromium:
        page = chromium.new_page(bypass_csp=True)  # the tests evaluate their own scripts
        network = []
        page.on("request", lambda r: network.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
        page.goto((unzipped / "index.html").as_uri())
        assert page.title().startswith("JET Coal Regions Knowledge Hub")
        visited = {}
        for label, expected in (("Regions", "regions/index.html"), ("Topics", "topics/index.html"),
                                ("Types of resource", "types/index.html"), ("Organisations", "organisations/index.html"),
                                ("Library", "library/index.html"), ("Events", "events/index.html"),
                                ("News", "news/index.html")):
            page.goto((unzipped / "index.html").as_uri())
            page.locator(".md-nav--primary a", has_text=label).first.click()
            page.wait_for_load_state()
            assert page.url.endswith(expected), (label, page.url)
            visited[label] = page.locator("article").inner_text()
        page.goto((unzipped / "regions" / "colombia.html").as_uri())
        page.locator("article .hub-card__title a").first.click()
        page.wait_for_load_state()
        assert "/resources/" in page.url and page.locator(".hub-facts").count() == 1
        page.goto((unzipped / "resources" / "coal-region-skills-mapping-dataset-sample.html").as_uri())
        href = page.locator(".hub-downloads a").first.get_attribute("href")
        assert (Path(page.url.removeprefix("file://")).parent / href).resolve().is_file()
        with page.expect_navigation():
            page.locator(".md-select a[hreflang=es]").first.evaluate("a => a.click()")
        assert page.url.endswith("/es/resources/coal-region-skills-mapping-dataset-sample.html")
        assert page.evaluate("document.documentElement.lang") == "es"
        with page.expect_navigation():  # no Indonesian translation: the Indonesian home page
            page.locator(".md-select a[hreflang=id]").first.evaluate("a => a.click()")
        assert page.url.endswith(f"{ROOT_FOLDER}/id/index.html")
        page.goto((unzipped / "search" / "index.html").as_uri() + "?q=coal")
        page.wait_for_selector(".hub-results li")
        total = int(page.inner_text(".hub-search-status").split()[0])
        page.click("details.hub-facets > summary")
        page.locator('.hub-facet[data-facet="region"] input[value="Colombia"]').check()
        page.wait_for_function(f"!document.querySelector('.hub-search-status').textContent.startsWith('{total} ')")
        by_region = int(page.inner_text(".hub-search-status").split()[0])
        page.locator('.hub-facet[data-facet="type"] input[value="Event"]').check()
        page.wait_for_function(f"!document.querySelector('.hub-search-status').textContent.startsWith('{by_region} ')")
        both = int(page.inner_text(".hub-search-status").split()[0])
        assert 0 < both < by_region < total
        assert "Regional Dialogue on the Future of Work in La Guajira and Cesar" in page.inner_text(".hub-results")
        page.goto((unzipped / "th" / "search" / "index.html").as_uri() + "?q=ลำปาง")
        page.wait_for_selector(".hub-results li")
        page.goto((unzipped / "index.html").as_uri())
        page.fill("#hub-search-box", "Mpumalanga")
        page.wait_for_selector(".hub-search__list li")
        assert network == [], f"requests to the network: {network}"


def test_every_online_page_offers_the_copy_with_size_date_and_checksum(real_site):
    zip_path = real_site / "downloads" / ZIP_NAME
    assert zip_path.is_file()
    digest = hashlib.sha256(zip_path.read_bytes()).hexdigest()
    for page in ("index.html", "es/regions/colombia/index.html", "resources/hub-launch-cop28/index.html"):
        html = (real_site / page).read_text(encoding="utf-8")
        footer = html[html.index("hub-footer__offline"):]
        assert f"downloads/{ZIP_NAME}" in footer and digest in footer
        assert re.search(r"ZIP, \d+([.,]\d)? MB, [^)]*2026", footer), footer[:300]
