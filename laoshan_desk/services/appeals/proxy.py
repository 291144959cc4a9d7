"""帮代办: the proxy-service catalog and the tasks an appeal turns into (docs/rules.md §appeals-proxy)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from sqlalchemy import select

from laoshan_desk.domain.appeals import AppealStatus, clocks
from laoshan_desk.domain.appeals.steps import EventAction, ProxyTaskState
from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.services.appeals.common import (
    EDIT,
    VIEW,
    audit_appeal,
    check_version,
    clean_text,
    label_of,
    load_scoped,
    read_scope,
    record_step,
)
from laoshan_desk.services.appeals.forms import ProxyDoneForm, ProxyTaskForm
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import fill_id, recorded, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit
from laoshan_desk.store.models.appeals import Appeal, ProxyService, ProxyTask
from laoshan_desk.store.queries import appeals as q


@dataclasses.dataclass(frozen=True)
class ProxyServiceRow:
    id: uuid.UUID
    code: str
    name: str
    category: str
    department: str
    materials: tuple[str, ...]
    time_limit_workdays: int


@dataclasses.dataclass(frozen=True)
class ProxyTaskRow:
    id: uuid.UUID
    appeal_number: str
    service: str
    state: str
    state_label: str
    created_at: dt.datetime
    due: dt.date | None
    materials: tuple[str, ...]
    materials_received: tuple[str, ...]


def proxy_services(db: Database, actor: Actor) -> list[ProxyServiceRow]:
    """The 43-item catalog (reference data, readable by every user of the appeals area)."""
    actor.require(VIEW)
    with db.session() as s:
        depts = {u.code: u.name for u in s.scalars(select(Unit).where(Unit.kind == "department"))}
        return [
            ProxyServiceRow(
                p.id,
                p.code,
                p.name,
                p.category,
                depts.get(p.department_code or "", ""),
                tuple(p.materials or ()),
                p.time_limit_workdays,
            )
            for p in s.scalars(
                select(ProxyService).where(ProxyService.active.is_(True)).order_by(ProxyService.sort_order)
            )
        ]


@recorded("appeals.proxy_task", prepare=fill_id("task_id"))
def make_proxy_task(db: Database, actor: Actor, form: ProxyTaskForm, *, now: dt.datetime) -> uuid.UUID:
    """转帮代办: the appeal becomes a proxy-service task; its due date follows the service's limit."""
    actor.require(EDIT)
    note = clean_text(form.note, "note", "说明", 500)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = load_scoped(s, actor, form.appeal_id)
        check_version(a, form.version)
        service = s.get(ProxyService, form.service_id) if form.service_id is not None else None
        if service is None or not service.active:
            raise ValidationError("请选择帮代办事项", field="service")
        if a.status in q.FINISHED or a.status == AppealStatus.MERGED.value:
            raise ValidationError("诉求已办结，不能再转帮代办", field="service")
        if s.scalar(
            select(ProxyTask.id).where(
                ProxyTask.appeal_id == a.id,
                ProxyTask.service_id == service.id,
                ProxyTask.state == ProxyTaskState.OPEN.value,
            )
        ):
            raise ValidationError(f"已有未办完的“{service.name}”帮代办任务", field="service")
        due = (
            cal.add_workdays(clocks.local_date(now), service.time_limit_workdays)
            if service.time_limit_workdays
            else None
        )
        ident = form.task_id or uuid.uuid4()
        if s.get(ProxyTask, ident) is not None:
            raise ValidationError("该帮代办任务已经登记过（标识重复）", field="service")
        task = ProxyTask(
            id=ident,
            appeal_id=a.id,
            service_id=service.id,
            state=ProxyTaskState.OPEN.value,
            created_at=now,
            created_by=actor.username,
            due=due,
            materials_received=[],
            note=note,
        )
        s.add(task)
        step = f"转帮代办：{service.name}" + (f"，{due:%Y-%m-%d} 前办结" if due else "")
        record_step(work, a, EventAction.PROXY, a.status, step, a.unit_id)
        audit_appeal(work, a, f"转帮代办：{service.name}")
        return task.id


@recorded("appeals.proxy_done")
def finish_proxy_task(db: Database, actor: Actor, form: ProxyDoneForm, *, now: dt.datetime) -> None:
    """帮代办任务办完, with the materials received."""
    actor.require(EDIT)
    note = clean_text(form.note, "note", "说明", 500)
    with unit_of_work(db, actor, now) as work:
        task = work.session.get(ProxyTask, form.task_id)
        if task is None or task.state != ProxyTaskState.OPEN.value:
            raise NotFound("帮代办任务不存在或已办完")
        if task.appeal_id is not None:
            load_scoped(work.session, actor, task.appeal_id)
        task.state, task.finished_at = ProxyTaskState.DONE.value, now
        task.materials_received = list(form.materials_received)
        task.note = (task.note + "\n" + note).strip()
        work.audit("update", "proxy_task", task.id, "帮代办任务办完")


def proxy_tasks(
    db: Database,
    actor: Actor,
    *,
    appeal_id: uuid.UUID | None = None,
    state: ProxyTaskState | None = ProxyTaskState.OPEN,
) -> list[ProxyTaskRow]:
    """Proxy-service tasks (open ones by default), of one appeal or all, within the actor's scope."""
    actor.require(VIEW)
    stmt = (
        select(ProxyTask, ProxyService, Appeal.number)
        .join(ProxyService, ProxyService.id == ProxyTask.service_id)
        .outerjoin(Appeal, Appeal.id == ProxyTask.appeal_id)
        .order_by(ProxyTask.created_at.desc())
    )
    if appeal_id is not None:
        stmt = stmt.where(ProxyTask.appeal_id == appeal_id)
    if state is not None:
        stmt = stmt.where(ProxyTask.state == state.value)
    scope = read_scope(actor)
    if scope is not None:
        stmt = stmt.where(scope)
    with db.session() as s:
        return [
            ProxyTaskRow(
                t.id,
                number or "",
                p.name,
                t.state,
                label_of(ProxyTaskState, t.state),
                t.created_at,
                t.due,
                tuple(p.materials or ()),
                tuple(t.materials_received or ()),
            )
            for t, p, number in s.execute(stmt.limit(500)).tuples()
        ]
