"""审批点菜单's rows for ``bench/ratios.py``: the reverse schedule of all 84 catalog items, at a
realistic target and at the far end of the desk's range, warm, against the same schedule computed
with a calendar that steps one day at a time (what the desk did before its prefix counts).

The one-time notice and the weekly bulletin PDFs are rows of ``bench/rows_papers.py``; they are not
repeated here. Nothing here touches a database: the schedule is pure.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

SCHEDULE_GOAL_MS = 2.0  # an 84-item schedule at any target, warm


def _stepping_calendar() -> Any:
    """The calendar with the step-by-step arithmetic: the baseline."""
    from laoshan_desk.domain.calendar import WorkCalendar

    class Stepping(WorkCalendar):
        def add_workdays(self, day: dt.date, n: int) -> dt.date:
            step, remaining, current = (1 if n >= 0 else -1), abs(n), day
            while remaining:
                current += dt.timedelta(days=step)
                remaining -= self.is_workday(current)
            return current

        def workdays_between(self, start: dt.date, end: dt.date) -> int:
            lo, hi = sorted((start, end))
            count = sum(self.is_workday(lo + dt.timedelta(days=k)) for k in range(1, (hi - lo).days + 1))
            return count if end >= start else -count

    return Stepping()


def rows(ctx: Any) -> list[Any]:
    from ratios import Row  # the runner that loads this module

    from laoshan_desk.domain.approvals import PlanItem, load_catalog, schedule
    from laoshan_desk.domain.calendar import WorkCalendar
    from laoshan_desk.services.approvals.seed import CATALOG_FILE

    catalog = load_catalog(CATALOG_FILE)
    plan = [PlanItem(c.code, c.name, c.days, tuple(c.prerequisites)) for c in catalog]
    start = dt.date(2026, 11, 2)
    near, far = dt.date(2027, 6, 30), dt.date(2100, 12, 20)
    desk, stepping = WorkCalendar(), _stepping_calendar()
    for cal in (desk, stepping):  # warm: every year's counts and day lookups built once
        schedule(plan, start, near, cal)
        schedule(plan, start, far, cal)
    return [
        Row(
            f"schedule, {len(plan)} items, target {near.isoformat()} (warm)",
            desk=lambda: schedule(plan, start, near, desk),
            baseline=lambda: schedule(plan, start, near, stepping),
            baseline_name="same schedule, calendar stepping day by day",
            max_ms=SCHEDULE_GOAL_MS,
        ),
        Row(
            f"schedule, {len(plan)} items, target {far.isoformat()} (warm)",
            desk=lambda: schedule(plan, start, far, desk),
            baseline=lambda: schedule(plan, start, far, stepping),
            baseline_name="same schedule, calendar stepping day by day",
            max_ms=SCHEDULE_GOAL_MS,
        ),
    ]
