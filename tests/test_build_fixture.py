"""Build a small fixture hub and check what a reader gets: pages, links, counts, languages."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from browser import browser, serve
from catalogue.pages import GROUP_SIZE, PAGE_SIZE
from conftest import make_repo, png, resource, run_build, write
from htmlcheck import broken_links, main_html, parse, read, text

EVENT = resource(title="Upcoming skills workshop", type="event", region="[global]", date="2026-10-01", extra="""\
start: 2027-02-10T09:00:00+07:00
end: 2027-02-10T17:00:00+07:00
timezone: Asia/Ho_Chi_Minh
location: Hanoi, Vietnam and online
""")
PAST_EVENT = resource(title="Past dialogue", type="event", region="[colombia]", date="2024-01-05", extra="""\
start: 2024-02-01
end: 2024-02-02
location: Valledupar, Colombia
recording: https://example.org/recording
""")
# Markdown as contributors write it and see it in GitHub's preview, which Python-Markdown reads otherwise
GITHUB_MARKDOWN = """
## Aims & scope

The plan has three parts:
- retraining
  - for miners, nested by two spaces
- local suppliers

Read https://example.org/plan, the ~~draft~~ final text and [the checklist](../files/checklist.csv).

| Year | Jobs |
|:-----|-----:|
| 2024 | 1,200 |

## Aims & scope

