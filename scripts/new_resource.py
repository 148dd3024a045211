#!/usr/bin/env python3
"""Create a new knowledge product with commented front matter.

Asks for each field in turn, offering the valid ids with their labels, or takes them as flags:

    make new                                   # asks for each field (and sets up .venv first)
    .venv/bin/python scripts/new_resource.py --title "Skills for solar jobs in Lampang" --type guide \\
        --region thailand --topic skills --topic renewable-energy --partner ilo \\
        --date 2026-11-20 --summary "How one province trained former mine workers." --language en --language th

An event (--type event) is also asked for when it starts and ends, its time zone and its
place (--start, --end, --timezone, --location). Each answer is checked with the same rules as
`make validate`; the file is written under content/resources/, never over an existing one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue import schema  # noqa: E402
from catalogue.address import configured_site_url  # noqa: E402
from catalogue.crosscheck import PLACEHOLDER_PROBLEM, check_value  # noqa: E402
from catalogue.event_checks import EVENT_REQUIRED, parse_moment  # noqa: E402
from catalogue.load import RESOURCES_DIR, collect  # noqa: E402
from catalogue.template import BODY_HINT, front_matter, slugify  # noqa: E402
from catalogue.urls import UrlStyle  # noqa: E402

ASKED = ("title", "type", "region", "topic", "partner", "date", "summary", "url", "language", "authors")
EVENT_ASKED = ("start", "end", "timezone", "location")  # asked once the type is event
# what the schema says of each field: which take a list, which may be left empty
LIST_KEYS = tuple(key for key in schema.list_keys("resource") if key in ASKED)
OPTIONAL = tuple(key for key in ASKED + EVENT_ASKED if key not in schema.required("resource") + EVENT_REQUIRED)
SEPARATOR = {"authors": ";"}  # names may hold commas
SUGGESTED = re.compile(r"'(?P<typed>[^']*)' is not an? [\w ]+; did you mean '(?P<meant>[^']*)'\?")
HINTS = {
    "date": " [YYYY-MM-DD, Enter for today]",
    "language": " [codes, e.g. en, es; Enter for en]",
    "url": " [https://…, Enter to skip]",
    "authors": " [names separated by ;, Enter to skip]",
    "start": " [e.g. 2026-03-10T09:00:00+07:00, or 2026-03-10 for all day]",
    "end": " [in the same form as start, Enter to skip]",
    "timezone": " [e.g. Asia/Jakarta, Enter to skip]",
    "location": " [the place, online, or both]",
}


def choices(catalogue, key: str) -> dict[str, str]:
    """id -> label for keys whose values are ids."""
    return {
        "type": {k: t.label for k, t in catalogue.types.items()},
        "region": {k: r.name for k, r in catalogue.regions.items()},
        "topic": {k: t.label for k, t in catalogue.topics.items()},
        "partner": {k: o.name for k, o in catalogue.organisations.items()},
    }.get(key, {})


def parse_answer(key: str, answer: str, options: dict[str, str]):
    """Numbers pick from the offered list; lists are comma-separated."""
    parts = [p.strip() for p in answer.split(SEPARATOR.get(key, ",")) if p.strip()] if key in LIST_KEYS else [answer.strip()]
    ids = list(options)
    picked = [ids[int(p) - 1] if p.isdigit() and options and 1 <= int(p) <= len(ids) else p for p in parts]
    return picked if key in LIST_KEYS else (picked[0] if picked else "")


def ask(key: str, catalogue, read=input, write=print):
    """Ask until the answer passes the validator; empty answers skip optional fields."""
    options = choices(catalogue, key)
    if options:
        write(f"\n{key}: choose {'one or more (comma-separated)' if key in LIST_KEYS else 'one'}:")
        for number, (id_, label) in enumerate(options.items(), 1):
            write(f"  {number:>2}. {id_:<26} {label}")
    hint = HINTS.get(key, "").replace("today", dt.date.today().isoformat())
    offered = None  # the answer with the ids the validator suggested, taken with Enter
    while True:
        try:
            answer = read(f"{key}{hint}: ")
        except EOFError:
            raise SystemExit(f"\nNo answer for '{key}'; nothing was written.") from None
        if not answer.strip() and offered is not None:
            return offered
        if not answer.strip():
            if key == "date":
                return dt.date.today().isoformat()
            if key in OPTIONAL:
                return None
        value = parse_answer(key, answer, options)
        problems = check_value(catalogue, key, value)
        if not problems:
            return value
        for problem in problems:
            write(f"  {key}: {problem}")
        meant = {m["typed"]: m["meant"] for problem in problems if (m := SUGGESTED.search(problem))}
        offered = None
        if len(meant) == len(problems):  # every problem is a misspelt id: offer the repaired answer
            offered = [meant.get(v, v) for v in value] if isinstance(value, list) else meant.get(value, value)
            write(f"  Press Enter for {', '.join(offered) if isinstance(offered, list) else offered}, or type another answer.")


def event_problem(key: str, value: object, values: dict) -> str | None:
    """An event's start against its announcement date, its end against its start: what the
    validator would refuse once the file is written, asked again while the answers are at hand."""
    if key not in ("start", "end") or not isinstance(value, str):
        return None
    moment = parse_moment(value)
    if key == "start" and moment is not None and values.get("date"):
        day = moment.date() if isinstance(moment, dt.datetime) else moment
        announced = dt.date.fromisoformat(str(values["date"]))
        if day < announced:
            if announced == dt.date.today():  # the default: a past event being recorded now
                values["date"] = day.isoformat()
                return None
            return (f"the event starts ({day}) before the date you gave as the day it was announced ({announced}); "
                    "check the year, or press Ctrl-C and start again with the earlier announcement date")
    start = parse_moment(values["start"]) if isinstance(values.get("start"), str) else None
    if key == "end" and moment is not None and start is not None:
        if type(moment) is not type(start):
            return "write the end as the start is written: both as dates (all-day) or both as date-times"
        if moment < start or (moment == start and isinstance(moment, dt.datetime)):
            return f"the event ends ({value}) before it starts ({values['start']}); check both"
    return None


def main(argv: list[str] | None = None, read=input, write=print) -> int:
    parser = argparse.ArgumentParser(description="Create a new resource (report, tool, event…) under content/resources/.")
    for key in ASKED + EVENT_ASKED:
        parser.add_argument(f"--{key}", action="append" if key in LIST_KEYS else "store",
                            help=f"{'repeat for several; ' if key in LIST_KEYS else ''}asked for when left out"
                                 + (" (events only)" if key in EVENT_ASKED else ""))
    parser.add_argument("--name", help="the file's name, which is also the page's web address, e.g. "
                        "lampang-solar-skills; made from the title when left out")
    parser.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    catalogue, _ = collect(root)

    given = {key: getattr(args, key) for key in ASKED + EVENT_ASKED if getattr(args, key) is not None}
    given = {key: [v.strip() for item in value for v in item.split(SEPARATOR.get(key, ",")) if v.strip()]
             if key in LIST_KEYS else value for key, value in given.items()}
    refused = [f"--{key}: {problem}" for key, value in given.items() for problem in check_value(catalogue, key, value)]
    if "type" in given and given["type"] != "event":
        refused += [f"--{key}: only events have '{key}'; use --type event or leave it out" for key in EVENT_ASKED if key in given]
    for line in refused:  # every refused flag at once, before asking for anything
        write(line)
    if refused:
        return 1
    values: dict[str, object] = {}
    for key in ASKED + EVENT_ASKED:
        if key in EVENT_ASKED and values.get("type") != "event":
            continue
        if key in given:
            value = given[key]
        elif given and key in OPTIONAL:
            continue  # flags given: optional fields not named are left out
        else:
            value = ask(key, catalogue, read, write)
            announced = values.get("date")
            while key in EVENT_ASKED and (problem := event_problem(key, value, values)):
                write(f"  {key}: {problem}")
                value = ask(key, catalogue, read, write)
            if values.get("date") != announced:
                write(f"  date: set to {values['date']}, the day the event starts: it cannot be announced after it")
        if value not in (None, [], ""):
            values[key] = value

    slug = slugify(args.name or str(values["title"]))
    if not slug:
        write("--name gives no usable file name; use Latin letters, digits and hyphens." if args.name else
              "The title gives no usable file name; choose one with --name, in Latin letters, digits and hyphens.")
        return 1
    languages = values.get("language", ["en"])
    # A product with no English version is filed under its own language (slug.th.md).
    suffix = "" if "en" in languages or languages[0] not in catalogue.languages else f".{languages[0]}"
    path = root / RESOURCES_DIR / f"{slug}{suffix}.md"
    if path.exists():
        write(f"{path.relative_to(root)} already exists; nothing was written. Choose another title, "
              "or edit the existing file.")
        return 1
    earlier = next((r for r in catalogue.resources if slug in r.former_names), None)
    if earlier is not None:  # its old address leads there: a page of this name would break those links
        write(f"'{slug}' was the name of {earlier.original.path} before it was renamed, and links to "
              f"resources/{slug}/ lead there; nothing was written. Choose another title.")
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front_matter(values) + "\n" + BODY_HINT, encoding="utf-8")

    _, problems = collect(root)
    mine = [p for p in problems.sorted() if p.path == path.relative_to(root).as_posix() and p.message != PLACEHOLDER_PROBLEM]
    for problem in mine:
        write(str(problem))
    write(f"\nCreated {path.relative_to(root).as_posix()}" + (" (with problems listed above)" if mine else ""))
    if not args.name:  # the name is the page's address for good: now is the time to choose a better one
        write("  Its name, made from the title, is also the page's web address; for a shorter or clearer one, rename "
              "the file now (or delete it and run this again with --name), before it is published.")
    page = UrlStyle(catalogue.default_language).page(f"{RESOURCES_DIR.removeprefix('content/')}/{slug}",
                                                     languages[0] if suffix else catalogue.default_language)
    write("Next steps:\n"
          "  1. Open the file and replace the placeholder text with a description of the resource.\n"
          "  2. Check it:    make validate\n"
          f"  3. Preview it:  make serve, then open {preview_address(root, page)}\n"
          "  4. Commit it on a new branch and open a pull request.")
    if suffix:
        write(f"  It is filed as a {languages[0]} page; to add an English version later: make translate.")
    return 1 if mine else 0


def preview_address(root: Path, page: str) -> str:
    """Where `make serve` shows a page: mkdocs serve puts the site under site_url's folder, if it has one."""
    folder = urlsplit(configured_site_url(root)).path or "/"
    return f"http://127.0.0.1:8000{folder.rstrip('/')}/{page}"


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # Ctrl-C, which the questions suggest for starting again: the file is written last
        sys.exit("\nStopped; nothing was written.")
