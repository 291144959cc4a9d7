"""Tracking a project's items: the warning light of one item on a day and what it means in words
(超期 / 计划不可行 / 临期 / 正常 / 已销号), whether it finished on time, why it is on the morning
call, a department's colour in the weekly ranking, and which items are "ready to issue" (可发证)
once what held them back has cleared."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from laoshan_desk.domain.approvals.reverse_schedule import ScheduledItem
from laoshan_desk.domain.approvals.vocabulary import Classification, DispatchBucket, ItemStatus
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.labels import Labelled
from laoshan_desk.domain.lights import Light

__all__ = [
    "YELLOW_WINDOW",
    "open_item_light",
    "item_light",
    "finished_on_time",
    "is_overdue",
    "ItemSignal",
    "item_signal",
    "worst_signal",
    "feasible_today",
    "dispatch_bucket",
    "RATE_GREEN",
    "RATE_YELLOW",
    "rate_light",
    "ItemState",
    "ready_to_issue",
]


# -- lights ------------------------------------------------------------------------------------
YELLOW_WINDOW = 2  # working days before the latest finish: docs/rules.md §approvals-lights


def open_item_light(latest_finish: dt.date, slack_days: int, day: dt.date, calendar: WorkCalendar) -> Light:
    """The light of an item still open on ``day`` (docs/rules.md §approvals-lights): red when
    ``day`` is past its latest finish or its slack is negative (it cannot make the target);
    yellow when its latest finish is 0, 1 or 2 working days away; else green."""
    if day > latest_finish or slack_days < 0:
        return Light.RED
    if calendar.workdays_between(day, latest_finish) <= YELLOW_WINDOW:
        return Light.YELLOW
    return Light.GREEN


def item_light(
    item: ScheduledItem | None,
    today: dt.date,
    calendar: WorkCalendar,
    *,
    done: bool = False,
    actual_finish: dt.date | None = None,
) -> Light:
    """The warning light of one item on ``today``: grey when done (``done`` or an
    ``actual_finish`` given, or the schedule says so) or not scheduled, else
    :func:`open_item_light`."""
    if item is None or done or actual_finish is not None or item.done:
        return Light.GREY
    return open_item_light(item.latest_finish, item.slack_days, today, calendar)


def finished_on_time(item: ScheduledItem, actual_finish: dt.date) -> bool:
    """Whether a ticked-off item finished by its latest finish (the bulletin's on-time rate)."""
    return actual_finish <= item.latest_finish


def is_overdue(latest_finish: dt.date | None, finished_on: dt.date | None, day: dt.date) -> bool:
    """超期 on ``day``: the latest finish is before ``day`` and the item was not ticked off by then
    (docs/rules.md §approvals-bulletin). An item that only cannot make the target (negative slack,
    latest finish still ahead) is not overdue; an item ticked off (已销号) on or before ``day`` never is."""
    if latest_finish is None or latest_finish >= day:
        return False
    return finished_on is None or finished_on > day


class ItemSignal(Labelled):
    """What an item's light says, in the one set of words every screen, paper and the command line
    use (docs/rules.md §approvals-lights): red is 超期 only when the latest finish has passed, and
    计划不可行 when the item only cannot make the target (negative slack, latest finish ahead).
    Declared most urgent first."""

    OVERDUE = ("overdue", "超期")
    INFEASIBLE = ("infeasible", "计划不可行")
    DUE_SOON = ("due_soon", "临期")
    ON_TRACK = ("on_track", "正常")
    DONE = ("done", "已销号")
    NONE = ("none", "—")  # not a must-do item, or not scheduled

    @property
    def light(self) -> Light:
        return _SIGNAL_LIGHTS[self]

    @property
    def urgency(self) -> int:
        """0 for overdue … 5 for nothing to show: the order of :func:`worst_signal`."""
        return list(ItemSignal).index(self)


_SIGNAL_LIGHTS = {
    ItemSignal.OVERDUE: Light.RED,
    ItemSignal.INFEASIBLE: Light.RED,
    ItemSignal.DUE_SOON: Light.YELLOW,
    ItemSignal.ON_TRACK: Light.GREEN,
    ItemSignal.DONE: Light.GREY,
    ItemSignal.NONE: Light.GREY,
}


def item_signal(light: Light, *, done: bool, latest_finish: dt.date | None, day: dt.date) -> ItemSignal:
    """The words of an item's ``light`` on ``day``: 已销号 when ``done``; a red light is 超期 when
    :func:`is_overdue` (the latest finish is before ``day``), otherwise 计划不可行; yellow 临期,
    green 正常, grey — (docs/rules.md §approvals-lights, §approvals-bulletin)."""
    if done:
        return ItemSignal.DONE
    if light is Light.RED:
        return ItemSignal.OVERDUE if is_overdue(latest_finish, None, day) else ItemSignal.INFEASIBLE
    if light is Light.YELLOW:
        return ItemSignal.DUE_SOON
    if light is Light.GREEN:
        return ItemSignal.ON_TRACK
    return ItemSignal.NONE


def worst_signal(signals: Iterable[ItemSignal]) -> ItemSignal:
    """A project's signal: its most urgent item's (超期 before 计划不可行 before 临期 …); 已销号 only
    when every item is ticked off; — with no item."""
    return min(signals, key=lambda s: s.urgency, default=ItemSignal.NONE)


def feasible_today(
    schedule_feasible: bool, target_date: dt.date, today: dt.date, open_items: Iterable[tuple[dt.date, bool]]
) -> bool:
    """计划可行 as of ``today``: the schedule fits, and, when must-do items are still open (given as
    their latest finish and whether they are on the critical path), the target date has not passed
    and no open critical-path item is past its latest finish (docs/rules.md §approvals-reverse-schedule)."""
    still_open = list(open_items)
    if not schedule_feasible:
        return False
    if still_open and today > target_date:
        return False
    return not any(critical and latest < today for latest, critical in still_open)


# -- the morning call and the weekly ranking -----------------------------------------------------
def dispatch_bucket(
    latest_finish: dt.date, slack_days: int, today: dt.date, calendar: WorkCalendar
) -> tuple[DispatchBucket, int] | None:
    """Why an open must-do item is on the daily dispatch, and the working days left to its latest
    finish (negative when late); None when it is not (docs/rules.md §approvals-dispatch). The
    same rule as the red and yellow lights, told apart: late, infeasible, due today, due soon."""
    left = calendar.workdays_between(today, latest_finish)
    if today > latest_finish:
        return DispatchBucket.LATE, left
    if slack_days < 0:
        return DispatchBucket.INFEASIBLE, left
    if latest_finish == today:
        return DispatchBucket.TODAY, 0
    if left <= YELLOW_WINDOW:
        return DispatchBucket.SOON, left
    return None


RATE_GREEN, RATE_YELLOW = 0.9, 0.7  # docs/rules.md §approvals-bulletin


def rate_light(rate: float | None) -> Light:
    """A department's colour in the weekly ranking by on-time rate: green ≥ 90 %, yellow ≥ 70 %,
    red below; grey with nothing due (docs/rules.md §approvals-bulletin)."""
    if rate is None:
        return Light.GREY
    if rate >= RATE_GREEN:
        return Light.GREEN
    if rate >= RATE_YELLOW:
        return Light.YELLOW
    return Light.RED


# -- ready to issue ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ItemState:
    """What "ready to issue" needs to know of one ordered item.

    ``pre_reviewed`` None means "judge by the status": in pre-review or later counts as reviewed,
    because items waiting on a prerequisite can only be pre-reviewed, not formally accepted.
    """

    code: str
    classification: Classification = Classification.MUST_DO
    status: ItemStatus = ItemStatus.NOT_STARTED
    prerequisites: tuple[str, ...] = ()
    pre_reviewed: bool | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "prerequisites", tuple(self.prerequisites))
        object.__setattr__(self, "classification", Classification(self.classification))
        object.__setattr__(self, "status", ItemStatus(self.status))

    @property
    def materials_reviewed(self) -> bool:
        if self.pre_reviewed is not None:
            return self.pre_reviewed
        return self.status.step >= ItemStatus.PRE_REVIEW.step


def ready_to_issue(states: Iterable[ItemState]) -> list[str]:
    """Codes of open must-do items whose materials are pre-reviewed and whose every must-do
    prerequisite is done (可发证): the department can issue the licence the same day.

    Only items that wait on at least one must-do prerequisite qualify: the banner tells a clerk
    that what held an item back has cleared (docs/rules.md §approvals-tracking); an item that
    never waited is simply in progress. Prerequisites that are not must-do or not in ``states``
    count as met, as in the schedule. Order follows ``states``.
    """
    rows = list(states)
    by_code = {s.code: s for s in rows}
    ready = []
    for s in rows:
        if s.classification is not Classification.MUST_DO or s.status.is_done:
            continue
        if not s.materials_reviewed:
            continue
        gating = [
            by_code[p] for p in s.prerequisites if p in by_code and by_code[p].classification is Classification.MUST_DO
        ]
        if gating and all(p.status.is_done for p in gating):
            ready.append(s.code)
    return ready
