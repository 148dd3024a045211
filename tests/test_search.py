"""Search as readers use it: Pagefind in headless Chromium against the built site on localhost."""

from __future__ import annotations

import json
import re
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest

from browser import QuietHandler, browser, serve, watch
from catalogue import search_records, suggestions
from catalogue.load import load
from conftest import SAMPLE
from htmlcheck import SITE_PATH, read

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def catalogue():
    return load(SAMPLE)


@pytest.fixture(scope="module")
def chromium():
    with browser() as instance:
        yield instance


@pytest.fixture(scope="module")
def site_url(real_site):
    with serve(real_site) as url:
        yield url


@pytest.fixture
def page(chromium, site_url):
    context = chromium.new_context(bypass_csp=True)  # the tests evaluate their own scripts in the page
    tab = context.new_page()
    tab.offsite = watch(tab, (site_url,))
    tab.failed = []
    tab.on("response", lambda r: tab.failed.append(r.url) if r.status >= 400 else None)
    yield tab
    assert tab.offsite == [], "requests to other hosts"
    assert tab.failed == [], "requests that failed"
    context.close()


def titles(page) -> list[str]:
    return [t.inner_text().replace(" EN", "").strip() for t in page.query_selector_all(".hub-results .hub-result__title a")]


def result_count(page) -> int:
    """The number of results the status line gives (0 when it says there are none)."""
    found = re.match(r"\D*(\d+)", page.inner_text(".hub-search-status"))
    return int(found.group(1)) if found else 0


def wait_results(page):
    """Until the search has answered: not "Searching…", which it says while the index downloads."""
    page.wait_for_function("(t => t.length > 0 && !t.endsWith('…'))(document.querySelector('.hub-search-status').textContent)")


def every_title(page) -> list[str]:
    """The titles of all the results, shown a page at a time as the reader asks for more."""
    while page.is_visible(".hub-more"):
        before = page.locator(".hub-results li").count()
        page.click(".hub-more")
        page.wait_for_function(f"document.querySelectorAll('.hub-results li').length > {before}")
    return titles(page)


def searched(page, address: str) -> tuple[int, list[str]]:
    """The number of results the search page at `address` gives, and the titles it shows."""
    page.goto(address)
    wait_results(page)
    return result_count(page), titles(page)


def test_the_search_script_names_the_filters_the_index_holds():
    """hub-search.js writes the filters' names that catalogue/search_records.py gives the index: a
    filter added on one side only would not be shown, or would be lost from shared links."""
    script = (SAMPLE / "content" / "assets" / "hub-search.js").read_text(encoding="utf-8")
    facets = re.search(r"var FACETS = (\[[^\]]*\]);", script).group(1)
    assert tuple(json.loads(facets)) == search_records.FILTERS
    assert re.search(r'var TEXT = "([^"]+)";', script).group(1) == search_records.TEXT_LANGUAGE
    assert re.search(r'var HUB = "([^"]+)";', script).group(1) == search_records.HUB_PAGE


def test_index_holds_only_resources_regions_and_organisations(real_site, catalogue):
    assert not (real_site / "search" / "search_index.json").exists(), "no lunr index online"
    entry = json.loads((real_site / "pagefind" / "pagefind-entry.json").read_text())
    expected = len(catalogue.resources) + len(catalogue.regions) + len(catalogue.organisations)
    assert set(entry["languages"]) == set(catalogue.languages)
    for lang, info in entry["languages"].items():
        assert info["page_count"] == expected, lang
    assert not list((real_site / "pagefind").glob("pagefind-*ui*")), "unused Pagefind UIs are not shipped"


def test_results_date_events_by_when_they_happen_as_cards_do(catalogue):
    from catalogue.search_records import records
    from catalogue.urls import UrlStyle

    found = {r.url: r.meta.get("date") for r in records(catalogue, UrlStyle("en", True)) if r.language == "en"}
    launch = catalogue.by_slug("hub-launch-cop28")
    assert launch.date != launch.start.date()
    assert found["resources/hub-launch-cop28/"] == catalogue.translator("en").date(launch.start.date())
    years = {r.url: r.filters.get("year") for r in records(catalogue, UrlStyle("en", True)) if r.language == "en"}
    events = [e for e in catalogue.resources if e.is_event]
    assert any(e.start.year != e.date.year for e in events), "the sample has an event announced the year before"
    assert all(years[f"{e.path_stem}/"] == [str(e.shown_date().year)] for e in events), "the year filter is the card's"


def test_pagefind_loads_only_when_the_reader_starts_to_search(page, site_url):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + "regions/colombia/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "/pagefind/" in u]
    page.focus("#hub-search-box")  # a tap into the box, by mistake on a metered connection
    page.wait_for_timeout(300)
    assert not [u for u in requests if "/pagefind/" in u], "nothing downloads before the reader types"
    page.fill("#hub-search-box", "Guajira")
    page.wait_for_selector(".hub-search__list li")
    assert any(u.endswith("/pagefind/pagefind.js") for u in requests)
    suggest = page.inner_text(".hub-search__suggest")
    assert "Household Dependence on Coal Income in La Guajira and Cesar" in suggest
    assert re.search(r"\d+ results", suggest)


def test_search_code_downloads_only_where_a_reader_searches(page, site_url, real_site):
    """Search's script (hub-search.js, most of the hub's JavaScript) is no weight on a page read
    without searching: it arrives when the reader turns to the header box, before the first letter
    is typed. The search page asks for it at once."""
    asked = []
    page.on("request", lambda r: asked.append(urlsplit(r.url).path) if "hub-search.js" in r.url else None)
    page.goto(site_url + "resources/coronel-path-after-coal-power/")
    page.wait_for_load_state("networkidle")
    assert asked == [] and page.evaluate("window.hub.searching") is None
    page.focus("#hub-search-box")
    page.wait_for_function("window.hub.searching === true")
    assert asked == ["/assets/hub-search.js"]
    page.locator(".md-content a").first.focus()
    page.focus("#hub-search-box")  # a second turn to the box fetches nothing more
    page.keyboard.type("Guajira")
    page.wait_for_selector(".hub-search__list li")
    assert asked == ["/assets/hub-search.js"]
    served = (real_site / "assets" / "hub-search.js").read_text(encoding="utf-8")
    assert "pagefind" in served and "pagefind" not in (real_site / "assets" / "hub.js").read_text(encoding="utf-8")
    search_page = read(real_site, "search/")
    assert re.search(r'<script src="\.\./assets/hub-search\.js\?v=\w+" defer>', search_page), "on the search page from the start"


@pytest.mark.parametrize("query, words", [("coal", 1), ("just transition", 2)])
def test_a_search_downloads_one_small_part_of_the_index_for_each_word(page, site_url, real_site, query, words):
    """Pagefind's own parts held 20,000 word positions each: "coal" downloaded 25.5 KB of index and
    "just transition" 36.2 KB (catalogue/index_parts.py)."""
    asked = []
    page.on("request", lambda r: asked.append(urlsplit(r.url).path) if r.url.endswith(".pf_index") else None)
    searched(page, site_url + f"search/?q={query}")
    sizes = [(real_site / path.lstrip("/")).stat().st_size for path in asked]
    assert len(sizes) == words and sum(sizes) <= words * 10 * 1024, (query, sizes)


def test_a_search_script_that_failed_to_arrive_is_asked_for_again(page, site_url):
    """A dropped connection as the reader turns to the box costs that turn, not search on the page."""
    failures = [1]

    def once_lost(route):
        if failures:
            failures.pop()
            route.abort()
        else:
            route.continue_()

    page.route("**/assets/hub-search.js*", once_lost)
    page.goto(site_url + "regions/colombia/")
    page.focus("#hub-search-box")
    page.wait_for_function("!document.querySelector('script[src*=\"hub-search.js\"]')")  # the failed one is gone
    page.locator(".md-content a").first.focus()
    page.fill("#hub-search-box", "Guajira")  # the next turn to the box
    page.wait_for_selector(".hub-search__list li")
    assert "Household Dependence on Coal Income in La Guajira and Cesar" in page.inner_text(".hub-search__suggest")


