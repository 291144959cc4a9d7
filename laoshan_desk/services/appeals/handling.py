"""Handling an appeal step by step: merge, dispatch (派单/改派), co-handling (吹哨报到), return (退单),
respond, progress, finish (办结), return visit (回访) and close (结案).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from laoshan_desk.domain.appeals import (
    AppealStatus,
    HandlingLevel,
    Satisfaction,
    clocks,
    finished_sms_text,
)
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.identifiers import is_mobile
from laoshan_desk.services.appeals import sms
from laoshan_desk.services.appeals.common import (
    ACTION_LABELS,
    _audit,
    _event,
    _move,
    _need_edit,
    _scoped,
    _text,
    recompute_clock,
)
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import Work, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit
from laoshan_desk.store.models.appeals import (
    Appeal,
    AppealUnit,
    AppealVisit,
)
from laoshan_desk.store.queries import appeals as q


def merge(db: Database, actor: Actor, appeal_id: uuid.UUID, into_id: uuid.UUID, now: dt.datetime) -> None:
    """合并: a repeat of an open appeal follows that one; its clocks stop."""
    _need_edit(actor)
    if appeal_id == into_id:
        raise ValidationError("不能与自身合并", field="merge")
    with unit_of_work(db, actor, now) as work:
        a = _scoped(work.session, actor, appeal_id)
        target = _scoped(work.session, actor, into_id)
        if target.status == AppealStatus.MERGED.value:
            raise ValidationError("目标诉求已被合并，请选择主诉求", field="merge")
        _move(work, a, AppealStatus.MERGED, "merge", f"并入 {target.number}")
        a.merged_into_id = target.id
        _audit(work, a, f"并入 {target.number}", {"merged_into": target.number})


# -- dispatch ------------------------------------------------------------------------------
def _check_unit_level(s: Session, unit_id: uuid.UUID, level: HandlingLevel) -> Unit:
    unit = s.get(Unit, unit_id)
    if unit is None or not unit.active:
        raise ValidationError("请选择承办单位", field="unit")
    expected = {
        HandlingLevel.COMMUNITY: ("community", "village"),
        HandlingLevel.STREET: ("street",),
        HandlingLevel.DEPARTMENT: ("department",),
    }[level]
    if unit.kind not in expected:
        raise ValidationError(f"承办层级为“{level.label}”时，承办单位应为{level.label}", field="unit")
    return unit


def dispatch(
    db: Database,
    actor: Actor,
    appeal_id: uuid.UUID,
    level: str,
    unit_id: uuid.UUID | None,
    now: dt.datetime,
    note: str = "",
    co_units: Sequence[uuid.UUID] = (),
) -> None:
    """派单 (or 改派 when already dispatched): the level fixes the completion limit."""
    _need_edit(actor)
    try:
        lvl = HandlingLevel(level)
    except ValueError:
        raise ValidationError("请选择承办层级", field="level") from None
    if unit_id is None:
        raise ValidationError("请选择承办单位", field="unit")
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = _scoped(s, actor, appeal_id)
        unit = _check_unit_level(s, unit_id, lvl)
        action = "reassign" if a.status == AppealStatus.DISPATCHED.value else "dispatch"
        if action == "reassign" and not note.strip():
            raise ValidationError("改派请填写原因", field="note")
        _move(work, a, AppealStatus.DISPATCHED, action, note.strip() or f"派至{unit.name}", unit.id)
        a.level, a.unit_id, a.handler_id, a.dispatched_at = lvl.value, unit.id, None, now
        recompute_clock(s, a, cal, now)
        for co in co_units:
            _add_co(work, a, co)
        _audit(work, a, f"{ACTION_LABELS[action]}至{unit.name}", {"level": lvl.value, "unit": unit.name})


def _add_co(work: Work, a: Appeal, unit_id: uuid.UUID) -> str:
    s = work.session
    unit = s.get(Unit, unit_id)
    if unit is None:
        raise ValidationError("协办单位不存在", field="co_units")
    if unit_id == a.unit_id:
        raise ValidationError("协办单位不能是承办单位本身", field="co_units")
    exists = s.scalar(select(AppealUnit.id).where(AppealUnit.appeal_id == a.id, AppealUnit.unit_id == unit_id))
    if not exists:
        s.add(AppealUnit(appeal_id=a.id, unit_id=unit_id, role="co", added_at=work.now, added_by=work.actor.username))
    return unit.name


def add_co_handlers(
    db: Database, actor: Actor, appeal_id: uuid.UUID, unit_ids: Sequence[uuid.UUID], now: dt.datetime, note: str = ""
) -> None:
    """吹哨报到: summon departments to help the handling unit."""
    _need_edit(actor)
    if not unit_ids:
        raise ValidationError("请选择协办单位", field="co_units")
    with unit_of_work(db, actor, now) as work:
        a = _scoped(work.session, actor, appeal_id)
        if a.status in q.FINISHED or a.status == AppealStatus.MERGED.value:
            raise ValidationError("诉求已办结，不能再吹哨", field="co_units")
        names = [_add_co(work, a, u) for u in unit_ids]
        _event(work, a, "co_handle", a.status, note or "协办：" + "、".join(names))
        _audit(work, a, "吹哨报到：" + "、".join(names))


def return_appeal(db: Database, actor: Actor, appeal_id: uuid.UUID, reason: str, now: dt.datetime) -> None:
    """退单: the unit sends the appeal back to the hall with a reason."""
    _need_edit(actor)
    reason = _text(reason, "reason", "退单原因", 500, required=True)
    with unit_of_work(db, actor, now) as work:
        a = _scoped(work.session, actor, appeal_id)
        _move(work, a, AppealStatus.RETURNED, "return", reason, a.unit_id)
        a.handler_id = a.created_by_id
        _audit(work, a, f"退单：{reason}")


def respond(db: Database, actor: Actor, appeal_id: uuid.UUID, now: dt.datetime, note: str = "") -> None:
    """响应: the unit acknowledges (and usually calls the appellant); the 4-hour clock stops."""
    _need_edit(actor)
    with unit_of_work(db, actor, now) as work:
        a = _scoped(work.session, actor, appeal_id)
        _move(work, a, AppealStatus.RESPONDED, "respond", note.strip(), a.unit_id)
        a.responded_at = now
        a.responded_on_time = not clocks.is_response_late(a.received_at, now, now)
        a.handler_id = actor.user_id
        _audit(work, a, "响应" + ("" if a.responded_on_time else "（超时）"))


def progress(db: Database, actor: Actor, appeal_id: uuid.UUID, now: dt.datetime, note: str = "") -> None:
    """办理中, or a progress note on an appeal already in progress."""
    _need_edit(actor)
    with unit_of_work(db, actor, now) as work:
        a = _scoped(work.session, actor, appeal_id)
        if a.status == AppealStatus.IN_PROGRESS.value:
            if not note.strip():
                raise ValidationError("请填写办理进展", field="note")
            _event(work, a, "progress", a.status, note.strip(), a.unit_id)
        else:
            _move(work, a, AppealStatus.IN_PROGRESS, "progress", note.strip(), a.unit_id)
        _audit(work, a, "办理进展：" + (note.strip() or "开始办理"))


def finish(db: Database, actor: Actor, appeal_id: uuid.UUID, result: str, now: dt.datetime) -> None:
    """办结: record the result, judge on-time, queue the SMS to the appellant."""
    _need_edit(actor)
    result = _text(result, "result", "办理结果", 4000, required=True)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = _scoped(s, actor, appeal_id)
        recompute_clock(s, a, cal, now)
        _move(work, a, AppealStatus.FINISHED, "finish", result, a.unit_id)
        a.finished_at, a.result = now, result
        a.finished_late = clocks.is_late(a.completion_limit, now, now)
        if a.responded_at is None:
            a.responded_on_time = not clocks.is_response_late(a.received_at, now, now)
        if a.phone and is_mobile(a.phone):
            unit_name = s.get(Unit, a.unit_id).name if a.unit_id else None
            sms.queue(
                s, a.id, a.phone, finished_sms_text(a.number, clocks.local(a.received_at), unit_name, a.appellant), now
            )
        _audit(work, a, "办结" + ("（超期）" if a.finished_late else ""))


def visit(
    db: Database,
    actor: Actor,
    appeal_id: uuid.UUID,
    result: str,
    now: dt.datetime,
    note: str = "",
    reopen: bool = False,
) -> None:
    """回访: satisfied / basically satisfied / dissatisfied; dissatisfied may reopen the appeal."""
    _need_edit(actor)
    try:
        verdict = Satisfaction(result)
    except ValueError:
        raise ValidationError("请选择回访结果", field="result") from None
    if reopen and verdict is not Satisfaction.DISSATISFIED:
        raise ValidationError("只有不满意的诉求可以重新办理", field="reopen")
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = _scoped(s, actor, appeal_id)
        _move(work, a, AppealStatus.VISITED, "visit", f"{verdict.label}" + (f"：{note}" if note else ""))
        a.satisfaction, a.visited_at = verdict.value, now
        s.add(AppealVisit(appeal_id=a.id, at=now, by=actor.username, result=verdict.value, note=note, reopened=reopen))
        if reopen:
            _move(work, a, AppealStatus.IN_PROGRESS, "reopen", "回访不满意，重新办理", a.unit_id)
            # The reopened appeal runs a fresh clock from the visit: the level's N working days.
            a.finished_at, a.finished_late = None, None
            a.extension_until = clocks.base_completion_limit(now, a.level, cal)
            a.extension_granted_at = now
            recompute_clock(s, a, cal, now)
        _audit(work, a, f"回访：{verdict.label}" + ("，重新办理" if reopen else ""))


def close(db: Database, actor: Actor, appeal_id: uuid.UUID, now: dt.datetime, note: str = "") -> None:
    """结案."""
    _need_edit(actor)
    with unit_of_work(db, actor, now) as work:
        a = _scoped(work.session, actor, appeal_id)
        _move(work, a, AppealStatus.CLOSED, "close", note)
        a.closed_at = now
        _audit(work, a, "结案")
