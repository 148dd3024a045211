"""The contributor's tools: the scaffold, --fix, and CONTRIBUTING.md kept in step with the schema."""

from __future__ import annotations

import dataclasses
import re
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from catalogue.load import collect
from conftest import ROOT, make_repo, mkdocs_config, png, resource, script, write

NEW = str(ROOT / "scripts" / "new_resource.py")
VALIDATE = str(ROOT / "scripts" / "validate.py")

FLAGS = ["--title", "Skills for solar jobs in Lampang", "--type", "guide", "--region", "vietnam",
         "--topic", "skills", "--topic", "renewable-energy", "--partner", "ilo", "--partner", "ituc",
         "--date", "2026-11-20", "--summary", "How one province trained former mine workers for solar jobs.",
         "--url", "https://example.org/jet-cr-sample/lampang", "--language", "en"]


def run(script, root, *args, stdin=""):
    return subprocess.run([sys.executable, script, "--root", str(root), *args], input=stdin,
                          capture_output=True, text=True, cwd=root, timeout=60)


def test_scaffold_with_flags_writes_a_commented_valid_file(tmp_path):
    root = make_repo(tmp_path)
    result = run(NEW, root, *FLAGS)
    assert result.returncode == 0, result.stdout + result.stderr
    path = root / "content/resources/skills-for-solar-jobs-in-lampang.md"
    text = path.read_text()
    assert "Created content/resources/skills-for-solar-jobs-in-lampang.md" in result.stdout
    assert "make validate" in result.stdout
    folder = urlsplit(mkdocs_config(root)["site_url"]).path  # where mkdocs serve puts the site
    assert f"make serve, then open http://127.0.0.1:8000{folder}resources/skills-for-solar-jobs-in-lampang/\n" in result.stdout
    keys = [line.split(":")[0] for line in text.split("---")[1].splitlines() if line and not line.startswith("#")]
    assert keys == ["title", "type", "region", "topic", "partner", "date", "summary", "language", "url"]
    comments = [line for line in text.split("---")[1].splitlines() if line.startswith("# ")]
    assert len(comments) == len(keys), "a comment on every key"
    assert "topic: [skills, renewable-energy]" in text and "partner: [ilo, ituc]" in text
    _, problems = collect(root)  # valid, except that the placeholder text must still be replaced
    assert [str(p) for p in problems.sorted()] == [
        (f"content/resources/skills-for-solar-jobs-in-lampang.md:{text.count(chr(10)) - 1}: body: this is the scaffold's placeholder; "
        "replace it with a few paragraphs on the resource")]


def test_scaffold_takes_the_file_name_a_contributor_chooses(tmp_path):
    """The title makes a long name, or for a Thai title a spelling in Latin letters: --name chooses it."""
    root = make_repo(tmp_path)
    result = run(NEW, root, *FLAGS, "--name", "Lampang Solar Skills")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Created content/resources/lampang-solar-skills.md" in result.stdout
    assert "rename the file now" not in result.stdout
    thai = run(NEW, root, "--title", "ทักษะงานโซลาร์ในลำปาง", *FLAGS[2:])
    assert "its name, made from the title, is also the page's web address" in thai.stdout.lower()


def test_scaffold_refuses_to_overwrite(tmp_path):
    root = make_repo(tmp_path)
    assert run(NEW, root, *FLAGS).returncode == 0
    again = run(NEW, root, *FLAGS)
    assert again.returncode == 1 and "already exists; nothing was written" in again.stdout


def test_scaffold_refuses_a_name_that_a_renamed_resource_had(tmp_path):
    """Its old address leads to the renamed resource: a new file of that name would take it over."""
    renamed = resource(title="Solar jobs in Lampang, revised", extra="former_names: [skills-for-solar-jobs-in-lampang]\n")
    root = make_repo(tmp_path, {"solar-jobs-lampang.md": renamed})
    result = run(NEW, root, *FLAGS)
    assert result.returncode == 1
    assert ("'skills-for-solar-jobs-in-lampang' was the name of content/resources/solar-jobs-lampang.md before it was "
            "renamed, and links to resources/skills-for-solar-jobs-in-lampang/ lead there; nothing was written") in result.stdout
    assert not (root / "content/resources/skills-for-solar-jobs-in-lampang.md").exists()


