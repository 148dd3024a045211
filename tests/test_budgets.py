"""Budgets for readers on slow, expensive connections, held on the sample content. The same
measurement (scripts/bench.py) reports them at scale; sizes are gzip bytes on the wire."""

from __future__ import annotations

import gzip
import io
import re
import zipfile

import pytest
from PIL import Image, ImageChops

from browser import browser, serve
from conftest import MATERIAL_CSS, ROOT, script
from hubsite.stylesheet import UNUSED_COMPONENTS, classes_of

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

    for name in ("hub.js", "hub-search.js", "search-offline.js", "hub.css"):
        source = (ROOT / "content" / "assets" / name).read_text(encoding="utf-8")
        served = (real_site / "assets" / name).read_text(encoding="utf-8")
        assert "/*" in source and "/*" not in served and "\n  " not in served, name
        assert len(gzip.compress(served.encode())) < 0.8 * len(gzip.compress(source.encode())), name


def test_pages_carry_no_indentation_but_where_white_space_shows(real_site):
    """The templates' indentation was 3 to 4 KB of every page, 0.3 KB once compressed: gone, but
    from the elements that show their white space as written."""
    as_written = re.compile(r"<(pre|textarea|code|kbd)\b.*?</\1>", re.S)
    pages = list(real_site.rglob("*.html"))
    assert len(pages) > 300
    for path in pages:
        html = as_written.sub("", path.read_text(encoding="utf-8"))
        indented = re.findall(r"\n[ \t]+\S.{0,40}", html)
        assert not indented, f"{path.relative_to(real_site)}: {indented[:3]}"
    text = (real_site / "resources" / "hub-launch-cop28" / "index.html").read_text(encoding="utf-8")
    assert "<p>" in text and "  " not in re.sub(r"<(pre|code)\b.*?</\1>", "", text, flags=re.S)


def test_pages_load_no_palette_stylesheet_or_script(real_site):
    """The hub's colours are in hub.css: Material's palette stylesheet (2 KB gzip, render-blocking)
    and its script that restores a palette choice the hub does not offer would be weight for nothing."""
    for path in ("index.html", "resources/hub-launch-cop28/index.html", "th/regions/thailand/index.html", "404.html"):
        html = (real_site / path).read_text(encoding="utf-8")
        assert "palette." not in html and "__palette" not in html, path
    assert not list((real_site / "assets" / "stylesheets").glob("palette.*")), "nor is it in the site"


def test_pages_run_no_script_but_the_hubs_own(measured, real_site):
    """Material's script bundle (35 KB gzip, nearly half of a first visit) is not sent: the pages
    work as Material's no-script pages do, with hub.js for menus and local times. Search's own
    script comes only when a reader searches (tests/test_search.py)."""
    for name, page in measured.items():
        scripts = [path.split("?")[0] for path in page["first_visit_paths"] if path.split("?")[0].endswith(".js")]
        assert [path.rsplit("/", 1)[-1] for path in scripts] == ["hub.js"], (name, scripts)
    assert not (real_site / "assets" / "javascripts").exists(), "Material's scripts are not copied into the site"
    for copy in (real_site / "downloads").glob("*.zip"):  # nor into the offline copies
        with zipfile.ZipFile(copy) as archive:
            assert not [name for name in archive.namelist() if "assets/javascripts/" in name], copy.name


def test_no_page_has_a_component_whose_styles_were_taken_out(real_site):
    """Material's stylesheet arrives without the styles of the components the hub never shows
    (hubsite/stylesheet.py): no page in any language, and nothing the hub's scripts write, may use one."""
    unused = classes_of(UNUSED_COMPONENTS)
    found: dict[str, str] = {}
    for path in real_site.rglob("*.html"):
        for classes in re.findall(r'class="([^"]*)"', path.read_text(encoding="utf-8")):
            for name in classes.split():
                if unused.match(name):
                    found.setdefault(name, path.relative_to(real_site).as_posix())
    assert not found, f"take these off UNUSED_COMPONENTS in hubsite/stylesheet.py: {found}"
    for name in ("hub.js", "hub-search.js"):
        script = (real_site / "assets" / name).read_text(encoding="utf-8")
        assert not [word for word in re.findall(r"[\w-]+", script) if unused.match(word)], name


