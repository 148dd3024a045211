"""Headless Chromium (Debian's, driven by Playwright) against a built site served on localhost."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from htmlcheck import SITE_PATH

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run"]


def require_chromium() -> None:
    """Skip on a developer machine without Chromium; in CI its absence is a failure."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; .ci/run installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@contextmanager
def serve(directory: Path, mount: str | None = None, handler: type = QuietHandler):
    """Serve `directory` on 127.0.0.1 where mkdocs.yml's site_url puts it (at the root, or in a
    sub-folder such as GitHub project pages use: the 404 page's links start there); with `mount`,
    under that sub-folder instead."""
    mount = SITE_PATH.strip("/") if mount is None else mount
    root = directory
    if mount:  # a folder of its own: two servers of one site, at two places, run at once
        root = Path(tempfile.mkdtemp(prefix="hub-mount-"))
        (root / mount).parent.mkdir(parents=True, exist_ok=True)
        (root / mount).symlink_to(directory, target_is_directory=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/" + (f"{mount}/" if mount else "")
    finally:
        server.shutdown()
        server.server_close()
        if root != directory:
            shutil.rmtree(root)  # the link, not the site it leads to


@contextmanager
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield instance
        finally:
            instance.close()


class OffsiteRequests(list):
    """Requests to any host but the local test server, recorded by `watch`."""


def watch(page, allowed_prefixes: tuple[str, ...]) -> OffsiteRequests:
    seen = OffsiteRequests()
    page.on("request", lambda request: None if request.url.startswith(allowed_prefixes + ("data:", "blob:"))
            else seen.append(request.url))
    return seen


def axe_page(chromium, **options):
    """A page with axe-core in every document it opens (handed to the browser once, not 500 KB per
    page), past the site's security policy, which rightly refuses the checker."""
    from conftest import need

    need(AXE, "axe")
    page = chromium.new_page(bypass_csp=True, **options)
    page.add_init_script(AXE.read_text(encoding="utf-8"))
    return page


def accessibility_violations(page, where: str) -> list[str]:
    """axe-core's violations on the page as it stands (after a search, with filters open…), each
    named with `where`: every impact counts, as Lighthouse counts them."""
    report = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{where}: {v['id']} ({v['impact']}): {v['help']} {[n['target'] for n in v['nodes']][:3]}"
            for v in report["violations"] if v["impact"] in ("minor", "moderate", "serious", "critical")]
