"""The offline copy: unzipped and opened from disk in Chromium, with no server and no network."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from browser import accessibility_violations, axe_page, browser
from catalogue.cache import digest
from catalogue.load import load
from catalogue.offline import ROOT_FOLDER, ZIP_NAME, copies_to_make, describe, online_links, zip_name
from conftest import BUILD_DATE_EPOCH, SAMPLE, licence_text, make_repo, resource, run_build, script
from htmlcheck import broken_links, is_forwarding_page, parse


@pytest.fixture(scope="module")
def offline_zip(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    env = dict(os.environ, SOURCE_DATE_EPOCH=BUILD_DATE_EPOCH)
    result = subprocess.run([sys.executable, str(SAMPLE / "scripts" / "build_offline.py"), "--dist", str(dist),
                             "--build-dir", str(dist.parent / "offline-build")],
                            capture_output=True, text=True, env=env, cwd=SAMPLE, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return dist / ZIP_NAME


def _extract(archive_path: Path, target: Path) -> Path:
    with zipfile.ZipFile(archive_path) as archive:
        archive.extractall(target)
    return target / ROOT_FOLDER


@pytest.fixture(scope="module")
def unzipped(offline_zip, tmp_path_factory) -> Path:
    return _extract(offline_zip, tmp_path_factory.mktemp("unzipped"))


@pytest.fixture(scope="module")
def spanish_copy(offline_zip, tmp_path_factory) -> Path:
    return _extract(offline_zip.parent / zip_name("es"), tmp_path_factory.mktemp("spanish"))


@pytest.fixture(scope="module")
def mongolian_copy(offline_zip, tmp_path_factory) -> Path:
    return _extract(offline_zip.parent / zip_name("mn"), tmp_path_factory.mktemp("mongolian"))


def test_zip_holds_a_manifest_and_no_source_maps(offline_zip):
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read(f"{ROOT_FOLDER}/MANIFEST.json"))
        readme = archive.read(f"{ROOT_FOLDER}/README.txt").decode()
    assert all(name.startswith(f"{ROOT_FOLDER}/") for name in names)
    assert not [n for n in names if n.endswith(".map")]
    assert not [n for n in names if "/pagefind/" in n or "/lunr/" in n], "no unused search engines"
    assert not [n for n in names if "coronel-after-coal-case-study" in n], "no renamed resource's former address: no link leads into a copy"
    assert f"{ROOT_FOLDER}/resources/coronel-path-after-coal-power.html" in names
    assert manifest["built"] == "2026-11-28" and manifest["version"] and manifest["open"] == "index.html"
    assert manifest["contents"]["resources"] >= 50 and manifest["languages"][0] == "en"
    assert manifest["sources"] == digest(SAMPLE), "what it was built from, for a build to tell a stale copy"
    assert "Extract the zip file first" in readme and "Then open index.html in this folder" in readme
    latest = f"{manifest['online']}downloads/{ZIP_NAME}"
    assert readme.count(latest) == len(manifest["languages"]), "how to update it, in every language of the hub"
    for lang in manifest["languages"][1:]:  # how to open it, in every language of the hub
        assert f"{lang}/index.html" in readme, lang
    extracted = re.search(r"; (\d+) MB in ([\d,]+) files once extracted\.", readme)
    assert extracted and int(extracted.group(2).replace(",", "")) == manifest["files"], "what it takes on disk"
    assert abs(int(extracted.group(1)) - manifest["bytes"] / 1e6) <= 0.5
    assert ("The hub's own texts and data: " in readme) == bool(licence_text())
    assert f"The hub's own texts and data: {licence_text()}." in readme or not licence_text()
    notice = "This is a demonstration of the hub with sample content"
    assert manifest["sample_notice"].startswith(notice) and readme.count(notice) == 1, "sample data says so before it opens"
    assert manifest["online"].startswith("https://")
    web_only = {f"{ROOT_FOLDER}/{name}" for name in ("404.html", "_headers", "robots.txt", "sitemap.xml", "sitemap.xml.gz")}
    assert not web_only & set(names), "files only a web server uses"


def test_each_language_has_a_smaller_copy_with_every_resource_and_no_dead_link(offline_zip, unzipped, spanish_copy):
    """A reader downloads the pages of their language and the default one, every resource
    page (listings in any language link to a resource in the language it is written in) and
    the search data; links to the languages left out lead to the hub online, marked ↗."""
    complete = json.loads((unzipped / "MANIFEST.json").read_text(encoding="utf-8"))
    online, languages = complete["online"], complete["languages"]
    for lang in languages:
        copy = offline_zip.parent / zip_name(lang)
        with zipfile.ZipFile(copy) as archive:
            names = set(archive.namelist())
            manifest = json.loads(archive.read(f"{ROOT_FOLDER}/MANIFEST.json"))
            readme = archive.read(f"{ROOT_FOLDER}/README.txt").decode()
        kept = ["en"] if lang == "en" else ["en", lang]
        assert manifest["languages"] == kept and manifest["copy"] == lang
        assert manifest["contents"] == complete["contents"] and manifest["files"] == len(names) - 2
        assert copy.stat().st_size < 0.8 * offline_zip.stat().st_size, lang
        assert f"{online}downloads/{zip_name(lang)}" in readme, "how to update this copy"
        assert "the language menu's other languages lead to the hub online" in readme
        pages = {name.removeprefix(f"{ROOT_FOLDER}/") for name in names}
        for other in languages[1:]:
            assert (f"{other}/index.html" in pages) == (other == lang), (lang, other)
            assert f"search/offline-{other}.js" in pages, "every language's search data: its resources' whole text"
        translated = {p for p in (unzipped / "es" / "resources").glob("*.html")}
        assert translated and all(f"es/resources/{p.name}" in pages for p in translated), "every resource in every copy"

    assert broken_links(spanish_copy) == [], "every link on disk leads somewhere"
    colombia = (spanish_copy / "es" / "regions" / "colombia.html").read_text(encoding="utf-8")
    menu = {a["hreflang"]: a for a in parse(colombia).links if "md-select__link" in a.get("class", "")}
    assert menu["en"]["href"] == "../../regions/colombia.html" and menu["es"]["href"] == "colombia.html"
    assert menu["th"]["href"] == f"{online}th/regions/colombia/" and "hub-external" in menu["th"]["class"]
    resource = next((spanish_copy / "es" / "resources").glob("*.html")).read_text(encoding="utf-8")
    assert f'href="{online}' in resource, "a translation's menu leads online for the languages left out"


def test_a_host_with_little_room_can_publish_the_complete_copy_alone():
    assert copies_to_make(["en", "es"]) == ["", "en", "es"]
    assert copies_to_make(["en", "es"], per_language=False) == [""], "extra.offline_copies_per_language: false"
    assert zip_name("*") == "jet-cr-hub-offline-*.zip" != ZIP_NAME, "build_offline.py removes earlier copies by it"


def test_links_to_pages_left_out_keep_their_query_and_fragment():
    present = {"index.html", "es/index.html", "regions/chile.html"}
    html = ('<link rel="alternate" href="th/index.html" hreflang="th">'
            '<a href="th/regions/chile.html?untranslated" class="md-select__link">ไทย</a>'
            '<a href="regions/chile.html#events">Chile</a><a href="https://example.org/x.html">x</a>'
            '<a href="th/about.html#newsletter">x</a>')
    rewritten = online_links(html, "index.html", present, "https://hub.example.org/")
    assert '<link rel="alternate" href="https://hub.example.org/th/" hreflang="th">' in rewritten
    assert ('<a href="https://hub.example.org/th/regions/chile/?untranslated" rel="noopener noreferrer" '
            'class="hub-external md-select__link">') in rewritten
    assert '<a href="regions/chile.html#events">' in rewritten and '<a href="https://example.org/x.html">' in rewritten
    assert 'href="https://hub.example.org/th/about/#newsletter" rel="noopener noreferrer" class="hub-external"' in rewritten
    assert online_links('<a href="../index.html">', "es/about.html", present, "https://h/") == '<a href="../index.html">'
    assert online_links('<a data-href="th/x.html" href="index.html">', "index.html", present, "https://h/") == \
        '<a data-href="th/x.html" href="index.html">'


def test_the_copy_points_to_the_online_hub_for_feeds_and_newer_copies(unzipped, offline_zip):
    with zipfile.ZipFile(offline_zip) as archive:
        online = json.loads(archive.read(f"{ROOT_FOLDER}/MANIFEST.json"))["online"]
    html = (unzipped / "events" / "index.html").read_text(encoding="utf-8")
    feed = re.search(r'<p class="hub-feed"><a ([^>]*)>', html).group(1)
    assert f'href="{online}feeds/events.xml"' in feed and 'class="hub-external"' in feed, "a feed reader needs the web"
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
    assert not [name for name in names if "/feeds/" in name], "feed files no page of the copy links to"
    assert f"{ROOT_FOLDER}/calendar/events.ics" in names, "a calendar file opens from disk in a calendar app"
    footer = html[html.index("hub-footer__offline"):]
    assert f'<a class="hub-external" href="{online}"' in footer
    search = (unzipped / "search" / "index.html").read_text(encoding="utf-8")
    assert '<form class="hub-search-form" role="search" aria-label="Search" action="index.html">' in search, "not a folder listing"


def test_the_newsletter_sign_up_leads_to_the_online_page(unzipped, offline_zip):
    """A form posted from a copy on disk ends on a browser error page: the copy links to the web."""
    with zipfile.ZipFile(offline_zip) as archive:
        online = json.loads(archive.read(f"{ROOT_FOLDER}/MANIFEST.json"))["online"]
    for prefix, address in (("", "about/"), ("es/", "es/about/")):
        html = (unzipped / prefix / "about.html").read_text(encoding="utf-8")
        assert "<form" not in html.split('class="hub-newsletter"')[0][-200:] and 'type="email"' not in html
        assert f'<a class="hub-external" href="{online}{address}#newsletter"' in html, prefix


@pytest.mark.browser
def test_offline_search_matches_words_keeps_the_full_text_and_marks_what_matched(unzipped):
    data = (unzipped / "search" / "offline-en.js").read_text(encoding="utf-8")
    assert max(len(text) for text in re.findall(r'"content":"((?:[^"\\]|\\.)*)"', data)) > 2000
    records = [{"meta": {"title": title}, "filters": {}, "content": content, "date": ""} for title, content in (
        ("Part one", "The start of a part."), ("Article", "An article."), ("Mina", "La mina de carbón."),
        ("แม่เมาะ", "ชุมชนแม่เมาะหารือเรื่องอนาคต"), ("Región", "La región del Biobío."),
        ("Community", "A community plan."), ("Mine", "The mine closed."), ("Minister", "The minister spoke."),
        ("Long", "Lignite " * 24 + "and mines " + "rehabilitation " * 30))]
    with browser() as chromium:
        page = chromium.new_page(bypass_csp=True)  # the test adds the script and evaluates its own
        page.goto((unzipped / "index.html").as_uri())
        page.add_script_tag(path=str(unzipped / "assets" / "search-offline.js"))
        found = page.evaluate("""async (records) => {
            const engine = window.hubOfflineSearch({records});
            const run = async (q) => Promise.all((await engine.search(q, {})).results.map(async r => {
                const d = await r.data(); return d.meta.title + " | " + d.excerpt; }));
            const queries = ["art", "minas", "หารือ", "regiones", "communities", "mines", "lignite"];
            return Object.fromEntries(await Promise.all(queries.map(async q => [q, await run(q)])));
        }""", records)
    assert found["art"] == ["Article | An <mark>art</mark>icle."], "a word's start, not 'part' or 'start'"
    assert [f.split(" | ")[0] for f in found["minas"]] == ["Mina"], "a plural finds its singular"
    assert found["หารือ"] == ["แม่เมาะ | ชุมชนแม่เมาะ<mark>หารือ</mark>เรื่องอนาคต"], found["หารือ"]
    assert found["regiones"] == ["Región | La <mark>región</mark> del Biobío."], found["regiones"]
    assert found["communities"] == ["Community | A <mark>community</mark> plan."], found["communities"]
    assert [f.split(" | ")[0] for f in found["mines"]] == ["Mine", "Long"], "not 'minister', nor Spanish 'mina'"
    # an excerpt starts and ends with whole words, and never cuts what it marks
    long = next(f for f in found["mines"] if f.startswith("Long"))
    assert "and <mark>mine</mark>s rehab" in long and long.split(" | ")[1].startswith("… Lignite ") and long.endswith("rehabilitation …")
    lignite = found["lignite"][0].split(" | ")[1]
    assert lignite.endswith("rehabilitation …") and lignite.count("<mark>") == 24, "every match whole, none cut"


@pytest.mark.browser
def test_offline_search_reads_other_languages_whole_text_and_ranks_accents_as_typed(unzipped):
    """A Spanish reader's copy finds a word deep in an English text, as the English page does;
    Vietnamese "mỏ" (mine) comes before "mở" (open); punctuation alone finds nothing."""
    def record(title, href, lang, content, date=""):
        return {"meta": {"title": title, "href": href}, "filters": {"text": [lang]}, "content": content, "date": date}
    own = [record("Mỏ than", "vi/a.html", "vi", "Mỏ than Quảng Ninh."),
           record("Mở rộng", "vi/b.html", "vi", "Mở rộng lưới điện.", "9"),  # newer: first if accents were ignored
           record("Retraining plan", "r.html", "en", "Retraining plan. A short summary.")]
    english = [record("Retraining plan", "r.html", "en", "Retraining plan. A short summary. Overburden dumps are reforested.")]
    with browser() as chromium:
        page = chromium.new_page(bypass_csp=True)  # the test adds the script and evaluates its own
        page.goto((unzipped / "index.html").as_uri())
        page.add_script_tag(path=str(unzipped / "assets" / "search-offline.js"))
        found = page.evaluate("""async ([own, english]) => {
            const engine = window.hubOfflineSearch({records: own}, {en: {records: english}});
            const run = async (q) => Promise.all((await engine.search(q, {})).results.map(async r => (await r.data()).meta.title));
            return [await run("overburden"), await run("mỏ"), await run('"'), await run("")];
        }""", [own, english])
        assert found[0] == ["Retraining plan"]
        assert found[1] == ["Mỏ than", "Mở rộng"]
        assert found[2] == [] and len(found[3]) == 3
        apart = [record("Than và đá", "vi/c.html", "vi", "Than và đá vôi.", "9"),  # newer, both words, apart
                 record("Mỏ than đá", "vi/d.html", "vi", "Mỏ than đá ở Quảng Ninh.", "1")]
        found = page.evaluate("""async (records) => {
            const engine = window.hubOfflineSearch({records});
            const run = async (q) => Promise.all((await engine.search(q, {})).results.map(async r => (await r.data()).meta.title));
            return [await run("than đá"), await run("than"), await run('"than đá"')];
        }""", apart)
        assert found[0] == ["Mỏ than đá", "Than và đá"], "words typed together and found together come first"
        assert found[1] == ["Than và đá", "Mỏ than đá"], "a single word: the newer first"
        assert found[2] == found[0], "quotes ask the same"

        page.goto((unzipped / "es" / "search" / "index.html").as_uri() + "?q=overburden")
        page.wait_for_selector(".hub-results li")
        assert "Mae Moh" in page.inner_text(".hub-results"), "the English text, searched from the Spanish page"


def search_offline(unzipped: Path, texts: tuple, queries: dict[str, list[str]]) -> dict[str, list[str]]:
    """What the copy's engine finds among records made of (title, text), for each page language's
    queries: {"<lang> <query>": ["<title> | <excerpt>", ...]}."""
    records = [{"meta": {"title": title}, "filters": {}, "content": text, "date": ""} for title, text in texts]
    with browser() as chromium:
        page = chromium.new_page(bypass_csp=True)  # the test adds the script and evaluates its own
        page.goto((unzipped / "index.html").as_uri())
        page.add_script_tag(path=str(unzipped / "assets" / "search-offline.js"))
        return page.evaluate("""async ([records, queries]) => {
            const out = {};
            for (const [lang, words] of Object.entries(queries)) {
                const engine = window.hubOfflineSearch({records}, {}, lang);
                for (const q of words) out[lang + " " + q] = await Promise.all((await engine.search(q, {})).results
                    .map(async r => { const d = await r.data(); return d.meta.title + " | " + d.excerpt; }));
            }
            return out;
        }""", [records, queries])


def titles(found: dict[str, list[str]]) -> dict[str, list[str]]:
    return {query: [f.split(" | ")[0] for f in results] for query, results in found.items()}


@pytest.mark.browser
def test_offline_search_finds_english_words_with_and_without_ing_and_ed(unzipped):
    """As Pagefind's English stemmer does online: "mining" finds "mine" and "mines", and back;
    "planned" finds "plan"; "use" finds "using"; but "evening" does not find "events", "minister"
    stays apart, and a word with no vowel before -ing or -ed keeps it ("ring", "red")."""
    found = titles(search_offline(unzipped, (
        ("Mine", "The mine closed."), ("Mining", "Coal mining ends."), ("Mines", "Three mines."),
        ("Minister", "The minister spoke."), ("Plan", "A plan for workers."), ("Planned", "The planned closure."),
        ("Using", "Using land again."), ("Ring", "A ring road."), ("Red", "Red tape."), ("Events", "Two events.")),
        {"en": ["mining", "mine", "planned", "use", "evening", "ring", "red"], "es": ["mining"]}))
    assert found["en mining"] == ["Mining", "Mine", "Mines"], "the word as typed first, then its forms"
    assert found["en mine"] == ["Mine", "Mines", "Mining"]
    assert found["en planned"] == ["Planned", "Plan"]
    assert found["en use"] == ["Using"]
    assert found["en evening"] == [] and found["en ring"] == ["Ring"] and found["en red"] == ["Red"]
    assert found["es mining"] == ["Mining"], "a Spanish page does not take English endings off"


@pytest.mark.browser
def test_offline_search_finds_thai_marks_typed_in_either_order(unzipped):
    """A Thai vowel mark typed after its letter's tone mark looks the same as one typed before it:
    "ที่" (the place of) finds either, typed either way, and marks the text as it is written."""
    written, typed = "ที่", "ท\u0e48\u0e35"
    found = search_offline(unzipped, (("Written", f"พื้น{written}เหมือง"), ("Typed", f"{typed}ดินเดิม")),
                           {"th": [written, typed]})
    assert sorted(titles(found)[f"th {written}"]) == sorted(titles(found)[f"th {typed}"]) == ["Typed", "Written"], found
    assert f"Typed | <mark>{typed}</mark>ดินเดิม" in found[f"th {written}"], "the excerpt keeps the text's own order"
    assert titles(found)[f"th {typed}"][0] == "Typed", "the marks as typed first, as accents are ranked"


@pytest.mark.browser
def test_offline_search_joins_spanish_masculine_and_feminine(unzipped):
    """As Pagefind's Spanish stemmer does online: "minero" finds "mineras", "trabajadores" finds
    "trabajadoras"; but a short word keeps its ending ("casa", a house, is not "caso", a case)."""
    found = search_offline(unzipped, (
        ("Minero", "El sindicato minero."), ("Mineras", "Las comunidades mineras."),
        ("Trabajadoras", "Las trabajadoras del carbón."), ("Trabajadores", "Los trabajadores."),
        ("Caso", "Un caso de estudio."), ("Casa", "Una casa.")),
        {"es": ["minero", "trabajadores", "casa"], "en": ["minero"]})
    assert found["es minero"] == ["Minero | El sindicato <mark>minero</mark>.",
                                  "Mineras | Las comunidades <mark>mineras</mark>."]
    assert titles(found)["es trabajadores"] == ["Trabajadores", "Trabajadoras"]
    assert titles(found)["es casa"] == ["Casa"]
    assert titles(found)["en minero"] == ["Minero"], "an English page keeps Spanish endings"


@pytest.mark.browser
def test_offline_search_finds_an_indonesian_root_with_its_prefixes_and_suffixes(unzipped):
    """As Pagefind's Indonesian stemmer does online: "tambang" (mine) finds "pertambangan" (mining)
    and "penambang" (miner), and back; "pelatihan" (training) finds "melatih" (to train); but not
    a word that only ends like a root ("ambang", a threshold), and not on pages of other languages."""
    found = search_offline(unzipped, (
        ("Tambang", "Tambang batu bara di Kalimantan."), ("Pertambangan", "Sektor pertambangan nasional."),
        ("Penambang", "Para penambang rakyat."), ("Ambang", "Ambang batas emisi."),
        ("Pelatihan", "Pelatihan kerja bagi pekerja."), ("Melatih", "Program melatih guru."),
        ("Bumi", "Bumi dan bumbu."), ("Pembangkit", "Pembangkit listrik tenaga uap.")),
        {"id": ["tambang", "penambangan", "pelatihan", "bumi", "bangkit"], "en": ["penambangan"]})
    found_titles = titles(found)
    assert found_titles["id tambang"] == ["Tambang", "Pertambangan", "Penambang"], "the word as typed first, then its forms"
    assert "Sektor <mark>pertambang</mark>an nasional." in found["id tambang"][1]
    assert found_titles["id penambangan"] == ["Tambang", "Pertambangan", "Penambang"], "back to the root, never 'ambang'"
    assert found_titles["id pelatihan"] == ["Pelatihan", "Melatih"]
    assert found_titles["id bumi"] == ["Bumi"], "a root keeps two syllables: 'bumbu' is another word"
    assert found_titles["id bangkit"] == ["Pembangkit"], "pem- before b"
    assert found_titles["en penambangan"] == [], "an English page does not take Indonesian affixes"

    with browser() as chromium:
        page = chromium.new_page()
        page.goto((unzipped / "id" / "search" / "index.html").as_uri() + "?q=penambangan")  # in no text of the sample
        page.wait_for_selector(".hub-results li")
        assert "tambang" in page.inner_text(".hub-results").lower(), "the Indonesian page, from disk"


@pytest.mark.browser
def test_offline_search_finds_work_in_another_language_by_the_readers_words_for_its_labels(unzipped):
    """As online (test_search): the reader's words for a resource's type, topics, regions and
    organisations find it, though its text is in another language: "penutupan tambang" (mine
    closure) an English report on the topic, with the words marked where they matched; and
    "бодлого" (policy), which Mongolian writes "Бодлогын товчлол" in the name of the type policy
    brief, without its last vowel; "эдийн засаг" (economy), which the name of the topic economic
    diversification writes "Эдийн засгийн", without the vowel of its last syllable; "говь" (the
    Gobi), "говийн" in a text, without its soft sign."""
    catalogue = load(SAMPLE)
    closure = {r.title for r in catalogue.resources if "coal-mine-closure" in r.topics and "id" not in r.versions}
    briefs = {r.title for r in catalogue.resources
              if r.type == "policy-brief" and "skills" in r.topics and "mn" not in r.versions}
    assert len(closure) >= 5 and briefs
    with browser() as chromium:
        page = chromium.new_page()
        page.goto((unzipped / "id" / "search" / "index.html").as_uri() + "?q=penutupan tambang")
        page.wait_for_selector(".hub-results li")
        shown = [t.inner_text().replace(" EN", "").strip() for t in page.query_selector_all(".hub-result__title a")]
        assert len(closure & set(shown)) >= 5, shown
        assert "<mark>Penutupan</mark> <mark>tambang</mark> batu bara" in page.inner_html(".hub-results")
        page.goto((unzipped / "mn" / "search" / "index.html").as_uri() + "?q=бодлого ур чадвар")
        page.wait_for_selector(".hub-results li")
        shown = page.inner_text(".hub-results")
        assert all(title in shown for title in briefs), shown
        on_topic = [r for r in catalogue.resources if "economic-diversification" in r.topics]
        page.goto((unzipped / "mn" / "search" / "index.html").as_uri() + "?q=эдийн засаг&topic=Эдийн засгийн төрөлжилт")
        page.wait_for_selector(".hub-results li")
        assert page.inner_text(".hub-search-status").startswith(f"{len(on_topic)} "), page.inner_text(".hub-search-status")
        page.goto((unzipped / "mn" / "search" / "index.html").as_uri() + "?q=говь")  # the Gobi: "говийн"
        page.wait_for_selector(".hub-results li")
        assert "Монгол Улсын төвийн бүс болон Өмнөговьд" in page.inner_text(".hub-results")


@pytest.mark.browser
def test_offline_search_leaves_out_a_word_no_resource_holds_as_online(unzipped):
    """As online (test_search): "coal zzqxv" lists what "coal" finds, and names the word left out."""
    with browser() as chromium:
        page = chromium.new_page()
        counts = {}
        for query in ("coal", "coal zzqxv"):
            page.goto((unzipped / "search" / "index.html").as_uri() + "?q=" + query)
            page.wait_for_selector(".hub-results li")
            counts[query] = page.inner_text(".hub-search-status")
        assert counts["coal zzqxv"].startswith(counts["coal"] + ". "), counts
        assert "No resource holds “zzqxv”" in counts["coal zzqxv"]


@pytest.mark.browser
def test_offline_search_lists_a_filter_newest_first_by_the_date_each_shows_as_online(unzipped):
    """As online (test_search): an event by its first day, as the hub's listings order it."""
    from catalogue.enrich import by_shown_date

    events = [r.title for r in by_shown_date(load(SAMPLE)) if r.type == "event"]
    with browser() as chromium:
        page = chromium.new_page()
        page.goto((unzipped / "search" / "index.html").as_uri() + "?type=Event")
        page.wait_for_selector(".hub-results li")
        assert page.locator(".hub-result__title a").all_inner_texts() == events[:10]