def test_scaffold_refuses_invalid_flags_with_the_validator_message(tmp_path):
    root = make_repo(tmp_path)
    flags = [{"vietnam": "Vietnam", "2026-11-20": "20/11/2026"}.get(f, f) for f in FLAGS]
    result = run(NEW, root, *flags)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [  # every refused flag at once; nothing written, so nothing to repair
        "--region: 'Vietnam' is not a region; did you mean 'vietnam'?",
        "--date: '20/11/2026' is not a date; write it as YYYY-MM-DD, e.g. 2025-03-14"]
    assert not list((root / "content/resources").glob("skills-*.md"))


def test_scaffold_asks_on_standard_input_and_re_asks_after_a_bad_answer(tmp_path):
    root = make_repo(tmp_path)
    answers = "\n".join([
        "Hỗ trợ thu nhập cho thợ mỏ ở Quảng Ninh",  # title, Vietnamese: transliterated file name
        "blog",  # not a type: refused
        "report",
        "7",  # region by number: Chile, Colombia, Indonesia, Mongolia, South Africa, Thailand, Vietnam, Global
        "skills, decent-work",
        "ilo",
        "2026-13-01",  # refused
        "2026-10-01",
        "Tóm tắt ngắn về chương trình hỗ trợ thu nhập.",
        "",  # url skipped
        "vi",  # only in Vietnamese: filed as .vi.md
        "",  # authors skipped
    ]) + "\n"
    result = run(NEW, root, stdin=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "type: 'blog' is not a type" in result.stdout
    assert "  1. chile" in result.stdout and "  7. vietnam" in result.stdout and "  8. global" in result.stdout
    assert "date: '2026-13-01' is not a real calendar date" in result.stdout
    path = root / "content/resources/ho-tro-thu-nhap-cho-tho-mo-o-quang-ninh.vi.md"
    assert path.is_file()
    assert "/vi/resources/ho-tro-thu-nhap-cho-tho-mo-o-quang-ninh/\n" in result.stdout, "its page is in Vietnamese"
    text = path.read_text()
    assert "region: [vietnam]" in text and "language: [vi]" in text
    _, problems = collect(root)
    assert [p.field for p in problems.sorted()] == ["body"], "only the placeholder text is left to replace"


def test_scaffold_asks_an_event_for_its_time_and_place(tmp_path):
    root = make_repo(tmp_path)
    answers = "\n".join([
        "Palembang workshop on green jobs", "event", "indonesia", "skills", "giz", "2026-11-20",
        "A two-day workshop for district officials on planning green jobs after coal.", "", "",
        "Sari, D.; GIZ Indonesia team",  # authors: names hold commas, so ; separates them
        "2027-03-02 09:00",  # no offset: refused
        "2027-03-02T09:00:00+07:00", "2027-03-03T16:00:00+07:00",
        "Asia/Jakartaa",  # refused, with the likely name
        "Asia/Jakarta", "Palembang, Indonesia and online",
    ]) + "\n"
    result = run(NEW, root, stdin=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "start: '2027-03-02 09:00' needs the venue's offset from UTC at the end, e.g. 2027-03-02T09:00:00+07:00" in result.stdout
    assert "timezone: 'Asia/Jakartaa' is not a time zone name; did you mean 'Asia/Jakarta'?" in result.stdout
    text = (root / "content/resources/palembang-workshop-on-green-jobs.md").read_text()
    for line in ('authors: ["Sari, D.", GIZ Indonesia team]', "start: 2027-03-02T09:00:00+07:00",
                 "end: 2027-03-03T16:00:00+07:00", "timezone: Asia/Jakarta", "location: Palembang, Indonesia and online"):
        assert f"\n{line}\n" in text, line
    catalogue, problems = collect(root)
    assert [p.field for p in problems.sorted()] == ["body"], "only the placeholder text is left to replace"
    assert catalogue.resources[0].authors == ["Sari, D.", "GIZ Indonesia team"]


def test_scaffold_takes_a_suggested_id_and_checks_an_events_days_together(tmp_path):
    root = make_repo(tmp_path)
    answers = "\n".join([
        "Mpumalanga forum on closures", "event",
        "south afrca", "",  # misspelt: Enter takes the suggestion
        "social-dialogue", "ituc",
        "",  # date: today, but the event was last year
        "A community forum on power station closures and local jobs.", "", "", "",
        "2025-03-18T09:00:00+02:00",
        "16:00",  # the end without its date
        "2025-03-18T08:00:00+02:00",  # before the start
        "2025-03-18T16:00:00+02:00", "", "eMalahleni, South Africa",
    ]) + "\n"
    result = run(NEW, root, stdin=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "region: 'south afrca' is not a region; did you mean 'south-africa'?" in result.stdout
    assert "Press Enter for south-africa, or type another answer." in result.stdout
    assert "date: set to 2025-03-18, the day the event starts: it cannot be announced after it" in result.stdout
    assert "end: '16:00' is not a date-time; write the date too" in result.stdout
    assert "end: the event ends (2025-03-18T08:00:00+02:00) before it starts (2025-03-18T09:00:00+02:00)" in result.stdout
    text = (root / "content/resources/mpumalanga-forum-on-closures.md").read_text()
    for line in ("region: [south-africa]", "date: 2025-03-18", "end: 2025-03-18T16:00:00+02:00"):
        assert f"\n{line}\n" in text, line
    _, problems = collect(root)
    assert [p.field for p in problems.sorted()] == ["body"], "only the placeholder text is left to replace"


def test_scaffold_keeps_event_flags_to_events(tmp_path):
    result = run(NEW, make_repo(tmp_path), *FLAGS, "--start", "2027-03-02T09:00:00+07:00")
    assert result.returncode == 1
    assert result.stdout.splitlines() == ["--start: only events have 'start'; use --type event or leave it out"]


def test_scaffold_stops_cleanly_when_input_ends(tmp_path):
    root = make_repo(tmp_path)
    result = run(NEW, root, stdin="Only a title\n")
    assert result.returncode != 0 and "nothing was written" in (result.stdout + result.stderr)
    assert "Traceback" not in result.stderr


def test_scaffold_stops_cleanly_on_ctrl_c(tmp_path):
    """Its own messages tell a contributor to press Ctrl-C and start again: that printed a traceback."""
    root = make_repo(tmp_path)
    # Ctrl-C as in a terminal: a test run in the background (nohup, `&`) would pass SIGINT on ignored
    process = subprocess.Popen([sys.executable, NEW, "--root", str(root)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=root,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    process.stdin.write("Skills for solar jobs\n")
    process.stdin.flush()
    prompt = ""
    while "choose one:" not in prompt:  # the second question, its choices on their way
        prompt += process.stdout.read(1)
    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)  # stdin kept open: closed, the question would end in EOF before the signal lands
    out, err = prompt + process.stdout.read(), process.stderr.read()
    process.stdin.close()
    assert process.returncode != 0 and "Stopped; nothing was written." in out + err
    assert "Traceback" not in err and not list((root / "content" / "resources").glob("*.md"))


def test_refreshing_the_docs_over_content_with_problems_lists_them(tmp_path, monkeypatch, capsys):
    """make docs writes CONTRIBUTING.md's tables from the content, which failed to load with a traceback."""
    update_docs = script("update_docs")
    root = make_repo(tmp_path, {"bad.md": resource(region="[viet-nam]")})
    monkeypatch.setattr(update_docs, "ROOT", root)
    assert update_docs.main([]) == 1
    said = capsys.readouterr()
    assert "content/resources/bad.md:4: region: 'viet-nam' is not a region; did you mean 'vietnam'?" in said.err
    assert "then run make docs" in said.err


def test_fix_repairs_what_is_safe_and_says_so(tmp_path):
    messy = (
        "---\n# why this matters\nsummary: A sample summary that is long enough for the schema.   \n"
        "title: Fix me please\ntype: [Report]\nregion: [South Africa, Viet Nam]  # two regions\n"
        "topic: [Skills]\npartner: [ILO, Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH]\n"
        "date: 2025-01-01\n---\nBody stays.  \n"
    )
    root = make_repo(tmp_path, {"fixme.md": messy})
    before = run(VALIDATE, root)
    assert before.returncode == 1 and "(make fix repairs this)" in before.stdout
    result = run(VALIDATE, root, "--fix")
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    for change in ("removed trailing spaces in the front matter", "type: a single id needs no list; wrote report",
                   "region: 'South Africa' -> 'south-africa'", "region: 'Viet Nam' -> 'vietnam'",
                   "topic: 'Skills' -> 'skills'", "partner: 'ILO' -> 'ilo'",
                   "partner: 'Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH' -> 'giz'",
                   "put the keys in the usual order (title, type, region, topic, partner, date, summary)"):
        assert f"content/resources/fixme.md: fixed: {change}" in lines
    text = (root / "content/resources/fixme.md").read_text()
    assert "region: [south-africa, vietnam]  # two regions" in text
    assert "# why this matters\nsummary:" in text, "comments travel with their key"
    assert text.endswith("Body stays.  \n"), "the body is left alone"
    assert run(VALIDATE, root, "--fix").stdout.count("fixed:") == 0, "a second run changes nothing"


def test_fix_repairs_a_region_or_topic_named_as_the_hub_names_it_in_another_language(tmp_path):
    """A Thai or Spanish contributor copies the region's name from the hub's own pages in their language."""
    text = resource(region="[ประเทศไทย, Sudáfrica]").replace("[skills]", "[Competencias]")
    root = make_repo(tmp_path, {"named.md": text})
    result = run(VALIDATE, root, "--fix")
    assert result.returncode == 0, result.stdout
    for change in ("region: 'ประเทศไทย' -> 'thailand'", "region: 'Sudáfrica' -> 'south-africa'",
                   "topic: 'Competencias' -> 'skills'"):
        assert f"content/resources/named.md: fixed: {change}" in result.stdout.splitlines(), result.stdout
    assert "region: [thailand, south-africa]" in (root / "content/resources/named.md").read_text()


def test_fix_works_on_a_file_that_starts_with_a_byte_order_mark(tmp_path):
    root = make_repo(tmp_path, {"windows.md": "\ufeff" + resource(region="[Thailand]").replace("\n", "\r\n")})
    result = run(VALIDATE, root, "--fix")
    assert result.returncode == 0, result.stdout
    assert "content/resources/windows.md: fixed: region: 'Thailand' -> 'thailand'" in result.stdout.splitlines()
    raw = (root / "content/resources/windows.md").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf---\r\n") and b"region: [thailand]\r\n" in raw


def test_a_csv_attachment_opens_in_excel_with_its_letters_as_written(tmp_path):
    """Excel on Windows reads a CSV as UTF-8 only after the UTF-8 mark: the check names the garbling, fix adds the mark."""
    attach = "files:\n  - path: files/{name}\n    title: Data\n    language: es\n"
    root = make_repo(tmp_path, {"data.md": resource(extra=attach.format(name="datos.csv")),
                                "plain.md": resource(title="English only", extra=attach.format(name="plain.csv")),
                                "old.md": resource(title="Saved as plain CSV", extra=attach.format(name="antiguo.csv"))})
    files = root / "content" / "files"
    files.mkdir(parents=True, exist_ok=True)
    (files / "datos.csv").write_bytes("región,personas\nSudáfrica,120\n".encode())
    (files / "plain.csv").write_bytes(b"region,people\nSouth Africa,120\n")
    (files / "antiguo.csv").write_bytes("región,personas\nSudáfrica,120\n".encode("cp1252"))
    before = run(VALIDATE, root)
    assert before.returncode == 1
    assert ("content/resources/data.md:10: files.path: content/files/datos.csv: the file has letters beyond English "
            "('región') but does not start with the UTF-8 mark, so Excel on Windows shows them garbled ('regiÃ³n') "
            "(make fix repairs this; or save it from Excel as 'CSV UTF-8 (Comma delimited)')") in before.stdout.splitlines()
    assert ("content/resources/old.md:10: files.path: content/files/antiguo.csv: the file is not UTF-8 text") in before.stdout
    assert "plain.md" not in before.stdout, "English letters read the same either way"
    result = run(VALIDATE, root, "--fix")
    assert "content/files/datos.csv: fixed: started the file with the UTF-8 mark, so that Excel shows its letters as written" \
        in result.stdout.splitlines()
    assert (files / "datos.csv").read_bytes() == "\ufeffregión,personas\nSudáfrica,120\n".encode("utf-8")
    assert (files / "plain.csv").read_bytes().startswith(b"region"), "left as it was"
    assert "antiguo.csv" not in result.stdout.split("fixed:")[0] and result.returncode == 1, "a guess at an encoding is not a fix"
    assert run(VALIDATE, root, "--fix").stdout.count("fixed:") == 0, "a second run changes nothing"


def test_fix_leaves_real_mistakes_to_the_contributor(tmp_path):
    root = make_repo(tmp_path, {"typo.md": resource(region="[chille]")})
    result = run(VALIDATE, root, "--fix")
    assert result.returncode == 1 and "fixed:" not in result.stdout
    assert "'chille' is not a region" in result.stdout


def test_contributing_guide_matches_the_schema_and_vocabularies():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_docs.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    text = (ROOT / "CONTRIBUTING.md").read_text()
    for needle in ("| `south-africa` | South Africa |", "| `coal-mine-closure` | Coal mine closure |",
                   "| `dg-intpa` |", "| `summary` | yes |", "timezone: Asia/Jakarta", "make serve"):
        assert needle in text


def test_the_guides_attachments_example_is_valid_as_written(tmp_path):
    """The guide's 'files:' block and its links, pasted into a resource, pass the check once the files are there."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", guide, re.S) if b.startswith("files:"))
    links = re.findall(r"`(!?\[[^\]]+\]\(\.\./files/[^)]+\))`", guide)
    assert len(links) == 2
    root = make_repo(tmp_path, {"cooperatives.md": resource(extra=block) + "\n" + "\n\n".join(links) + "\n"})
    for path in re.findall(r"path: (\S+)", block) + [re.search(r"\(\.\./(.*)\)", link).group(1) for link in links]:
        write(root / "content" / path, png(40, 30) if path.endswith(".webp") else b"sample\n")
    _, problems = collect(root)
    assert [str(p) for p in problems.sorted()] == []


def test_the_readme_maps_every_hook_and_catalogue_module():
    """A maintainer finds where things live from the README's tables: a new module must join them."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [path.as_posix() for folder in ("hooks", "catalogue") for path in sorted((ROOT / folder).glob("*.py"))
               if path.name != "__init__.py" and f"`{path.name}`" not in readme]
    assert not missing, missing
    hooks = [Path(path).name for path in mkdocs_config()["hooks"]]
    listed = [name for name in re.findall(r"^\| `(\w+\.py)` \|", readme, re.M) if name in hooks]
    assert listed == hooks, "the hooks' table follows mkdocs.yml's order"


def test_drift_is_detected(tmp_path, monkeypatch):
    from catalogue import docs
    from catalogue.load import load

    current = (ROOT / "CONTRIBUTING.md").read_text()
    catalogue = load(ROOT)
    catalogue.topics["new-topic"] = catalogue.topics["skills"].__class__("new-topic", "New topic", "A topic added later.")
    assert docs.update(current, catalogue) != current


def test_a_new_region_reaches_the_issue_form_with_make_docs():
    from catalogue import docs
    from catalogue.load import load

    form = (ROOT / ".github" / "ISSUE_TEMPLATE" / "suggest-resource.yml").read_text(encoding="utf-8")
    catalogue = load(ROOT)
    assert docs.update_form(form, catalogue) == form, "the form is up to date"
    chile = catalogue.regions["chile"]
    poland = dataclasses.replace(chile.texts["en"], name="Poland")
    catalogue.regions["poland"] = dataclasses.replace(chile, id="poland", texts={"en": poland})
    fresh = yaml.safe_load(docs.update_form(form, catalogue))
    regions = next(item for item in fresh["body"] if item.get("id") == "region")["attributes"]["options"]
    assert {"label": "poland (Poland)"} in regions and len(regions) == len(catalogue.regions)


def test_fix_writes_keys_in_lower_case_where_they_belong(tmp_path):
    """'Title:' is not read as the title: the check says so, and fix writes it as the key it is."""
    capital = resource(title="Capital keys").replace("title: Capital keys", "Title: Capital keys")
    root = make_repo(tmp_path, {"capital.md": capital})
    assert run(VALIDATE, root).returncode == 1
    result = run(VALIDATE, root, "--fix")
    assert "content/resources/capital.md: fixed: key 'Title' -> 'title'" in result.stdout.splitlines(), result.stdout
    assert result.returncode == 0, result.stdout
    assert (root / "content/resources/capital.md").read_text().startswith("---\ntitle: Capital keys\n")


TRANSLATE = str(ROOT / "scripts" / "new_translation.py")


def translated(path: Path, title: str, summary: str, body: str) -> None:
    """What a translator does with the file the scaffold wrote: title, summary and text replaced."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title: .*$", f"title: {title}", text, count=1)
    text = re.sub(r"(?m)^summary: .*$", f"summary: {summary}", text, count=1)
    path.write_text(text[:text.index("---", 3) + 4] + "\n" + body + "\n", encoding="utf-8")


def test_translation_scaffold_writes_the_original_to_translate_over_and_validate_holds_it_until_then(tmp_path):
    root = make_repo(tmp_path, {"workshop.md": resource(
        "Skills workshop in Ha Long", type="event", region="[vietnam]", date="2026-05-01",
        extra="start: 2026-06-10\nlocation: Ha Long, Quang Ninh\n")})
    result = run(TRANSLATE, root, "workshop", "vi")
    assert result.returncode == 0, result.stdout + result.stderr
    path = root / "content/resources/workshop.vi.md"
    text = path.read_text(encoding="utf-8")
    assert "Created content/resources/workshop.vi.md" in result.stdout and "make validate" in result.stdout
    assert text.startswith("---\n# The Tiếng Việt (vi) version of workshop.md, whose other keys it takes.\n")
    keys = [line.split(":")[0] for line in text.split("---")[1].splitlines() if line and not line.startswith("#")]
    assert keys == ["title", "summary", "location"], "what a translation sets, an event's place too"
    assert "title: Skills workshop in Ha Long" in text and text.rstrip().endswith("Body of Skills workshop in Ha Long.")
    _, problems = collect(root)
    assert [(p.path, p.field) for p in problems.sorted()] == [("content/resources/workshop.vi.md", "body")]
    assert "are those of the original" in problems.sorted()[0].message, "refused while untranslated"
    translated(path, "Hội thảo kỹ năng tại Hạ Long", "Hội thảo về kỹ năng cho việc làm năng lượng tái tạo.",
               "Nội dung của hội thảo.")
    catalogue, problems = collect(root)
    assert not problems, [str(p) for p in problems.sorted()]
    assert catalogue.resources[0].versions["vi"].title == "Hội thảo kỹ năng tại Hạ Long"
    assert catalogue.resources[0].versions["vi"].location == "Ha Long, Quang Ninh", "to be written as Vietnamese writes it"


def test_translation_scaffold_asks_which_resource_and_language_and_says_what_is_wrong(tmp_path):
    root = make_repo(tmp_path, {"mae-moh-community-forest.md": resource("Community forests in Mae Moh", region="[thailand]"),
                                "mae-moh-community-forest.th.md": "---\ntitle: ป่าชุมชนแม่เมาะ\nsummary: "
                                "กรณีศึกษาป่าชุมชนบนพื้นที่เหมืองเก่าในแม่เมาะ\n---\nเนื้อหา\n"})
    answers = "mae-moh-forest\nmae-moh-community-forest.md\nth\nxx\nes\n"
    result = run(TRANSLATE, root, stdin=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no resource is named 'mae-moh-forest'" in result.stdout
    assert "did you mean mae-moh-community-forest?" in result.stdout, "found by its words"
    offered = re.findall(r"(?m)^  (\w\w)  ", result.stdout)
    assert offered == ["es", "id", "vi", "mn"], "the languages it is not in yet, each named in itself"
    assert "  es  Español" in result.stdout
    assert "content/resources/mae-moh-community-forest.th.md exists already; edit that file" in result.stdout
    assert "'xx' is not a language of the hub" in result.stdout
    assert (root / "content/resources/mae-moh-community-forest.es.md").is_file()
    again = run(TRANSLATE, root, "mae-moh-community-forest", "es")
    assert again.returncode == 1 and "mae-moh-community-forest.es.md exists already" in again.stdout
    assert run(TRANSLATE, root, stdin="").returncode == 1, "input ends: nothing written, no traceback"


def test_an_original_in_another_language_gets_its_english_version_first(tmp_path):
    """Translations join an English original: a Thai-only case study gets its English page, with the
    whole front matter, and its Thai file keeps what a translation sets; then other languages follow."""
    thai = resource("กรณีศึกษาแม่เมาะ", region="[thailand]", extra="language: [th]\n").replace(
        "A sample summary that is long enough for the schema.", "กรณีศึกษาเรื่องป่าชุมชนบนพื้นที่เหมืองเก่า")
    root = make_repo(tmp_path, {"mae-moh.th.md": thai})
    refused = run(TRANSLATE, root, "mae-moh", "vi")
    assert refused.returncode == 1 and "start its en version first" in refused.stdout
    result = run(TRANSLATE, root, "mae-moh", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    english, own = root / "content/resources/mae-moh.md", root / "content/resources/mae-moh.th.md"
    assert "make validate reports content/resources/mae-moh.md as a copy of content/resources/mae-moh.th.md" in result.stdout
    _, problems = collect(root)
    (untranslated,) = problems.sorted()
    assert untranslated.path == "content/resources/mae-moh.md", "the file to translate, never the Thai original"
    assert "translate them into en here" in untranslated.message and "delete" not in untranslated.message
    assert "language: [th]" in english.read_text(encoding="utf-8") and "type: report" in english.read_text(encoding="utf-8")
    keys = [line.split(":")[0] for line in own.read_text(encoding="utf-8").split("---")[1].splitlines()
            if line and not line.startswith("#")]
    assert keys == ["title", "summary"] and own.read_text(encoding="utf-8").rstrip().endswith("Body of กรณีศึกษาแม่เมาะ.")
    translated(english, "A Mae Moh case study", "A case study of community forests on former mine land.", "The text.")
    catalogue, problems = collect(root)
    assert not problems, [str(p) for p in problems.sorted()]
    (found,) = catalogue.resources
    assert found.lang == "en" and found.versions["th"].title == "กรณีศึกษาแม่เมาะ" and found.languages == ["th"]
    assert run(TRANSLATE, root, "mae-moh", "vi").returncode == 0, "then the other languages"
