"""The appeal queue: one page of rows and the count, filtered, scoped and sorted in SQL.

The queue reads the stored limits, so a page of 200 rows costs one indexed query; the countdown
texts and lights of those rows are computed here with the desk's calendar.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, func, select
from sqlalchemy.orm import Session, aliased

from laoshan_desk.domain.appeals import AppealKind, AppealStatus, Channel, HandlingLevel, Satisfaction, clocks
from laoshan_desk.domain.appeals.filters import QueueScope, StatusGroup
from laoshan_desk.domain.appeals.row_clocks import RowClocks
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.identifiers import mask_phone
from laoshan_desk.domain.lights import Light, worst
from laoshan_desk.domain.roles import SEES_FULL_NUMBERS
from laoshan_desk.services.appeals.common import VIEW, label_of
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit
from laoshan_desk.store.models.appeals import Appeal
from laoshan_desk.store.queries import appeals as q

PAGE_SIZE = 200  # rows a page of the queue holds; the ledger of a search alone sorts the same pages
# The first page the queue's view loads: a maximized 1080p window shows about 36 rows; more come
# as the clerk scrolls (ui/common/table_model.py PagedTableModel).
FIRST_PAGE = 50
SEQ = Appeal.seq.expression


@dataclasses.dataclass(frozen=True)
class QueueFilter:
    """The filter bar: codes of QueueScope, StatusGroup or AppealStatus, LightFilter."""

    scope: str = QueueScope.ALL.value
    kind: str | None = None
    status: str | None = None
    channel: str | None = None
    street_id: uuid.UUID | None = None
    community_id: uuid.UUID | None = None
    unit_id: uuid.UUID | None = None
    light: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class AppealRow:
    id: uuid.UUID
    number: str
    received_at: dt.datetime
    kind_label: str
    channel_label: str
    status: str
    status_label: str
    level_label: str
    street: str
    community: str
    unit: str
    appellant: str
    phone: str
    content: str
    response_limit: dt.datetime
    completion_limit: dt.date
    finished_at: dt.datetime | None
    satisfaction_label: str
    response_text: str
    completion_text: str
    response_light: Light
    completion_light: Light
    supervised: bool

    @property
    def light(self) -> Light:
        return worst([self.response_light, self.completion_light])


def base_select(
    actor: Actor,
    f: QueueFilter,
    calendar: WorkCalendar,
    now: dt.datetime,
    session: Session,
    columns: ColumnElement[Any] | tuple[Any, ...],
) -> Select[Any]:
    """The filter's select of ``columns`` (one or several), scoped and filtered in SQL."""
    today, horizon = clocks.yellow_horizon(calendar, now)
    return q.filtered(
        f,
        session=session,
        user_id=actor.user_id,
        scope=actor.scope,
        unit_id=actor.unit_id,
        street_id=actor.street_id,
        now=now,
        today=today,
        horizon=horizon,
        columns=columns,
    )


def _nothing_but_text(actor: Actor, f: QueueFilter) -> bool:
    """Whether the filter is its search text alone, for a role that sees every row."""
    if not f.text or actor.scope != "all" or f.scope != QueueScope.ALL.value:
        return False
    others = (f.kind, f.status, f.channel, f.street_id, f.community_id, f.unit_id, f.light, f.date_from, f.date_to)
    return all(value is None for value in others)


def search_alone(session: Session, actor: Actor, f: QueueFilter) -> tuple[str, str] | None:
    """The FTS table and match when the filter is a search of Chinese words and nothing else,
    for a role that sees every row: then the index alone answers the count and the pages."""
    if not _nothing_but_text(actor, f):
        return None
    return q.text_only_match(session.connection(), f.text.strip() if f.text else "")


def _index_match(session: Session, f: QueueFilter) -> tuple[str, str] | None:
    """The FTS table and match of the filter's search text when the index alone decides which
    rows it finds (Chinese words only, on SQLite); None when there is no such search."""
    if not f.text or not f.text.strip():
        return None
    return q.text_only_match(session.connection(), f.text.strip())


def count(db: Database, actor: Actor, f: QueueFilter, *, now: dt.datetime) -> int:
    """How many appeals the filter keeps (for the count label and the tab)."""
    actor.require(VIEW)
    cal = work_calendar(db)
    with db.session() as s:
        alone = search_alone(s, actor, f)
        if alone is not None:
            return q.fts_count(s, *alone)
        return int(s.scalar(base_select(actor, f, cal, now, s, func.count())) or 0)


