"""The reverse schedule (倒排工期表) of a project's must-do items, its lights, cascade and readiness.

The rules are issue 3's "Reverse schedule rules", in working days of a :class:`WorkCalendar`:

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

Beyond the issue's rules, facts and decisions recorded on a project bend the forward pass:

* ``actual_finish`` (the item was ticked off) replaces the computed earliest finish, so its
  dependents are planned from what really happened; ``actual_start`` likewise fixes the start;
* ``fixed_finish`` pins a node (e.g. fire acceptance moved from 28 Apr to 15 May): the item
  finishes on that day unless its prerequisites make it impossible, and dependents follow it;
  ``fixed_start`` holds an item back until a given day (e.g. the building is not ready).

The backward pass ignores pins and actuals: latest dates are what the target date allows.

Pure Python: no Qt, no database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from laoshan_desk.domain.approvals.lifecycle import Classification, ItemStatus
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.lights import Light

__all__ = [
    "PlanItem",
    "ScheduledItem",
    "ScheduleResult",
    "schedule",
    "find_cycle",
    "cycle_message",
    "YELLOW_WINDOW",
    "item_light",
    "finished_on_time",
    "Shift",
    "NodeMove",
    "move_node",
    "ItemState",
    "ready_to_issue",
]


@dataclass(frozen=True)
class PlanItem:
    """One ordered item as the scheduler sees it.

    ``days`` is the item's duration in working days (the committed limit, usually). The optional
    dates are explained in the module docstring.
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

    def __post_init__(self) -> None:
        # Accept lists and plain strings from callers and JSON alike; keep the record hashable.
        object.__setattr__(self, "prerequisites", tuple(self.prerequisites))
        object.__setattr__(self, "classification", Classification(self.classification))

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

    @property
    def feasible(self) -> bool:
        return self.slack_days >= 0


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


# -- graph helpers -----------------------------------------------------------------------------
def find_cycle(prerequisites: Mapping[str, Iterable[str]]) -> list[str] | None:
    """A prerequisite cycle as a closed list in working order (``[A, B, A]``: A before B before A).

    ``prerequisites`` maps each code to the codes it waits for; codes not in the mapping are
    ignored (they are met). Returns None when there is no cycle.
    """
    dependents: dict[str, list[str]] = {code: [] for code in prerequisites}
    for code, prereqs in prerequisites.items():
        for p in prereqs:
            if p in dependents:
                dependents[p].append(code)
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(dependents, white)
    for root in dependents:
        if colour[root] != white:
            continue
        # Iterative DFS: catalogs are small, but a deep chain should not hit the recursion limit.
        path: list[str] = [root]
        stack: list[Iterator[str]] = [iter(dependents[root])]
        colour[root] = grey
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                colour[path.pop()] = black
                stack.pop()
                continue
            if colour[nxt] == grey:
                return path[path.index(nxt) :] + [nxt]
            if colour[nxt] == white:
                colour[nxt] = grey
                path.append(nxt)
                stack.append(iter(dependents[nxt]))
    return None


def cycle_message(cycle: Sequence[str]) -> str:
    """``前置事项循环：A → B → A`` — the words the clerk sees for a cycle."""
    return "前置事项循环：" + " → ".join(cycle)


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


# -- lights ------------------------------------------------------------------------------------
YELLOW_WINDOW = 2  # working days before the latest finish when the light turns yellow (rules.md)


def item_light(
    item: ScheduledItem | None,
    today: dt.date,
    calendar: WorkCalendar,
    *,
    done: bool = False,
    actual_finish: dt.date | None = None,
) -> Light:
    """The warning light of one item on ``today``.

    Grey when done (``done`` or an ``actual_finish`` given, or the schedule says so) or not
    scheduled; red when today is past its latest finish or its slack is negative (it cannot make
    the target); yellow when its latest finish is 0, 1 or 2 working days away; else green.
    """
    if item is None or done or actual_finish is not None or item.done:
        return Light.GREY
    if today > item.latest_finish or item.slack_days < 0:
        return Light.RED
    if calendar.workdays_between(today, item.latest_finish) <= YELLOW_WINDOW:
        return Light.YELLOW
    return Light.GREEN


