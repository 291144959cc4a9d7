"""Moving a node (调整节点): pin one item's finish and recompute every dependent, with the reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from laoshan_desk.domain.approvals.reverse_schedule import PlanItem, ScheduleResult, schedule
from laoshan_desk.domain.approvals.vocabulary import Classification
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ValidationError

__all__ = ["Shift", "NodeMove", "move_node"]


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