See [the workshop](workshop.md#agenda), [the part above](#aims-scope) and ![A chart](../files/chart.png).
The plan was agreed in 2025.[^decree]

Next steps:
- [x] Agree the plan
- [ ] Publish the decree

> [!WARNING]
> Figures from the draft plan.

- > [!NOTE]
  > A quote in a list stays a quote, as on GitHub.

[^decree]: Decree 12 of 2025, not yet published.
"""
FILES = {
    "mine-closure-report.md": resource(title="Mine closure report", region="[colombia, vietnam]", date="2025-06-01",
                                       extra="language: [en, es]\nurl: https://example.org/jet/report.pdf\n"
                                             "files:\n  - path: files/checklist.csv\n    title: Checklist\n    language: en\n"),
    "mine-closure-report.es.md": "---\ntitle: Informe sobre el cierre de minas\nsummary: Un resumen en español, suficientemente largo.\n---\nTexto en español.\n"
                                    "\n> [!TIP]\n> Empiece por la lista de verificación.\n",
    "quang-ninh-news.md": resource(title="Quang Ninh news item", type="news", region="vietnam", date="2026-03-01")
    + GITHUB_MARKDOWN,
    "workshop.md": EVENT + "\n## Agenda\n\nOpening.\n",
    "past-dialogue.md": PAST_EVENT,
    "mae-moh-notes.th.md": resource(title="บันทึกแม่เมาะ", region="[global]", date="2025-02-02", extra="language: [th]\n"),
}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    root = make_repo(tmp_path_factory.mktemp("fixture") / "repo", FILES)
    write(root / "content" / "files" / "checklist.csv", "step,owner\n" + "plan,ministry\n" * 200)
    write(root / "content" / "files" / "chart.png", png(8, 4))
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_generated_pages_exist_in_every_language(fixture_site):
    stems = ["", "regions/", "regions/colombia/", "regions/vietnam/", "topics/", "topics/skills/", "types/",
             "types/report/", "organisations/", "organisations/ilo/", "library/", "events/", "news/"]
    for lang in ("", "es/", "id/", "vi/", "th/", "mn/"):
        for stem in stems:
            assert (fixture_site / lang / stem / "index.html").is_file(), lang + stem


def test_html_lang_is_set_per_language(fixture_site):
    assert '<html lang="en"' in read(fixture_site, "regions/colombia/")
    assert '<html lang="vi"' in read(fixture_site, "vi/regions/colombia/")


def test_resources_exist_only_in_their_languages(fixture_site):
    assert (fixture_site / "resources/mine-closure-report/index.html").is_file()
    assert (fixture_site / "es/resources/mine-closure-report/index.html").is_file()
    assert not (fixture_site / "vi/resources/mine-closure-report").exists(), "untranslated resources are not copied"
    assert (fixture_site / "th/resources/mae-moh-notes/index.html").is_file()
    assert not (fixture_site / "resources/mae-moh-notes").exists()


def test_region_page_lists_its_resources_grouped_by_type(fixture_site):
    page = text(main_html(read(fixture_site, "regions/vietnam/")))
    assert "2 resources" in page
    assert "Reports (1)" in page and "News (1)" in page
    assert page.index("Reports (1)") < page.index("Mine closure report") < page.index("News (1)") < page.index("Quang Ninh news item")
    assert "Organisations active here" in page and "ILO" in page


def test_listing_links_to_the_readers_language_or_marks_the_other(fixture_site):
    html = main_html(read(fixture_site, "es/regions/vietnam/"))
    links = {a["href"]: a for a in parse(html).links}
    assert "../../resources/mine-closure-report/" in links, "the Spanish translation is linked"
    news = links["../../../resources/quang-ninh-news/"]
    assert news.get("hreflang") == "en"
    # "EN" for the eye; a screen reader says the language in the reader's words instead of two letters
    assert ('title="English"><span lang="en" aria-hidden="true">EN</span>'
            '<span class="hub-visually-hidden"> (inglés)</span></span>') in html
    th_library = main_html(read(fixture_site, "library/"))
    assert "../th/resources/mae-moh-notes/" in th_library and '>TH</span><span class="hub-visually-hidden"> (Thai)</span>' in th_library


def test_resource_page_shows_metadata_links_and_attachments(fixture_site):
    html = main_html(read(fixture_site, "resources/mine-closure-report/"))
    links = {a["href"] for a in parse(html).links}
    assert {"../../regions/colombia/", "../../regions/vietnam/", "../../topics/skills/",
            "../../organisations/ilo/", "../../types/report/"} <= links
    external = [a for a in parse(html).links if a["href"] == "https://example.org/jet/report.pdf"][0]
    assert "hub-external" in external["class"] and external["rel"] == "noopener noreferrer"
    assert "(example.org)" in text(html)
    assert "../../files/checklist.csv" in links
    assert "(CSV, 3 KB, English)" in text(html)
    assert "Español: Informe sobre el cierre de minas" in text(html)


def test_a_resources_text_reads_as_in_githubs_preview(fixture_site):
    """Lists right under a line, two-space nesting, bare addresses, strikethrough, aligned tables, footnotes,
    alerts; the headings' ids of the hub's other pages; links to pages, anchors and files as their pages' addresses."""
    html = main_html(read(fixture_site, "resources/quang-ninh-news/"))
    assert re.search(r"<p>The plan has three parts:</p>\s*<ul>\s*<li>retraining\s*<ul>\s*"
                     r"<li>for miners, nested by two spaces</li>\s*</ul>\s*</li>\s*<li>local suppliers</li>", html), html
    assert re.search(r'<a href="https://example.org/plan" rel="noopener noreferrer" class="hub-external">'
                     r"https://example.org/plan</a>", html), html
    assert "<del>draft</del>" in html
    assert '<th class="hub-align-left">Year</th>' in html and '<td class="hub-align-right">1,200</td>' in html
    assert re.findall(r'<h2 id="([^"]+)">Aims &amp; scope</h2>', html) == ["aims-scope", "aims-scope_1"]
    links = {a["href"] for a in parse(html).links}
    assert {"../workshop/#agenda", "#aims-scope", "../../files/checklist.csv"} <= links, links
    assert '<img src="../../files/chart.png" alt="A chart" width="8" height="4" loading="lazy"' in html
    assert '<sup class="footnote-ref"><a href="#fn-decree" id="fnref-decree">1</a></sup>' in html
    assert re.search(r'<li id="fn-decree">\s*<p>Decree 12 of 2025, not yet published. <a href="#fnref-decree" '
                     r'class="footnote-backref" aria-label="Back to reference 1">↩</a></p>', html), html
    assert [h.strip() for h in re.findall(r'<a href="#([^"]+)" class="md-nav__link">', read(fixture_site, "resources/quang-ninh-news/"))] \
        == ["aims-scope", "aims-scope_1"]
    # a task list's boxes, which would be form fields, as signs; GitHub's alerts: a box titled in the text's
    # language, and in a list a quote, as GitHub leaves it
    assert re.search(r'<li class="task-list-item">☑ Agree the plan</li>\s*<li class="task-list-item">☐ Publish the decree</li>',
                     html), html
    assert re.search(r'<div class="admonition warning">\s*<p class="admonition-title">Warning</p>\s*'
                     r"<p>Figures from the draft plan.</p>\s*</div>", html), html
    assert re.search(r"<li>\s*<blockquote>\s*<p>\[!NOTE\]\s*A quote in a list", html), html
    spanish = main_html(read(fixture_site, "es/resources/mine-closure-report/"))
    assert re.search(r'<div class="admonition tip">\s*<p class="admonition-title">Consejo</p>\s*'
                     r"<p>Empiece por la lista", spanish), spanish
    with serve(fixture_site) as url, browser() as chromium:  # the column aligned right in Markdown is, in the browser
        page = chromium.new_page()
        page.goto(url + "resources/quang-ninh-news/")
        assert page.eval_on_selector_all("table th, table td", "cells => cells.map(c => getComputedStyle(c).textAlign)") \
            == ["left", "right", "left", "right"]
        assert page.eval_on_selector_all(".task-list-item", "items => items.map(i => getComputedStyle(i).listStyleType)") \
            == ["none", "none"], "a box in place of the bullet, as on GitHub"
        # and the alert is Material's warning box, its icon drawn (the page's policy allows it)
        box = page.locator(".admonition.warning")
        assert box.evaluate("b => getComputedStyle(b).borderLeftColor") != box.evaluate("b => getComputedStyle(b.parentNode).color")
        assert "svg" in page.locator(".admonition.warning .admonition-title").evaluate(
            "t => getComputedStyle(t, '::before').maskImage || getComputedStyle(t, '::before').webkitMaskImage")


def test_search_reads_a_texts_words_without_its_markup(fixture_site):
    from catalogue.load import load
    from catalogue.search_records import records
    from catalogue.urls import UrlStyle

    found = {r.url: r.text for r in records(load(fixture_site.parent), UrlStyle("en", True)) if r.language == "en"}
    words = found["resources/quang-ninh-news/"]
    assert "Figures from the draft plan." in words and "Decree 12 of 2025, not yet published." in words
    assert "[x]" not in words and "[!WARNING]" not in words and "[^" not in words and "~~" not in words and ">" not in words, words
    assert "[!NOTE] A quote in a list" in words, "as the page shows it"


def test_events_page_splits_upcoming_and_past_with_offsets(fixture_site):
    page = text(main_html(read(fixture_site, "events/")))
    upcoming, past = page.split("Past events")
    assert "Upcoming skills workshop" in upcoming and "(UTC+07:00, Ho Chi Minh City)" in upcoming
    assert "Past dialogue" in past and "Past dialogue" not in upcoming
    assert past.strip().startswith("1 event "), "the list under 'Past events' counts events"
    headings = re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", main_html(read(fixture_site, "events/")), re.DOTALL)
    outline = [(int(level), text(title).strip()) for level, title in headings]
    assert (2, "Past events") in outline and (3, "Past dialogue") in outline, "past events sit under their heading"
    assert all(b[0] <= a[0] + 1 for a, b in pairwise(outline)), outline
    workshop = main_html(read(fixture_site, "resources/past-dialogue/"))
    assert "Watch the recording" in text(workshop)
    terms = re.findall(r"<dt>(.*?)</dt>", workshop)
    assert "Announced" in terms and "Published" not in terms, "an event's date is the day it was announced"
    assert "<dt>Published</dt>" in main_html(read(fixture_site, "resources/mine-closure-report/"))


def test_home_shows_latest_upcoming_and_regions(fixture_site):
    page = text(main_html(read(fixture_site, "")))
    assert "Latest resources" in page and "Upcoming skills workshop" in page
    assert "Colombia" in page and "Vietnam" in page


def test_knowledge_products_are_not_in_the_sidebar(fixture_site):
    html = read(fixture_site, "")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):html.index("</nav>", html.index('md-nav--primary'))]
    assert "resources/" not in nav
    assert "regions/" in nav and "library/" in nav


