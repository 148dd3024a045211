"""Six interface languages: paths, lang, the language switcher, translated labels, badges, fallbacks."""

from __future__ import annotations

import re

import pytest

from catalogue.load import load
from conftest import PREFIXES, ROOT, SAMPLE
from htmlcheck import SITE_PATH, hub_pages, main_html, parse, read, resolve, text

LANGS = ["en", "es", "id", "vi", "th", "mn"]


def prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


@pytest.fixture(scope="module")
def catalogue():
    return load(SAMPLE)


def test_every_generated_page_exists_in_every_language_with_its_lang(real_site, catalogue):
    stems = ["", "regions/", "topics/", "types/", "organisations/", "library/", "events/", "news/", "search/",
             "about/", "contribute/"]
    stems += [f"regions/{r}/" for r in catalogue.regions] + [f"topics/{t}/" for t in catalogue.topics]
    stems += [f"organisations/{o}/" for o in catalogue.organisations]
    for lang in LANGS:
        for stem in stems:
            html = read(real_site, prefix(lang) + stem)
            assert f'<html lang="{lang}"' in html, (lang, stem)


def test_headings_and_labels_are_translated(real_site, catalogue):
    english = {stem: re.search(r"<h1[^>]*>(.*?)</h1>", main_html(read(real_site, stem)), re.S).group(1)
               for stem in ("library/", "topics/", "events/", "regions/", "organisations/", "search/")}
    for lang in LANGS[1:]:
        for stem, heading in english.items():
            own = re.search(r"<h1[^>]*>(.*?)</h1>", main_html(read(real_site, prefix(lang) + stem)), re.S).group(1)
            assert own != heading, (lang, stem)
        library = main_html(read(real_site, prefix(lang) + "library/"))
        type_label = catalogue.types["report"].translations[lang]["label"]
        assert type_label in library or catalogue.types["report"].translations[lang]["label"].upper() in library


def test_material_interface_is_translated(real_site, catalogue):
    assert 'aria-label="Cabecera"' in read(real_site, "es/library/")
    assert 'aria-label="Header"' in read(real_site, "library/")
    for lang in LANGS[1:]:  # the drawer that opens on phones is titled with the site's name
        drawer = read(real_site, prefix(lang) + "library/").split('class="md-nav md-nav--primary"', 1)[1].split("</label>", 1)[0]
        name = catalogue.strings[lang]["ui"]["site_name"]
        assert name in drawer and "JET Coal Regions Knowledge Hub" not in drawer, lang


def test_language_names_are_not_mistaken_for_regions(catalogue):
    """The search page's language filter sits below its region filter."""
    assert catalogue.translator("id").language_name("id") == "Bahasa Indonesia"


def test_the_page_for_missing_addresses_is_in_the_default_language(real_site):
    """Static hosts answer every missing address with the root 404.html. Each language build renders
    the theme's templates, and the last one built used to leave its own 404 page there."""
    html = (real_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html
    assert "<title>Page not found - JET Coal Regions Knowledge Hub</title>" in html
    assert 'aria-label="Header"' in html
    assert not [lang for lang in LANGS[1:] if (real_site / lang / "404.html").exists()]


def test_the_page_for_missing_addresses_leads_home_and_to_search_in_every_language(real_site, catalogue):
    """It is one page for the readers of all six languages, served at any depth: each finds a line
    in their language, with root-based links to their language's home and search pages."""
    body = main_html((real_site / "404.html").read_text(encoding="utf-8"))
    assert re.search(r"<h1>Page not found</h1>\s*<p>There is no page at this address", body)
    assert f'<a href="{SITE_PATH}">Home</a>' in body and f'<a href="{SITE_PATH}search/">Search the hub</a>' in body
    for lang in LANGS[1:]:
        t = catalogue.strings[lang]["ui"]
        item = re.search(rf'<li lang="{lang}">(.*?)</li>', body, re.DOTALL).group(1)
        assert t["not_found_title"] in item and t["not_found_text"] in item, lang
        for stem, label in (("", t["home_title"]), ("search/", t["search_label"])):
            assert f'<a href="{SITE_PATH}{lang}/{stem}" hreflang="{lang}">{label}</a>' in item, (lang, stem)
            assert (real_site / lang / stem / "index.html").is_file()


def test_dates_are_written_the_way_each_language_writes_them(real_site, catalogue):
    assert catalogue.by_slug("hub-launch-cop28").start.date().isoformat() == "2023-12-10"
    expected = {"en": "10 Dec 2023", "es": "10 dic 2023", "vi": "10 thg 12, 2023", "id": "10 Des 2023",
                "th": "10 ธ.ค. 2023", "mn": "2023 оны 12-р сарын 10"}
    for lang, date in expected.items():
        html = main_html(read(real_site, prefix(lang) + "events/"))
        assert date in text(html), (lang, date)
    # the organisers' zone, named by its city as each language writes it
    cities = {"en": "Dubai", "es": "Dubái", "vi": "Dubai", "id": "Dubai", "th": "ดูไบ", "mn": "Дубай"}
    for lang, city in cities.items():
        assert f"(UTC+04:00, {city})" in text(main_html(read(real_site, prefix(lang) + "events/"))), (lang, city)


def test_translated_resource_is_listed_in_its_language_and_others_get_a_badge(real_site, catalogue):
    html = main_html(read(real_site, "es/regions/chile/"))
    links = {a["href"]: a for a in parse(html).links}
    translated = [r for r in catalogue.resources if "chile" in r.regions and "es" in r.versions]
    untranslated = [r for r in catalogue.resources if "chile" in r.regions and "es" not in r.versions and r.lang == "en"]
    assert translated and untranslated
    assert f"../../resources/{translated[0].slug}/" in links
    assert translated[0].versions["es"].title in text(html)
    other = links.get(f"../../../resources/{untranslated[0].slug}/")
    assert other and other.get("hreflang") == "en" and other.get("lang") == "en"
    assert ('<span class="hub-badge hub-badge--lang" title="English"><span lang="en" aria-hidden="true">EN</span>'
            '<span class="hub-visually-hidden"> (inglés)</span></span>') in html


def test_no_copies_of_untranslated_resources(real_site, catalogue):
    for lang in LANGS[1:]:
        built = {p.parent.name for p in hub_pages(real_site / lang / "resources", "index.html")}
        expected = {r.slug for r in catalogue.resources if lang in r.versions}
        assert built == expected, lang


def test_region_intro_falls_back_to_english_and_says_so(real_site):
    html = main_html(read(real_site, "id/regions/colombia/"))
    assert '<div class="hub-fallback" lang="en">' in html
    assert 'class="hub-note" lang="id"' in html
    own = main_html(read(real_site, "es/regions/colombia/"))
    assert "hub-fallback" not in own and "Colombia es uno de" in text(own)


def test_language_switcher_never_leads_to_a_missing_page(real_site):
    checked = 0
    for page in sorted(real_site.rglob("index.html")):
        if "downloads" in page.parts:
            continue
        html = page.read_text(encoding="utf-8")
        switcher = re.search(r'<ul class="md-select__list">(.*?)</ul>', html, re.S)
        if not switcher:
            continue
        for link in parse(switcher.group(1)).links:
            target = resolve(real_site, page, link["href"])
            assert target is not None and target.is_file(), (page, link["href"])
            checked += 1
    assert checked > 2000


def test_switcher_goes_to_the_same_page_or_where_that_language_lists_it(real_site, catalogue):
    """A resource without a translation leads to its region's page in that language (in the sample,
    that page lists it); other pages without one lead to the language's home."""
    translated = next(r for r in catalogue.resources if "es" in r.versions and r.lang == "en" and "vi" not in r.versions)
    html = read(real_site, f"resources/{translated.slug}/")
    switcher = re.search(r'<ul class="md-select__list">(.*?)</ul>', html, re.S).group(1)
    targets = {a["hreflang"]: a["href"] for a in parse(switcher).links}
    assert targets["en"] == "./" and targets["es"] == f"../../es/resources/{translated.slug}/"
    assert targets["vi"] == f"../../vi/regions/{translated.regions[0]}/?untranslated", "the region page says why"
    assert f'href="../../../resources/{translated.slug}/"' in read(real_site, f"vi/regions/{translated.regions[0]}/")
    thai = next(r for r in catalogue.resources if set(r.versions) == {"th"})
    html = read(real_site, f"th/resources/{thai.slug}/")
    switcher = re.search(r'<ul class="md-select__list">(.*?)</ul>', html, re.S).group(1)
    assert {a["hreflang"]: a["href"] for a in parse(switcher).links}["en"] == f"../../../regions/{thai.regions[0]}/?untranslated"
    about = re.search(r'<ul class="md-select__list">(.*?)</ul>', read(real_site, "about/"), re.S).group(1)
    assert {a["hreflang"]: a["href"] for a in parse(about).links}["vi"] == "../vi/about/"
    region = re.search(r'<ul class="md-select__list">(.*?)</ul>', read(real_site, "th/regions/chile/"), re.S).group(1)
    assert {a["hreflang"]: a["href"] for a in parse(region).links}["es"] == "../../../es/regions/chile/"


def test_hreflang_alternates_list_only_real_translations(real_site, catalogue):
    translated = next(r for r in catalogue.resources if "es" in r.versions and r.lang == "en")
    head = read(real_site, f"resources/{translated.slug}/").split("</head>")[0]
    langs = set(re.findall(r'<link rel="alternate" href="[^"]+" hreflang="(\w+)">', head))
    assert langs == set(translated.versions)
    english_only = next(r for r in catalogue.resources if set(r.versions) == {"en"})
    head = read(real_site, f"resources/{english_only.slug}/").split("</head>")[0]
    assert set(re.findall(r'hreflang="(\w+)"', head)) <= {"en"}


def test_every_interface_text_is_translated():
    import yaml

    english = yaml.safe_load((ROOT / "locales/en.yml").read_text())["ui"]
    for lang in LANGS[1:]:
        own = yaml.safe_load((ROOT / f"locales/{lang}.yml").read_text())
        missing = sorted(set(english) - set(own["ui"]))
        assert missing == [], f"locales/{lang}.yml lacks {missing}"
        for key, value in english.items():
            placeholders = set(re.findall(r"{(\w+)}", str(value)))
            assert placeholders == set(re.findall(r"{(\w+)}", str(own["ui"][key]))), (lang, key)


@pytest.mark.browser
def test_language_switcher_works_by_keyboard(real_site):
    from browser import browser, serve

    with serve(real_site) as url, browser() as chromium:
        page = chromium.new_page()
        page.goto(url + "regions/chile/")
        button = page.locator(".md-select button")
        button.focus()
        assert button.get_attribute("aria-expanded") == "false"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('.md-select') === null"), \
            "the links of the closed menu are not in the Tab order"
        button.focus()
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('hreflang')") == "en"
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.matches('.md-select button')"), "Escape goes back to the button"
        page.locator(".md-select__link[hreflang=es]").wait_for(state="hidden", timeout=2000)
        page.keyboard.press("Space")
        for _ in range(10):  # Tab through the language list to Español
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.getAttribute('hreflang')") == "es":
                break
        assert page.evaluate("document.activeElement.closest('.md-select') !== null")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith("/es/regions/chile/")
        assert page.evaluate("document.documentElement.lang") == "es"


@pytest.mark.browser
def test_scripts_render_with_system_fonts(real_site):
    """No web font is loaded; Thai, Vietnamese and Mongolian text is drawn by the reader's own fonts."""
    from browser import browser, serve

    with serve(real_site) as url, browser() as chromium:
        page = chromium.new_page()
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        cdp = page.context.new_cdp_session(page)
        fonts = {}
        for lang in ("en", "th", "vi", "mn"):
            page.goto(url + prefix(lang))
            cdp.send("DOM.enable")
            cdp.send("CSS.enable")
            root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
            node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "article.md-content__inner > p"})
            used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
            assert used and not any(f["isCustomFont"] for f in used), (lang, used)
            fonts[lang] = {f["familyName"] for f in used}
        assert not [u for u in requests if re.search(r"\.(woff2?|ttf|otf)(\?|$)", u)]
        assert fonts["th"] - fonts["en"], "Thai text is drawn with a font that has Thai letters"


def test_every_region_is_described_in_every_language(real_site, catalogue):
    """The region tiles of each language's home page, and the description that search engines and
    link previews show, read in that language, with or without a translated introduction."""
    for lang in LANGS[1:]:
        home = main_html(read(real_site, prefix(lang)))
        for region in catalogue.regions.values():
            description, text_lang = region.description_in(lang)
            assert text_lang == lang, (lang, region.id, "add a description under regions: in locales")
            assert f'<span class="hub-tile__text">{description}</span>' in home.replace("&#x27;", "'"), (lang, region.id)
            page = read(real_site, f"{prefix(lang)}regions/{region.id}/")
            assert f'<meta name="description" content="{description}">' in page.replace("&#x27;", "'"), (lang, region.id)


def test_an_untranslated_region_description_is_marked_as_english(catalogue):
    """Screen readers and hyphenation need the language of each text: where a language has no
    description of a region, the English one is shown and marked."""
    from copy import deepcopy

    from catalogue.pages import generate
    from catalogue.urls import UrlStyle

    changed = deepcopy(catalogue)
    changed.regions["south-africa"].labels["es"].pop("description")
    home = next(p for p in generate(changed, UrlStyle()) if p.lang == "es" and p.stem == "index").body
    english = changed.regions["south-africa"].texts["en"].description
    assert f'<span lang="en">{english}</span>' in home.replace("&#x27;", "'")
    spanish = changed.regions["indonesia"].description_in("es")[0]
    assert f'<span class="hub-tile__text">{spanish}</span>' in home


