"""Write the Pagefind search index into site/pagefind/, once, after every language is built.

Events: on_post_build at priority -200, after static-i18n (-100) has built the other
languages; its nested builds also call on_post_build, and those calls are skipped while the
i18n plugin reports `building`. Records come from `catalogue.search_records`, so only
knowledge products, regions and organisations are indexed, with their filters. Each record is written as a
tiny HTML page for Pagefind's indexer (its Python API waits 0.1 s per record). The offline
copy (config.extra.offline) gets the same records as scripts for search-offline.js instead,
because Pagefind cannot run from file://.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

import hubsite
from catalogue.search_records import records, write_offline_data, write_record_pages
from catalogue.stable_index import stabilise


@event_priority(-200)
def on_post_build(config):
    if not hubsite.all_languages_built(config):
        return
    catalogue = hubsite.catalogue(config)
    style = hubsite.url_style(config, catalogue)
    if config.extra.get("offline"):
        write_offline_data(records(catalogue, style), Path(config.site_dir) / "search")
        return
    output = Path(config.site_dir) / "pagefind"
    with tempfile.TemporaryDirectory(prefix="hub-search-") as tmp:
        write_record_pages(records(catalogue, style), Path(tmp))
        result = subprocess.run([sys.executable, "-m", "pagefind", "--site", tmp, "--output-path", str(output)],
                                capture_output=True, text=True)
    if result.returncode != 0:
        raise Abort(f"Building the search index failed:\n{result.stdout}{result.stderr}")
    for unused in output.glob("pagefind-*ui*"):  # Pagefind's ready-made UIs: the hub has its own
        unused.unlink()
    (output / "pagefind-highlight.js").unlink(missing_ok=True)
    stabilise(output)