@pytest.mark.browser
def test_offline_search_reads_a_word_with_a_hyphen_as_online(unzipped):
    """As online (test_search): "co-operatives" finds what "cooperatives" finds (the copy said "No
    results" and offered "cooperatives"), and "south-africa", which no text writes so, what "south
    africa" finds."""
    with browser() as chromium:
        page = chromium.new_page()
        found = {}
        for query in ("cooperatives", "co-operatives", "south africa", "south-africa"):
            page.goto((unzipped / "search" / "index.html").as_uri() + "?q=" + query)
            page.wait_for_selector(".hub-results li")
            found[query] = (page.inner_text(".hub-search-status"), page.locator(".hub-result__title").all_inner_texts())
        assert found["co-operatives"] == found["cooperatives"], found
        assert found["south-africa"] == found["south africa"], found
        assert page.query_selector(".hub-suggestion") is None


@pytest.mark.browser
def test_offline_search_offers_the_word_meant_for_a_misspelt_one_as_online(unzipped, spanish_copy):
    """As online (test_search): the list of words is a script, which loads from disk."""
    with browser() as chromium:
        page = chromium.new_page()
        for copy, folder, sentence in ((unzipped, "", "Did you mean Kalimantan?"), (spanish_copy, "es/", "¿Quiso decir Kalimantan?")):
            page.goto((copy / folder / "search" / "index.html").as_uri() + "?q=Kalimatan")
            link = page.wait_for_selector(".hub-search-status .hub-suggestion a")
            assert page.inner_text(".hub-search-status").endswith(sentence), page.inner_text(".hub-search-status")
            link.click()
            page.wait_for_selector(".hub-results li")
            assert page.url.endswith("/search/index.html?q=Kalimantan") and page.query_selector(".hub-suggestion") is None
            assert "Kalimantan" in page.inner_text(".hub-results")


