"""Computed values: related resources and the grouping helpers listings need."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import defaultdict

from .model import Catalogue, Resource

RELATED_COUNT = 5
WINDOW = 25  # candidates looked at on each side, per shared topic: keeps 10,000 resources fast


def enrich(catalogue: Catalogue) -> Catalogue:
    """Fill in computed values after validation."""
    _relate(catalogue.resources)
    return catalogue


def _relate(resources: list[Resource]) -> None:
    """Up to five related resources: shared topics weigh most, then regions, type and closeness in time."""
    by_topic: dict[str, list[Resource]] = defaultdict(list)
    for resource in sorted(resources, key=Resource.sort_key):
        for topic in resource.topics:
            by_topic[topic].append(resource)
    keys = {topic: [r.sort_key() for r in items] for topic, items in by_topic.items()}
    for resource in resources:
        candidates: set[int] = set()
        pool: dict[int, Resource] = {}
        for topic in resource.topics:
            items = by_topic[topic]
            at = bisect_left(keys[topic], resource.sort_key())
            for other in items[max(0, at - WINDOW): at + WINDOW + 1]:
                if other is not resource:
                    candidates.add(id(other))
                    pool[id(other)] = other
        scored = sorted((_score(resource, pool[c]), pool[c].sort_key()) + (c,) for c in candidates)
        resource.related = [pool[c] for *_, c in scored[:RELATED_COUNT]]


def _score(a: Resource, b: Resource) -> tuple:
    shared = 3 * len(set(a.topics) & set(b.topics)) + 2 * len(set(a.regions) & set(b.regions)) + (a.type == b.type)
    return (-shared, abs((a.date - b.date).days))


def by_shown_date(catalogue: Catalogue) -> list[Resource]:
    """Every resource by the date its card shows (an event's first day, else its publication), newest
    first: the order of listings. By publication date alone, as the catalogue is kept (feeds, search
    bundles), the events of a listing looked out of order."""
    return sorted(catalogue.resources, key=lambda r: (r.shown_date(), r.sort_key()), reverse=True)


def upcoming_events(catalogue: Catalogue, region: str | None = None) -> list[Resource]:
    """Events that have not ended by the build date, soonest first."""
    events = [r for r in catalogue.resources if r.is_event and r.start is not None and not is_past(r, catalogue.today)
              and (region is None or region in r.regions)]
    return sorted(events, key=lambda r: (_day(r.start), r.slug))


def past_events(catalogue: Catalogue) -> list[Resource]:
    events = [r for r in catalogue.resources if r.is_event and r.start is not None and is_past(r, catalogue.today)]
    return sorted(events, key=lambda r: (_day(r.start), r.slug), reverse=True)


def is_past(event: Resource, today: dt.date) -> bool:
    return last_day(event) < today


def last_day(event: Resource) -> dt.date:
    """The event's last day, in its own zone."""
    return _day(event.end or event.start)


def _day(moment: dt.date | dt.datetime) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment
