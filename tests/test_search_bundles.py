"""A hub larger than one search bundle: a search covers the newest resources first and the older
bundles when the reader asks, or when the newest give fewer than a page of results
(catalogue/search_records.py). Small bundles stand in for the 2,000 of a real hub."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from browser import browser, serve, watch
from catalogue.load import load
from conftest import make_repo, resource, run_build, write

pytestmark = pytest.mark.browser

BUNDLE = 12
COUNT = 2 * BUNDLE + 2  # three bundles: 12, 12 and 2
OLDEST = "Kestrelmoor brief 00 on the Zwartkop basin (ปิด)"  # Thai: closed


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory):
    first = dt.date(2024, 1, 1)
    briefs = {f"brief-{n:02d}.md": resource(title=OLDEST if n == 0 else f"Kestrelmoor brief {n:02d}",
                                            date=(first + dt.timedelta(days=n)).isoformat())
              for n in range(COUNT)}
    root = make_repo(tmp_path_factory.mktemp("bundles") / "repo", briefs)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("\nextra:\n", f"\nextra:\n  search_bundle_size: {BUNDLE}\n", 1))
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def site_url(bundled_site):
    with serve(bundled_site) as url:
        yield url


@pytest.fixture
def page(site_url):
    with browser() as chromium:
        context = chromium.new_context(bypass_csp=True)
        tab = context.new_page()
        tab.offsite = watch(tab, (site_url,))
        tab.requests = []
        tab.on("request", lambda r: tab.requests.append(r.url))
        yield tab
        assert tab.offsite == []
        context.close()


def status(page) -> str:
    page.wait_for_function("(t => t.length > 0 && !t.endsWith('…'))(document.querySelector('.hub-search-status').textContent)")
    return page.inner_text(".hub-search-status")


def test_older_bundles_hold_only_their_index(bundled_site):
    index = bundled_site / "pagefind"
    counts = [json.loads((index / folder / "pagefind-entry.json").read_text())["languages"]["en"]["page_count"]
              for folder in ("", "older-1", "older-2")]
    catalogue = load(bundled_site.parent)
    places = len(catalogue.regions) + len(catalogue.organisations)  # all in the newest bundle
    assert counts == [BUNDLE + places, BUNDLE, 2]
    assert not (index / "older-3").exists()
    assert (index / "pagefind.js").is_file() and list(index.glob("wasm.*"))
    assert not list((index / "older-1").glob("*.js")) and not list((index / "older-1").glob("wasm.*"))


def test_a_first_search_downloads_the_newest_bundle_until_the_reader_asks_for_all(page, site_url):
    page.goto(site_url + "search/?q=Kestrelmoor")
    assert status(page) == f"{BUNDLE} results. Matches among the {BUNDLE} newest resources."
    assert not [u for u in page.requests if "/older-" in u]
    button = page.locator(".hub-everything")
    assert button.is_visible() and button.inner_text() == f"Search all {COUNT} resources"
    button.click()
    page.wait_for_url(re.compile(r"all=1"))
    page.wait_for_function(f"document.querySelector('.hub-search-status').textContent === '{COUNT} results'")
    assert [u for u in page.requests if "/older-1/" in u] and [u for u in page.requests if "/older-2/" in u]
    assert button.is_hidden()
    page.reload()
    assert status(page) == f"{COUNT} results"


def test_too_few_results_among_the_newest_bring_in_the_older(page, site_url):
    page.goto(site_url + "search/?q=Zwartkop")
    page.wait_for_selector(".hub-results li")
    assert status(page) == "1 result"
    assert page.inner_text(".hub-results li .hub-result__title") == OLDEST
    assert page.locator(".hub-everything").is_hidden()


def test_the_older_bundles_compare_thai_marks_as_the_newest_does(page, site_url):
    """On a Thai page a word finds only words with its marks, in every bundle: "ปี" (year) does not
    find "ปิด" (closed), which only the oldest resource's title holds; without the marks both are "ป…"."""
    found = {}
    for query in ("ปิด", "ปี"):
        page.goto(site_url + f"th/search/?q={query}")
        page.wait_for_function("(t => t.length > 0 && !t.endsWith('…'))(document.querySelector('.hub-search-status').textContent)")
        found[query] = [t for t in page.locator(".hub-results li .hub-result__title").all_inner_texts() if t.startswith(OLDEST)]
        assert page.locator(".hub-results li").count() < 10, "fewer than a page: the older bundles were searched too"
    assert found == {"ปิด": [found["ปิด"][0]], "ปี": []}, found


def test_the_header_box_says_what_it_searched(page, site_url):
    page.goto(site_url)
    page.fill("#hub-search-box", "Kestrelmoor")
    page.wait_for_selector(".hub-search__list li")
    assert page.inner_text(".hub-search__status") == f"{BUNDLE} results. Matches among the {BUNDLE} newest resources."
    assert len(page.query_selector_all(".hub-search__list li")) == 5


def test_the_index_name_changes_with_any_source_or_code_and_only_then(tmp_path):
    """hubsite.search_tag names the index after catalogue.cache.digest: a browser keeps the entry
    file under that name, so a name that stayed while the index changed would break search."""
    from catalogue.cache import digest

    root = make_repo(tmp_path / "repo", {"a.md": resource(title="First")})
    code = tmp_path / "code"
    write(code / "records.py", "X = 1\n")
    first = digest(root, (code,), "setting")
    assert digest(root, (code,), "setting") == first
    path = root / "content" / "resources" / "a.md"
    path.write_text(path.read_text().replace("First", "Fir5t"))  # same size
    assert digest(root, (code,), "setting") != first
    changed = digest(root, (code,), "setting")
    write(code / "records.py", "X = 2\n")
    assert digest(root, (code,), "setting") != changed
    assert digest(root, (code,), "other setting") != digest(root, (code,), "setting")


def test_a_word_whole_only_in_an_older_bundle_is_not_named_as_missing(page, site_url):
    """Among the newest resources "basin" finds only what its first letters find; the oldest
    resource's title holds it whole. Beside another word it is found there and not named as a word
    no resource holds. A bundle without it searched for "kestrelmoor" alone and listed 24 briefs after
    the one that holds both words: only results each word finds alone are kept, and the filters
    count them."""
    page.goto(site_url + "search/?q=kestrelmoor basin")
    page.wait_for_selector(".hub-results li")
    assert status(page) == "1 result"
    assert page.locator(".hub-results li .hub-result__title").all_inner_texts() == [OLDEST]
    page.click("details.hub-facets > summary")
    region = page.locator('.hub-facet[data-facet="region"] label', has_text="Colombia")
    region.wait_for()
    assert region.inner_text().endswith("(1)"), region.inner_text()
    page.goto(site_url + "search/?q=kestrelmoor brief")  # held by every bundle: the newest answer
    assert status(page).startswith(f"{BUNDLE} results")
