"""Events and dates: what the schema cannot say of `start`, `end`, `timezone` and `date`.

A time needs its offset from UTC, an event its end after its start and its start after the day it
was announced, a time zone an IANA name; each message gives the value as it should be written.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from .ids import suggest
from .lookalikes import retype_hint
from .model import Resource
from .problems import Failed, ProblemList

EVENT_ONLY = ("start", "end", "timezone", "location", "registration", "livestream", "recording")
EVENT_REQUIRED = ("start", "location")  # what an event must have besides the schema's required fields


def calendar_date_problem(value: str) -> str:
    """For a YYYY-MM-DD that is no date; day and month swapped is the usual cause."""
    message = f"'{value}' is not a real calendar date; write YYYY-MM-DD"
    parts = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if parts and int(parts[2]) > 12 and 1 <= int(parts[3]) <= 12:
        message += f", the month second: {parts[1]}-{parts[3]}-{parts[2]}?"
    return message


def parse_moment(value: str) -> dt.datetime | dt.date | None:
    """An event time: a date-time with UTC offset, or a plain date for all-day events."""
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def check_event(resource: Resource, problems: ProblemList, failed: Failed) -> None:
    meta, doc, where = resource.meta, resource.meta["_doc"], resource.original.path
    if not resource.is_event:
        for key in EVENT_ONLY:
            if key in meta:
                problems.add(where, doc.line_of(key), key, f"only events have '{key}'; set 'type: event' or remove this key")
        return
    for key in EVENT_REQUIRED:
        if key not in meta:
            problems.add(where, doc.line_of("type"), key, f"an event needs '{key}:'; {_hint(key)}")
    zone = time_zone(resource.timezone) if isinstance(resource.timezone, str) and resource.timezone else None
    for key in ("start", "end"):
        if key in meta and not failed.has(key):
            moment = parse_moment(meta[key])
            if moment is None:
                problems.add(where, doc.line_of(key), key, moment_problem(meta[key], zone))
            setattr(resource, key, moment)
    start, end = resource.start, resource.end
    if start is not None and end is not None:
        if type(start) is not type(end):
            problems.add(where, doc.line_of("end"), "end", "write start and end the same way: both as dates (all-day) or both as date-times")
        elif (end < start) if resource.all_day else (end <= start):
            problems.add(where, doc.line_of("end"), "end", f"the event ends ({meta['end']}) before it starts ({meta['start']}); check both")
    if start is not None and isinstance(resource.date, dt.date) and not failed.has("date"):
        first_day = start.date() if isinstance(start, dt.datetime) else start
        if first_day < resource.date:  # a year mistyped, in one or the other: the event would be listed as long past
            problems.add(where, doc.line_of("start"), "start",
                         f"the event starts ({first_day}) before it was announced ('date: {resource.date}'); check "
                         "the years. 'date' is the day the event was announced (for a past event added later, its first day)")
    if isinstance(resource.timezone, str) and resource.timezone and not failed.has("timezone"):
        zone = time_zone(resource.timezone)
        if zone is None:
            problems.add(where, doc.line_of("timezone"), "timezone", zone_problem(resource.timezone))
            return
        for key in ("start", "end"):
            moment = getattr(resource, key)
            if isinstance(moment, dt.datetime) and moment.utcoffset() != moment.astimezone(zone).utcoffset():
                expected = moment.astimezone(zone).strftime("%z")
                problems.add(where, doc.line_of(key), key, f"the offset {moment.strftime('%z')} does not match {resource.timezone}, "
                             f"which is at UTC{expected[:3]}:{expected[3:]} on that date; correct the offset or the time zone")


def time_zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


# The short names of the hub's regions' time zones, which organisers write; a name is what the hub needs
ABBREVIATIONS = {"SAST": "Africa/Johannesburg", "WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura",
                 "ICT": "Asia/Bangkok (or Asia/Ho_Chi_Minh)", "ULAT": "Asia/Ulaanbaatar", "COT": "America/Bogota",
                 "CLT": "America/Santiago", "CLST": "America/Santiago", "CET": "Europe/Berlin", "CEST": "Europe/Berlin"}


def zone_problem(name: str) -> str:
    hint = ABBREVIATIONS.get(name.strip().upper()) or suggest(name, {z: z for z in available_timezones()})
    return f"'{name}' is not a time zone name" + (f"; did you mean '{hint}'?" if hint else "; use an IANA name such as Asia/Jakarta")


def moment_problem(value: object, zone: ZoneInfo | None = None) -> str:
    """A time without its offset from UTC gets it, from the event's time zone where there is one."""
    try:
        naive = dt.datetime.fromisoformat(str(value))
    except ValueError:
        naive = None
    if naive is not None and naive.tzinfo is None:
        if zone is not None:
            return (f"'{value}' needs the venue's offset from UTC at the end; in {zone.key} on that day: "
                    f"{naive.replace(tzinfo=zone).isoformat()}")
        return (f"'{value}' needs the venue's offset from UTC at the end, e.g. {naive.isoformat()}+07:00 in Jakarta or "
                "Bangkok, +02:00 in Johannesburg, -05:00 in Bogotá")
    return f"'{value}' is not a date-time with UTC offset; {_hint('start')}{retype_hint(value)}"


def _hint(key: str) -> str:
    return {"start": "write e.g. 2026-03-10T09:00:00+07:00, or 2026-03-10 for an all-day event",
            "location": "write the place, 'online', or both"}[key]
