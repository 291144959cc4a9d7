"""同步冲突: the changes the hub could not apply because their record had changed there.

Both versions are kept (``sync_conflict.mine`` — the desk's row and the form the clerk filled
in; ``theirs`` — the hub's row). A clerk resolves each, audited:

- **keep theirs** (保留区级版本): the desk's change is dropped; the next pull takes the hub's row;
- **keep mine** (保留本窗口版本): the same change is sent again, on top of the hub's version (the
  hub checks it with the same rules as any change, and may still refuse it);
- **field by field** (逐项合并): as keep mine, but each field of the form that is also a column of
  the record (a result, a level, a unit) takes the value the clerk chose, mine or theirs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select

from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.services import uow
from laoshan_desk.services.context import Actor
from laoshan_desk.services.sync import outbox
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.sync import OutboxEntry, SyncConflict

VIEW, RESOLVE = "appeals.view", "appeals.edit"
MINE, THEIRS, FIELDS = "mine", "theirs", "fields"
CHOICES = {MINE: "保留本窗口版本", THEIRS: "保留区级版本", FIELDS: "逐项合并"}
ALREADY = "该冲突已处理"
# Columns shown side by side in the list (the rest are clocks and bookkeeping).
SHOWN = ("status", "level", "result", "satisfaction", "version")


@dataclasses.dataclass(frozen=True)
class FieldDiff:
    name: str
    mine: Any
    theirs: Any


@dataclasses.dataclass(frozen=True)
class ConflictRow:
    id: uuid.UUID
    label: str
    service: str
    message: str
    found_at: dt.datetime
    differences: tuple[FieldDiff, ...]  # record columns that differ
    form_fields: tuple[FieldDiff, ...]  # the form's fields that are columns: what 逐项合并 picks


def _row(c: SyncConflict) -> ConflictRow:
    mine, theirs = dict(c.mine.get("row") or {}), dict(c.theirs.get("row") or {})
    form = dict(c.mine.get("form") or {})
    diffs = tuple(FieldDiff(k, mine.get(k), theirs.get(k)) for k in SHOWN if mine.get(k) != theirs.get(k))
    fields = tuple(
        FieldDiff(k, v, theirs[k]) for k, v in form.items() if k in theirs and k not in ("version", "appeal_id")
    )
    return ConflictRow(c.id, c.label, c.service, c.message, c.found_at, diffs, fields)


def open_conflicts(db: Database, actor: Actor) -> list[ConflictRow]:
    actor.require(VIEW)
    with db.session() as s:
        stmt = select(SyncConflict).where(SyncConflict.state == "open").order_by(SyncConflict.found_at)
        return [_row(c) for c in s.scalars(stmt)]


def count_open(db: Database, actor: Actor) -> int:
    actor.require(VIEW)
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(SyncConflict).where(SyncConflict.state == "open")) or 0


@dataclasses.dataclass(frozen=True)
class ResolveForm:
    conflict_id: uuid.UUID
    choice: str  # mine | theirs | fields
    fields: Mapping[str, str] = dataclasses.field(default_factory=dict)  # form field -> mine | theirs


def resolve(db: Database, actor: Actor, form: ResolveForm, *, now: dt.datetime) -> None:
    """One conflict resolved as the clerk chose, with its audit record."""
    actor.require(RESOLVE)
    if form.choice not in CHOICES:
        raise ValidationError("请选择处理方式", field="choice")
    with uow.unit_of_work(db, actor, now) as work:
        s = work.session
        c = s.get(SyncConflict, form.conflict_id)
        if c is None:
            raise NotFound("冲突记录不存在")
        if c.state != "open":
            raise ValidationError(ALREADY, field="choice")
        entry = s.get(OutboxEntry, c.change_id)
        if entry is not None:
            entry.state, entry.refreshed = outbox.RESOLVED, form.choice != THEIRS
        if form.choice != THEIRS:
            _send_again(work, c, form)
        c.state, c.resolution, c.resolved_by, c.resolved_at = "resolved", form.choice, actor.username, now
        work.audit(
            "resolve",
            "sync_conflict",
            c.id,
            f"同步冲突 {c.label}：{CHOICES[form.choice]}",
            before={"mine": c.mine, "theirs": c.theirs},
            after={"choice": form.choice, "fields": dict(form.fields)},
        )


def _send_again(work: uow.Work, c: SyncConflict, form: ResolveForm) -> None:
    theirs = dict(c.theirs.get("row") or {})
    values = dict(c.mine.get("form") or {})
    if form.choice == FIELDS:
        for name, side in form.fields.items():
            if side not in (MINE, THEIRS) or name not in values:
                raise ValidationError(f"无法合并字段：{name}", field="fields")
            if side == THEIRS and name in theirs:
                values[name] = theirs[name]
    if "version" in values and "version" in theirs:
        values["version"] = theirs["version"]
    s = work.session
    old = s.get(OutboxEntry, c.change_id)
    n = (s.scalar(select(func.max(OutboxEntry.n))) or 0) + 1
    base = {k: theirs.get("version", v) for k, v in (old.base if old is not None else {}).items()}
    s.add(
        OutboxEntry(
            change_id=uuid.uuid4(),
            n=n,
            service=c.service,
            form=values,
            user_id=old.user_id if old is not None else work.actor.user_id,
            username=old.username if old is not None else work.actor.username,
            base=base,
            at=old.at if old is not None else work.now,
            state=outbox.PENDING,
            message="",
            refreshed=False,
            # The files the change attached go again by hash (the form's paths are this desk's).
            files=list(old.files or []) if old is not None else [],
        )
    )