def test_header_box_works_on_the_page_for_missing_addresses(page, site_url):
    """Where a broken link lands a reader, search is what they need; the page's base is "/" there."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "404.html")
    page.fill("#hub-search-box", "Mpumalanga")
    page.wait_for_selector(".hub-search__list li")
    assert "Community Solar Cooperatives in Mpumalanga" in page.inner_text(".hub-search__suggest")
    assert errors == []
    # each result's details sit on its title, not halfway to the result above
    result = page.locator(".hub-search__list li").first
    gap = result.locator(".hub-result__title").bounding_box()["y"] - sum(
        result.locator(".hub-card__meta").bounding_box()[k] for k in ("y", "height"))
    assert 0 <= gap < 4, gap
    assert result.locator(".hub-result__title").evaluate("t => getComputedStyle(t).fontWeight") == "600"


def test_header_box_works_by_keyboard(page, site_url):
    page.goto(site_url)
    page.focus("#hub-search-box")
    page.keyboard.type("Mpumalanga")
    page.wait_for_selector(".hub-search__list li")
    page.keyboard.press("Escape")
    assert page.is_hidden(".hub-search__suggest")
    assert page.input_value("#hub-search-box") == "Mpumalanga", "Escape closes the list and keeps what was typed"
    page.keyboard.press("ArrowDown")
    page.keyboard.type(" ")  # typing again brings the list back
    page.wait_for_selector(".hub-search__list li")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.hub-search__list') !== null")
    page.keyboard.press("Escape")
    assert page.is_hidden(".hub-search__suggest")
    page.focus("#hub-search-box")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=Mpumalanga"))
    wait_results(page)
    assert "Community Solar Cooperatives in Mpumalanga" in titles(page)


def test_results_show_type_regions_date_and_highlighted_excerpt(page, site_url):
    page.goto(site_url + "search/?q=cooperatives")
    page.wait_for_selector(".hub-results li")
    first = page.query_selector(".hub-results li")
    meta = first.query_selector(".hub-card__meta").inner_text()
    # the type in capitals, as on the hub's cards; British English dates
    assert re.search(r"^[A-Z][A-Z ]+ · [\w ,]+ · \d{1,2} \w{3} \d{4}$", meta), meta
    assert first.query_selector(".hub-result__excerpt mark").inner_text().lower().startswith("cooperative")
    # the title first in the page, for a screen reader going by headings; the details show above it
    assert first.evaluate("li => li.firstElementChild.classList.contains('hub-result__title')")
    assert first.query_selector(".hub-card__meta").bounding_box()["y"] < first.query_selector("h2").bounding_box()["y"]


def test_filter_counts_download_only_when_the_reader_opens_the_filters(page, site_url):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + "search/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "/pagefind/" in u], "an empty search page downloads no index"
    page.fill("#hub-search-q", "coal")
    page.wait_for_selector(".hub-results li")
    page.wait_for_load_state("networkidle")
    # one filter file: the hidden one of each result's language, which lists the reader's own first
    assert [u for u in requests if "/pagefind/" in u] and len([u for u in requests if "/filter/" in u]) == 1
    assert not [u for u in requests if u.endswith("pagefind-worker.js")], "searching needs no worker script"
    assert page.is_hidden('.hub-facet[data-facet="region"]')
    page.click("details.hub-facets > summary")
    page.wait_for_selector('.hub-facet[data-facet="region"] label')
    assert len([u for u in requests if "/filter/" in u]) > 1


def test_filters_narrow_combine_live_in_the_url_and_survive_reload(page, site_url):
    page.goto(site_url + "search/?q=coal")
    wait_results(page)
    total = int(page.inner_text(".hub-search-status").split()[0])
    page.click("details.hub-facets > summary")
    region = page.locator('.hub-facet[data-facet="region"] label', has_text="Colombia")
    colombia_count = int(re.search(r"\((\d+)\)", region.inner_text()).group(1))
    region.locator("input").check()
    page.wait_for_url(re.compile(r"region=Colombia"))
    page.wait_for_function(f"(t => !t.startsWith('{total} ') && !t.endsWith('…'))(document.querySelector('.hub-search-status').textContent)")
    narrowed = int(page.inner_text(".hub-search-status").split()[0])
    assert narrowed == colombia_count < total
    page.locator('.hub-facet[data-facet="type"] label', has_text="Event").locator("input").check()
    page.wait_for_url(re.compile(r"type=Event"))
    page.wait_for_function(f"(t => !t.startsWith('{narrowed} ') && !t.endsWith('…'))(document.querySelector('.hub-search-status').textContent)")
    both = int(page.inner_text(".hub-search-status").split()[0])
    assert 0 < both < narrowed
    shown = titles(page)
    assert "Regional Dialogue on the Future of Work in La Guajira and Cesar" in shown
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"q": ["coal"], "region": ["Colombia"], "type": ["Event"]}
    page.reload()
    wait_results(page)
    assert page.input_value("#hub-search-q") == "coal"
    assert page.evaluate("document.querySelector('details.hub-facets').open"), "a link with filters shows them"
    assert page.is_checked('.hub-facet[data-facet="region"] input[value="Colombia"]')
    assert titles(page) == shown
    page.go_back()
    page.wait_for_function("!location.search.includes('type=')")
    page.wait_for_function(f"document.querySelector('.hub-search-status').textContent.startsWith('{narrowed} ')")


def test_filters_alone_list_resources(page, site_url, catalogue):
    page.goto(site_url + "search/?type=News")
    wait_results(page)
    news = sum(r.type == "news" for r in catalogue.resources)
    assert page.inner_text(".hub-search-status") == f"{news} results"


def test_filters_alone_list_the_newest_first_by_the_date_each_shows(page, site_url, catalogue):
    """Without words to rank by, the index's date sort orders the list, as the hub's listings are
    ordered: by the date a card shows, an event's first day. By publication date, the events were
    out of order."""
    from catalogue.enrich import by_shown_date

    events = [r for r in by_shown_date(catalogue) if r.type == "event"]
    page.goto(site_url + "search/?type=Event")
    wait_results(page)
    assert titles(page) == [r.title for r in events[:10]]


def test_browsing_by_a_filter_lists_as_many_as_the_filter_counts_and_the_region_page(page, site_url, real_site):
    """Filters list resources: a region's count is its page's, and its page is not one of them."""
    page.goto(site_url + "search/?region=South%20Africa")
    wait_results(page)
    facet = page.locator('.hub-facet[data-facet="region"] label', has_text="South Africa").inner_text()
    counted = re.search(r"[(](\d+)[)]", facet).group(1)
    assert page.inner_text(".hub-search-status") == f"{counted} results"
    on_the_page = re.search(r'<div class="hub-count"><p>(\d+) resources</p></div>', read(real_site, "regions/south-africa/"))
    assert on_the_page.group(1) == counted
    assert len(every_title(page)) == int(counted)
    assert "South Africa" not in titles(page)


def test_on_a_phone_a_filtered_link_shows_results_first_and_names_its_filters(chromium, site_url):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                   bypass_csp=True)  # the test evaluates its own scripts in the page
    page = context.new_page()
    page.goto(site_url + "search/?region=South%20Africa")
    wait_results(page)
    assert not page.evaluate("document.querySelector('details.hub-facets').open")
    assert page.inner_text("details.hub-facets > summary") == "Filters: South Africa"
    assert page.locator(".hub-results li").first.bounding_box()["y"] < 844, "the first result is on the first screen"
    page.locator("details.hub-facets > summary").click()  # the reader opens the filters, ticks one more
    page.locator(".hub-facet__option", has_text="Colombia").locator("input").check()
    page.wait_for_function("document.querySelector('details.hub-facets > summary').textContent.includes('Colombia')")
    assert page.locator(".hub-results li").first.bounding_box()["y"] > 844, "the open filters push the results down"
    page.get_by_role("button", name="Show the results").click()
    assert not page.evaluate("document.querySelector('details.hub-facets').open")
    below_header = page.locator(".md-header").bounding_box()["height"]
    assert below_header <= page.locator(".hub-search-status").bounding_box()["y"] < 844, "and one tap brings them back"
    page.goto(site_url + "library/")
    for box in [link.bounding_box() for link in page.locator(".hub-pagination a").all()]:
        assert box["width"] >= 44 and box["height"] >= 44, box
    context.close()


@pytest.mark.parametrize("lang, query, expected", [
    ("es", "trabajadores", "Dependencia de los hogares de los ingresos del carbón en La Guajira y Cesar"),
    ("id", "pekerja", "Ketergantungan Fiskal Kabupaten Penghasil Batu Bara di Kalimantan Timur"),
    ("vi", "thợ mỏ", "Lao động phi chính thức và quá trình chuyển đổi ngành than ở Quảng Ninh"),
    ("th", "ลำปาง", "การฟื้นฟูป่าชุมชนบนพื้นที่เหมืองเก่าในแม่เมาะ: บทเรียนจากชุมชนในจังหวัดลำปาง"),
    ("mn", "уурхай", "Монгол Улсын төвийн бүс болон Өмнөговьд ногоон ажлын байр бий болох боломж"),
])
def test_each_language_searches_its_own_pages(page, site_url, lang, query, expected):
    page.goto(f"{site_url}{lang}/search/?q={query}")
    page.wait_for_selector(".hub-results li")
    assert page.evaluate("document.documentElement.lang") == lang
    assert expected in titles(page)


def test_a_readers_own_words_find_resources_in_another_language_by_their_labels(page, site_url, catalogue):
    """An English report has no Indonesian words but its topics', regions' and organisations' names."""
    closure = {r.title for r in catalogue.resources if "coal-mine-closure" in r.topics and "id" not in r.versions}
    page.goto(site_url + "id/search/?q=penutupan tambang")
    wait_results(page)
    assert len(closure & set(titles(page))) >= 5, titles(page)
    page.goto(site_url + "id/search/?q=Organisasi Perburuhan Internasional")  # the ILO, in Indonesian
    wait_results(page)
    assert {r.title for r in catalogue.resources if "ilo" in r.partners and "id" not in r.versions} & set(titles(page))


