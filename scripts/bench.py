#!/usr/bin/env python3
"""Benchmark the hub at scale: build time, memory, output size, page weight and search transfer.

    python scripts/bench.py --resources 1000                      # the README's figures
    python scripts/bench.py --resources 30 --json bench.json      # quick smoke run
    python scripts/bench.py --resources 1000 --lighthouse         # also Lighthouse scores (npm)
    python scripts/bench.py --resources 1000 --keep /tmp/bench    # keep the copies and sites
    python scripts/bench.py --resources 1000 --rounds 3           # build times: median of three

Nothing in the repository is written. In one run the script:

1. copies the build inputs (mkdocs.yml, hooks/, overrides/, locales/, schema/, regions/,
   partners.yml, pyproject.toml, the hand-written pages, content/assets and content/files,
   scripts/build_offline.py and validate.py) into a temporary folder and writes N synthetic
   resources into its content/resources/ (scripts/synthetic.py, seeded). catalogue/ and the
   other packages pyproject.toml installs are copied too, so the run uses one snapshot of the
   code: `python -m mkdocs` puts the
   working folder first on sys.path, ahead of the editable install that points at the
   repository (checked and reported as `catalogue_module`);
2. validates the copy and builds it the way `make site` does: scripts/build_offline.py (the
   offline zip), then `mkdocs build`, with SOURCE_DATE_EPOCH set; each build is a subprocess
   whose wall time, CPU time and peak memory (wait4: user + system time and ru_maxrss,
   children included) are measured, and whose time is split by MkDocs event handler,
   Markdown rendering and theme templates;
3. builds "plain Material" on the same Markdown: content/resources/ only (plus a home page and
   one listing page per region, for the page-weight comparison), theme material with
   `font: false`, the default search plugin, a short nav, no hooks, no i18n;
4. builds a second copy with English only (locales/languages.yml and the i18n languages set to
   [en]). The validator refuses `.xx.md` files of languages the hub does not have, so there
   translations are deleted and resources that exist only in another language are renamed to
   `slug.md` (the same resources, one interface language);
5. measures site/ of each build (bytes, files) and the offline zip; with --rounds N, builds the
   hub, plain Material, the English-only hub (and the smaller hub of step 9) N times in turn
   (each into a fresh site/) and takes the median time of each: on a shared machine one build
   can be a quarter slower than the next, which moves the ratios more than most changes do;
6. serves each site on 127.0.0.1 with a small threaded server that gzips text (level 6) when
   asked, sends `Cache-Control: no-cache` for HTML and `max-age=3600` for everything else,
   and records the bytes of every response (status line and headers included). Headless
   Chromium (Playwright) loads the home page, a region page and a resource page with an empty
   cache (first visit), then again in a new tab of the same browser context (repeat visit);
7. search: on the hub's search page, everything Pagefind fetches from opening the page until
   the results for "coal" are shown (the facet counts load only when the reader opens the
   filters), and the header box of the home page from focus to the suggestions; the budget
   takes the larger of the two; on plain Material, search/search_index.json gzipped;
8. with --lighthouse: npm `lighthouse@12.2.3` in a temporary folder, mobile, performance,
   accessibility and best practices for the three pages of both sites;
9. from N = 2,000 on, builds the hub once more with 1,000 synthetic resources of the same seed
   (--growth-from sets that number), for its growth: linear within a fifth, so 10,000
   resources in at most 12 times the time of 1,000. It is built before the rounds of step 5
   and in each of them.

Budgets are printed PASS/FAIL; the exit status is 0 unless something could not be measured.
KB below means 1,024 bytes. JSON written with --json FILE (every size in bytes, every time
in seconds):

    version                 1
    started, finished       ISO 8601 UTC
    total_seconds           wall time of the whole run
    machine                 {cpus, platform, python, memory_bytes, load_average_at_start}
    resources               N
    languages               the hub's interface languages in the main build
    source_date_epoch       the build date used (1795824000 = 2026-11-28)
    catalogue_module        where `import catalogue` resolves in the copy
    package_modules         {package: file} for catalogue and every package pyproject.toml installs
    content                 {resources, files, translations, events, upcoming_events,
                             originals_by_language, with_table, words, markdown_bytes, renamed,
                             generate_seconds}
    validate                {seconds, ok}
    builds.offline          {seconds, cpu_seconds, peak_rss_bytes, load_before, zip_bytes (the complete copy),
                             language_zip_bytes {lang: bytes}, build_bytes, build_files, profile}
    builds.hub              {seconds, cpu_seconds, peak_rss_bytes, load_before, site_bytes, site_files, html_files,
                             site_bytes_without_zip, host_notices (what GitHub Pages or Cloudflare Pages
                             would refuse: catalogue/host_limits.py), profile}
    builds.plain            same keys as builds.hub (no zip: both sizes equal)
    builds.hub_en           same keys as builds.hub: the English-only build
    builds.hub_small        same keys as builds.hub: the hub with --growth-from resources
    builds.*.rounds         [{seconds, cpu_seconds}] of every round (hub, plain, hub_en, hub_small); their
                             `seconds` and `cpu_seconds` are the medians
    builds.*.jobs           {name: {seconds, cpu_seconds, tools_cpu_seconds}} of each process the build
                             forked (hubsite.background: languages, search, data), in the first round;
                             tools_cpu_seconds is what it ran, e.g. Pagefind's indexer; absent without fork
    builds.*.profile        {total, parts: {name: seconds}} exclusive seconds per event
                             handler ("<plugin or hook> on_<event>"), "markdown", "templates",
                             "mkdocs core", "catalogue fingerprint", "catalogue load";
                             diagnostic, measured inside the build
    en_only                 {validator_refuses_unconfigured_suffixes, deleted_files, renamed_files}
    growth                  null, or {from, to, time, cpu}: the hub's build time (and CPU time) at N
                             over that at --growth-from resources (measured from N = 2 × --growth-from on)
    ratios                  {hub_vs_plain, languages_vs_english, english_vs_plain (wall time;
                             hub_vs_plain = languages_vs_english × english_vs_plain), hub_vs_plain_cpu,
                             languages_vs_english_cpu, english_vs_plain_cpu (CPU time: steadier on
                             a busy machine), site_bytes_languages_vs_english,
                             hub_without_languages_vs_plain_cpu (the hub's CPU time less the process
                             that renders the other languages' pages, over plain Material's: above
                             1.5 × the cores, no parallel build could meet 1.5 × its time; null
                             when the build forks no such process)}
    pages.hub, pages.plain  {home, region, resource} (and search, hub only): each {path,
                             first_visit_bytes, first_visit_body_bytes, first_visit_requests,
                             browser_requests, offsite_requests, offsite_urls, failed_requests,
                             first_visit_paths, html_bytes, repeat_visit_bytes,
                             repeat_visit_requests, repeat_visit_paths, by_type}
    search.hub              {query, search_page: {bytes, requests, results, by_kind,
                             after_typing_bytes, after_typing_requests},
                             header_box: {bytes, requests, by_kind}, offsite_requests}
    search.plain            {index_bytes, index_gzip_bytes, loaded_on_first_visit}
    lighthouse              null, or {hub|plain: {home|region|resource: {performance,
                             accessibility, best-practices, failed (the audits that cost points), metrics}}}
    budgets                 [{name, value, limit, unit, pass, note}]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import http.server
import json
import mimetypes
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(1, str(ROOT))

import synthetic  # noqa: E402

from catalogue.host_limits import measure, notices  # noqa: E402  (plain functions over a folder)
from catalogue.offline import ZIP_NAME, zip_name  # noqa: E402  (the copies' names only: the builds run in the copy)

EPOCH = "1795824000"  # 2026-11-28 00:00 UTC, as in tests/conftest.py
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run"]
LIGHTHOUSE = "lighthouse@12.2.3"
GZIP_LEVEL = 6
KB = 1024
QUERY = "coal"
FORBIDDEN = ("content", "site", "dist", "build")  # never written: the repository's own outputs
COPIED = ("mkdocs.yml", "partners.yml", "pyproject.toml", "hooks", "overrides", "locales", "schema", "regions",
          "catalogue", "scripts/build_offline.py", "scripts/validate.py")
GROWTH_FROM = 1000  # resources of the smaller build that growth is measured against
GENERATED = ("regions", "topics", "types", "organisations", "library", "events", "news", "search")

# -- builds ------------------------------------------------------------------------------------------

# Runs a build inside a subprocess with timers around every MkDocs event handler, Markdown
# rendering, theme templates and the catalogue's cache; writes exclusive seconds as JSON.
RUNNER = r'''
import atexit, json, os, runpy, sys, time
out, mode, target, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
parts, stack, began = {}, [], time.perf_counter()

def timed(name, fn):
    def wrapper(*a, **k):
        start = time.perf_counter()
        stack.append(0.0)
        try:
            return fn(*a, **k)
        finally:
            elapsed = time.perf_counter() - start
            inner = stack.pop()
            parts[name] = parts.get(name, 0.0) + elapsed - inner
            if stack:
                stack[-1] += elapsed
    wrapper.__wrapped__ = fn
    return wrapper

@atexit.register
def dump():
    with open(out, "w") as f:
        json.dump({"total": time.perf_counter() - began, "parts": parts}, f)

sys.path[0] = os.getcwd() if mode == "module" else os.path.dirname(os.path.abspath(target))
snapshot = os.path.isdir(os.path.join(os.getcwd(), "catalogue"))
if snapshot and sys.path[0] != os.getcwd():
    sys.path.insert(0, os.getcwd())  # as build_offline.py does: the copy's catalogue, not the repository's
import jinja2
import mkdocs.commands.build as mkbuild
from mkdocs import plugins
from mkdocs.structure import pages

def run_event(self, name, item=None, **kwargs):
    pass_item = item is not None
    for method in self.events[name]:
        origin = self._event_origins.get(method, "<unknown>")
        self._current_plugin = origin
        call = timed(f"{origin} on_{name}", method)
        result = call(item, **kwargs) if pass_item else call(**kwargs)
        if result is not None:
            item = result
    self._current_plugin = None
    return item

plugins.PluginCollection.run_event = run_event
mkbuild.build = timed("mkdocs core", mkbuild.build)
pages.Page.render = timed("markdown", pages.Page.render)
jinja2.Template.render = timed("templates", jinja2.Template.render)
try:
    if not snapshot:
        raise ImportError("no catalogue here")
    import catalogue.cache as cache
    if hasattr(cache, "fingerprint"):
        cache.fingerprint = timed("catalogue fingerprint", cache.fingerprint)
    if hasattr(cache, "load"):
        cache.load = timed("catalogue load", cache.load)
except Exception:
    pass
try:  # the hub's forked jobs (hubsite.background): each appends its wall and CPU time when it ends
    from hubsite import background

    def job_child(self, writer, run=background.Job._child):
        start = time.perf_counter()
        try:
            return run(self, writer)
        finally:
            times = os.times()  # a forked process starts at zero; its children are the tools it ran
            with open(out + ".jobs", "a") as f:
                f.write(json.dumps({"name": self.name, "seconds": time.perf_counter() - start,
                                    "cpu_seconds": sum(times[:4]), "tools_cpu_seconds": times[2] + times[3]}) + "\n")

    background.Job._child = job_child
except ImportError:
    pass
sys.argv = [target] + args
if mode == "module":
    runpy.run_module(target, run_name="__main__", alter_sys=True)
else:
    runpy.run_path(target, run_name="__main__")
'''


def run_build(name: str, cwd: Path, work: Path, mode: str, target: str, args: list[str], log: Path) -> dict:
    """Run one build as a subprocess; wall time, peak memory (with its children) and the profile."""
    runner = work / "_timed_build.py"
    if not runner.exists():
        runner.write_text(RUNNER, encoding="utf-8")
    profile = work / f"profile-{name}.json"
    jobs = Path(f"{profile}.jobs")
    jobs.unlink(missing_ok=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1")
    env.pop("PYTHONPATH", None)
    load = os.getloadavg()[0]
    with open(log, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, str(runner), str(profile), mode, target, *args], cwd=cwd, env=env,
                                stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-4000:]
        raise SystemExit(f"The {name} build failed (exit {proc.returncode}); its log ends:\n{tail}")
    result = {"seconds": round(seconds, 2), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
              "peak_rss_bytes": usage.ru_maxrss * 1024, "load_before": round(load, 2)}
    if profile.exists():
        data = json.loads(profile.read_text())
        parts = {k: round(v, 2) for k, v in sorted(data["parts"].items(), key=lambda kv: -kv[1])}
        parts["other (startup, imports, config)"] = round(max(0.0, data["total"] - sum(data["parts"].values())), 2)
        result["profile"] = {"total": round(data["total"], 2), "parts": parts}
    if jobs.exists():
        result["jobs"] = {job["name"]: {key: round(value, 2) for key, value in job.items() if key != "name"}
                          for job in map(json.loads, jobs.read_text().splitlines())}
    return result


def tree_size(folder: Path, skip_suffix: str = "") -> tuple[int, int, int]:
    """(bytes, files, html files) under folder; files ending in skip_suffix left out."""
    total = files = html = 0
    for path in folder.rglob("*"):
        if path.is_file() and not (skip_suffix and path.name.endswith(skip_suffix)):
            total += path.stat().st_size
            files += 1
            html += path.suffix == ".html"
    return total, files, html


def site_figures(site: Path) -> dict:
    size = measure(site)  # what the build's own check of the hosts' limits reads
    without_zip, _, html = tree_size(site, ".zip")
    return {"site_bytes": size.bytes, "site_files": size.files, "html_files": html,
            "site_bytes_without_zip": without_zip, "host_notices": notices(size)}


# -- copies -----------------------------------------------------------------------------------------

def check_target(path: Path) -> None:
    path = path.resolve()
    for name in FORBIDDEN:
        if path == (ROOT / name).resolve() or path.is_relative_to((ROOT / name).resolve()):
            raise SystemExit(f"{path}: refusing to work inside the repository's {name}/")
    if path == ROOT or (ROOT.is_relative_to(path)):
        raise SystemExit(f"{path}: refusing to work over the repository")


def is_generated_page(path: Path) -> bool:
    try:
        return "hub_page:" in path.read_text(encoding="utf-8")[:400]
    except (OSError, UnicodeDecodeError):
        return False


def packages() -> list[str]:
    """The Python packages pyproject.toml installs (editable): catalogue, and any the hooks share."""
    import tomllib

    try:
        found = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        found = []
    return [name for name in found if isinstance(name, str) and (ROOT / name).is_dir()]


def copy_inputs(target: Path) -> None:
    """The build inputs of the repository, without its resources and generated pages."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in dict.fromkeys(COPIED + tuple(packages())):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name, ignore=ignore)
        elif src.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target / name)
    content = ROOT / "content"
    (target / "content").mkdir(parents=True, exist_ok=True)
    for src in sorted(content.iterdir()):
        if src.name == "resources" or src.name in GENERATED or src.name.startswith("."):
            continue
        if src.is_dir():
            shutil.copytree(src, target / "content" / src.name, ignore=ignore)
        elif not (src.suffix == ".md" and is_generated_page(src)):
            shutil.copy2(src, target / "content" / src.name)


