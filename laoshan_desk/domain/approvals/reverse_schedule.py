"""The reverse schedule (倒排工期表) of a project's must-do items.

The rules (docs/rules.md §approvals-reverse-schedule), in working days of a :class:`WorkCalendar`:

* an item occupies ``days`` consecutive working days, its start day counting as the first;
* forward: an item without (scheduled) prerequisites starts on the first working day on or after
  the start date; any other on the first working day after the latest earliest finish of its
  prerequisites;
* backward: an item nothing depends on must finish by the last working day before the target
  date; any other by the last working day before the earliest latest start of its dependents;
  latest start is ``days`` working days back from latest finish (the finish day counting);
* slack is the signed number of working days from earliest start to latest start; the plan is
  feasible when no open must-do item has negative slack; the critical path is the chain of
  least-slack items along prerequisite edges;
* only must-do items are scheduled; a prerequisite that is not must-do, or is not in the list at
  all, is taken as already met; a prerequisite cycle is an error that names the cycle.

Beyond those rules, facts and decisions recorded on a project bend the forward pass:

* ``actual_finish`` (the item was ticked off) replaces the computed earliest finish, so its
  dependents are planned from what really happened; ``actual_start`` likewise fixes the start;
* ``fixed_finish`` pins a node (e.g. fire acceptance moved from 28 Apr to 15 May): the item
  finishes on that day unless its prerequisites make it impossible, and dependents follow it;
  ``fixed_start`` holds an item back until a given day (e.g. the building is not ready).

The backward pass ignores pins and actuals: latest dates are what the target date allows.

Each item also carries the end of its statutory limit (法定时限届满), counted from its start as the
text that sets the limit counts it (working or calendar days; docs/rules.md §approvals-time-limits,
``limits.statutory_due``); a plan that finishes an open item after that day is warned about.

Pure Python: no Qt, no database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from laoshan_desk.domain.approvals.limits import statutory_due
from laoshan_desk.domain.approvals.vocabulary import Classification, LimitKind
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.graph import cycle_message, find_cycle

__all__ = [
    "PlanItem",
    "ScheduledItem",
    "ScheduleResult",
    "schedule",
]


@dataclass(frozen=True)
class PlanItem:
    """One ordered item as the scheduler sees it.

    ``days`` is the item's duration in working days (the committed limit, usually). The optional
    dates are explained in the module docstring. ``limit_kind`` and ``statutory_days`` are the
    catalog's statutory limit; ``limit_kind`` None means not known (an item outside the catalog).
    """

    code: str
    name: str
    days: int
    prerequisites: tuple[str, ...] = ()
    classification: Classification = Classification.MUST_DO
    fixed_start: dt.date | None = None
    fixed_finish: dt.date | None = None
    actual_start: dt.date | None = None
    actual_finish: dt.date | None = None
    limit_kind: LimitKind | None = None
    statutory_days: int = 0

    def __post_init__(self) -> None:
        # Accept lists and plain strings from callers and JSON alike; keep the record hashable.
        object.__setattr__(self, "prerequisites", tuple(self.prerequisites))
        object.__setattr__(self, "classification", Classification(self.classification))
        if self.limit_kind is not None:
            object.__setattr__(self, "limit_kind", LimitKind(self.limit_kind))

    @property
    def done(self) -> bool:
        return self.actual_finish is not None


@dataclass(frozen=True)
class ScheduledItem:
    """The computed node dates of one must-do item."""

    code: str
    name: str
    days: int
    prerequisites: tuple[str, ...]  # only the scheduled (must-do) ones
    earliest_start: dt.date
    earliest_finish: dt.date
    latest_start: dt.date
    latest_finish: dt.date
    slack_days: int
    on_critical_path: bool = False
    done: bool = False
    pinned: bool = False  # a fixed_start/fixed_finish moved it later than it could have been
    limit_kind: LimitKind | None = None  # None: not known (not from the catalog)
    statutory_days: int = 0
    statutory_due: dt.date | None = None  # the statutory limit's last day from earliest_start

    @property
    def feasible(self) -> bool:
        return self.slack_days >= 0

    @property
    def overruns_limit(self) -> bool:
        """The plan finishes after the statutory limit ends (never for an item without one)."""
        return self.statutory_due is not None and self.earliest_finish > self.statutory_due


@dataclass(frozen=True)
class ScheduleResult:
    """The reverse schedule of one project: must-do items in dependency order, start to finish."""

    start_date: dt.date
    target_date: dt.date
    items: Mapping[str, ScheduledItem]
    feasible: bool
    critical_path: tuple[str, ...]
    warnings: tuple[str, ...] = ()

    def __getitem__(self, code: str) -> ScheduledItem:
        return self.items[code]

    def __contains__(self, code: object) -> bool:
        return code in self.items

    def get(self, code: str) -> ScheduledItem | None:
        return self.items.get(code)

    @property
    def finish_date(self) -> dt.date | None:
        """The last earliest finish: when everything can be done (None with nothing scheduled)."""
        return max((s.earliest_finish for s in self.items.values()), default=None)

    @property
    def min_slack(self) -> int | None:
        return min((s.slack_days for s in self.items.values() if not s.done), default=None)


def _validate(items: Sequence[PlanItem], start: dt.date, target: dt.date) -> None:
    if target <= start:
        raise ValidationError(f"目标日期 {target.isoformat()} 须晚于开始日期 {start.isoformat()}", field="target_date")
    seen: set[str] = set()
    for item in items:
        if not item.code:
            raise ValidationError("事项编码不能为空", field="code")
        if item.code in seen:
            raise ValidationError(f"事项编码 {item.code} 重复", field="code")
        seen.add(item.code)
        if isinstance(item.days, bool) or not isinstance(item.days, int) or item.days < 1:
            raise ValidationError(f"事项 {item.code} 的办理时限须为至少 1 个工作日的整数：{item.days!r}", field="days")


def _topological(items: Sequence[PlanItem], preds: Mapping[str, tuple[str, ...]]) -> list[PlanItem]:
    """Items with every prerequisite before its dependents; ties keep the caller's order."""
    by_code = {i.code: i for i in items}
    indegree = {code: len(p) for code, p in preds.items()}
    dependents: dict[str, list[str]] = {code: [] for code in preds}
    for code, ps in preds.items():
        for p in ps:
            dependents[p].append(code)
    position = {i.code: n for n, i in enumerate(items)}
    ready = sorted((c for c, d in indegree.items() if d == 0), key=position.__getitem__)
    order: list[PlanItem] = []
    while ready:
        code = ready.pop(0)
        order.append(by_code[code])
        released = []
        for d in dependents[code]:
            indegree[d] -= 1
            if indegree[d] == 0:
                released.append(d)
        ready = sorted(ready + released, key=position.__getitem__)
    if len(order) != len(items):
        cycle = find_cycle(preds) or []
        raise ValidationError(cycle_message(cycle), field="prerequisites", code="prerequisite_cycle")
    return order


