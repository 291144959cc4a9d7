"""The appeal queue: one page of rows and the count, filtered, scoped and sorted in SQL.

The queue reads the stored limits, so a page of 200 rows costs one indexed query; the countdown
texts and lights of those rows are computed here with the desk's calendar.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from laoshan_desk.domain.appeals import AppealKind, AppealStatus, Channel, HandlingLevel, Satisfaction, clocks
from laoshan_desk.domain.appeals.filters import QueueScope, StatusGroup
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


@dataclasses.dataclass(frozen=True)
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


def _base(
    actor: Actor,
    f: QueueFilter,
    calendar: WorkCalendar,
    now: dt.datetime,
    session: Session,
    columns: ColumnElement[Any],
) -> Select[Any]:
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


def count(db: Database, actor: Actor, f: QueueFilter, *, now: dt.datetime) -> int:
    """How many appeals the filter keeps (for the count label and the tab)."""
    actor.require(VIEW)
    cal = work_calendar(db)
    with db.session() as s:
        return int(s.scalar(_base(actor, f, cal, now, s, func.count())) or 0)


def page(
    db: Database,
    actor: Actor,
    f: QueueFilter,
    *,
    now: dt.datetime,
    offset: int = 0,
    limit: int = 200,
    sort: str | None = None,
    descending: bool = False,
) -> list[AppealRow]:
    """One page of rows, filtered, scoped and sorted in SQL; lights and countdowns at ``now``."""
    actor.require(VIEW)
    if sort is not None and sort not in q.SORTS:
        sort = None
    cal = work_calendar(db)
    with db.session() as s:
        # Two steps: the page's sequence numbers (often from an index alone), then those rows.
        stmt = (
            q.order(
                _base(actor, f, cal, now, s, Appeal.seq.expression),
                sort,
                descending,
                few_rows=q.narrows_to_open(f),
                dialect=db.dialect,
            )
            .offset(offset)
            .limit(limit)
        )
        seqs = list(s.scalars(stmt))
        by_seq = {a.seq: a for a in s.scalars(select(Appeal).where(Appeal.seq.in_(seqs)))} if seqs else {}
        appeals = [by_seq[x] for x in seqs if x in by_seq]
        ids = {x for a in appeals for x in (a.street_id, a.community_id, a.unit_id) if x is not None}
        names = dict(s.execute(select(Unit.id, Unit.name).where(Unit.id.in_(ids))).tuples().all()) if ids else {}
        full = actor.role in SEES_FULL_NUMBERS
        return [_row(a, names, cal, now, full) for a in appeals]


def _row(a: Appeal, names: dict[uuid.UUID, str], cal: WorkCalendar, now: dt.datetime, full: bool) -> AppealRow:
    # The stored limit, and the same row light as the SQL filter (docs/rules.md §appeals-lights).
    clock = clocks.row_clock(
        a.completion_limit,
        a.received_at,
        cal,
        now,
        status=a.status,
        responded_at=a.responded_at,
        finished_at=a.finished_at,
    )
    phone = a.phone or ""
    return AppealRow(
        id=a.id,
        number=a.number,
        received_at=a.received_at,
        kind_label=label_of(AppealKind, a.kind),
        channel_label=label_of(Channel, a.channel),
        status=a.status,
        status_label=label_of(AppealStatus, a.status),
        level_label=label_of(HandlingLevel, a.level),
        street=names.get(a.street_id, "") if a.street_id else "",
        community=names.get(a.community_id, "") if a.community_id else "",
        unit=names.get(a.unit_id, "") if a.unit_id else "",
        appellant=a.appellant or "匿名",
        phone=phone if full or not phone else mask_phone(phone),
        content=a.content[:120],
        response_limit=a.response_limit,
        completion_limit=a.completion_limit,
        finished_at=a.finished_at,
        satisfaction_label=label_of(Satisfaction, a.satisfaction),
        response_text=clock.response_text,
        completion_text=clock.completion_text,
        response_light=clock.response_light,
        completion_light=clock.completion_light,
        supervised=a.supervised,
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