def restrict_languages(root: Path, keep: list[str]) -> dict:
    """Make a copy a hub of `keep` languages only (default first); return what was changed."""
    restrict_config(root, keep)
    return restrict_files(root, keep)


def restrict_config(root: Path, keep: list[str]) -> None:
    """locales/languages.yml and the i18n plugin's languages: `keep` only."""
    (root / "locales" / "languages.yml").write_text(yaml.safe_dump(keep), encoding="utf-8")
    config_path = root / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin["i18n"]["languages"] = [entry for entry in plugin["i18n"]["languages"] if entry["locale"] in keep]
    config_path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


def restrict_files(root: Path, keep: list[str]) -> dict:
    """Delete pages in other languages; resources only in another language become originals."""
    suffix = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2})\.md$")
    deleted, renamed = 0, 0
    for folder in (root / "content" / "resources", root / "regions", root / "content"):
        files = sorted(folder.rglob("*.md")) if folder.name == "resources" else sorted(folder.glob("*.md"))
        for path in files:
            match = suffix.match(path.name)
            if not match or match.group("lang") in keep:
                continue
            original = path.with_name(match.group("stem") + ".md")
            if original.exists() or folder.name != "resources":
                path.unlink()
                deleted += 1
            else:
                path.rename(original)  # a resource only in this language: kept, as an original
                renamed += 1
    return {"deleted_files": deleted, "renamed_files": renamed}