def test_text_in_another_language_than_the_page_says_which(real_site, catalogue):
    """A screen reader reads text with the voice of its language: English names on a Thai page,
    and each language's name in the menu in that language."""
    menu = re.search(r'<ul class="md-select__list">.*?</ul>', read(real_site, "th/"), re.S).group(0)
    links = [a for a in parse(menu).links if a.get("hreflang")]
    assert len(links) == 6 and all(a.get("lang") == a["hreflang"] for a in links), links
    event = catalogue.by_slug("ulaanbaatar-dialogue-just-transition-mongolia-coal-regions")
    assert "<dd>Улаанбаатар, Монгол Улс болон цахимаар</dd>" in main_html(read(real_site, f"mn/{event.path_stem}/")), \
        "the translation names the place"
    dialogue = catalogue.by_slug("regional-dialogue-future-of-work-la-guajira-cesar")  # its translation does not
    assert f'<dd><span lang="en">{dialogue.location}</span></dd>' in main_html(read(real_site, f"es/{dialogue.path_stem}/"))
    dataset = catalogue.by_slug("coal-region-skills-mapping-dataset-sample")
    html = main_html(read(real_site, f"es/{dataset.path_stem}/"))
    assert f'download=""><span lang="en">{dataset.files[0].title}</span> <span class="hub-size">' in html  # titled in its own language
    assert f'download="">{dataset.files[1].title} <span class="hub-size">' in html
    assert re.search(r'<span class="hub-size">\(CSV, [^)]*<span lang="en">English</span>\)</span></a>', html), "the size is in the link"
    assert '<dd><span lang="en">English</span>, Español</dd>' in html or '<dd>Español, <span lang="en">English</span></dd>' in html
    assert f'<span lang="en">{", ".join(dataset.authors)}</span>' in html
    directory = main_html(read(real_site, "es/organisations/"))
    assert ">Ministerio Federal de Economía y Protección del Clima de Alemania</a>" in directory, "its Spanish name"
    assert '<span lang="de">Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH</span>' in directory
    assert '<span lang="en">Wuppertal Institute for Climate, Environment and Energy</span>' in directory
    assert "<title>Organización Internacional del Trabajo" in read(real_site, "es/organisations/ilo/")
    assert "<title>องค์การแรงงานระหว่างประเทศ" in read(real_site, "th/organisations/ilo/")
    assert 'aria-label="Kepala halaman"' in read(real_site, "id/") and 'aria-label="ส่วนหัว"' in read(real_site, "th/")


def test_a_thai_citation_spaces_latin_names():
    from catalogue.citations import Citation, suggested

    cite = Citation(key="k", type_id="report", names=["GIZ Thailand energy team", "Wuppertal Institute"], title="ชื่อ",
                    date="2025", container="ศูนย์ความรู้", publishers=[], url="https://example.org/", lang="th",
                    summary="", keywords=[])
    assert suggested(cite).startswith("GIZ Thailand energy team และ Wuppertal Institute (")


