"""The task-force log (专班台账): meetings, site visits and problems, with the counts the project
page shows (docs/rules.md §approvals-task-force-log)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select

from laoshan_desk.domain.approvals import LogKind
from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.domain.labels import chosen
from laoshan_desk.services.approvals.common import EDIT, VIEW, load_project, log_counts_of
from laoshan_desk.services.approvals.inputs import LogInput, SolveForm, cleaned
from laoshan_desk.services.approvals.views import LogCounts, LogRow
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.approvals import LogEntry

__all__ = ["log_counts", "log_entries", "add_log_entry", "solve_problem"]


def log_counts(db: Database, actor: Actor, project_id: uuid.UUID) -> LogCounts:
    actor.require(VIEW)
    with db.session() as session:
        project = load_project(session, actor, project_id)
        return log_counts_of(session, project.id)


def log_entries(db: Database, actor: Actor, project_id: uuid.UUID, kind: LogKind | None = None) -> list[LogRow]:
    actor.require(VIEW)
    with db.session() as session:
        project = load_project(session, actor, project_id)
        q = select(LogEntry).where(LogEntry.project_id == project.id)
        if kind:
            q = q.where(LogEntry.kind == LogKind(kind).value)
        return [
            LogRow(e.id, LogKind(e.kind), e.on, e.title, e.detail, tuple(e.departments or ()), e.owner, e.solved_on)
            for e in session.scalars(q.order_by(LogEntry.on, LogEntry.recorded_at))
        ]


def add_log_entry(db: Database, actor: Actor, entry: LogInput, *, now: dt.datetime) -> uuid.UUID:
    """Record a meeting, a site visit or a problem (a problem names its owner)."""
    actor.require(EDIT)
    entry = cleaned(entry)  # control characters out, dates in range
    kind = chosen(LogKind, entry.kind, "台账类型应为专题会议、现场踏勘或问题", field="kind")
    title = (entry.title or "").strip()
    if not title:
        raise ValidationError(f"请填写{kind.title_label}", field="title")
    if kind is LogKind.PROBLEM and not (entry.owner or "").strip():
        raise ValidationError("请填写问题的责任人", field="owner")
    if entry.solved_on is not None and entry.solved_on < entry.on:
        raise ValidationError("解决日期不能早于提出日期", field="solved_on")
    with unit_of_work(db, actor, now=now) as work:
        project = load_project(work.session, actor, entry.project_id)
        row = LogEntry(
            id=uuid.uuid4(),
            project_id=project.id,
            kind=kind.value,
            on=entry.on,
            title=title[:300],
            detail=(entry.detail or "").strip(),
            departments=list(entry.departments),
            owner=(entry.owner or "").strip(),
            solved_on=entry.solved_on,
            recorded_at=now,
            recorded_by=actor.username,
        )
        work.session.add(row)
        work.audit(
            "create",
            "approval_log_entry",
            row.id,
            f"{project.number} 专班台账：{kind.label} {title}"[:300],
            after={"kind": kind.value, "on": entry.on.isoformat(), "owner": row.owner},
        )
        return row.id


def solve_problem(db: Database, actor: Actor, form: SolveForm, *, now: dt.datetime) -> None:
    actor.require(EDIT)
    form = cleaned(form)  # control characters out, dates in range
    with unit_of_work(db, actor, now=now) as work:
        entry = work.session.get(LogEntry, form.entry_id)
        if entry is None or entry.kind != LogKind.PROBLEM.value:
            raise NotFound("问题不存在")
        project = load_project(work.session, actor, entry.project_id)
        if form.solved_on < entry.on:
            raise ValidationError("解决日期不能早于提出日期", field="solved_on")
        entry.solved_on = form.solved_on
        work.audit(
            "update",
            "approval_log_entry",
            entry.id,
            f"{project.number} 问题已解决：{entry.title}"[:300],
            after={"solved_on": form.solved_on.isoformat()},
        )
