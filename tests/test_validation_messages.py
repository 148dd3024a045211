"""Malformed front matter: each gets one clear message with file, line and field, never a traceback."""

from __future__ import annotations

import pytest

from catalogue.load import collect
from conftest import make_repo, png, resource, write

GOOD = resource(title="A valid neighbour")

EVENT = """\
---
title: Sample workshop
type: event
region: [vietnam]
topic: [skills]
partner: [ilo]
date: 2026-01-10
summary: A sample summary that is long enough for the schema.
{event}---
Body.
"""

# (id, file name, content, line, field, words the message must contain)
CASES = [
    ("empty file", "x.md", "", 1, "-", "the file is empty"),
    ("only whitespace", "x.md", "  \n\n", 1, "-", "the file is empty"),
    ("no front matter", "x.md", "# Title\n\nText.\n", 1, "-", "no front matter"),
    ("unclosed fence", "x.md", "---\ntitle: Something\ntype: report\n", 1, "-", "is not closed"),
    ("broken flow list", "x.md", "---\ntitle: T\nregion: [colombia\n---\n", 3, "region",
     "the list is not closed; end it with ']', as in region: [colombia]"),
    ("a list left open above comment lines", "x.md", "---\ntitle: T\n# The topics\ntopic: [skills\n# Who\npartner: [ilo]\n---\n",
     4, "topic", "the list is not closed; end it with ']', as in topic: [skills]"),
    ("a type in a bracket left open", "x.md", resource(type="[case-study"), 3, "type",
     "'type' takes one id, without brackets: type: case-study"),
    ("a quote left open", "x.md", resource(title='"Energy cooperatives in Mpumalanga'), 2, "title",
     "the quote (\") that opens this value is not closed; end it with \" too: title: \"Energy cooperatives in Mpumalanga\""),
    ("a title that starts with a quotation", "x.md", resource(title='"Just transition" in Mpumalanga: a review'), 2, "title",
     "so it ends where that quote closes; put it in the other kind of quotes: title: '\"Just transition\" in Mpumalanga: a review'"),
    ("a file's title not indented", "x.md", resource(extra="files:\n- path: files/x.pdf\ntitle: Checklist\n"), 11, "title",
     "appears twice (first on line 2); if it belongs to the item above (- path: files/x.pdf), indent it by 2 spaces, "
     "under 'path'; otherwise keep one"),
    ("colon in plain text", "x.md", "---\ntitle: Coal: the end\n---\n", 2, "title",
     "the text after 'title:' contains ': ', which would start a new key; put the whole value in quotes: title: \"Coal: the end\""),
    ("curly quotes from a word processor", "x.md", "---\ntitle: “Coal: the end”\n---\n", 2, "title",
     "the value is in curly quotes (“ ” or ‘ ’), which word processors put in; only straight quotes"),
    ("a quote inside quotes", "x.md", "---\ntitle: 'Workers' voices: Quang Ninh'\n---\n", 2, "title",
     "put it in the other kind of quotes: title: \"Workers' voices: Quang Ninh\""),
    ("a title that starts with a bracket", "x.md", "---\ntitle: [Draft] Mine plan\n---\n", 2, "title",
     "a value that starts with '[' is read as a list; if it is text, put it in quotes: title: \"[Draft] Mine plan\""),
    ("tab indentation", "x.md", "---\ntitle: T\nregion:\n\t- colombia\n---\n", 4, "-", "replace the tab with spaces"),
    ("front matter is a list", "x.md", "---\n- title\n- type\n---\n", 2, "-", "must be a set of 'key: value' lines, not a list"),
    ("front matter is text", "x.md", "---\njust some words\n---\n", 2, "-", "not text"),
    ("missing title", "x.md", resource().replace("title: Sample report\n", ""), 2, "title", "missing required key; add 'title:'"),
    ("missing summary", "x.md", resource().replace("summary: A sample summary that is long enough for the schema.\n", ""),
     2, "summary", "add 'summary:'"),
    ("title is a number", "x.md", resource(title="2024"), 2, "title", "must be text, not a number"),
    ("two types", "x.md", resource(type="[case-study, report]"), 3, "type",
     "takes one value, not a list; choose one and write it without brackets, e.g. type: case-study"),
    ("summary is a number", "x.md", resource().replace("A sample summary that is long enough for the schema.", "2025"),
     8, "summary", 'must be text, not a number; put it in quotes: summary: "2025"'),
    ("authors as text", "x.md", resource(extra="authors: Jane Doe and John Smith\n"), 9, "authors",
     "must be a list, not text; put it in brackets, with a comma between items: authors: [Jane Doe and John Smith]"),
    ("files as text", "x.md", resource(extra="files: files/x.pdf\n"), 9, "files",
     "must be a list, not text; write each item on lines of its own: 'files:' on one line, then '  - path: files/x.pdf' below it"),
    ("null summary", "x.md", resource().replace("summary: A sample summary that is long enough for the schema.", "summary:"),
     8, "summary", "is empty; write text here"),
    ("misspelt key", "x.md", resource(extra="regoin: chile\n"), 9, "regoin", "did you mean 'region'?"),
    ("unknown key", "x.md", resource(extra="colour: red\n"), 9, "colour", "the allowed keys are title, type"),
    ("duplicate key", "x.md", resource(extra="title: Again\n"), 9, "title", "appears twice (first on line 2)"),
    ("date in wrong form", "x.md", resource(date="14/03/2025"), 7, "date", "write it as YYYY-MM-DD"),
    ("impossible date", "x.md", resource(date="2025-02-30"), 7, "date", "not a real calendar date"),
    ("a second top heading", "x.md", resource() + "\n# Findings\n\nText.\n", 12, "body",
     "the title is the page's only '#' heading; start headings in the text with '##'"),
    ("an image without a description", "x.md", resource() + "\n![](../files/chart.png)\n", 12, "body",
     "the image needs a few words between its brackets for readers who cannot see it"),
    ("day and month swapped", "x.md", resource(date="2025-13-01"), 7, "date",
     "'2025-13-01' is not a real calendar date; write YYYY-MM-DD, the month second: 2025-01-13?"),
    ("not UTF-8", "x.md", b"---\ntitle: Caf\xe9 workers\n---\n", 2, "-",
     "not valid UTF-8 text (byte 0xe9 (é in Windows' encoding)); save it with UTF-8 encoding (in Notepad:"),
    ("NUL byte", "x.md", "---\ntitle: a\x00b\n---\n", 2, "-", "NUL byte"),
    ("python tag", "x.md", "---\ntitle: !!python/object/apply:os.system [ls]\n---\n", 2, "-", "tags"),
    ("custom tag", "x.md", resource(extra="url: !include secrets.yml\n"), 9, "-", "tags"),
    ("alias bomb", "x.md", "---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n---\n", 2, "-", "anchors and aliases"),
    ("merge key", "x.md", "---\n<<: {title: x}\n---\n", 2, "-", "not allowed"),
    ("list as key", "x.md", "---\n? [a, b]\n: value\n---\n", 2, "-", "a key must be a plain word"),
    ("near-miss region", "x.md", resource(region="[viet-nam]"), 4, "region", "'viet-nam' is not a region; did you mean 'vietnam'?"),
    ("region label instead of id", "x.md", resource(region="Viet Nam"), 4, "region", "did you mean 'vietnam'?"),
    ("second region unknown", "x.md", resource(region="\n  - colombia\n  - chille"), 6, "region", "'chille' is not a region"),
    ("a region named in Thai", "x.md", resource(region="[ประเทศไทย]"), 4, "region",
     "'ประเทศไทย' is not a region; did you mean 'thailand'? (make fix repairs this)"),
    ("a region named in Spanish", "x.md", resource(region="Sudáfrica"), 4, "region", "did you mean 'south-africa'?"),
    ("a type named in Mongolian", "x.md", resource(type="Тайлан"), 3, "type", "did you mean 'report'?"),
    ("near-miss topic", "x.md", resource().replace("[skills]", "[coal-closure]"), 5, "topic", "did you mean 'coal-mine-closure'?"),
    ("organisation id with a word added", "x.md", resource().replace("[ilo]", "[giz-gmbh]"), 6, "partner",
     "'giz-gmbh' is not an organisation; did you mean 'giz'?"),
    ("unknown organisation", "x.md", resource().replace("[ilo]", "[unicef]"), 6, "partner", "'unicef' is not an organisation; use one of giz"),
    ("unknown type", "x.md", resource(type="blog"), 3, "type", "'blog' is not a type"),
    ("id with capitals", "x.md", resource(type="Report"), 3, "type", "'Report' is not a type; did you mean 'report'?"),
    ("empty region list", "x.md", resource(region="[]"), 4, "region", "the list is empty"),
    ("title too long", "x.md", resource(title="T" * 161), 2, "title", "161 characters long; shorten it to at most 160"),
    ("summary too long", "x.md", resource().replace("A sample summary that is long enough for the schema.", "s" * 301),
     8, "summary", "shorten it to at most 300"),
    ("url without scheme", "x.md", resource(extra="url: www.example.org/report\n"), 9, "url",
     "'www.example.org/report' needs https:// in front: https://www.example.org/report"),
    ("url without scheme or www", "x.md", resource(extra="url: example.org/report\n"), 9, "url", "must start with https://"),
    ("url whose site hides behind a backslash", "x.md", resource(extra="url: 'https://evil.example\\@www.ilo.org/r'\n"), 9,
     "url", "no spaces or backslashes, and have no name@ before the site's address"),
    ("url with a name@ before the site", "x.md", resource(extra="url: https://www.ilo.org@evil.example/r\n"), 9, "url",
     "have no name@ before the site's address"),
    ("an unclosed tag in a title", "x.md", resource(title="'Coal <img src=x onerror=alert(1) //'"), 2, "title",
     "is shown as plain text, so '<img src=x onerror=alert(1) //' would appear as typed"),
    ("a direction override in a title", "x.md", resource(title="'Coal report \u202eFDP.exe'"), 2, "-",
     "line 2 holds an invisible character that reverses the direction of the text after it"),
    ("a direction override in the text", "x.md", resource() + "\nSee [\u202emoc.knab.www//:sptth](https://evil.example/).\n",
     12, "-", "line 12 holds an invisible character that reverses the direction"),
    ("a control character", "x.md", resource(title='"Control \x0b char"'), 2, "-",
     "line 2 holds an invisible control character, which feeds and calendars cannot carry (U+000B)"),
    ("a theme class on a link", "x.md", resource() + '\n<a href="https://evil.example/login" class="md-consent__overlay">x</a>\n',
     12, "body", "the class 'md-consent__overlay' is the theme's, for its layout, not for the text; remove it"),
    ("an attribute list", "x.md", resource() + "\n[The plan](https://example.org/plan){: .note }\n", 12, "body",
     "'{: …}' is shown on the page as typed, as in GitHub's preview: the hub's Markdown, like GitHub's, has no attribute "
     "lists; remove it"),
    ("the hub's class in HTML", "x.md", resource() + '\n<p class="hub-notice">Official</p>\n', 12, "body",
     "the class 'hub-notice' is the hub's own"),
    ("a reference link that shows another site", "x.md",
     resource() + "\nSee [https://bank.example.com][r].\n\n[r]: https://evil.example.net/\n", 12, "body",
     "the link shows https://bank.example.com but leads to evil.example.net"),
    ("a domain as link text", "x.md", resource() + "\nLog in at [bank.example.com/login](https://evil.example.net/).\n",
     12, "body", "the link shows bank.example.com/login but leads to evil.example.net"),
    ("an HTML link that shows another site", "x.md",
     resource() + '\n<a href="https://evil.example.net/">https&#58;//bank.example.com</a>\n', 12, "body",
     "the link shows https://bank.example.com but leads to evil.example.net"),
    ("an image from another site in a srcset", "x.md",
     resource() + '\n<img src="../files/a.png" srcset="../files/a.png 1x, https://tracker.example/t.png 2x" alt="Chart">\n',
     12, "body", "images from other sites are not shown"),
    ("a marker of the hub's pages", "x.md", resource() + "\n<!-- hub:newsletter -->\n", 12, "body",
     "'<!-- hub:… -->' markers work on the hub's own pages only"),
    ("a link out of content", "x.md", resource() + "\nSee [the list](../../partners.yml).\n", 12, "body",
     "the link '../../partners.yml' leads outside content/, to a file the hub does not publish"),
    ("HTML in an author's name", "x.md", resource(extra="authors: ['<b>Team</b>']\n"), 9, "authors",
     "is shown as plain text, so '<b>' would appear as typed"),
    ("too many authors", "x.md", resource(extra="authors: [" + ", ".join(f"Author {n}" for n in range(31)) + "]\n"), 9,
     "authors", "at most 30"),
    ("lists nested without end", "x.md", resource() + "".join("    " * n + "- item\n" for n in range(45)), 52, "body",
     "nested 41 levels deep"),
    ("thousands of brackets in a paragraph", "x.md", resource() + "\nIntro.\n\n" + "[" * 1200 + "\n", 14, "body",
     "this paragraph holds 1200 '[' characters"),
    ("thousands of tag starts in a paragraph", "x.md", resource() + "\nIntro.\n\n" + "<a " * 300000 + "\n", 14, "body",
     "this paragraph holds 300000 '<' characters, which makes the build very slow"),
    ("deeply nested front matter", "x.md", "---\ntitle: " + "[" * 100000 + "x" + "]" * 100000 + "\n---\nBody.\n", 2, "-",
     "the front matter is nested too deeply"),
    ("an attribute list left open", "x.md", resource() + "\n{: " + " " * 5000 + "x\n\nText {: .md-dialog }\n", 14, "body",
     "'{: …}' is shown on the page as typed"),
    ("a link that shows one site and leads to another", "x.md",
     resource() + "\nSee [https://www.ilo.org/report](https://evil.example/phish).\n", 12, "body",
     "the link shows https://www.ilo.org/report but leads to evil.example"),
    ("an image from another site", "x.md", resource() + "\n![Chart](https://tracker.example/chart.png)\n", 12, "body",
     "images from other sites are not shown"),
    ("front matter nested without end", "x.md", "---\ntitle: " + "[" * 1000 + "x" + "]" * 1000 + "\n---\nBody.\n", 2, "-",
     "the front matter is nested too deeply"),
    ("language as a word", "x.md", resource(extra="language: [english]\n"), 9, "language", "not a two-letter language code"),
    ("unknown language code", "x.md", resource(extra="language: [en, qq]\n"), 9, "language", "'qq' is not an ISO 639-1"),
    ("event without start", "x.md", EVENT.format(event="location: Hanoi\n"), 3, "start", "an event needs 'start:'"),
    ("event ends before it starts", "x.md",
     EVENT.format(event="start: 2026-03-10T09:00:00+07:00\nend: 2026-03-09T17:00:00+07:00\nlocation: Hanoi\n"),
     10, "end", "ends (2026-03-09T17:00:00+07:00) before it starts"),
    ("event time without offset", "x.md", EVENT.format(event="start: 2026-03-10T09:00:00\nlocation: Hanoi\n"),
     9, "start", "'2026-03-10T09:00:00' needs the venue's offset from UTC at the end, e.g. 2026-03-10T09:00:00+07:00 "
     "in Jakarta or Bangkok"),
    ("event time without offset, with its time zone", "x.md",
     EVENT.format(event="start: 2026-06-15T09:00\ntimezone: Africa/Johannesburg\nlocation: Emalahleni\n"), 9, "start",
     "in Africa/Johannesburg on that day: 2026-06-15T09:00:00+02:00"),
    ("time zone as an abbreviation", "x.md",
     EVENT.format(event="start: 2026-06-15\ntimezone: SAST\nlocation: Emalahleni\n"), 10, "timezone",
     "'SAST' is not a time zone name; did you mean 'Africa/Johannesburg'?"),
    ("offset does not match zone", "x.md",
     EVENT.format(event="start: 2026-03-10T09:00:00+02:00\ntimezone: Asia/Ho_Chi_Minh\nlocation: Hanoi\n"),
     9, "start", "does not match Asia/Ho_Chi_Minh, which is at UTC+07:00"),
    ("misspelt time zone", "x.md", EVENT.format(event="start: 2026-03-10\ntimezone: Asia/Ho_Chi_Mihn\nlocation: Hanoi\n"),
     10, "timezone", "did you mean 'Asia/Ho_Chi_Minh'?"),
    ("event year mistyped", "x.md", EVENT.format(event="start: 2025-03-10\nlocation: Hanoi\n"), 9, "start",
     "the event starts (2025-03-10) before it was announced ('date: 2026-01-10'); check the years"),
    ("several regions without brackets", "x.md", resource(region="vietnam, Indonesia"), 4, "region",
     "'vietnam, Indonesia' reads as one value; put several in square brackets: region: [vietnam, indonesia]"),
    ("an organisation by its full name", "x.md", resource().replace("partner: [ilo]", "partner: [International Labour Organization]"),
     6, "partner", "is not an organisation; did you mean 'ilo'? (make fix repairs this)"),
    ("an organisation not in partners.yml", "x.md", resource().replace("partner: [ilo]", "partner: [cosatu]"), 6, "partner",
     "a publisher outside the project goes under 'authors', with here the partner who brings the resource to the hub"),
    ("a key by another name", "x.md", resource(extra="link: https://example.org/report\n"), 9, "link",
     "unknown key 'link'; did you mean 'url'?"),
    ("a type's name in brackets", "x.md", resource(type="[Case Study]"), 3, "type",
     "takes one value, not a list; write it without brackets, as an id: type: case-study (make fix repairs this)"),
    ("start on a report", "x.md", resource(extra="start: 2026-03-10\n"), 9, "start", "only events have 'start'"),
    ("missing attachment", "x.md", resource(extra="files:\n  - path: files/nothing.pdf\n"), 10, "files.path", "no file at content/files/nothing.pdf"),
    ("attachment outside content", "x.md", resource(extra="files:\n  - path: ../../partners.yml\n"), 10, "files.path", "points outside content/"),
    ("duplicate title", "x.md", resource(title="A valid neighbour"), 2, "title", "the same title is used by"),
    ("unsafe file name", "My Report.md", resource(), 0, "-", "unsafe file name"),
    ("upper-case file name", "Report.md", resource(), 0, "-", "unsafe file name"),
    ("a translation's language after an underscore", "coal-report_es.md", resource(), 0, "-",
     "(or .<language>.md for a translation), e.g. 'coal-report.es.md'"),
    ("a name that ends in two letters", "Growth.md", resource(), 0, "-", "e.g. 'growth.md'"),
    ("unknown language suffix", "good.fr.md", resource(), 0, "-", "'.fr.md' is not a language of the hub"),
    ("english suffix", "x.en.md", resource(), 0, "-", "need no suffix: name it x.md"),
    ("translation named with a hyphen", "good-es.md", resource(title="Un vecino"), 0, "-",
     "a translation is named good.es.md, with a dot, so that it joins good.md: rename this file"),
    ("not markdown", "notes.txt", "hello", 0, "-", "only Markdown (.md) files belong here"),
    ("unclosed front matter, closed by a rule in the text", "x.md",
     "---\ntitle: T\nsummary: S\n\nThe text of the page.\n\nNotes: more\n---\nFooter\n", 3, "-",
     "seems to end at line 3 but is not closed: add a line '---' after line 3"),
    ("'#' in a title", "x.md", resource(title="Policy brief #3 on solar jobs"), 2, "title",
     "read as a comment and left out; put the whole value in quotes: title: \"Policy brief #3 on solar jobs\""),
    ("'#' starting a summary", "x.md", resource().replace("summary: A sample", "summary: #1 sample"), 8, "summary",
     "the text after '#' is read as a comment"),
    ("Markdown in a title", "x.md", resource(title="'**Solar** jobs'"), 2, "title",
     "is shown as plain text, so '**' would appear as typed"),
    ("HTML in a summary", "x.md", resource().replace("summary: A sample", "summary: A <b>sample</b>"), 8, "summary",
     "so '<b>' would appear as typed"),
    ("list items indented unevenly", "x.md", resource().replace("topic: [skills]", "topic:\n  - skills\n   - decent-work"),
     6, "topic", "'skills - decent-work' reads as one item because the '- ' lines are not indented alike"),
    ("attachment path with content/", "x.md", resource(extra="files:\n  - path: content/files/guide.pdf\n"), 10,
     "files.path", "paths start inside content/: write files/guide.pdf"),
    ("scaffold placeholder left in", "x.md", resource() + "Write the page here in Markdown: what the resource is, who it is for and what it finds.\n", 11,
     "body", "this is the scaffold's placeholder"),
    ("link to a missing page", "x.md", resource() + "\nSee [the checklist](checklist.md#steps) and [web](https://example.org).\n",
     12, "body", "the link 'checklist.md' leads to content/resources/checklist.md, which does not exist"),
    ("image that is not there", "x.md", resource() + "\n![Panels](../images/panels.webp)\n", 12, "body",
     "a file under content/files/ is '../files/name.pdf'"),
    ("file over 1 MB", "x.md", resource() + "word " * 220_000, 1, "-", "the limit is 1,000,000"),
    ("link from the server's root", "x.md", resource() + "\nSee [the list](/files/guide.pdf).\n", 12, "body",
     "starts with '/', which leads to the web server's root, not the hub's: write it relative to this file, "
     "e.g. '../files/guide.pdf'"),
    ("link to a heading that is not there", "x.md", resource() + "\nSee [it](good.md#no-such-part).\n", 12, "body",
     "the page 'good.md' has no heading with the anchor '#no-such-part'"),
    ("link to a heading of the page that is not there", "x.md", resource() + "\n## Steps\n\nSee [below](#step).\n", 14,
     "body", "the link '#step' names no heading of this page; its anchors are '#steps'"),
    ("link to a page's web address", "x.md", resource() + "\nSee [it](good/).\n", 12, "body",
     "is a web address; link to the page's file instead: 'good.md'"),
    ("link to the hub's own page by its full address", "x.md",
     resource() + "\nSee [Chile](https://jet-cr-hub.example.org/regions/chile/#events) and [web](https://example.org).\n", 12,
     "body", "the link 'https://jet-cr-hub.example.org/regions/chile/#events' is the hub's own address; write it relative "
     "to this file, so that it is checked and works in previews and offline copies too: '../regions/chile.md'"),
    ("link to the hub's own file by its full address", "x.md",
     resource() + '\n<a href="https://jet-cr-hub.example.org/files/plan.pdf">plan</a>\n', 12, "body",
     "is the hub's own address; write it relative to this file, so that it is checked and works in previews and offline "
     "copies too: '../files/plan.pdf'"),
    ("link to a folder", "x.md", resource() + "\nSee [files](../files/).\n", 12, "body", "leads to a folder"),
    ("reference link to a missing file", "x.md", resource() + "\nSee [the plan][p].\n\n[p]: ../files/plan.pdf\n", 14,
     "body", "the link '../files/plan.pdf' leads to content/files/plan.pdf, which does not exist"),
    ("a heading that skips a level", "x.md", resource() + "\n## Findings\n\nText.\n\n#### Detail\n\nMore.\n", 16, "body",
     "this heading skips a level: it is '####' right after a level-2 heading ('##'); make it '###'"),
    ("a first heading below level two", "x.md", resource() + "\n### Background\n\nText.\n", 12, "body",
     "it is '###' right after the title; make it '##'"),
    ("a heading underlined with '='", "x.md", resource() + "\nFindings\n========\n\nText.\n", 12, "body",
     "the title is the page's only '#' heading"),
    ("a style attribute", "x.md", resource() + '\n<p style="color: red">Key finding</p>\n', 12, "body",
     "the attribute 'style' of <p> is removed from the page; the hub's own styles apply to every page: remove it"),
    ("a font tag", "x.md", resource() + '\nA <font color="red">key</font> finding.\n', 12, "body",
     "<font> is removed from the page; the hub's own styles apply to every page: remove the tag (its text stays)"),
    ("a link target", "x.md", resource() + '\n<a href="https://example.org/plan" target="_blank">The plan</a>\n',
     12, "body", "the attribute 'target' of <a> is removed from the page; readers choose where a link opens"),
    ("a date in the future", "x.md", resource(date="2062-05-01"), 7, "date",
     "'date: 2062-05-01' is after today"),
    ("HTML link to a missing file", "x.md", resource() + '\n<a href="../files/plan.pdf">plan</a>\n', 12, "body",
     "the link '../files/plan.pdf' leads to content/files/plan.pdf, which does not exist"),
    # what a paste from a word processor or a contributor's own computer brings
    ("a link to a file on the contributor's computer", "x.md", resource() + "\nSee [the report](C:\\Users\\thandi\\report.pdf).\n",
     12, "body", "the link 'C:\\Users\\thandi\\report.pdf' leads to a file on your computer, which readers cannot open: "
     "copy the file into content/files/"),
    ("a file: link", "x.md", resource() + "\n[this](file:///C:/Users/thandi/report.pdf)\n", 12, "body",
     "leads to a file on your computer"),
    ("a link the sanitiser removes", "x.md", resource() + "\nCall [the office](tel:+27123456).\n", 12, "body",
     "links starting with 'tel:' are removed from the page (only http:, https:, mailto: are kept)"),
    ("an HTML image without alt", "x.md", resource() + '\n<img src="../files/rally.png" width="300">\n', 12, "body",
     'this <img> needs a few words for readers who cannot see it: add alt="…"'),
    ("a path with backslashes", "x.md", resource() + "\nSee [the plan](..\\files\\plan.pdf).\n", 12, "body",
     "the link '..\\files\\plan.pdf' uses '\\'; addresses on the web use '/': write '../files/plan.pdf'"),
    ("a web address without https://", "x.md", resource() + "\nSee [NUM](www.num.org.za/report).\n", 12, "body",
     "needs https:// in front, or it is read as a file of the hub: 'https://www.num.org.za/report'"),
    ("a non-breaking space after a key", "x.md", resource().replace("title: Sample report", "title:\u00a0Sample report"), 2,
     "title", "there is a non-breaking space after 'title:', which looks like a space"),
    ("a non-breaking space before a list item", "x.md", resource().replace("topic: [skills]", "topic:\n\u00a0 - skills"), 6,
     "topic", "there is a non-breaking space at the start of the line"),
    ("a date with en dashes", "x.md", resource(date="2025\u201301\u201315"), 7, "date",
     "it has an en dash (–) where a plain hyphen (-) belongs: retype the hyphens"),
    ("an attachment path written as the text links it", "x.md", resource(extra="files:\n  - path: ../files/guide.pdf\n"),
     10, "files.path", "points outside content/; store the file under content/files/ and write its path from there"),
    ("a word processor's bullets", "x.md", resource() + "\nSteps:\n\n•\tMap the skills\n•\tTrain\n", 14, "body",
     "this line starts with '•', a word processor's bullet"),
    ("a paragraph indented with a tab", "x.md", resource() + "\n\tThe forum met in March.\n", 12, "body",
     "this paragraph is indented by a tab, so the page shows it as a grey box of code"),
    ("a copied file name", "union-report (1).md", resource(), 0, "-", "e.g. 'union-report-1.md'"),
    ("a former name that a file has today", "x.md", resource(extra="former_names: [good]\n"), 9, "former_names",
     "'good' is the name of content/resources/good.md today, which has its own page at that address; a former name must "
     "be free: remove it here, or choose another name for content/resources/good.md"),
    ("its own name as a former name", "x.md", resource(extra="former_names: [x]\n"), 9, "former_names",
     "'x' is this file's name today; list only the names it had before"),
    ("a former name written as a web address", "x.md",
     resource(extra="former_names: ['https://hub.example.org/resources/old-name/']\n"), 9, "former_names",
     "has the wrong form: An earlier name of this file, without .md, e.g. coal-toolkit-draft"),
    ("a former name in a translation", "good.es.md", "---\ntitle: Un vecino\nsummary: Un resumen de muestra bastante largo.\n"
     "former_names: [old-good]\n---\nTexto.\n", 4, "former_names", "a translation inherits 'former_names' from the original"),
    ("the template with its code fence", "x.md", "```yaml\n" + resource() + "```\n", 1, "-",
     "the file starts with '```yaml', copied with the template: delete that line and the matching ``` line"),
]


