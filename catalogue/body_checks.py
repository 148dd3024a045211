"""Contributor Markdown checked before it is rendered: what would run code in readers' browsers,
mislead them, lose them an image or a heading, or hold the build for minutes.

The line-by-line rules of what the sanitiser keeps live in catalogue.markup; this module adds the
refusals (scripts, frames, event handlers, script links) and the limits on nesting and brackets.
"""

from __future__ import annotations

import re
from html import unescape

from .markup import ACTIVE_TAGS as ACTIVE_TAG_NAMES
from .markup import (
    heading_levels,
    misleading_links,
    pasted_layout,
    prose_lines,
    removed_markup,
    undescribed_images,
    unreachable_links,
)
from .problems import ProblemList

ACTIVE_TAGS = re.compile(r"<\s*(" + "|".join(ACTIVE_TAG_NAMES) + r")\b", re.IGNORECASE)
# <a on…=>, {: on…="…"}; a tag's attributes end at the next '<' or '>', or a line of '<a <a <a…' would take
# the square of its length
EVENT_HANDLER = re.compile(r"<[a-z][^<>]*?\s(on[a-z]+)\s*=|\{:?[^{}]*?(?<![\w-])(on[a-z]+)\s*=\s*[\"']",
                           re.IGNORECASE)
BAD_URL = re.compile(r"(?:\]\(\s*<?|^\s*\[(?!\^)[^\]]+\]:\s*<?|(?:href|src|action|formaction|xlink:href)\s*=\s*[\"']?|<)"
                     r"\s*(javascript|data|vbscript)\s*:",
                     re.IGNORECASE)
_MAY_BE_ACTIVE = re.compile(r"[<&\]={]")  # '{' opens an attribute list
INSTEAD = {
    "script": "scripts cannot run on the hub; link to the tool with 'url' instead",
    "style": "the hub's own styles apply to every page; remove the styling",
    "iframe": "embedded frames load other sites; link to the material instead",
    "frame": "embedded frames load other sites; link to the material instead",
    "object": "embedded objects are not allowed; attach the file under 'files' or link to it",
    "embed": "embedded objects are not allowed; attach the file under 'files' or link to it",
    "svg": "inline SVG can carry scripts; save the image as a file under content/ and use ![text](path)",
    "math": "MathML is not shown on the hub; describe the formula in words or as an image",
    "link": "pages load only the hub's own styles and scripts; remove it",
    "meta": "pages set their own metadata; remove it",
    "base": "it would change where every link of the page leads; remove it",
}
NESTED = re.compile(r"(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))")  # one level of quote or list item
MAX_NESTING = 40  # Python-Markdown recurses once per level and fails at a few hundred
MAX_BRACKETS = 1000  # '[' in one paragraph: Markdown's time for unclosed ones grows with their square
REMOTE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?:https?:)?//|<(?:img|source)\b[^<>]*\b(?:src\s*=\s*[\"']?\s*|srcset\s*=\s*[\"']?[^\"'>]*?)(?:https?:)?//",
                          re.IGNORECASE)


def _check_brackets(text: str, first_line: int, where: str, problems: ProblemList) -> None:
    """A paragraph of thousands of '[' or '<' (a pasted table, a broken export) would hold the build
    for minutes: Markdown tries each as the start of a link or a tag, to the paragraph's end."""
    line = first_line
    for paragraph in re.split(r"(\n[ \t]*\n)", text):
        for char in "[<":
            count = paragraph.count(char)
            if count > MAX_BRACKETS:
                problems.add(where, line, "body", f"this paragraph holds {count} '{char}' characters, which makes the "
                             f"build very slow; keep it under {MAX_BRACKETS} (split the paragraph, or put data in an "
                             "attachment)")
        line += paragraph.count("\n")


def _check_nesting(text: str, first_line: int, where: str, problems: ProblemList) -> None:
    """Lists and quotes within each other, as levels of '>', '- ' or '1. ' and of four-space indents."""
    in_code = False
    for offset, line in enumerate(text.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        if in_code:
            continue
        depth, at = 0, 0
        while (level := NESTED.match(line, at)) and level.end() > at:
            depth, at = depth + 1, level.end()
        indent = line[:len(line) - len(line.lstrip(" \t"))].expandtabs(4)
        depth = max(depth, len(indent) // 4)
        if depth > MAX_NESTING:
            problems.add(where, first_line + offset, "body", f"lists or quotes are nested {depth} levels deep here; "
                         f"keep to a few levels (at most {MAX_NESTING})")
            return  # once is enough: the next lines are as deep


CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")  # `<script>`, shown as typed


UNDESCRIBED_IMAGE = re.compile(r"!\[\s*\]\(")


def check_body(text: str, first_line: int, where: str, problems: ProblemList) -> None:
    """Refuse in contributor Markdown what would run code in readers' browsers, mislead them about
    where a link leads, show them a broken image or none at all, or hold the build for minutes."""
    _check_nesting(text, first_line, where, problems)
    _check_brackets(text, first_line, where, problems)
    prose = list(prose_lines(text, first_line))
    for number, level, previous in heading_levels(prose):
        if level == 1:  # the theme would show it instead of the title, as the page's name
            problems.add(where, number, "body", "the title is the page's only '#' heading; start headings in the text "
                         "with '##'")
        elif level > previous + 1:
            after = "the title" if previous == 1 else f"a level-{previous} heading ('{'#' * previous}')"
            problems.add(where, number, "body", f"this heading skips a level: it is '{'#' * level}' right after {after}; "
                         f"make it '{'#' * (previous + 1)}' (screen readers list a page by its headings, and a skipped "
                         "level sounds like a missing section)")
    for number, message in (*pasted_layout(text, first_line), *misleading_links(prose)):
        problems.add(where, number, "body", message)
    for number, line in prose:
        if "<!-- hub:" in line:  # hooks/fill_page_sections.py fills them on the hub's own pages only
            problems.add(where, number, "body", "'<!-- hub:… -->' markers work on the hub's own pages only; remove it")
        if UNDESCRIBED_IMAGE.search(line):
            problems.add(where, number, "body", "the image needs a few words between its brackets for readers who "
                         "cannot see it, e.g. ![Coal jobs by year in Cesar](../files/chart.png)")
        if REMOTE_IMAGE.search(line):
            problems.add(where, number, "body", "images from other sites are not shown (readers' browsers fetch nothing "
                         "from other sites); save the image under content/files/ and link to that file")
        if not _MAY_BE_ACTIVE.search(line):
            continue  # every pattern below needs one of these, or an entity that decodes to one
        # a tag named in a code span is shown as typed (the sanitiser would strip a real one anyway);
        # attributes are checked on the whole line, where a code span could hide a quote
        for match in ACTIVE_TAGS.finditer(CODE_SPAN.sub(" ", line) if "`" in line else line):
            tag = match.group(1).lower()
            hint = INSTEAD.get(tag, "forms and form fields are not allowed; link to the form on its own site instead")
            problems.add(where, number, "body", f"raw <{tag}> is not allowed in content: {hint}")
        shown = CODE_SPAN.sub(" ", line) if "`" in line else line
        for message in (*removed_markup(shown), *unreachable_links(shown), *undescribed_images(shown)):
            problems.add(where, number, "body", message)
        for match in EVENT_HANDLER.finditer(line):
            problems.add(where, number, "body", f"the attribute '{match.group(1) or match.group(2)}' runs script and is not "
                         "allowed; remove it")
        # browsers decode entities and skip tabs and newlines inside a URL's scheme
        decoded = re.sub(r"[\t\r\n]", "", unescape(unescape(line)))
        for match in BAD_URL.finditer(decoded):
            problems.add(where, number, "body", f"'{match.group(1).lower()}:' links are not allowed; "
                         "link to an https:// address or a file under content/ instead")
