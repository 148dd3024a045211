#!/usr/bin/env python3
"""Start a translation of a resource: content/resources/<name>.<code>.md, beside the original.

    make translate                                            # asks which resource and which language
    .venv/bin/python scripts/new_translation.py quang-ninh-ports vi

The file holds what a translation sets (the title, the summary and, for an event, its place) and
the original's text, each to be replaced by its translation: a translator works over the text
they translate. `make validate` refuses the file while its summary and text are still the
original's, so an untranslated copy cannot be published by mistake.

Translations join an original in English (<name>.md). For a resource whose original is in another
language (<name>.th.md), an English version is started instead: <name>.md takes the original's
front matter and text, to be translated, and <name>.th.md keeps only what a translation sets.
"""

from __future__ import annotations

import argparse
import sys
from difflib import get_close_matches
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue import schema  # noqa: E402
from catalogue.crosscheck import UNTRANSLATED  # noqa: E402
from catalogue.frontmatter import read  # noqa: E402
from catalogue.load import collect  # noqa: E402
from catalogue.model import Catalogue, Resource, Version  # noqa: E402
from catalogue.renames import resource_name  # noqa: E402
from catalogue.template import front_matter  # noqa: E402

# the problem `make validate` reports until the file is translated: expected, not listed as a fault


def find(catalogue: Catalogue, typed: str) -> tuple[Resource | None, str]:
    """The resource a contributor names, however they write it (a path, with .md or a language
    suffix), or None and what to say."""
    name = resource_name(typed.strip().replace("\\", "/").removeprefix("./"), catalogue.languages)
    by_name = {resource.name: resource for resource in catalogue.resources}
    if name in by_name:
        return by_name[name], ""
    by_slug = [resource for resource in catalogue.resources if resource.slug == name]
    if len(by_slug) == 1:
        return by_slug[0], ""
    # a name's start or some of its words ("mae-moh-forest"), else one a typo away
    words = [word for word in name.split("-") if word]
    close = [known for known in by_name if words and all(word in known.split("-") for word in words)][:3]
    close = close or get_close_matches(name, list(by_name), n=1, cutoff=0.6)
    hint = (f"; did you mean {' or '.join(close)}?" if close
            else "; the names are those of the files in content/resources/, without .md")
    return None, f"no resource is named '{typed.strip()}' (a file with problems waits for make validate to pass){hint}"


def languages_open(catalogue: Catalogue, resource: Resource) -> list[str]:
    """The hub's languages the resource has no version in: the ones it can be translated into."""
    return [code for code in catalogue.languages if code not in resource.versions]


def language_problem(catalogue: Catalogue, resource: Resource, code: str) -> str:
    """Why `code` cannot be started for `resource`, or ""."""
    default = catalogue.default_language
    if code not in catalogue.languages:
        return f"'{code}' is not a language of the hub; use one of {', '.join(languages_open(catalogue, resource))}"
    if code in resource.versions:
        return f"{resource.versions[code].path} exists already; edit that file"
    if resource.lang != default and code != default:
        return (f"translations join an original in {default}, and {resource.original.path} is in {resource.lang}: "
                f"start its {default} version first (language {default}), then this one")
    return ""


def translation_values(version: Version, resource: Resource) -> dict[str, str]:
    """What a translation of `version` sets, to be translated: its title, summary and an event's place."""
    values = {"title": version.title, "summary": version.summary}
    if resource.is_event and isinstance(resource.location, str) and resource.location:
        values["location"] = version.location or resource.location
    return values


def header(what: str) -> str:
    """The comment that opens the new file's front matter: what it is and what to do."""
    return (f"# {what}.\n"
            "# Replace the title, the summary and the text below with their translation, keeping the keys.\n")