@pytest.mark.parametrize("name, filename, content, line, field, words", CASES, ids=[c[0] for c in CASES])
def test_each_malformed_input_gets_a_located_message(tmp_path, name, filename, content, line, field, words):
    root = make_repo(tmp_path, {"good.md": GOOD})
    write(root / "content" / "resources" / filename, content)
    _, problems = collect(root)
    mine = [p for p in problems.sorted() if p.path == f"content/resources/{filename}"]
    assert mine, f"no problem reported for {name}; got {problems.sorted()}"
    assert any(p.line == line and p.field == field and words in p.message for p in mine), \
        "\n".join(str(p) for p in mine)


def test_a_broken_link_names_the_file_it_most_likely_means(tmp_path):
    """A '../' too many, or capitals that Windows and macOS forgive and the web does not: the message
    gives the link that works."""
    body = ("\n![Members at work](../../files/images/coop.png)\n\nSee [the plan](../files/Plan.pdf), "
            "[the neighbour](Good.md) and [nothing](../files/none.pdf).\n")
    root = make_repo(tmp_path, {"good.md": GOOD, "x.md": resource() + body})
    write(root / "content" / "files" / "images" / "coop.png", png(40, 30))
    write(root / "content" / "files" / "plan.pdf", b"%PDF-1.4\n")
    _, problems = collect(root)
    said = [p.message for p in problems.sorted() if p.path == "content/resources/x.md"]
    assert any("'../../files/images/coop.png' leads to files/images/coop.png, which does not exist; the path is relative "
               "to this file: did you mean '../files/images/coop.png'?" in m for m in said), said
    assert any("'../files/Plan.pdf'" in m and "did you mean '../files/plan.pdf'?" in m for m in said), said
    assert any("'Good.md'" in m and "did you mean 'good.md'?" in m for m in said), said
    assert any("'../files/none.pdf'" in m and "a file under content/files/ is '../files/name.pdf'" in m for m in said), said


