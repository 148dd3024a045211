"""Blocks that hand-written pages ask for with a marker line such as `<!-- hub:newsletter -->`.

They are filled in after the page is sanitised, because they contain a form and links built
from the site configuration, not from contributor text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .render import Context, esc, external_link

MARKER = re.compile(r"(?:<p>)?\s*<!--\s*hub:([a-z-]+)\s*-->\s*(?:</p>)?")


def newsletter(settings: dict[str, Any] | None, ctx: Context, online: str | None = None, sample: bool = False) -> str:
    """A plain form posting to the mailing-list provider configured in mkdocs.yml; nothing if none is.
    With `online`, the page's address on the web (the offline copy), a link there instead: a copy
    opened from disk cannot post a form, and the reader would land on a browser error. A `sample`
    hub (extra.sample_content) shows the form switched off, and says so instead of the privacy promise:
    its action is a placeholder, and a reader's address must not leave for it."""
    if not settings or not settings.get("action"):
        return ""
    t = ctx.t
    heading = f'<h2 id="newsletter">{esc(t("newsletter_title"))}</h2><p>{esc(t("newsletter_intro"))}</p>'
    if online:
        return f'<div class="hub-newsletter">{heading}<p>{external_link(online + "#newsletter", t("newsletter_online"), ctx)}</p></div>'
    hidden = "".join(f'<input type="hidden" name="{esc(k)}" value="{esc(v)}">' for k, v in (settings.get("hidden") or {}).items())
    field = esc(settings.get("email_field", "email"))
    off = " disabled" if sample else ""
    return (
        f'<form class="hub-newsletter" action="{esc(settings["action"])}" method="{esc(settings.get("method", "post"))}">'
        f'{heading}<label for="hub-newsletter-email">{esc(t("newsletter_email"))}</label> '
        f'<input id="hub-newsletter-email" type="email" name="{field}" required autocomplete="email"{off}> {hidden}'
        f'<button class="md-button md-button--primary" type="submit"{off}>{esc(t("newsletter_submit"))}</button>'
        f'<p class="hub-newsletter__privacy">{esc(t("newsletter_sample" if sample else "newsletter_privacy"))}</p></form>'
    )


def suggest_links(repository: str, ctx: Context) -> str:
    if not repository:
        return ""
    forms = (("suggest-resource.yml", "suggest_resource"), ("report-problem.yml", "report_problem"),
             ("request-translation.yml", "request_translation"))
    items = "".join(f'<li>{external_link(f"{repository}/issues/new?template={name}", ctx.t(key), ctx)}</li>'
                    for name, key in forms)
    return f'<ul class="hub-suggest">{items}</ul>'


def contributing_guide(repository: str, ctx: Context) -> str:
    if not repository:
        return ""
    return f'<p>{external_link(f"{repository}/blob/main/CONTRIBUTING.md", ctx.t("contributing_guide"), ctx)}</p>'


def fill(html: str, extra: dict[str, Any], ctx: Context, online: str | None = None) -> str:
    """Replace every marker with its block; an unknown marker is an error, not a silent gap.
    `online`: the page's address on the web, when building the offline copy."""
    repository = (extra.get("repository") or "").rstrip("/")
    blocks: dict[str, Callable[[], str]] = {
        "newsletter": lambda: newsletter(extra.get("newsletter"), ctx, online, bool(extra.get("sample_content"))),
        "suggest-links": lambda: suggest_links(repository, ctx),
        "contributing-guide": lambda: contributing_guide(repository, ctx),
    }

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in blocks:
            raise KeyError(f"unknown block <!-- hub:{name} -->; known: {', '.join(blocks)}")
        return blocks[name]()

    return MARKER.sub(replace, html)