def test_no_internal_link_is_broken(fixture_site):
    assert broken_links(fixture_site) == []


def test_long_lists_are_paginated(tmp_path):
    count = 2 * PAGE_SIZE + 5  # three pages, the last with five
    many = {f"report-{n:03d}.md": resource(title=f"Numbered report {n:03d}", date=f"2025-01-{n % 28 + 1:02d}")
            for n in range(count)}
    root = make_repo(tmp_path / "repo", many)
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert (site / "library/page/2/index.html").is_file() and (site / "library/page/3/index.html").is_file()
    assert not (site / "library/page/4").exists()
    first = main_html(read(site, "library/"))
    assert first.count('class="hub-card"') == PAGE_SIZE and f"{count} resources" in text(first)
    assert '<a rel="next" href="page/2/">' in first
    third = main_html(read(site, "library/page/3/"))
    assert third.count('class="hub-card"') == 5
    region = main_html(read(site, "regions/colombia/"))
    assert region.count('class="hub-card"') == GROUP_SIZE and f"See all {count}" in text(region)
    assert (site / "regions/colombia/report/page/3/index.html").is_file()
    assert broken_links(site) == []


def test_bad_content_stops_the_build_with_located_messages(tmp_path):
    root = make_repo(tmp_path / "repo", {"bad.md": resource(region="[viet-nam]"), "worse.md": "no front matter"})
    result = run_build(root)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "content/resources/bad.md:4: region: 'viet-nam' is not a region; did you mean 'vietnam'?" in output
    assert "content/resources/worse.md:1: -: no front matter" in output
    assert "2 problems found; the site was not built." in output
    assert "Traceback" not in output
    assert not (root / "site" / "index.html").exists()