def page(
    db: Database,
    actor: Actor,
    f: QueueFilter,
    *,
    now: dt.datetime,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    sort: str | None = None,
    descending: bool = False,
) -> list[AppealRow]:
    """One page of rows, filtered, scoped and sorted in SQL; lights and countdowns at ``now``."""
    actor.require(VIEW)
    if sort is not None and sort not in q.SORTS:
        sort = None
    cal = work_calendar(db)
    with db.session() as s:
        # A search by the time received pages through the FTS index in its own order (rowid =
        # the receipt key, store/queries/appeals/fts_index.py): no sort of every hit.
        by_receipt = sort in (None, "received_at")
        newest_first = descending or sort is None
        match = _index_match(s, f) if by_receipt else None
        seqs: list[int] | None = None
        if match is not None:
            alone = _nothing_but_text(actor, f)
            others = None if alone else base_select(actor, dataclasses.replace(f, text=None), cal, now, s, SEQ)
            seqs = q.receipt_page(s, others, *match, offset=offset, limit=limit, descending=newest_first)
            if seqs is None:
                match = None
        if seqs is None:
            # Two steps: the page's sequence numbers (often from an index alone), then those rows.
            stmt = (
                q.order(
                    base_select(actor, f, cal, now, s, SEQ),
                    sort,
                    descending,
                    few_rows=q.narrows_to_open(f),
                    dialect=db.dialect,
                )
                .offset(offset)
                .limit(limit)
            )
            seqs = list(s.scalars(stmt))
        # One Core statement built once, no ORM step: a page is read on every scroll.
        rows = s.connection().execute(_ROWS_BY_SEQ, {"seqs": seqs}).all() if seqs else []
        by_seq = {r.seq: r for r in rows}
        picked = [by_seq[x] for x in seqs if x in by_seq]
        if match is not None:
            picked.sort(key=lambda r: (r.received_at, r.seq), reverse=newest_first)
        full = actor.role in SEES_FULL_NUMBERS
        row_clocks = RowClocks(cal, now)
        return [_row(r, row_clocks, full) for r in picked]


# What a row shows, and no more: the content cut in SQL, the units' names joined, no ORM objects.
_STREET, _COMMUNITY, _UNIT = aliased(Unit), aliased(Unit), aliased(Unit)
ROW_COLUMNS = (
    Appeal.seq,
    Appeal.id,
    Appeal.number,
    Appeal.received_at,
    Appeal.kind,
    Appeal.channel,
    Appeal.status,
    Appeal.level,
    _STREET.name.label("street"),
    _COMMUNITY.name.label("community"),
    _UNIT.name.label("unit"),
    Appeal.appellant,
    Appeal.phone,
    func.substr(Appeal.content, 1, 120).label("content"),
    Appeal.completion_limit,
    Appeal.responded_at,
    Appeal.finished_at,
    Appeal.satisfaction,
    Appeal.supervised,
)


def _rows_select() -> Select[Any]:
    return (
        select(*ROW_COLUMNS)
        .outerjoin(_STREET, _STREET.id == Appeal.street_id)
        .outerjoin(_COMMUNITY, _COMMUNITY.id == Appeal.community_id)
        .outerjoin(_UNIT, _UNIT.id == Appeal.unit_id)
    )


_ROWS_BY_SEQ = _rows_select().where(Appeal.seq.in_(bindparam("seqs", expanding=True)))


def _row(r: Any, row_clocks: RowClocks, full: bool) -> AppealRow:
    # The stored limit, and the same row light as the SQL filter (docs/rules.md §appeals-lights).
    clock = row_clocks.clock(
        r.completion_limit, r.received_at, status=r.status, responded_at=r.responded_at, finished_at=r.finished_at
    )
    phone = r.phone or ""
    return AppealRow(
        id=r.id,
        number=r.number,
        received_at=r.received_at,
        kind_label=label_of(AppealKind, r.kind),
        channel_label=label_of(Channel, r.channel),
        status=r.status,
        status_label=label_of(AppealStatus, r.status),
        level_label=label_of(HandlingLevel, r.level),
        street=r.street or "",
        community=r.community or "",
        unit=r.unit or "",
        appellant=r.appellant or "匿名",
        phone=phone if full or not phone else mask_phone(phone),
        content=r.content or "",
        response_limit=clock.response_limit,
        completion_limit=r.completion_limit,
        finished_at=r.finished_at,
        satisfaction_label=label_of(Satisfaction, r.satisfaction),
        response_text=clock.response_text,
        completion_text=clock.completion_text,
        response_light=clock.response_light,
        completion_light=clock.completion_light,
        supervised=bool(r.supervised),
    )


def tab_counts(db: Database, actor: Actor, *, now: dt.datetime) -> dict[str, int]:
    """The numbers on the tab: open appeals in my queue, my unit, all visible, and red ones."""
    actor.require(VIEW)
    open_ = StatusGroup.OPEN.value
    return {
        "mine": count(db, actor, QueueFilter(scope=QueueScope.MINE.value, status=open_), now=now),
        "unit": count(db, actor, QueueFilter(scope=QueueScope.UNIT.value, status=open_), now=now)
        if actor.unit_id
        else 0,
        "open": count(db, actor, QueueFilter(status=open_), now=now),
        "red": count(db, actor, QueueFilter(light=Light.RED.value), now=now),
    }


def status_choices() -> list[tuple[str, str]]:
    """The status filter's choices: the two groups, then every status."""
    return StatusGroup.choices() + AppealStatus.choices()
