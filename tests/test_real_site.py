"""The real hub with its sample content: every page a reader can reach, with the right lists."""

from __future__ import annotations

import re
from collections import Counter
from html import escape

import pytest

from catalogue.load import load
from catalogue.pages import GROUP_SIZE, PAGE_SIZE
from conftest import SAMPLE
from htmlcheck import broken_links, main_html, parse, read, text


@pytest.fixture(scope="module")
def catalogue():
    return load(SAMPLE)


def test_sample_content_covers_every_vocabulary(catalogue):
    resources = catalogue.resources
    assert len(resources) >= 50
    for key, vocab in (("regions", catalogue.regions), ("topics", catalogue.topics), ("partners", catalogue.organisations)):
        used = Counter(x for r in resources for x in getattr(r, key))
        assert set(used) == set(vocab), key
    assert set(r.type for r in resources) == set(catalogue.types)
    assert sum(r.type == "event" for r in resources) >= 6
    assert sum(r.type == "news" for r in resources) >= 8
    for region in catalogue.regions.values():
        assert len(region.texts["en"].intro.split()) >= 100, region.id


def test_every_region_page_lists_each_of_its_resources(real_site, catalogue):
    for region_id, region in catalogue.regions.items():
        mine = [r for r in catalogue.resources if region_id in r.regions]
        page = text(main_html(read(real_site, f"regions/{region_id}/")))
        assert f"{len(mine)} resource" in page, region_id
        assert region.texts["en"].intro.split()[0] in page
        for resource in mine:
            in_region = [r for r in mine if r.type == resource.type]
            if in_region.index(resource) < GROUP_SIZE:
                assert resource.version("en").title in page, (region_id, resource.slug)


def test_cards_do_not_link_to_the_page_they_are_on(real_site, catalogue):
    """On a region's page every card names that region: as text, not a dozen links back to the page."""
    for region_id, region in catalogue.regions.items():
        html = main_html(read(real_site, f"regions/{region_id}/"))
        cards = re.findall(r'<li class="hub-card">.*?</li>', html, flags=re.S)
        assert cards and not [c for c in cards if 'href="./"' in c], region_id
        name = escape(region.texts["en"].name)
        assert all(name in card for card in cards), region_id
        # the title first in the page, for a screen reader going by headings; the details show above it
        assert all(card.startswith('<li class="hub-card"><h') for card in cards), region_id
        other = next((r for r in catalogue.regions if r != region_id and f'href="../{r}/"' in html), None)
        assert other is None or f'href="../{other}/"' in "".join(cards), "other regions stay links"


def test_topic_type_and_organisation_pages_count_their_resources(real_site, catalogue):
    for topic in catalogue.topics:
        count = sum(topic in r.topics for r in catalogue.resources)
        assert f"{count} resource" in text(main_html(read(real_site, f"topics/{topic}/"))), topic
    for org in catalogue.organisations:
        count = sum(org in r.partners for r in catalogue.resources)
        assert f"{count} resource" in text(main_html(read(real_site, f"organisations/{org}/"))), org
    for type_id in catalogue.types:
        path = {"news": "news/", "event": "events/"}.get(type_id, f"types/{type_id}/")
        assert (real_site / path / "index.html").is_file()


def test_a_logo_loads_at_once_atop_its_page_and_when_scrolled_to_in_the_list(real_site, catalogue):
    """Lazy loading the logo at the top of an organisation's page only delayed it."""
    with_logo = [org for org in catalogue.organisations.values() if org.logo]
    assert with_logo
    listing = main_html(read(real_site, "organisations/"))
    for org in with_logo:
        own = re.search(r'<img class="hub-logo"[^>]*>', main_html(read(real_site, f"organisations/{org.id}/"))).group()
        assert 'loading="eager"' in own and 'width="160" height="48"' in own, own
        listed = re.search(rf'<img class="hub-logo"[^>]*alt="{re.escape(escape(org.short_name))}"[^>]*>', listing).group()
        assert 'loading="lazy"' in listed, listed


def test_library_lists_everything_across_its_pages(real_site, catalogue):
    pages = -(-len(catalogue.resources) // PAGE_SIZE)
    seen = []
    for number in range(1, pages + 1):
        html = main_html(read(real_site, "library/" if number == 1 else f"library/page/{number}/"))
        seen += [a["href"] for a in parse(html).links if "/resources/" in a["href"]]
    assert len(seen) == len(catalogue.resources)


def test_the_library_leads_to_the_filters_in_each_language(real_site, catalogue):
    """The filters are on the search page; nothing else on the library said so."""
    for lang in catalogue.languages:
        prefix = "" if lang == catalogue.default_language else f"{lang}/"
        link = re.compile(r'<a href="([^"]*)">' + re.escape(escape(catalogue.translator(lang)("library_search"))) + "</a>")
        assert link.findall(main_html(read(real_site, f"{prefix}library/"))) == ["../search/"], lang
        assert not link.findall(main_html(read(real_site, f"{prefix}library/page/2/"))), "the first page only"


def test_every_resource_page_has_its_metadata(real_site, catalogue):
    for resource in catalogue.resources:
        for lang, version in resource.versions.items():
            prefix = "" if lang == "en" else f"{lang}/"
            html = main_html(read(real_site, f"{prefix}{resource.path_stem}/"))
            assert 'class="hub-facts"' in html, version.path
            related = html.split('id="hub-related"')[-1].count('class="hub-card"') if 'id="hub-related"' in html else 0
            assert related <= 5


def test_no_internal_link_or_anchor_is_broken(real_site):
    assert broken_links(real_site) == []


def _drawer(html: str) -> str:
    return html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]


@pytest.mark.parametrize("lang", ["", "es/", "th/"])
def test_the_drawer_marks_only_the_page_it_is_on(real_site, lang):
    """The drawer is rendered once and reused for pages outside it (hooks/reuse_theme_fragments.py):
    each page still gets its own active item, links relative to itself and its language's labels."""
    about, region = read(real_site, f"{lang}about/"), read(real_site, f"{lang}regions/colombia/")
    resource = min((real_site / f"{lang}resources").glob("*/index.html")).read_text(encoding="utf-8")
    assert _drawer(about).count("md-nav__item--active") == 1
    assert 'href="./" class="md-nav__link md-nav__link--active"' in _drawer(about)
    assert "md-nav__item--active" not in _drawer(region) + _drawer(resource)
    assert 'href="../../about/"' in _drawer(region) and 'href="../about/"' not in _drawer(region)
    labels = {"": "Navigation", "es/": "Navegación", "th/": "ตัวนำทาง"}  # Material's own strings
    assert f'aria-label="{labels[lang]}" data-md-level="0"' in about


def test_listings_are_in_the_order_of_the_dates_their_cards_show(real_site, catalogue):
    """An event's card shows the day it takes place; a list ordered by the day it was announced
    looked shuffled. Listings go by the date shown, newest first; the home page's latest leave out
    the events still to come, which have their own section."""
    import re

    def shown(html: str) -> list[str]:
        cards = re.findall(r'<p class="hub-card__meta">.*?<time datetime="([^"]+)"', html)
        return [day[:10] for day in cards]

    for path in ("library/", "library/page/2/", "es/topics/decent-work/", "types/report/"):
        days = shown(main_html(read(real_site, path)))
        assert len(days) > 3 and days == sorted(days, reverse=True), (path, days)
    home = main_html(read(real_site, ""))
    latest = home[:home.index("<h2>Upcoming events")]
    today = catalogue.today.isoformat()
    assert all(day <= today for day in shown(latest)), shown(latest)
