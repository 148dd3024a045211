"""Problems found in the content, reported as `PATH:LINE: FIELD: message`."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

FIX_HINT = "make fix repairs this"  # for problems catalogue.fix repairs on its own


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    field: str  # front-matter key (dotted for nested values) or "-" for the file itself
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"

    def github_annotation(self, level: str = "error") -> str:
        """The same problem as a GitHub Actions workflow command, shown on the offending line; a
        'warning' marks a note that does not fail the check."""
        line = f",line={self.line}" if self.line else ""
        return f"::{level} file={_escape(self.path, True)}{line},title=Content check::{_escape(f'{self.field}: {self.message}')}"


def _escape(text: str, property_value: bool = False) -> str:
    """GitHub's workflow-command escaping; in a property, ',' and ':' would end the value."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def _cell(text: str) -> str:
    # GitHub renders the summary as Markdown with HTML: '<script>' in a message would vanish
    return escape(text, quote=False).replace("|", "\\|")  # a bar would end the table cell


def github_summary(problems: list[Problem], notes: list[Problem] = ()) -> str:
    """Every problem as Markdown for the job summary, which has no limit on annotations; then the
    notes for the reviewers, which do not fail the check."""
    notes_text = ("\n#### For the reviewers\n\n| File | Note |\n|---|---|\n"
                  + "".join(f"| `{note.path}` | {_cell(note.message)} |\n" for note in notes)) if notes else ""
    if not problems:
        return "### Content check\n\nNo problems found.\n" + notes_text

    rows = [f"| `{p.path}` | {p.line or 'whole file'} | `{p.field}` | {_cell(p.message)} |" for p in problems]
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    return (f"### Content check: {count}\n\nEditing on GitHub: open each file below (**Files changed**, then the file's "
            "**⋯** menu, **Edit file**), change the line named, and commit to the same branch; the checks run again. "
            "With a copy on your computer: `make validate` lists the same problems, and `make fix` repairs ids written "
            "with capitals or spaces, and key order.\n\n| File | Line | Field | What to do |\n|---|---|---|---|\n"
            + "\n".join(rows) + "\n" + notes_text)


class Failed(set):
    """Paths of front-matter values that failed the schema, e.g. ("region", 0) or ("date",):
    those have their message already, so the later checks leave them out."""

    def has(self, key: str, index: int | None = None) -> bool:
        """Whether the value at `key` (or its item `index`) or anything inside it failed."""
        prefix = (key,) if index is None else (key, index)
        return (key,) in self or any(path[:len(prefix)] == prefix for path in self)


@dataclass
class ProblemList:
    """Collects problems so that every one is reported at once."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, field_name: str, message: str) -> None:
        self.items.append(Problem(path, line, field_name, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def about(self, path: str) -> bool:
        """Whether a problem names the file `path`."""
        return any(problem.path == path for problem in self.items)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))


class BuildStopped(Exception):
    """An error whose message is written for the person building the site: shown as it is, and the
    build stops, without a traceback (hooks/validate_content.py, hubsite/background.py)."""


class ContentError(Exception):
    """Raised once, after validation, when the content has problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = len(problems)
        lines = [str(p) for p in problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found; the site was not built.")
        super().__init__("\n".join(lines))
