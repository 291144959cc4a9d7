"""Handling an appeal step by step: merge, dispatch (派单/改派), co-handling (吹哨报到), return (退单),
respond, progress, finish (办结), return visit (回访) and close (结案).

Each is one clerk action: permission first, the appeal loaded in the actor's scope, the version
the screen showed checked, the status move checked by the domain, one transaction with its step
and audit record (docs/rules.md §appeals-handling).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select

from laoshan_desk.domain.appeals import AppealStatus, HandlingLevel, Satisfaction, clocks, finished_sms_text
from laoshan_desk.domain.appeals.steps import EventAction
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.identifiers import is_mobile
from laoshan_desk.domain.labels import chosen
from laoshan_desk.services.appeals import sms
from laoshan_desk.services.appeals.common import (
    EDIT,
    audit_appeal,
    check_version,
    clean_text,
    day_counting,
    load_scoped,
    move,
    recompute_clock,
    record_step,
)
from laoshan_desk.services.appeals.forms import (
    CoHandleForm,
    DispatchForm,
    FinishForm,
    MergeForm,
    NoteForm,
    ReturnForm,
    VisitForm,
)
from laoshan_desk.services.appeals.validation import check_unit_for_level
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import Work, fill_id, recorded, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit
from laoshan_desk.store.models.appeals import Appeal, AppealUnit, AppealVisit
from laoshan_desk.store.queries import appeals as q


def merge_in(work: Work, appeal: Appeal, target: Appeal) -> None:
    """Merge ``appeal`` into ``target`` inside the caller's unit of work."""
    if appeal.id == target.id:
        raise ValidationError("不能与自身合并", field="merge")
    if target.status == AppealStatus.MERGED.value:
        raise ValidationError("目标诉求已被合并，请选择主诉求", field="merge")
    move(work, appeal, AppealStatus.MERGED, EventAction.MERGE, f"并入 {target.number}")
    appeal.merged_into_id = target.id
    audit_appeal(work, appeal, f"并入 {target.number}", {"merged_into": target.number})


@recorded("appeals.merge")
def merge(db: Database, actor: Actor, form: MergeForm, *, now: dt.datetime) -> None:
    """合并: a repeat of an open appeal follows that one; its clocks stop."""
    actor.require(EDIT)
    if form.appeal_id == form.into_id:
        raise ValidationError("不能与自身合并", field="merge")
    with unit_of_work(db, actor, now) as work:
        a = load_scoped(work.session, actor, form.appeal_id)
        check_version(a, form.version)
        merge_in(work, a, load_scoped(work.session, actor, form.into_id))


@recorded("appeals.dispatch")
def dispatch(db: Database, actor: Actor, form: DispatchForm, *, now: dt.datetime) -> None:
    """派单 (or 改派 when already dispatched): the level fixes the completion limit."""
    actor.require(EDIT)
    lvl = chosen(HandlingLevel, form.level, "请选择承办层级", field="level")
    if form.unit_id is None:
        raise ValidationError("请选择承办单位", field="unit")
    note = form.note.strip()
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = load_scoped(s, actor, form.appeal_id)
        check_version(a, form.version)
        unit = check_unit_for_level(s, form.unit_id, lvl)
        action = EventAction.REASSIGN if a.status == AppealStatus.DISPATCHED.value else EventAction.DISPATCH
        if action is EventAction.REASSIGN and not note:
            raise ValidationError("改派请填写原因", field="note")
        move(work, a, AppealStatus.DISPATCHED, action, note or f"派至{unit.name}", unit.id)
        a.level, a.unit_id, a.handler_id, a.dispatched_at = lvl.value, unit.id, None, now
        recompute_clock(s, a, cal, now)
        for co in form.co_units:
            _add_co(work, a, co)
        audit_appeal(work, a, f"{action.label}至{unit.name}", {"level": lvl.value, "unit": unit.name})


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


@recorded("appeals.co_handle")
def add_co_handlers(db: Database, actor: Actor, form: CoHandleForm, *, now: dt.datetime) -> None:
    """吹哨报到: summon departments to help the handling unit."""
    actor.require(EDIT)
    if not form.unit_ids:
        raise ValidationError("请选择协办单位", field="co_units")
    with unit_of_work(db, actor, now) as work:
        a = load_scoped(work.session, actor, form.appeal_id)
        check_version(a, form.version)
        if a.status in q.FINISHED or a.status == AppealStatus.MERGED.value:
            raise ValidationError("诉求已办结，不能再吹哨", field="co_units")
        names = [_add_co(work, a, u) for u in form.unit_ids]
        record_step(work, a, EventAction.CO_HANDLE, a.status, form.note or "协办：" + "、".join(names))
        audit_appeal(work, a, "吹哨报到：" + "、".join(names))


