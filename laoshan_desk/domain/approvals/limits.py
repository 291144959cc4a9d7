"""When an item's statutory limit (法定时限) runs out, counted as the text that sets it counts.

docs/rules.md §approvals-time-limits: the Administrative Licensing Law's own periods are working
days (art. 82); a law or regulation that says plain 日 counts calendar days; some items have no
limit set by any text (无法定时限). The period runs from the day the item is accepted, which is
not counted (Civil Code art. 201); a period of calendar days whose last day is a statutory
holiday or a rest day ends on the first working day after it (Civil Code art. 203). An item
without a statutory limit has no statutory end: callers show 无法定时限, never a date.

Pure Python: no Qt, no database.
"""

from __future__ import annotations

import datetime as dt

from laoshan_desk.domain.approvals.vocabulary import LimitKind
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.timeutil import MAX_DATE

__all__ = ["statutory_due", "limit_text"]


def statutory_due(kind: LimitKind, days: int, accepted: dt.date, calendar: WorkCalendar) -> dt.date | None:
    """The last day of the statutory limit of an item accepted on ``accepted``; None when no text
    sets one (kind ``none``, or no figure)."""
    if kind is LimitKind.NONE or days <= 0:
        return None
    if kind is LimitKind.WORKING_DAYS:
        return calendar.add_workdays(accepted, days)
    last = min(accepted + dt.timedelta(days=days), MAX_DATE)
    return calendar.next_workday(last)


def limit_text(kind: LimitKind, statutory_days: int, committed_days: int) -> str:
    """The limit as papers print it: ``法定7日（自然日），承诺3个工作日``; ``无法定时限，承诺5个工作日``."""
    promise = f"承诺{committed_days}个工作日"
    if kind is LimitKind.NONE or statutory_days <= 0:
        return f"{LimitKind.NONE.label}，{promise}"
    return f"法定{kind.days_text(statutory_days)}，{promise}"
