"""Build steps run in a second process while MkDocs renders the default language's pages.

The search index and the data files (feeds, calendars, API, citations) depend on the catalogue,
not on rendered pages, so they need not wait for six languages of pages: on a machine with two
cores they finish meanwhile; so do the other languages' pages
(hooks/build_languages_in_parallel.py). A job forks once the catalogue is loaded (the child
shares it as it is), writes into a staging folder next to the site, and is collected at the end
of the build: its files move into the site, or its error stops the build like any other. Where `fork` does
not exist (Windows), or with HUB_SEQUENTIAL_BUILD=1 in the environment (to profile a build, or
to compare its output, as tests/test_quality.py does), the job runs when it is collected.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import shutil
import signal
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import Abort

from catalogue.problems import BuildStopped

Work = Callable[[Path], object]  # writes its files into the folder given, as they go in the site;
# what it returns (picklable) is what `collect` returns


def parallel() -> bool:
    """Whether build steps may run in forked processes."""
    return "fork" in multiprocessing.get_all_start_methods() and os.environ.get("HUB_SEQUENTIAL_BUILD", "") in ("", "0")


class Job:
    def __init__(self, name: str, work: Work, site_dir: str):
        self.name, self.work = name, work
        parent = Path(site_dir).resolve().parent  # same file system as the site: moving is renaming
        parent.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(prefix=f".hub-{name}-", dir=parent))
        atexit.register(shutil.rmtree, self.folder, True)
        self.process = None
        if parallel():
            context = multiprocessing.get_context("fork")
            self.reader, writer = context.Pipe(duplex=False)
            self.process = context.Process(target=self._child, args=(writer,), name=f"hub-{name}", daemon=True)
            self.process.start()
            writer.close()

    def _child(self, writer) -> None:
        # Ended from outside (a failed build cancels its jobs; the build's own exit ends them), the
        # work still unwinds, so that its temporary folders go too: some are in RAM (/dev/shm),
        # which nothing else empties until the machine restarts.
        signal.signal(signal.SIGTERM, _unwind)
        # The pipes' reading ends came with the fork: closed, a result that no build reads any more
        # (one killed before it collected its jobs) fails to send and the process ends, instead of
        # waiting forever to hand it over.
        for job in (self, *_jobs.values()):
            if job.process is not None:
                job.reader.close()
        try:
            outcome = (None, self.work(self.folder))
        except (Abort, BuildStopped) as err:  # messages of their own, for the reader of the build's log
            outcome = (str(err), None)
        except Exception as err:  # noqa: BLE001 - reported by the parent, which stops the build
            outcome = (f"{self.name}: {type(err).__name__}: {err}", None)
        try:
            writer.send(outcome)
        except BrokenPipeError:
            pass  # the build that started the job is gone, and nobody wants its result

    def collect(self, site_dir: str) -> object:
        """Wait for the job, then move its files into the site; stop the build if it failed."""
        try:
            if self.process is None:
                result = self.work(self.folder)
            else:
                try:
                    error, result = self.reader.recv()
                except EOFError:
                    error, result = f"{self.name}: the process stopped without a result", None
                self.process.join()
                if error:
                    raise Abort(error)
            _move_into(self.folder, Path(site_dir))
            return result
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def cancel(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join()
        shutil.rmtree(self.folder, ignore_errors=True)


def _unwind(signum, frame) -> None:
    raise SystemExit(128 + signum)


_jobs: dict[str, Job] = {}


def start(name: str, work: Work, site_dir: str) -> None:
    """Start `work` for this build; a job of the same name left by a failed build is cancelled."""
    if name in _jobs:
        _jobs.pop(name).cancel()
    _jobs[name] = Job(name, work, site_dir)


def collect(name: str, site_dir: str) -> object:
    return _jobs.pop(name).collect(site_dir)


def _move_into(source: Path, target: Path) -> None:
    """Move every file of `source` to the same place under `target`. A folder the target does
    not have yet (a language, pagefind/) moves in one rename instead of thousands."""
    target.mkdir(parents=True, exist_ok=True)
    for entry in os.scandir(source):
        destination = target / entry.name
        folder = entry.is_dir(follow_symlinks=False)
        if not destination.exists() or not (folder or destination.is_dir()):
            os.replace(entry.path, destination)  # new here, or a file over a file
        elif folder and destination.is_dir():
            _move_into(Path(entry.path), destination)
        else:  # a file and a folder at the same place: two steps of the build disagree
            raise Abort(f"{destination}: one build step wrote a file there and another a folder")
