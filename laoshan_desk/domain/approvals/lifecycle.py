"""The life cycle of an ordered item: its classification with a reason, then for a must-do item
not started → pre-review → accepted → inspection/acceptance → done (ticked off, 销号), the moves a
clerk may make, and the dated steps that record them (docs/rules.md §approvals-classification,
§approvals-tracking)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from laoshan_desk.domain.approvals.vocabulary import STATUS_FLOW, Classification, ItemStatus
from laoshan_desk.domain.errors import ValidationError

__all__ = [
    "classification_reason",
    "check_reclassification",
    "check_prerequisites_done",
    "applicable_steps",
    "next_statuses",
    "can_transition",
    "check_transition",
    "StatusStep",
    "ItemProgress",
    "advance",
]


# -- classification ----------------------------------------------------------------------------
def classification_reason(reason: str, *, code: str | None = None, field: str = "reason") -> str:
    """The reason an item is must-do, self-handled or not needed, stripped; every classification
    has one, because the one-time notice tells the applicant each of them once
    (docs/rules.md §approvals-classification). ``code`` names the item in a list's message."""
    text = (reason or "").strip()
    if text:
        return text
    if code is not None:
        raise ValidationError(f"事项 {code} 请填写分类理由（一次告知书将逐项列明）", field=field)
    raise ValidationError("请填写分类理由（将写入一次告知书）", field=field)


def check_reclassification(name: str, status: ItemStatus, new: Classification) -> None:
    """An item already under way stays must-do: its dated steps are on the record."""
    if status is not ItemStatus.NOT_STARTED and new is not Classification.MUST_DO:
        raise ValidationError(f"事项“{name}”已开始办理（{status.label}），不能改为{new.label}", field="classification")


# -- life cycle --------------------------------------------------------------------------------
def applicable_steps(*, pre_review: bool = True, site_inspection: bool = True) -> tuple[ItemStatus, ...]:
    """The statuses an item passes through, given whether it has pre-review and site inspection.

    An item without pre-review (e.g. a plain filing) goes straight from not started to accepted; one
    without site inspection or acceptance goes from accepted to done.
    """
    return tuple(
        s
        for s in STATUS_FLOW
        if not (s is ItemStatus.PRE_REVIEW and not pre_review)
        and not (s is ItemStatus.INSPECTION and not site_inspection)
    )


def next_statuses(
    current: ItemStatus | str, *, pre_review: bool = True, site_inspection: bool = True
) -> tuple[ItemStatus, ...]:
    """The statuses a clerk may move the item to: the next applicable step only.

    Forward one step only, so that every date the weekly bulletin reports (accepted on, inspected
    on) is really recorded; steps that do not apply to the item are skipped. A mistaken step is
    undone by an admin correction, not by moving backwards here.
    """
    cur = ItemStatus(current)
    steps = applicable_steps(pre_review=pre_review, site_inspection=site_inspection)
    if cur not in steps:
        # The catalog changed under an item (e.g. pre-review dropped while it was in pre-review):
        # let it continue with the next step that still applies.
        later = [s for s in steps if s.step > cur.step]
        return tuple(later[:1])
    index = steps.index(cur)
    return steps[index + 1 : index + 2]


def can_transition(
    current: ItemStatus | str,
    target: ItemStatus | str,
    *,
    pre_review: bool = True,
    site_inspection: bool = True,
) -> bool:
    """Whether an item in ``current`` may move to ``target``."""
    return ItemStatus(target) in next_statuses(current, pre_review=pre_review, site_inspection=site_inspection)


def check_transition(
    current: ItemStatus | str,
    target: ItemStatus | str,
    *,
    pre_review: bool = True,
    site_inspection: bool = True,
    on: dt.date | None = None,
    today: dt.date | None = None,
) -> None:
    """Raise ValidationError with a Chinese message when the move is refused.

    Ticking off (done) needs the date it was finished: lights, on-time rates and the cascade all
    count from it. No step may be dated after ``today`` when ``today`` is given.
    """
    cur, tgt = ItemStatus(current), ItemStatus(target)
    if cur is ItemStatus.DONE:
        raise ValidationError("事项已销号，不能再变更状态", field="status")
    allowed = next_statuses(cur, pre_review=pre_review, site_inspection=site_inspection)
    if tgt not in allowed:
        choices = "、".join(s.label for s in allowed) or "无"
        raise ValidationError(f"事项当前为“{cur.label}”，不能变为“{tgt.label}”（可变为：{choices}）", field="status")
    if tgt is ItemStatus.DONE and on is None:
        raise ValidationError("销号须填写办结日期", field="on")
    if on is not None and today is not None and on > today:
        raise ValidationError(f"{tgt.label}日期 {on.isoformat()} 不能晚于今天 {today.isoformat()}", field="on")


@dataclass(frozen=True)
class StatusStep:
    """One recorded move: to which status, on which day, by whom."""

    status: ItemStatus
    on: dt.date
    by: str = ""


@dataclass(frozen=True)
class ItemProgress:
    """Where one must-do item stands, with the dated steps that brought it there."""

    status: ItemStatus = ItemStatus.NOT_STARTED
    steps: tuple[StatusStep, ...] = ()

    def date_of(self, status: ItemStatus | str) -> dt.date | None:
        """The day the item reached ``status``, or None."""
        wanted = ItemStatus(status)
        for step in self.steps:
            if step.status is wanted:
                return step.on
        return None

    @property
    def started_on(self) -> dt.date | None:
        """The first recorded step: the actual start shown on the wall chart."""
        return self.steps[0].on if self.steps else None

    @property
    def finished_on(self) -> dt.date | None:
        return self.date_of(ItemStatus.DONE)

    @property
    def pre_reviewed(self) -> bool:
        """Materials have been looked at by the department: in or past pre-review."""
        return self.status.step >= ItemStatus.PRE_REVIEW.step


def advance(
    progress: ItemProgress,
    target: ItemStatus | str,
    on: dt.date,
    by: str = "",
    *,
    pre_review: bool = True,
    site_inspection: bool = True,
    today: dt.date | None = None,
) -> ItemProgress:
    """The progress after moving to ``target`` on ``on``; refuses what check_transition refuses.

    Steps may share a day (the hotel's licences were accepted and issued the same day) but not go
    back in time, so the recorded dates always read in order.
    """
    tgt = ItemStatus(target)
    check_transition(
        progress.status,
        tgt,
        pre_review=pre_review,
        site_inspection=site_inspection,
        on=on,
        today=today,
    )
    if progress.steps and on < progress.steps[-1].on:
        last = progress.steps[-1]
        raise ValidationError(
            f"{tgt.label}日期 {on.isoformat()} 不能早于{last.status.label}日期 {last.on.isoformat()}",
            field="on",
        )
    return replace(progress, status=tgt, steps=progress.steps + (StatusStep(tgt, on, by),))


def check_prerequisites_done(target: ItemStatus, waiting: Sequence[str]) -> None:
    """Formal acceptance and tick-off wait until every must-do prerequisite is done; pre-review
    does not wait: it is what runs in parallel (docs/rules.md §approvals-tracking). ``waiting``
    names the must-do prerequisites still open ("SP023 特殊建设工程消防验收")."""
    if target in (ItemStatus.ACCEPTED, ItemStatus.DONE) and waiting:
        raise ValidationError(
            f"前置事项尚未销号：{'、'.join(waiting)}；{target.label}须待前置事项办结（可先行预审）", field="status"
        )