@pytest.mark.browser
def test_offline_search_reads_english_texts_whole_and_sends_no_reader_to_the_english_search_for_it(spanish_copy):
    """Online, few results on a Spanish page with English ones among them link to the English
    search, which reads English texts whole (test_search); from disk the copy reads them whole."""
    with browser() as chromium:
        page = chromium.new_page()
        page.goto((spanish_copy / "es" / "search" / "index.html").as_uri() + "?q=Nalaikh")
        page.wait_for_selector(".hub-results li")
        page.wait_for_load_state("networkidle")
        assert page.query_selector(".hub-results a[hreflang=en]")
        assert page.query_selector(".hub-whole") is None, page.inner_text(".hub-search-status")


@pytest.mark.browser
def test_the_copys_search_page_has_no_accessibility_violation(mongolian_copy):
    """From disk the copy's own engine writes the results (search-offline.js): checked as online
    (test_quality), with results in two languages and the filters open."""
    with browser() as chromium:
        page = axe_page(chromium)
        page.goto((mongolian_copy / "mn" / "search" / "index.html").as_uri() + "?q=Монгол")
        page.wait_for_selector(".hub-results li")
        assert page.query_selector(".hub-results a[hreflang=en]"), "English results among the Mongolian"
        # their badge named in Mongolian for a screen reader, as online (test_search): not by the
        # browser, which has no Mongolian names
        english = load(SAMPLE).translator("mn").language_in_text("en")
        assert page.text_content(".hub-results .hub-badge--lang .hub-visually-hidden") == f" ({english})"
        found = accessibility_violations(page, "mn/search/?q=Монгол")
        page.click(".hub-facets summary")
        page.wait_for_selector(".hub-facet:not([hidden]) label")
        assert found + accessibility_violations(page, "filters open") == []