def read_front(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def make_plain(hub: Path, target: Path) -> dict:
    """Plain Material over the same resource Markdown, with a home page and one page per region."""
    docs = target / "docs"
    shutil.copytree(hub / "content" / "resources", docs / "resources")
    entries = []
    for path in sorted((docs / "resources").rglob("*.md")):
        meta, _ = read_front(path)
        if "type" in meta:  # an original
            entries.append((str(meta["date"]), path.relative_to(docs).as_posix(), meta))
    entries.sort(reverse=True)
    regions = {}
    for path in sorted((hub / "regions").glob("*.md")):
        if path.name.count(".") == 1:
            meta, body = read_front(path)
            regions[path.stem] = (meta.get("name", path.stem), body)

    def link(rel: str, meta: dict, base: str) -> str:
        return f"- [{meta['title']}]({os.path.relpath(rel, base)}) — {meta['summary']}"

    home = ["# JET Coal Regions Knowledge Hub", "", "Reports, tools, case studies, news and events for a just "
            "transition away from coal.", "", "## Latest resources", ""]
    home += [link(rel, meta, ".") for _, rel, meta in entries[:6]]
    home += ["", "## Regions", ""] + [f"- [{name}](regions/{rid}.md)" for rid, (name, _) in regions.items()]
    (docs / "index.md").write_text("\n".join(home) + "\n", encoding="utf-8")
    for rid, (name, intro) in regions.items():
        mine = [(rel, meta) for _, rel, meta in entries if rid in (meta["region"] if isinstance(meta["region"], list)
                                                                   else [meta["region"]])]
        lines = [f"# {name}", "", intro.strip(), "", f"## Resources ({len(mine)})", ""]
        lines += [link(rel, meta, "regions") for rel, meta in mine[:20]]
        (docs / "regions" / f"{rid}.md").parent.mkdir(exist_ok=True)
        (docs / "regions" / f"{rid}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = {
        "site_name": "Plain Material",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "nav": ["index.md", {"Regions": [f"regions/{rid}.md" for rid in regions]}],
        "validation": {"nav": {"omitted_files": "ignore"}},
    }
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return {"pages": len(entries), "regions": list(regions)}


# -- serving -----------------------------------------------------------------------------------------

TEXT_TYPES = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/xml",
              "application/manifest+json", "application/rss+xml", "application/atom+xml", "application/geo+json")
