"""The task-force log (专班台账): meetings, site visits and problems."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select

from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.services.approvals.common import _log_counts, _project
from laoshan_desk.services.approvals.inputs import LogInput
from laoshan_desk.services.approvals.views import LOG_KIND_LABELS, LogCounts, LogRow
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.approvals import LogEntry


# -- task-force log ----------------------------------------------------------------------------
def log_counts(db: Database, actor: Actor, project_id: uuid.UUID) -> LogCounts:
    with db.session() as session:
        project = _project(session, actor, project_id)
        return _log_counts(session, project.id)


def log_entries(db: Database, actor: Actor, project_id: uuid.UUID, kind: str | None = None) -> list[LogRow]:
    with db.session() as session:
        project = _project(session, actor, project_id)
        q = select(LogEntry).where(LogEntry.project_id == project.id)
        if kind:
            q = q.where(LogEntry.kind == kind)
        return [
            LogRow(e.id, e.kind, e.on, e.title, e.detail, tuple(e.departments or ()), e.owner, e.solved_on)
            for e in session.scalars(q.order_by(LogEntry.on, LogEntry.recorded_at))
        ]


def add_log_entry(db: Database, actor: Actor, project_id: uuid.UUID, entry: LogInput) -> uuid.UUID:
    """Record a meeting, a site visit or a problem (a problem names its owner)."""
    actor.require("approvals.edit")
    if entry.kind not in LOG_KIND_LABELS:
        raise ValidationError("台账类型应为专题会议、现场踏勘或问题", field="kind")
    title = (entry.title or "").strip()
    if not title:
        label = {"meeting": "会议名称", "visit": "踏勘地点", "problem": "问题描述"}[entry.kind]
        raise ValidationError(f"请填写{label}", field="title")
    if entry.kind == "problem" and not (entry.owner or "").strip():
        raise ValidationError("请填写问题的责任人", field="owner")
    if entry.solved_on is not None and entry.solved_on < entry.on:
        raise ValidationError("解决日期不能早于提出日期", field="solved_on")
    with unit_of_work(db, actor) as work:
        project = _project(work.session, actor, project_id)
        row = LogEntry(
            id=uuid.uuid4(),
            project_id=project.id,
            kind=entry.kind,
            on=entry.on,
            title=title[:300],
            detail=(entry.detail or "").strip(),
            departments=list(entry.departments),
            owner=(entry.owner or "").strip(),
            solved_on=entry.solved_on,
            recorded_at=work.now,
            recorded_by=actor.username,
        )
        work.session.add(row)
        work.audit(
            "create",
            "approval_log_entry",
            row.id,
            f"{project.number} 专班台账：{LOG_KIND_LABELS[entry.kind]} {title}"[:300],
            after={"kind": entry.kind, "on": entry.on.isoformat(), "owner": row.owner},
        )
        return row.id


def solve_problem(db: Database, actor: Actor, entry_id: uuid.UUID, solved_on: dt.date) -> None:
    actor.require("approvals.edit")
    with unit_of_work(db, actor) as work:
        entry = work.session.get(LogEntry, entry_id)
        if entry is None or entry.kind != "problem":
            raise NotFound("问题不存在")
        project = _project(work.session, actor, entry.project_id)
        if solved_on < entry.on:
            raise ValidationError("解决日期不能早于提出日期", field="solved_on")
        entry.solved_on = solved_on
        work.audit(
            "update",
            "approval_log_entry",
            entry.id,
            f"{project.number} 问题已解决：{entry.title}"[:300],
            after={"solved_on": solved_on.isoformat()},
        )
