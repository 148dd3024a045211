"""Say, at the end of the build, which common static hosts would refuse the site, and why.

Events: on_post_build at priority -300, once, after every language, the search index, the data
files and the offline copies have moved into the site (-200). The notices (catalogue/host_limits.py)
are printed as INFO, not as warnings: the build is strict, and a site too large for one host is
right for another. On GitHub Actions each is also written as a warning annotation, which the
run's summary shows (the deploy, and a pull request that adds a file too large for a host).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.plugins import event_priority

import hubsite
from catalogue.host_limits import measure, notices

log = logging.getLogger("mkdocs.hooks.host_limits")


@event_priority(-300)
def on_post_build(config):
    if not hubsite.all_languages_built(config) or config.extra.get("offline"):
        return
    for notice in notices(measure(Path(config.site_dir))):
        log.info(notice)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(f"::warning title=A host would refuse this site::{notice}", flush=True)