def test_a_mongolian_word_finds_its_forms_that_drop_the_last_vowel(page, site_url, catalogue):
    """Mongolian drops a word's last vowel before most endings: "бодлого" (policy) is "Бодлогын
    товчлол" in the name of the type policy brief. Pagefind has no Mongolian stemmer; the word as
    the reader typed it finds both forms all the same, and stays in the box as typed."""
    briefs = {r.title for r in catalogue.resources if r.type == "policy-brief" and "skills" in r.topics and "mn" not in r.versions}
    assert briefs, "the sample has an English policy brief on skills"
    page.goto(site_url + "mn/search/?q=бодлого ур чадвар")  # policy, skills
    wait_results(page)
    assert briefs <= set(titles(page)), titles(page)
    assert page.input_value("#hub-search-q") == "бодлого ур чадвар"


def test_a_mongolian_word_of_four_letters_finds_its_forms_without_the_soft_sign(page, site_url, catalogue):
    """"говь" (the Gobi) is "говийн" in the Mongolian text of the study on the South Gobi: found,
    and not taken for a word the texts lack."""
    study = next(r for r in catalogue.resources if r.slug == "green-jobs-potential-mongolia-central-south-gobi")
    page.goto(site_url + "mn/search/?q=говь")
    wait_results(page)
    page.wait_for_load_state("networkidle")
    assert study.versions["mn"].title in titles(page)
    assert "алга" not in page.inner_text(".hub-search-status"), page.inner_text(".hub-search-status")


def test_a_mongolian_word_finds_its_forms_without_the_vowel_of_its_last_syllable(page, site_url, catalogue):
    """Mongolian drops the vowel of a word's last syllable before an ending: "засаг" (economy) is
    "Эдийн засгийн" in the name of the topic economic diversification. "эдийн засаг" finds every
    resource on the topic, and the topic's count in the filters is the number it lists, though
    some resources hold both forms (the two searches' counts, less those of both)."""
    topic = "Эдийн засгийн төрөлжилт"
    on_topic = [r for r in catalogue.resources if "economic-diversification" in r.topics]
    page.goto(site_url + f"mn/search/?q=эдийн засаг&topic={topic}")
    wait_results(page)
    assert result_count(page) == len(on_topic)
    page.goto(site_url + "mn/search/?q=эдийн засаг")
    wait_results(page)
    page.click("details.hub-facets summary")
    option = page.locator(".hub-facet__option", has_text=topic)
    option.wait_for()
    assert option.inner_text().endswith(f"({len(on_topic)})"), option.inner_text()
    assert page.input_value("#hub-search-q") == "эдийн засаг"
    # "хамгаалал" (protection) has no such form in the index; Pagefind would leave it out of the
    # second search, which would then list everything "нийгмийн" (social) finds: a word more, more results
    counts = {}
    for query in ("хамгаалал", "нийгмийн хамгаалал"):
        page.goto(site_url + f"mn/search/?q={query}")
        wait_results(page)
        counts[query] = result_count(page)
    assert 0 < counts["нийгмийн хамгаалал"] <= counts["хамгаалал"], counts


def test_the_thai_index_is_split_into_words_as_the_browser_splits_a_query(page, catalogue):
    """Pagefind splits a Thai query with the browser's segmenter; the Thai index's text is split by
    ICU in Python (catalogue/word_breaks.py). They must agree on every Thai run the sample indexes,
    or the words of a query miss the words of the index (a check for updates of either)."""
    from catalogue.search_records import record_page, records
    from catalogue.urls import UrlStyle
    from catalogue.word_breaks import THAI_RUN, WORD_BREAK, thai_words

    thai = [r for r in records(catalogue, UrlStyle("en", True)) if r.language == "th"]
    runs = sorted({run for r in thai for run in THAI_RUN.findall(r.text)})
    assert len(runs) > 150, "the sample indexes Thai text"
    browser_words = page.evaluate("""runs => { const words = new Intl.Segmenter("th", {granularity: "word"});
        return runs.map(run => Array.from(words.segment(run), s => s.segment)); }""", runs)
    differ = [(run, ours) for run, ours, theirs in zip(runs, map(thai_words, runs), browser_words, strict=True) if ours != theirs]
    assert differ == []
    indexed = record_page(next(r for r in thai if "การคุ้มครองทางสังคม" in r.text))
    assert WORD_BREAK.join(["การ", "คุ้มครอง", "ทาง", "สังคม"]) in indexed
    english = record_page(next(r for r in records(catalogue, UrlStyle("en", True)) if r.language == "en" and THAI_RUN.search(r.text)))
    assert WORD_BREAK not in english, "only the Thai index is split into words"


def test_thai_words_the_indexer_cuts_are_listed_with_their_parts(real_site):
    """Pagefind's indexer cuts "แม่เมาะ" (Mae Moh) into "แม่" and "เมาะ", marks and all dropped, as its
    index keeps words; the site lists such words for the search, and no word the index holds whole."""
    from catalogue.search_records import THAI_WORD_FORMS
    from catalogue.word_breaks import cut_words

    cut = json.loads((real_site / "pagefind" / THAI_WORD_FORMS).read_text(encoding="utf-8"))
    assert cut["แม่เมาะ"] == ["แม่", "เมาะ"]
    assert "ถ่านหิน" not in cut, "coal is indexed whole"
    text = "อำเภอแม่เมาะในจังหวัดลำปาง"  # the district of Mae Moh in Lampang province
    index = {"อำเภอ": 2, "แม่เมาะ": 1, "แม่": 2, "เมาะ": 2, "ใน": 2, "จังหวัด": 2, "ลำปาง": 2}
    assert cut_words([text, text], index) == {"แม่เมาะ": ["แม่", "เมาะ"]}
    assert cut_words([text, text], index | {"แม่เมาะ": 2}) == {}, "whole in every text that holds it"
    assert cut_words([text], {"แม่": 1, "เ": 1, "มาะ": 1}) == {}, "no words of two letters or more spell it"


def test_a_hub_page_counts_the_words_of_its_description_less_than_its_name(page, site_url, catalogue):
    """Regions and organisations are found by their names, and by their descriptions at a quarter of
    the weight (search_records.ASIDE_WEIGHT): "ถ่านหิน" (coal) on the Thai page listed first the
    Wuppertal Institute, whose description mentions coal regions, and Thailand's page between the
    Thai case studies about coal. Their names still find them first."""
    from catalogue.search_records import records
    from catalogue.urls import UrlStyle

    thai_work = {r.meta["title"] for r in records(catalogue, UrlStyle("en", True))
                 if r.language == "th" and r.meta["lang"] == "th" and "/resources/" in r.url and "ถ่านหิน" in r.text}
    assert len(thai_work) >= 2, "the sample has Thai resources about coal"
    _, found = searched(page, site_url + "th/search/?q=ถ่านหิน")
    assert set(found[:len(thai_work)]) == thai_work, found
    assert any("Wuppertal" in title for title in every_title(page)), "still found by its description"
    for query, address in (("th/search/?q=ประเทศไทย", "th/regions/thailand/"), ("es/search/?q=OIT", "es/organisations/ilo/")):
        page.goto(site_url + query)
        wait_results(page)
        assert page.get_attribute(".hub-results li a", "href").endswith(address), query