def test_one_original_is_one_publication_whatever_the_tracking_of_its_link(tmp_path):
    root = make_repo(tmp_path, {
        "good.md": resource(title="A valid neighbour", extra="url: https://example.org/report\n"),
        "again.md": resource(title="Another title", extra="url: http://www.example.org/report/?utm_source=newsletter&utm_medium=email\n"),
        "other.md": resource(title="A third title", extra="url: https://example.org/report?page=2\n")})
    _, problems = collect(root)
    assert [(p.path, p.field) for p in problems.sorted()] == [("content/resources/again.md", "url"),
                                                             ("content/resources/good.md", "url")]


def test_a_translation_may_not_change_inherited_metadata(tmp_path):
    root = make_repo(tmp_path, {"good.md": GOOD, "good.es.md": "---\ntitle: Un vecino válido\nsummary: Un resumen de prueba suficientemente largo.\ntype: news\n---\nCuerpo.\n"})
    _, problems = collect(root)
    assert [str(p) for p in problems.sorted()] == [
        ("content/resources/good.es.md:4: type: conflicts with the original content/resources/good.md; "
        "a translation inherits 'type' from the original: remove it here (good.es.md beside good.md is its "
        "translation; a resource of its own needs a name of its own)")]


def test_only_an_events_translation_may_name_the_place(tmp_path):
    translation = "---\ntitle: Informe de muestra\nsummary: Un resumen de muestra lo bastante largo.\nlocation: Bogotá\n---\nTexto.\n"
    root = make_repo(tmp_path, {"x.md": resource(), "x.es.md": translation})
    _, problems = collect(root)
    assert [(p.path, p.line, p.field) for p in problems.sorted()] == [("content/resources/x.es.md", 4, "location")]


