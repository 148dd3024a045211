"""`make serve`: the live preview a contributor keeps open beside the file they edit."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from browser import browser
from conftest import make_repo, mkdocs_config, resource


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_served(url: str, server: subprocess.Popen, log: Path, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"mkdocs serve stopped:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:  # served: the page for missing addresses, when the build stopped
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"mkdocs serve did not serve {url} within {seconds} s")


def test_the_preview_shows_a_saved_change_without_a_reload_by_hand(tmp_path):
    """The preview's server adds a script to each page that reloads it when a file is saved (a
    resource, or a template of the theme); the pages' Content-Security-Policy lets it run there
    (and only there: built pages allow no inline script but the theme's own, by hash). A mistake,
    there when the preview starts or saved later, is shown in place of the page until a save fixes it."""
    repo = make_repo(tmp_path / "repo", {"coal-brief.md": resource(title="Coal brief", type="blog")})
    port = _free_port()
    mount = urlsplit(mkdocs_config(repo)["site_url"]).path
    page_url = f"http://127.0.0.1:{port}{mount}resources/coal-brief/"
    log = tmp_path / "serve.log"  # a file, not a pipe: nobody reads the server's output while it runs
    with log.open("w") as output:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f",
                                   str(repo / "mkdocs.yml")], cwd=repo, stdout=output, stderr=subprocess.STDOUT,
                                  env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    try:
        _wait_until_served(page_url, server, log)
        with browser() as chromium:
            page = chromium.new_page()
            blocked = []
            page.on("console", lambda message: blocked.append(message.text)
                    if "Content Security Policy" in message.text else None)
            page.goto(page_url)
            source = repo / "content/resources/coal-brief.md"
            mistake = "content/resources/coal-brief.md:3: type: 'blog' is not a type"
            page.get_by_text(mistake).wait_for(timeout=10_000)  # the preview did not stop at its first build
            source.write_text(source.read_text().replace("type: blog", "type: report"))
            page.get_by_text("Body of Coal brief.").wait_for(timeout=90_000)
            page.wait_for_timeout(1000)  # the reload script starts asking the server for changes
            source.write_text(source.read_text().replace("Body of Coal brief.", "Body of Coal brief, now corrected."))
            page.get_by_text("now corrected").wait_for(timeout=90_000)  # not an evaluated script: the policy holds
            footer = repo / "overrides/partials/copyright.html"  # a template, read anew by each build
            footer.write_text(footer.read_text().replace("</p>", " Footer edited.</p>", 1))
            page.get_by_text("Footer edited.").wait_for(timeout=90_000)
            assert blocked == []

            # a mistake: the page says what it is, as `make validate` would, until it is fixed
            fixed = source.read_text()
            source.write_text(fixed.replace("type: report", "type: blog"))
            page.get_by_text(mistake).wait_for(timeout=90_000)
            assert page.title() == "The preview waits for a fix"
            source.write_text(fixed)
            page.get_by_text("now corrected").wait_for(timeout=90_000)
            edited = footer.read_text()  # a template's mistake is placed in its file
            footer.write_text(edited + "{% if unclosed %}\n")
            page.get_by_text(f"partials/copyright.html:{edited.count(chr(10)) + 1}: TemplateSyntaxError").wait_for(timeout=90_000)
            footer.write_text(edited)
            page.get_by_text("now corrected").wait_for(timeout=90_000)
    finally:
        server.terminate()
        server.wait(timeout=30)
