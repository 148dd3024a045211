"""iCalendar (RFC 5545) files of the events: one per event and one of all events.

Times keep the organisers' zone: DTSTART;TZID=Asia/Jakarta with a VTIMEZONE built from the
zone's transitions in the years the events span, so calendar programs show the right hour
also across daylight-saving changes. Events without a `timezone` are written in UTC (…Z).
All-day events are dates, DTEND being the day after the last day (it is exclusive).
DTSTAMP is the build's date (SOURCE_DATE_EPOCH when set, so builds are reproducible, never the
clock's time): a calendar program that already has an event takes the copy with the later
stamp, so a changed time or place reaches it with the next daily build. No METHOD: these are
files to import or subscribe to, not scheduling messages (PUBLISH would require an ORGANIZER).
The calendars are language-neutral: each event is in its original language, said with LANGUAGE=.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from .address import Site
from .model import Catalogue, Resource
from .strings import Translator

FOLDER = "calendar"  # calendar/<slug>.ics and calendar/events.ics, in the default language's tree
ALL_EVENTS = f"{FOLDER}/events.ics"
MAX_LINE = 75  # octets, not counting the CRLF


def path(resource: Resource) -> str:
    return f"{FOLDER}/{resource.slug}.ics"


def events(catalogue: Catalogue) -> list[Resource]:
    """Events with a start, soonest first."""
    found = [r for r in catalogue.resources if r.is_event and r.start is not None]
    return sorted(found, key=lambda r: (_utc(r.start), r.slug))


def calendar(items: list[Resource], site: Site, name: str, stamp: dt.date, strings: dict | None = None) -> bytes:
    """A VCALENDAR of the events `items`, with a VTIMEZONE for each zone they use."""
    years: dict[str, set[int]] = {}
    for event in items:
        if event.timezone and not event.all_day:
            years.setdefault(event.timezone, set()).update(m.year for m in (event.start, event.end) if m)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//{site.host}//Knowledge hub events//EN", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_text(name)}",
             # how often a subscribed calendar asks again (RFC 7986, and Outlook's own name): the hub
             # is built when its content changes, and an event moved should reach subscribers in a day
             "REFRESH-INTERVAL;VALUE=DURATION:P1D", "X-PUBLISHED-TTL:P1D"]
    for zone in sorted(years):
        lines += vtimezone(zone, min(years[zone]), max(years[zone]))
    for event in items:
        lines += vevent(event, site, stamp, strings)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


def vevent(event: Resource, site: Site, stamp: dt.date, strings: dict | None = None) -> list[str]:
    original = event.original
    lang = f";LANGUAGE={original.lang}"
    # the links a calendar's reader needs on the day, named in the event's language (`strings`:
    # the interface strings); many calendars show the description and nothing of URL
    description = original.summary
    if strings:
        t = Translator(strings, original.lang)
        links = [f"{t(key)}: {url}" for key, url in (("event_registration", event.registration),
                 ("event_livestream", event.livestream), ("event_recording", event.recording)) if url]
        description += "\n\n" + "\n".join(links) if links else ""
    lines = ["BEGIN:VEVENT", f"UID:{event.first_stem.rpartition('/')[2]}@{site.host}",  # its first file name, for good
             f"DTSTAMP:{stamp.strftime('%Y%m%d')}T000000Z",
             *([f"LAST-MODIFIED:{event.modified.strftime('%Y%m%d')}T000000Z"] if event.modified else []),
             "DTSTART" + _moment(event.start, event.timezone)]
    if event.all_day:
        last = event.end or event.start
        lines.append("DTEND" + _moment(last + dt.timedelta(days=1), ""))
    elif event.end:
        lines.append("DTEND" + _moment(event.end, event.timezone))
    lines += [f"SUMMARY{lang}:{_text(site.title(original.title, original.lang))}", f"DESCRIPTION{lang}:{_text(description)}"]
    if event.location:
        lines.append(f"LOCATION{lang}:{_text(event.location)}")
    lines += [f"URL:{site.page(event.path_stem, original.lang)}", "STATUS:CONFIRMED", "END:VEVENT"]
    return lines


def _moment(value: dt.date | dt.datetime, zone: str) -> str:
    """The value part of DTSTART/DTEND, parameters included: ';TZID=Asia/Jakarta:20270217T083000'."""
    if not isinstance(value, dt.datetime):
        return f";VALUE=DATE:{value.strftime('%Y%m%d')}"
    if zone:
        return f";TZID={zone}:{value.astimezone(ZoneInfo(zone)).strftime('%Y%m%dT%H%M%S')}"
    return f":{_utc(value).strftime('%Y%m%dT%H%M%SZ')}"


def _utc(value: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC)
    return dt.datetime.combine(value, dt.time(), dt.UTC)


def vtimezone(name: str, first_year: int, last_year: int) -> list[str]:
    """VTIMEZONE for `name` from January of `first_year` to the end of `last_year`: the state at
    the start, then one STANDARD or DAYLIGHT observance per transition zoneinfo knows of.
    The range reaches a day beyond both years, so that it covers them in every zone's local time."""
    zone = ZoneInfo(name)
    start = dt.datetime(first_year, 1, 1, tzinfo=dt.UTC) - dt.timedelta(days=1)
    end = dt.datetime(last_year + 1, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=1)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{name}"]
    lines += _observance(zone, start - dt.timedelta(seconds=1), start)
    for moment in transitions(zone, start, end):
        lines += _observance(zone, moment - dt.timedelta(seconds=1), moment)
    return lines + ["END:VTIMEZONE"]