EXTRA_TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
               ".webmanifest": "application/manifest+json", ".svg": "image/svg+xml", ".ics": "text/calendar",
               ".xml": "application/xml", ".wasm": "application/wasm"}


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.entries: list[dict] = []

    def add(self, entry: dict) -> None:
        with self.lock:
            self.entries.append(entry)

    def take(self) -> list[dict]:
        with self.lock:
            out, self.entries = self.entries, []
        return out


class GzipServer:
    """A threaded static server for one folder: gzip for text, caching headers, a log of bytes sent."""

    def __init__(self, folder: Path):
        self.folder = folder.resolve()
        self.log = Recorder()
        self._gz: dict[Path, bytes] = {}
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                self.respond(True)

            def do_HEAD(self):
                self.respond(False)

            def end_headers(self):
                self._header_bytes = sum(len(chunk) for chunk in getattr(self, "_headers_buffer", []))
                super().end_headers()

            def respond(self, with_body: bool):
                path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
                file = (server.folder / path.lstrip("/")).resolve()
                status = 200
                if not file.is_relative_to(server.folder):
                    file, status = None, 404
                elif file.is_dir():
                    if not path.endswith("/"):
                        self.send_response(301)
                        self.send_header("Location", path + "/")
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        server.log.add({"path": path, "status": 301, "bytes": self._header_bytes, "body": 0,
                                        "type": "redirect"})
                        return
                    file = file / "index.html"
                if file is None or not file.is_file():
                    status = 404
                    file = server.folder / "404.html" if (server.folder / "404.html").is_file() else None
                data = file.read_bytes() if file else b"Not found"
                ctype = EXTRA_TYPES.get(file.suffix if file else ".html") or \
                    (mimetypes.guess_type(file.name)[0] if file else None) or "application/octet-stream"
                if file and file.suffix == ".html":
                    ctype = "text/html"
                text = ctype.startswith(TEXT_TYPES)
                encoded = text and "gzip" in self.headers.get("Accept-Encoding", "")
                if encoded:
                    data = server.gzipped(file, data) if file else gzip.compress(data, GZIP_LEVEL, mtime=0)
                self.send_response(status)
                self.send_header("Content-Type", ctype + ("; charset=utf-8" if text else ""))
                self.send_header("Content-Length", str(len(data)))
                if encoded:
                    self.send_header("Content-Encoding", "gzip")
                if text:
                    self.send_header("Vary", "Accept-Encoding")
                self.send_header("Cache-Control", "no-cache" if ctype == "text/html" else "max-age=3600")
                self.end_headers()
                if with_body:
                    self.wfile.write(data)
                server.log.add({"path": path, "status": status, "bytes": self._header_bytes + len(data),
                                "body": len(data), "type": ctype, "gzip": encoded})

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                if not isinstance(sys.exc_info()[1], ConnectionError):  # browsers drop connections at will
                    super().handle_error(request, client_address)

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def gzipped(self, file: Path, data: bytes) -> bytes:
        if file not in self._gz:
            self._gz[file] = gzip.compress(data, GZIP_LEVEL, mtime=0)
        return self._gz[file]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


# -- browser -----------------------------------------------------------------------------------------

def kind_of(entry: dict) -> str:
    path, ctype = entry["path"], entry["type"]
    if "/pagefind/" in path:
        name = path.rsplit("/", 1)[-1]
        for key, label in (("pagefind.js", "pagefind.js"), ("pagefind-entry.json", "entry"), (".pf_meta", "meta"),
                           (".pf_index", "index"), (".pf_fragment", "fragment"), (".pf_filter", "filter"),
                           ("wasm.", "wasm"), ("worker", "worker")):
            if key in name:
                return label
        return "pagefind other"
    if ctype == "text/html":
        return "html"
    if "css" in ctype:
        return "css"
    if "javascript" in ctype:
        return "js"
    if ctype.startswith("image/"):
        return "image"
    if ctype.startswith("font/") or path.endswith((".woff", ".woff2")):
        return "font"
    return "other"


def summarise(entries: list[dict]) -> dict:
    by_type: dict[str, dict] = {}
    for entry in entries:
        slot = by_type.setdefault(kind_of(entry), {"requests": 0, "bytes": 0})
        slot["requests"] += 1
        slot["bytes"] += entry["bytes"]
    return {"bytes": sum(e["bytes"] for e in entries), "body_bytes": sum(e["body"] for e in entries),
            "requests": len(entries), "by_type": by_type}


def settle(page, extra: float = 0.4) -> None:
    try:
        page.wait_for_load_state("networkidle", timeout=30_000)
    except Exception:
        pass
    page.wait_for_timeout(int(extra * 1000))


def measure_page(browser, server: GzipServer, path: str) -> dict:
    """First visit with an empty cache, then a repeat visit in a new tab of the same context."""
    context = browser.new_context()
    offsite: list[str] = []
    failed: list[str] = []
    context.on("request", lambda r: None if r.url.startswith((server.url, "data:", "blob:", "about:", "chrome"))
               else offsite.append(r.url))
    context.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    seen: list[str] = []
    context.on("request", lambda r: seen.append(r.url))
    server.log.take()
    page = context.new_page()
    page.goto(server.url + path, wait_until="load")
    settle(page)
    first_entries = server.log.take()
    first = summarise(first_entries)
    first_seen = len([u for u in seen if not u.startswith(("data:", "blob:"))])
    seen.clear()
    again = context.new_page()
    again.goto(server.url + path, wait_until="load")
    settle(again)
    repeat_entries = server.log.take()
    repeat = summarise(repeat_entries)
    html = first["by_type"].get("html", {}).get("bytes", 0)
    context.close()
    return {"path": "/" + path, "first_visit_bytes": first["bytes"], "first_visit_body_bytes": first["body_bytes"],
            "first_visit_requests": first["requests"], "browser_requests": first_seen,
            "offsite_requests": len(offsite), "offsite_urls": offsite[:10], "failed_requests": failed[:10],
            "first_visit_paths": [e["path"] for e in first_entries],
            "html_bytes": html, "repeat_visit_bytes": repeat["bytes"], "repeat_visit_requests": repeat["requests"],
            "repeat_visit_paths": [e["path"] for e in repeat_entries], "by_type": first["by_type"]}


def search_by_kind(entries: list[dict]) -> dict:
    out: dict[str, dict] = {}
    for entry in entries:
        slot = out.setdefault(kind_of(entry), {"requests": 0, "bytes": 0})
        slot["requests"] += 1
        slot["bytes"] += entry["bytes"]
    return out