def test_an_organisation_found_by_its_description_goes_after_better_matches_in_other_languages(page, site_url, catalogue):
    """An organisation's page is in the reader's language, but that is no reason to list it before
    work in another language that matches better: "pekerja" (workers) on the Indonesian page listed
    four organisations, whose descriptions mention workers, before the English reports on coal
    workers. Texts in Indonesian still come first."""
    _, found = searched(page, site_url + "id/search/?q=pekerja")
    organisations = {catalogue.organisation_name(org, "id")[0] for org in catalogue.organisations.values()}
    in_indonesian = {r.version("id").title for r in catalogue.resources if r.version("id").lang == "id"}
    in_english = {r.title for r in catalogue.resources if r.version("id").lang == "en"}
    kinds = ["organisation" if t in organisations else "id" if t in in_indonesian else "en" if t in in_english else t
             for t in found]
    assert kinds[0] == "id" and "organisation" in kinds, found
    assert kinds.index("en") < kinds.index("organisation"), found
    assert "id" not in kinds[kinds.index("en"):], found

@pytest.mark.parametrize("query", ["แม่เมาะ", "อำเภอแม่เมาะ"])
def test_a_thai_word_the_indexer_cuts_finds_every_text_that_holds_it(page, site_url, catalogue, query):
    """A search for the district of Mae Moh found only the record whose title holds its name (one of
    three), as the indexer cuts the name in two; it now also searches the parts, as the offline copy
    finds every text holding the query's words."""
    from catalogue.search_records import records
    from catalogue.urls import UrlStyle
    from catalogue.word_breaks import thai_words

    words = thai_words(query)
    holding = [r for r in records(catalogue, UrlStyle("en", True))
               if r.language == "th" and all(word in r.text for word in words)]
    assert len(holding) >= 3, "the sample's Thai texts name Mae Moh"
    with page.expect_request(lambda request: "/pagefind/thai-word-forms.json" in request.url) as listed:
        page.goto(f"{site_url}th/search/?q={query}")
    wait_results(page)
    assert result_count(page) == len(holding), page.inner_text(".hub-search-status")
    tag = page.get_attribute("form.hub-search", "data-tag")
    assert tag and listed.value.url.endswith("?" + tag), "asked for under the index's name, as its entry file is"


def test_a_thai_word_finds_only_words_with_its_marks(page, site_url, catalogue):
    """Thai writes vowels and tone marks above and below its letters: "ปี" (year) without them is "ป",
    the start of "ประเทศ" (country), and found most Thai records. A vowel typed after the tone mark
    looks the same and finds the same ("ที่", that, typed ท ่ ี)."""
    from catalogue.search_records import records
    from catalogue.urls import UrlStyle
    from catalogue.word_breaks import THAI_RUN, thai_words

    thai = [r for r in records(catalogue, UrlStyle("en", True)) if r.language == "th"]
    counts = {}
    for query in ("ปี", "ที่", "ท\u0e48\u0e35"):
        page.goto(f"{site_url}th/search/?q={query}")
        wait_results(page)
        counts[query] = result_count(page)
    year = [r for r in thai if any(w.startswith("ปี") for run in THAI_RUN.findall(r.text) for w in thai_words(run))]
    assert 0 < counts["ปี"] == len(year) < len(thai) / 10, counts
    assert counts["ท\u0e48\u0e35"] == counts["ที่"] > 10, counts


def test_names_written_with_accents_are_listed_under_the_word_without_them(real_site, catalogue):
    """A Thai page compares accents, as Thai needs for its marks; the site lists the accented form of
    each name in the Thai index, as a reader types it without them: the Biobío region of a Spanish
    title. Each form is one the index holds under that word: the accents go as Pagefind drops them."""
    from catalogue.pagefind_format import written_forms
    from catalogue.search_records import THAI_WORD_FORMS
    from catalogue.word_breaks import accented_forms

    forms = json.loads((real_site / "pagefind" / THAI_WORD_FORMS).read_text(encoding="utf-8"))
    assert forms["biobio"] == ["biobío"]
    assert "coal" not in forms and "fur" not in forms, "no accents; not a name (Wuppertal Institut für Klima)"
    index = written_forms(real_site / "pagefind", "th", "a", "z\uffff")
    for typed, [form] in ((typed, found) for typed, found in forms.items() if typed.isascii()):
        assert form in index[typed], (typed, form, index.get(typed))
    texts = ["Quảng Ninh y Quang Trung", "Biobío, Biobio", "Biobío", "Cerrejón", "la energía; Đà Nẵng"]
    assert accented_forms(texts) == {"biobio": ["biobío"], "cerrejon": ["cerrejón"], "nang": ["nẵng"], "quang": ["quảng"]}


@pytest.mark.parametrize("query", ["biobio", "Biobio", "belem"])
def test_a_name_typed_without_accents_finds_on_thai_pages_what_it_finds_with_them(page, site_url, query):
    """On Thai pages the search compares accents (exactDiacritics, for Thai's marks): "biobio" found
    nothing where "biobío" found the Spanish title. Elsewhere accents never mattered."""
    accented = {"biobio": "biobío", "belem": "belém"}[query.lower()]
    counts = {}
    for lang, q in (("th/", query), ("th/", accented), ("", query)):
        page.goto(f"{site_url}{lang}search/?q={q}")
        wait_results(page)
        counts[lang, q] = result_count(page)
    assert 0 < counts["th/", query] == counts["th/", accented] <= counts["", query], counts


def test_a_word_the_lists_inherit_is_searched_on_thai_pages(page, site_url):
    """The forms are looked up by the typed word: "constructor", a name every script object has, made
    the Thai page say that the search could not be loaded, before the lookup kept to the list's own words."""
    page.goto(f"{site_url}th/search/?q=constructor")
    wait_results(page)
    status = page.inner_text(".hub-search-status")
    assert status.strip() and status != page.get_attribute("form.hub-search", "data-error"), status


@pytest.mark.parametrize("facet, value", [("type", "research"), ("topic", "social-protection"),
                                          ("topic", "decent-work"), ("topic", "social-dialogue")])
def test_a_thai_label_finds_every_resource_it_labels(page, site_url, catalogue, facet, value):
    """A Thai label, searched with its own filter ticked, finds every resource the filter holds, as the
    offline copy does. Pagefind's own dictionary kept "งานวิจัย" (research) whole where the browser
    sees "งาน" + "วิจัย", and cut "การคุ้มครอง" (protection) inside a syllable: these found nothing."""
    from catalogue.search_records import filter_labels

    label = filter_labels(catalogue, "th")[facet][value]
    labelled = [r for r in catalogue.resources if (r.type == value if facet == "type" else value in r.topics)]
    page.goto(f"{site_url}th/search/?q={label}&{facet}={label}")
    wait_results(page)
    assert result_count(page) == len(labelled), page.inner_text(".hub-search-status")


def test_a_word_no_resource_holds_is_left_out_and_named(page, site_url):
    """Pagefind leaves out of a search a word its index lacks and lists what the other words find:
    the page names the word, so that results for a typo do not pass for an answer to it."""
    page.goto(site_url + "search/?q=coal")
    wait_results(page)
    coal = result_count(page)
    assert coal > 10 and "No resource holds" not in page.inner_text(".hub-search-status")
    page.goto(site_url + "search/?q=coal zzqxv")
    wait_results(page)
    assert page.inner_text(".hub-search-status") == f"{coal} results. No resource holds “zzqxv”: these results hold the other words."
    page.goto(site_url + "es/search/?q=zzqxv qqzxv")  # no word found: no results, and nothing to name
    wait_results(page)
    assert page.inner_text(".hub-search-status").startswith("Sin resultados") and "«" not in page.inner_text(".hub-search-status")


