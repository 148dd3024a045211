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


ORPHAN = """
import os, sys, time
from pathlib import Path
from hubsite import background

def work(folder):
    Path(sys.argv[1]).write_text(str(os.getpid()))
    return "x" * 1_000_000  # more than a pipe holds: sent only while someone reads

background.start("first", lambda folder: None, sys.argv[2])
background.start("test", work, sys.argv[2])
while not Path(sys.argv[1]).exists():
    time.sleep(0.05)
os._exit(0)  # the build ends without collecting its jobs: killed, as mkdocs serve is by a closed terminal
"""


@pytest.mark.skipif(not background.parallel(), reason="jobs run in forked processes only where fork exists")
def test_a_job_whose_build_was_killed_ends_instead_of_waiting_forever(tmp_path):
    """A job hands its result to the build through a pipe; a build killed before it collected the
    job (mkdocs serve ended by a signal) must not leave the job's process waiting for a reader."""
    import os
    import subprocess
    import sys

    pid_file = tmp_path / "pid"
    subprocess.run([sys.executable, "-c", ORPHAN, str(pid_file), str(tmp_path / "site")], check=True, timeout=60)
    pid = int(pid_file.read_text())
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(pid, 9)
    pytest.fail("the job's process was still waiting to hand over its result 20 s after its build ended")