def measure_search(browser, server: GzipServer) -> dict:
    """The first query on the search page, and in the header box of the home page."""
    offsite: list[str] = []
    context = browser.new_context()
    context.on("request", lambda r: None if r.url.startswith((server.url, "data:", "blob:", "about:", "chrome"))
               else offsite.append(r.url))
    page = context.new_page()
    server.log.take()
    page.goto(server.url + "search/", wait_until="load")
    settle(page)
    on_open = [e for e in server.log.take() if "/pagefind/" in e["path"]]
    before = page.inner_text(".hub-search-status")  # the invitation to search, shown on open
    page.fill("#hub-search-q", QUERY)
    # the status changes once the results are on the page (or none were found, or it failed)
    page.wait_for_function("before => { const s = document.querySelector('.hub-search-status').textContent; "
                           "return s.length > 0 && s !== before; }", arg=before, timeout=120_000)
    settle(page, 0.6)
    typed = server.log.take()
    results = page.evaluate("document.querySelectorAll('.hub-results li').length")
    status = page.inner_text(".hub-search-status")
    everything = on_open + typed
    context.close()

    context = browser.new_context()
    context.on("request", lambda r: None if r.url.startswith((server.url, "data:", "blob:", "about:", "chrome"))
               else offsite.append(r.url))
    page = context.new_page()
    page.goto(server.url, wait_until="load")
    settle(page)
    server.log.take()
    page.focus("#hub-search-box")
    page.keyboard.type(QUERY, delay=40)
    page.wait_for_selector(".hub-search__list li, .hub-search__suggest [role=status]", timeout=60_000)
    settle(page, 0.6)
    header = server.log.take()
    context.close()
    return {
        "query": QUERY,
        "search_page": {"bytes": sum(e["bytes"] for e in everything), "requests": len(everything),
                        "results": results, "status": status, "by_kind": search_by_kind(everything),
                        "after_typing_bytes": sum(e["bytes"] for e in typed),
                        "after_typing_requests": len(typed)},
        "header_box": {"bytes": sum(e["bytes"] for e in header), "requests": len(header),
                       "by_kind": search_by_kind(header)},
        "offsite_requests": len(offsite),
    }


def pick_pages(hub: Path) -> dict[str, str]:
    """The region with most resources, and an English resource of median length with a normal body."""
    counts: dict[str, int] = {}
    lengths = []
    for path in sorted((hub / "content" / "resources").rglob("*.md")):
        if path.name.count(".") != 1:
            continue
        meta, body = read_front(path)
        for region in meta["region"] if isinstance(meta["region"], list) else [meta["region"]]:
            counts[region] = counts.get(region, 0) + 1
        if meta["type"] != "event":
            lengths.append((len(body.split()), path.relative_to(hub / "content").with_suffix("").as_posix()))
    region = max(sorted(counts), key=lambda r: counts[r])
    lengths.sort()
    median = lengths[len(lengths) // 2][1]
    return {"home": "", "region": f"regions/{region}/", "resource": f"{median}/"}


def browse(hub_site: Path, plain_site: Path, pages: dict[str, str], lighthouse: bool, work: Path) -> dict:
    from playwright.sync_api import sync_playwright

    out: dict = {"pages": {}, "search": {}, "lighthouse": None}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            for name, site in (("hub", hub_site), ("plain", plain_site)):
                with GzipServer(site) as server:
                    out["pages"][name] = {kind: measure_page(browser, server, path) for kind, path in pages.items()}
                    if name == "hub":
                        out["search"]["hub"] = measure_search(browser, server)
                        out["pages"][name]["search"] = measure_page(browser, server, "search/")
        finally:
            browser.close()
    index = plain_site / "search" / "search_index.json"
    data = index.read_bytes() if index.exists() else b""
    loaded = any(p.endswith("search_index.json") for p in out["pages"]["plain"]["home"]["first_visit_paths"])
    out["search"]["plain"] = {"index_bytes": len(data),
                              "index_gzip_bytes": len(gzip.compress(data, GZIP_LEVEL, mtime=0)),
                              "loaded_on_first_visit": loaded}
    if lighthouse:
        out["lighthouse"] = run_lighthouse(hub_site, plain_site, pages, work)
    return out


def run_lighthouse(hub_site: Path, plain_site: Path, pages: dict[str, str], work: Path) -> dict:
    tool = work / "lighthouse"
    tool.mkdir(exist_ok=True)
    print(f"Installing {LIGHTHOUSE} with npm…", flush=True)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", str(tool), LIGHTHOUSE],
                   check=True, capture_output=True, text=True)
    binary = tool / "node_modules" / ".bin" / "lighthouse"
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    results: dict = {}
    for name, site in (("hub", hub_site), ("plain", plain_site)):
        results[name] = {}
        with GzipServer(site) as server:
            for kind, path in pages.items():
                report = work / f"lighthouse-{name}-{kind}.json"
                proc = subprocess.run([str(binary), server.url + path, "--quiet", "--output=json",
                                       f"--output-path={report}", "--form-factor=mobile",
                                       "--only-categories=performance,accessibility,best-practices",
                                       "--chrome-flags=--headless --no-sandbox --disable-gpu"],
                                      env=env, capture_output=True, text=True, timeout=300)
                if proc.returncode != 0 or not report.exists():
                    results[name][kind] = {"error": (proc.stderr or proc.stdout)[-500:]}
                    continue
                data = json.loads(report.read_text())
                scores = {key: round(cat["score"] * 100) if cat.get("score") is not None else None
                          for key, cat in data["categories"].items()}
                audits = data.get("audits", {})
                # what cost points: the audits that count in a score and did not pass
                scored = {key: audit["score"] for key, audit in audits.items() if audit.get("score") is not None}
                scores["failed"] = sorted({ref["id"] for cat in data["categories"].values() for ref in cat["auditRefs"]
                                           if ref.get("weight") and scored.get(ref["id"], 1) < 1})
                scores["metrics"] = {key: audits.get(key, {}).get("numericValue") for key in
                                     ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                                      "cumulative-layout-shift", "speed-index")}
                results[name][kind] = scores
    return results


# -- report -----------------------------------------------------------------------------------------

def kb(value: float) -> str:
    return f"{value / KB:,.1f} KB"


def mb(value: float) -> str:
    return f"{value / 1e6:,.1f} MB"


