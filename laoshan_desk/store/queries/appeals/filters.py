"""The queue's WHERE and ORDER BY: the role's row scope, the clerk's filters, the sort columns."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Protocol

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    false,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import Session

from laoshan_desk.domain.appeals.filters import LightFilter, QueueScope, StatusGroup
from laoshan_desk.store.models.appeals import Appeal, AppealUnit

from .lights import FINISHED, OPEN, light_condition
from .search import search_condition

SORTS: dict[str, Any] = {
    "received_at": Appeal.received_at,
    "number": Appeal.number,
    "kind": Appeal.kind,
    "channel": Appeal.channel,
    "status": Appeal.status,
    "level": Appeal.level,
    "completion_limit": Appeal.completion_limit,
    "response_limit": Appeal.response_limit,
    "finished_at": Appeal.finished_at,
    "satisfaction": Appeal.satisfaction,
    "street": Appeal.street_id,
    "unit": Appeal.unit_id,
    "appellant": Appeal.appellant_initials,
}


class QueueFilterLike(Protocol):
    """What the queue filters on (services/appeals/queue.py ``QueueFilter``), read-only."""

    @property
    def scope(self) -> str: ...  # QueueScope code
    @property
    def kind(self) -> str | None: ...
    @property
    def status(self) -> str | None: ...  # a status code, or a StatusGroup code
    @property
    def channel(self) -> str | None: ...
    @property
    def street_id(self) -> uuid.UUID | None: ...
    @property
    def community_id(self) -> uuid.UUID | None: ...
    @property
    def unit_id(self) -> uuid.UUID | None: ...
    @property
    def light(self) -> str | None: ...  # LightFilter code
    @property
    def date_from(self) -> dt.date | None: ...
    @property
    def date_to(self) -> dt.date | None: ...
    @property
    def text(self) -> str | None: ...


# -- scope and filters -------------------------------------------------------------------------
def scope_condition(
    scope: str,
    unit_id: uuid.UUID | None,
    street_id: uuid.UUID | None,
    *,
    registered_by: uuid.UUID | None = None,
) -> Any:
    """Rows a role may see: all, its street's (place or handling unit), or its unit's (handling
    unit or co-handling unit). A scoped user without a unit sees nothing. ``registered_by``: the
    reader also sees the appeals it registered (docs/rules.md §appeals-intake: a street clerk
    registers at its counter an appeal of another street and keeps read access to it)."""
    if scope == "all":
        return None
    co = select(AppealUnit.appeal_id).where(AppealUnit.unit_id == unit_id)
    parts: list[ColumnElement[bool]] = []
    if registered_by is not None:
        parts.append(Appeal.created_by_id == registered_by)
    if scope == "street":
        if street_id is not None:
            parts.append(Appeal.street_id == street_id)
        if unit_id is not None:
            parts += [Appeal.unit_id == unit_id, Appeal.id.in_(co)]
    elif unit_id is not None:
        parts += [Appeal.unit_id == unit_id, Appeal.id.in_(co)]
    return or_(*parts) if parts else false()


def narrows_to_open(f: QueueFilterLike) -> bool:
    """True when the filter keeps only open appeals: few rows, best found by the status index."""
    running_light = f.light in (LightFilter.RED, LightFilter.YELLOW, LightFilter.GREEN)
    return (f.status == StatusGroup.OPEN or f.status in OPEN or running_light) and not f.text


def filtered(
    f: QueueFilterLike,
    *,
    session: Session,
    user_id: uuid.UUID | None,
    scope: str,
    unit_id: uuid.UUID | None,
    street_id: uuid.UUID | None,
    now: dt.datetime,
    today: dt.date,
    horizon: dt.date,
    columns: Any = None,
) -> Select[Any]:
    if columns is None:
        q = select(Appeal)
    elif isinstance(columns, tuple | list):
        q = select(*columns).select_from(Appeal)
    else:
        q = select(columns).select_from(Appeal)
    conditions = [scope_condition(scope, unit_id, street_id, registered_by=user_id)]
    if f.scope == QueueScope.MINE:
        conditions.append(Appeal.handler_id == user_id if user_id else false())
    elif f.scope == QueueScope.UNIT:
        conditions.append(scope_condition("unit", unit_id, None))
    if f.kind:
        conditions.append(Appeal.kind == f.kind)
    if f.status == StatusGroup.OPEN:
        conditions.append(Appeal.status.in_(OPEN))
    elif f.status == StatusGroup.FINISHED:
        conditions.append(Appeal.status.in_(FINISHED))
    elif f.status:
        conditions.append(Appeal.status == f.status)
    if f.channel:
        conditions.append(Appeal.channel == f.channel)
    if f.street_id:
        conditions.append(Appeal.street_id == f.street_id)
    if f.community_id:
        conditions.append(Appeal.community_id == f.community_id)
    if f.unit_id:
        conditions.append(Appeal.unit_id == f.unit_id)
    if f.light:
        conditions.append(light_condition(f.light, now, today, horizon))
    if f.date_from:
        conditions.append(Appeal.received_at >= _start(f.date_from, now))
    if f.date_to:
        conditions.append(Appeal.received_at < _start(f.date_to + dt.timedelta(days=1), now))
    if f.text and f.text.strip():
        conditions.append(search_condition(session, f.text.strip()))
    conditions = [c for c in conditions if c is not None]
    return q.where(*conditions) if conditions else q


def local_day(dialect: str) -> ColumnElement[Any]:
    """``appeal.received_at`` as its Shanghai calendar day, computed in SQL (the hot spots bucket
    a year of appeals by day without building a datetime per row): 'YYYY-MM-DD' text on SQLite,
    a date on PostgreSQL. Shanghai keeps no daylight-saving time: UTC + 8 hours."""
    if dialect == "sqlite":
        return func.date(Appeal.received_at, "+8 hours", type_=String)  # the text: no parsing per row
    return func.date(func.timezone("Asia/Shanghai", Appeal.received_at))


def _start(day: dt.date, now: dt.datetime) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=now.tzinfo)


def order(
    q: Select[Any], sort: str | None, descending: bool, *, few_rows: bool = False, dialect: str = ""
) -> Select[Any]:
    """ORDER BY the sort column (then seq). ``few_rows``: the filter keeps few rows (open appeals),
    so on SQLite the sort column is written ``+column``: that stops the planner from walking the
    whole sort index in order (its statistics are per-status averages and cannot know that open
    appeals are a small minority) and makes it start from the status index, then sort."""
    column = SORTS.get(sort or "received_at", Appeal.received_at)
    if sort is None:
        descending = True  # newest first by default
    if few_rows and dialect == "sqlite":
        column = literal_column(f"+appeal.{column.name}")
    primary = column.desc() if descending else column.asc()
    tie = Appeal.seq.desc() if descending else Appeal.seq.asc()
    return q.order_by(primary, tie)
