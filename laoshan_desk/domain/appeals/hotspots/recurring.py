"""Places and phones that appeal again and again (three appeals or more in N days;
docs/rules.md §appeals-hotspots).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from laoshan_desk.domain.appeals.clocks import local_date
from laoshan_desk.domain.appeals.duplicates import normalise_phone

from .counts import _Record


# -- repeats -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Repeat:
    """A place or phone with many appeals in the window."""

    value: str
    count: int
    keys: tuple[str, ...]
    first: dt.datetime
    last: dt.datetime


def repeats(
    records: Iterable[_Record],
    key: Callable[[Any], str | None],
    now: dt.datetime,
    *,
    days: int = 30,
    min_count: int = 3,
) -> list[Repeat]:
    """Values of ``key`` shared by ≥ ``min_count`` appeals received in the last ``days`` days.

    The window is the ``days`` calendar days ending today (today included) and not after ``now``,
    so "3 appeals in 30 days" reads the way a clerk counts on a calendar. Most appeals first.
    """
    today = local_date(now)
    first_day = today - dt.timedelta(days=days - 1)
    groups: dict[str, list[Any]] = defaultdict(list)
    for record in records:
        if record.received_at > now:
            continue
        if local_date(record.received_at) < first_day:
            continue
        value = key(record)
        if value:
            groups[value].append(record)
    result = []
    for value, items in groups.items():
        if len(items) < min_count:
            continue
        items.sort(key=lambda r: r.received_at)
        result.append(
            Repeat(
                value,
                len(items),
                tuple(str(getattr(r, "key", "")) for r in items),
                items[0].received_at,
                items[-1].received_at,
            )
        )
    result.sort(key=lambda r: (-r.count, r.value))
    return result


def repeat_places(
    records: Iterable[_Record],
    now: dt.datetime,
    *,
    days: int = 30,
    min_count: int = 3,
    level: str = "grid",
) -> list[Repeat]:
    """Grids (or communities, ``level='community'``) with ≥ ``min_count`` appeals in ``days``."""
    if level not in ("grid", "community"):
        raise ValueError(f"level must be 'grid' or 'community', not {level!r}")
    return repeats(records, lambda r: getattr(r, level, None), now, days=days, min_count=min_count)


def repeat_phones(
    records: Iterable[_Record],
    now: dt.datetime,
    *,
    days: int = 30,
    min_count: int = 3,
) -> list[Repeat]:
    """Phones (normalised: spaces, dashes and +86 ignored) with ≥ ``min_count`` appeals."""
    return repeats(
        records,
        lambda r: normalise_phone(getattr(r, "phone", None)) or None,
        now,
        days=days,
        min_count=min_count,
    )