def without_languages(builds: dict) -> float | None:
    """The hub's CPU time less that of the process rendering the other languages' pages, over plain
    Material's: what the build would cost if those pages cost nothing (None: no such process)."""
    languages = builds["hub"].get("jobs", {}).get("languages")
    if languages is None:
        return None
    return round((builds["hub"]["cpu_seconds"] - languages["cpu_seconds"]) / builds["plain"]["cpu_seconds"], 3)


def budgets(result: dict) -> list[dict]:
    hub, n = result["pages"]["hub"], result["resources"]
    rows = [
        ("resource page, first visit", hub["resource"]["first_visit_bytes"], 80 * KB, "bytes", ""),
    ]
    for kind in ("home", "region", "resource"):
        rows.append((f"{kind} page, repeat visit", hub[kind]["repeat_visit_bytes"], 10 * KB, "bytes", ""))
    offsite = sum(page["offsite_requests"] for page in hub.values()) + result["search"]["hub"]["offsite_requests"]
    rows.append(("requests to other hosts (hub)", offsite, 0, "requests", ""))
    rows.append(("hub build / plain Material build", result["ratios"]["hub_vs_plain"], 1.5, "ratio",
                 "" if n == 1000 else f"budget is set at N=1000; this run has N={n}"))
    searched = result["search"]["hub"]
    search_bytes = max(searched["search_page"]["bytes"], searched["header_box"]["bytes"])  # the larger of the two
    rows.append(("first search query", search_bytes, 150 * KB, "bytes",
                 "" if n >= 10000 else f"target at N=10000; this run has N={n}"))
    rows.append(("six-language build / English-only build", result["ratios"]["languages_vs_english"], 1.5, "ratio",
                 "" if len(result["languages"]) == 6 else f"languages: {', '.join(result['languages'])}"))
    growth = result.get("growth")
    if growth:  # linear within a fifth: 10,000 resources in at most 12 times the time of 1,000
        rows.append((f"hub build at N={growth['to']} / at N={growth['from']}", growth["time"],
                     round(1.2 * growth["to"] / growth["from"], 2), "ratio", ""))
    return [{"name": name, "value": value, "limit": limit, "unit": unit, "pass": value <= limit, "note": note}
            for name, value, limit, unit, note in rows]


def fmt(value: float, unit: str) -> str:
    return kb(value) if unit == "bytes" else f"{value:.2f}×" if unit == "ratio" else f"{value:g}"


def report(result: dict) -> str:
    b, lines = result["builds"], []
    add = lines.append
    add(f"JET-CR hub benchmark: {result['resources']} resources ({result['content']['files']} Markdown files, "
        f"{result['content']['translations']} translations, {result['content']['events']} events), "
        f"languages {', '.join(result['languages'])}; {result['machine']['cpus']} CPUs")
    add("")
    add(f"{'build':<34}{'time':>10}{'CPU time':>10}{'peak memory':>14}{'output':>14}{'files':>9}")
    for key, label in (("offline", "offline copy (build_offline.py)"), ("hub", "hub (mkdocs build)"),
                       ("plain", "plain Material"), ("hub_en", "hub, English only"),
                       ("hub_small", f"hub, {(result.get('growth') or {}).get('from')} resources")):
        if key not in b:
            continue
        entry = b[key]
        size = entry.get("site_bytes", entry.get("build_bytes", 0))
        files = entry.get("site_files", entry.get("build_files", 0))
        add(f"{label:<34}{entry['seconds']:>9.1f}s{entry['cpu_seconds']:>9.1f}s{mb(entry['peak_rss_bytes']):>14}"
            f"{mb(size):>14}{files:>9,}")
    add(f"{'offline zip, every language':<34}{'':>10}{'':>10}{'':>14}{mb(b['offline']['zip_bytes']):>14}")
    for lang, size in (b["offline"].get("language_zip_bytes") or {}).items():
        add(f"{'offline zip, ' + lang:<34}{'':>10}{'':>10}{'':>14}{mb(size):>14}")
    if len(b["hub"].get("rounds", [])) > 1:
        spans = ", ".join(f"{label} {min(r['seconds'] for r in b[key]['rounds']):.1f}–"
                          f"{max(r['seconds'] for r in b[key]['rounds']):.1f}s"
                          for key, label in (("hub", "hub"), ("plain", "plain"), ("hub_en", "English only"),
                                             ("hub_small", f"{(result.get('growth') or {}).get('from')} resources"))
                          if key in b)
        add(f"times above are medians of {len(b['hub']['rounds'])} rounds: {spans}")
    add(f"validate: {result['validate']['seconds']:.1f}s; "
        f"generate content: {result['content']['generate_seconds']:.1f}s")
    r = result["ratios"]
    add(f"hub / plain: {r['hub_vs_plain']:.2f}× time ({r['hub_vs_plain_cpu']:.2f}× CPU)   "
        f"{len(result['languages'])} languages / English only: {r['languages_vs_english']:.2f}× time "
        f"({r['languages_vs_english_cpu']:.2f}× CPU), {r['site_bytes_languages_vs_english']:.2f}× bytes")
    # hub / plain is the product of the two: what the languages cost, and what one language of the hub
    # (listings, search index, data files, checks) costs over plain Material's pages
    add(f"English-only hub / plain: {r['english_vs_plain']:.2f}× time ({r['english_vs_plain_cpu']:.2f}× CPU)")
    growth = result.get("growth")
    if growth:
        add(f"hub at N={growth['to']} / at N={growth['from']}: {growth['time']:.2f}× time ({growth['cpu']:.2f}× CPU)")
    loads = [b[k]["load_before"] for k in ("offline", "hub", "plain", "hub_en")]
    if max(loads) > 0.5 * (result["machine"]["cpus"] or 1) + 1:
        add(f"note: the machine was busy (load average before the builds: {', '.join(f'{x:.1f}' for x in loads)}); "
            "wall times are inflated, CPU times less so")
    for notice in b["hub"].get("host_notices", []):
        add(f"host limit: {notice}")
    add("")
    profile = b["hub"].get("profile")
    if profile:
        add(f"where the hub build's {profile['total']:.1f}s go (exclusive seconds, top 10):")
        for name, seconds in list(profile["parts"].items())[:10]:
            add(f"  {seconds:>8.1f}s  {100 * seconds / profile['total']:>5.1f}%  {name}")
        add("")
    jobs = b["hub"].get("jobs")
    if jobs:
        forked = sum(job["cpu_seconds"] for job in jobs.values())
        add(f"CPU time of the hub build by process: main {b['hub']['cpu_seconds'] - forked:.1f}s, "
            + ", ".join(f"{name} {job['cpu_seconds']:.1f}s" + (f" (of it {job['tools_cpu_seconds']:.1f}s in tools it ran)"
                                                                if job["tools_cpu_seconds"] >= 0.05 else "")
                        for name, job in sorted(jobs.items())))
        if r["hub_without_languages_vs_plain_cpu"] is not None:
            cores = result["machine"]["cpus"]
            add(f"without the other languages' pages: {r['hub_without_languages_vs_plain_cpu']:.2f}× plain Material's CPU "
                f"(1.5× its time on {cores} cores allows at most {1.5 * cores:.1f}×)")
        add("")
    add(f"{'page (gzip, headers included)':<30}{'first visit':>14}{'requests':>10}{'offsite':>9}"
        f"{'repeat':>12}{'html':>11}")
    for site in ("hub", "plain"):
        for kind, page in result["pages"][site].items():
            add(f"{site + ' ' + kind:<30}{kb(page['first_visit_bytes']):>14}{page['first_visit_requests']:>10}"
                f"{page['offsite_requests']:>9}{kb(page['repeat_visit_bytes']):>12}{kb(page['html_bytes']):>11}")
    add("")
    s = result["search"]
    sp = s["hub"]["search_page"]
    add(f"search '{s['hub']['query']}', hub search page: {kb(sp['bytes'])} in {sp['requests']} requests "
        f"({sp['results']} results shown; {kb(sp['after_typing_bytes'])} after typing) — "
        + ", ".join(f"{k} {v['requests']}× {kb(v['bytes'])}" for k, v in sp["by_kind"].items()))
    hb = s["hub"]["header_box"]
    add(f"search '{s['hub']['query']}', hub header box: {kb(hb['bytes'])} in {hb['requests']} requests")
    add(f"plain Material search_index.json: {kb(s['plain']['index_gzip_bytes'])} gzip "
        f"({mb(s['plain']['index_bytes'])} raw)"
        + (", fetched on every first visit" if s["plain"]["loaded_on_first_visit"] else ""))
    if result.get("lighthouse"):
        add("")
        add(f"{'Lighthouse (mobile)':<24}{'performance':>13}{'accessibility':>15}{'best practices':>16}")
        for site, pages in result["lighthouse"].items():
            for kind, scores in pages.items():
                if "error" in scores:
                    add(f"{site + ' ' + kind:<24}  error: {scores['error'][:60]}")
                else:
                    add(f"{site + ' ' + kind:<24}{scores.get('performance')!s:>13}{scores.get('accessibility')!s:>15}"
                        f"{scores.get('best-practices')!s:>16}"
                        + (f"  not passed: {', '.join(scores['failed'])}" if site == "hub" and scores.get("failed") else ""))
    add("")
    add("budgets:")
    for row in result["budgets"]:
        add(f"  {'PASS' if row['pass'] else 'FAIL'}  {row['name']}: {fmt(row['value'], row['unit'])} "
            f"(limit {fmt(row['limit'], row['unit'])})" + (f" — {row['note']}" if row["note"] else ""))
    add("")
    add(f"total run time: {result['total_seconds']:.0f}s")
    return "\n".join(lines)


