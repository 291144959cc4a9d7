"""The two limits of an appeal: the response limit (received + 4 hours) and the completion limit
(working days by handling level, moved by approved suspensions and extensions); the Shanghai day
of a moment (docs/rules.md §appeals-clocks).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple, Protocol

from laoshan_desk.domain.appeals.suspensions import Counting, DayCounting, counting_calendar, moved_limit
from laoshan_desk.domain.appeals.vocabulary import HandlingLevel
from laoshan_desk.domain.timeutil import TZ

RESPONSE_HOURS = 4
# The response light turns yellow in the last hour of the four: a quarter of the window is the
# time a clerk needs to reach the unit by phone.
RESPONSE_WARNING = dt.timedelta(hours=1)
COMPLETION_WORKDAYS: Mapping[HandlingLevel, int] = {
    HandlingLevel.COMMUNITY: 2,
    HandlingLevel.STREET: 3,
    HandlingLevel.DEPARTMENT: 4,
}


class _Interval(Protocol):
    start: dt.datetime
    end: dt.datetime | None


class Suspension(NamedTuple):
    """One suspension of the completion clock; ``end`` is None while it lasts.

    A plain ``(start, end)`` tuple, or any object with ``start`` and ``end`` attributes (a stored
    row), is accepted wherever a Suspension is.
    """

    start: dt.datetime
    end: dt.datetime | None = None


# -- time zone ---------------------------------------------------------------------------------
def local(moment: dt.datetime) -> dt.datetime:
    """``moment`` in Asia/Shanghai; a naive datetime is refused (its zone would be a guess)."""
    if not isinstance(moment, dt.datetime):
        raise TypeError(f"expected a datetime, got {type(moment).__name__}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: appeal times must be timezone-aware")
    return moment.astimezone(TZ)


def local_date(moment: dt.datetime) -> dt.date:
    """The Shanghai calendar day of ``moment``."""
    return local(moment).date()


# -- limits ------------------------------------------------------------------------------------
def response_limit(received_at: dt.datetime) -> dt.datetime:
    """Received + 4 clock hours (in Shanghai time; computed in UTC so hours are real hours)."""
    utc = local(received_at).astimezone(dt.UTC)
    return (utc + dt.timedelta(hours=RESPONSE_HOURS)).astimezone(TZ)


def completion_workdays(level: HandlingLevel | str) -> int:
    """N for a handling level: 2 community/village, 3 street, 4 district department."""
    return COMPLETION_WORKDAYS[HandlingLevel(level)]


def base_completion_limit(
    received_at: dt.datetime,
    level: HandlingLevel | str,
    calendar: Counting,
    *,
    counting: DayCounting | str = DayCounting.WORKING,
) -> dt.date:
    """The Nth working (or calendar) day after the day received, before extensions and suspensions."""
    days = counting_calendar(calendar, counting)
    return days.add_workdays(local_date(received_at), completion_workdays(level))


SuspensionLike = _Interval | tuple[dt.datetime, dt.datetime | None]


def _pairs(suspensions: Iterable[SuspensionLike]) -> list[tuple[dt.datetime, dt.datetime | None]]:
    return [(s[0], s[1]) if isinstance(s, tuple) else (s.start, s.end) for s in suspensions]


def completion_limit(
    received_at: dt.datetime,
    level: HandlingLevel | str,
    calendar: Counting,
    extension_until: dt.date | None = None,
    suspensions: Iterable[SuspensionLike] = (),
    *,
    now: dt.datetime | None = None,
    extension_granted_at: dt.datetime | None = None,
    counting: DayCounting | str = DayCounting.WORKING,
) -> dt.date:
    """The date by whose end the appeal must be finished (that whole day counts).

    ``extension_until`` replaces the base limit. ``suspensions`` move the limit (module docstring);
    ``now`` is needed only when one is still open. With an extension, only suspensions begun at
    or after ``extension_granted_at`` count; without that time, none do — an extension is the
    final, approved date.
    """
    days = counting_calendar(calendar, counting)
    pairs: Sequence[tuple[dt.datetime, dt.datetime | None]] = _pairs(suspensions)
    if extension_until is not None:
        if isinstance(extension_until, dt.datetime):
            extension_until = local_date(extension_until)
        if extension_granted_at is None:
            return extension_until
        limit, _ = moved_limit(extension_until, pairs, days, now=now, counted_from=extension_granted_at)
        return limit
    base = base_completion_limit(received_at, level, calendar, counting=counting)
    limit, _ = moved_limit(base, pairs, days, now=now)
    return limit


def suspended_workdays(
    received_at: dt.datetime,
    level: HandlingLevel | str,
    calendar: Counting,
    suspensions: Iterable[SuspensionLike],
    *,
    now: dt.datetime | None = None,
    counting: DayCounting | str = DayCounting.WORKING,
) -> int:
    """How many working days the suspensions added to the base limit (for the appeal's detail)."""
    base = base_completion_limit(received_at, level, calendar, counting=counting)
    _, added = moved_limit(base, _pairs(suspensions), counting_calendar(calendar, counting), now=now)
    return added
