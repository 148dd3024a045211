"""Hostile and random input: the validator never crashes, and nothing a contributor writes runs
in a reader's browser."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from browser import browser, serve
from catalogue.load import collect
from conftest import ROOT, make_repo, png, resource, run_build, write
from htmlcheck import read

SCRIPT = "<script>window.__pwned = 1</script>"
# What the validator lets through in a link (no spaces or backslashes, but quotes and brackets): it
# would run if a page wrote the address unescaped into an attribute.
HOSTILE_URL = 'https://example.org/?q="><svg/onload=window.__pwned=1>'
HOSTILE_AUTHOR = 'Team "A" & Co, 5<6 <>'
# Tags in titles and summaries are refused by the validator (see below); what it lets through must
# still be escaped: a comment opener would hide the rest of the page, quotes would end an attribute.
HOSTILE_TITLE = 'Coal <!-- 5<6 & "quotes"'
HOSTILE_SUMMARY = "<!-- summary 5<6 & 'quotes' long enough"


@pytest.fixture(scope="module")
def repo_for_fuzzing(tmp_path_factory):
    return make_repo(tmp_path_factory.mktemp("fuzz") / "repo")


def _collect_with(root, raw: bytes):
    path = write(root / "content/resources/fuzz.md", raw)
    try:
        catalogue, problems = collect(root)
    finally:
        path.unlink()
    return catalogue, problems


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=600))
def test_random_bytes_never_crash_the_validator(repo_for_fuzzing, raw):
    _, problems = _collect_with(repo_for_fuzzing, raw)
    assert all(p.line >= 0 and p.message for p in problems.sorted())


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["title", "type", "region", "topic", "partner", "date", "summary", "language",
                                        "url", "files", "start", "end", "timezone", "location", "other"]),
                       yaml_values, max_size=10))
def test_random_front_matter_never_crashes_and_is_explained(repo_for_fuzzing, meta):
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\nBody.\n"
    _, problems = _collect_with(repo_for_fuzzing, text.encode("utf-8"))
    mine = [p for p in problems.sorted() if p.path == "content/resources/fuzz.md"]
    for problem in mine:
        assert problem.line >= 1 or problem.field == "-", problem
        assert problem.field and problem.message, problem


def test_names_that_collide_across_folders_are_refused(tmp_path):
    root = make_repo(tmp_path, {"a/same-name.md": resource(title="One"), "b/same-name.md": resource(title="Two")})
    _, problems = collect(root)
    assert any("the name 'same-name' is already used by content/resources/a/same-name.md" in p.message
               for p in problems.sorted())
    # on both files: in a pull request, the one added is marked whichever sorts first
    assert any(p.path == "content/resources/a/same-name.md" and "also used by content/resources/b/same-name.md" in p.message
               for p in problems.sorted()), problems.sorted()


@pytest.mark.parametrize("name", [".hidden.md", "with space.md", "UPPER.md", "dots..md", "-lead.md", "ünïcode.md"])
def test_unsafe_file_names_are_refused(tmp_path, name):
    root = make_repo(tmp_path)
    write(root / "content/resources" / name, resource())
    _, problems = collect(root)
    assert any("unsafe file name" in p.message for p in problems.sorted()), problems.sorted()


@pytest.mark.parametrize("body, words", [
    ("[click](jav&#x61;script:alert(1))", "'javascript:' links are not allowed"),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', "'javascript:' links are not allowed"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "'javascript:' links are not allowed"),
    ("[click]\t(javascript:alert(1))", "'javascript:' links are not allowed"),
    ("[click]&#x28;javascript:alert(1))", "'javascript:' links are not allowed"),
    ("![x](data:image/svg+xml;base64,PHN2Zz4=)", "'data:' links are not allowed"),
    ('<details open ontoggle="alert(1)">x</details>', "the attribute 'ontoggle' runs script"),
    ('<object data="x.swf"></object>', "raw <object> is not allowed"),
    ('<form action="https://example.org"><input name="q"></form>', "raw <form> is not allowed"),
    ("<style>body{display:none}</style>", "raw <style> is not allowed"),
    ("<svg><script>alert(1)</script></svg>", "raw <svg> is not allowed"),
    ("[r1]: javascript:alert(1)", "'javascript:' links are not allowed"),  # a reference-style link
    ("[r2]: <data:text/html;base64,PHNjcmlwdD4=>", "'data:' links are not allowed"),
    ("A paragraph. {: onclick=\"alert(1)\" }", "the attribute 'onclick' runs script"),
])
def test_active_content_is_refused_with_its_line(tmp_path, body, words):
    root = make_repo(tmp_path, {"active.md": resource(title="Active content") + "\nIntro.\n\n" + body + "\n"})
    _, problems = collect(root)
    mine = [p for p in problems.sorted() if p.path == "content/resources/active.md"]
    assert any(p.field == "body" and p.line == 14 and words in p.message for p in mine), mine


def test_code_samples_may_show_markup(tmp_path):
    body = "\n```html\n<script>shown, not run</script>\n```\n\n    <iframe src=x></iframe>\n"
    root = make_repo(tmp_path, {"code.md": resource(title="Code sample") + body})
    _, problems = collect(root)
    assert not problems, problems.sorted()


@pytest.mark.parametrize("payload", [
    "<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=1">', '<a href="javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>', '<iframe src="https://example.org"></iframe>',
    '<svg onload="alert(1)"></svg>', '<form><button formaction="javascript:alert(1)">x</button></form>',
    '<div style="background:url(javascript:alert(1))">x</div>', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<object data="data:text/html,<script>alert(1)</script>"></object>', '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '<link rel="stylesheet" href="https://x">',
    '<p id="__config" hidden>{"base": "files/kit"}</p>', '<h2 id="hub-search-page">x</h2>',
])
def test_the_sanitiser_leaves_nothing_active(payload):
    from catalogue.sanitize import clean

    cleaned = clean(f"<p>Text {payload} more</p>").lower()
    for active in ("<script", "onerror", "onload", "javascript:", "<iframe", "<svg", "<form", "<button", "style=",
                   "<object", "<base", "<meta", "<link", "xlink", 'id="__', 'id="hub-search'):
        assert active not in cleaned, (payload, cleaned)


def test_the_ids_the_pages_own_are_the_ones_the_sanitiser_keeps_from_contributors(real_site):
    """An element of a contributor's text with an id of the theme or the hub would come first and be
    taken for it (a hidden <p id="__config"> would tell the scripts where to load code from)."""
    from catalogue.sanitize import RESERVED_IDS, RESERVED_PREFIX, clean

    script = "".join((ROOT / "content" / "assets" / name).read_text(encoding="utf-8") for name in ("hub.js", "hub-search.js"))
    owned = set(re.findall(r'getElementById\("([^"]+)"\)|querySelector\("\w*#([^"]+)"\)', script))
    owned = {i for pair in owned for i in pair if i}  # the ids the hub's scripts look up
    for page in ("", "search/", "about/", "resources/coronel-path-after-coal-power/", "es/regions/chile/"):
        html = read(real_site, page)
        article = re.search(r"<article.*?</article>", html, re.S).group(0)
        owned |= set(re.findall(r'\bid="([^"]+)"', html.replace(article, "")))  # the theme's parts
        owned |= set(re.findall(r'<label for="([^"]+)"', html))  # and its forms' fields
        owned |= set(re.findall(r'<a href="#(hub-[^"]+)" class="md-skip">', html))  # and the skip link's target
    assert {"__config", "hub-search-page", "hub-search-box", "hub-newsletter-email", "hub-content"} <= owned, owned
    assert all(i.startswith(RESERVED_PREFIX) or i in RESERVED_IDS for i in owned), owned - RESERVED_IDS
    assert all(f'id="{i}"' not in clean(f'<p id="{i}">x</p>') for i in owned)
    assert clean('<h2 id="hub-level-finance">x</h2>') == '<h2 id="hub-level-finance">x</h2>', "other ids stay"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    extra = f"authors: [{json.dumps(HOSTILE_AUTHOR)}]\nurl: {json.dumps(HOSTILE_URL)}\n"
    files = {
        "hostile.md": resource(title=HOSTILE_TITLE, extra=extra).replace(
            "summary: A sample summary that is long enough for the schema.",
            f"summary: \"{HOSTILE_SUMMARY}\"").replace(f"Body of {HOSTILE_TITLE}.", "Plain text."),
    }
    root = make_repo(tmp_path_factory.mktemp("hostile") / "repo", files)
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_front_matter_strings_are_escaped_everywhere(hostile_site):
    for page in ("resources/hostile/", "library/", "regions/colombia/", "es/library/"):
        html = read(hostile_site, page)
        assert "<svg/onload" not in html, page
        assert "<!-- 5<6" not in html and "<!-- summary" not in html, page
    html = read(hostile_site, "resources/hostile/")
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "Coal &lt;!-- 5&lt;6 &amp; &#34;quotes&#34;" in title or "Coal &lt;!-- 5&lt;6 &amp; &quot;quotes&quot;" in title, title
    assert "&lt;!-- summary 5&lt;6 &amp; " in html


def test_tags_in_titles_and_summaries_are_refused(tmp_path):
    root = make_repo(tmp_path, {"hostile.md": resource(title="'Coal </title><script>window.__pwned=1</script>'")})
    _, problems = collect(root)
    assert ("content/resources/hostile.md:2: title: is shown as plain text, so '</title>' would appear as typed; "
            "remove the Markdown or HTML") in [str(p) for p in problems.sorted()]


@pytest.mark.browser
def test_no_script_runs_from_hostile_content(hostile_site):
    with serve(hostile_site) as url, browser() as chromium:
        page = chromium.new_page(bypass_csp=True)  # the tests evaluate their own scripts
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in ("resources/hostile/", "library/", "regions/colombia/", "search/?q=Coal"):
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            for link in page.query_selector_all("article a"):
                href = link.get_attribute("href") or ""
                assert not href.lower().startswith(("javascript:", "data:", "vbscript:")), href
            assert page.evaluate("window.__pwned") is None, path
        assert dialogs == []


def test_images_are_sized_lazy_and_heavy_ones_refused(tmp_path):
    body = "\n![A chart of employment in Cesar](../files/chart.png)\n"
    root = make_repo(tmp_path / "repo", {"with-image.md": resource(title="With an image") + body})
    write(root / "content/files/chart.png", png(64, 32))
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    html = read(root / "site", "resources/with-image/")
    assert re.search(r'<img src="../../files/chart.png" alt="A chart of employment in Cesar" '
                     r'width="64" height="32" loading="lazy" decoding="async">', html), re.findall(r"<img[^>]*>", html)
    write(root / "content/files/huge.png", png(2000, 2000) + b"\0" * 310_000)
    _, problems = collect(root)
    assert any(p.path == "content/files/huge.png" and "the limit is 300 KB" in p.message for p in problems.sorted())
    write(root / "content/assets/logos/heavy-logo.png", png(400, 120) + b"\0" * 310_000)
    _, problems = collect(root)
    assert any(p.path == "content/assets/logos/heavy-logo.png" and "the limit is 300 KB" in p.message
               for p in problems.sorted()), "a logo is an image readers download too"


def test_only_inert_files_are_published_and_links_are_refused(tmp_path):
    """Everything under content/ is served from the hub's address: an HTML or SVG file there could
    run script as the hub (GitHub Pages sends no CSP header), and a symbolic link would publish
    whatever it points to on the build machine."""
    root = make_repo(tmp_path / "repo")
    secret = write(tmp_path / "outside" / "secret.txt", "not for the web")
    write(root / "content/files/toolkit.html", "<script>window.__pwned = 1</script>")
    write(root / "content/files/map.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    write(root / "content/files/report.pdf", b"%PDF-1.4\n")
    write(root / "content/files/data.csv", "a,b\n")
    write(root / "content/files/poster.png", png(4001, 10))
    (root / "content/files/notes.txt").symlink_to(secret)
    (root / "content/files/shared").symlink_to(secret.parent, target_is_directory=True)
    _, problems = collect(root)
    found = {p.path: p.message for p in problems.sorted()}
    assert "a '.html' file cannot be published" in found.pop("content/files/toolkit.html")
    assert "an SVG image (it can carry scripts; save it as PNG or WebP)" in found.pop("content/files/map.svg")
    assert "4001×10 pixels; the limit is 4000" in found.pop("content/files/poster.png")
    assert "symbolic link" in found.pop("content/files/notes.txt") and "symbolic link" in found.pop("content/files/shared")
    assert found == {}, "documents and data are fine"
    result = run_build(root)
    assert result.returncode != 0 and "toolkit.html" in result.stdout + result.stderr, "the build stops"
    assert "Traceback" not in result.stderr


def test_links_show_where_they_really_lead():
    from catalogue.render import shown_domain
    from catalogue.sanitize import clean

    assert shown_domain("https://www.іlo.org/report") == "www.xn--lo-goc.org", "a Cyrillic і cannot pass for ilo.org"
    assert shown_domain("https://www.ilo.org/report") == "www.ilo.org"
    marked = clean('<p><a href="//evil.example/x">x</a></p>')  # another site, without a scheme
    assert 'class="hub-external"' in marked and 'rel="noopener noreferrer"' in marked
    # the hub's own external links (render.external_link) are marked already: once is enough
    again = clean('<p><a href="https://example.org/" class="hub-external">x</a></p>')
    assert again.count("hub-external") == 1


def test_no_item_of_a_csv_cell_starts_a_formula():
    from catalogue.api import cell

    assert cell(["Research team", "=HYPERLINK(\"https://evil.example\")"]) == "Research team;'=HYPERLINK(\"https://evil.example\")"
    assert cell("@SUM(1)") == "'@SUM(1)" and cell(["a", "b"]) == "a;b"
    assert cell("Normal text;=cmd|' /C calc'!A0; @SUM(1+1)") == "Normal text;'=cmd|' /C calc'!A0; '@SUM(1+1)"


def test_the_builds_own_marker_and_markup_in_interface_text_are_refused(tmp_path):
    """Pages the build writes skip the sanitiser: a contributor's page may not claim to be one. A
    translator's interface text is plain text."""
    root = make_repo(tmp_path / "repo")
    write(root / "content/evil.md", "---\ntitle: Evil page\nhub_page: true\n---\n<script>alert(document.domain)</script>\n")
    write(root / "content/robots.txt", "User-agent: *\nDisallow: /\n")
    spanish = (root / "locales/es.yml").read_text(encoding="utf-8")
    write(root / "locales/es.yml", re.sub(r"\n  search_placeholder: [^\n]*", '\n  search_placeholder: "Buscar</label><script>x()</script>"', spanish))
    _, problems = collect(root)
    found = {p.path: (p.line, p.field, p.message) for p in problems.sorted()}
    assert found.pop("content/evil.md") == (3, "hub_page", "'hub_page' marks the pages the build writes itself; remove it")
    assert "published at the root of the site" in found.pop("content/robots.txt")[2]
    assert found.pop("locales/es.yml")[1:] == ("ui.search_placeholder", "interface text is plain text: remove the HTML tag "
                                               "(write '<' as a word, e.g. 'less than')")
    assert found == {}
    result = run_build(root)
    assert result.returncode != 0 and "hub_page" in result.stdout + result.stderr and "Traceback" not in result.stderr