def test_a_translation_may_repeat_inherited_metadata_unchanged(tmp_path):
    root = make_repo(tmp_path, {"good.md": GOOD, "good.es.md": "---\ntitle: Un vecino válido\nsummary: Un resumen de prueba suficientemente largo.\ntype: report\n---\nCuerpo.\n"})
    catalogue, problems = collect(root)
    assert not problems
    assert catalogue.by_slug("good").versions["es"].title == "Un vecino válido"


def test_a_resource_in_one_other_language_needs_full_front_matter(tmp_path):
    root = make_repo(tmp_path, {"solo.th.md": "---\ntitle: รายงานตัวอย่าง\ntype: report\nsummary: สรุปตัวอย่างที่ยาวพอสำหรับการตรวจสอบ\n---\nเนื้อหา\n"})
    _, problems = collect(root)
    fields = {p.field for p in problems.sorted()}
    assert {"region", "topic", "partner", "date"} <= fields


def test_a_translation_without_its_original_names_the_likely_original(tmp_path):
    root = make_repo(tmp_path, {"coronel-path-after-coal-power.md": GOOD,
                                "coronel-path-after-coal.es.md": "---\ntitle: Un camino\nsummary: Un resumen de prueba suficientemente largo.\n---\nCuerpo.\n"})
    _, problems = collect(root)
    assert [str(p) for p in problems.sorted()] == [
        ("content/resources/coronel-path-after-coal.es.md:1: -: this looks like a translation of "
        "content/resources/coronel-path-after-coal.md, which does not exist; did you mean coronel-path-after-coal-power.es.md? "
        "(a resource that exists only in this language needs the full front matter, like an original)")]


