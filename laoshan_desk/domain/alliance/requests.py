"""Anti-counterfeiting requests (护航): the order of their dated steps, and the numbers they carry.

A request from a member is received, officers are assigned (with the regions they go to), a
coordination letter goes to each other region's market-supervision bureau, evidence and clues
are collected, and the request ends with an outcome (docs/rules/alliance.md §alliance-requests). Letters
and evidence may be recorded several times; nothing follows the outcome; every step is dated
no earlier than the one before it and never in the future.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from laoshan_desk.domain.alliance.vocabulary import RequestStep
from laoshan_desk.domain.errors import ValidationError

__all__ = [
    "StepFact",
    "check_step",
    "complaint_number",
    "letter_number",
    "request_number",
]

# What must already have happened before each step.
_NEEDS: dict[RequestStep, RequestStep] = {
    RequestStep.ASSIGNED: RequestStep.RECEIVED,
    RequestStep.LETTER: RequestStep.ASSIGNED,
    RequestStep.EVIDENCE: RequestStep.ASSIGNED,
    RequestStep.OUTCOME: RequestStep.ASSIGNED,
}


@dataclasses.dataclass(frozen=True)
class StepFact:
    step: RequestStep
    on: dt.date


def check_step(done: Sequence[StepFact], step: RequestStep, on: dt.date, *, today: dt.date) -> None:
    """Refuse a step out of order, after the outcome, dated before the last step or in the future."""
    kinds = {s.step for s in done}
    if step is RequestStep.RECEIVED:
        if done:
            raise ValidationError("请求已受理，不能重复受理", field="step")
        return
    if RequestStep.OUTCOME in kinds:
        raise ValidationError("请求已办结，不能再添加步骤", field="step")
    need = _NEEDS[step]
    if need not in kinds:
        raise ValidationError(f"“{step.label}”之前须先“{need.label}”", field="step")
    if on > today:
        raise ValidationError("步骤日期不能晚于今天", field="on")
    last = max((s.on for s in done), default=None)
    if last is not None and on < last:
        raise ValidationError(f"步骤日期不能早于上一步骤（{last:%Y-%m-%d}）", field="on")


def request_number(year: int, serial: int) -> str:
    """HH2023-007: 护航 request 7 of 2023."""
    return f"HH{year}-{serial:03d}"


def letter_number(year: int, serial: int) -> str:
    """崂市监协〔2023〕3号: the bureau's coordination-letter series."""
    return f"崂市监协〔{year}〕{serial}号"


def complaint_number(day: dt.date, serial: int) -> str:
    """TS20261125-0003: the third complaint or report registered on that day."""
    return f"TS{day:%Y%m%d}-{serial:04d}"
