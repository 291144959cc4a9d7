"""Counting terms: the records hot-spot analysis reads, ISO weeks, term counts overall, per week
and per community (a term counts once per appeal; docs/rules.md §appeals-hotspots).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from laoshan_desk.domain.appeals.clocks import local_date
from laoshan_desk.domain.appeals.terms import (
    Segmenter,
    default_segmenter,
)


class _Record(Protocol):
    @property
    def received_at(self) -> dt.datetime: ...


@dataclass(frozen=True)
class AppealRecord:
    """The fields hot-spot analysis reads from an appeal (``terms`` None: segment ``content``)."""

    key: str
    received_at: dt.datetime
    content: str
    street: str | None = None
    community: str | None = None
    grid: str | None = None
    phone: str | None = None
    terms: tuple[str, ...] | None = None


def _terms(record: Any, seg: Segmenter | None) -> tuple[str, ...]:
    stored = getattr(record, "terms", None)
    if stored is not None:
        return tuple(stored)
    return (seg or default_segmenter()).keywords(getattr(record, "content", ""))


# -- counting ----------------------------------------------------------------------------------
def week_start(day: dt.date | dt.datetime) -> dt.date:
    """The Monday of the ISO week holding ``day`` (a datetime is read in Shanghai time)."""
    if isinstance(day, dt.datetime):
        day = local_date(day)
    return day - dt.timedelta(days=day.weekday())


def _in_range(record: _Record, start: dt.date | None, end: dt.date | None) -> bool:
    day = local_date(record.received_at)
    return (start is None or day >= start) and (end is None or day <= end)


def keyword_counts(
    records: Iterable[_Record],
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    segmenter: Segmenter | None = None,
) -> Counter[str]:
    """Appeals mentioning each keyword, received in the closed date range [start, end]."""
    seg = segmenter
    counts: Counter[str] = Counter()
    for record in records:
        if _in_range(record, start, end):
            counts.update(_terms(record, seg))
    return counts


def _ranked(counts: Counter[str], top: int | None, min_count: int) -> list[tuple[str, int]]:
    # Ties sorted by the word itself so that reports are reproducible run to run.
    items = sorted(((k, n) for k, n in counts.items() if n >= min_count), key=lambda kn: (-kn[1], kn[0]))
    return items if top is None else items[:top]


def hot_topics(
    records: Iterable[_Record],
    *,
    top: int = 10,
    min_count: int = 2,
    start: dt.date | None = None,
    end: dt.date | None = None,
    segmenter: Segmenter | None = None,
) -> list[tuple[str, int]]:
    """The ``top`` keywords by number of appeals mentioning them (at least ``min_count``)."""
    return _ranked(keyword_counts(records, start=start, end=end, segmenter=segmenter), top, min_count)


def weekly_keyword_counts(
    records: Iterable[_Record], *, segmenter: Segmenter | None = None
) -> dict[dt.date, Counter[str]]:
    """Keyword counts per ISO week, keyed by the week's Monday, weeks in order."""
    seg = segmenter
    weeks: dict[dt.date, Counter[str]] = defaultdict(Counter)
    for record in records:
        weeks[week_start(record.received_at)].update(_terms(record, seg))
    return dict(sorted(weeks.items()))


def community_keyword_counts(
    records: Iterable[_Record],
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    segmenter: Segmenter | None = None,
) -> dict[str, Counter[str]]:
    """Keyword counts per community (records without a community are left out)."""
    seg = segmenter
    result: dict[str, Counter[str]] = defaultdict(Counter)
    for record in records:
        community = getattr(record, "community", None)
        if community and _in_range(record, start, end):
            result[community].update(_terms(record, seg))
    return dict(result)