def test_byte_order_mark_and_windows_line_endings_are_accepted(tmp_path):
    text = "\ufeff" + resource(title="Windows file").replace("\n", "\r\n")
    root = make_repo(tmp_path, {"windows.md": text})
    catalogue, problems = collect(root)
    assert not problems, problems.sorted()
    assert catalogue.by_slug("windows").title == "Windows file"


def test_yes_and_no_stay_text(tmp_path):
    root = make_repo(tmp_path, {"norwegian.md": resource(extra="language: no\n")})
    catalogue, problems = collect(root)
    assert not problems
    assert catalogue.by_slug("norwegian").languages == ["no"]


def test_every_problem_is_reported_at_once(tmp_path):
    root = make_repo(tmp_path, {"a.md": resource(title="First", region="[viet-nam]"),
                                "b.md": resource(title="Second", type="blog"), "c.md": ""})
    _, problems = collect(root)
    assert {p.path.rsplit("/", 1)[-1] for p in problems.sorted()} == {"a.md", "b.md", "c.md"}


def test_region_translation_without_original_is_refused(tmp_path):
    root = make_repo(tmp_path)
    write(root / "regions" / "atlantis.es.md", "---\nname: Atlántida\ndescription: Una descripción de ejemplo de la región.\n---\nTexto.\n")
    _, problems = collect(root)
    assert any(p.path == "regions/atlantis.es.md" and "regions/atlantis.md, which does not exist" in p.message
               for p in problems.sorted())


def test_partners_file_problems_name_the_line(tmp_path):
    root = make_repo(tmp_path)
    text = (root / "partners.yml").read_text().replace("role: donor", "role: funder", 1)
    write(root / "partners.yml", text)
    _, problems = collect(root)
    bad = [p for p in problems.sorted() if p.path == "partners.yml"]
    assert bad and bad[0].field == "organisations.bmwk.role" and "'funder' is not allowed" in bad[0].message
    assert text.splitlines()[bad[0].line - 1].strip() == "role: funder"


def test_a_file_with_schema_problems_still_gets_its_other_problems(tmp_path):
    text = """\
---
title: Solar jobs in Lampang
type: Case Study
region: [Thailand, viet-nam]
topic: [skill]
partner: [ilo]
date: 2026-02-30
summary: A sample summary of a case study that is long enough for the schema.
language: [English]
files:
  - path: files/nothing.pdf
---
Body <script>alert(1)</script>
"""
    root = make_repo(tmp_path, {"x.md": text})
    _, problems = collect(root)
    found = [(p.line, p.field, p.message.split(";")[0]) for p in problems.sorted()]
    assert found == [
        (3, "type", "'Case Study' is not a type"),
        (4, "region", "'Thailand' is not a region"),
        (4, "region", "'viet-nam' is not a region"),
        (5, "topic", "'skill' is not a topic"),
        (7, "date", "'2026-02-30' is not a real calendar date"),
        (9, "language", "'English' is not a two-letter language code"),
        (11, "files.path", "no file at content/files/nothing.pdf"),
        (13, "body", "raw <script> is not allowed in content: scripts cannot run on the hub"),
    ]


