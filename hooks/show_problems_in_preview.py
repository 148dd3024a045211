"""In the live preview (`make serve`), a build that stops shows why in the browser.

Events: on_startup. MkDocs' preview stops at once when its first build fails, and holds every
request while a later one has failed (the page "appears stuck" until the next build succeeds),
saying why only in the terminal, which a contributor with the page open beside their file may not
watch. Instead, the preview's folder is emptied and its page for missing addresses says what
stopped the build (for content, the same `PATH:LINE: FIELD: message` lines as `make validate`):
whatever address the browser opens shows it, and reloads itself every two seconds, so that the
page comes back once the file is fixed. The preview runs each build through the build function
of its own module (mkdocs.commands.serve.build), the first as the later ones: that is the one
this hook wraps, for `mkdocs serve` only. Published builds are not concerned: `mkdocs build`
stops, as always.
"""

from __future__ import annotations

import logging
import shutil
import sys
import traceback
from html import escape
from pathlib import Path

import mkdocs.commands.serve as preview

log = logging.getLogger("mkdocs.hooks.preview")

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="2">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The preview waits for a fix</title>
<style>body {{ font: 1rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }}
pre {{ white-space: pre-wrap; overflow-wrap: anywhere; }}</style>
</head>
<body>
<main>
<h1>The hub could not be built</h1>
<p>Fix what is said below and save the file: this page checks again every two seconds and shows
the hub once it builds.</p>
<pre>{problem}</pre>
</main>
</body>
</html>
"""


def on_startup(command, dirty):
    if command == "serve" and not getattr(preview.build, "shows_problems", False):
        preview.build = _showing_problems(preview.build)


def _showing_problems(build):
    def build_or_show_the_problem(config, **options):
        try:
            build(config, **options)
        except Exception as err:  # noqa: BLE001 - every failed build is shown, as MkDocs prints it
            if isinstance(err, SystemExit):  # Abort: the hooks' own messages (content problems)
                problem = str(err).strip()
                print(err, file=sys.stderr)  # noqa: T201 - as MkDocs' server does
            else:  # a template's mistake, say, which Jinja places in its file
                where = getattr(err, "filename", None), getattr(err, "lineno", None)
                problem = (f"{where[0]}:{where[1]}: " if all(where) else "") + f"{type(err).__name__}: {err}"
                traceback.print_exc()
            log.error("The build failed: the preview shows why until it builds again")
            _show(Path(config.site_dir), problem)

    build_or_show_the_problem.shows_problems = True
    return build_or_show_the_problem


def _show(site_dir: Path, problem: str) -> None:
    shutil.rmtree(site_dir, ignore_errors=True)  # no page of the last build may hide the problem
    site_dir.mkdir(parents=True, exist_ok=True)
    (site_dir / "404.html").write_text(PAGE.format(problem=escape(problem)), encoding="utf-8")