@pytest.mark.browser
def test_the_missing_page_answers_in_the_language_of_the_address(real_site):
    import http.server

    from browser import browser, serve

    class NotFound(http.server.SimpleHTTPRequestHandler):  # as a static host does: 404.html for any miss
        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            body = (real_site / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    with serve(real_site, handler=NotFound) as url, browser() as chromium:
        page = chromium.new_page()
        page.goto(url + "es/no-existe/")
        own = page.locator("article .hub-not-found-own")
        assert own.get_attribute("lang") == "es" and own.locator("h1").inner_text() == "Página no encontrada"
        assert page.locator("article h1").count() == 1, "the reader's language is the page's heading"
        assert page.locator("article .hub-not-found-own + h2").inner_text() == "Page not found", "then English"
        assert page.title().startswith("Página no encontrada - ")
        assert own.locator("a").count() == 2 and "underline" in own.locator("a").first.evaluate(
            "a => getComputedStyle(a).textDecorationLine")
        page.goto(url + "missing/")
        assert page.locator(".hub-not-found-own").count() == 0
        # the words of an old or mistyped address go to search, which finds what was meant
        page.goto(url + "es/resources/mpumalanga-community-solar/")
        searches = page.locator('article a[href*="search/"]')
        assert searches.count() == 6 and all(href.endswith("search/?q=mpumalanga%20community%20solar")
                                              for href in searches.evaluate_all("links => links.map(a => a.href)"))
        page.locator("article .hub-not-found-own a").nth(1).click()
        page.wait_for_url(url + "es/search/?q=mpumalanga%20community%20solar")
        page.wait_for_selector(".hub-result")
        assert "community-solar-cooperatives-mpumalanga" in page.locator(".hub-result a").first.get_attribute("href")
        page.goto(url + "library/page/99/")  # no words in the address: the plain search page
        assert page.locator('article a[href$="search/"]').count() == 6


@pytest.mark.browser
def test_search_keeps_its_query_across_languages_and_marks_english_excerpts(real_site):
    from browser import browser, serve

    with serve(real_site) as url, browser() as chromium:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url + "es/search/?q=coal")
        page.locator("#hub-search-page .hub-result").first.wait_for()
        english = page.locator("#hub-search-page .hub-result", has=page.locator("a[hreflang=en]")).first
        assert english.locator(".hub-result__excerpt").get_attribute("lang") == "en"
        own = page.locator("#hub-search-page .hub-result", has_not=page.locator("a[hreflang]")).first
        assert own.locator(".hub-result__excerpt").get_attribute("lang") is None
        page.locator(".md-select").hover()
        menu = page.locator(".md-select__inner")
        assert menu.evaluate("m => m.scrollHeight <= m.clientHeight + 1"), "all six languages without scrolling"
        with page.expect_navigation():
            page.locator(".md-select__link[hreflang=th]").click()
        assert page.url.endswith("/th/search/?q=coal")


@pytest.mark.browser
def test_filters_go_along_to_another_languages_search_page_in_its_words(real_site):
    from urllib.parse import parse_qs, urlsplit

    from browser import browser, serve

    with serve(real_site) as url, browser() as chromium:
        page = chromium.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900}).new_page()  # wait_for_function
        page.goto(url + "search/?q=coal&region=South+Africa&partner=ILO")
        page.wait_for_function("/^\\d+ result/.test(document.querySelector('.hub-search-status').textContent)")
        found = page.inner_text(".hub-search-status").split()[0]
        page.locator(".md-select").hover()
        with page.expect_navigation():
            page.locator(".md-select__link[hreflang=es]").click()
        page.wait_for_function("/^\\d+ resultado/.test(document.querySelector('.hub-search-status').textContent)")
        assert parse_qs(urlsplit(page.url).query) == {"q": ["coal"], "region": ["Sudáfrica"], "partner": ["ILO"]}
        assert page.inner_text(".hub-search-status").split()[0] == found, "the same results, filtered the same way"
        checked = page.eval_on_selector_all(".hub-facet input:checked", "boxes => boxes.map(b => b.value)")
        assert sorted(checked) == ["ILO", "Sudáfrica"]


@pytest.mark.browser
def test_a_link_another_site_makes_with_ids_filters_in_the_pages_words(real_site):
    """A partner's site links to the Thai search page filtered by region with the id the API gives
    (region=thailand): it found nothing, and listed a filter "thailand (0)"."""
    from urllib.parse import parse_qs, urlsplit

    from browser import browser, serve

    with serve(real_site) as url, browser() as chromium:
        page = chromium.new_context(bypass_csp=True).new_page()  # wait_for_function
        counts = {}
        for value in ("thailand", "ประเทศไทย"):
            page.goto(url + f"th/search/?q=coal&region={value}")
            page.wait_for_function("/\\d/.test(document.querySelector('.hub-search-status').textContent)")
            counts[value] = page.inner_text(".hub-search-status")
            assert parse_qs(urlsplit(page.url).query)["region"] == ["ประเทศไทย"], page.url
        assert counts["thailand"] == counts["ประเทศไทย"], counts