def test_a_word_found_alone_only_by_its_first_letters_is_left_out_and_named_too(page, site_url):
    """"desert" is in no text, but alone it finds what "de…" finds, so "gobi desert" found nothing
    at all; the results of "gobi" are what the reader is after."""
    page.goto(site_url + "search/?q=gobi")
    wait_results(page)
    gobi, found = result_count(page), titles(page)
    assert gobi > 0
    page.goto(site_url + "search/?q=gobi desert")
    wait_results(page)
    assert page.inner_text(".hub-search-status") == f"{gobi} results. No resource holds “desert”: these results hold the other words."
    assert titles(page) == found


def test_few_results_in_a_language_most_resources_lack_say_which_words_find_more(page, site_url):
    page.goto(site_url + "id/search/?q=perempuan")  # "women": one Indonesian resource
    wait_results(page)
    status = page.inner_text(".hub-search-status")
    # the language named in the reader's words, which their screen reader's voice says right
    assert "Sebagian besar materi hanya tersedia dalam bahasa Inggris" in status, status
    page.goto(site_url + "vi/search/?q=phụ nữ")
    wait_results(page)
    assert "Phần lớn tài liệu chỉ có bằng tiếng Anh: tìm bằng tiếng Anh" in page.inner_text(".hub-search-status")
    page.goto(site_url + "id/search/?q=batu bara")
    wait_results(page)
    assert "Sebagian besar" not in page.inner_text(".hub-search-status"), "a full page of results needs no hint"
    # few results, but English ones among them: the reader's words reach English already
    for query in ("mine closure", "Nalaikh"):
        page.goto(site_url + f"vi/search/?q={query}")
        wait_results(page)
        assert page.query_selector(".hub-results a[hreflang=en]"), query
        assert "Phần lớn" not in page.inner_text(".hub-search-status"), query
    page.goto(site_url + "search/?q=Nalaikh")
    wait_results(page)
    assert page.get_attribute("#hub-search-page", "data-few") is None, "most resources are in English"


def test_few_results_with_english_ones_link_to_the_english_search_which_reads_them_whole(page, site_url):
    """A Mongolian page searches English texts by their titles and summaries: "Nalaikh" found 2
    resources there and 8 on the English page, which reads English texts whole; nothing said so."""
    count, _ = searched(page, site_url + "mn/search/?q=Nalaikh")
    assert count < 10 and page.query_selector(".hub-results a[hreflang=en]")
    assert page.inner_text(".hub-search-status").endswith("англи хэлээрх хайлт бүтнээр нь уншина: Nalaikh.")
    link = page.locator(".hub-whole a")
    assert link.inner_text() == "Nalaikh"
    link.click()
    page.wait_for_url(re.compile(r"/search/\?q=Nalaikh$"))
    wait_results(page)
    assert result_count(page) > count
    assert page.query_selector(".hub-whole") is None, "English is most resources' language"
    page.goto(site_url + "es/search/?q=Mpumalanga&region=Sudáfrica")  # the filters go along, as ids
    wait_results(page)
    href = page.get_attribute(".hub-whole a", "href")
    assert urlsplit(href).path == "/search/" and parse_qs(urlsplit(href).query) == {"q": ["Mpumalanga"], "region": ["@south-africa"]}
    searched(page, site_url + "id/search/?q=perempuan")  # no English result: the hint on words instead
    assert page.query_selector(".hub-whole") is None


@pytest.mark.parametrize("lang, letters", [("es/", "OIT"), ("mn/", "ОУХБ")])
def test_an_organisation_is_found_by_the_letters_the_readers_language_knows_it_by(page, site_url, catalogue, lang,
                                                                                 letters):
    """The ILO is the OIT in Spanish (locales/es.yml organisation_short_names): "OIT" found one
    resource, whose text happened to say it, and not the ILO's page. Now it finds the page and
    every resource of the ILO, as "ILO" does."""
    published = len([r for r in catalogue.resources if "ilo" in r.partners])
    for query in ("ILO", letters):
        page.goto(f"{site_url}{lang}search/?q={query}")
        wait_results(page)
        assert result_count(page) >= published + 1 > 10, (query, page.inner_text(".hub-search-status"))
        assert page.locator(f".hub-results a[href$='{lang}organisations/ilo/']").count() == 1, query


def test_words_typed_together_and_found_together_come_first(page, site_url):
    """Vietnamese "Nam Phi" (South Africa) finds first the pages that say it, not the one that says
    "Việt Nam" and "phi chính thức" apart, though that one is in the reader's language."""
    page.goto(site_url + "vi/search/?q=Nam Phi")
    wait_results(page)
    found = titles(page)
    assert found[0] == "Nam Phi", found
    apart = "Lao động phi chính thức và quá trình chuyển đổi ngành than ở Quảng Ninh"
    assert apart not in found[:5], found
    page.goto(site_url + "search/?q=mine closure")
    wait_results(page)
    assert all("Mine Closure" in title for title in titles(page)[:3]), titles(page)


# Mongolian: Debian's Chromium knows no language's name in it, and its Intl.DisplayNames said "English"
@pytest.mark.parametrize("lang, query", [("vi", "Quảng Ninh"), ("mn", "Монгол")])
def test_other_languages_are_found_after_the_readers_own(page, site_url, catalogue, lang, query):
    page.goto(site_url + f"{lang}/search/?q={query}")
    page.wait_for_selector(".hub-results li")
    items = page.query_selector_all(".hub-results li")
    # texts; a region's or organisation's page takes its place by how well it matches
    texts = [i for i in items if "/resources/" in i.query_selector("a").get_attribute("href")]
    marked = [bool(item.query_selector(".hub-badge--lang")) for item in texts]
    assert marked[0] is False and True in marked, "the reader's language first, English-only results after"
    assert marked == sorted(marked), "none in the reader's language after an English one"
    english = [i for i in items if i.query_selector(".hub-badge--lang")][0]
    assert english.query_selector("a").get_attribute("hreflang") == "en"
    # "EN" for the eye, hidden from a screen reader, which says the language in the reader's words
    assert english.query_selector(".hub-badge--lang [aria-hidden=true]").inner_text() == "EN"
    # as the cards the server writes say it ("tiếng Anh", "англи")
    name = catalogue.translator(lang).language_in_text("en")
    assert english.query_selector(".hub-badge--lang .hub-visually-hidden").text_content() == f" ({name})"
    page.click(".hub-results li .hub-badge--lang >> xpath=../a")
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "en"


def test_search_works_from_a_sub_folder(chromium, real_site):
    with serve(real_site, mount="hub") as url:
        tab = chromium.new_page(bypass_csp=True)
        offsite = watch(tab, (url.rsplit("/hub/", 1)[0],))
        tab.goto(url + "es/search/?q=Coronel")
        tab.wait_for_selector(".hub-results li a")
        link = tab.query_selector(".hub-results li a").get_attribute("href")
        assert "/hub/" in link
        assert urllib.request.urlopen(link).status == 200
        tab.close()
        assert offsite == []


def test_without_javascript_the_search_page_says_so_and_links_to_browsing(real_site):
    html = read(real_site, "search/")
    noscript = re.search(r"<noscript>(.*?)</noscript>", html, re.S).group(1)
    assert "Search needs JavaScript" in noscript
    for target in ("../regions/", "../topics/", "../types/", "../library/"):
        assert f'href="{target}"' in noscript
    assert '<form class="hub-search" role="search" aria-label="Search the hub" action="../search/"' in read(real_site, "regions/")


def test_the_keyboard_stays_where_the_reader_left_it_in_the_filters(page, site_url):
    """Choosing a filter redraws the options: the keyboard must not fall back to the top of the page."""
    page.goto(site_url + "search/?q=coal")
    wait_results(page)
    page.click("details.hub-facets > summary")
    box = page.locator('.hub-facet[data-facet="region"] input[value="Colombia"]')
    box.focus()
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"region=Colombia"))
    page.wait_for_function("document.activeElement.value === 'Colombia' && document.activeElement.checked")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "focus is visible"
    page.click(".hub-facets__clear")
    page.wait_for_function("!location.search.includes('region=')")
    page.wait_for_function("document.activeElement.matches('details.hub-facets > summary')")


def test_more_results_takes_the_keyboard_to_the_first_new_one(page, site_url):
    page.goto(site_url + "search/?q=coal")
    wait_results(page)
    assert page.is_hidden(".md-header .hub-search"), "one search box on the search page"
    page.focus(".hub-more")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.hub-results li').length > 10")
    page.wait_for_function("document.activeElement.closest('.hub-results li') !== null")
    assert page.evaluate("[...document.querySelectorAll('.hub-results li')].indexOf(document.activeElement.closest('li'))") == 10


