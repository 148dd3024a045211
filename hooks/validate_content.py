"""Stop the build when the content has problems, with the validator's own messages.

Events: on_config (priority 100: before every plugin, so nothing is built from bad content).
Runs `catalogue.load` over the repository and raises one Abort listing every problem as
`PATH:LINE: FIELD: message`, exactly as `scripts/validate.py` prints them; then checks the hub's
settings in mkdocs.yml (`catalogue.settings`) and that it names the languages locales/ has.

Event: on_build_error (last): an error the catalogue words for the person building
(`catalogue.problems.BuildStopped`: a text the pages use that no language has any more, found
only when a page asks for it; Pagefind's indexer failing) stops the build with its own message,
not a traceback.
"""

from __future__ import annotations

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

import hubsite
from catalogue import settings
from catalogue.problems import BuildStopped, ContentError


@event_priority(100)
def on_config(config):
    try:
        catalogue = hubsite.catalogue(config, check=True)
    except ContentError as err:
        raise Abort(f"\n{err}\nRun 'make validate' to check again after fixing.") from None
    misspelt = settings.problems(dict(config.extra))
    if misspelt:
        raise Abort("\n" + "\n".join(f"mkdocs.yml: {problem}" for problem in misspelt))
    configured = [lang.locale for lang in config.plugins["i18n"].config.languages]
    if configured != catalogue.languages:
        raise Abort(f"mkdocs.yml: plugins.i18n.languages lists {configured}, but locales/languages.yml lists "
                    f"{catalogue.languages}; make them the same, in the same order")
    return config


@event_priority(-100)
def on_build_error(error):
    if isinstance(error, BuildStopped):
        raise Abort(f"\n{error}") from None