def test_a_slip_in_mkdocs_yml_stops_the_offline_build_with_its_line(tmp_path, monkeypatch, capsys):
    """make site builds the offline copies first: a YAML slip there gave a traceback."""
    build_offline = script("build_offline")
    root = make_repo(tmp_path / "repo")
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text(encoding="utf-8") + "extra_css: [x\n", encoding="utf-8")
    monkeypatch.setattr(build_offline, "ROOT", root)
    assert build_offline.main(["--dist", str(tmp_path / "dist"), "--build-dir", str(tmp_path / "build")]) == 1
    said = capsys.readouterr().err
    assert said.startswith("Error: ") and "mkdocs.yml\", line" in said and "Traceback" not in said, said


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


@pytest.mark.browser
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
        with page.expect_navigation():  # no Indonesian translation: its first region, in Indonesian
            page.locator(".md-select a[hreflang=id]").first.evaluate("a => a.click()")
        assert page.url.endswith(f"{ROOT_FOLDER}/id/regions/south-africa.html?untranslated")
        assert page.locator(".hub-untranslated").is_visible(), "the region page says why the reader is there"
        assert page.locator(".hub-untranslated").evaluate("n => n.closest('[lang]').lang") == "id", "in Indonesian"
        page.goto((unzipped / "id" / "regions" / "south-africa.html").as_uri())
        assert not page.locator(".hub-untranslated").is_visible(), "and only then"
        page.goto((unzipped / "search" / "index.html").as_uri() + "?q=coal")
        page.wait_for_selector(".hub-results li")
        total = int(page.inner_text(".hub-search-status").split()[0])
        page.click("details.hub-facets > summary")
        page.locator('.hub-facet[data-facet="region"] input[value="Colombia"]').check()
        page.wait_for_function(f"(t => !t.startsWith('{total} ') && !t.endsWith('…'))(document.querySelector('.hub-search-status').textContent)")
        by_region = int(page.inner_text(".hub-search-status").split()[0])
        page.locator('.hub-facet[data-facet="type"] input[value="Event"]').check()
        page.wait_for_function(f"(t => !t.startsWith('{by_region} ') && !t.endsWith('…'))(document.querySelector('.hub-search-status').textContent)")
        both = int(page.inner_text(".hub-search-status").split()[0])
        assert 0 < both < by_region < total
        assert "Regional Dialogue on the Future of Work in La Guajira and Cesar" in page.inner_text(".hub-results")
        page.goto((unzipped / "th" / "search" / "index.html").as_uri() + "?q=ลำปาง")
        page.wait_for_selector(".hub-results li")
        page.goto((unzipped / "index.html").as_uri())
        page.fill("#hub-search-box", "Mpumalanga")
        page.wait_for_selector(".hub-search__list li")
        assert network == [], f"requests to the network: {network}"