# Markdown of every kind a contributor may write, rendered as the hub renders a resource's text
EVERY_CONSTRUCT = """## A heading

Text with **bold**, *emphasis*, `code`, ~~struck~~, a [link](https://example.org) and a footnote.[^1]

> [!NOTE]
> An alert.

> [!WARNING]
> Another.

> A quotation.

- [x] done
- [ ] to do

1. first
2. second

| Region | Plants | Share |
|:--|:-:|--:|
| Cesar | 2 | 40% |

```
code block
```

<details><summary>More</summary>Hidden text.</details>

Term
---

[^1]: The note.
"""


def look_alike(shot: bytes, other: bytes) -> bool:
    """The same picture, but for the anti-aliasing of a curve: Chromium's software rasteriser may
    shade a rounded corner's edge one level apart between two drawings of the same page (seen on a
    busy machine). A style that went missing changes far more than that."""
    first, second = (Image.open(io.BytesIO(png)).convert("RGB") for png in (shot, other))
    return first.size == second.size and max(high for _, high in ImageChops.difference(first, second).getextrema()) <= 2


@pytest.mark.browser
def test_pages_look_the_same_as_with_materials_whole_stylesheet(real_site):
    """Pixel for pixel, at a phone's width and a computer's: the pages, a text with every kind of
    Markdown, and the open menu, drawer and filters."""
    from catalogue.gfm import html as gfm_html
    from catalogue.sanitize import clean

    whole = MATERIAL_CSS.read_bytes()
    trimmed = next((real_site / "assets" / "stylesheets").glob("main.*.min.css")).read_bytes()
    assert len(gzip.compress(trimmed)) <= 0.6 * len(gzip.compress(whole)), "a first visit saves the difference"
    text = clean(gfm_html(EVERY_CONSTRUCT))
    assert 'class="admonition' in text and "task-list-item" in text and "footnote" in text

    def screens(page, url):
        shots = {}
        for path in ("", "regions/colombia/", "resources/financing-transition-vietnam-coal-provinces/",
                     "resources/hub-launch-cop28/", "types/", "about/", "th/", "404.html"):
            page.goto(url + path)
            shots[path] = page.screenshot(full_page=True, animations="disabled")
        page.evaluate("text => { document.querySelector('article').innerHTML = text; }", text)
        shots["every construct"] = page.screenshot(full_page=True, animations="disabled")
        page.goto(url + "search/?q=coal")
        page.wait_for_selector(".hub-result")
        page.locator(".hub-facets > summary").first.click()
        page.wait_for_selector(".hub-facet input")  # the counts arrive once the filters open
        page.wait_for_load_state("networkidle")
        shots["search, a filter open"] = page.screenshot(full_page=True, animations="disabled")
        page.goto(url)
        page.click(".md-header .md-select button")
        shots["language menu"] = page.screenshot(animations="disabled")
        if page.is_visible("button.hub-menu"):
            page.keyboard.press("Escape")
            page.click("button.hub-menu")
            # The drawer opens with the edge of its first link under the pointer, hovered or not
            # by a fraction of a pixel (seen both ways): the pointer moves to the shaded page beside it.
            page.mouse.move(355, 700)
            shots["drawer"] = page.screenshot(animations="disabled")
        return shots

    with serve(real_site) as url, browser() as chromium:
        for width in (360, 1280):
            seen = []
            for stylesheet in (None, whole):
                context = chromium.new_context(viewport={"width": width, "height": 800}, timezone_id="UTC")
                if stylesheet:
                    context.route("**/assets/stylesheets/main.*.min.css",
                                  lambda route: route.fulfill(body=whole, content_type="text/css"))
                seen.append(screens(context.new_page(), url))
                context.close()
            assert "drawer" in seen[0] or width > 1000
            assert [name for name in seen[0] if not look_alike(seen[0][name], seen[1][name])] == [], width
