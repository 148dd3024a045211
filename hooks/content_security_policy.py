"""A Content-Security-Policy on every page, and the same policy in site/_headers.

Events: on_post_page and on_post_template (for 404.html), at priority -100 so that every
hook that changes a page has run, add the <meta http-equiv> tag as the first element of
<head>, with the hashes of that page's inline scripts; on_post_build (-200, once, after
every language) writes _headers with the union of the hashes seen; on_startup notes whether
this is the live preview (mkdocs serve), whose pages allow its reload script. Logic in
catalogue/security.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

import hubsite
from catalogue.security import ScriptInText, headers_file, inline_script_hashes, policy

SCRIPT_HASHES = "inline-script-hashes"  # of every page in every language, for _headers


def on_startup(command, dirty):
    hubsite.started(command)  # the live preview's server adds an inline script to each page (catalogue.security)


def _form_targets(config) -> list[str]:
    newsletter = config.extra.get("newsletter") or {}
    return [newsletter["action"]] if newsletter.get("action") else []


@event_priority(-100)
def on_post_page(output, page, config):
    try:
        hashes = inline_script_hashes(output)
    except ScriptInText as err:
        where = page.file.src_uri if page is not None else "a theme template"
        raise Abort(f"{where}: the page's text holds a script ({err}), which the hub never allows; "
                    "the build stops rather than publish it (report this: the content check should have refused it)") from None
    hubsite.gathered(SCRIPT_HASHES).update(hashes)
    csp = policy(hashes, _form_targets(config), preview=hubsite.previewing())
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
    return output.replace("<head>", "<head>\n" + meta, 1)


@event_priority(-200)
def on_post_build(config):
    if not hubsite.all_languages_built(config):
        return
    csp = policy(sorted(hubsite.gathered(SCRIPT_HASHES)), _form_targets(config), header=True)
    (Path(config.site_dir) / "_headers").write_text(headers_file(csp), encoding="utf-8")
    hubsite.gathered(SCRIPT_HASHES).clear()


@event_priority(-100)
def on_post_template(output_content, template_name, config):
    """Templates that are not pages (404.html) get the policy too; sitemap.xml does not need one."""
    if template_name.endswith(".html"):
        return on_post_page(output_content, None, config)
    return output_content
