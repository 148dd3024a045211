"""Resources whose file was renamed without keeping the old name (front matter `former_names`), and
resources removed.

A resource's address is its file's name. Links to it live on outside the hub, in newsletters,
partners' sites, citations and search engines, so a file renamed in a pull request must list its
old name for the build to keep a page at the old address (catalogue.moved). A resource removed
leaves its address with no page: that may be meant (a withdrawn resource), so it is a note to the
reviewers, not a problem. Git knows what was renamed and removed: this compares the content with a
commit (in a pull request, the branch it goes into).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .history import run_git
from .load import RESOURCES_DIR
from .model import Catalogue
from .problems import Problem, ProblemList

# How alike two files must be for git to call them one file renamed (git's default, 50%, misses most
# renames that came with a rewrite). Renaming a resource often comes with rewriting it, but its front
# matter (type, regions, topics, organisations, date, links) mostly stays. Measured on the sample: a
# resource whose title, summary and text were all rewritten is 17% alike to what it was; two different
# resources are at most 6% alike (250 pairs).
ALIKE = "12%"


@dataclass(frozen=True)
class Changes:
    renamed: list[tuple[str, str]]  # (old path, new path)
    removed: list[str]  # paths


def changed_files(root: Path, since: str) -> Changes | None:
    """The files under content/resources/ that git sees renamed or removed between the point where
    this branch left `since` and the working tree (what `since` did meanwhile is not this branch's);
    None when git cannot tell (no repository, unknown commit)."""
    out = run_git(root, "diff", "--merge-base", "--name-status", f"--find-renames={ALIKE}", "--diff-filter=RD", "--relative",
                  since, "--", RESOURCES_DIR)
    if out is None:
        return None
    renamed, removed = [], []
    for line in out.splitlines():
        status, *paths = line.split("\t")
        if status.startswith("R"):
            renamed.append((paths[0], paths[1]))
        elif status == "D":
            removed.append(paths[0])
    return Changes(renamed, removed)


def check_renames(catalogue: Catalogue, pairs: list[tuple[str, str]], since: str, problems: ProblemList) -> None:
    """A problem on each renamed resource whose old name no resource keeps as a former name."""
    by_name = {resource.name: resource for resource in catalogue.resources}
    reached = _names_with_a_page(catalogue)
    told = set()
    for old, new in sorted(pairs, key=lambda pair: _suffixed(pair[0], catalogue.languages)):  # originals first
        old_name, new_name = resource_name(old, catalogue.languages), resource_name(new, catalogue.languages)
        resource = by_name.get(new_name)
        # a translation renamed with its original is told once, on the original; a name that is in
        # use again, or already kept, needs nothing
        if resource is None or old_name == new_name or old_name in reached or old_name in told:
            continue
        told.add(old_name)
        doc = resource.meta["_doc"]
        add = (f"add '{old_name}' to its former_names" if resource.former_names
               else f"add the line 'former_names: [{old_name}]' to its front matter")
        problems.add(resource.original.path, doc.line_of("former_names"), "former_names",
                     f"this resource's file was {old} in {since}, and links elsewhere (newsletters, citations, search "
                     f"engines) lead to its old address, resources/{old_name}/; {add}, so that they still lead here")


def removal_notes(catalogue: Catalogue, removed: list[str], since: str) -> list[Problem]:
    """A note on each removed resource whose name no file has now and no resource keeps as a former name."""
    reached = _names_with_a_page(catalogue)
    notes, told = [], set()
    for path in sorted(removed, key=lambda path: _suffixed(path, catalogue.languages)):  # originals first
        name = resource_name(path, catalogue.languages)
        if name in reached or name in told:  # a translation removed alone, or an address kept
            continue
        told.add(name)
        notes.append(Problem(path, 0, "-", f"this resource is removed (it was in {since}), and links elsewhere "
                             f"(newsletters, citations, search engines) to resources/{name}/ will find no page. If another "
                             f"file now holds it, add '{name}' to that file's former_names; if it is withdrawn on purpose, "
                             "nothing needs doing"))
    return notes


def _names_with_a_page(catalogue: Catalogue) -> set[str]:
    """Names whose address leads to a resource now: its file's name, or one it keeps as a former name."""
    return {name for resource in catalogue.resources for name in (resource.name, *resource.former_names)}


def resource_name(path: str, languages: list[str]) -> str:
    """content/resources/reports/foo.es.md -> reports/foo: the name `former_names` lists."""
    stem = path.removeprefix(f"{RESOURCES_DIR}/").removesuffix(".md")
    return stem.rpartition(".")[0] if _suffixed(path, languages) else stem


def _suffixed(path: str, languages: list[str]) -> bool:
    """Whether a file's name ends in a language, as translations' (and other languages' originals') do."""
    base, _, suffix = path.removesuffix(".md").rpartition(".")
    return bool(base) and suffix in languages
