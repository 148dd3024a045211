"""The Content-Security-Policy of every page, and the _headers file for hosts that read one.

Scripts run only from the site itself. The pages hold no inline script today (Material's
bundle and its helpers are not sent); one a template adds is allowed by its SHA-256 hash,
computed from the page as written, as such scripts differ with the page's depth. Pagefind
needs WebAssembly ('wasm-unsafe-eval'). Forms may post only to the site and to the configured
newsletter provider.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s+[^>]*)?)>(?P<code>.*?)</script>", re.S)
DATA_TYPES = ("application/json", "application/ld+json")  # data blocks: never executed


# The page's text, found with str.find: a lazy pattern over the whole page took three quarters of
# the time of this check
ARTICLE_START, ARTICLE_END = '<article class="md-content__inner', "</article>"


class ScriptInText(ValueError):
    """An inline script inside a page's text: the sanitiser or a template let one through."""


def inline_script_hashes(html: str) -> list[str]:
    """'sha256-…' sources for every inline script that a browser would run: the theme's, around the
    text. One inside the text (<article>) is never the theme's: allowing it by its hash would run
    whatever got past the sanitiser, so it raises ScriptInText instead."""
    hashes = []
    start = html.find(ARTICLE_START)
    end = html.find(ARTICLE_END, start) if start >= 0 else -1
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs") or ""
        if "src=" in attrs or any(t in attrs for t in DATA_TYPES):
            continue
        if start <= match.start() < end:
            raise ScriptInText(match.group(0)[:80])
        digest = hashlib.sha256(match.group("code").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""


def policy(script_hashes: list[str], form_targets: list[str], header: bool = False, preview: bool = False) -> str:
    """The policy text; `header` adds what only works as an HTTP header (frame-ancestors). A `preview`
    (the live preview's pages, never published) allows inline scripts: its server adds one to each page
    it sends, to reload it when a file is saved, and browsers ignore 'unsafe-inline' beside hashes."""
    forms = " ".join(["'self'"] + sorted({o for o in map(origin, form_targets) if o}))
    scripts = ["'unsafe-inline'"] if preview else script_hashes
    directives = [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' " + " ".join(scripts),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        f"form-action {forms}",
    ]
    if header:
        directives.append("frame-ancestors 'none'")
    return "; ".join(d.strip() for d in directives)


def headers_file(csp: str) -> str:
    """_headers for Netlify, Cloudflare Pages and other hosts that read one."""
    return (
        "# Written by the build (hooks/content_security_policy.py): security and caching headers\n"
        "# for static hosts that read a _headers file. GitHub Pages ignores it; the pages carry\n"
        "# the same policy in a <meta> tag.\n"
        "/*\n"
        f"  Content-Security-Policy: {csp}\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: strict-origin-when-cross-origin\n"
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()\n"
        + "".join(f"{path}\n  Cache-Control: {policy}\n" for path, policy in CACHING)
        # the data is public: other sites' scripts may read it (a partner's page listing new resources)
        + "".join(f"{path}\n  Access-Control-Allow-Origin: *\n" for path in OPEN_DATA)
    )


# One rule for each path: hosts apply every rule that matches, and two Cache-Control values would
# conflict. Material's files carry a hash in their names, and the hub's own a ?v= of theirs (see
# hooks/tidy_theme_output.py): kept a year. Pagefind's files keep their names from build to build.
OPEN_DATA = ("/api/*", "/feeds/*", "/:lang/feeds/*", "/calendar/*", "/citations/*", "/:lang/citations/*")
FOREVER, A_DAY = "public, max-age=31536000, immutable", "public, max-age=86400"
VERSIONED_ASSETS = ("hub.js", "hub-search.js", "hub.css")  # the hub's own files under assets/ that pages ask for with ?v=
CACHING = (("/assets/stylesheets/*", FOREVER), *((f"/assets/{name}", FOREVER) for name in VERSIONED_ASSETS),
           ("/assets/search-offline.js", A_DAY), ("/assets/images/*", A_DAY), ("/assets/logos/*", A_DAY),
           ("/pagefind/*", A_DAY))