def test_the_header_box_tells_a_screen_reader_what_it_found(page, site_url):
    page.goto(site_url)
    box = page.locator("#hub-search-box")
    box.fill("Mpumalanga")
    page.wait_for_selector(".hub-search__list li")
    assert re.fullmatch(r"\d+ results?", page.inner_text(".hub-search__live")), "said by the live region that was there"
    assert box.get_attribute("aria-expanded") is None, "not an attribute a search field may carry (ARIA)"
    label = page.locator("label[for=hub-search-box]").inner_text()
    assert label == box.get_attribute("placeholder"), "named by the words it shows, as speech input users say them"


def test_language_filters_are_marked_with_the_language_they_are_written_in(page, site_url):
    """The language facet names each language in itself: "English" on a Thai page is English."""
    page.goto(site_url + "th/search/?q=coal")
    wait_results(page)
    page.locator("details.hub-facets > summary").click()
    page.wait_for_selector('.hub-facet[data-facet="language"] .hub-facet__option')
    options = page.evaluate("""() => [...document.querySelectorAll('.hub-facet[data-facet="language"] .hub-facet__option')]
        .map(o => [o.querySelector('input').value, (o.querySelector('span[lang]') || {}).lang || null])""")
    marks = dict(options)
    assert marks["English"] == "en" and marks["ไทย"] is None, options
    assert all(mark for name, mark in options if name != "ไทย"), options


def test_a_dropped_connection_is_reported_and_the_next_search_recovers(chromium, site_url):
    """Pagefind keeps a part of the index that failed to download as if it were empty: without care,
    the reader would read "No results" now and after the connection is back."""
    context = chromium.new_context(bypass_csp=True)
    page = context.new_page()
    error = "Search could not be loaded. Check your connection and try again."
    page.route("**/pagefind/index/*", lambda route: route.abort("internetdisconnected"))
    page.goto(site_url + "search/?q=coal")
    page.wait_for_function(f"document.querySelector('.hub-search-status').textContent === {error!r}")
    assert page.locator(".hub-results li").count() == 0
    page.unroute("**/pagefind/index/*")
    page.fill("#hub-search-q", "coal mine")
    page.press("#hub-search-q", "Enter")
    page.wait_for_selector(".hub-results li")
    found = page.inner_text(".hub-search-status")
    assert found.endswith("results") or "result" in found, found

    # "More results" that cannot be downloaded says so, and the same button brings the same results later
    first = titles(page)
    assert page.is_visible(".hub-more") and len(first) == 10
    page.route("**/pagefind/fragment/*", lambda route: route.abort("internetdisconnected"))
    page.click(".hub-more")
    page.wait_for_function(f"document.querySelector('.hub-search-status').textContent === {error!r}")
    assert len(titles(page)) == 10 and page.is_visible(".hub-more")
    page.unroute("**/pagefind/fragment/*")
    page.click(".hub-more")
    page.wait_for_function("document.querySelectorAll('.hub-results li').length > 10")
    fresh = context.new_page()
    fresh.goto(site_url + "search/?q=coal%20mine")
    fresh.wait_for_selector(".hub-results li")
    fresh.click(".hub-more")
    fresh.wait_for_function("document.querySelectorAll('.hub-results li').length > 10")
    assert titles(page) == titles(fresh), "no result was skipped"
    context.close()


def test_a_search_that_fails_leaves_no_results_of_the_words_before(chromium, site_url):
    context = chromium.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(site_url + "search/?q=Nalaikh")
    page.wait_for_selector(".hub-results li")
    page.route("**/pagefind/**", lambda route: route.abort("internetdisconnected"))
    page.fill("#hub-search-q", "coal")
    page.press("#hub-search-q", "Enter")
    error = "Search could not be loaded. Check your connection and try again."
    page.wait_for_function(f"document.querySelector('.hub-search-status').textContent === {error!r}")
    assert page.locator(".hub-results li").count() == 0 and not page.is_visible(".hub-more")
    context.close()


class _CachingHandler(QuietHandler):
    """Lets the browser keep what is not a page for an hour, as hosts do (see _headers), and notes
    every request that reaches the server."""
    asked: list[str] = []

    def end_headers(self):
        if not self.path.split("?")[0].endswith((".html", "/")):
            self.send_header("Cache-Control", "public, max-age=3600")
        super().end_headers()

    def do_GET(self):
        self.asked.append(self.path)
        super().do_GET()


def test_the_next_page_searches_without_asking_again_for_the_index_entry(chromium, real_site):
    """Pagefind asks for its entry file on every page that searches, with a new time stamp each time
    so that no cache keeps it: a round trip before every first search (half a second on slow 3G).
    Named after this build's index (data-tag), the browser keeps it like the index's other parts."""
    _CachingHandler.asked = []
    with serve(real_site, handler=_CachingHandler) as url:
        context = chromium.new_context()
        page = context.new_page()
        page.goto(url)
        tag = page.get_attribute("form.hub-search", "data-tag")
        assert re.fullmatch(r"[0-9a-f]{16}", tag)
        page.fill("#hub-search-box", "coal")
        page.wait_for_selector(".hub-search__list li")
        page.goto(url + "regions/colombia/")
        page.fill("#hub-search-box", "Guajira")
        page.wait_for_selector(".hub-search__list li")
        context.close()
    entries = [path for path in _CachingHandler.asked if "pagefind-entry.json" in path]
    assert entries == [f"{SITE_PATH}pagefind/pagefind-entry.json?ts={tag}"]
    assert sum(f"{SITE_PATH}pagefind/pagefind.js" in path for path in _CachingHandler.asked) == 1


def test_an_organisation_page_in_the_readers_language_has_no_language_badge(page, site_url):
    """Its page is in Thai, even where its name is English or German: the badge would say otherwise."""
    page.goto(site_url + "th/search/?q=Wuppertal")
    wait_results(page)
    result = page.locator(".hub-result", has=page.locator("a[href$='/th/organisations/wuppertal/']"))
    assert result.count() == 1
    assert result.locator(".hub-badge").count() == 0 and result.locator("a[hreflang]").count() == 0
    assert result.locator(".hub-result__title a").get_attribute("lang") == "en", "its name is read as English"
    page.goto(site_url + "th/search/?q=GIZ")
    wait_results(page)
    giz = page.locator(".hub-result__title a[href$='/th/organisations/giz/']")
    assert giz.get_attribute("lang") == "de" and giz.get_attribute("hreflang") is None


def test_coming_back_from_a_result_shows_as_many_results_where_the_reader_was(page, site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "search/?q=coal")
    wait_results(page)
    for count in (20, 30):
        page.click(".hub-more")
        page.wait_for_function(f"document.querySelectorAll('.hub-results li').length === {count}")
    chosen = page.locator(".hub-results li").nth(25).locator(".hub-result__title a")
    title = chosen.inner_text()
    chosen.scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    chosen.click()
    page.wait_for_url(re.compile(r"/resources/"))
    page.go_back()
    page.wait_for_function("document.querySelectorAll('.hub-results li').length === 30")
    page.wait_for_function(f"Math.abs(window.scrollY - {before}) < 5")
    assert title in page.locator(".hub-results li").nth(25).inner_text()

    page.click(".hub-facets > summary")  # opening the filters counts them, and keeps the results
    page.wait_for_selector(".hub-facet:not([hidden]) input")
    assert page.locator(".hub-results li").count() == 30


def test_filters_that_would_find_nothing_cannot_be_ticked(page, site_url):
    page.goto(site_url + "search/?q=Mongolia")
    wait_results(page)
    page.locator("details.hub-facets > summary").click()
    page.wait_for_selector(".hub-facet__option")
    options = page.evaluate("""() => [...document.querySelectorAll('.hub-facet__option')].map(o =>
        [o.textContent.trim(), o.querySelector('input').disabled])""")
    assert any(label.endswith("(0)") for label, _ in options), "the sample has values without hits for this query"
    assert all(disabled == label.endswith("(0)") for label, disabled in options), options


def suggested(page) -> str:
    """The word a search offers instead of one it found nothing (or nothing like) for: the link's text."""
    link = page.wait_for_selector(".hub-search-status .hub-suggestion a")
    return link.inner_text()