@pytest.mark.browser
def test_a_language_copy_browses_and_searches_from_disk(spanish_copy):
    with browser() as chromium:
        page = chromium.new_page()
        network = []
        page.on("request", lambda r: network.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
        page.goto((spanish_copy / "es" / "search" / "index.html").as_uri() + "?q=overburden")
        page.wait_for_selector(".hub-results li")
        assert "Mae Moh" in page.inner_text(".hub-results"), "an English text, searched from the Spanish page"
        page.locator(".hub-results li a").first.click()
        page.wait_for_load_state()
        assert page.url.startswith("file:") and page.locator(".hub-facts").count() == 1
        page.goto((spanish_copy / "es" / "index.html").as_uri())
        page.locator(".md-nav--primary a", has_text="Regiones").first.click()
        page.wait_for_load_state()
        assert page.url.endswith("/es/regions/index.html")
        thai = page.locator(".md-select a[hreflang=th]").first
        assert thai.get_attribute("href").startswith("https://") and "↗" in thai.evaluate(
            "a => getComputedStyle(a, '::after').content"), "the language left out is online, and looks it"
        assert network == [], f"requests to the network: {network}"


def test_a_page_in_a_language_the_copy_leaves_out_searches_in_the_copys(spanish_copy):
    """The Spanish copy holds every resource, the Thai ones too, but not the Thai search page or
    listings: a Thai resource's header search opens the Spanish search page, and its suggestions
    lead to pages the copy holds."""
    thai = next(p for p in sorted((spanish_copy / "th" / "resources").glob("*.html")) if not is_forwarding_page(p.read_text(encoding="utf-8")))
    with browser() as chromium:
        page = chromium.new_page()
        page.goto(thai.as_uri())
        assert page.get_attribute("form.hub-search", "data-lang") == "es"
        page.fill("#hub-search-box", "carbón")
        page.wait_for_selector(".hub-search__list li a")
        hrefs = page.eval_on_selector_all(".hub-search__suggest a", "links => links.map(a => a.href)")
        assert hrefs and all(Path(unquote(urlsplit(h).path)).is_file() for h in hrefs), hrefs
        page.press("#hub-search-box", "Enter")
        page.wait_for_selector(".hub-results li")
        assert page.url.startswith((spanish_copy / "es" / "search" / "index.html").as_uri())


def test_a_copy_missing_its_search_data_says_how_to_open_it(unzipped, tmp_path):
    """Opened from inside the zip (Windows extracts only the page), the search data is not there:
    the reader needs to know how to open the copy, not to check a connection they may not have."""
    copy = tmp_path / "copy"
    shutil.copytree(unzipped, copy)
    for data in (copy / "search").glob("offline-th*.js"):
        data.unlink()
    with browser() as chromium:
        page = chromium.new_page()
        page.goto((copy / "th" / "search" / "index.html").as_uri() + "?q=ลำปาง")
        expected = load(SAMPLE).translator("th")("search_error_offline")
        page.wait_for_function(f"document.querySelector('.hub-search-status').textContent === {expected!r}")
        page.goto((copy / "th" / "index.html").as_uri())
        page.fill("#hub-search-box", "ลำปาง")
        page.wait_for_selector(".hub-search__suggest:not([hidden])")
        assert page.inner_text(".hub-search__suggest").strip() == expected


def test_a_copy_read_months_later_says_the_hub_online_has_moved_on(unzipped):
    built = dt.datetime.fromtimestamp(int(BUILD_DATE_EPOCH), dt.UTC)
    online = json.loads((unzipped / "MANIFEST.json").read_text())["online"]
    translate = load(SAMPLE).translator
    with browser() as chromium:
        page = chromium.new_page()
        page.clock.set_fixed_time(built + dt.timedelta(days=60))
        page.goto((unzipped / "index.html").as_uri())
        assert page.query_selector(".hub-notice--stale") is None, "two months: no notice yet"
        page.clock.set_fixed_time(built + dt.timedelta(days=100))
        for lang in ("", "vi/"):
            page.goto((unzipped / lang / "regions" / "chile.html").as_uri())
            t = translate(lang.strip("/") or "en")
            notice = page.locator(".md-banner .hub-notice--stale")
            assert notice.is_visible(), lang
            assert notice.inner_text().startswith(t("offline_stale", date=t.date(built.date()))), lang
            assert notice.locator("a").get_attribute("href") == online, "the way to the hub online"
            assert page.evaluate("document.querySelector('.md-banner').compareDocumentPosition("
                                 "document.querySelector('.md-header')) & Node.DOCUMENT_POSITION_FOLLOWING"), "at the top"
        # a hub past its launch has no sample notice: the banner is made for this one
        page_file = unzipped / "regions" / "chile.html"
        bare = page_file.with_name("chile-no-banner.html")
        bare.write_text(re.sub(r'<aside class="md-banner">.*?</aside>', "", page_file.read_text(), flags=re.S))
        assert "md-banner" not in bare.read_text()
        try:
            page.goto(bare.as_uri())
            assert page.locator(".md-banner .hub-notice--stale").is_visible()
            assert page.locator(".md-banner").count() == 1
        finally:
            bare.unlink()


def test_every_online_page_offers_its_languages_copy_then_the_complete_one(real_site):
    def sha(name):
        return hashlib.sha256((real_site / "downloads" / name).read_bytes()).hexdigest()
    for page, lang in (("index.html", "en"), ("es/regions/colombia/index.html", "es"),
                       ("resources/hub-launch-cop28/index.html", "en"), ("vi/index.html", "vi")):
        html = (real_site / page).read_text(encoding="utf-8")
        footer = html[html.index("hub-footer__offline"):html.index("hub-footer__licence")]
        offered = re.findall(r'href="(?:\.\./)*downloads/([^"]+)" download', footer)
        assert offered == [zip_name(lang), ZIP_NAME], page
        assert footer.index(sha(zip_name(lang))) < footer.index(sha(ZIP_NAME)), "each with its checksum"
        assert re.search(r"ZIP, \d+([.,]\d)? MB, [^)]*2026", footer), footer[:300]
    english = (real_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"\(ZIP, [\d.]+ MB, English only, built ", english)
    assert "; unzip it, then open index.html)" in english, "what the reader gets, and how to open it, before a download"
    assert re.search(r'download>Or with all languages</a>\s*\(ZIP, [\d.]+ MB\)', english)
    vietnamese = (real_site / "vi" / "index.html").read_text(encoding="utf-8")
    assert "tiếng Việt và tiếng Anh" in vietnamese and "; hãy giải nén rồi mở vi/index.html)" in vietnamese, \
        "the home page in the reader's language"
    assert {p.name for p in (real_site / "downloads").iterdir()} == {ZIP_NAME} | {zip_name(lang) for lang in
                                                                               ("en", "es", "id", "vi", "th", "mn")}


def test_the_checksum_offered_is_the_files_even_when_the_zip_was_replaced(offline_zip, tmp_path):
    """The build reads each zip's SHA-256 from the note build_offline.py left beside it, but only
    while the zip is the file that note describes."""
    def sha(path):
        return hashlib.sha256(path.read_bytes()).hexdigest()
    copy = tmp_path / ZIP_NAME
    shutil.copy2(offline_zip, copy)
    shutil.copy2(offline_zip.parent / (ZIP_NAME + ".checksum.json"), tmp_path)
    assert describe(copy).sha256 == sha(offline_zip)
    data = bytearray(copy.read_bytes())
    data[200] ^= 1  # the same size, another file: a byte of the first page (the manifest, read, is last)
    copy.write_bytes(bytes(data))
    assert describe(copy).sha256 == sha(copy) != sha(offline_zip)
    os.utime(copy, ns=(0, 0))
    assert describe(copy).sha256 == sha(copy)


def test_a_build_says_when_the_copy_it_offers_was_built_from_other_content(offline_zip, tmp_path):
    """`mkdocs build` alone after an edit offers the last copies `make offline` wrote: it says so.
    A language's copy left from another build is not offered: the complete one is, alone."""
    dist = tmp_path / "dist"
    dist.mkdir()
    shutil.copy2(offline_zip, dist / ZIP_NAME)
    with zipfile.ZipFile(offline_zip.parent / zip_name("es")) as old, zipfile.ZipFile(dist / zip_name("es"), "w") as new:
        for entry in old.infolist():
            data = old.read(entry)
            if entry.filename.endswith("/MANIFEST.json"):
                data = json.dumps(dict(json.loads(data), commit="0ther")).encode()
            new.writestr(entry, data)
    root = make_repo(tmp_path / "repo", {"sample-report.md": resource(title="A newer report")})
    result = run_build(root, env={"HUB_OFFLINE_DIST": str(dist)})
    assert result.returncode == 0, result.stderr
    assert "was built from other content than this build's" in result.stderr and "Run 'make site'" in result.stderr
    assert sorted(p.name for p in (root / "site" / "downloads").iterdir()) == [ZIP_NAME], "offered as it is"
    spanish = (root / "site" / "es" / "index.html").read_text(encoding="utf-8")
    footer = spanish[spanish.index("hub-footer__offline"):spanish.index("hub-footer__licence")]
    assert re.findall(r'downloads/([^"]+)" download', footer) == [ZIP_NAME] and "todos los idiomas, generado" in footer


def test_a_copy_cut_short_stops_the_build_with_what_to_do(offline_zip, tmp_path):
    """An interrupted `make offline` left a zip the build could not open: a traceback (BadZipFile)."""
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / ZIP_NAME).write_bytes(offline_zip.read_bytes()[:50_000])
    root = make_repo(tmp_path / "repo", {"sample-report.md": resource()})
    result = run_build(root, env={"HUB_OFFLINE_DIST": str(dist)})
    said = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in said, said[-2000:]
    assert f"{dist / ZIP_NAME}: this offline copy cannot be read" in said and "run 'make offline'" in said
