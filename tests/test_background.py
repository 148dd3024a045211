"""The build's second processes (hubsite.background): what they leave behind when ended early."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest

from hubsite import background


def _work_in_a_scratch_folder(scratch: Path, folder: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="hub-search-", dir=scratch):
        (scratch / "started").touch()
        time.sleep(60)


@pytest.mark.skipif(not background.parallel(), reason="jobs run in forked processes only where fork exists")
def test_a_cancelled_job_removes_its_temporary_folders(tmp_path):
    """The search index writes thousands of files into RAM (/dev/shm): a job cancelled by a failed
    build (mkdocs serve) or ended with the build must not leave them there."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    background.start("test", lambda folder: _work_in_a_scratch_folder(scratch, folder), str(tmp_path / "site"))
    deadline = time.monotonic() + 20
    while not (scratch / "started").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(scratch.glob("hub-search-*")), "the job is at work"
    background._jobs.pop("test").cancel()
    assert not list(scratch.glob("hub-search-*"))
    assert not list((tmp_path).glob(".hub-test-*")), "nor its staging folder"
