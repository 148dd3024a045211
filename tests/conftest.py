"""Shared fixtures: a small repository made on the fly, and built sites."""

from __future__ import annotations

import atexit
import copy
import functools
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import material
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
# Material's stylesheet as the theme ships it; the hub sends it trimmed (hubsite/stylesheet.py)
MATERIAL_CSS = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))
PREFIXES = ("", "es/", "id/", "vi/", "th/", "mn/")  # where each language's pages are, default first
BUILD_DATE_EPOCH = "1795824000"  # 2026-11-28 00:00 UTC: "today" for every test build
COPIED = ("mkdocs.yml", "hooks", "overrides", "locales", "schema", "partners.yml", "content/assets")
HAND_WRITTEN = ("content/about*.md", "content/contribute*.md")  # pages the nav names


def script(name: str):
    """scripts/<name>.py as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sample_hub() -> Path:
    """Where the sample content is: this repository while it ships the demonstration; after
    `make keep-sample` (going live), a sample hub made of this repository's engine and
    tests/sample/'s content, so that the tests keep checking the pages of known resources."""
    keep_sample = script("keep_sample")
    if not (ROOT / keep_sample.SNAPSHOT).is_dir():
        return ROOT
    scratch = Path(tempfile.mkdtemp(prefix="hub-sample-"))
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    try:
        return keep_sample.compose(ROOT, scratch / "sample-hub")
    except (OSError, subprocess.CalledProcessError) as err:  # a downloaded archive, or no git
        raise SystemExit(f"The tests make the sample hub from tests/sample/ with git, which failed here ({err}). "
                         "Run them in a git checkout of the hub, with git installed.") from None


SAMPLE = _sample_hub()  # the hub whose pages the tests check; its engine is always this checkout's


def need(path: Path, tool: str) -> None:
    """A checker installed from npm (vnu runs on Java, axe in the browser): skipped on a developer
    machine without npm, a failure in CI."""
    if path.exists() and shutil.which("java" if tool == "vnu" else "node") is not None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{path} is missing: `make test` installs it with npm")
    pytest.skip(f"{tool} is not installed (needs npm: make test installs it)")


def pytest_sessionstart(session):
    """Most tests build or read the hub's own content. With a problem in it (a pull request's new
    resource, say), say so once, as `make validate` does, instead of a traceback in every test."""
    from catalogue.load import collect

    _, problems = collect(ROOT)
    if problems:
        pytest.exit("The content has problems, so the tests cannot run; fix these first (make validate shows them "
                    "too):\n" + "\n".join(str(p) for p in problems.sorted()), returncode=1)


RESOURCE = """\
---
title: {title}
type: {type}
region: {region}
topic: [skills]
partner: [ilo]
date: {date}
summary: A sample summary that is long enough for the schema.
{extra}---
Body of {title}.
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def png(width: int, height: int) -> bytes:
    """A grey PNG image of that size."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def resource(title: str = "Sample report", type: str = "report", region: str = "[colombia]",
             date: str = "2025-01-15", extra: str = "") -> str:
    return RESOURCE.format(title=title, type=type, region=region, date=date, extra=textwrap.dedent(extra))


def make_repo(base: Path, resources: dict[str, str] | None = None) -> Path:
    """A small repository: the real configuration, the sample's regions and pages, and only the given resources."""
    base.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        src = SAMPLE / name
        if src.is_dir():
            shutil.copytree(src, base / name)
        else:
            shutil.copy2(src, base / name)
    for pattern in HAND_WRITTEN:
        for src in SAMPLE.glob(pattern):
            shutil.copy2(src, base / src.relative_to(SAMPLE))
    shutil.copytree(SAMPLE / "regions", base / "regions")  # the hand-written pages link to every region
    (base / "content" / "resources").mkdir(parents=True, exist_ok=True)
    for rel, text in (resources or {}).items():
        write(base / "content" / "resources" / rel, text)
    return base


def licence_text(root: Path = SAMPLE) -> str:
    """mkdocs.yml's content licence as the feeds and the offline README write it ('' without one):
    tests read it from there, so that a hub that chose its own licence keeps its tests green."""
    given = (mkdocs_config(root).get("extra") or {}).get("content_licence")
    return f"{given['name']} ({given['url']})" if given else ""


def mkdocs_config(root: Path = SAMPLE) -> dict:
    """mkdocs.yml as data (tags such as !ENV read as plain values); by default the one the tests'
    sites are built with, which after going live is the sample hub's (sample_content on)."""
    path = root / "mkdocs.yml"
    stat = path.stat()
    # parsed once per version of the file: the feed tests ask for it thousands of times
    return copy.deepcopy(_parsed_mkdocs_yml(path, stat.st_mtime_ns, stat.st_size))


@functools.cache
def _parsed_mkdocs_yml(path: Path, mtime_ns: int, size: int) -> dict:
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: loader.construct_scalar(node)
                                 if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node))
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo", {"sample-report.md": resource()})


def run_build(root: Path, site_dir: Path | None = None, *extra: str,
              env: dict | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, SOURCE_DATE_EPOCH=BUILD_DATE_EPOCH, NO_MKDOCS_2_WARNING="1", **(env or {}))
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml")]
    if site_dir:
        args += ["-d", str(site_dir)]
    return subprocess.run(args + list(extra), cwd=root, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The hub with its sample content (and its offline copy), built once for the whole session,
    into temporary folders: dist/ and build/ stay as the developer left them."""
    scratch = tmp_path_factory.mktemp("real")
    site, dist = scratch / "site", scratch / "dist"
    env = dict(os.environ, SOURCE_DATE_EPOCH=BUILD_DATE_EPOCH)
    offline = subprocess.run([sys.executable, str(SAMPLE / "scripts" / "build_offline.py"), "--dist", str(dist),
                              "--build-dir", str(scratch / "offline")], cwd=SAMPLE, env=env,
                             capture_output=True, text=True, timeout=600)
    assert offline.returncode == 0, offline.stdout + offline.stderr
    result = run_build(SAMPLE, site, env={"HUB_OFFLINE_DIST": str(dist)})
    assert result.returncode == 0, result.stdout + result.stderr
    return site