def test_a_script_in_a_pages_text_stops_the_build_instead_of_being_allowed():
    """The policy allows the theme's inline scripts by their hashes; one inside the text is never
    the theme's, and allowing it would run whatever got past the sanitiser."""
    from catalogue.security import ScriptInText, inline_script_hashes

    theme = '<head><script>var __md_scope=new URL(".",location)</script></head>'
    assert len(inline_script_hashes(theme + '<article class="md-content__inner md-typeset"><p>Text</p></article>')) == 1
    with pytest.raises(ScriptInText):
        inline_script_hashes(theme + '<article class="md-content__inner md-typeset"><script>alert(1)</script></article>')
    data = '<article class="md-content__inner"><script type="application/ld+json">{}</script></article>'
    assert inline_script_hashes(data) == [], "data blocks never run"


def test_the_theme_s_classes_are_taken_off_contributor_html():
    from catalogue.sanitize import clean

    cleaned = clean('<p><a href="https://evil.example/login" class="md-consent__overlay note">x</a></p>')
    assert "md-consent__overlay" not in cleaned and 'class="hub-external note"' in cleaned
    assert 'class="' not in clean('<p class="md-dialog">x</p>'), "nothing left of it"
    assert "tracker" not in clean('<p><img src="a.png" srcset="a.png 1x, https://tracker.example/t.png 2x" alt="a"></p>')