def transitions(zone: ZoneInfo, start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    """The UTC instants in [start, end) at which the zone's offset, DST or name changes.
    zoneinfo has no public list of them: step a day at a time, then bisect to the second."""
    found, day = [], dt.timedelta(days=1)
    moment = start
    while moment < end:
        following = min(moment + day, end)
        if _state(zone, moment) != _state(zone, following):
            low, high = moment, following
            while high - low > dt.timedelta(seconds=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if _state(zone, middle) == _state(zone, low) else (low, middle)
            found.append(high.replace(microsecond=0))
        moment = following
    return found


def _state(zone: ZoneInfo, moment: dt.datetime) -> tuple:
    local = moment.astimezone(zone)
    return local.utcoffset(), local.dst(), local.tzname()


def _observance(zone: ZoneInfo, before: dt.datetime, onset: dt.datetime) -> list[str]:
    """One observance: DTSTART is the onset in the local time in force before it (RFC 5545 3.6.5)."""
    old, new = before.astimezone(zone), onset.astimezone(zone)
    kind = "DAYLIGHT" if new.dst() else "STANDARD"
    local_onset = (onset + old.utcoffset()).replace(tzinfo=None)
    return [f"BEGIN:{kind}", f"DTSTART:{local_onset.strftime('%Y%m%dT%H%M%S')}",
            f"TZOFFSETFROM:{_offset(old.utcoffset())}", f"TZOFFSETTO:{_offset(new.utcoffset())}",
            f"TZNAME:{_text(new.tzname() or '')}", f"END:{kind}"]


def _offset(delta: dt.timedelta) -> str:
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")


def _text(value: str) -> str:
    """A TEXT value: backslashes, semicolons, commas and newlines escaped (RFC 5545 3.3.11)."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets, never inside a UTF-8 character."""
    parts, current, size, limit = [], "", 0, MAX_LINE
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, MAX_LINE - 1  # continuation lines start with a space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def former_paths(resource: Resource) -> list[str]:
    """Where its calendar was before its file was renamed (front matter `former_names`)."""
    return [f"{FOLDER}/{stem.rpartition('/')[2]}.ics" for stem in resource.former_stems()]


def write_calendars(catalogue: Catalogue, site: Site, folder: Path, former_addresses: bool = False) -> int:
    """calendar/<slug>.ics for each event and calendar/events.ics for all; returns how many files.
    With `former_addresses` (online), a renamed event's calendar is at its former addresses too,
    where links in newsletters and invitations lead: the same event (its UID), not a new one."""
    t = Translator(catalogue.strings, catalogue.default_language)
    found = events(catalogue)
    (folder / FOLDER).mkdir(parents=True, exist_ok=True)
    current = {path(event) for event in found}
    for event in found:
        data = calendar([event], site, f"{t('site_name')}: {site.title(event.original.title, event.original.lang)}",
                        catalogue.today, catalogue.strings)
        former = [p for p in former_paths(event) if p not in current] if former_addresses else []
        for target in (path(event), *former):
            (folder / target).write_bytes(data)
    (folder / ALL_EVENTS).write_bytes(calendar(found, site, f"{t('site_name')}: {t('events_title')}", catalogue.today,
                                               catalogue.strings))
    return len(found) + 1
