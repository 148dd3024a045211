"""Every kind of page, in every language: valid HTML (Nu HTML Checker), no accessibility violation
(axe-core in Chromium), a Content-Security-Policy, reproducible output."""

from __future__ import annotations

import json
import subprocess

import pytest

from browser import accessibility_violations, axe_page, browser, serve
from catalogue.security import VERSIONED_ASSETS
from conftest import ROOT, SAMPLE, mkdocs_config, need, run_build

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGS = ["", "es/", "id/", "vi/", "th/", "mn/"]
KINDS = ["", "regions/", "regions/colombia/", "topics/skills/", "types/guide/", "organisations/",
         "organisations/ilo/", "library/", "library/page/2/", "events/", "news/", "search/", "about/", "contribute/"]
RESOURCES = ["resources/hub-launch-cop28/", "resources/coronel-path-after-coal-power/",
             "es/resources/coronel-path-after-coal-power/", "th/resources/mae-moh-community-forest-restoration/",
             "resources/coal-region-skills-mapping-dataset-sample/"]
# a renamed resource's former address, and a folder of the addresses (catalogue.moved)
FORWARDING = ["es/resources/coronel-after-coal-case-study/", "th/library/page/"]


def pages() -> list[str]:
    return [lang + kind for lang in LANGS for kind in KINDS] + RESOURCES


def test_html_is_valid_on_every_kind_of_page_in_every_language(real_site):
    need(VNU, "vnu")
    files = [str(real_site / p / "index.html") for p in [*pages(), *FORWARDING]] + [str(real_site / "404.html")]
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages
              if m.get("type") == "error"]
    assert errors == []


@pytest.mark.browser
def test_no_accessibility_violation_on_any_kind_of_page(real_site):
    found = []
    with serve(real_site) as url, browser() as chromium:
        page = axe_page(chromium)
        for path in pages():
            page.goto(url + path)
            found += accessibility_violations(page, path)
    assert found == []


@pytest.mark.browser
def test_no_accessibility_violation_with_the_menus_open(real_site):
    """hub.js makes the phone's menu a button and gives the open drawer a close button; the
    language menu opens over the page."""
    with serve(real_site) as url, browser() as chromium:
        page = axe_page(chromium, viewport={"width": 360, "height": 740})
        page.goto(url + "th/regions/thailand/")
        page.click("button.hub-menu")
        page.wait_for_selector(".hub-drawer-close")
        found = accessibility_violations(page, "the drawer open")
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(url + "mn/library/")
        page.click(".md-select button")
        # faded in: half-way through, its text has half its contrast
        page.wait_for_function("getComputedStyle(document.querySelector('.md-select__inner')).opacity === '1'")
        assert found + accessibility_violations(page, "the language menu open") == []


@pytest.mark.browser
def test_no_accessibility_violation_while_searching(real_site):
    """What the search writes into the page, which the pages as built do not show: results with
    language badges, a filter's list, the filters open, a note on few results, none at all, and the
    header box's list."""
    found = []
    with serve(real_site) as url, browser() as chromium:
        page = axe_page(chromium)
        for query in ["mn/search/?q=Монгол", "search/?q=coal&type=Event", "th/search/?q=ถ่านหิน",
                      "mn/search/?q=Nalaikh", "es/search/?q=desarollo local", "search/?q=zzqxv"]:
            page.goto(url + query)
            page.wait_for_function("(t => t.length > 0 && !t.endsWith('…'))"
                                   "(document.querySelector('.hub-search-status').textContent)")
            found += accessibility_violations(page, query)
            if not page.eval_on_selector(".hub-facets", "d => d.open"):  # a link with filters opens them
                page.click(".hub-facets summary")
            page.wait_for_selector(".hub-facet:not([hidden]) label")
            found += accessibility_violations(page, query + ", filters open")
        page.goto(url + "regions/colombia/")
        page.fill("#hub-search-box", "coal")
        page.wait_for_selector(".hub-search__list li")
        found += accessibility_violations(page, "the header box's list")
    assert found == []


