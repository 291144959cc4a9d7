"""Week-on-week surges: the terms this week mentions more than last, by ratio and absolute
thresholds (docs/rules.md §appeals-hotspots).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from laoshan_desk.domain.appeals.terms import (
    Segmenter,
)

from .counts import _Record, _terms, week_start


# -- surges ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Surge:
    """A keyword mentioned by many more appeals this week than last."""

    keyword: str
    this_week: int
    last_week: int
    community: str | None = None  # None: the whole district

    @property
    def increase(self) -> int:
        return self.this_week - self.last_week

    @property
    def ratio(self) -> float | None:
        """this ÷ last week; None when last week had none (a new topic, not a finite ratio)."""
        return self.this_week / self.last_week if self.last_week else None

    @property
    def label(self) -> str:
        """e.g. '停车难 本周 12 件，上周 4 件（×3.0）'."""
        times = f"（×{self.ratio:.1f}）" if self.ratio is not None else "（新增）"
        where = f"{self.community} " if self.community else ""
        return f"{where}{self.keyword} 本周 {self.this_week} 件，上周 {self.last_week} 件{times}"


def surges(
    records: Iterable[_Record],
    week_of: dt.date | dt.datetime,
    *,
    min_count: int = 5,
    min_increase: int = 3,
    min_ratio: float = 2.0,
    by_community: bool = False,
    segmenter: Segmenter | None = None,
) -> list[Surge]:
    """Keywords surging in the ISO week holding ``week_of`` against the week before.

    A surge needs all three: at least ``min_count`` appeals this week, at least ``min_increase``
    more than last week, and this ÷ last ≥ ``min_ratio`` (a keyword absent last week passes the
    ratio). The absolute thresholds keep 1 → 2 appeals, a doubling, out of the brief. With
    ``by_community`` each community is compared with itself. Largest increase first.
    """
    seg = segmenter
    this_monday = week_start(week_of)
    last_monday = this_monday - dt.timedelta(days=7)
    this_week: dict[str | None, Counter[str]] = defaultdict(Counter)
    last_week: dict[str | None, Counter[str]] = defaultdict(Counter)
    for record in records:
        monday = week_start(record.received_at)
        if monday not in (this_monday, last_monday):
            continue
        scope = getattr(record, "community", None) if by_community else None
        if by_community and not scope:
            continue
        bucket = this_week if monday == this_monday else last_week
        bucket[scope].update(_terms(record, seg))
    found: list[Surge] = []
    for scope, counts in this_week.items():
        found += _compare(counts, last_week.get(scope, Counter()), scope, min_count, min_increase, min_ratio)
    found.sort(key=lambda s: (-s.increase, -s.this_week, s.community or "", s.keyword))
    return found


def _compare(
    this_week: Counter[str],
    last_week: Counter[str],
    scope: str | None,
    min_count: int,
    min_increase: int,
    min_ratio: float,
) -> list[Surge]:
    found = []
    for word, now_count in this_week.items():
        prev = last_week.get(word, 0)
        if now_count < min_count or now_count - prev < min_increase:
            continue
        if prev and now_count / prev < min_ratio:
            continue
        found.append(Surge(word, now_count, prev, scope))
    return found