def start(root: Path, catalogue: Catalogue, resource: Resource, code: str) -> list[Path]:
    """Write the new version; returns the files written or changed."""
    original = resource.original
    source = root / original.path
    lang_name = catalogue.translator(catalogue.default_language).language_name(code)
    if resource.lang == catalogue.default_language:
        target = source.with_name(f"{resource.slug}.{code}.md")
        text = front_matter(translation_values(original, resource), kind="translation")
        opening = header(f"The {lang_name} ({code}) version of {source.name}, whose other keys it takes")
        target.write_text(text.replace("---\n", "---\n" + opening, 1) + "\n"
                          + original.body.lstrip("\n"), encoding="utf-8")
        return [target]
    # an English version of an original in another language: the original's file becomes the English
    # one, to be translated, and keeps in its own language only what a translation sets
    target = source.with_name(f"{resource.slug}.md")
    raw = source.read_text(encoding="utf-8")
    doc = read(raw.encode("utf-8"))
    first_line = raw.index("\n") + 1  # after the opening '---'
    opening = header(f"The {lang_name} ({code}) version of {source.name}, which keeps its own title and summary")
    target.write_text(raw[:first_line] + opening + raw[first_line:], encoding="utf-8")
    kept = {key: value for key, value in doc.meta.items() if key in schema.fields("translation")}
    source.write_text(front_matter(kept, kind="translation") + "\n" + doc.body.lstrip("\n"), encoding="utf-8")
    return [target, source]


def ask(question: str, check, read=input, write=print):
    """Ask until `check(answer)` returns (value, ""), saying each problem."""
    while True:
        try:
            answer = read(question)
        except EOFError:
            raise SystemExit("\nNo answer; nothing was written.") from None
        value, problem = check(answer)
        if not problem:
            return value
        write(f"  {problem}")


def main(argv: list[str] | None = None, read=input, write=print) -> int:
    parser = argparse.ArgumentParser(description="Start a translation of a resource: content/resources/<name>.<code>.md.")
    parser.add_argument("name", nargs="?", help="the resource's file name under content/resources/, e.g. "
                        "quang-ninh-ports; asked for when left out")
    parser.add_argument("language", nargs="?", help="the language's code, e.g. vi; asked for when left out")
    parser.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    catalogue, _ = collect(root)
    if not catalogue.resources:
        write("There is no resource to translate yet (or none without problems: run make validate).")
        return 1

    if args.name is not None:
        resource, problem = find(catalogue, args.name)
        if resource is None:
            write(f"name: {problem}")
            return 1
    else:
        resource = ask("Resource to translate (its file name, e.g. "
                       f"{catalogue.resources[0].name}): ", lambda answer: find(catalogue, answer), read, write)
    t = catalogue.translator(catalogue.default_language)
    if args.language is not None:
        code = args.language.strip().lower()
        problem = language_problem(catalogue, resource, code)
        if problem:
            write(f"language: {problem}")
            return 1
    else:
        open_codes = [code for code in languages_open(catalogue, resource) if not language_problem(catalogue, resource, code)]
        if not open_codes:
            write(f"{resource.original.path} is already in every language it can be translated into here.")
            return 1
        write(f"\n{resource.original.title}\nlanguage: choose one:")
        for code in open_codes:
            write(f"  {code}  {t.language_name(code)}")

        def check(answer: str) -> tuple[str, str]:
            code = answer.strip().lower()
            return code, language_problem(catalogue, resource, code)
        code = ask("language: ", check, read, write)

    written = start(root, catalogue, resource, code)
    _, problems = collect(root)
    paths = {path.relative_to(root).as_posix() for path in written}
    mine = [p for p in problems.sorted() if p.path in paths and UNTRANSLATED not in p.message]
    for problem in mine:
        write(str(problem))
    new, *changed = [path.relative_to(root).as_posix() for path in written]
    write(f"\nCreated {new}" + (f", and cut {changed[0]} down to what a translation sets" if changed else "")
          + (" (with problems listed above)" if mine else ""))
    until = (f"make validate reports {new} as a copy of {changed[0]} until then" if changed
             else "make validate refuses the file while the summary and the text are the original's")
    write("Next steps:\n"
          f"  1. Open {new} and replace the title, the summary and the text with their translation\n"
          f"     ({until}).\n"
          "  2. Check it:    make validate\n"
          "  3. Commit it on a new branch and open a pull request.")
    return 1 if mine else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # Ctrl-C while asked: the file is written last
        sys.exit("\nStopped; nothing was written.")
