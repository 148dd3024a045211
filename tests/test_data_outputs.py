"""The machine-readable outputs, each read back by an independent parser: Atom feeds (feedparser),
calendars (icalendar), the API (jsonschema, csv), page metadata (extruct) and the sitemap
(ElementTree). Expectations come from the catalogue, not from the code that wrote the files."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import extruct
import feedparser
import icalendar
import pytest
from jsonschema import Draft202012Validator, FormatChecker

from catalogue.load import load
from catalogue.offline import ROOT_FOLDER, ZIP_NAME
from catalogue.render import event_when_text
from conftest import BUILD_DATE_EPOCH, SAMPLE, licence_text, make_repo, mkdocs_config, resource, run_build, write
from htmlcheck import hub_pages, main_html, parse, read
from htmlcheck import text as page_text

SITE_URL = mkdocs_config()["site_url"]
LICENCE = mkdocs_config()["extra"].get("content_licence")  # as the partners chose it
HOST = urlsplit(SITE_URL).hostname
LANGUAGES = ("en", "es", "id", "vi", "th", "mn")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# The sample content says it is sample in every title read away from the site (feeds, calendars,
# citations, data files), in the title's language; the pages have their notice instead.
SAMPLE_WORDS = {"en": "Sample", "es": "Ejemplo", "id": "Contoh", "vi": "Mẫu", "th": "ตัวอย่าง", "mn": "Жишээ"}


def marked(title: str, lang: str = "en") -> str:
    return f"[{SAMPLE_WORDS[lang]}] {title}" if mkdocs_config()["extra"].get("sample_content") else title
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def catalogue():
    return load(SAMPLE)


def prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


def page_url(res, lang: str) -> str:
    return f"{SITE_URL}{prefix(lang)}{res.path_stem}/"


def local_file(site: Path, url: str) -> Path:
    """The built file an absolute address of the hub leads to."""
    assert url.startswith(SITE_URL), url
    path = url[len(SITE_URL):]
    return site / (path + "index.html" if path.endswith("/") or not path else path)


# -- feeds -----------------------------------------------------------------------------------

def expected_feeds(catalogue) -> dict[str, list]:
    """Feed path in a language's tree -> the resources it should list, newest first, at most 50."""
    wanted = {"feeds/all.xml": lambda r: True, "feeds/events.xml": lambda r: r.type == "event"}
    wanted.update({f"feeds/regions/{g}.xml": (lambda r, g=g: g in r.regions) for g in catalogue.regions})
    wanted.update({f"feeds/types/{t}.xml": (lambda r, t=t: r.type == t) for t in catalogue.types if t != "event"})
    wanted.update({f"feeds/topics/{t}.xml": (lambda r, t=t: t in r.topics) for t in catalogue.topics})
    newest = sorted(catalogue.resources, key=lambda r: (r.date, r.slug), reverse=True)
    return {path: [r for r in newest if keep(r)][:50] for path, keep in wanted.items()}


@functools.cache
def edits() -> dict:
    from catalogue.history import last_changed
    return last_changed(SAMPLE, "content")


def updated(res) -> dt.date:
    """A resource's publication date, or the last commit of one of its files if later."""
    return max([res.date] + [edits()[v.path] for v in res.versions.values() if v.path in edits()])


def test_a_resource_edited_after_it_was_published_says_so_in_feeds_calendars_and_the_api(real_site, catalogue):
    res = catalogue.by_slug("coronel-tocopilla-exchange-post-coal-local-development")
    assert updated(res) > res.date, "the sample's event page was edited after it was announced"
    record = next(r for r in api(real_site, "resources.json")["resources"] if r["slug"] == res.slug)
    assert record["modified"] == updated(res).isoformat()
    (event,) = icalendar.Calendar.from_ical((real_site / "calendar" / f"{res.slug}.ics").read_bytes()).walk("VEVENT")
    assert event["LAST-MODIFIED"].dt.date() == updated(res)


def test_every_feed_parses_and_lists_the_catalogue_in_the_readers_language(real_site, catalogue):
    renamed = 0
    for lang in LANGUAGES:
        for path, resources in expected_feeds(catalogue).items():
            feed = feedparser.parse((real_site / prefix(lang) / path).read_bytes())
            assert not feed.bozo, (lang, path, feed.get("bozo_exception"))
            assert feed.version == "atom10"
            assert feed.feed.title_detail.language == lang
            assert feed.feed.id == f"{SITE_URL}{prefix(lang)}{path}"
            assert feed.feed.get("rights") == (licence_text() or None)
            assert len(feed.entries) == len(resources), (lang, path)
            for entry, res in zip(feed.entries, resources, strict=True):
                version = res.versions.get(lang) or res.original
                assert entry.title == marked(version.title, version.lang) and entry.summary.endswith(version.summary)
                if res.is_event and res.start:  # when and where come first: the reader cannot see the page
                    assert entry.summary.startswith(f"{event_when_text(res, catalogue.translator(version.lang))} · "), entry.summary
                    assert (version.location or res.location) in entry.summary, "the place as that language names it"
                assert entry.title_detail.language == version.lang, "untranslated entries say their language"
                assert entry.link == page_url(res, version.lang)
                # an entry keeps the id it was first published with when its file is renamed: a feed
                # reader must not show it again as new (the sample's renamed case study)
                first = f"{SITE_URL}{prefix(version.lang)}resources/{res.former_names[0]}/" if res.former_names else entry.link
                assert entry.id == first, (entry.id, first)
                renamed += bool(res.former_names)
                assert entry.published_parsed[:3] == res.date.timetuple()[:3]
                assert entry.updated == f"{updated(res).isoformat()}T12:00:00Z", "its last edit, where git says"
                assert local_file(real_site, entry.link).is_file()
            if resources:
                assert feed.feed.updated == f"{max(updated(r) for r in resources).isoformat()}T12:00:00Z", "noon UTC"
            links = {link.rel: link.href for link in feed.feed.links}
            assert links["self"] == feed.feed.id and links["alternate"].startswith(SITE_URL)
            assert local_file(real_site, links["alternate"]).is_file()
    assert renamed, "the renamed case study is in some feed"


def test_feeds_are_capped_at_fifty_entries(real_site, catalogue):
    if len(catalogue.resources) <= 50:
        pytest.skip("the sample content has 50 resources or fewer")
    assert len(feedparser.parse((real_site / "feeds/all.xml").read_bytes()).entries) == 50