def test_two_originals_with_one_name_in_different_languages_are_refused(tmp_path):
    thai = resource(title="รายงานตัวอย่างภาษาไทย", region="[thailand]")
    vietnamese = resource(title="Báo cáo mẫu tiếng Việt", region="[vietnam]")
    root = make_repo(tmp_path, {"solar.th.md": thai, "solar.vi.md": vietnamese})
    _, problems = collect(root)
    rule = "an original in another language needs its own file name, or make one of them the translation of an original foo.md"
    assert [str(p) for p in problems.sorted()] == [
        f"content/resources/solar.th.md:0: -: the name 'solar' is also used by content/resources/solar.vi.md; {rule}",
        f"content/resources/solar.vi.md:0: -: the name 'solar' is already used by content/resources/solar.th.md; {rule}"]


@pytest.mark.parametrize("where", ["content/resource/solar.md", "content/library/solar.md", "resources/solar.md"])
def test_a_resource_in_the_wrong_folder_is_reported_not_dropped(tmp_path, where):
    root = make_repo(tmp_path, {"good.md": GOOD})
    write(root / where, resource(title="Misplaced"))
    _, problems = collect(root)
    assert [(p.path, p.message.split(";")[-1].strip()) for p in problems.sorted()] == [
        (where, "move it to content/resources/solar.md (or next to about.md if it is a page of the hub)")]


def test_a_resource_among_the_hubs_own_pages_is_reported(tmp_path):
    root = make_repo(tmp_path, {"good.md": GOOD})
    write(root / "content" / "solar.md", resource(title="Misplaced"))
    _, problems = collect(root)
    assert [str(p) for p in problems.sorted()] == [
        ("content/solar.md:3: -: this looks like a resource but sits among the hub's own pages; "
        "move it to content/resources/solar.md")]


def test_the_build_leaves_a_contributors_file_in_a_generated_folder_alone(tmp_path):
    from catalogue.write import write_pages

    mine = write(tmp_path / "regions" / "my-notes.md", "# Notes\n")
    generated = write(tmp_path / "regions" / "old.md", "---\nhub_page: \"region\"\n---\n")
    write_pages(tmp_path, [], "en")
    assert mine.is_file() and not generated.exists()


@pytest.mark.parametrize("value", ["xx_YY", "es_ES", "[en_GB]"])
def test_a_wrong_format_locale_gets_a_located_message(tmp_path, value):
    root = make_repo(tmp_path, {"good.md": GOOD})
    english = root / "locales" / "en.yml"
    text = english.read_text(encoding="utf-8")
    text = "\n".join(line for line in text.split("\n") if not line.startswith("format_locale:"))
    write(english, text.replace("name: English\n", f"name: English\nformat_locale: {value}\n", 1))
    line = text.split("\n").index("name: English") + 2
    _, problems = collect(root)
    assert [(p.path, p.line, p.field) for p in problems.sorted()] == [("locales/en.yml", line, "format_locale")], \
        [str(p) for p in problems.sorted()]
    assert "write it like en_US (language, underscore, country)" in problems.sorted()[0].message


def test_links_to_pages_the_build_writes_and_to_existing_headings_pass(tmp_path):
    body = ("\nSee [Chile](../regions/chile.md), [skills](../topics/skills.md), [the library](../library/index.md), "
            "[GIZ](../organisations/giz.md), [its steps](good.md#steps) and [below](#notes).\n\n## Notes\n\nText.\n")
    root = make_repo(tmp_path, {"good.md": GOOD + "\n## Steps\n\nFirst.\n", "x.md": resource() + body})
    _, problems = collect(root)
    assert [str(p) for p in problems.sorted()] == []


def test_headings_are_read_with_the_sites_markdown_extensions():
    """A link's '#part' is checked against the ids the site's own Markdown gives the page."""
    from catalogue.text import PAGE_EXTENSIONS
    from conftest import mkdocs_config

    names = [e if isinstance(e, str) else next(iter(e)) for e in mkdocs_config()["markdown_extensions"]]
    assert sorted(names) == sorted(PAGE_EXTENSIONS)


def test_a_duplicate_is_reported_on_both_files_whichever_was_added(tmp_path):
    """A pull request's annotations show on the files it changed: the copy may sort first or last."""
    root = make_repo(tmp_path, {"good.md": GOOD + "", "aaa-copy.md": resource(title="A valid neighbour"),
                                "same-original.md": resource(title="Another name", extra="url: https://example.org/report/\n"),
                                "original.md": resource(title="The first name", extra="url: https://example.org/report\n")})
    _, problems = collect(root)
    found = {(p.path, p.field) for p in problems.sorted()}
    assert found == {("content/resources/good.md", "title"), ("content/resources/aaa-copy.md", "title"),
                     ("content/resources/same-original.md", "url"), ("content/resources/original.md", "url")}, found
    message = next(p.message for p in problems.sorted() if p.path == "content/resources/original.md")
    assert message.startswith("content/resources/same-original.md links to the same original; is this the same publication?")


def test_tags_written_as_code_are_shown_not_refused(tmp_path):
    """Markdown shows a code span as typed: a page about web pages may name `<script>`."""
    body = "\nUse `<script>` tags carefully, and never ``<iframe src=x>``.\n"
    root = make_repo(tmp_path, {"x.md": resource() + body, "y.md": resource(title="Other") + "\nBad `x` <script>go()</script>\n"})
    _, problems = collect(root)
    assert [(p.path, p.line) for p in problems.sorted()] == [("content/resources/y.md", 12)], problems.sorted()


def test_a_quote_left_open_in_a_language_file_is_found_where_it_opens(tmp_path):
    """Inside the ui: block, YAML stumbled 22 lines further down, at a line that was fine."""
    old = 'page_title_numbered: "{title}, página {page}"'
    text, problems = collect_changed(tmp_path, "locales/es.yml", old, old[:-1])
    line = text[:text.index(old)].count("\n") + 1
    assert [(p.path, p.line, p.field) for p in problems.sorted()] == [("locales/es.yml", line, "page_title_numbered")]
    assert "the quote (\") that opens this value is not closed" in problems.sorted()[0].message


def test_a_text_taken_out_of_english_is_missed_where_it_is_taken_out(tmp_path):
    """English is what the pages read: a key taken out of it stopped the build on a traceback, and each
    other language would have been told to delete its translation."""
    root = make_repo(tmp_path, {"good.md": GOOD})
    english = root / "locales" / "en.yml"
    text = english.read_text(encoding="utf-8")
    assert "\n  home_title: Home\n" in text
    write(english, text.replace("\n  home_title: Home\n", "\n"))
    _, problems = collect(root)
    assert [(p.path, p.field) for p in problems.sorted()] == [("locales/en.yml", "ui.home_title")], problems.sorted()
    assert "is missing here, and every other language has it: the pages use it; add it back" in problems.sorted()[0].message