@pytest.mark.parametrize("typed, meant", [
    ("Kalimatan", "Kalimantan"),  # nothing found
    ("Antofagsta", "Antofagasta"),  # Pagefind lists what the start it knows, "an", finds: 25 pages
    ("Tocopila", "Tocopilla"),  # "to": 69 pages
    ("Mpumalnga", "Mpumalanga"),
    ("comunity", "community"),
])
def test_a_misspelt_word_is_offered_as_written_and_one_tap_searches_it(page, site_url, typed, meant):
    """On a slow connection each search that finds nothing, or only what a word's first letters
    find, costs the reader a wait; the hub offers the word its texts use, as Pagefind cannot.
    Results for the first letters alone, which said "69 results" for "Tocopila", are not shown."""
    count, found = searched(page, site_url + f"search/?q={meant}")
    assert found
    searched(page, site_url + f"search/?q={typed}")
    assert suggested(page) == meant
    assert page.inner_text(".hub-search-status") == f"No results. Try fewer or different words, or remove a filter. Did you mean {meant}?"
    assert titles(page) == []
    page.click(".hub-suggestion a")
    page.wait_for_url(re.compile(rf"/search/\?q={meant}$"))
    page.wait_for_function(f"!document.querySelector('.hub-suggestion') && document.querySelector('.hub-search-status').textContent.startsWith('{count} ')")
    assert titles(page) == found
    assert page.evaluate("document.activeElement.id") == "hub-search-q", "the keyboard stays in the search"
    page.go_back()
    wait_results(page)
    assert page.input_value("#hub-search-q") == typed


def test_a_mended_search_keeps_the_other_words_and_the_filters(page, site_url):
    page.goto(site_url + "search/?q=coal transtion&region=Chile")
    wait_results(page)
    assert suggested(page) == "coal transition"
    status = page.inner_text(".hub-search-status")
    assert "No resource holds “transtion”: these results hold the other words. Did you mean" in status, status
    assert page.get_attribute(".hub-suggestion a", "href") == "/search/?q=coal+transition&region=Chile"
    page.goto(site_url + "es/search/?q=desarollo local")  # results for "local": the offer is a sentence of its own
    wait_results(page)
    assert suggested(page) == "desarrollo local"
    assert re.fullmatch(r"\d+ resultados\. Ningún recurso contiene «desarollo»: estos resultados contienen las demás "
                        r"palabras\. ¿Quiso decir desarrollo local\?", page.inner_text(".hub-search-status"))


@pytest.mark.parametrize("lang, typed, meant", [
    ("th/", "ถ่านหีน", "ถ่านหิน"),  # coal, a vowel wrong: the word whole, not cut into two words and each mended
    ("th/", "ถานหิน", "ถ่านหิน"),  # its tone mark left out
    ("mn/", "Баганур", "Багануур"),
])
def test_words_of_other_scripts_and_accents_are_offered_too(page, site_url, lang, typed, meant):
    page.goto(site_url + f"{lang}search/?q={typed}")
    wait_results(page)
    assert suggested(page) == meant


@pytest.mark.parametrize("typed, written", [
    ("cong doan", "công đoàn"),  # trade union: "doan" found "doanh" (business) by its start
    ("lao dong", "lao động"),  # labour: "dong" was named as a word no resource holds
    ("chuyen doi", "chuyển đổi"),  # transition: nothing found
    ("than da", "than đá"),  # coal
])
def test_vietnamese_typed_without_accents_finds_what_it_finds_with_them(page, site_url, typed, written):
    """Pagefind finds a word typed without its accents, but takes "đ" for a letter of its own: a word
    typed without accents that starts with "d" is also searched with "đ", and only so where its results
    as typed hold no such word.
    (Pagefind ranks a word written as typed a little higher: the same results, not always in one order.)"""
    finds_the_same(page, site_url + "vi/search/?q=", typed, written, missing="Không có tài liệu nào chứa")


def finds_the_same(page, address: str, typed: str, same_as: str, missing: str) -> None:
    """The search for `typed` lists the results of the search for `same_as`, with no word offered
    instead and none named (`missing`, the start of the sentence that names one)."""
    count, found = searched(page, address + same_as)
    assert found
    searched(page, address + typed)
    page.wait_for_load_state("networkidle")
    status = page.inner_text(".hub-search-status")
    assert page.query_selector(".hub-suggestion") is None and missing not in status, status
    assert result_count(page) == count and titles(page)[0] == found[0]
    if count <= 10:  # all of them on the first page
        assert sorted(titles(page)) == sorted(found)


def test_vietnamese_typed_with_accents_is_searched_as_written(page, site_url):
    """"dự án" (project) was also searched with "đ", which Pagefind reads as "đu an" ("đủ", enough):
    5 results more. A word typed with its accents is written as meant. Typed without them, "du an"
    is searched both ways and lists those results among its own."""
    count, found = searched(page, site_url + "vi/search/?q=dự án")
    pagefind = site_url + "pagefind/pagefind.js"  # the page's own engine, as the page loaded it
    assert count == page.evaluate("async ([engine, q]) => (await (await import(engine)).search(q)).results.length",
                                  [pagefind, "dự án"])
    plain, _ = searched(page, site_url + "vi/search/?q=du an")
    assert plain > count


@pytest.mark.parametrize("typed, same_as", [
    ("south-africa", "south africa"),  # "southafrica" is in no text: it listed what "south" finds, South Sumatra too
    ("phase-out", "phaseout"),  # as the texts write it ("Phase-Out", which Pagefind reads "phaseout"): no stand-in
    ("co-operatives", "cooperatives"),  # it was "No results", with "cooperatives" offered
    ("la-guajira", "la guajira"),  # "No resource holds “la-guajira”", of results that hold "La Guajira"
])
def test_a_word_with_a_hyphen_or_a_sign_finds_what_its_letters_find(page, site_url, typed, same_as):
    finds_the_same(page, site_url + "search/?q=", typed, same_as, missing="No resource holds")


@pytest.mark.parametrize("lang, typed, meant", [
    ("id/", "batubara", "batu bara"),  # coal: the texts write two words, as the dictionary does; many write one
    ("", "coalmine", "coal mine"),
    ("", "quangninh", "quang ninh"),
])
def test_two_words_typed_as_one_are_offered_apart_and_find_what_the_two_find(page, site_url, lang, typed, meant):
    _, found = searched(page, site_url + f"{lang}search/?q={meant}")
    assert found
    searched(page, site_url + f"{lang}search/?q={typed}")
    assert suggested(page) == meant
    assert titles(page) == [], "what the first letters find is no answer"
    page.click(".hub-suggestion a")
    page.wait_for_function("!document.querySelector('.hub-suggestion')")
    wait_results(page)
    assert titles(page) == found


@pytest.mark.parametrize("lang, query", [
    ("vi/", "lao dong"),  # "dong" is four Vietnamese words with their accents: none is guessed
    ("id/", "Lahat"),  # a town named with a capital: not mended into "lahan" (land)
    ("id/", "Muara Enim"),  # a district: not into "suara" (voice), whose first letter differs
])
def test_no_guess_where_the_word_meant_is_not_clear(page, site_url, lang, query):
    page.goto(site_url + f"{lang}search/?q={query}")
    wait_results(page)
    page.wait_for_load_state("networkidle")
    assert page.query_selector(".hub-suggestion") is None, page.inner_text(".hub-search-status")


@pytest.mark.parametrize("query", ["coal mines", "communities", "Tocopilla", "energies", "workforce", "zzqxv", "mn/засаг",
                                   "th/แม่เมาะ", "workers added",  # "added": its results mark "adds" and "Add"
                                   "country stake", "counted step",  # "stakeholder", "countries": Pagefind's by the start
                                   "es/sindicatos organizarse"])  # "organización": the same Spanish stem
def test_words_the_texts_hold_get_no_suggestion_and_no_download_for_one(page, site_url, query):
    """Found as typed, or as the same word with another ending (the index keeps stems, however short), or in the
    other form searched for it (Mongolian "засаг" as "засгийн", Thai "แม่เมาะ" in two parts), a word
    is no typo; a string like no word gets no suggestion either. The list of words is not downloaded
    unless a word is in doubt."""
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    lang, _, query = query.rpartition("/")
    page.goto(site_url + (lang and lang + "/") + f"search/?q={query}")
    wait_results(page)
    page.wait_for_load_state("networkidle")
    assert page.query_selector(".hub-suggestion") is None, page.inner_text(".hub-search-status")
    if query != "zzqxv":
        assert not [u for u in requests if "/words-" in u], requests
        assert titles(page), "the results are shown"