def test_every_page_has_a_content_security_policy(real_site):
    for page in real_site.rglob("*.html"):
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'' in head, page
        assert "unsafe-inline" not in head, f"{page}: only the live preview (make serve) allows inline scripts"
    headers = (real_site / "_headers").read_text()
    assert "Content-Security-Policy: default-src 'self'" in headers and "frame-ancestors 'none'" in headers
    for path in ("/api/*", "/feeds/*", "/:lang/feeds/*", "/calendar/*"):  # other sites' scripts may read the data
        assert f"\n{path}\n  Access-Control-Allow-Origin: *\n" in headers, path
    site_url = mkdocs_config()["site_url"]
    assert (real_site / "robots.txt").read_text() == f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n"


def test_every_page_names_its_icon_so_that_no_browser_asks_for_favicon_ico(real_site):
    """A page without an icon makes the browser ask for /favicon.ico, which the host answers with
    its 404 page: a wasted request, on a connection where each one costs, at every forwarding page."""
    without = [page.relative_to(real_site).as_posix() for page in real_site.rglob("*.html")
               if '<link rel="icon"' not in page.read_text(encoding="utf-8").split("</head>")[0]]
    assert without == []


def test_each_file_has_one_caching_rule_and_the_hubs_own_change_address_with_their_content(real_site):
    """Hosts apply every _headers rule that matches: two Cache-Control values for one file would
    conflict. What is kept a year must change its address when it changes."""
    import hashlib
    from fnmatch import fnmatchcase

    rules, path = [], None
    for line in (real_site / "_headers").read_text().splitlines():
        if line.startswith("/"):
            path = line
        elif line.strip().startswith("Cache-Control:"):
            rules.append((path, line.split(":", 1)[1].strip()))
    for file in real_site.rglob("*"):
        if file.is_file():
            address = "/" + file.relative_to(real_site).as_posix()
            matching = [rule for rule in rules if fnmatchcase(address, rule[0])]
            assert len(matching) <= 1, (address, matching)
    kept = {path for path, policy in rules if "immutable" in policy}
    assert {"/assets/hub.js", "/assets/hub-search.js", "/assets/hub.css"} <= kept
    page = (real_site / "resources/hub-launch-cop28/index.html").read_text(encoding="utf-8")
    for name in VERSIONED_ASSETS:  # hub-search.js: the address hub.js fetches it from
        version = hashlib.sha256((ROOT / "content/assets" / name).read_bytes()).hexdigest()[:10]
        assert f'assets/{name}?v={version}"' in page, name


@pytest.mark.browser
def test_the_policy_blocks_nothing_the_site_needs(real_site):
    with serve(real_site) as url, browser() as chromium:
        page = chromium.new_page()
        violations = []
        page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        for path in ("", "resources/hub-launch-cop28/", "search/?q=coal", "about/"):
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
        page.fill("#hub-search-box", "Mpumalanga")
        page.wait_for_selector(".hub-search__suggest li")
        assert violations == []


def test_external_links_open_safely(real_site):
    import re

    for path in ("resources/hub-launch-cop28/", "organisations/ilo/", "contribute/"):
        html = (real_site / path / "index.html").read_text(encoding="utf-8")
        article = html.split('<article class="md-content__inner', 1)[1].split("</article>")[0]
        for tag in re.findall(r'<a [^>]*href="https?://[^"]*"[^>]*>', article):
            assert 'rel="noopener noreferrer"' in tag, tag


@pytest.mark.slow
def test_two_builds_of_the_same_commit_are_identical(tmp_path, real_site):
    """The second build runs in one process, one language after another: the forked language
    builds and background jobs of the first (hooks/build_languages_in_parallel.py) must not
    change a byte, the sitemap included."""
    second = tmp_path / "site"
    result = run_build(SAMPLE, second, env={"HUB_SEQUENTIAL_BUILD": "1", "HUB_OFFLINE_DIST": str(real_site.parent / "dist")})
    assert result.returncode == 0, result.stderr
    first_files = sorted(p.relative_to(real_site) for p in real_site.rglob("*") if p.is_file())
    second_files = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert first_files == second_files
    different = [str(p) for p in first_files if (real_site / p).read_bytes() != (second / p).read_bytes()]
    assert different == []