def feed_links(html: str) -> list[dict[str, str]]:
    return [link for link in parse(html).links
            if link["tag"] == "link" and link.get("rel") == "alternate" and link.get("type") == "application/atom+xml"]


@pytest.mark.parametrize("page, feed", [
    ("", "feeds/all.xml"), ("es/", "es/feeds/all.xml"), ("regions/colombia/", "feeds/regions/colombia.xml"),
    ("th/regions/thailand/", "th/feeds/regions/thailand.xml"), ("types/report/", "feeds/types/report.xml"),
    ("news/", "feeds/types/news.xml"), ("vi/news/", "vi/feeds/types/news.xml"), ("events/", "feeds/events.xml"),
    ("topics/skills/", "feeds/topics/skills.xml"), ("id/topics/finance/", "id/feeds/topics/finance.xml"),
    ("library/page/2/", None), ("about/", None), ("resources/hub-launch-cop28/", None),
])
def test_listing_pages_link_their_feed_in_the_head_and_visibly(real_site, page, feed):
    html = read(real_site, page)
    found = feed_links(html)
    visible = [a for a in parse(main_html(html)).links if a.get("type") == "application/atom+xml"]
    if feed is None:
        assert found == [] and visible == []
        return
    assert len(found) == 1 and found[0]["title"], page
    target = (real_site / page / found[0]["href"]).resolve()
    assert target == (real_site / feed).resolve() and target.is_file()
    assert [a["href"] for a in visible] == [found[0]["href"]]


# -- calendars -------------------------------------------------------------------------------

def events(catalogue):
    return [r for r in catalogue.resources if r.type == "event" and r.start is not None]


def test_a_renamed_event_keeps_its_calendar_uid(catalogue):
    """A calendar that subscribed to the events must not show a renamed event twice: its UID is
    made from the name it was first published under, which a move between folders keeps too."""
    import copy

    from catalogue.address import Site
    from catalogue.ics import vevent

    site = Site(SITE_URL)
    event = copy.copy(events(catalogue)[0])
    assert f"UID:{event.slug}@{HOST}" in vevent(event, site, catalogue.today)
    event.former_names = ["workshops/first-announced-name", "second-name"]
    assert f"UID:first-announced-name@{HOST}" in vevent(event, site, catalogue.today)


def test_a_renamed_events_calendar_stays_at_its_former_address_online(catalogue, tmp_path):
    """A link to an event's calendar file (in a newsletter, an invitation) keeps working after the
    event's file is renamed: the hub writes the same calendar, the same event, at the old address
    too; the offline copy, which no outside link leads into, does not."""
    import copy

    from catalogue.address import Site
    from catalogue.ics import write_calendars

    renamed = copy.copy(events(catalogue)[0])
    renamed.former_names = ["workshops/first-announced-name"]
    catalogue = copy.copy(catalogue)
    catalogue.resources = [renamed if r is events(catalogue)[0] else r for r in catalogue.resources]
    online, offline = tmp_path / "online", tmp_path / "offline"
    write_calendars(catalogue, Site(SITE_URL), online, former_addresses=True)
    write_calendars(catalogue, Site(SITE_URL), offline)
    current = (online / f"calendar/{renamed.slug}.ics").read_bytes()
    assert (online / "calendar/first-announced-name.ics").read_bytes() == current
    assert f"UID:first-announced-name@{HOST}".encode() in current
    assert not (offline / "calendar/first-announced-name.ics").exists()
    assert sorted(p.name for p in online.glob("calendar/*")) == sorted(
        [p.name for p in offline.glob("calendar/*")] + ["first-announced-name.ics"])


def test_each_event_calendar_has_the_front_matter_times_and_zones(real_site, catalogue):
    assert events(catalogue)
    for res in events(catalogue):
        data = (real_site / "calendar" / f"{res.slug}.ics").read_bytes()
        check_lines(data)
        cal = icalendar.Calendar.from_ical(data)
        (event,) = cal.walk("VEVENT")
        assert str(event["UID"]) == f"{res.slug}@{HOST}"
        assert str(event["SUMMARY"]) == marked(res.title, res.lang)
        # the summary, then the links a reader needs on the day, named in the event's language
        links = [f"{label}: {url}" for label, url in (("Register", res.registration), ("Watch the livestream", res.livestream),
                                                       ("Watch the recording", res.recording)) if url]
        assert str(event["DESCRIPTION"]) == res.summary + ("\n\n" + "\n".join(links) if links else ""), res.slug
        assert str(event["LOCATION"]) == res.location
        assert str(event["URL"]) == page_url(res, res.lang)
        # the build's date: a later build's copy of a changed event supersedes the imported one
        assert event["DTSTAMP"].dt == dt.datetime.fromtimestamp(int(BUILD_DATE_EPOCH), dt.UTC)
        assert "METHOD" not in cal, "files to import, not scheduling messages (PUBLISH needs an ORGANIZER)"
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        if res.all_day:
            assert start == res.start and not isinstance(start, dt.datetime)
            assert end == (res.end or res.start) + dt.timedelta(days=1), "DTEND is the day after the last day"
            continue
        assert start.astimezone(dt.UTC) == res.start.astimezone(dt.UTC)
        assert end.astimezone(dt.UTC) == res.end.astimezone(dt.UTC)
        if res.timezone:
            assert event["DTSTART"].params["TZID"] == res.timezone
            (zone,) = cal.walk("VTIMEZONE")
            assert str(zone["TZID"]) == res.timezone
            # The VTIMEZONE alone (not the zone database) must put the event at the same instant
            own = zone.to_tz(lookup_tzid=False)
            local = start.replace(tzinfo=None)
            assert local.replace(tzinfo=own).astimezone(dt.UTC) == res.start.astimezone(dt.UTC)


def test_daylight_saving_is_described_by_the_vtimezone():
    from catalogue.ics import vtimezone

    berlin = icalendar.Calendar.from_ical("\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:test",
                                                       *vtimezone("Europe/Berlin", 2024, 2024), "END:VCALENDAR"]))
    zone = berlin.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    assert dt.datetime(2024, 10, 8, 14, tzinfo=zone).utcoffset() == dt.timedelta(hours=2)
    assert dt.datetime(2024, 12, 9, 14, tzinfo=zone).utcoffset() == dt.timedelta(hours=1)
    assert {c.name for c in berlin.walk() if c.name in ("STANDARD", "DAYLIGHT")} == {"STANDARD", "DAYLIGHT"}