def finished_on_time(item: ScheduledItem, actual_finish: dt.date) -> bool:
    """Whether a ticked-off item finished by its latest finish (the bulletin's on-time rate)."""
    return actual_finish <= item.latest_finish


# -- cascade -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Shift:
    """How one item's earliest dates moved in a cascade (working days, + later / − earlier)."""

    code: str
    old_start: dt.date
    new_start: dt.date
    old_finish: dt.date
    new_finish: dt.date
    workdays: int


@dataclass(frozen=True)
class NodeMove:
    """The outcome of moving one node: the new inputs and schedule, and what moved with it."""

    code: str
    old_finish: dt.date
    new_finish: dt.date
    reason: str
    items: tuple[PlanItem, ...]
    before: ScheduleResult
    schedule: ScheduleResult
    shifted: tuple[Shift, ...] = field(default_factory=tuple)

    @property
    def dependents(self) -> tuple[str, ...]:
        """The other items whose dates changed (the ones to tell their departments about)."""
        return tuple(s.code for s in self.shifted if s.code != self.code)


def move_node(
    items: Sequence[PlanItem],
    code: str,
    new_finish: dt.date,
    reason: str,
    start_date: dt.date,
    target_date: dt.date,
    calendar: WorkCalendar,
) -> NodeMove:
    """Pin item ``code`` to finish on ``new_finish`` and recompute every dependent (调整节点).

    The reason is required (it goes on the wall chart and the weekly bulletin). The new date must
    be a working day, not before what the item's prerequisites allow, and the item must be an open
    must-do item. Moving a node earlier than its old pin is allowed; dependents follow either way.
    """
    text = (reason or "").strip()
    if not text:
        raise ValidationError("调整节点须填写原因", field="reason")
    by_code = {i.code: i for i in items}
    item = by_code.get(code)
    if item is None or item.classification is not Classification.MUST_DO:
        raise ValidationError(f"事项 {code} 不是本项目的必办事项，无法调整节点", field="code")
    if item.done:
        raise ValidationError(f"事项 {code}（{item.name}）已销号，不能调整节点", field="code")
    if not calendar.is_workday(new_finish):
        raise ValidationError(f"节点日期 {new_finish.isoformat()} 不是工作日", field="new_finish")
    before = schedule(items, start_date, target_date, calendar)
    # What the item could do with no pin of its own: the floor for the new date.
    unpinned = [replace(i, fixed_finish=None) if i.code == code else i for i in items]
    floor = schedule(unpinned, start_date, target_date, calendar)[code].earliest_finish
    if new_finish < floor:
        raise ValidationError(
            f"节点日期 {new_finish.isoformat()} 早于前置事项允许的最早完成日期 {floor.isoformat()}",
            field="new_finish",
        )
    moved = tuple(replace(i, fixed_finish=new_finish) if i.code == code else i for i in items)
    after = schedule(moved, start_date, target_date, calendar)
    shifted = tuple(
        Shift(
            c,
            old.earliest_start,
            new.earliest_start,
            old.earliest_finish,
            new.earliest_finish,
            calendar.workdays_between(old.earliest_finish, new.earliest_finish),
        )
        for c, new in after.items.items()
        if (old := before.items[c]).earliest_start != new.earliest_start or old.earliest_finish != new.earliest_finish
    )
    return NodeMove(
        code=code,
        old_finish=before[code].earliest_finish,
        new_finish=after[code].earliest_finish,
        reason=text,
        items=moved,
        before=before,
        schedule=after,
        shifted=shifted,
    )


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
    that what held an item back has cleared (issue 3, "Tracking"); an item that never waited is
    simply in progress. Prerequisites that are not must-do or not in ``states`` count as met, as
    in the schedule. Order follows ``states``.
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