def test_the_header_box_offers_the_word_and_leads_to_its_search(page, site_url):
    page.goto(site_url + "es/")
    page.fill("#hub-search-box", "Antofagsta")
    link = page.wait_for_selector(".hub-search__suggest .hub-suggestion a")
    assert link.inner_text() == "Antofagasta" and link.get_attribute("href").endswith("/es/search/?q=Antofagasta")
    status = page.inner_text(".hub-search__suggest .hub-search__status")
    assert status.endswith("¿Quiso decir Antofagasta?"), status
    assert page.inner_text(".hub-search__live").endswith("¿Quiso decir Antofagasta?"), "said to a screen reader too"
    link.click()
    page.wait_for_url(re.compile(r"/es/search/\?q=Antofagasta$"))
    wait_results(page)
    assert result_count(page) > 0 and page.query_selector(".hub-suggestion") is None


def test_each_language_lists_its_filters_names_and_the_places_its_texts_name(real_site, catalogue):
    """The words a search may offer: every region's name as the page's language writes it, the
    places the texts name however rarely, the common words; a bounded list, loaded as a script."""
    for lang in catalogue.languages:
        script = (real_site / "search" / f"words-{lang}.js").read_text(encoding="utf-8")
        data = json.loads(re.fullmatch(r'window\.__hubWords=window\.__hubWords\|\|\{\};window\.__hubWords\["'
                                       + lang + r'"\]=(.*);\n', script, re.S).group(1))
        assert "{words}" in data["sentence"] and "{words}" in data["near"]
        words = data["words"]
        assert len(words) <= suggestions.LIMIT and len(set(w.lower() for w in words)) == len(words)
        # as the index splits them: Thai's 'ระดับโลก' (global) is two words
        names = {word for region in catalogue.regions.values() for word in suggestions.words(region.name_in(lang)[0], lang)}
        assert names <= set(words), names - set(words)
    english = json.loads(re.search(r"=(\{.*\});", (real_site / "search" / "words-en.js").read_text(encoding="utf-8")).group(1))
    assert {"Mpumalanga", "Antofagasta", "Tocopilla", "Kalimantan", "transition", "workers"} <= set(english["words"])


NEAR = "No resource holds “Hanoi”: these results hold words that start the same way."


def test_results_in_doubt_stay_listed_when_no_word_is_offered_instead_and_say_what_they_hold(page, site_url):
    """"Hanoi" is in no text; Pagefind lists what "ha" finds ("Ha Long"). With no word to offer,
    those results stay (a word the list lacks may be in a result beyond the first page, or in an
    older bundle), and the status says that they hold words that only start like it, on the search
    page and in the header box, in the reader's language."""
    page.goto(site_url + "search/?q=Hanoi")
    wait_results(page)
    page.wait_for_load_state("networkidle")
    assert page.query_selector(".hub-suggestion") is None
    assert result_count(page) == len(titles(page)) > 0
    assert page.inner_text(".hub-search-status").endswith(NEAR)
    page.goto(site_url + "search/?q=coal Hanoi")  # beside a word the results hold
    wait_results(page)
    assert result_count(page) > 0 and page.inner_text(".hub-search-status").endswith(NEAR)
    page.goto(site_url)  # the search page has no header box
    page.fill("#hub-search-box", "Hanoi")
    page.wait_for_selector(".hub-search__suggest li")
    page.wait_for_function("document.querySelector('.hub-search__live').textContent.includes('Hanoi')")
    assert NEAR in page.inner_text(".hub-search__suggest .hub-search__status")
    page.goto(site_url + "es/search/?q=Hanoi")
    wait_results(page)
    assert "Ningún recurso contiene «Hanoi»: estos resultados contienen palabras que empiezan igual." in \
        page.inner_text(".hub-search-status")
    for query in ("mining", "policies", "Mpumalanga"):  # other forms of the word, marked: answers
        page.goto(site_url + f"search/?q={query}")
        wait_results(page)
        page.wait_for_load_state("networkidle")
        assert "start the same way" not in page.inner_text(".hub-search-status"), query


def test_a_number_no_text_holds_is_not_taken_as_answered_by_a_shorter_one(page, site_url):
    """No text holds "100": Pagefind lists what "10" finds, and the page said "6 results", as if they
    held it, alone or beside another word. A number is answered by itself or by a longer one it
    starts ("1990" by "1990s")."""
    count, _ = searched(page, site_url + "search/?q=100")
    page.wait_for_load_state("networkidle")
    assert count > 0
    assert page.inner_text(".hub-search-status") == f"{count} results. No resource holds “100”: these results hold " \
                                                    "words that start the same way."
    count, _ = searched(page, site_url + "search/?q=coal 100")  # beside a word: what "coal" and "10" find
    page.wait_for_load_state("networkidle")
    assert count > 0 and page.inner_text(".hub-search-status").endswith("No resource holds “100”: these results "
                                                                        "hold words that start the same way.")
    for query in ("1990", "2024"):
        count, _ = searched(page, site_url + f"search/?q={query}")
        page.wait_for_load_state("networkidle")
        assert count > 0 and page.inner_text(".hub-search-status") == f"{count} results", query


def test_a_word_the_excerpts_leave_out_is_no_typo_when_its_results_alone_show_it(page, site_url):
    """An excerpt shows 24 words: for "workers pensions" they marked "workers" only, and the page
    offered "workers pension" for a search that had found what it asked for. The best result of
    each word alone shows it is in the texts: nothing is offered, on the page or in the header box."""
    _, pensions = searched(page, site_url + "search/?q=pensions")
    searched(page, site_url + "search/?q=workers pensions")
    page.wait_for_load_state("networkidle")
    assert page.query_selector(".hub-suggestion") is None, page.inner_text(".hub-search-status")
    assert result_count(page) > 0 and set(titles(page)) <= set(pensions)
    marks = page.eval_on_selector_all(".hub-results mark", "marks => marks.map(m => m.textContent.toLowerCase())")
    assert "workers" in marks and not [m for m in marks if m.startswith("pension")], "the case: excerpts without the word"
    page.goto(site_url)
    page.fill("#hub-search-box", "workers pensions")
    page.wait_for_selector(".hub-search__suggest li")
    page.wait_for_load_state("networkidle")
    assert page.query_selector(".hub-search__suggest .hub-suggestion") is None


@pytest.mark.parametrize("query", ["decomissioning", "desert"])
def test_results_that_mark_nothing_are_no_answer(page, site_url, query):
    """A word the index lacks, with no word to offer (the list lacks "decommissioning"): Pagefind
    lists what a start of it finds, results that hold nothing like it ("decomissioning" listed six,
    "desert" the GIZ). When no result shown marks a word, the page says "No results", as the offline
    copy does, on the search page and in the header box."""
    page.goto(site_url + f"search/?q={query}")
    wait_results(page)
    page.wait_for_load_state("networkidle")
    assert page.inner_text(".hub-search-status").startswith("No results."), page.inner_text(".hub-search-status")
    assert page.query_selector(".hub-results li") is None and page.is_hidden(".hub-more")
    page.goto(site_url)
    page.fill("#hub-search-box", query)
    status = page.wait_for_selector(".hub-search__suggest .hub-search__status:not(:empty)")
    page.wait_for_function("!document.querySelector('.hub-search__suggest .hub-search__status').textContent.endsWith('…')")
    assert status.inner_text().startswith("No results."), status.inner_text()
    assert page.query_selector(".hub-search__suggest li") is None


def test_results_in_doubt_wait_unseen_while_the_word_list_arrives(chromium, site_url):
    """On a slow connection the results for "to", which "Tocopila" gets, showed until the list of
    words arrived and replaced them with "No results": a second of answers that are none."""
    context = chromium.new_context(bypass_csp=True)
    page = context.new_page()
    held = []
    page.route("**/search/words-en.js*", lambda route: held.append(route))
    page.goto(site_url + "search/?q=Tocopila")
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the word list is asked for"
    page.wait_for_timeout(300)
    assert page.query_selector(".hub-results li") is not None and page.is_hidden(".hub-results"), "rendered, unseen"
    assert page.is_hidden(".hub-more")
    held[0].continue_()
    assert suggested(page) == "Tocopilla"
    assert page.query_selector(".hub-results li") is None, "no answer: no results shown"
    context.close()