@pytest.mark.browser
def test_the_language_menu_stays_on_the_screen_where_its_button_is_last_in_the_header(real_site):
    """The search page hides the header's search box, which leaves the language button at the
    right edge: a menu centred under it ran off a phone's screen and cut "Bahasa Indonesia"."""
    from browser import browser, serve

    with serve(real_site) as url, browser() as chromium:
        for width, height in ((360, 740), (1280, 800)):
            page = chromium.new_context(bypass_csp=True, viewport={"width": width, "height": height}).new_page()  # wait_for_function
            for prefix in PREFIXES:
                page.goto(url + prefix + "search/?q=coal")
                page.click(".md-header .md-select .md-header__button")
                page.wait_for_function("getComputedStyle(document.querySelector('.md-select__inner')).opacity === '1'")
                box = page.locator(".md-select__inner").bounding_box()
                assert 0 <= box["x"] and box["x"] + box["width"] <= width, (prefix, width, box)
                assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (prefix, width)
                facets, summary = (page.locator(sel).bounding_box() for sel in (".hub-facets", ".hub-facets > summary"))
                assert facets["height"] <= summary["height"] + 4, "closed, the filters box is as tall as its summary"
            page.close()


@pytest.mark.browser
def test_long_labels_wrap_on_a_phone(real_site):
    from browser import browser, serve

    with serve(real_site) as url, browser() as chromium:
        page = chromium.new_page(viewport={"width": 390, "height": 844})
        page.goto(url + "id/organisations/giz/")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.browser
def test_the_search_hint_fits_the_box_on_a_phone(real_site):
    from browser import browser, serve

    measure = """() => {
        const box = document.querySelector('#hub-search-box'), style = getComputedStyle(box);
        const context = document.createElement('canvas').getContext('2d');
        context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return [context.measureText(box.placeholder).width, room];
    }"""
    with serve(real_site) as url, browser() as chromium:
        page = chromium.new_page(viewport={"width": 390, "height": 844})
        for lang in LANGS:
            page.goto(url + prefix(lang))
            needed, room = page.evaluate(measure)
            assert needed <= room, (lang, needed, room)


def test_organisation_descriptions_are_in_the_readers_language_or_say_they_are_english(real_site, catalogue):
    """A reader of another language reads an organisation's description in it where locales/<lang>.yml
    has one (organisation_descriptions:); where not, the English one is marked and the page says why."""
    giz = catalogue.organisations["giz"]
    for lang in LANGS:
        t = catalogue.translator(lang)
        text, text_lang = catalogue.organisation_description(giz, lang)
        page = main_html(read(real_site, f"{prefix(lang)}organisations/giz/")).replace("&#x27;", "'")
        marked = "" if text_lang == lang else f' lang="{text_lang}"'
        assert f'<p class="hub-lead"{marked}>{text}</p>' in page, lang
        assert (t("description_in_english") in page) == (text_lang != lang), lang
        assert lang == "en" or text_lang == lang, f"{lang}: GIZ's description is not translated"

    import copy

    from catalogue import pages
    from catalogue.urls import UrlStyle

    untranslated = copy.copy(catalogue)
    untranslated.strings = {code: {k: v for k, v in data.items() if k != "organisation_descriptions"}
                            for code, data in catalogue.strings.items()}
    untranslated._translators = {}
    spanish = next(p for p in pages.generate(untranslated, UrlStyle()) if p.lang == "es" and p.stem == "organisations/giz")
    t = untranslated.translator("es")
    assert f'<p class="hub-note">{t("description_in_english")}</p><p class="hub-lead" lang="en">{giz.description}' \
        in spanish.body.replace("&#x27;", "'")
    directory = next(p for p in pages.generate(untranslated, UrlStyle()) if p.lang == "es" and p.stem == "organisations/index")
    assert t("descriptions_in_english") in directory.body.replace("&#x27;", "'")