@pytest.mark.parametrize("old, new, field, words", [
    ('one: "{count} recurso"', 'one: "{cuenta} recurso"', "ui.resources_count",
     "one: '{cuenta}' is not filled in by the pages; the places for values keep their English names: {count}"),
    ('"{title}, página {page}"', '"{title}, página"', "ui.page_title_numbered",
     "'{page}' is missing; keep every place for a value that the English text has"),
    ('    other: "{count} recursos"\n', "", "ui.resources_count", "needs an 'other' form: the one for most numbers"),
    ('page_title_numbered: "{title}, página {page}"', "page_title_numbered:", "ui.page_title_numbered",
     "is empty; write the text, or delete the line to show the English one"),
    ('page_title_numbered: "{title}, página {page}"', "page_title_numbered: [Página, '{page}']", "ui.page_title_numbered",
     "must be text, as in locales/en.yml"),
    ("  page_title_numbered:", '  page_title_numberd: "x"\n  page_title_numbered:', "ui.page_title_numberd",
     "locales/en.yml has no text 'page_title_numberd', so this one is never shown; did you mean 'page_title_numbered'?"),
    ("  page_title_numbered:", '  event_hybrid_note: "x"\n  page_title_numbered:', "ui.event_hybrid_note",
     "if the pages still use it, add it back to locales/en.yml; if not, delete it here"),
    ('  chile: {name: "Chile"}', '  chili: {name: "Chile"}', "regions.chili", "'chili' is not a region (regions/<id>.md); did you mean 'chile'?"),
    ('  chile: {name: "Chile"}', '  chile: {nombre: "Chile"}', "regions.chile.nombre",
     "a region takes name and description here; 'nombre' is never shown"),
])
def test_a_translators_slip_in_interface_text_gets_a_located_message(tmp_path, old, new, field, words):
    """A renamed placeholder stopped the build in Python's words (KeyError: 'cuenta'), or waited for
    a count of one; a misspelt key, an empty or list value, a dropped form passed unseen."""
    _, problems = collect_changed(tmp_path, "locales/es.yml", old, new)
    mine = [p for p in problems.sorted() if p.path == "locales/es.yml"]
    assert len(mine) == 1 and mine[0].field == field and words in mine[0].message, [str(p) for p in problems.sorted()]
    assert mine[0].line > 1


def collect_changed(tmp_path, file: str, old: str, new: str, resources: dict | None = None, once: bool = True):
    """The sample repository with `old` replaced by `new` in `file` (where it is written once, unless
    `once` is false: then its first place), the file's text before, and what the check finds."""
    root = make_repo(tmp_path, resources or {"good.md": GOOD})
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1 if once else old in text, old
    write(path, text.replace(old, new, 1))
    return text, collect(root)[1]


@pytest.mark.parametrize("file, old, new", [
    ("partners.yml", "    name: Climate Action Network International\n", ""),  # the schema fails
    ("partners.yml", "    role: implementing-partner\n    group: civil-society", "    role: funder\n    group: civil-society"),
    ("partners.yml", "  giz:\n", "  can:\n"),  # a key twice: the file is not read at all
    ("schema/vocabulary.yml", "  skills:\n", "  decent-work:\n"),
    ("schema/vocabulary.yml", "    label: Skills\n", ""),
    ("regions/chile.md", "name: Chile\n", ""),
    ("schema/vocabulary.yml", "  skills:\n", "  Skills:\n"),  # make fix copied 'Skills' into every resource
])
def test_one_slip_in_a_file_others_refer_to_is_reported_alone(tmp_path, file, old, new):
    """A mistake in partners.yml, the vocabularies or a region file was followed by a false problem
    at every resource, translation and language file that names what it defines (about 200)."""
    in_chile = resource(title="Chile's coal towns", region="[chile]").replace("[ilo]", "[can, giz]")
    _, problems = collect_changed(tmp_path, file, old, new, {"good.md": GOOD, "in-chile.md": in_chile}, once=False)
    assert problems and {p.path for p in problems.sorted()} == {file}, [str(p) for p in problems.sorted()]


@pytest.mark.parametrize("change, where, words", [
    (("title: About the hub\n", "title: [About the hub\n"), "content/about.md:2",
     "title: a value that starts with '[' is read as a list; if it is text, put it in quotes"),
    (("who runs it.\"\n", "who runs it.\n"), "content/about.md:3",
     "description: the quote (\") that opens this value is not closed"),
    (("---\n\n", "--\n\n"), "content/about.md:1", "the front matter that opens here is not closed"),
])
def test_broken_front_matter_of_the_hubs_own_pages_is_reported(tmp_path, change, where, words):
    """MkDocs published front matter it could not read as the page's first paragraph, without a word."""
    _, problems = collect_changed(tmp_path, "content/about.md", *change, once=False)
    said = [str(p) for p in problems.sorted()]
    assert any(line.startswith(where) and words in line for line in said), said


def test_a_broken_link_on_the_hubs_own_page_gets_its_line_and_the_page_meant(tmp_path):
    """MkDocs stopped the build on it with neither line nor fix ("1 warnings" for two)."""
    text, problems = collect_changed(tmp_path, "content/about.md", "(regions/chile.md)", "(regions/chille.md)", once=False)
    line = next(number for number, written in enumerate(text.split("\n"), 1) if "(regions/chile.md)" in written)
    said = [str(p) for p in problems.sorted()]
    assert said == [f"content/about.md:{line}: body: the link 'regions/chille.md' leads to content/regions/chille.md, which "
                    "does not exist; the path is relative to this file: did you mean 'regions/chile.md'?"], said


@pytest.mark.parametrize("name, words", [("about.de.md", "'.de.md' is not a language of the hub"),
                                         ("about_es.md", "e.g. 'about.es.md'")])
def test_a_hub_page_named_for_no_language_of_the_hub_is_reported(tmp_path, name, words):
    root = make_repo(tmp_path, {"good.md": GOOD})
    write(root / "content" / name, (root / "content" / "about.es.md").read_text(encoding="utf-8"))
    _, problems = collect(root)
    assert any(p.path == f"content/{name}" and words in p.message for p in problems.sorted()), problems.sorted()


@pytest.mark.parametrize("old, new, field, words", [
    ("  repository: https://github.com/", "  repository: github.com/", "extra.repository",
     "'github.com/jet-cr-hub/knowledge-hub' is not a web address; write it whole, starting with https://"),
    ("    action: https://example.org/", "    action: example.org/", "extra.newsletter.action", "is not a web address"),
    ("  short_name: JET-CR", "  search_bundle_size: many\n  short_name: JET-CR", "extra.search_bundle_size",
     "'many' is not a whole number above 0"),
])
def test_a_slip_in_mkdocs_yml_extra_is_found_by_the_check_with_its_line(tmp_path, old, new, field, words):
    """The content check said nothing; the build then stopped on a traceback (search_bundle_size: many)
    or published every page with a broken link or form (an address without https://)."""
    text, problems = collect_changed(tmp_path, "mkdocs.yml", old, new)
    changed = text.replace(old, new).split("\n")
    line = next(number for number, written in enumerate(changed, 1) if written.startswith(new.split("\n")[0]))
    assert [(p.path, p.line, p.field) for p in problems.sorted()] == [("mkdocs.yml", line, field)], problems.sorted()
    assert words in problems.sorted()[0].message


@pytest.mark.parametrize("file, old, new, at, field, words", [
    ("schema/vocabulary.yml", "    plural: Case studies\n", "", "  case-study:", "types.case-study",
     "needs a plural too, as headings and feeds name several: plural: Case studys, say"),
    ("regions/chile.md", "languages: [es]", "languages: [xx]", "languages:", "languages", "'xx' is not a language code"),
    ("partners.yml", "logo: assets/logos/giz.svg", "logo: /assets/logos/giz.svg", "    logo: /", "giz.logo",
     "paths start inside content/, without '/': write assets/logos/giz.svg"),
])
def test_a_maintainers_slip_in_the_hubs_own_files_gets_a_located_message(tmp_path, file, old, new, at, field, words):
    """Accepted before: a type without a plural headed its page "Case study (7)", an unknown language
    code reached the API, and a logo path from '/' was sent to look for content//assets/…."""
    text, problems = collect_changed(tmp_path, file, old, new)
    line = next(number for number, written in enumerate(text.replace(old, new).split("\n"), 1) if written.startswith(at))
    assert [(p.path, p.line, p.field) for p in problems.sorted()] == [(file, line, field)], problems.sorted()
    assert words in problems.sorted()[0].message