@recorded("appeals.return")
def return_appeal(db: Database, actor: Actor, form: ReturnForm, *, now: dt.datetime) -> None:
    """退单: the unit sends the appeal back to the hall with a reason."""
    actor.require(EDIT)
    reason = clean_text(form.reason, "reason", "退单原因", 500, required=True)
    with unit_of_work(db, actor, now) as work:
        a = load_scoped(work.session, actor, form.appeal_id)
        check_version(a, form.version)
        move(work, a, AppealStatus.RETURNED, EventAction.RETURN, reason, a.unit_id)
        a.handler_id = a.created_by_id
        audit_appeal(work, a, f"退单：{reason}")


@recorded("appeals.respond")
def respond(db: Database, actor: Actor, form: NoteForm, *, now: dt.datetime) -> None:
    """响应: the unit acknowledges (and usually calls the appellant); the 4-hour clock stops."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        a = load_scoped(work.session, actor, form.appeal_id)
        check_version(a, form.version)
        move(work, a, AppealStatus.RESPONDED, EventAction.RESPOND, form.note.strip(), a.unit_id)
        a.responded_at = now
        a.responded_on_time = not clocks.is_response_late(a.received_at, now, now)
        a.handler_id = actor.user_id
        audit_appeal(work, a, "响应" + ("" if a.responded_on_time else "（超时）"))


@recorded("appeals.progress")
def progress(db: Database, actor: Actor, form: NoteForm, *, now: dt.datetime) -> None:
    """办理中, or a progress note on an appeal already in progress."""
    actor.require(EDIT)
    note = form.note.strip()
    with unit_of_work(db, actor, now) as work:
        a = load_scoped(work.session, actor, form.appeal_id)
        check_version(a, form.version)
        if a.status == AppealStatus.IN_PROGRESS.value:
            if not note:
                raise ValidationError("请填写办理进展", field="note")
            record_step(work, a, EventAction.PROGRESS, a.status, note, a.unit_id)
        else:
            move(work, a, AppealStatus.IN_PROGRESS, EventAction.PROGRESS, note, a.unit_id)
        audit_appeal(work, a, "办理进展：" + (note or "开始办理"))


@recorded("appeals.finish", prepare=fill_id("sms_id"))
def finish(db: Database, actor: Actor, form: FinishForm, *, now: dt.datetime) -> None:
    """办结: record the result, judge on-time, queue the SMS to the appellant."""
    actor.require(EDIT)
    result = clean_text(form.result, "result", "办理结果", 4000, required=True)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = load_scoped(s, actor, form.appeal_id)
        check_version(a, form.version)
        recompute_clock(s, a, cal, now)
        move(work, a, AppealStatus.FINISHED, EventAction.FINISH, result, a.unit_id)
        a.finished_at, a.result = now, result
        a.finished_late = clocks.is_late(a.completion_limit, now, now)
        if a.responded_at is None:
            a.responded_on_time = not clocks.is_response_late(a.received_at, now, now)
        if a.phone and is_mobile(a.phone):
            unit = s.get(Unit, a.unit_id) if a.unit_id else None
            text = finished_sms_text(a.number, clocks.local(a.received_at), unit.name if unit else None, a.appellant)
            sms.queue(s, a.id, a.phone, text, now=now, ident=form.sms_id)
        audit_appeal(work, a, "办结" + ("（超期）" if a.finished_late else ""))


@recorded("appeals.visit")
def visit(db: Database, actor: Actor, form: VisitForm, *, now: dt.datetime) -> None:
    """回访: satisfied / basically satisfied / dissatisfied; dissatisfied may reopen the appeal."""
    actor.require(EDIT)
    verdict = chosen(Satisfaction, form.result, "请选择回访结果", field="result")
    if form.reopen and verdict is not Satisfaction.DISSATISFIED:
        raise ValidationError("只有不满意的诉求可以重新办理", field="reopen")
    note = form.note
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = load_scoped(s, actor, form.appeal_id)
        check_version(a, form.version)
        move(work, a, AppealStatus.VISITED, EventAction.VISIT, f"{verdict.label}" + (f"：{note}" if note else ""))
        a.satisfaction, a.visited_at = verdict.value, now
        s.add(
            AppealVisit(
                appeal_id=a.id, at=now, by=actor.username, result=verdict.value, note=note, reopened=form.reopen
            )
        )
        if form.reopen:
            move(work, a, AppealStatus.IN_PROGRESS, EventAction.REOPEN, "回访不满意，重新办理", a.unit_id)
            # The reopened appeal runs a fresh clock from the visit (docs/rules.md §appeals-handling).
            a.finished_at, a.finished_late = None, None
            a.extension_until = clocks.base_completion_limit(now, a.level, cal, counting=day_counting(s))
            a.extension_granted_at = now
            recompute_clock(s, a, cal, now)
        audit_appeal(work, a, f"回访：{verdict.label}" + ("，重新办理" if form.reopen else ""))


@recorded("appeals.close")
def close(db: Database, actor: Actor, form: NoteForm, *, now: dt.datetime) -> None:
    """结案."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        a = load_scoped(work.session, actor, form.appeal_id)
        check_version(a, form.version)
        move(work, a, AppealStatus.CLOSED, EventAction.CLOSE, form.note)
        a.closed_at = now
        audit_appeal(work, a, "结案")