@pytest.mark.parametrize("parallel", ["1", "0"])
def test_a_text_no_language_has_any_more_stops_the_build_with_its_file_and_field(tmp_path, parallel):
    """Taken out of English and of every translation, a text the home page uses stopped the build
    with a traceback (KeyError), whether or not the build runs steps in a second process."""
    root = make_repo(tmp_path / "repo", {"sample-report.md": resource()})
    for path in (root / "locales").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        write(path, re.sub(r"(?m)^  upcoming_events: .*\n", "", text))
    result = run_build(root, env={"HUB_SEQUENTIAL_BUILD": parallel})
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output[-3000:]
    assert ("locales/en.yml: ui.upcoming_events: the pages use this text, which this file no longer has; "
            "add 'upcoming_events:' back under 'ui:'") in output, output[-3000:]
    assert not (root / "site" / "index.html").exists()


@pytest.mark.parametrize("sequential", ["1", "0"])
def test_a_failing_search_indexer_stops_the_build_with_what_it_said(tmp_path, sequential):
    """Pagefind's indexer runs as a program of its own: what it says when it fails is the message."""
    fake = tmp_path / "fake" / "pagefind"
    write(fake / "__init__.py", "")
    write(fake / "__main__.py", "import sys\nprint('Error: no room left on the device')\nsys.exit(1)\n")
    root = make_repo(tmp_path / "repo", {"sample-report.md": resource()})
    result = run_build(root, env={"PYTHONPATH": str(fake.parent), "HUB_SEQUENTIAL_BUILD": sequential})
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output[-3000:]
    assert "Building the search index failed:\nError: no room left on the device" in output, output[-3000:]


def test_page_for_missing_addresses_links_from_the_sub_folder_the_site_lives_in(tmp_path):
    """A project site on GitHub Pages lives under /<repository>/: the 404 page, served at any depth,
    must lead there, not to the host's root."""
    root = make_repo(tmp_path / "repo", {"sample-report.md": resource()})
    config = root / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url: .*$", "site_url: https://jet-cr-hub.example.org/knowledge-hub/",
                             config.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    body = main_html((root / "site" / "404.html").read_text(encoding="utf-8"))
    hrefs = [link["href"] for link in parse(body).links if link["tag"] == "a"]
    assert "/knowledge-hub/" in hrefs and "/knowledge-hub/es/search/" in hrefs and "/knowledge-hub/mn/" in hrefs
    assert all(href.startswith("/knowledge-hub/") for href in hrefs), hrefs
