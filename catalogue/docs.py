"""The parts of CONTRIBUTING.md and of the issue forms that come from the schema and vocabularies,
so that they cannot drift: `make docs` rewrites them, the tests check them."""

from __future__ import annotations

import re

from . import schema
from .event_checks import EVENT_REQUIRED
from .model import Catalogue
from .template import BODY_HINT, front_matter

EXAMPLE = {
    "title": "Retraining mine workers for port jobs in Quang Ninh",
    "type": "case-study",
    "region": ["vietnam"],
    "topic": ["skills", "decent-work"],
    "partner": ["ilo"],
    "date": "2026-09-08",
    "summary": "How a bridging course prepared equipment operators from closing mines for jobs in the province's ports.",
    "language": ["en", "vi"],
    "url": "https://example.org/jet-cr-sample/quang-ninh-retraining",
    "authors": ["ILO Green Jobs Programme staff"],
    "files": [],
}
EVENT_EXAMPLE = {
    "start": "2027-02-17T08:30:00+07:00",
    "end": "2027-02-18T16:00:00+07:00",
    "timezone": "Asia/Jakarta",
    "location": "Palembang, Indonesia and online",
    "registration": "https://example.org/jet-cr-sample/palembang-registration",
}


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    def cell(text: str) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def sections(catalogue: Catalogue) -> dict[str, str]:
    """Generated section name -> Markdown."""
    props = schema.fields("resource")
    required = schema.required("resource")
    fields = _table(("key", "required", "what to write"),
                    [(f"`{k}`", "yes" if k in required else ("events" if k in EVENT_REQUIRED else "no"),
                      p["description"]) for k, p in props.items()])
    example = {k: v for k, v in EXAMPLE.items() if v}
    template = "```yaml\n" + front_matter(example) + "```\n\n" + "Then the text:\n\n```markdown\n" + BODY_HINT + "```"
    event = "```yaml\n" + "\n".join(front_matter(EVENT_EXAMPLE).splitlines()[1:-1]) + "\n```"
    vocab = "\n\n".join([
        "### Types (`type`)\n\n" + _table(("id", "label", "meaning"),
                                           [(f"`{t.id}`", t.label, t.description) for t in catalogue.types.values()]),
        "### Regions (`region`)\n\n" + _table(("id", "name", "about"),
                                              [(f"`{r.id}`", r.name, r.texts["en"].description) for r in catalogue.regions.values()]),
        "### Topics (`topic`)\n\n" + _table(("id", "label", "meaning"),
                                             [(f"`{t.id}`", t.label, t.description) for t in catalogue.topics.values()]),
        "### Organisations (`partner`)\n\n" + _table(("id", "name", "role"),
                                                     [(f"`{o.id}`", o.name, o.role) for o in catalogue.organisations.values()]),
        "### Interface languages (translation suffixes)\n\n" + _table(
            ("code", "language", "translation file"),
            [(f"`{c}`", catalogue.strings[c].get("name", c), "original, no suffix" if i == 0 else f"`slug.{c}.md`")
             for i, c in enumerate(catalogue.languages)]),
    ])
    return {"fields": fields, "template": template, "event": event, "vocabularies": vocab}


def form_options(catalogue: Catalogue) -> dict[str, list[str]]:
    """Generated option list name -> its YAML items, for the issue forms under .github/."""
    return {
        "types": [t.id for t in catalogue.types.values()],
        "regions": [f"label: {r.id} ({r.name})" for r in catalogue.regions.values()],
        "topics": [f"label: {t.id} ({t.label})" for t in catalogue.topics.values()],
        "translation-languages": [f"{c} ({catalogue.strings[c].get('name', c)})" for c in catalogue.languages[1:]],
    }


def update(text: str, catalogue: Catalogue) -> str:
    """CONTRIBUTING.md with every `<!-- generated:NAME -->…<!-- /generated -->` block fresh."""
    return _replace(r"<!-- generated:(?P<name>[\w-]+) -->\n.*?<!-- /generated -->", text, sections(catalogue),
                    lambda name, indent, body: f"<!-- generated:{name} -->\n{body}\n<!-- /generated -->")


def update_form(text: str, catalogue: Catalogue) -> str:
    """An issue form with the items between `# generated:NAME` and `# /generated` fresh."""
    options = {name: "\n".join(items) for name, items in form_options(catalogue).items()}

    def block(name: str, indent: str, body: str) -> str:
        items = "".join(f"{indent}- {item}\n" for item in body.splitlines())
        return f"{indent}# generated:{name} (make docs)\n{items}{indent}# /generated"
    return _replace(r"^(?P<indent> *)# generated:(?P<name>[\w-]+) \(make docs\)\n.*?^ *# /generated", text, options, block)


def _replace(pattern: str, text: str, generated: dict[str, str], write) -> str:
    """Each block `pattern` finds (groups `name`, and `indent` where the block is indented) written anew."""
    def replace(match: re.Match) -> str:
        name, indent = match.group("name"), match.groupdict().get("indent") or ""
        if name not in generated:
            raise KeyError(f"unknown generated section '{name}'")
        return write(name, indent, generated[name])
    return re.sub(pattern, replace, text, flags=re.S | re.M)