# -- the schedule ------------------------------------------------------------------------------
def _span_back(calendar: WorkCalendar, finish: dt.date, days: int) -> dt.date:
    """The start of a ``days``-long stretch ending on ``finish`` (the finish day counts)."""
    return calendar.add_workdays(finish, -(days - 1))


def schedule(
    items: Sequence[PlanItem],
    start_date: dt.date,
    target_date: dt.date,
    calendar: WorkCalendar,
) -> ScheduleResult:
    """Compute the reverse schedule of the must-do items among ``items``.

    Raises ValidationError for a duration below one working day, a duplicate code, a target not
    after the start, or a cycle among the must-do items (a cycle through an item that is not
    must-do is broken by that item, which counts as met).
    """
    _validate(items, start_date, target_date)
    must = [i for i in items if i.classification is Classification.MUST_DO]
    codes = {i.code for i in must}
    # Deduplicate while keeping order: a prerequisite typed twice is still one edge.
    preds = {i.code: tuple(dict.fromkeys(p for p in i.prerequisites if p in codes)) for i in must}
    order = _topological(must, preds)
    warnings: list[str] = []

    # Forward pass.
    es: dict[str, dt.date] = {}
    ef: dict[str, dt.date] = {}
    pinned: dict[str, bool] = {}
    first_day = calendar.next_workday(start_date)
    for item in order:
        if preds[item.code]:
            free = calendar.next_workday(max(ef[p] for p in preds[item.code]), inclusive=False)
        else:
            free = first_day
        pinned[item.code] = False
        if item.actual_finish is not None:
            finish = item.actual_finish
            begin = item.actual_start or _span_back(calendar, finish, item.days)
            begin = min(begin, finish)
        else:
            if item.actual_start is not None:
                begin = item.actual_start
            else:
                begin = free
                if item.fixed_start is not None:
                    held = calendar.next_workday(item.fixed_start)
                    if held > begin:
                        begin, pinned[item.code] = held, True
            finish = calendar.add_workdays(calendar.next_workday(begin), item.days - 1)
            if item.fixed_finish is not None:
                pin = calendar.next_workday(item.fixed_finish)
                if pin > finish:
                    finish, pinned[item.code] = pin, True
                    if item.actual_start is None:
                        begin = max(begin, _span_back(calendar, finish, item.days))
                elif pin < finish:
                    warnings.append(
                        f"事项 {item.code}（{item.name}）的固定节点 {item.fixed_finish.isoformat()} "
                        f"早于最早可完成日期 {finish.isoformat()}，已按最早可完成日期排期"
                    )
        es[item.code], ef[item.code] = begin, finish

    # Backward pass.
    dependents: dict[str, list[str]] = {i.code: [] for i in must}
    for code, ps in preds.items():
        for p in ps:
            dependents[p].append(code)
    ls: dict[str, dt.date] = {}
    lf: dict[str, dt.date] = {}
    for item in reversed(order):
        if dependents[item.code]:
            bound = min(ls[d] for d in dependents[item.code])
        else:
            bound = target_date
        lf[item.code] = calendar.previous_workday(bound, inclusive=False)
        ls[item.code] = _span_back(calendar, lf[item.code], item.days)

    slack = {i.code: calendar.workdays_between(es[i.code], ls[i.code]) for i in order}
    open_items = [i for i in order if not i.done]
    feasible = all(slack[i.code] >= 0 for i in open_items)
    path = _critical_path(open_items or order, preds, slack)
    on_path = set(path)
    done = {i.code: i.done for i in order}
    due = {
        i.code: statutory_due(i.limit_kind, i.statutory_days, es[i.code], calendar) if i.limit_kind else None
        for i in order
    }
    for i in open_items:
        end = due[i.code]
        if end is not None and ef[i.code] > end and i.limit_kind is not None:
            warnings.append(
                f"事项 {i.code}（{i.name}）计划 {ef[i.code].isoformat()} 办结，晚于法定时限"
                f"（{i.limit_kind.days_text(i.statutory_days)}）届满日 {end.isoformat()}"
            )
    result = {
        i.code: ScheduledItem(
            code=i.code,
            name=i.name,
            days=i.days,
            prerequisites=preds[i.code],
            earliest_start=es[i.code],
            earliest_finish=ef[i.code],
            latest_start=ls[i.code],
            latest_finish=lf[i.code],
            slack_days=slack[i.code],
            on_critical_path=i.code in on_path,
            done=done[i.code],
            pinned=pinned[i.code],
            limit_kind=i.limit_kind,
            statutory_days=i.statutory_days,
            statutory_due=due[i.code],
        )
        for i in order
    }
    return ScheduleResult(
        start_date=start_date,
        target_date=target_date,
        items=result,
        feasible=feasible,
        critical_path=tuple(path),
        warnings=tuple(warnings),
    )


def _critical_path(
    candidates: Sequence[PlanItem], preds: Mapping[str, tuple[str, ...]], slack: Mapping[str, int]
) -> list[str]:
    """The longest chain (in working days) of least-slack items linked by prerequisite edges.

    ``candidates`` are in topological order. Only open items compete while any remain, so a late
    but finished item does not hide what still drives the date; a finished project shows the chain
    it actually ran along. Between chains of equal length the one with more items wins (more
    hand-overs between departments, more to watch), then the one found first in the caller's order.
    """
    if not candidates:
        return []
    least = min(slack[i.code] for i in candidates)
    critical = [i for i in candidates if slack[i.code] == least]
    in_set = {i.code for i in critical}
    best: dict[str, tuple[int, list[str]]] = {}

    def weight(entry: tuple[int, list[str]]) -> tuple[int, int]:
        return entry[0], len(entry[1])

    for item in critical:
        chains = [best[p] for p in preds[item.code] if p in in_set]
        length, chain = max(chains, key=weight, default=(0, []))
        best[item.code] = (length + item.days, chain + [item.code])
    return max(best.values(), key=weight)[1]
