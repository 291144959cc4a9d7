"""The appeal queue: one page of rows and the count, filtered, scoped and sorted in SQL.

The queue reads the stored limits, so a page of 200 rows costs one indexed query; the countdown
texts and lights of those rows are computed here with the desk's calendar.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, select

from laoshan_desk.domain.appeals import AppealKind, AppealStatus, Channel, HandlingLevel, Satisfaction, clocks
from laoshan_desk.domain.identifiers import mask_phone
from laoshan_desk.domain.lights import Light, worst
from laoshan_desk.domain.roles import SEES_FULL_NUMBERS
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit
from laoshan_desk.store.models.appeals import Appeal
from laoshan_desk.store.queries import appeals as q

SCOPES = {"mine": "我的待办", "unit": "本单位", "all": "全部可见"}
LIGHTS = {"red": "红灯（超期）", "yellow": "黄灯（临期）", "green": "绿灯（正常）", "grey": "无计时"}
SORT_KEYS = tuple(q.SORTS)


@dataclasses.dataclass(frozen=True)
class QueueFilter:
    scope: str = "all"
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


def _label(enum_cls: Any, code: str | None) -> str:
    if not code:
        return ""
    try:
        return enum_cls(code).label
    except ValueError:
        return code


def _base(db: Database, actor: Actor, f: QueueFilter, now: dt.datetime, session: Any, columns: Any = None) -> Any:
    today, horizon = clocks.yellow_horizon(work_calendar(db), now)
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


def count(db: Database, actor: Actor, f: QueueFilter, now: dt.datetime) -> int:
    actor.require("appeals.view")
    with db.session() as s:
        stmt = _base(db, actor, f, now, s, columns=func.count())
        return int(s.scalar(stmt) or 0)


def page(
    db: Database,
    actor: Actor,
    f: QueueFilter,
    now: dt.datetime,
    *,
    offset: int = 0,
    limit: int = 200,
    sort: str | None = None,
    descending: bool = False,
) -> list[AppealRow]:
    actor.require("appeals.view")
    if sort is not None and sort not in q.SORTS:
        sort = None
    cal = work_calendar(db)
    with db.session() as s:
        # Two steps: the page's sequence numbers (often from an index alone), then those rows.
        stmt = (
            q.order(
                _base(db, actor, f, now, s, columns=Appeal.seq),
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


def _row(a: Appeal, names: dict[uuid.UUID, str], cal: Any, now: dt.datetime, full: bool) -> AppealRow:
    status = AppealStatus(a.status)
    responded = a.responded_at or a.finished_at
    if status is AppealStatus.MERGED:
        r_light = c_light = Light.GREY
        r_text = c_text = "已合并"
    else:
        r_light = (
            clocks.response_light(a.received_at, responded, now)
            if status not in (AppealStatus.SUSPENDED,) or responded
            else Light.GREY
        )
        r_text = clocks.response_countdown(a.received_at, responded, now)
        c_light = clocks.completion_light(
            a.completion_limit, cal, now, finished=a.finished_at is not None, stopped=status is AppealStatus.SUSPENDED
        )
        c_text = (
            "已挂起"
            if status is AppealStatus.SUSPENDED
            else clocks.completion_countdown(a.completion_limit, cal, now, a.finished_at)
        )
    phone = a.phone or ""
    return AppealRow(
        id=a.id,
        number=a.number,
        received_at=a.received_at,
        kind_label=_label(AppealKind, a.kind),
        channel_label=_label(Channel, a.channel),
        status=a.status,
        status_label=status.label,
        level_label=_label(HandlingLevel, a.level),
        street=names.get(a.street_id, "") if a.street_id else "",
        community=names.get(a.community_id, "") if a.community_id else "",
        unit=names.get(a.unit_id, "") if a.unit_id else "",
        appellant=a.appellant or "匿名",
        phone=phone if full or not phone else mask_phone(phone),
        content=a.content[:120],
        response_limit=a.response_limit,
        completion_limit=a.completion_limit,
        finished_at=a.finished_at,
        satisfaction_label=_label(Satisfaction, a.satisfaction),
        response_text=r_text,
        completion_text=c_text,
        response_light=r_light,
        completion_light=c_light,
        supervised=a.supervised,
    )


def tab_counts(db: Database, actor: Actor, now: dt.datetime) -> dict[str, int]:
    """The numbers on the tab: open appeals in my queue, my unit, all visible, and red ones."""
    return {
        "mine": count(db, actor, QueueFilter(scope="mine", status="open"), now),
        "unit": count(db, actor, QueueFilter(scope="unit", status="open"), now) if actor.unit_id else 0,
        "open": count(db, actor, QueueFilter(status="open"), now),
        "red": count(db, actor, QueueFilter(light="red"), now),
    }


def status_choices() -> list[tuple[str, str]]:
    return [("open", "未办结（全部）"), ("finished", "已办结（全部）")] + AppealStatus.choices()