def test_an_empty_region_introduction_is_refused(tmp_path):
    """Its page showed no introduction at all, not even the English one."""
    root = make_repo(tmp_path)
    spanish = root / "regions" / "chile.es.md"
    front = spanish.read_text(encoding="utf-8").split("\n---\n")[0]
    write(spanish, front + "\n---\n\n")
    _, problems = collect(root)
    assert [(p.path, p.field) for p in problems.sorted()] == [("regions/chile.es.md", "body")], problems.sorted()
    assert "the introduction is empty; write a few paragraphs about the region, or delete this translation to show the " \
        "English one" in problems.sorted()[0].message


def test_a_misspelt_organisation_in_a_language_file_gets_a_located_message(tmp_path):
    root = make_repo(tmp_path, {"good.md": GOOD})
    spanish = root / "locales" / "es.yml"
    text = spanish.read_text(encoding="utf-8")
    assert '\n  dg-intpa: "Cofinancia' in text
    before, found, after = text.rpartition('\n  dg-intpa: "Cofinancia')  # in organisation_descriptions, the last section
    text = before + found.replace("dg-intpa", "dg-inpta") + after
    write(spanish, text)
    _, problems = collect(root)
    line = before.count("\n") + 2
    assert [str(p) for p in problems.sorted() if p.path == "locales/es.yml"] == [
        f"locales/es.yml:{line}: organisation_descriptions.dg-inpta: 'dg-inpta' is not an organisation in partners.yml; "
        "did you mean 'dg-intpa'?"]
    # what an organisation removed from partners.yml leaves behind: the entry can go
    write(spanish, text.replace("dg-inpta", "unicef"))
    _, problems = collect(root)
    assert [p.message for p in problems.sorted() if p.path == "locales/es.yml"] == [
        "'unicef' is not an organisation in partners.yml; if it was removed from partners.yml, delete this entry"]


def test_markup_the_page_keeps_and_headings_in_order_pass(tmp_path):
    body = """
## Context

Text with an <abbr title="Just Energy Transition Partnership">JETP</abbr> and a <a href="https://example.org" hreflang="es">link</a>.

### Detail

| Year | Jobs |
|---|---|
| 2024 | <span lang="es">dos mil</span> |

#### Smaller

## Back up a level
- a list right under a heading
- is a list

**Day one**
- a list right under a line of text
- is a list too, as in GitHub's preview

1. numbered
   - and nested
2. items

The plan was agreed in
2025. A year later it was in force.[^law]

[^law]: Law 2,345, data: the ministry's annex.md, not yet published.

Paragraph.

---

After a rule. A tag shown as code: `<font color=red>`.

    <font> in an indented code block
"""
    root = make_repo(tmp_path, {"x.md": resource() + body})
    _, problems = collect(root)
    assert not problems.sorted(), problems.sorted()


def test_an_untranslated_copy_is_refused(tmp_path):
    """A copy is refused, and so is a translation of the title and summary over the original's text,
    which would be published as a Spanish page in English. A text too short to say (a link, a
    figure) may read the same in two languages."""
    copy = "---\ntitle: Một báo cáo mẫu\nsummary: A sample summary that is long enough for the schema.\n---\nBody of A valid neighbour.\n"
    partly = "---\ntitle: Un informe\nsummary: Un resumen de muestra lo bastante largo.\n---\nBody of A valid neighbour.\n"
    short = "---\ntitle: Corto\nsummary: Un resumen de muestra lo bastante largo.\n---\nBody of Short.\n"
    root = make_repo(tmp_path, {"good.md": GOOD, "good.vi.md": copy, "good.es.md": partly,
                                "short.md": resource("Short"), "short.es.md": short})
    _, problems = collect(root)
    assert [str(p) for p in problems.sorted()] == [
        "content/resources/good.es.md:5: body: the text is that of the original (content/resources/good.md), "
        "unchanged; translate it, or delete this file: where a language has no translation, its readers are "
        "shown the original",
        "content/resources/good.vi.md:5: body: the summary and the text are those of the original "
        "(content/resources/good.md), unchanged; translate them, or delete this file: where a language has no "
        "translation, its readers are shown the original"]


def test_a_malformed_attachment_does_not_hide_the_others(tmp_path):
    files = "files:\n  - title: The plan\n  - path: files/nothing.pdf\n"
    root = make_repo(tmp_path, {"x.md": resource(extra=files)})
    _, problems = collect(root)
    assert [(p.line, p.field, p.message.split(";")[0]) for p in problems.sorted()] == [
        (10, "files.path", "missing required key"),
        (11, "files.path", "no file at content/files/nothing.pdf"),
    ]


def test_a_hub_without_resources_yet_is_valid(tmp_path):
    """Once the sample resources are deleted, git keeps no empty content/resources/: nothing to report."""
    import shutil

    root = make_repo(tmp_path)
    shutil.rmtree(root / "content" / "resources")
    catalogue, problems = collect(root)
    assert problems.sorted() == [] and catalogue.resources == []


def test_each_language_has_the_hubs_own_pages(tmp_path):
    """A language added without its about page got a menu entry named 'None' leading nowhere."""
    root = make_repo(tmp_path, {"good.md": GOOD})
    (root / "content" / "about.th.md").unlink()
    _, problems = collect(root)
    assert [str(p) for p in problems.sorted()] == [
        "content/about.md:0: -: there is no about.th.md: every language's menu links to this page; "
        "copy about.md to content/about.th.md and translate it"]


def test_an_old_address_leads_to_one_resource_only(tmp_path):
    """Two files that both claim a former name: each is told, naming the other."""
    root = make_repo(tmp_path, {"good.md": GOOD, "x.md": resource(title="Another", extra="former_names: [old-name]\n"),
                                "y.md": resource(title="A third", extra="former_names: [reports/draft, old-name]\n")})
    _, problems = collect(root)
    found = {(p.path, p.line, p.field): p.message for p in problems.sorted()}
    assert found == {
        ("content/resources/y.md", 9, "former_names"): "content/resources/x.md lists 'old-name' as a former name too; an old "
        "address can lead to one resource only: remove it from the file that never had that name",
        ("content/resources/x.md", 9, "former_names"): "content/resources/y.md lists 'old-name' as a former name too; an old "
        "address can lead to one resource only: remove it from the file that never had that name"}


def test_a_new_file_that_takes_an_old_address_is_told_too(tmp_path):
    """A pull request that adds a file under a name another resource keeps as a former name sees
    the problem on the file it adds, not only on the one it did not touch."""
    root = make_repo(tmp_path, {"good.md": GOOD, "coal-plan.md": resource(title="Another", extra="former_names: [old-plan]\n"),
                                "old-plan.md": resource(title="A new one")})
    _, problems = collect(root)
    assert [str(p) for p in problems.sorted()] == [
        "content/resources/coal-plan.md:9: former_names: 'old-plan' is the name of content/resources/old-plan.md today, "
        "which has its own page at that address; a former name must be free: remove it here, or choose another name for "
        "content/resources/old-plan.md",
        "content/resources/old-plan.md:0: -: content/resources/coal-plan.md lists this file's name, 'old-plan', among its former "
        "names (former_names), so links to that address are meant for it: choose another name for this file, or remove it "
        "there"]