def test_the_calendar_of_all_events_lists_each_once(real_site, catalogue):
    data = (real_site / "calendar" / "events.ics").read_bytes()
    check_lines(data)
    cal = icalendar.Calendar.from_ical(data)
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert sorted(uids) == sorted(f"{r.slug}@{HOST}" for r in events(catalogue))
    zones = {str(z["TZID"]) for z in cal.walk("VTIMEZONE")}
    assert zones == {r.timezone for r in events(catalogue) if r.timezone and not r.all_day}
    # a subscribed calendar asks again daily (RFC 7986; Outlook reads X-PUBLISHED-TTL): a moved event reaches it
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\n" in data and b"\r\nX-PUBLISHED-TTL:P1D\r\n" in data


def test_long_lines_fold_between_characters_and_zoneless_events_are_in_utc():
    from catalogue.address import Site
    from catalogue.ics import calendar
    from catalogue.model import Resource, Version

    title = "การประชุม, เชิงปฏิบัติการ; " * 6
    start = dt.datetime(2027, 1, 5, 9, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    event = Resource(slug="zoneless", folder="", lang="th", type="event", regions=["thailand"], topics=["skills"],
                     partners=["ilo"], date=dt.date(2026, 12, 1), languages=["th"], start=start,
                     end=start + dt.timedelta(hours=3), location="Lampang,\nThailand",
                     versions={"th": Version("th", title, "Line one\nline two", "", "x.th.md", "resources/x.th.md")})
    data = calendar([event], Site(SITE_URL), "Test", dt.date(2026, 12, 2))
    check_lines(data)
    (parsed,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(parsed["SUMMARY"]) == title and str(parsed["DESCRIPTION"]) == "Line one\nline two"
    assert "TZID" not in parsed["DTSTART"].params and parsed["DTSTART"].dt == start
    assert b"DTSTART:20270105T020000Z" in data


def check_lines(data: bytes) -> None:
    """CRLF after every line, and no line longer than 75 octets (RFC 5545 3.1)."""
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in data.split(b"\r\n")) <= 75


def test_event_pages_offer_the_calendar_until_the_event_is_over(real_site):
    from catalogue.enrich import is_past, last_day

    built = load(SAMPLE, today=dt.datetime.fromtimestamp(int(BUILD_DATE_EPOCH), dt.UTC).date())
    assert {is_past(res, built.today) for res in events(built)} == {True, False}
    for res in events(built):
        html = main_html(read(real_site, f"{prefix(res.lang)}{res.path_stem}/"))
        links = [a["href"] for a in parse(html).links if a["href"].endswith(".ics")]
        if is_past(res, built.today):  # over at the build: nothing to put in a calendar, nor to watch live
            assert links == [] and (not res.livestream or res.livestream not in html), res.slug
        else:  # hub.js hides the link after the event's last day, in a copy read later
            assert links == [f"../../calendar/{res.slug}.ics"], res.slug
            assert f'<li data-until="{last_day(res).isoformat()}"><a href="../../calendar/{res.slug}.ics" download' in html


# -- API -------------------------------------------------------------------------------------

def api(site: Path, name: str):
    return json.loads((site / "api/v1" / name).read_text(encoding="utf-8"))


def test_resources_json_matches_its_published_schema_and_the_catalogue(real_site, catalogue):
    document = api(real_site, "resources.json")
    schema = api(real_site, "schema/resources.json.schema.json")
    Draft202012Validator.check_schema(schema)
    Draft202012Validator(schema, format_checker=FormatChecker()).validate(document)
    # published open to new fields (v1's fields only grow); the files hold no field it does not describe
    from catalogue.address import Site
    from catalogue.api import resources_schema

    assert '"additionalProperties": false' not in json.dumps(schema)
    Draft202012Validator(resources_schema(Site(SITE_URL)), format_checker=FormatChecker()).validate(document)
    assert document["schema_version"].startswith("1.") and document["generated"] == "2026-11-28"
    assert document["licence"] == ({"name": LICENCE["name"], "url": LICENCE["url"]} if LICENCE else None)
    assert document["counts"]["resources"] == len(catalogue.resources) == len(document["resources"])
    assert document["counts"]["events"] == sum(r.type == "event" for r in catalogue.resources)
    assert sum(document["counts"]["by_type"].values()) == len(catalogue.resources)
    by_slug = {r["slug"]: r for r in document["resources"]}
    assert [r["slug"] for r in document["resources"]] == [r.slug for r in catalogue.resources]
    for res in catalogue.resources:
        record = by_slug[res.slug]
        assert record["type"]["id"] == res.type and [x["id"] for x in record["regions"]] == res.regions
        assert [x["id"] for x in record["topics"]] == res.topics
        assert [x["id"] for x in record["partners"]] == res.partners
        assert record["date"] == res.date.isoformat() and record["authors"] == res.authors
        assert set(record["versions"]) == set(res.versions)
        for lang, version in record["versions"].items():
            assert version["title"] == marked(res.versions[lang].title, lang)
            assert local_file(real_site, version["page"]).is_file()
            assert local_file(real_site, version["bibtex"]).is_file()
            assert local_file(real_site, version["ris"]).is_file()
        assert [f["size"] for f in record["files"]] == [f.size for f in res.files]
        if res.type == "event":
            assert record["event"]["start"] == res.start.isoformat()
            assert record["event"]["timezone"] == (res.timezone or None)
            assert local_file(real_site, record["event"]["calendar"]).is_file()
        else:
            assert record["event"] is None


def test_region_files_hold_the_region_and_its_resources(real_site, catalogue):
    from catalogue.address import Site
    from catalogue.api import region_schema

    schema = api(real_site, "schema/region.json.schema.json")
    Draft202012Validator.check_schema(schema)
    for region_id in catalogue.regions:
        document = api(real_site, f"regions/{region_id}.json")
        Draft202012Validator(schema, format_checker=FormatChecker()).validate(document)
        Draft202012Validator(region_schema(Site(SITE_URL)), format_checker=FormatChecker()).validate(document)
        mine = [r.slug for r in catalogue.resources if region_id in r.regions]
        assert document["region"]["id"] == region_id and document["counts"]["resources"] == len(mine)
        assert [r["slug"] for r in document["resources"]] == mine


def test_the_readme_explains_every_column_of_the_csv():
    from catalogue.api import CSV_COLUMNS
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `api/v1/resources.csv` |"))
    assert [column for column in CSV_COLUMNS if f"`{column}`" not in row.split("Columns:")[1]] == []


def test_the_vocabulary_names_every_id_in_each_language_that_has_a_name(real_site, catalogue):
    """A Spanish or Thai site showing the hub's data needs the labels its readers read: the resources
    give ids, and their labels were English only."""
    schema = api(real_site, "schema/vocabulary.json.schema.json")
    Draft202012Validator.check_schema(schema)
    document = api(real_site, "vocabulary.json")
    Draft202012Validator(schema, format_checker=FormatChecker()).validate(document)
    assert set(document["types"]) == set(catalogue.types) and set(document["topics"]) == set(catalogue.topics)
    assert set(document["regions"]) == set(catalogue.regions) and set(document["organisations"]) == set(catalogue.organisations)
    assert document["types"]["report"]["label"]["es"] == "Informe" and document["topics"]["skills"]["label"]["th"]
    assert document["regions"]["thailand"]["name"]["th"] == "ประเทศไทย"
    assert local_file(real_site, document["regions"]["thailand"]["data"]).is_file()
    ilo = document["organisations"]["ilo"]
    assert ilo["short_name"]["es"] == "OIT" and ilo["name"]["es"] == "Organización Internacional del Trabajo"
    assert document["organisations"]["giz"]["name"]["de"].startswith("Deutsche Gesellschaft"), "official, in its language"
    assert document["languages"]["th"] == "ไทย"


def test_published_front_matter_schema_knows_the_real_ids(real_site, catalogue):
    schema = api(real_site, "schema/resource.schema.json")
    assert schema["$id"] == f"{SITE_URL}api/v1/schema/resource.schema.json"
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    for res in catalogue.resources:
        validator.validate({k: v for k, v in res.meta.items() if not k.startswith("_")})
    sample = {k: v for k, v in catalogue.resources[0].meta.items() if not k.startswith("_")}
    for key, bad in (("region", ["atlantis"]), ("region", "atlantis"), ("type", "novel"), ("topic", ["x"]),
                     ("partner", "acme")):
        assert not validator.is_valid(dict(sample, **{key: bad})), (key, bad)


def test_csv_has_one_row_per_resource_with_lists_joined(real_site, catalogue):
    raw = (real_site / "api/v1/resources.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a byte-order mark, for spreadsheets"
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == len(catalogue.resources)
    for row, res in zip(rows, catalogue.resources, strict=True):
        assert row["slug"] == res.slug and row["title"] == marked(res.title, res.lang) and row["date"] == res.date.isoformat()
        assert row["regions"].split(";") == res.regions and row["topics"].split(";") == res.topics
        assert row["page"] == page_url(res, res.lang)


def test_csv_cells_cannot_start_a_formula():
    from catalogue.api import cell

    assert cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")" and cell(["a", "b"]) == "a;b" and cell(None) == ""


def test_the_offline_copy_carries_the_data_files(real_site):
    with zipfile.ZipFile(real_site / "downloads" / ZIP_NAME) as archive:
        names = set(archive.namelist())
    for name in ("api/v1/resources.json", "api/v1/resources.csv", "calendar/events.ics", "citations/hub-launch-cop28.bib"):
        assert f"{ROOT_FOLDER}/{name}" in names, name
    assert f"{ROOT_FOLDER}/feeds/all.xml" not in names, "its pages link to the online feeds (tests/test_offline.py)"


# -- citations -------------------------------------------------------------------------------

def test_resource_pages_suggest_a_citation_and_offer_bibtex_and_ris(real_site, catalogue):
    res = catalogue.by_slug("iki-jet-annual-review-2025")
    html = main_html(read(real_site, f"{res.path_stem}/"))
    citation = re.search(r'<p class="hub-citation">(.*?)</p>', html).group(1)
    # published elsewhere: cited at its own address, the hub's page beside it
    assert res.url and citation == (f"{', '.join(res.authors)} ({res.date.year}). {marked(res.title)}. {res.url} "
                                    f"(JET Coal Regions Knowledge Hub: {page_url(res, 'en')})")
    links = {a["href"] for a in parse(html).links}
    assert {f"../../citations/{res.slug}.bib", f"../../citations/{res.slug}.ris"} <= links
    bib = (real_site / "citations" / f"{res.slug}.bib").read_text(encoding="utf-8")
    assert bib.startswith(f"@techreport{{{res.slug},") and bib.count("{") == bib.count("}")
    assert f"title = {{{{{marked(res.title)}}}}}" in bib and f"url = {{{res.url}}}" in bib
    assert f"note = {{JET Coal Regions Knowledge Hub: {page_url(res, 'en')}}}" in bib
    ris = (real_site / "citations" / f"{res.slug}.ris").read_bytes().decode("utf-8")
    lines = ris.split("\r\n")
    assert lines[0] == "TY  - RPRT" and lines[-2] == "ER  - " and f"TI  - {marked(res.title)}" in lines
    assert f"UR  - {res.url}" in lines and f"N1  - JET Coal Regions Knowledge Hub: {page_url(res, 'en')}" in lines
    translated = catalogue.by_slug("coronel-path-after-coal-power")
    es = main_html(read(real_site, f"es/{translated.path_stem}/"))
    assert translated.versions["es"].title in es and "Centro de Conocimiento JET" in es
    bib = (real_site / "es/citations" / f"{translated.slug}.bib").read_text(encoding="utf-8")
    assert f"title = {{{{{marked(translated.versions['es'].title, 'es')}}}}}" in bib


def test_a_publication_of_the_hub_itself_is_cited_at_its_page(tmp_path):
    """Without an address of its own (an op-ed written for the hub), the hub is where it is published."""
    from catalogue.address import Site
    from catalogue.citations import bibtex, citation, ris, suggested
    from catalogue.load import load

    root = make_repo(tmp_path, {"hub-view.md": resource(title="Why coal towns need a say", type="op-ed"),
                                "elsewhere.md": resource(title="A view from Lampang", type="op-ed",
                                                         extra="url: https://example.org/lampang-view\n")})
    catalogue = load(root)
    site = Site(SITE_URL, "en")
    own, other = (citation(catalogue, catalogue.by_slug(slug), "en", site) for slug in ("hub-view", "elsewhere"))
    assert suggested(own).endswith(f"Why coal towns need a say. JET Coal Regions Knowledge Hub. {SITE_URL}resources/hub-view/")
    assert "journal = {JET Coal Regions Knowledge Hub}" in bibtex(own) and "T2  - JET Coal Regions Knowledge Hub" in ris(own)
    assert bibtex(other).startswith("@misc{elsewhere,"), "its journal is not the hub"
    assert f"howpublished = {{JET Coal Regions Knowledge Hub: {SITE_URL}resources/elsewhere/}}" in bibtex(other)
    assert "url = {https://example.org/lampang-view}" in bibtex(other) and "journal" not in bibtex(other)


def citation_tags(site: Path, page: str) -> list[tuple[str, str]]:
    head = read(site, page).split("</head>")[0]
    return [(name, unescape(content)) for name, content in re.findall(r'<meta name="(citation_\w+)" content="([^"]*)">', head)]


def test_resource_pages_carry_citation_meta_for_reference_managers(real_site, catalogue):
    res = catalogue.by_slug("iki-jet-annual-review-2025")
    tags = citation_tags(real_site, f"{res.path_stem}/")
    assert tags[:2] == [("citation_title", marked(res.title)), ("citation_author", res.authors[0])], "the same names as its .bib"
    found = dict(tags)
    assert found["citation_publication_date"] == res.date.strftime("%Y/%m/%d") and found["citation_language"] == "en"
    publishers = ", ".join(org.short_name for org in catalogue.creators(res))
    assert found["citation_technical_report_institution"] == publishers == found["citation_publisher"]
    assert "citation_pdf_url" not in found, "no PDF attached"
    # a tool with a PDF: the PDF's public address, and the file is in the site
    tool = catalogue.by_slug("mine-closure-planning-checklist")
    found = dict(citation_tags(real_site, f"{tool.path_stem}/"))
    assert found["citation_pdf_url"] == SITE_URL + "files/mine-closure-planning-checklist.pdf"
    assert (real_site / "files/mine-closure-planning-checklist.pdf").is_file()
    authors = [content for name, content in citation_tags(real_site, f"{tool.path_stem}/") if name == "citation_author"]
    assert authors == tool.authors and len(authors) > 1, "one tag per author"
    # a translation cites itself, in its language
    translated = catalogue.by_slug("coronel-path-after-coal-power")
    found = dict(citation_tags(real_site, f"es/{translated.path_stem}/"))
    assert found["citation_title"] == marked(translated.versions["es"].title, "es") and found["citation_language"] == "es"
    # events and listings are not cited
    event = next(r for r in catalogue.resources if r.is_event)
    assert citation_tags(real_site, f"{event.path_stem}/") == []
    assert citation_tags(real_site, "regions/colombia/") == [] and citation_tags(real_site, "") == []


# -- page metadata ---------------------------------------------------------------------------

def metadata(site: Path, page: str) -> tuple[list[dict], dict[str, list[str]]]:
    html = read(site, page)
    found = extruct.extract(html, base_url=SITE_URL + page, syntaxes=["json-ld", "opengraph"])
    og: dict[str, list[str]] = {}
    for block in found["opengraph"]:
        for key, value in block["properties"]:
            og.setdefault(key, []).append(value)
    return found["json-ld"], og


@pytest.mark.parametrize("page, schema_type, og_type", [
    ("", "WebSite", "website"), ("es/", "WebSite", "website"), ("regions/colombia/", "Place", "website"),
    ("organisations/ilo/", "Organization", "website"), ("resources/hub-launch-cop28/", "Event", "article"),
    ("resources/iki-jet-annual-review-2025/", "Report", "article"), ("news/", "CollectionPage", "website"),
    ("about/", "WebPage", "website"),
])
def test_pages_describe_themselves_with_json_ld_and_open_graph(real_site, page, schema_type, og_type):
    json_ld, og = metadata(real_site, page)
    assert [item["@type"] for item in json_ld] == [schema_type]
    assert og["og:type"] == [og_type] and og["og:url"] == [SITE_URL + page]
    sample = mkdocs_config()["extra"].get("sample_content")
    assert og["og:title"][0].startswith(marked("", "es" if page.startswith("es/") else "en")), "a link preview says 'sample'"
    assert og["og:description"][0] and og["og:site_name"][0]
    assert ('<meta name="robots" content="noindex">' in read(real_site, page)) == bool(sample), "search engines skip samples"
    assert og["og:locale"][0].startswith("es_" if page.startswith("es/") else "en_")
    canonical = [a["href"] for a in parse(read(real_site, page)).links if a.get("rel") == "canonical"]
    assert canonical == [SITE_URL + page]


def test_types_of_resource_pages_follow_schema_org(real_site, catalogue):
    expected = {"report": "Report", "research": "ScholarlyArticle", "news": "NewsArticle", "event": "Event",
                "guide": "CreativeWork"}
    for type_id, schema_type in expected.items():
        res = next(r for r in catalogue.resources if r.type == type_id and r.lang == "en")
        (item,) = metadata(real_site, f"{res.path_stem}/")[0]
        assert item["@type"] == schema_type and item["name"] == marked(res.title) and item["url"] == page_url(res, "en")


def test_event_json_ld_has_times_place_and_attendance_mode(real_site, catalogue):
    res = catalogue.by_slug("hub-launch-cop28")
    (item,) = metadata(real_site, f"{res.path_stem}/")[0]
    assert item["startDate"] == res.start.isoformat() and item["endDate"] == res.end.isoformat()
    assert item["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert {place["@type"] for place in item["location"]} == {"Place", "VirtualLocation"}
    online = next(r for r in events(catalogue) if r.location == "Online")
    (item,) = metadata(real_site, f"{online.path_stem}/")[0]
    assert item["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert item["location"]["@type"] == "VirtualLocation"
    # where to take part: the livestream, else the registration, else the hub's page
    assert item["location"]["url"] == (online.livestream or online.registration or page_url(online, online.lang))
    assert any(r.registration and not r.livestream for r in events(catalogue) if r.location == "Online"), "the sample has one"


def test_translations_are_announced_to_open_graph(real_site, catalogue):
    res = catalogue.by_slug("coronel-path-after-coal-power")
    _, og = metadata(real_site, f"{res.path_stem}/")
    assert og["og:locale"] == ["en_GB"] and og["og:locale:alternate"] == ["es_ES"]
    _, og = metadata(real_site, f"es/{res.path_stem}/")
    assert og["og:locale"] == ["es_ES"] and og["og:locale:alternate"] == ["en_GB"]


def test_alternate_links_stay_on_the_hub_and_translations_are_absolute(real_site):
    """No alternate may lead to another host; search engines want the translations (hreflang)
    as full addresses."""
    seen = 0
    for page in real_site.rglob("*.html"):
        for link in parse(page.read_text(encoding="utf-8")).links:
            if link["tag"] == "link" and link.get("rel") == "alternate":
                seen += 1
                parts = urlsplit(link["href"])
                assert not parts.scheme or link["href"].startswith(SITE_URL), (page, link["href"])
                if link.get("hreflang"):
                    assert link["href"].startswith(SITE_URL), (page, link["href"])
                    assert "/./" not in link["href"] and local_file(real_site, link["href"]).is_file(), (page, link["href"])
    assert seen


def test_a_renamed_resource_keeps_its_former_address_in_each_of_its_languages(real_site, catalogue):
    """The sample's case study was renamed (former_names in its front matter): a link to its old
    address, in either of its languages, still leads to it, for a browser, a search engine and a
    reader whose browser ignores refreshes; the API lists the old addresses for those who keep
    links. The sitemap leaves them out (test_sitemap_lists_every_page_with_its_translations_only)."""
    moved = catalogue.by_slug("coronel-path-after-coal-power")
    assert moved.former_names == ["coronel-after-coal-case-study"] and set(moved.versions) == {"en", "es"}
    for lang in ("en", "es"):
        old = f"{prefix(lang)}resources/coronel-after-coal-case-study/"
        html = (real_site / old / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html
        assert '<meta http-equiv="refresh" content="0; url=../coronel-path-after-coal-power/">' in html
        assert f'<link rel="canonical" href="{page_url(moved, lang)}">' in html
        assert '<meta name="robots" content="noindex">' in html
        title = moved.versions[lang].title
        link = next(a for a in parse(html).links if a["tag"] == "a")
        assert link["href"] == "../coronel-path-after-coal-power/", link
        assert title in page_text(html) and ("has moved" if lang == "en" else "se ha trasladado") in page_text(html)
    assert not (real_site / "th/resources/coronel-after-coal-case-study").exists(), "no Thai version, no Thai page"
    api = json.loads((real_site / "api/v1/resources.json").read_text(encoding="utf-8"))
    versions = next(r for r in api["resources"] if r["slug"] == moved.slug)["versions"]
    assert {lang: v["former_pages"] for lang, v in versions.items()} == {
        lang: [f"{SITE_URL}{prefix(lang)}resources/coronel-after-coal-case-study/"] for lang in ("en", "es")}
    assert all(v["former_pages"] == [] for r in api["resources"] if r["slug"] != moved.slug for v in r["versions"].values())
    # a researcher's saved citation link too: the same entry, under the key it was first published with
    for lang in ("en", "es"):
        for extension in ("bib", "ris"):
            now = (real_site / f"{prefix(lang)}citations/{moved.slug}.{extension}").read_bytes()
            assert (real_site / f"{prefix(lang)}citations/coronel-after-coal-case-study.{extension}").read_bytes() == now
    assert (real_site / "citations/coronel-path-after-coal-power.bib").read_text(encoding="utf-8").startswith(
        "@techreport{coronel-after-coal-case-study,"), "a reference manager sees the same entry, not a new one"


def test_every_folder_of_a_pages_address_leads_to_a_page(real_site):
    """A reader who shortens an address by hand (resources/ from a resource's, library/page/ from
    the library's second page) lands on a listing, in the address's language, not on a missing page."""
    for page in hub_pages(real_site, "index.html"):
        for folder in page.relative_to(real_site).parents:
            assert (real_site / folder / "index.html").is_file(), f"{folder}/ (above {page.relative_to(real_site)})"
    library = {lang: ("Library" if lang == "en" else "Biblioteca" if lang == "es" else None) for lang in LANGUAGES}
    for lang in LANGUAGES:
        for folder, link in (("resources/", "../library/"), ("library/page/", "../")):
            html = (real_site / prefix(lang) / folder / "index.html").read_text(encoding="utf-8")
            assert f'<html lang="{lang}">' in html and '<meta name="robots" content="noindex">' in html
            assert f'<meta http-equiv="refresh" content="0; url={link}">' in html
            assert f'<link rel="canonical" href="{SITE_URL}{prefix(lang)}library/">' in html
            (anchor,) = [a for a in parse(html).links if a["tag"] == "a"]
            assert anchor["href"] == link
            if library[lang]:
                assert page_text(html).endswith(f"{'listed here' if lang == 'en' else 'se enumeran aquí'}: {library[lang]}")


# -- sitemap ---------------------------------------------------------------------------------

def test_sitemap_lists_every_page_with_its_translations_only(real_site, catalogue):
    root = ET.parse(real_site / "sitemap.xml").getroot()
    entries = {u.findtext(f"{SITEMAP}loc"): {x.get("hreflang"): x.get("href") for x in u.findall(f"{XHTML}link")}
               for u in root.findall(f"{SITEMAP}url")}
    folders = {p.parent.relative_to(real_site).as_posix() for p in hub_pages(real_site, "index.html")}
    pages = {SITE_URL + ("" if folder == "." else folder + "/") for folder in folders}
    assert set(entries) == pages
    translated = catalogue.by_slug("coronel-path-after-coal-power")
    assert entries[page_url(translated, "en")] == {"en": page_url(translated, "en"), "es": page_url(translated, "es")}
    assert entries[page_url(translated, "es")]["en"] == page_url(translated, "en")
    english_only = next(r for r in catalogue.resources if list(r.versions) == ["en"])
    assert set(entries[page_url(english_only, "en")]) <= {"en"}, "no alternates for an English-only resource"
    assert page_url(english_only, "es") not in entries, "no untranslated copies"
    assert set(entries[SITE_URL]) == set(LANGUAGES)



def _git(repo: Path, *args: str, date: str | None = None) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Sample", GIT_AUTHOR_EMAIL="sample@example.org",
               GIT_COMMITTER_NAME="Sample", GIT_COMMITTER_EMAIL="sample@example.org")
    if date:
        env.update(GIT_AUTHOR_DATE=f"{date}T12:00:00+00:00", GIT_COMMITTER_DATE=f"{date}T12:00:00+00:00")
    return subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True, text=True).stdout


def lastmods(site: Path) -> dict[str, str | None]:
    root = ET.parse(site / "sitemap.xml").getroot()
    return {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in root.findall(f"{SITEMAP}url")}


def test_sitemap_dates_a_page_by_the_last_commit_of_its_file_and_leaves_the_rest_undated(tmp_path):
    repo = make_repo(tmp_path / "repo", {"old-report.md": resource("Old report"),
                                         "edited-report.md": resource("Edited report")})
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "First", date="2025-03-04")
    edited = repo / "content" / "resources" / "edited-report.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "One more line.\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "Edit", date="2026-02-01")
    write(repo / "content" / "resources" / "new-report.md", resource("New report"))  # not committed yet
    site = tmp_path / "site"
    result = run_build(repo, site)
    assert result.returncode == 0, result.stdout + result.stderr
    dates = lastmods(site)
    assert dates[SITE_URL + "resources/old-report/"] == "2025-03-04"
    assert dates[SITE_URL + "resources/edited-report/"] == "2026-02-01"
    assert dates[SITE_URL + "about/"] == "2025-03-04"
    assert dates[SITE_URL + "resources/new-report/"] is None, "a file git does not know has no date"
    assert dates[SITE_URL] is None and dates[SITE_URL + "regions/colombia/"] is None, "generated pages have none"
    assert "2026-11-28" not in dates.values(), "never the build date"

    shallow = tmp_path / "shallow"  # one commit holds every file: its date would be wrong for most
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True)
    result = run_build(shallow, tmp_path / "site-shallow")
    assert result.returncode == 0, result.stdout + result.stderr
    assert set(lastmods(tmp_path / "site-shallow").values()) == {None}