# -- main -------------------------------------------------------------------------------------------

def step(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the hub with N synthetic resources.")
    parser.add_argument("--resources", type=int, required=True, help="number of synthetic resources")
    parser.add_argument("--languages", help="comma-separated interface languages for the main build "
                        "(default: all of locales/languages.yml)")
    parser.add_argument("--json", help="write every figure to this JSON file")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse 12.2.3 (npm) on the pages")
    parser.add_argument("--keep", help="work in this folder and keep it (copies, sites, logs)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic content")
    parser.add_argument("--growth-from", type=int, default=GROWTH_FROM,
                        help="from twice this many resources on, also build the hub with this many, for its growth")
    parser.add_argument("--rounds", type=int, default=1,
                        help="build the hub, plain Material and English only this many times; report medians")
    args = parser.parse_args(argv)
    if args.resources < 1:
        parser.error("--resources must be at least 1")

    began, started = time.perf_counter(), dt.datetime.now(dt.UTC)
    load_at_start = round(os.getloadavg()[0], 2)
    if args.keep:
        work = Path(args.keep).resolve()
        check_target(work)
        if work.exists() and any(work.iterdir()):
            parser.error(f"--keep {work}: the folder must be empty or not exist")
        work.mkdir(parents=True, exist_ok=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="hub-bench-"))
    check_target(work)
    hub, plain, english = work / "hub", work / "plain", work / "hub-en"
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    try:
        step(f"copying the build inputs to {hub}")
        copy_inputs(hub)
        all_languages = yaml.safe_load((hub / "locales" / "languages.yml").read_text(encoding="utf-8"))
        languages = args.languages.split(",") if args.languages else list(all_languages)
        unknown = [lang for lang in languages if lang not in all_languages]
        if unknown or languages[0] != all_languages[0]:
            parser.error(f"--languages: use codes of {', '.join(all_languages)}, {all_languages[0]} first")

        step(f"writing {args.resources} synthetic resources")
        t = time.perf_counter()
        content = synthetic.generate(hub, args.resources, args.seed)
        content["generate_seconds"] = round(time.perf_counter() - t, 2)
        if languages != all_languages:
            restrict_languages(hub, languages)

        env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1")
        probe = "import importlib, sys\nfor name in sys.argv[1:]:\n    print(importlib.import_module(name).__file__)"
        modules = subprocess.run([sys.executable, "-c", probe, "catalogue", *packages()], cwd=hub, env=env,
                                 capture_output=True, text=True).stdout.split()
        module = modules[0] if modules else ""
        step("validating the copy")
        t = time.perf_counter()
        check = subprocess.run([sys.executable, "scripts/validate.py", "--root", str(hub)], cwd=hub, env=env,
                               capture_output=True, text=True)
        validate = {"seconds": round(time.perf_counter() - t, 2), "ok": check.returncode == 0}
        if check.returncode != 0:
            raise SystemExit("The synthetic content does not validate:\n" + check.stdout[-4000:])

        builds: dict = {}
        step("building the offline copy (scripts/build_offline.py)")
        builds["offline"] = run_build("offline", hub, work, "script", "scripts/build_offline.py",
                                      ["--dist", str(hub / "dist")], logs / "offline.log")
        complete = hub / "dist" / ZIP_NAME
        builds["offline"]["zip_bytes"] = complete.stat().st_size if complete.is_file() else 0
        builds["offline"]["language_zip_bytes"] = {  # each language's copy, with the default language
            lang: (hub / "dist" / zip_name(lang)).stat().st_size for lang in languages
            if (hub / "dist" / zip_name(lang)).is_file()}
        size, files, _ = tree_size(hub / "build" / "offline")
        builds["offline"].update(build_bytes=size, build_files=files)

        step("building the hub (mkdocs build)")
        builds["hub"] = run_build("hub", hub, work, "module", "mkdocs", ["build", "-q"], logs / "hub.log")
        builds["hub"].update(site_figures(hub / "site"))

        step("building plain Material on the same Markdown")
        make_plain(hub, plain)
        builds["plain"] = run_build("plain", plain, work, "module", "mkdocs", ["build", "-q"], logs / "plain.log")
        builds["plain"].update(site_figures(plain / "site"))

        step("building the hub with English only")
        english.mkdir()
        for name in os.listdir(hub):
            if name in ("site", "build"):
                continue
            src = hub / name
            (shutil.copytree(src, english / name) if src.is_dir() else shutil.copy2(src, english / name))
        for generated in GENERATED:
            shutil.rmtree(english / "content" / generated, ignore_errors=True)
        for page in (english / "content").glob("index*.md"):
            if is_generated_page(page):
                page.unlink()
        # with the configuration alone restricted, does the validator refuse the other languages' files?
        restrict_config(english, ["en"])
        refused = subprocess.run([sys.executable, "scripts/validate.py", "--root", str(english)], cwd=english, env=env,
                                 capture_output=True, text=True)
        changes = {"validator_refuses_unconfigured_suffixes": "is not a language of the hub" in refused.stdout}
        changes.update(restrict_files(english, ["en"]))
        builds["hub_en"] = run_build("hub_en", english, work, "module", "mkdocs", ["build", "-q"], logs / "hub-en.log")
        builds["hub_en"].update(site_figures(english / "site"))

        folders = {"hub": hub, "plain": plain, "hub_en": english}
        if args.resources >= 2 * args.growth_from:
            step(f"building the hub with {args.growth_from} resources, for its growth to {args.resources}")
            small = work / "hub-small"
            copy_inputs(small)
            synthetic.generate(small, args.growth_from, args.seed)
            if languages != all_languages:
                restrict_languages(small, languages)
            builds["hub_small"] = run_build("hub_small", small, work, "module", "mkdocs", ["build", "-q"],
                                            logs / "hub-small.log")
            builds["hub_small"].update(site_figures(small / "site"))
            # built again in every round, beside the large builds: the growth is then a ratio of
            # medians taken in the same phases of the machine, not of one build at a lucky moment
            folders["hub_small"] = small
        for key in folders:
            builds[key]["rounds"] = [{k: builds[key][k] for k in ("seconds", "cpu_seconds")}]
        for number in range(2, args.rounds + 1):
            step(f"round {number} of {args.rounds}: the same builds again")
            for key, folder in folders.items():
                (folder / "site").rename(work / f"site-{key}-{number}")  # the measured pages stay in site/
                again = run_build(key, folder, work, "module", "mkdocs", ["build", "-q"], logs / f"{key}-{number}.log")
                builds[key]["rounds"].append({k: again[k] for k in ("seconds", "cpu_seconds")})
                (folder / "site").rename(work / f"discard-{key}-{number}")  # deleted at the end: a
                (work / f"site-{key}-{number}").rename(folder / "site")   # deletion slows the next build
        for discarded in work.glob("discard-*"):
            shutil.rmtree(discarded)
        for key in folders:
            for measure in ("seconds", "cpu_seconds"):
                builds[key][measure] = statistics.median(r[measure] for r in builds[key]["rounds"])

        step("measuring pages in headless Chromium")
        pages = pick_pages(hub)
        browsed = browse(hub / "site", plain / "site", pages, args.lighthouse, work)

        result = {
            "version": 1,
            "started": started.isoformat(timespec="seconds"),
            "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                        "memory_bytes": os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"),
                        "load_average_at_start": load_at_start},
            "resources": args.resources,
            "languages": languages,
            "source_date_epoch": int(EPOCH),
            "catalogue_module": module,
            "package_modules": dict(zip(["catalogue", *packages()], modules, strict=True)),
            "content": content,
            "validate": validate,
            "builds": builds,
            "en_only": changes,
            "ratios": {
                "hub_vs_plain": round(builds["hub"]["seconds"] / builds["plain"]["seconds"], 3),
                "languages_vs_english": round(builds["hub"]["seconds"] / builds["hub_en"]["seconds"], 3),
                "english_vs_plain": round(builds["hub_en"]["seconds"] / builds["plain"]["seconds"], 3),
                "hub_vs_plain_cpu": round(builds["hub"]["cpu_seconds"] / builds["plain"]["cpu_seconds"], 3),
                "languages_vs_english_cpu": round(builds["hub"]["cpu_seconds"] / builds["hub_en"]["cpu_seconds"], 3),
                "english_vs_plain_cpu": round(builds["hub_en"]["cpu_seconds"] / builds["plain"]["cpu_seconds"], 3),
                "site_bytes_languages_vs_english": round(builds["hub"]["site_bytes_without_zip"]
                                                         / builds["hub_en"]["site_bytes_without_zip"], 3),
                "hub_without_languages_vs_plain_cpu": without_languages(builds),
            },
            "growth": None if "hub_small" not in builds else {
                "from": args.growth_from, "to": args.resources,
                "time": round(builds["hub"]["seconds"] / builds["hub_small"]["seconds"], 3),
                "cpu": round(builds["hub"]["cpu_seconds"] / builds["hub_small"]["cpu_seconds"], 3)},
            "pages": browsed["pages"],
            "search": browsed["search"],
            "lighthouse": browsed["lighthouse"],
        }
        result["finished"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        result["total_seconds"] = round(time.perf_counter() - began, 1)
        result["budgets"] = budgets(result)
        print()
        print(report(result))
        if args.json:
            Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            print(f"\nfigures written to {args.json}")
        if args.keep:
            print(f"copies, sites and logs kept in {work}")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