def test_the_packed_sitemap_is_stamped_with_its_newest_page_however_the_languages_were_built(tmp_path):
    """sitemap.xml.gz carries the date of the newest page it lists, as MkDocs stamps it for one
    build, whether the languages were built in two processes or one after another; a Spanish page
    committed after the build date is the newest here."""
    import gzip

    repo = make_repo(tmp_path / "repo", {"old-report.md": resource("Old report")})
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "First", date="2025-03-04")
    about = repo / "content" / "about.es.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nUna línea más.\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "Edit", date="2026-12-05")
    packed = []
    for name, env in (("parallel", {}), ("sequential", {"HUB_SEQUENTIAL_BUILD": "1"})):
        result = run_build(repo, tmp_path / name, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        data = (tmp_path / name / "sitemap.xml.gz").read_bytes()
        assert gzip.decompress(data) == (tmp_path / name / "sitemap.xml").read_bytes(), name
        stamp = dt.datetime.fromtimestamp(int.from_bytes(data[4:8], "little"), dt.UTC)
        assert stamp == dt.datetime(2026, 12, 5, tzinfo=dt.UTC), (name, stamp)
        packed.append(data)
    assert packed[0] == packed[1]
    assert lastmods(tmp_path / "parallel")[SITE_URL + "es/about/"] == "2026-12-05"


# -- hostile titles --------------------------------------------------------------------------

# What the validator lets through in a title (it refuses tags, closed or not) and every writer must
# still escape: '</' may end a script element (JSON-LD), '<!--' opens a comment, quotes end
# attributes. A link may hold '</script>' itself: its characters are all allowed in an address.
HOSTILE = 'Coal </ <!-- & "quotes"'
HOSTILE_EVENT = 'Coal; workshop, </ <!-- & "quotes"'
HOSTILE_URL = 'https://example.org/?q="></script><!--'



class _Title(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside, self.text = False, ""

    def handle_starttag(self, tag, attrs):
        self.inside = tag == "title"

    def handle_endtag(self, tag):
        self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.text += data


def title_of(html: str) -> str:
    parser = _Title()
    parser.feed(html)
    return parser.text.strip()


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    body = "A plain body.\n"
    report = (resource(title=json.dumps(HOSTILE), date="2026-05-01", extra=f"url: {json.dumps(HOSTILE_URL)}\n")
              .split("---\nBody")[0] + "---\n" + body)
    event = resource(title=json.dumps(HOSTILE_EVENT), type="event", date="2026-04-01", extra="""\
        start: 2027-03-27T09:00:00+01:00
        end: 2027-03-28T17:00:00+02:00
        timezone: Europe/Berlin
        location: "Berlin; Germany, and online"
        """).split("---\nBody")[0] + "---\n" + body
    root = make_repo(tmp_path_factory.mktemp("hostile") / "repo", {"hostile.md": report, "hostile-event.md": event})
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_hostile_titles_are_escaped_everywhere_they_are_written(hostile_site):
    html = read(hostile_site, "resources/hostile/")
    assert "</ <!--" not in html and "</script><!--" not in html
    assert title_of(html) == f"{HOSTILE} - JET Coal Regions Knowledge Hub"
    json_ld, og = metadata(hostile_site, "resources/hostile/")
    assert json_ld[0]["name"] == marked(HOSTILE) and og["og:title"] == [marked(HOSTILE)]
    for page in ("", "es/"):
        feed = feedparser.parse((hostile_site / page / "feeds/all.xml").read_bytes())
        assert not feed.bozo and {e.title for e in feed.entries} == {marked(HOSTILE), marked(HOSTILE_EVENT)}
    records = {r["slug"]: r for r in api(hostile_site, "resources.json")["resources"]}
    assert records["hostile"]["versions"]["en"]["title"] == marked(HOSTILE)


def test_hostile_event_survives_calendar_escaping_and_a_daylight_saving_change(hostile_site):
    html = read(hostile_site, "resources/hostile-event/")
    assert title_of(html) == f"{HOSTILE_EVENT} - JET Coal Regions Knowledge Hub"
    assert metadata(hostile_site, "resources/hostile-event/")[0][0]["name"] == marked(HOSTILE_EVENT)
    when = re.sub(r"\s+", " ", re.search(r'<time class="hub-event-time"[^>]*>(.*?)</time>', html).group(1))
    assert when == "27 Mar 2027, 09:00 (UTC+01:00) – 28 Mar 2027, 17:00 (UTC+02:00, Berlin)", "each moment its offset"
    data = (hostile_site / "calendar/hostile-event.ics").read_bytes()
    check_lines(data)
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == marked(HOSTILE_EVENT) and str(event["LOCATION"]) == "Berlin; Germany, and online"
    assert event["DTSTART"].dt.utcoffset() == dt.timedelta(hours=1), "before the change to summer time"
    assert event["DTEND"].dt.utcoffset() == dt.timedelta(hours=2), "after it"


# -- credits, places and names the data users reported ---------------------------------------

def test_funders_are_credited_as_funders_not_as_authors(real_site, catalogue):
    res = catalogue.by_slug("south-sumatra-workshop-economic-diversification-beyond-coal")
    assert {"giz", "iisd", "bmwk"} == set(res.partners) and not res.authors
    bib = (real_site / "citations" / f"{res.slug}.bib").read_text(encoding="utf-8")
    ris = (real_site / "citations" / f"{res.slug}.ris").read_text(encoding="utf-8")
    assert "author = {{GIZ} and {IISD}}" in bib and "BMWK" not in bib and "BMWK" not in ris
    entry = next(e for e in feedparser.parse((real_site / "feeds/all.xml").read_bytes()).entries if e.id.endswith(f"/{res.slug}/"))
    assert [a.name for a in entry.authors] == ["GIZ", "IISD"]
    (data,), _ = metadata(real_site, f"resources/{res.slug}/")
    assert [o["alternateName"] for o in data["organizer"]] == ["GIZ", "IISD"]
    assert [o["alternateName"] for o in data["funder"]] == ["BMWK"]
    record = next(r for r in api(real_site, "resources.json")["resources"] if r["slug"] == res.slug)
    assert "license" not in data, "the publication keeps its publisher's terms: the hub's licence is for its own texts"
    assert [(p["id"], p["credited_as"]) for p in record["partners"]] == [("giz", "creator"), ("iisd", "creator"),
                                                                          ("bmwk", "funder")]
    with (real_site / "api/v1/resources.csv").open(encoding="utf-8-sig", newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["slug"] == res.slug)
    assert row["partner_names"] == "GIZ;IISD;BMWK" and row["funder_names"] == "BMWK"


def test_bibtex_names_the_hub_once_and_the_language_as_biblatex_does(real_site, catalogue):
    for path in (real_site / "citations").glob("*.bib"):
        bib = path.read_text(encoding="utf-8")
        # once: where it is published, or where a publication elsewhere is listed (with its page)
        assert len(re.findall(r"= \{JET Coal Regions Knowledge Hub(: https://[^}]+)?\}", bib)) == 1, path.name
        assert re.search(r"language = \{(english|spanish|indonesian|vietnamese|thai|mongolian)\}", bib), path.name
    guide = next(r for r in catalogue.resources if r.type == "case-study")
    assert "type = {Case study}" in (real_site / "citations" / f"{guide.slug}.bib").read_text(encoding="utf-8")


def test_an_event_in_a_place_and_online_has_the_place_as_its_address(real_site):
    (data,), _ = metadata(real_site, "resources/hub-launch-cop28/")
    place = next(p for p in data["location"] if p["@type"] == "Place")
    assert place["address"] == "Dubai, United Arab Emirates"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"


def test_translated_events_link_their_translations(real_site, catalogue):
    event = next(r for r in catalogue.resources if r.is_event and len(r.versions) > 1)
    (data,), _ = metadata(real_site, prefix(event.lang) + f"resources/{event.slug}/")
    other = next(lang for lang in event.versions if lang != event.lang)
    assert {"@id": page_url(event, other)} in data["workTranslation"]


def test_the_api_names_regions_as_the_pages_do(real_site, catalogue):
    names = api(real_site, "regions/thailand.json")["region"]["names"]
    for lang in LANGUAGES:
        assert names[lang] == catalogue.regions["thailand"].name_in(lang)[0], lang


def test_feed_labels_in_an_entry_of_another_language_say_their_own(real_site):
    feed = (real_site / "es/feeds/all.xml").read_text(encoding="utf-8")
    english_entry = re.search(r'<entry xml:lang="en">(.*?)</entry>', feed, re.S).group(1)
    assert re.findall(r"<category [^>]*>", english_entry)
    assert all('xml:lang="es"' in c for c in re.findall(r"<category [^>]*>", english_entry))


def test_the_library_and_events_pages_lead_to_the_data_files(real_site):
    from htmlcheck import resolve

    for lang in LANGUAGES:
        for stem, wanted in (("library/", {"api/v1/resources.csv", "api/v1/resources.json"}),
                             ("events/", {"calendar/events.ics"})):
            page = real_site / prefix(lang) / stem / "index.html"
            block = re.search(r'<p class="hub-data">(.*?)</p>', page.read_text(encoding="utf-8")).group(1)
            targets = {resolve(real_site, page, a["href"]).relative_to(real_site).as_posix() for a in parse(block).links}
            assert targets == wanted, (lang, stem, targets)


def test_each_data_file_link_says_the_size_of_the_file_in_the_page_language(real_site, catalogue):
    """A reader paying for every megabyte sees what the spreadsheet or the calendar will cost."""
    from htmlcheck import resolve

    for lang in LANGUAGES:
        t = catalogue.translator(lang)
        for stem in ("library/", "events/"):
            page = real_site / prefix(lang) / stem / "index.html"
            html = page.read_text(encoding="utf-8")
            assert "hub:size" not in html, (lang, stem, "a size marker was left")
            block = re.search(r'<p class="hub-data">(.*?)</p>', html).group(1)
            links = re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', block)
            assert links
            for href, text in links:
                size = resolve(real_site, page, href).stat().st_size
                assert text.endswith(f'<span class="hub-size">({t.size(size)})</span>'), (lang, href, text)


def test_only_sample_content_is_marked_as_sample_in_files_read_away_from_the_site(catalogue):
    from types import SimpleNamespace

    import hubsite

    sample = hubsite.site(SimpleNamespace(site_url=SITE_URL, extra={"sample_content": True}), catalogue)
    assert sample.title("Mine closure plan", "es") == "[Ejemplo] Mine closure plan"
    assert sample.title("Plano de fechamento", "pt") == "[Sample] Plano de fechamento", "no word in Portuguese: English"
    real = hubsite.site(SimpleNamespace(site_url=SITE_URL, extra={}), catalogue)
    assert real.title("Mine closure plan", "es") == "Mine closure plan"
